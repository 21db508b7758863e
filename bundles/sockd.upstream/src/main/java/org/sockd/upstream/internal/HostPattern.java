package org.sockd.upstream.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.sockd.common.rules.HostNames;
import org.sockd.common.rules.Subnet;

/** A destination (or Dante source) field: an address and mask, or a name pattern. */
sealed interface HostPattern {

    /** With a name the mask is ignored, but the classic grammar still needs one written. */
    String IGNORED_MASK = "0.0.0.0";

    /**
     * @param addresses the host's addresses, 4 or 16 bytes each (empty when a name did not resolve)
     * @param name the name the client gave, without a final dot, or {@code null}
     */
    boolean matches(List<byte[]> addresses, String name);

    /** @return the field as a classic line writes it: address and mask */
    String classicText();

    /** @return the field as a Dante route writes it: {@code address/mask}, {@code address/length} or a name */
    String danteText();

    /**
     * {@code (address & mask) == (destination & mask)} for some address of the host; a mask of all
     * zeros compares no bit, so it matches any host, even an IPv6 one or a name that did not resolve.
     */
    final class Network implements HostPattern {
        private final Subnet subnet;
        private final byte[] network;
        private final byte[] mask;
        private final boolean any;

        Network(byte[] address, byte[] mask) {
            this.subnet = new Subnet(address, mask);
            this.network = subnet.network();
            this.mask = subnet.mask();
            this.any = subnet.keepsNoBit();
        }

        @Override
        public boolean matches(List<byte[]> addresses, String name) {
            if (any) {
                return true;
            }
            for (byte[] candidate : addresses) {
                if (subnet.contains(candidate)) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public String classicText() {
            return HostText.text(network) + " " + HostText.text(mask);
        }

        /** A contiguous IPv6 mask is written as its length, as people write it; any other mask as itself. */
        @Override
        public String danteText() {
            int length = 0;
            while (length < mask.length * 8 && (mask[length / 8] & (0x80 >>> (length % 8))) != 0) {
                length++;
            }
            boolean contiguous = Arrays.equals(mask, prefixMask(length, mask.length));
            return HostText.text(network) + "/"
                    + (network.length == 16 && contiguous ? Integer.toString(length) : HostText.text(mask));
        }

        /** @return a mask of {@code bits} leading ones in {@code length} bytes */
        static byte[] prefixMask(int bits, int length) {
            byte[] mask = new byte[length];
            for (int i = 0; i < bits; i++) {
                mask[i / 8] |= (byte) (0x80 >>> (i % 8));
            }
            return mask;
        }
    }

    /** {@code ALL}: any host, named or not. */
    record All() implements HostPattern {
        @Override
        public boolean matches(List<byte[]> addresses, String name) {
            return true;
        }

        @Override
        public String classicText() {
            return "ALL " + IGNORED_MASK;
        }

        @Override
        public String danteText() {
            return "0/0";
        }
    }

    /** {@code host.example.com}: the client named exactly this host, in any case. */
    record Host(String name) implements HostPattern {
        public Host {
            Objects.requireNonNull(name, "name");
        }

        @Override
        public boolean matches(List<byte[]> addresses, String given) {
            return given != null && given.equalsIgnoreCase(name);
        }

        @Override
        public String classicText() {
            return name + " " + IGNORED_MASK;
        }

        @Override
        public String danteText() {
            return name;
        }
    }

    /** {@code .example.com}: the zone itself and every name in it; {@code badexample.com} is not in it. */
    record Zone(String suffix) implements HostPattern {
        public Zone {
            HostNames.zone(suffix);
        }

        @Override
        public boolean matches(List<byte[]> addresses, String given) {
            return given != null && HostNames.inZone(suffix, given);
        }

        @Override
        public String classicText() {
            return suffix + " " + IGNORED_MASK;
        }

        @Override
        public String danteText() {
            return suffix;
        }
    }
}
