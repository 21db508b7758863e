package org.sockd.action.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sockd.action.internal.Requests.address;

import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sockd.api.Command;
import org.sockd.api.Endpoint;
import org.sockd.api.action.Action;

class PercentExpanderTest {

    private static final Map<InetAddress, String> NAMES = Map.of(
            Requests.CLIENT, "client.example.net",
            address("203.0.113.5"), "dest.example.com");
    private static final PercentExpander.Lookups LOOKUPS = new PercentExpander.Lookups(
            a -> NAMES.getOrDefault(a, a.getHostAddress()),
            port -> port == 80 ? Optional.of("http") : Optional.empty(),
            4242);
    /** Proves that a command without %A or %Z makes no name lookup. */
    private static final PercentExpander.Lookups NO_DNS = new PercentExpander.Lookups(
            a -> { throw new AssertionError("name lookup for " + a); }, LOOKUPS.serviceName(), 4242);

    private final PercentExpander expander = new PercentExpander(LOOKUPS, 4096);

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            %A            | client.example.net
            %a            | 192.0.2.7
            %c            | connect
            %p            | 4242
            %S            | http
            %s            | 80
            %U            | bob
            %u            | alice
            %Z            | www.example.org
            %z            | 198.51.100.9
            %%            | %
            100%%u        | 100%u
            a%qb          | ab
            a%1b%         | ab
            end%          | end
            %u@%A (%S)    | alice@client.example.net (http)
            """)
    void everyCodeOfTheClassicTable(String template, String expected) {
        Action action = new Action(template, "sockd.conf:1", Requests.socks4a("alice"), "bob");
        assertThat(expander.expand(template, action)).isEqualTo(new Expansion.Ready(expected));
    }

    @Test
    void theAdministratorsTextIsKeptAsWritten() {
        String template = "finger @%A | mail -s 'SOCKS refused %u@%A to %Z (%S)' root; echo \"$HOME\" \\";
        assertThat(expand(template, Requests.action(template, "clyde"))).isEqualTo(
                "finger @client.example.net | mail -s 'SOCKS refused clyde@client.example.net to www.example.org (http)'"
                        + " root; echo \"$HOME\" \\");
    }

    @Test
    void everyExpansionIsCleaned() {
        Action action = new Action("%u %U %Z", "sockd.conf:1",
                Requests.socks5("a;touch X", Command.CONNECT, Endpoint.ofName("x$(id).example", 80)), "`reboot`");
        assertThat(expand(action.command(), action)).isEqualTo("a_touch_X _reboot_ x__id_.example");
    }

    @Test
    void aSlashInAValueTheClientChoseBecomesAnUnderscore() {
        Action action = new Action("", "x",
                Requests.socks5("../../tmp/x", Command.CONNECT, Endpoint.ofName("a/b.example", 80)), "/etc/passwd");
        assertThat(expand("> /var/log/sockd/%u %U %Z", action)).isEqualTo("> /var/log/sockd/.._.._tmp_x _etc_passwd a_b.example");
    }

    @Test
    void aSlashInANameFromReverseDnsBecomesAnUnderscore() {
        PercentExpander.Lookups slashed = new PercentExpander.Lookups(a -> "../" + a.getHostAddress(),
                LOOKUPS.serviceName(), 4242);
        Endpoint destination = Endpoint.ofAddress(address("203.0.113.5"), 80);
        Action action = new Action("", "x", Requests.socks5(null, Command.CONNECT, destination), null);
        assertThat(new PercentExpander(slashed, 4096).expand("%A %Z", action))
                .isEqualTo(new Expansion.Ready(".._192.0.2.7 .._203.0.113.5"));
    }

    @Test
    void aSlashInAValueTheDaemonProducesIsKept() {
        PercentExpander.Lookups slashed = new PercentExpander.Lookups(LOOKUPS.hostName(),
                port -> Optional.of("http/alt"), 4242);
        assertThat(new PercentExpander(slashed, 4096).expand("%S", Requests.action("", "u")))
                .isEqualTo(new Expansion.Ready("http/alt"));
    }

    @Test
    void anExpandedPercentIsNotExpandedAgain() {
        assertThat(expand("%u", Requests.action("%u", "%u%%"))).isEqualTo("%u%%");
    }

    @Test
    void withoutAnIdentAnswerTheIdentUserIsUnknown() {
        assertThat(expand("%U", Requests.action("%U", "alice"))).isEqualTo("unknown");
    }

    @Test
    void socks5ShowsTheAuthenticatedUserElseTheEmptySocksUser() {
        Endpoint destination = Endpoint.ofAddress(address("203.0.113.5"), 23);
        Action authenticated = new Action("<%u>", "x", Requests.socks5("carol", Command.BIND, destination), null);
        Action anonymous = new Action("<%u>", "x", Requests.socks5(null, Command.BIND, destination), null);
        assertThat(expand("<%u> %c", authenticated)).isEqualTo("<carol> bind");
        assertThat(expand("<%u>", anonymous)).isEqualTo("<>");
    }

    @Test
    void anAddressDestinationShowsItsReverseNameAndAPortWithoutServiceItsNumber() {
        Endpoint destination = Endpoint.ofAddress(address("203.0.113.5"), 6000);
        Action action = new Action("", "x", Requests.socks5(null, Command.CONNECT, destination), null);
        assertThat(expand("%Z %z %S %s", action)).isEqualTo("dest.example.com 203.0.113.5 6000 6000");
    }

    @Test
    void anAddressWithoutNameShowsDotted() {
        Endpoint destination = Endpoint.ofAddress(address("2001:db8::1"), 443);
        Action action = new Action("", "x", Requests.socks5(null, Command.CONNECT, destination), null);
        assertThat(expand("%Z %z", action)).isEqualTo("2001:db8:0:0:0:0:0:1 2001:db8:0:0:0:0:0:1");
    }

    @Test
    void anUnresolvedNameHasNoAddress() {
        Action action = new Action("", "x",
                Requests.socks5(null, Command.CONNECT, Endpoint.ofName("nowhere.invalid", 80)), null);
        assertThat(expand("[%z] %Z", action)).isEqualTo("[] nowhere.invalid");
    }

    @Test
    void confirmedClientNamesFromThePolicyAreUsedWithoutAskingDnsAgain() {
        Action action = new Action("", "x", Requests.socks4a("u").withClientNames(List.of("known.example.net")), null);
        assertThat(new PercentExpander(NO_DNS, 4096).expand("%A", action))
                .isEqualTo(new Expansion.Ready("known.example.net"));
    }

    @Test
    void codesThatNeedNoNameAskNoDns() {
        Action action = Requests.action("", "alice");
        assertThat(new PercentExpander(NO_DNS, 4096).expand("%a %c %p %S %s %U %u %z %%", action))
                .isEqualTo(new Expansion.Ready("192.0.2.7 connect 4242 http 80 unknown alice 198.51.100.9 %"));
    }

    @Test
    void aCommandOverTheCapIsRefusedWithItsHead() {
        String template = "echo " + "%u".repeat(20);
        Expansion expansion = expander.expand(template, Requests.action(template, "x".repeat(255)));
        assertThat(expansion).isEqualTo(new Expansion.TooLong("echo " + "x".repeat(25)));
    }

    @Test
    void aCommandExactlyAtTheCapRuns() {
        PercentExpander small = new PercentExpander(LOOKUPS, 10);
        assertThat(small.expand("12345%u", Requests.action("", "abcde"))).isEqualTo(new Expansion.Ready("12345abcde"));
        assertThat(small.expand("12345%u", Requests.action("", "abcdef"))).isInstanceOf(Expansion.TooLong.class);
    }

    private String expand(String template, Action action) {
        return ((Expansion.Ready) expander.expand(template, action)).command();
    }
}
