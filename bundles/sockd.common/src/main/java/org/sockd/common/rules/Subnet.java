package org.sockd.common.rules;

import java.util.Arrays;

/**
 * An address and mask of a rule: {@code (candidate & mask) == (address & mask)}. An address of
 * the other family never matches.
 */
public final class Subnet {

    private final byte[] network;
    private final byte[] mask;

    /**
     * @param address 4 or 16 bytes; only the bits the mask keeps count
     * @param mask as many bytes as the address
     */
    public Subnet(byte[] address, byte[] mask) {
        if (address.length != mask.length) {
            throw new IllegalArgumentException("address and mask differ in family: " + address.length + " and "
                    + mask.length + " bytes");
        }
        this.mask = mask.clone();
        this.network = address.clone();
        for (int i = 0; i < network.length; i++) {
            network[i] &= mask[i];
        }
    }

    /** @param candidate 4 or 16 bytes */
    public boolean contains(byte[] candidate) {
        if (candidate.length != network.length) {
            return false;
        }
        for (int i = 0; i < network.length; i++) {
            if ((candidate[i] & mask[i]) != network[i]) {
                return false;
            }
        }
        return true;
    }

    /** @return the address with the bits the mask clears cleared, a copy */
    public byte[] network() {
        return network.clone();
    }

    /** @return the mask, a copy */
    public byte[] mask() {
        return mask.clone();
    }

    /** @return whether the mask keeps no bit, so that every address of its family matches */
    public boolean keepsNoBit() {
        return Arrays.equals(mask, new byte[mask.length]);
    }
}
