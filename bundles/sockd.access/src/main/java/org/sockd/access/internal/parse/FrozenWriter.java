package org.sockd.access.internal.parse;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.sockd.access.internal.rule.AddressMask;
import org.sockd.access.internal.rule.AddressPattern;
import org.sockd.access.internal.rule.Ipv6Prefix;
import org.sockd.access.internal.rule.NamePattern;
import org.sockd.access.internal.rule.Rule;
import org.sockd.access.internal.rule.RuleSet;
import org.sockd.access.internal.rule.SpecialCommand;
import org.sockd.common.rules.PortTest;

/**
 * Writes a parsed, valid rule set in its frozen form. The body holds the source file name, then
 * per rule: line, text, action, ident override, the {@code *=} field as written (user files are
 * read again at every load, as they were read per request in the classic daemon), both address
 * patterns, the port test and the command; then the special lines.
 */
public final class FrozenWriter {

    private FrozenWriter() {
    }

    public static byte[] write(RuleSet rules) {
        try {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(body);
            out.writeUTF(rules.source());
            out.writeInt(rules.rules().size());
            for (Rule rule : rules.rules()) {
                rule(out, rule);
            }
            out.writeInt(rules.specials().size());
            for (SpecialCommand special : rules.specials()) {
                out.writeByte(special.kind().ordinal());
                out.writeInt(special.line());
                out.writeUTF(special.command());
            }
            return FrozenFormat.FRAME.frame(body.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a byte array cannot fail
        }
    }

    private static void rule(DataOutputStream out, Rule rule) throws IOException {
        out.writeInt(rule.line());
        out.writeUTF(rule.text());
        out.writeByte(rule.action().ordinal());
        out.writeByte(rule.ident().map(mode -> mode.ordinal() + 1).orElse(0));
        out.writeUTF(UserField.of(rule.text()));
        pattern(out, rule.source());
        pattern(out, rule.destination());
        switch (rule.port()) {
            case PortTest.Any any -> out.writeByte(0);
            case PortTest.Compare compare -> {
                out.writeByte(compare.op().ordinal() + 1);
                out.writeShort(compare.port());
            }
            case PortTest.Range range -> throw new IllegalArgumentException("a sockd.conf rule has no port range");
        }
        out.writeUTF(rule.command().orElse(""));
    }

    private static void pattern(DataOutputStream out, AddressPattern pattern) throws IOException {
        switch (pattern) {
            case AddressMask numeric -> {
                out.writeByte(FrozenFormat.NUMERIC);
                out.writeInt(numeric.address());
                out.writeInt(numeric.mask());
            }
            case Ipv6Prefix prefix -> {
                out.writeByte(FrozenFormat.IPV6_PREFIX);
                out.writeLong(prefix.high());
                out.writeLong(prefix.low());
                out.writeByte(prefix.length());
            }
            case NamePattern.All all -> out.writeByte(FrozenFormat.ALL);
            case NamePattern.Host host -> {
                out.writeByte(FrozenFormat.HOST);
                out.writeUTF(host.name());
            }
            case NamePattern.Zone zone -> {
                out.writeByte(FrozenFormat.ZONE);
                out.writeUTF(zone.suffix());
            }
        }
    }
}
