package org.sockd.core.internal.udp;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.DatagramChannel;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.IntUnaryOperator;

/**
 * The ports a listener's UDP relay sockets may bind ({@code advertise.udp.ports}), so that a NAT
 * or a load balancer in front of the node can forward a known range; or any free port the system
 * hands out.
 *
 * @param first the lowest port of the range, or 0 for any port
 * @param last the highest port of the range, or 0 for any port
 */
public record UdpPortRange(int first, int last) {

    /** Any free port the system hands out: the default, and the only choice for inherited sockets. */
    public static final UdpPortRange ANY = new UdpPortRange(0, 0);

    private static final String EXPECTED = "expected FIRST-LAST with 1 <= FIRST <= LAST <= 65535, like \"40000-40099\","
            + " or one port";

    public UdpPortRange {
        if (!(first == 0 && last == 0) && (first < 1 || first > last || last > 0xFFFF)) {
            throw new IllegalArgumentException("not a port range: " + first + "-" + last);
        }
    }

    /**
     * @param field the property's value: empty for any port, {@code FIRST-LAST} or one port
     * @param where what names the property in a message, such as the PID and the property name
     * @throws IllegalArgumentException naming {@code where}, the value and what is wrong
     */
    public static UdpPortRange parse(String field, String where) {
        String text = field.strip();
        if (text.isEmpty()) {
            return ANY;
        }
        int dash = text.indexOf('-');
        int first = port(dash < 0 ? text : text.substring(0, dash).strip(), field, where);
        int last = dash < 0 ? first : port(text.substring(dash + 1).strip(), field, where);
        if (first > last) {
            throw new IllegalArgumentException(where + " = \"" + field + "\" is not a port range: the first port is"
                    + " above the last (" + EXPECTED + ")");
        }
        return new UdpPortRange(first, last);
    }

    private static int port(String digits, String field, String where) {
        // digits only: Integer.parseInt would take a sign, "+40000-40099" would then read as a range
        int port = digits.isEmpty() || digits.length() > 5 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')
                ? -1 : Integer.parseInt(digits);
        if (port < 1 || port > 0xFFFF) {
            throw new IllegalArgumentException(where + " = \"" + field + "\" is not a port range (" + EXPECTED + ")");
        }
        return port;
    }

    /** @return how many ports the range holds, 0 for {@link #ANY} */
    public int size() {
        return first == 0 ? 0 : last - first + 1;
    }

    /**
     * Binds {@code channel} to {@code address} on a free port of the range, trying each port once,
     * from a random one on: associations opened at the same moment then seldom race for the same
     * port, and a port just given up is not the first one handed out again (a late datagram meant
     * for the association that had it would reach the next one).
     *
     * @throws BindException when every port of the range is taken
     * @throws IOException when binding fails for another reason
     */
    void bind(DatagramChannel channel, InetAddress address) throws IOException {
        bind(channel, address, bound -> ThreadLocalRandom.current().nextInt(bound));
    }

    /** @param random a number from 0 below its argument; tests choose where the walk starts */
    void bind(DatagramChannel channel, InetAddress address, IntUnaryOperator random) throws IOException {
        int size = size();
        if (size == 0) {
            channel.bind(new InetSocketAddress(address, 0));
            return;
        }
        int start = random.applyAsInt(size);
        for (int i = 0; i < size; i++) {
            try {
                channel.bind(new InetSocketAddress(address, first + (start + i) % size));
                return;
            } catch (BindException taken) {
                // in use by another association (or another program): the next port
            }
        }
        throw new BindException("every UDP port of advertise.udp.ports " + this + " on "
                + address.getHostAddress() + " is in use");
    }

    @Override
    public String toString() {
        return size() == 0 ? "any" : first + "-" + last;
    }
}
