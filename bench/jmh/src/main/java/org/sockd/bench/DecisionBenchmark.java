package org.sockd.bench;

import java.io.IOException;
import java.lang.annotation.Annotation;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.sockd.access.internal.SockdConfPolicy;
import org.sockd.api.ClientInfo;
import org.sockd.api.Command;
import org.sockd.api.ConnectRequest;
import org.sockd.api.Endpoint;
import org.sockd.api.SocksVersion;
import org.sockd.api.access.Decision;

/** Decisions per second of the sockd.conf policy, through its public entry point, by file size. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class DecisionBenchmark {

    @Param({"10", "1000", "100000"})
    int rules;

    private SockdConfPolicy policy;
    private ConnectRequest lastRule;
    private ConnectRequest firstRule;

    @Setup
    public void setUp() throws IOException {
        Path file = RuleFiles.write(Files.createTempDirectory("sockd-bench"), rules);
        policy = new SockdConfPolicy(new Settings(file.toString()));
        lastRule = request("127.0.0.1", "nobody");
        firstRule = request("10.0.0.0", "nobody");
        if (!(policy.decide(lastRule) instanceof Decision.Allow) || !(policy.decide(firstRule) instanceof Decision.Deny)) {
            throw new IllegalStateException("the generated file does not decide as designed");
        }
    }

    /** The worst case: only the last rule matches. */
    @Benchmark
    public Decision matchOnTheLastRule() {
        return policy.decide(lastRule);
    }

    @Benchmark
    public Decision matchOnTheFirstRule() {
        return policy.decide(firstRule);
    }

    private static ConnectRequest request(String client, String user) throws IOException {
        InetAddress source = InetAddress.getByName(client);
        InetAddress target = InetAddress.getByName("192.0.2.1");
        return new ConnectRequest(new ClientInfo(new InetSocketAddress(source, 40000), new InetSocketAddress(source, 1080)),
                SocksVersion.SOCKS4, Command.CONNECT, Endpoint.ofAddress(target, 80), List.of(target), user, null);
    }

    /** The component's configuration, as Config Admin would give it; no file watching in a benchmark. */
    record Settings(String file) implements SockdConfPolicy.Config {

        @Override
        public String ident_mode() {
            return "OFF";
        }

        @Override
        public String sockd_policy_name() {
            return "bench";
        }

        @Override
        public int service_ranking() {
            return 0;
        }

        @Override
        public boolean watch() {
            return false;
        }

        @Override
        public long watch_period_ms() {
            return 1000;
        }

        @Override
        public Class<? extends Annotation> annotationType() {
            return SockdConfPolicy.Config.class;
        }
    }
}
