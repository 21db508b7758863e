package org.sockd.access.internal.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sockd.access.internal.rule.AddressMask;
import org.sockd.access.internal.rule.AddressPattern;
import org.sockd.access.internal.rule.Ipv6Prefix;
import org.sockd.access.internal.rule.NamePattern;
import org.sockd.access.internal.rule.Rule;
import org.sockd.access.internal.rule.RuleSet;
import org.sockd.common.net.AddressText;
import org.sockd.common.netdb.Services;
import org.sockd.common.reload.FileError;
import org.sockd.common.reload.LoadResult;

/** An IPv6 prefix stands in one field where an address and mask pair stands in two. */
class Ipv6PrefixTest {

    private static final ConfParser PARSER = new ConfParser(Services.parse(List.of("telnet 23/tcp")), message -> { });
    private static final String EXPECTED = " (expected an IPv6 address, a slash and a length 0-128, like 2001:db8::/32)";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "permit 2001:db8::/32                           | 2001:db8::/32 | ANY",
        "permit 2001:db8::/32 2001:db8:1::/48 eq 80     | 2001:db8::/32 | 2001:db8:1::/48",
        "permit 10.0.0.0 255.0.0.0 fc00::/7             | PAIR          | fc00::/7",
        "deny ?=I *=joe ::/0 ::1/128 lt 1024 : echo %A   | ::/0          | ::1/128",
        "permit ::ffff:10.0.0.0/104 ::FFFF:0:0/96       | ::ffff:a00:0/104 | ::ffff:0:0/96",
    })
    void aPrefixIsOneFieldAndDumpsInItsShortForm(String line, String source, String destination) {
        Rule rule = parsed(line + "\n").rules().getFirst();
        assertThat(text(rule.source())).isEqualTo(source);
        assertThat(text(rule.destination())).isEqualTo(destination);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "permit 2001:db8::1/32 | Invalid source prefix \"2001:db8::1/32\" (bits set past /32; the network is 2001:db8::/32)",
        "permit 0.0.0.0 0.0.0.0 2001:db8::/129 | Invalid destination prefix \"2001:db8::/129\"" + EXPECTED,
        "permit 2001:db8::/032 | Invalid source prefix \"2001:db8::/032\"" + EXPECTED,
        "permit 2001:db8:::/32 | Invalid source prefix \"2001:db8:::/32\"" + EXPECTED,
    })
    void aMalformedPrefixIsAnErrorNamingIt(String line, String reason) {
        LoadResult<RuleSet> result = PARSER.parse("sockd.conf", line + "\n");
        assertThat(result).isInstanceOfSatisfying(LoadResult.Invalid.class, invalid -> assertThat(
                invalid.errors().stream().map(error -> ((FileError) error).reason()).toList()).containsExactly(reason));
    }

    @Test
    void prefixesSurviveFreezingThawingAndTheDump() {
        RuleSet rules = parsed("""
                permit 2001:db8::/32 0.0.0.0 0.0.0.0 eq 80
                deny 0.0.0.0 0.0.0.0 ::ffff:127.0.0.0/104
                permit ::/0 2001:db8:0:1::/64
                """);
        LoadResult<RuleSet> thawed = new FrozenReader(ConfParser.userFiles(message -> { }))
                .read("sockd.fc", FrozenWriter.write(rules));
        assertThat(thawed).isInstanceOfSatisfying(LoadResult.Valid.class, valid -> assertThat(
                CanonicalText.numberedLines((RuleSet) valid.content())).isEqualTo(CanonicalText.numberedLines(rules)));
        assertThat(CanonicalText.numberedLines(rules)).containsExactly(
                "1: permit 2001:db8::/32 0.0.0.0 0.0.0.0 eq 80",
                "2: deny 0.0.0.0 0.0.0.0 ::ffff:7f00:0/104",
                "3: permit ::/0 2001:db8:0:1::/64");
        RuleSet dumped = parsed(CanonicalText.of(rules, "sockd.fc"));
        assertThat(dumped.rules()).extracting(Rule::source, Rule::destination).isEqualTo(
                rules.rules().stream().map(rule -> tuple(rule.source(), rule.destination()))
                        .toList());
    }

    private static String text(AddressPattern pattern) {
        return switch (pattern) {
            case Ipv6Prefix prefix -> AddressText.ipv6(prefix.network()) + "/" + prefix.length();
            case AddressMask mask when mask.equals(AddressMask.ANY) -> "ANY";
            case AddressMask mask -> "PAIR";
            case NamePattern name -> name.toString();
        };
    }

    private static RuleSet parsed(String text) {
        LoadResult<RuleSet> result = PARSER.parse("sockd.conf", text);
        assertThat(result).isInstanceOf(LoadResult.Valid.class);
        return ((LoadResult.Valid<RuleSet>) result).content();
    }
}
