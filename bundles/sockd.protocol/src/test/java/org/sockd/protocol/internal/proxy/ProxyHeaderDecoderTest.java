package org.sockd.protocol.internal.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sockd.protocol.internal.Bytes.concat;
import static org.sockd.protocol.internal.Bytes.hex;
import static org.sockd.protocol.internal.Bytes.ip;
import static org.sockd.protocol.internal.Bytes.repeat;
import static org.sockd.protocol.internal.Bytes.text;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.sockd.api.protocol.ProxyHeader;
import org.sockd.protocol.internal.Decoded;
import org.sockd.protocol.internal.Feeding;

class ProxyHeaderDecoderTest {

    /** The version 2 signature. */
    static final String SIGNATURE = "0d0a0d0a 000d0a51 5549540a";
    /** What a client sends after the header: a SOCKS 5 greeting, which must stay unread. */
    private static final byte[] SOCKS = hex("05 01 00");

    private final ProxyHeaderDecoder decoder = new ProxyHeaderDecoder();

    static Stream<Arguments> headers() {
        return Stream.of(
                Arguments.of("v1 TCP4", text("PROXY TCP4 127.0.0.3 127.0.0.1 40000 1080\r\n"),
                        proxied("127.0.0.3", 40000, "127.0.0.1", 1080)),
                Arguments.of("v1 TCP6", text("PROXY TCP6 2001:db8::3 ::1 65535 0\r\n"),
                        proxied("2001:db8::3", 65535, "::1", 0)),
                Arguments.of("v1 TCP6 at its longest", text("PROXY TCP6 ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff "
                        + "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff 65535 65535\r\n"),
                        proxied("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", 65535,
                                "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", 65535)),
                Arguments.of("v1 at its longest, 107 bytes", text("PROXY UNKNOWN ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff "
                        + "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff 65535 65535\r\n"), new ProxyHeader.Local("version 1 UNKNOWN")),
                Arguments.of("v1 UNKNOWN", text("PROXY UNKNOWN\r\n"), new ProxyHeader.Local("version 1 UNKNOWN")),
                Arguments.of("v1 UNKNOWN ignores the rest", text("PROXY UNKNOWN ffff::1 ::1 1 2\r\n"),
                        new ProxyHeader.Local("version 1 UNKNOWN")),
                Arguments.of("v2 PROXY TCP4", v2("21 11 000c", "7f000003 7f000001 9c40 0438"),
                        proxied("127.0.0.3", 40000, "127.0.0.1", 1080)),
                Arguments.of("v2 PROXY TCP6", v2("21 21 0024",
                        "20010db8000000000000000000000003 00000000000000000000000000000001 0050 0438"),
                        proxied("2001:db8::3", 80, "::1", 1080)),
                Arguments.of("v2 TLVs are skipped", v2("21 11 0017", "7f000003 7f000001 9c40 0438 "
                        + "04 0000 " + "05 0005 6964303031"), proxied("127.0.0.3", 40000, "127.0.0.1", 1080)),
                Arguments.of("v2 LOCAL, addresses ignored", v2("20 00 0000", ""), new ProxyHeader.Local("version 2 LOCAL")),
                Arguments.of("v2 LOCAL with TCP4 addresses", v2("20 11 000c", "7f000003 7f000001 9c40 0438"),
                        new ProxyHeader.Local("version 2 LOCAL")),
                Arguments.of("v2 PROXY UNSPEC", v2("21 00 0000", ""),
                        new ProxyHeader.Local("version 2 PROXY from an unspecified family")),
                Arguments.of("v2 PROXY UNIX", v2("21 31 00d8", "00".repeat(216)),
                        new ProxyHeader.Local("version 2 PROXY from a UNIX socket")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("headers")
    void decodesInAnySplitAndLeavesWhatFollows(String name, byte[] input, ProxyHeader header) {
        Decoded<ProxyHeader> expected = new Decoded.Done<>(header, input.length);

        assertThat(Feeding.whole(decoder, input)).isEqualTo(expected);
        assertThat(Feeding.everySplit(decoder, concat(input, SOCKS))).containsOnly(expected);
    }

    static Stream<Arguments> malformed() {
        return Stream.of(
                Arguments.of("a SOCKS greeting, no header", SOCKS, "not a PROXY protocol header (first byte 0x05)"),
                Arguments.of("v1 wrong signature", text("PROXI TCP4 1.2.3.4 1.2.3.4 1 2\r\n"),
                        "a version 1 header must start with \"PROXY \""),
                Arguments.of("v1 lower case", text("proxy TCP4 1.2.3.4 1.2.3.4 1 2\r\n"),
                        "not a PROXY protocol header (first byte 0x70)"),
                Arguments.of("v1 bare LF", text("PROXY TCP4 1.2.3.4 1.2.3.4 1 2\n"),
                        "a version 1 line holds byte 0x0a (only printable ASCII, then CR LF)"),
                Arguments.of("v1 CR without LF", text("PROXY TCP4 1.2.3.4 1.2.3.4 1 2\rX"),
                        "a version 1 line has a CR not followed by LF"),
                Arguments.of("v1 NUL in the line", text("PROXY TCP4 1.2.3.4\0 1.2.3.4 1 2\r\n"),
                        "a version 1 line holds byte 0x00 (only printable ASCII, then CR LF)"),
                Arguments.of("v1 longer than 107 bytes", text("PROXY UNKNOWN " + "x".repeat(92) + "\r\n"),
                        "a version 1 line must end with CR LF within 107 bytes"),
                Arguments.of("v1 no CR LF within 107 bytes", text("PROXY " + "x".repeat(200)),
                        "a version 1 line must end with CR LF within 107 bytes"),
                Arguments.of("v1 unknown protocol", text("PROXY UDP4 1.2.3.4 1.2.3.4 1 2\r\n"),
                        "a version 1 line names protocol \"UDP4\", not TCP4, TCP6 or UNKNOWN"),
                Arguments.of("v1 nothing after PROXY", text("PROXY \r\n"),
                        "a version 1 line names protocol \"\", not TCP4, TCP6 or UNKNOWN"),
                Arguments.of("v1 missing port", text("PROXY TCP4 1.2.3.4 1.2.3.4 1\r\n"),
                        "a version 1 TCP4 line has 5 fields separated by single spaces, not 6"),
                Arguments.of("v1 two spaces", text("PROXY TCP4 1.2.3.4  1.2.3.4 1 2\r\n"),
                        "a version 1 TCP4 line has 7 fields separated by single spaces, not 6"),
                Arguments.of("v1 octet over 255", text("PROXY TCP4 1.2.3.256 1.2.3.4 1 2\r\n"),
                        "a version 1 TCP4 line has \"1.2.3.256\" where an IPv4 address (four decimal numbers 0-255 "
                                + "without leading zeros, like 10.0.0.0) belongs"),
                Arguments.of("v1 octal-looking octet", text("PROXY TCP4 1.2.3.4 010.2.3.4 1 2\r\n"),
                        "a version 1 TCP4 line has \"010.2.3.4\" where an IPv4 address (four decimal numbers 0-255 "
                                + "without leading zeros, like 10.0.0.0) belongs"),
                Arguments.of("v1 a name, never looked up", text("PROXY TCP4 localhost 1.2.3.4 1 2\r\n"),
                        "a version 1 TCP4 line has \"localhost\" where an IPv4 address (four decimal numbers 0-255 "
                                + "without leading zeros, like 10.0.0.0) belongs"),
                Arguments.of("v1 IPv4 on a TCP6 line", text("PROXY TCP6 1.2.3.4 ::1 1 2\r\n"),
                        "a version 1 TCP6 line has \"1.2.3.4\" where an IPv6 address belongs"),
                Arguments.of("v1 scoped IPv6", text("PROXY TCP6 fe80::1%eth0 ::1 1 2\r\n"),
                        "a version 1 TCP6 line has \"fe80::1%eth0\" where an IPv6 address belongs"),
                Arguments.of("v1 port over 65535", text("PROXY TCP4 1.2.3.4 1.2.3.4 65536 2\r\n"),
                        "a version 1 line has port \"65536\" (expected a decimal number 0-65535 without leading zeros)"),
                Arguments.of("v1 port with a leading zero", text("PROXY TCP4 1.2.3.4 1.2.3.4 1 080\r\n"),
                        "a version 1 line has port \"080\" (expected a decimal number 0-65535 without leading zeros)"),
                Arguments.of("v1 negative port", text("PROXY TCP4 1.2.3.4 1.2.3.4 -1 2\r\n"),
                        "a version 1 line has port \"-1\" (expected a decimal number 0-65535 without leading zeros)"),
                Arguments.of("v1 huge port", text("PROXY TCP4 1.2.3.4 1.2.3.4 1 99999999999\r\n"),
                        "a version 1 line has port \"99999999999\" (expected a decimal number 0-65535 without leading zeros)"),
                Arguments.of("v2 wrong signature", hex("0d0a0d0a 000d0a51 5549540b 21110000"),
                        "a version 2 header must start with the 12-byte signature CR LF CR LF NUL CR LF \"QUIT\" LF"),
                Arguments.of("v2 version 1", v2("11 11 000c", "7f000003 7f000001 9c40 0438"),
                        "a version 2 header carries version 1"),
                Arguments.of("v2 command 2", v2("22 11 000c", "7f000003 7f000001 9c40 0438"),
                        "a version 2 header has command 2 (0 LOCAL or 1 PROXY)"),
                Arguments.of("v2 family 4", v2("21 41 000c", "7f000003 7f000001 9c40 0438"),
                        "a version 2 header has address family 4 (0 to 3)"),
                Arguments.of("v2 transport 3", v2("21 13 000c", "7f000003 7f000001 9c40 0438"),
                        "a version 2 header has transport 3 (0 to 2)"),
                Arguments.of("v2 UDP", v2("21 12 000c", "7f000003 7f000001 9c40 0438"),
                        "a version 2 header relays transport 2, not TCP (1)"),
                Arguments.of("v2 length beyond the cap", v2("21 11 1001", ""),
                        "a version 2 header announces 4097 bytes after its first 16, more than 4096"),
                Arguments.of("v2 length too short for IPv4", v2("21 11 000b", "7f000003 7f000001 9c40 04"),
                        "a version 2 header's 11 bytes cannot hold two IPv4 addresses and ports"),
                Arguments.of("v2 length too short for IPv6", v2("21 21 000c", "7f000003 7f000001 9c40 0438"),
                        "a version 2 header's 12 bytes cannot hold two IPv6 addresses and ports"),
                Arguments.of("v2 TLV cut in its header", v2("21 11 000e", "7f000003 7f000001 9c40 0438 0400"),
                        "a version 2 header ends inside the type and length of a TLV at byte 28"),
                Arguments.of("v2 TLV longer than the header", v2("21 11 0011", "7f000003 7f000001 9c40 0438 05 0005 6964"),
                        "a version 2 header's TLV of type 0x05 at byte 28 runs 3 bytes past its end"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void refusesInAnySplit(String name, byte[] input, String reason) {
        Decoded<ProxyHeader> expected = new Decoded.Malformed<>(ProxyHeaderDecoder.NO_REPLY, reason);

        assertThat(Feeding.whole(decoder, input)).isEqualTo(expected);
        assertThat(Feeding.everySplit(decoder, input)).containsOnly(expected);
    }

    @Test
    void asksForNoByteBeyondTheShortestHeaderThenOneAtATime() {
        assertThat(Feeding.whole(decoder, new byte[0])).isEqualTo(new Decoded.NeedMore<ProxyHeader>(1));
        assertThat(Feeding.whole(decoder, text("PROXY "))).isEqualTo(new Decoded.NeedMore<ProxyHeader>(9));
        assertThat(Feeding.whole(decoder, text("PROXY TCP4 1.2.3.4"))).isEqualTo(new Decoded.NeedMore<ProxyHeader>(1));
        assertThat(Feeding.whole(decoder, text("PROXY UNKNOWN\r"))).isEqualTo(new Decoded.NeedMore<ProxyHeader>(1));
    }

    @Test
    void asksForTheFixedPartThenForTheAnnouncedRest() {
        assertThat(Feeding.whole(decoder, hex("0d0a"))).isEqualTo(new Decoded.NeedMore<ProxyHeader>(14));
        assertThat(Feeding.whole(decoder, v2("21 11 000c", "7f00"))).isEqualTo(new Decoded.NeedMore<ProxyHeader>(10));
    }

    @Test
    void aFullCapIsAlwaysDecided() {
        byte[] longest = v2("21 11 1000", "7f000003 7f000001 9c40 0438 04 0ff1" + "00".repeat(0xff1));

        assertThat(longest).hasSize(decoder.cap());
        assertThat(Feeding.whole(decoder, longest))
                .isEqualTo(new Decoded.Done<>(proxied("127.0.0.3", 40000, "127.0.0.1", 1080), decoder.cap()));
        assertThat(Feeding.whole(decoder, concat(text("PROXY "), repeat('x', decoder.cap() - 6))))
                .isInstanceOf(Decoded.Malformed.class);
    }

    @Test
    void theReaderTakesTheHeaderAndLeavesTheClientsBytes() throws IOException {
        ByteArrayInputStream in = new ByteArrayInputStream(concat(text("PROXY TCP4 127.0.0.3 127.0.0.1 1 2\r\n"), SOCKS));

        assertThat(new ProxyProtocolReader().read(in)).isEqualTo(proxied("127.0.0.3", 1, "127.0.0.1", 2));
        assertThat(in.readAllBytes()).isEqualTo(SOCKS);
    }

    @Test
    void aConnectionThatEndsInsideTheHeaderIsMalformed() throws IOException {
        assertThat(new ProxyProtocolReader().read(new ByteArrayInputStream(text("PROXY TCP4 127.0.0.3"))))
                .isEqualTo(new ProxyHeader.Malformed("the connection ended before the header did"));
        assertThat(new ProxyProtocolReader().read(new ByteArrayInputStream(new byte[0])))
                .isEqualTo(new ProxyHeader.Malformed("the connection ended before the header did"));
    }

    /** @param fixed the version/command byte, the family/transport byte and the length, in hex */
    static byte[] v2(String fixed, String rest) {
        return hex(SIGNATURE + fixed + rest);
    }

    private static ProxyHeader proxied(String source, int sourcePort, String destination, int destinationPort) {
        return new ProxyHeader.Proxied(new InetSocketAddress(ip(source), sourcePort),
                new InetSocketAddress(ip(destination), destinationPort));
    }
}
