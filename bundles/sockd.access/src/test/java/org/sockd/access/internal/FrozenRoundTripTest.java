package org.sockd.access.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sockd.access.internal.parse.CanonicalText;
import org.sockd.access.internal.parse.ConfParser;
import org.sockd.access.internal.parse.FrozenWriter;
import org.sockd.access.internal.rule.RuleSet;
import org.sockd.api.ClientInfo;
import org.sockd.api.Command;
import org.sockd.api.ConnectRequest;
import org.sockd.api.Endpoint;
import org.sockd.api.SocksVersion;
import org.sockd.api.access.Decision;
import org.sockd.api.access.IdentMode;
import org.sockd.api.access.MatchedRule;
import org.sockd.common.netdb.Services;
import org.sockd.common.reload.LoadResult;

/**
 * text → frozen → dump → text: every form decides a generated set of requests exactly as the
 * text it came from.
 */
class FrozenRoundTripTest {

    private static final String[] USERS = {"alice", "bob", "carol", "dave"};
    private static final String[] NAMES = {"a.example.com", "b.example.com", "example.org", "x.test"};
    private static final String[] OPS = {"eq", "neq", "lt", "gt", "le", "ge"};

    @TempDir
    Path dir;

    private final ConfParser parser = new ConfParser(Services.parse(List.of("telnet 23/tcp")), message -> { });

    @Test
    void everyFormDecidesAsTheText() throws Exception {
        Random random = new Random(20261126);
        for (int round = 0; round < 40; round++) {
            Path text = dir.resolve("round" + round + ".conf");
            Files.writeString(text, generatedFile(random, Path.of(dir.toString(), "users")));
            Files.writeString(dir.resolve("users"), "alice, bob\n# comment\ncarol\n");
            RuleSet original = parsed(parser.parseFile(text));

            Path frozen = dir.resolve("round" + round + ".fc");
            Files.write(frozen, FrozenWriter.write(original));
            RuleSet thawed = parsed(parser.load(frozen));

            Path dumped = dir.resolve("round" + round + ".dump.conf");
            Files.writeString(dumped, CanonicalText.of(thawed, frozen.toString()));
            RuleSet reparsed = parsed(parser.parseFile(dumped));

            assertThat(thawed.rules()).hasSameSizeAs(original.rules());
            assertThat(thawed.identActions()).isEqualTo(original.identActions());
            assertSameDecisions(random, original, thawed, reparsed);
        }
    }

    @Test
    void theFrozenFileBesideTheTextWins() throws Exception {
        Path text = dir.resolve("sockd.conf");
        Files.writeString(text, "permit 10.0.0.0 255.0.0.0\n");
        Files.write(dir.resolve("sockd.fc"), FrozenWriter.write(parsed(parser.parseFile(text))));
        Files.writeString(text, "deny 10.0.0.0 255.0.0.0\n"); // edited after freezing, as the man page warns

        RuleSet loaded = parsed(parser.load(text));
        assertThat(loaded.rules()).singleElement().satisfies(rule -> assertThat(rule.text()).startsWith("permit"));
    }

    @Test
    void withoutAFrozenFileTheTextIsRead() throws Exception {
        Path text = dir.resolve("sockd.conf");
        Files.writeString(text, "deny 10.0.0.0 255.0.0.0\n");
        assertThat(parsed(parser.load(text)).rules()).singleElement()
                .satisfies(rule -> assertThat(rule.text()).startsWith("deny"));
    }

    private void assertSameDecisions(Random random, RuleSet... forms) {
        RuleEngine engine = new RuleEngine(IdentMode.LENIENT);
        for (int i = 0; i < 200; i++) {
            ConnectRequest request = request(random);
            String expected = kind(engine.decide(forms[0], request), forms[0]);
            for (int f = 1; f < forms.length; f++) {
                assertThat(kind(engine.decide(forms[f], request), forms[f])).as("form %d, request %s", f, request)
                        .isEqualTo(expected);
            }
        }
    }

    /**
     * The verdict, ident mode, command and which rule (by position: a dump has other line numbers
     * and file names than the text it came from).
     */
    private static String kind(Decision decision, RuleSet form) {
        return switch (decision) {
            case Decision.Allow allow -> "permit " + allow.identMode() + " " + position(allow.rule(), form)
                    + " " + allow.rule().command() + " " + allow.onIdentFailure();
            case Decision.Deny deny -> "deny " + (deny.rule() == null ? "implied" : position(deny.rule(), form)
                    + " " + deny.rule().command());
        };
    }

    private static String position(MatchedRule matched, RuleSet form) {
        for (int i = 0; i < form.rules().size(); i++) {
            if (form.rules().get(i).line() == matched.line()) {
                return "rule #" + (i + 1);
            }
        }
        throw new AssertionError("no rule at line " + matched.line());
    }

    private static RuleSet parsed(LoadResult<RuleSet> result) {
        assertThat(result).isInstanceOf(LoadResult.Valid.class);
        return ((LoadResult.Valid<RuleSet>) result).content();
    }

    private static String generatedFile(Random random, Path userFile) {
        StringBuilder text = new StringBuilder("#NO_IDENTD: echo no identd for %A\n");
        int rules = 1 + random.nextInt(12);
        for (int i = 0; i < rules; i++) {
            List<String> fields = new ArrayList<>();
            fields.add(random.nextBoolean() ? "permit" : "DENY");
            if (random.nextInt(3) == 0) {
                fields.add(List.of("?=I", "?=i", "?=n", "?=").get(random.nextInt(4)));
            }
            if (random.nextInt(3) == 0) {
                fields.add("*=" + USERS[random.nextInt(USERS.length)] + (random.nextBoolean() ? "," + userFile : ""));
            }
            fields.add(address(random));
            fields.add(address(random));
            if (random.nextBoolean()) {
                fields.add(OPS[random.nextInt(OPS.length)]);
                fields.add(random.nextInt(8) == 0 ? "telnet" : Integer.toString(random.nextInt(100)));
            }
            text.append(String.join(" ", fields));
            if (random.nextInt(4) == 0) {
                text.append(" : echo rule ").append(i).append(" %u");
            }
            text.append('\n');
        }
        return text.toString();
    }

    /** A source or destination pair: numeric with a random (even non-contiguous) mask, or a name form. */
    private static String address(Random random) {
        return switch (random.nextInt(6)) {
            case 0 -> "ALL 0.0.0.0";
            case 1 -> NAMES[random.nextInt(NAMES.length)] + " 0.0.0.0";
            case 2 -> ".example.com 0.0.0.0";
            default -> "10.0." + random.nextInt(4) + "." + random.nextInt(4) + " 255.255."
                    + List.of("255", "0", "252", "3").get(random.nextInt(4)) + "." + List.of("255", "0", "252", "3").get(random.nextInt(4));
        };
    }

    private static ConnectRequest request(Random random) {
        InetAddress client = ip("10.0." + random.nextInt(4) + "." + random.nextInt(4));
        InetAddress target = ip("10.0." + random.nextInt(4) + "." + random.nextInt(4));
        int port = random.nextInt(100);
        String user = random.nextInt(5) == 0 ? "" : USERS[random.nextInt(USERS.length)];
        Endpoint destination = random.nextBoolean() ? Endpoint.ofAddress(target, port)
                : Endpoint.ofName(NAMES[random.nextInt(NAMES.length)], port);
        return new ConnectRequest(new ClientInfo(new InetSocketAddress(client, 4000), new InetSocketAddress(client, 1080)),
                SocksVersion.SOCKS4, Command.CONNECT, destination, List.of(target), user, null,
                random.nextBoolean() ? List.of(NAMES[random.nextInt(NAMES.length)]) : List.of());
    }

    private static InetAddress ip(String literal) {
        return Requests.ip(literal);
    }
}
