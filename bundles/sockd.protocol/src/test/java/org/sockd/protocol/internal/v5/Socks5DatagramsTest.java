package org.sockd.protocol.internal.v5;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.sockd.protocol.internal.Bytes.concat;
import static org.sockd.protocol.internal.Bytes.hex;
import static org.sockd.protocol.internal.Bytes.ip;
import static org.sockd.protocol.internal.Bytes.repeat;
import static org.sockd.protocol.internal.Bytes.text;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.sockd.api.Endpoint;
import org.sockd.api.protocol.DatagramCodec;
import org.sockd.api.protocol.DecodedDatagram;

class Socks5DatagramsTest {

    private static final byte[] PAYLOAD = hex("de ad be ef 00 ff");

    private final Socks5Datagrams codec = new Socks5Datagrams();

    record Case(String name, byte[] header, Endpoint destination) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Case> valid() {
        String name255 = "n".repeat(255);
        return List.of(
                new Case("IPv4", hex("0000 00 01 7f000001 1f90"), Endpoint.ofAddress(ip("127.0.0.1"), 8080)),
                new Case("IPv6", hex("0000 00 04 20010db8000000000000000000000001 0035"),
                        Endpoint.ofAddress(ip("2001:db8::1"), 53)),
                new Case("name", concat(hex("0000 00 03 09"), text("localhost"), hex("ffff")),
                        Endpoint.ofName("localhost", 65535)),
                new Case("name of 255 bytes", concat(hex("0000 00 03 ff"), text(name255), hex("0001")),
                        Endpoint.ofName(name255, 1)),
                new Case("name of 1 byte", concat(hex("0000 00 03 01"), text("a"), hex("0000")), Endpoint.ofName("a", 0)),
                new Case("RSV not zero is tolerated", hex("abcd 00 01 01020304 0050"), Endpoint.ofAddress(ip("1.2.3.4"), 80)));
    }

    @ParameterizedTest
    @MethodSource("valid")
    void decodesEveryAddressTypeAndCopiesThePayload(Case c) {
        byte[] packet = concat(c.header(), PAYLOAD);

        DecodedDatagram.Datagram decoded = (DecodedDatagram.Datagram) codec.decode(ByteBuffer.wrap(packet));

        assertThat(decoded.destination()).isEqualTo(c.destination());
        assertThat(decoded.payload()).isEqualTo(PAYLOAD);
        Arrays.fill(packet, (byte) 0x55);
        assertThat(decoded.payload()).as("a copy, not a view of the packet").isEqualTo(PAYLOAD);
    }

    @ParameterizedTest
    @MethodSource("valid")
    void anEmptyPayloadIsADatagram(Case c) {
        assertDatagram(codec.decode(ByteBuffer.wrap(c.header())), c.destination(), new byte[0]);
    }

    @ParameterizedTest
    @MethodSource("valid")
    void everyTruncationOfTheHeaderIsDropped(Case c) {
        for (int length = 0; length < c.header().length; length++) {
            assertThat(codec.decode(ByteBuffer.wrap(c.header(), 0, length)))
                    .as("first %d bytes", length)
                    .isEqualTo(new DecodedDatagram.Dropped("truncated header"));
        }
    }

    @ParameterizedTest
    @MethodSource("valid")
    void readsFromThePositionToTheLimitAndLeavesThemAlone(Case c) {
        byte[] framed = concat(hex("99 99 99"), c.header(), PAYLOAD, hex("77 77"));
        ByteBuffer packet = ByteBuffer.wrap(framed, 3, c.header().length + PAYLOAD.length);

        DecodedDatagram.Datagram decoded = (DecodedDatagram.Datagram) codec.decode(packet);

        assertThat(decoded.payload()).isEqualTo(PAYLOAD);
        assertThat(packet.position()).isEqualTo(3);
        assertThat(packet.limit()).isEqualTo(framed.length - 2);
    }

    @Test
    void decodesFromADirectBuffer() {
        ByteBuffer packet = ByteBuffer.allocateDirect(64);
        packet.put(hex("0000 00 01 0a000001 0050")).put(PAYLOAD).flip();

        assertDatagram(codec.decode(packet), Endpoint.ofAddress(ip("10.0.0.1"), 80), PAYLOAD);
    }

    static Stream<Arguments> fragments() {
        return IntStream.of(0x01, 0x02, 0x7f, 0x80, 0x81, 0xff).mapToObj(frag -> Arguments.of(frag));
    }

    @ParameterizedTest
    @MethodSource("fragments")
    void everyFragmentIsDropped(int frag) {
        byte[] packet = concat(hex("0000"), new byte[] {(byte) frag}, hex("01 7f000001 0050"), PAYLOAD);

        assertThat(codec.decode(ByteBuffer.wrap(packet))).isEqualTo(new DecodedDatagram.Dropped(Socks5Datagrams.FRAGMENT));
        assertThat(Socks5Datagrams.FRAGMENT).isEqualTo("fragment");
    }

    @Test
    void aFragmentIsDroppedEvenWhenItsAddressIsCut() {
        assertThat(codec.decode(ByteBuffer.wrap(hex("0000 05 01 7f"))))
                .isEqualTo(new DecodedDatagram.Dropped("fragment"));
    }

    static Stream<Arguments> malformed() {
        return Stream.of(
                Arguments.of("ATYP 0", hex("0000 00 00 7f000001 0050"), "unknown address type (0x00)"),
                Arguments.of("ATYP 2", hex("0000 00 02 7f000001 0050"), "unknown address type (0x02)"),
                Arguments.of("ATYP 5", hex("0000 00 05 7f000001 0050"), "unknown address type (0x05)"),
                Arguments.of("ATYP ff", hex("0000 00 ff"), "unknown address type (0xff)"),
                Arguments.of("empty name", hex("0000 00 03 00 0050 aabb"), "empty host name"),
                Arguments.of("NUL in name", concat(hex("0000 00 03 03"), text("a"), hex("00"), text("b"), hex("0050")),
                        "host name is not printable ASCII"),
                Arguments.of("space in name", concat(hex("0000 00 03 03"), text("a b"), hex("0050")),
                        "host name is not printable ASCII"),
                Arguments.of("Latin-1 in name", concat(hex("0000 00 03 03"), text("a\u00e9b"), hex("0050")),
                        "host name is not printable ASCII"),
                Arguments.of("name length past the end", concat(hex("0000 00 03 ff"), text("short"), hex("0050")),
                        "truncated header"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void malformedHeadersAreDroppedWithAReason(String name, byte[] packet, String reason) {
        assertThat(codec.decode(ByteBuffer.wrap(packet))).isEqualTo(new DecodedDatagram.Dropped(reason));
    }

    @Test
    void anIpv4MappedAddressIsReadAsIpv4AndIpv6StaysIpv6() {
        Endpoint mapped = destination(hex("0000 00 04 00000000000000000000ffff7f000001 0050"));
        Endpoint v6 = destination(hex("0000 00 04 00000000000000000000000000000001 0050"));

        assertThat(mapped.address()).isInstanceOf(Inet4Address.class).isEqualTo(ip("127.0.0.1"));
        assertThat(v6.address()).isInstanceOf(Inet6Address.class).isEqualTo(ip("::1"));
    }

    @Test
    void encodesAnIpv4SourceWithAtyp1() {
        ByteBuffer encoded = codec.encode(new InetSocketAddress(ip("192.0.2.7"), 53), ByteBuffer.wrap(PAYLOAD));

        assertThat(bytes(encoded)).isEqualTo(concat(hex("0000 00 01 c0000207 0035"), PAYLOAD));
    }

    @Test
    void encodesAnIpv6SourceWithAtyp4() {
        ByteBuffer encoded = codec.encode(new InetSocketAddress(ip("2001:db8::2"), 65535), ByteBuffer.wrap(PAYLOAD));

        assertThat(bytes(encoded)).isEqualTo(concat(hex("0000 00 04 20010db8000000000000000000000002 ffff"), PAYLOAD));
    }

    @Test
    void encodesOnlyThePayloadsRemainingBytesAndLeavesItsPosition() {
        ByteBuffer payload = ByteBuffer.wrap(hex("11 22 33 44 55"), 1, 3);

        ByteBuffer encoded = codec.encode(new InetSocketAddress(ip("127.0.0.1"), 7), payload);

        assertThat(bytes(encoded)).isEqualTo(hex("0000 00 01 7f000001 0007 22 33 44"));
        assertThat(payload.position()).isEqualTo(1);
        assertThat(payload.limit()).isEqualTo(4);
    }

    @Test
    void anUnresolvedSourceCannotBeEncoded() {
        assertThatThrownBy(() -> codec.encode(InetSocketAddress.createUnresolved("example.org", 53), ByteBuffer.allocate(0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("example.org");
    }

    static Stream<Arguments> sources() {
        return Stream.of(
                Arguments.of(new InetSocketAddress(ip("127.0.0.1"), 1), 0),
                Arguments.of(new InetSocketAddress(ip("10.1.2.3"), 65535), 1),
                Arguments.of(new InetSocketAddress(ip("::1"), 5353), 512),
                Arguments.of(new InetSocketAddress(ip("fe80::1"), 9), 65507 - 22));
    }

    @ParameterizedTest
    @MethodSource("sources")
    void whatIsEncodedDecodesToTheSameAddressAndPayload(InetSocketAddress source, int size) {
        byte[] payload = repeat(0xA5, size);

        ByteBuffer encoded = codec.encode(source, ByteBuffer.wrap(payload));

        assertThat(encoded.position()).isZero();
        assertDatagram(codec.decode(encoded), Endpoint.ofAddress(source.getAddress(), source.getPort()), payload);
    }

    @Test
    void theHandlerOffersOneSharedCodec() {
        Socks5Handler handler = new Socks5Handler();

        Optional<DatagramCodec> first = handler.datagrams();

        assertThat(first).containsInstanceOf(Socks5Datagrams.class);
        assertThat(handler.datagrams().orElseThrow()).isSameAs(first.orElseThrow());
    }

    /** Compared field by field: a record's equals compares arrays by identity. */
    private static void assertDatagram(DecodedDatagram decoded, Endpoint destination, byte[] payload) {
        assertThat(decoded).isInstanceOfSatisfying(DecodedDatagram.Datagram.class, datagram -> {
            assertThat(datagram.destination()).isEqualTo(destination);
            assertThat(datagram.payload()).isEqualTo(payload);
        });
    }

    private Endpoint destination(byte[] packet) {
        return ((DecodedDatagram.Datagram) codec.decode(ByteBuffer.wrap(packet))).destination();
    }

    private static byte[] bytes(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.duplicate().get(bytes);
        return bytes;
    }
}
