package org.sockd.access.internal.rule;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.sockd.api.ClientInfo;
import org.sockd.api.Command;
import org.sockd.api.ConnectRequest;
import org.sockd.api.Endpoint;
import org.sockd.api.SocksVersion;
import org.sockd.common.rules.Op;
import org.sockd.common.rules.PortTest;
import org.sockd.common.rules.UserList;

/** The prefilter may only pass over rules that cannot match: the first match is a plain scan's. */
class RuleTableTest {

    private static final int[] ADDRESSES = {0x0A000001, 0x0A000002, 0x0A000101, 0x0A010001, 0};
    private static final int[] MASKS = {0, -1, 0xFFFFFF00, 0xFF00FF00, 0xFFFFFFFC, 0x000000FF};
    private static final List<AddressPattern> NAMES = List.of(new NamePattern.Host("a.example.com"),
            new NamePattern.Host("A.EXAMPLE.com"), new NamePattern.Zone(".example.com"),
            new NamePattern.Zone(".B.example.com"), new NamePattern.All());
    private static final List<UserList> USERS = List.of(UserList.ANYONE, new UserList.Listed(Set.of("u0", "u1"),
            List.of()), new UserList.Listed(Set.of("u2"), List.of()), new UserList.Unreadable(List.of(Path.of("/x"))));
    private static final int[] PORTS = {0, 1, 79, 80, 81, 1023, 1024, 65534, 65535};
    private static final List<AddressPattern> PREFIXES = List.of(new Ipv6Prefix(0, 0, 0),
            new Ipv6Prefix(0, 0xFFFF_0A00_0000L, 104), new Ipv6Prefix(0x2001_0db8_0000_0000L, 0, 32),
            new Ipv6Prefix(0, 1, 128));
    private static final List<String> HOSTS = List.of("10.0.0.1", "10.0.0.2", "10.0.1.1", "::1", "::ffff:10.0.0.1",
            "2001:db8::1", "64:ff9b::a00:1");
    private static final List<List<String>> HOST_NAMES = List.of(List.of(), List.of("a.example.com"),
            List.of("X.B.EXAMPLE.COM"), List.of("example.com", "other.org"), List.of("badexample.com"));

    private final Random random = new Random(1413);

    @Test
    void agreesWithAPlainScan() {
        for (int set = 0; set < 2000; set++) {
            List<Rule> rules = new ArrayList<>();
            for (int i = random.nextInt(30); i >= 0; i--) {
                rules.add(rule(rules.size() + 1));
            }
            RuleTable table = new RuleTable(rules);
            for (int r = 0; r < 50; r++) {
                Facts facts = Facts.of(request());
                assertThat(table.firstMatch(facts)).isEqualTo(rules.stream().filter(rule -> rule.matches(facts))
                        .findFirst());
            }
        }
    }

    private Rule rule(int line) {
        PortTest port = random.nextInt(3) == 0 ? PortTest.ANY
                : new PortTest.Compare(Op.values()[random.nextInt(Op.values().length)], pick(PORTS));
        return new Rule(line, "rule " + line, Action.PERMIT, Optional.empty(), USERS.get(random.nextInt(USERS.size())),
                address(), address(), port, Optional.empty());
    }

    private AddressPattern address() {
        return switch (random.nextInt(4)) {
            case 0 -> NAMES.get(random.nextInt(NAMES.size()));
            case 1 -> PREFIXES.get(random.nextInt(PREFIXES.size()));
            default -> new AddressMask(pick(ADDRESSES), pick(MASKS));
        };
    }

    private ConnectRequest request() {
        List<InetAddress> resolved = new ArrayList<>();
        for (int i = random.nextInt(3); i > 0; i--) {
            resolved.add(ip(HOSTS.get(random.nextInt(HOSTS.size()))));
        }
        List<String> names = HOST_NAMES.get(random.nextInt(HOST_NAMES.size()));
        Endpoint destination = random.nextBoolean() && !names.isEmpty()
                ? Endpoint.ofName(names.get(0), pick(PORTS))
                : Endpoint.ofAddress(resolved.isEmpty() ? ip("10.0.0.1") : resolved.get(0), pick(PORTS));
        ClientInfo client = new ClientInfo(new InetSocketAddress(ip(HOSTS.get(random.nextInt(HOSTS.size()))), 4000),
                new InetSocketAddress(ip("127.0.0.1"), 1080));
        return new ConnectRequest(client, SocksVersion.SOCKS4A, Command.CONNECT, destination, resolved,
                "u" + random.nextInt(4), null, HOST_NAMES.get(random.nextInt(HOST_NAMES.size())));
    }

    private int pick(int[] values) {
        return values[random.nextInt(values.length)];
    }

    private static InetAddress ip(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException(literal, e);
        }
    }
}
