package org.sockd.core.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import org.slf4j.Logger;

/**
 * How many sessions the core serves at once: {@code max.sessions} when it is set, otherwise as many
 * as the process's descriptor limit (RLIMIT_NOFILE) holds. A TCP session holds two descriptors, the
 * client's and the target's; the rest of the process (listeners, log files, the bundles' jars, ident
 * and resolver sockets, the JVM's own) gets a reserve of a quarter of the limit, at most 256. So
 * 1024 descriptors give 384 sessions and 20000 give 9872 (man/sockd.8, "Timeouts and limits").
 *
 * @param sessions the cap in force
 * @param descriptors the descriptor limit, when the system tells it
 */
record SessionCap(int sessions, OptionalLong descriptors) {

    /** The cap where the system does not tell its descriptor limit (it is not Linux). */
    static final int WITHOUT_DESCRIPTOR_LIMIT = 8192;
    private static final long RESERVE_AT_MOST = 256;
    private static final String OPEN_FILES = "Max open files ";

    /** @param configured {@code max.sessions}; 0 for the cap the descriptor limit allows */
    static SessionCap of(int configured, OptionalLong descriptors) {
        if (configured > 0) {
            return new SessionCap(configured, descriptors);
        }
        return new SessionCap(descriptors.isPresent() ? allowedBy(descriptors.getAsLong()) : WITHOUT_DESCRIPTOR_LIMIT,
                descriptors);
    }

    static int allowedBy(long descriptors) {
        long reserve = Math.min(RESERVE_AT_MOST, descriptors / 4);
        return (int) Math.clamp((descriptors - reserve) / 2, 1, Integer.MAX_VALUE);
    }

    /**
     * Read from {@code /proc/self/limits} (the soft limit, the one that is enforced). Not through the
     * platform MBean server: starting it cost a process for one inetd client some 20 ms, a tenth of
     * the time before its first byte.
     *
     * @return the process's descriptor limit, or empty when the system does not say
     */
    static OptionalLong processDescriptors() {
        try {
            return descriptorLimit(Files.readAllLines(Path.of("/proc/self/limits")));
        } catch (IOException e) {
            return OptionalLong.empty();
        }
    }

    /** @param limits the lines of a Linux {@code /proc/PID/limits} file */
    static OptionalLong descriptorLimit(List<String> limits) {
        for (String line : limits) {
            if (line.startsWith(OPEN_FILES)) {
                String soft = line.substring(OPEN_FILES.length()).strip().split("\\s+", 2)[0];
                long descriptors = soft.matches("[0-9]{1,18}") ? Long.parseLong(soft) : 0; // or "unlimited"
                return descriptors > 0 ? OptionalLong.of(descriptors) : OptionalLong.empty();
            }
        }
        return OptionalLong.empty();
    }

    /** Says which cap is in force and why, and warns when max.sessions asks more than the descriptors allow. */
    void log(Logger log, int configured) {
        String limit = descriptors.isPresent() ? descriptors.getAsLong() + " descriptors (RLIMIT_NOFILE)"
                : "no descriptor limit known";
        if (configured == 0) {
            log.info("session cap {}, from {}", sessions, limit);
        } else if (descriptors.isPresent() && configured > allowedBy(descriptors.getAsLong())) {
            log.warn("session cap {} (max.sessions) is more than {} allow, {}: clients may be refused for want of "
                    + "descriptors before the cap", sessions, limit, allowedBy(descriptors.getAsLong()));
        } else {
            log.info("session cap {} (max.sessions), with {}", sessions, limit);
        }
    }
}
