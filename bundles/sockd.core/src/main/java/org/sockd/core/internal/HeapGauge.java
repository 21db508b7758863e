package org.sockd.core.internal;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.Optional;

/** How full the heap's live data keeps it, as heap shedding reads it. */
interface HeapGauge {

    /** Where no old generation is known: never full. */
    HeapGauge UNKNOWN = new HeapGauge() {
        @Override
        public int percentAfterCollection() {
            return 0;
        }

        @Override
        public int percentNow() {
            return 0;
        }

        @Override
        public void collect() {
            // nothing to learn
        }
    };

    /** @return the percentage of the old generation's maximum in use after its last collection */
    int percentAfterCollection();

    /** @return the percentage of the old generation's maximum in use now, garbage included */
    int percentNow();

    /** Asks for a full collection, so that {@link #percentAfterCollection()} is new. */
    void collect();

    /**
     * The old generation is the heap pool with a usage threshold (the young pools have none, as the
     * platform's own documentation uses to tell them apart): tenured for the serial collector, the
     * old generation for the others.
     *
     * @return the gauge of the running JVM's old generation, or empty when it has none with a known maximum
     */
    static Optional<HeapGauge> oldGeneration() {
        return ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP && pool.isUsageThresholdSupported()
                        && pool.isCollectionUsageThresholdSupported() && pool.getUsage().getMax() > 0)
                .findFirst()
                .map(HeapGauge::of);
    }

    private static HeapGauge of(MemoryPoolMXBean pool) {
        return new HeapGauge() {
            @Override
            public int percentAfterCollection() {
                MemoryUsage after = pool.getCollectionUsage();
                return after.getMax() > 0 ? (int) (after.getUsed() * 100 / after.getMax()) : 0;
            }

            @Override
            public int percentNow() {
                MemoryUsage now = pool.getUsage();
                return now.getMax() > 0 ? (int) (now.getUsed() * 100 / now.getMax()) : 0;
            }

            @Override
            public void collect() {
                System.gc();
            }

            @Override
            public String toString() {
                return pool.getName();
            }
        };
    }
}
