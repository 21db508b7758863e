package org.sockd.access.internal.parse;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.sockd.access.internal.rule.AddressMask;
import org.sockd.access.internal.rule.AddressPattern;
import org.sockd.access.internal.rule.Ipv6Prefix;
import org.sockd.access.internal.rule.NamePattern;
import org.sockd.access.internal.rule.Rule;
import org.sockd.access.internal.rule.RuleSet;
import org.sockd.access.internal.rule.SpecialCommand;
import org.sockd.common.net.AddressText;
import org.sockd.common.rules.PortTest;

/**
 * Writes a rule set back as sockd.conf text, every field spelled out, from the compiled form (not
 * from the original lines), so that what a frozen file really holds can be read and fed back to
 * the make tool.
 */
public final class CanonicalText {

    private CanonicalText() {
    }

    public static String of(RuleSet rules, String frozenFile) {
        StringBuilder text = new StringBuilder()
                .append("# ").append(frozenFile).append(": frozen sockd.conf, format version ").append(FrozenFormat.VERSION)
                .append('\n').append("# made from ").append(rules.source()).append(", ").append(rules.rules().size())
                .append(" rules; masks compare their 1-bits\n");
        entries(rules).forEach(entry -> text.append(entry.text()).append('\n'));
        return text.toString();
    }

    /** @return the rules and special lines in force, each prefixed with its line number in the source */
    public static List<String> numberedLines(RuleSet rules) {
        return entries(rules).stream().map(entry -> entry.line() + ": " + entry.text()).toList();
    }

    private static List<Entry> entries(RuleSet rules) {
        List<Entry> entries = new ArrayList<>();
        rules.rules().forEach(rule -> entries.add(new Entry(rule.line(), rule(rule))));
        rules.specials().forEach(special -> entries.add(new Entry(special.line(), special(special))));
        entries.sort(Comparator.comparingInt(Entry::line));
        return entries;
    }

    private record Entry(int line, String text) {
    }

    static String rule(Rule rule) {
        List<String> fields = new ArrayList<>();
        fields.add(rule.action().name().toLowerCase(Locale.ROOT));
        rule.ident().ifPresent(mode -> fields.add(switch (mode) {
            case STRICT -> "?=I";
            case LENIENT -> "?=i";
            case OFF -> "?=n";
        }));
        String users = UserField.of(rule.text());
        if (!users.isEmpty()) {
            fields.add(users);
        }
        fields.add(pattern(rule.source()));
        fields.add(pattern(rule.destination()));
        if (rule.port() instanceof PortTest.Compare compare) {
            fields.add(compare.op().name().toLowerCase(Locale.ROOT));
            fields.add(Integer.toString(compare.port()));
        }
        return String.join(" ", fields) + rule.command().map(command -> " : " + command).orElse("");
    }

    private static String special(SpecialCommand special) {
        return special.kind().prefix() + " " + special.command();
    }

    /** A name pattern still needs its (ignored) mask written, as in the classic grammar; a prefix is one field. */
    private static String pattern(AddressPattern pattern) {
        return switch (pattern) {
            case AddressMask numeric -> dotted(numeric.address()) + " " + dotted(numeric.mask());
            case Ipv6Prefix prefix -> AddressText.ipv6(prefix.network()) + "/" + prefix.length();
            case NamePattern.All all -> "ALL 0.0.0.0";
            case NamePattern.Host host -> host.name() + " 0.0.0.0";
            case NamePattern.Zone zone -> zone.suffix() + " 0.0.0.0";
        };
    }

    private static String dotted(int address) {
        return (address >>> 24) + "." + ((address >>> 16) & 0xff) + "." + ((address >>> 8) & 0xff) + "." + (address & 0xff);
    }
}
