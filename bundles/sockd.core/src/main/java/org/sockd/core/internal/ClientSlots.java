package org.sockd.core.internal;

import java.net.InetAddress;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Resources of one kind that a client holds for a while (BIND listeners, UDP associations), counted
 * in total and per client address, each count with a cap. Taken and released rarely next to the
 * traffic they carry, so one lock is enough.
 */
final class ClientSlots {

    /**
     * @param total the cap over every client, 0 for none
     * @param perClient the cap of one client address, 0 for none
     */
    record Caps(int total, int perClient) {
    }

    private final String totalName;
    private final String perClientName;
    private final Map<InetAddress, Integer> byClient = new HashMap<>();
    private int taken;

    /**
     * @param totalName the property of the total cap, as the refusal names it; likewise perClientName,
     *        which is {@code null} for a kind whose per-client cap is always 0
     */
    ClientSlots(String totalName, String perClientName) {
        this.totalName = totalName;
        this.perClientName = perClientName;
    }

    /**
     * Takes a slot for the client, to be {@link #release released} when it is given up.
     *
     * @return empty when taken; otherwise the cap that refuses it, such as {@code max.binds.per.client 16}
     */
    synchronized Optional<String> take(InetAddress client, Caps caps) {
        if (caps.total() > 0 && taken >= caps.total()) {
            return Optional.of(totalName + " " + caps.total());
        }
        int ofClient = byClient.getOrDefault(client, 0);
        if (caps.perClient() > 0 && ofClient >= caps.perClient()) {
            return Optional.of(perClientName + " " + caps.perClient());
        }
        taken++;
        byClient.put(client, ofClient + 1);
        return Optional.empty();
    }

    synchronized void release(InetAddress client) {
        Integer ofClient = byClient.get(client);
        if (ofClient == null) {
            return;
        }
        taken--;
        if (ofClient == 1) {
            byClient.remove(client);
        } else {
            byClient.put(client, ofClient - 1);
        }
    }

    /** @return slots taken now, over every client */
    synchronized int taken() {
        return taken;
    }
}
