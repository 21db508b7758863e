package org.sockd.core.internal;

/** A UDP association's payload bytes, as the byte counts of its session. */
record UdpTraffic(UdpAssociation association) implements LiveSession.Traffic {

    @Override
    public long fromClient() {
        return association.counters().fromClientBytes();
    }

    @Override
    public long fromTarget() {
        return association.counters().fromTargetsBytes();
    }
}
