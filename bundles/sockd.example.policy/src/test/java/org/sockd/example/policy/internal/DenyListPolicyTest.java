package org.sockd.example.policy.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Constants;
import org.sockd.api.ClientInfo;
import org.sockd.api.Command;
import org.sockd.api.ConnectRequest;
import org.sockd.api.Endpoint;
import org.sockd.api.SocksVersion;
import org.sockd.api.access.AccessPolicy;
import org.sockd.api.access.Decision;
import org.sockd.api.access.IdentMode;
import org.sockd.api.access.MatchedRule;
import org.sockd.api.admin.ReloadResult;

class DenyListPolicyTest {

    @TempDir
    Path dir;

    @Test
    void aListedDestinationIsRefusedNamingFileAndLineAndTheRestGoesToTheNextPolicy() throws Exception {
        Path file = write("denylist.txt", "# no private networks\n10.0.0.0/8\n2001:db8::/32\n");
        DenyListPolicy policy = new DenyListPolicy(TestConfig.file(file.toString()), dir.toString());
        policy.addPolicy(permitting("sockd.conf"), service(1, 0));

        assertThat(policy.decide(request("10.1.2.3"))).isEqualTo(new Decision.Deny(
                "destination 10.1.2.3 is deny-listed by " + file + ":2 (10.0.0.0/8)",
                new MatchedRule(file.toString(), 2, "10.0.0.0/8")));
        assertThat(policy.decide(request("2001:db8::7"))).isInstanceOfSatisfying(Decision.Deny.class,
                deny -> assertThat(deny.rule().line()).isEqualTo(3));
        assertThat(policy.decide(request("::ffff:10.0.0.1"))).isInstanceOf(Decision.Deny.class);
        assertThat(policy.decide(request("192.0.2.1"))).isEqualTo(allowedBy("sockd.conf"));
    }

    @Test
    void aNameIsRefusedWhenAnyOfItsAddressesIsListed() throws Exception {
        DenyListPolicy policy = new DenyListPolicy(TestConfig.file(write("d", "192.0.2.0/24\n").toString()), dir.toString());
        policy.addPolicy(permitting("sockd.conf"), service(1, 0));
        ConnectRequest byName = new ConnectRequest(client(), SocksVersion.SOCKS5, Command.CONNECT,
                Endpoint.ofName("www.example", 80), addresses("198.51.100.1", "192.0.2.9"), "", null);

        assertThat(policy.decide(byName)).isInstanceOfSatisfying(Decision.Deny.class,
                deny -> assertThat(deny.reason()).startsWith("destination 192.0.2.9 is deny-listed"));
    }

    @Test
    void theBestPolicyRankedBelowThisOneDecidesAndNoneAboveIt() throws Exception {
        DenyListPolicy policy = new DenyListPolicy(TestConfig.file(write("d", "").toString()), dir.toString());
        policy.addPolicy(permitting("low"), service(1, 0));
        policy.addPolicy(permitting("middle"), service(2, 50));
        policy.addPolicy(permitting("older middle"), service(3, 50));
        policy.addPolicy(permitting("above"), service(4, 200));
        policy.addPolicy(permitting("same rank"), service(5, 100));

        assertThat(policy.decide(request("192.0.2.1"))).isEqualTo(allowedBy("middle"));

        policy.removePolicy(null, service(2, 50));
        assertThat(policy.decide(request("192.0.2.1"))).isEqualTo(allowedBy("older middle"));

        policy.rerankPolicy(permitting("low"), service(1, 60));
        assertThat(policy.decide(request("192.0.2.1"))).isEqualTo(allowedBy("low"));

        policy.configure(TestConfig.file(write("d", "").toString()).ranked(300));
        assertThat(policy.decide(request("192.0.2.1"))).isEqualTo(allowedBy("above"));
    }

    @Test
    void withNoPolicyBelowItEveryRequestIsRefused() throws Exception {
        DenyListPolicy policy = new DenyListPolicy(TestConfig.file(write("d", "").toString()), dir.toString());
        policy.addPolicy(permitting("above"), service(4, 200));

        assertThat(policy.decide(request("192.0.2.1"))).isEqualTo(
                new Decision.Deny("no access policy ranked below 100 to decide what the deny list allows", null));
    }

    @Test
    void onceWithdrawnItKeepsDelegatingToThePoliciesItKnew() throws Exception {
        DenyListPolicy policy = new DenyListPolicy(TestConfig.file(write("d", "").toString()), dir.toString());
        policy.addPolicy(permitting("sockd.conf"), service(1, 0));

        policy.deactivate();
        policy.removePolicy(null, service(1, 0)); // what SCR does after deactivating

        assertThat(policy.decide(request("192.0.2.1"))).isEqualTo(allowedBy("sockd.conf"));
    }

    @Test
    void aBadFileAtStartRefusesEverythingAndAReloadWithAGoodOneFixesIt() throws Exception {
        Path file = write("denylist.txt", "10.0.0.0/8\nnot-an-address\n");
        DenyListPolicy policy = new DenyListPolicy(TestConfig.file(file.toString()), dir.toString());
        policy.addPolicy(permitting("sockd.conf"), service(1, 0));

        assertThat(policy.decide(request("192.0.2.1"))).isEqualTo(new Decision.Deny(
                "deny list unusable: " + file + ":2: \"not-an-address\" is not an IPv4 or IPv6 address", null));

        Files.writeString(file, "10.0.0.0/8\n");
        assertThat(policy.reload()).isEqualTo(new ReloadResult.Reloaded(file.toString(), 1));
        assertThat(policy.decide(request("192.0.2.1"))).isEqualTo(allowedBy("sockd.conf"));
        assertThat(policy.dump()).containsExactly("10.0.0.0/8 (" + file + ":1)");
    }

    @Test
    void aReloadWithABadFileKeepsTheListInForce() throws Exception {
        Path file = write("denylist.txt", "10.0.0.0/8\n");
        DenyListPolicy policy = new DenyListPolicy(TestConfig.file(file.toString()), dir.toString());
        policy.addPolicy(permitting("sockd.conf"), service(1, 0));

        Files.writeString(file, "192.0.2.0/24\n192.0.2.0/33\n");

        assertThat(policy.reload()).isEqualTo(new ReloadResult.Failed(file.toString(),
                List.of(file + ":2: prefix /33 is longer than the 32 bits of an IPv4 address")));
        assertThat(policy.decide(request("10.0.0.1"))).isInstanceOf(Decision.Deny.class);
        assertThat(policy.decide(request("192.0.2.1"))).isEqualTo(allowedBy("sockd.conf"));
    }

    @Test
    void theDefaultFileUnderHomeIsUsedWhenItExistsAndOptionalOtherwise() throws Exception {
        DenyListPolicy withoutFile = new DenyListPolicy(TestConfig.file(""), dir.toString());
        withoutFile.addPolicy(permitting("sockd.conf"), service(1, 0));
        assertThat(withoutFile.decide(request("10.0.0.1"))).isEqualTo(allowedBy("sockd.conf"));
        assertThat(withoutFile.title()).isEqualTo("deny list from " + dir.resolve("config/denylist.txt") + " (ranking 100)");

        Files.createDirectories(dir.resolve("config"));
        write("config/denylist.txt", "10.0.0.0/8\n");
        DenyListPolicy withFile = new DenyListPolicy(TestConfig.file(""), dir.toString());
        withFile.addPolicy(permitting("sockd.conf"), service(1, 0));
        assertThat(withFile.decide(request("10.0.0.1"))).isInstanceOf(Decision.Deny.class);
    }

    @Test
    void aNamedFileThatIsMissingRefusesEverything() throws Exception {
        Path missing = dir.resolve("missing.txt");
        DenyListPolicy policy = new DenyListPolicy(TestConfig.file(missing.toString()), dir.toString());
        policy.addPolicy(permitting("sockd.conf"), service(1, 0));

        assertThat(policy.decide(request("192.0.2.1"))).isEqualTo(
                new Decision.Deny("deny list unusable: " + missing + ": no such file", null));
        assertThat(policy.dump()).containsExactly("every request is refused: deny list unusable: " + missing + ": no such file");
    }

    @Test
    void clientNamesAreLookedUpWhenTheNextPolicyNeedsThem() throws Exception {
        DenyListPolicy policy = new DenyListPolicy(TestConfig.file(write("d", "").toString()), dir.toString());
        assertThat(policy.needsClientNames()).isFalse();

        policy.addPolicy(new AccessPolicy() {
            @Override
            public Decision decide(ConnectRequest request) {
                return allowedBy("names");
            }

            @Override
            public boolean needsClientNames() {
                return true;
            }
        }, service(1, 0));
        assertThat(policy.needsClientNames()).isTrue();
    }

    private Path write(String name, String content) throws Exception {
        return Files.writeString(dir.resolve(name), content);
    }

    private static AccessPolicy permitting(String name) {
        return request -> allowedBy(name);
    }

    private static Decision allowedBy(String name) {
        return new Decision.Allow(new MatchedRule(name, 1, "permit"), IdentMode.OFF);
    }

    private static Map<String, Object> service(long id, int ranking) {
        return Map.of(Constants.SERVICE_ID, id, Constants.SERVICE_RANKING, ranking);
    }

    private static ConnectRequest request(String destination) throws Exception {
        InetAddress address = InetAddress.getByName(destination);
        return new ConnectRequest(client(), SocksVersion.SOCKS5, Command.CONNECT, Endpoint.ofAddress(address, 80),
                List.of(address), "", null);
    }

    private static ClientInfo client() {
        return new ClientInfo(new InetSocketAddress("127.0.0.1", 40000), new InetSocketAddress("127.0.0.1", 1080));
    }

    private static List<InetAddress> addresses(String... literals) {
        return Arrays.stream(literals).map(literal -> {
            try {
                return InetAddress.getByName(literal);
            } catch (Exception e) {
                throw new IllegalArgumentException(e);
            }
        }).toList();
    }
}
