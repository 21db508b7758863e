package org.sockd.shell.internal;

import java.util.List;

/**
 * The registered access policies for sockd:policies; Gogo prints it through {@link #toString()}.
 *
 * @param preferredFirst the policies, the one in use first
 */
public record PolicyTable(List<PolicyService> preferredFirst) {

    public PolicyTable {
        preferredFirst = List.copyOf(preferredFirst);
    }

    @Override
    public String toString() {
        return StatusText.policies(preferredFirst);
    }
}
