package org.sockd.shell.internal;

import java.util.List;
import org.sockd.api.admin.Reloadable;

/** The services the commands work on, as they are registered at the moment of asking. */
interface Registry {

    /** @return every registered {@link Reloadable} */
    List<Reloadable> reloadables();

    /** @return every registered access policy, in no particular order */
    List<PolicyService> policies();
}
