package org.sockd.core.internal.chain;

import java.util.Objects;
import org.sockd.api.Endpoint;
import org.sockd.api.protocol.Refusal;
import org.sockd.api.upstream.Login;

/** Whether and how one upstream can carry a request: what it is sent, or why it is passed over. */
sealed interface Plan {

    /**
     * @param sent the destination as the upstream gets it: an address, or a name for it to resolve
     * @param userId the SOCKS 4 user-id
     * @param login the login for SOCKS 5 or HTTP, or {@code null} for none
     */
    record Speak(Endpoint sent, String userId, Login login) implements Plan {
        public Speak {
            Objects.requireNonNull(sent, "sent");
            Objects.requireNonNull(userId, "userId");
        }
    }

    /**
     * Passed over without a try and without a report: no fault of the upstream.
     *
     * @param reason for the log
     * @param refusal what our client is told if no other upstream gets to answer
     */
    record Skip(String reason, Refusal refusal) implements Plan {
        public Skip {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(refusal, "refusal");
        }
    }
}
