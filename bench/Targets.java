import java.net.InetSocketAddress;
import java.time.Duration;

/**
 * The target servers of SocksBench (sink, source, echo) and SocksLoad (once, stream) in a process
 * of their own, at {@code -Dbench.target.host} (default 127.0.0.2), so that they can run in another
 * network namespace than the load client: bench/run --chain-link. Prints one line, {@code targets
 * sink=HOST:PORT,source=...,echo=...,once=...,stream=...}, whose second word is what --targets-at
 * of SocksBench and SocksLoad take; serves until killed or for {@code SECONDS} (default 3600).
 * {@code java bench/Targets.java [SECONDS]}.
 */
public final class Targets {

    private Targets() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length == 0 ? 3600 : Bench.parseCount("SECONDS", args[0]);
        try (SocksBench.Servers servers = SocksBench.Servers.start();
                Bench.Echo once = new Bench.Echo(SocksLoad.PAYLOAD);
                Bench.Echo stream = new Bench.Echo(0)) {
            System.out.println("targets sink=" + text(servers.sink()) + ",source=" + text(servers.source())
                    + ",echo=" + text(servers.echo()) + ",once=" + text(once.address()) + ",stream="
                    + text(stream.address()));
            System.out.flush();
            // the servers' threads are daemons: they serve as long as this one waits
            Thread.sleep(Duration.ofSeconds(seconds));
        }
    }

    private static String text(InetSocketAddress address) {
        return address.getAddress().getHostAddress() + ":" + address.getPort();
    }
}
