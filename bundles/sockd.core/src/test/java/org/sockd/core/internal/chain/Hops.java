package org.sockd.core.internal.chain;

import static org.sockd.core.internal.chain.ScriptedProxy.bytes;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.channels.ServerSocketChannel;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.sockd.api.Command;
import org.sockd.api.access.MatchedRule;
import org.sockd.api.route.Route;
import org.sockd.api.upstream.NextHop;
import org.sockd.api.upstream.TryLimits;
import org.sockd.api.upstream.Upstream;

/**
 * One test's upstreams: stand-ins on 127.0.0.1, a dialer whose reports are recorded, and
 * everything opened closed at the end. A dead upstream is a port nobody listens on.
 */
final class Hops implements AutoCloseable {

    static final byte[] SOCKS5_NO_AUTH = bytes(5, 0);
    static final byte[] SOCKS5_GRANTED = bytes(5, 0, 0, 1, 127, 0, 0, 9, 0x1F, 0x90);
    /** Generous: stand-ins answer at once, but a loaded machine may be slow to run them. */
    static final Duration NEGOTIATE = Duration.ofSeconds(5);
    private static final MatchedRule LINE = new MatchedRule("socks.conf", 1, "sockd @=a,b 0.0.0.0 0.0.0.0");

    final Reports reports = new Reports();
    final Opened opened = new Opened();

    Dialer dialer(Function<InetAddress, Optional<Route>> routes) {
        return new Dialer(Hops::literal, routes, reports, Duration.ofSeconds(10), opened::add);
    }

    static NextHop.Try tryList(List<Upstream> upstreams, int maxTries, Duration negotiate) {
        return new NextHop.Try(LINE, upstreams, new TryLimits(maxTries, negotiate));
    }

    /** With the system's routes, up to 8 addresses, {@link #NEGOTIATE} per upstream. */
    Dialed dial(List<Upstream> upstreams, DialRequest request) throws InterruptedException {
        return dialer(address -> Optional.empty()).dial(tryList(upstreams, 8, NEGOTIATE), request);
    }

    ScriptedProxy proxy(ScriptedProxy proxy) {
        return opened.add(proxy);
    }

    static DialRequest connect() throws UnknownHostException {
        return new DialRequest(Command.CONNECT, null, List.of(InetAddress.getByName("127.0.0.2")), 17007, "alice", null);
    }

    /**
     * Address literals, plus two names: {@code twice.test} has a dead address (nobody listens on
     * 127.0.0.3) before 127.0.0.1, and any {@code .invalid} name never resolves.
     */
    static List<InetAddress> literal(String host) {
        try {
            if (host.equals("twice.test")) {
                return List.of(InetAddress.getByName("127.0.0.3"), InetAddress.getByName("127.0.0.1"));
            }
            return host.endsWith(".invalid") ? List.of() : List.of(InetAddress.getByName(host));
        } catch (UnknownHostException e) {
            return List.of();
        }
    }

    /** A port on 127.0.0.1 that nothing listens on: connecting is refused at once. */
    static int deadPort() throws IOException {
        try (ServerSocketChannel closed = ServerSocketChannel.open().bind(new InetSocketAddress("127.0.0.1", 0))) {
            return closed.socket().getLocalPort();
        }
    }

    @Override
    public void close() throws Exception {
        opened.close();
    }
}
