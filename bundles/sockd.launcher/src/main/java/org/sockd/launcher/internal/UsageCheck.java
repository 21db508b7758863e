package org.sockd.launcher.internal;

import java.nio.file.Path;
import java.util.List;

/**
 * Run by bin/sockd before the daemon's JVM: a command line the launcher would refuse ends here,
 * with the usage and status 2, before a framework, a listener or an admin channel starts. A plain
 * Java program on the bundle jars; the launcher still checks a command line that bypassed it.
 */
public final class UsageCheck {

    private UsageCheck() {
    }

    public static void main(String[] args) {
        // the directories do not matter: only whether the arguments parse
        if (Options.parse(List.of(args), Path.of("config"), Path.of("")) instanceof Options.Invalid invalid) {
            System.err.print(invalid.text());
            System.exit(2);
        }
    }
}
