package org.sockd.itest;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.wiring.FrameworkWiring;
import org.osgi.service.cm.Configuration;
import org.sockd.api.admin.SessionRegistry;

/**
 * In a container nobody honours sockd.bndrun's start levels, and any bundle may be stopped or
 * refreshed at any time. With a configuration that requires an access policy (sockd.conf) and a
 * route selector (sockd.route, {@code route.required}), the daemon serves no request until the
 * services of both are bound, whatever order its bundles start in, and every request once they
 * are; a policy bundle going away closes the daemon again until it is back.
 */
class StartOrderTest extends DaemonTest {

    private static final int REP_SUCCEEDED = 0;
    /**
     * Without these bundles' services the configuration cannot be honoured. sockd.log is not needed,
     * and sockd.api registers no service: a stopped API bundle's packages stay wired, so the daemon
     * may rightly serve before it starts again (a shuffled order that put it last failed here).
     */
    private static final List<String> REQUIRED = List.of("sockd.core", "sockd.protocol", "sockd.access", "sockd.route");
    private static final int SERVED_IN_A_ROW = 10;

    private final List<Configuration> configurations = new ArrayList<>();
    private Path files;
    private InetSocketAddress proxy;

    @BeforeEach
    void configure() throws Exception {
        echo = new EchoServer();
        files = Files.createTempDirectory("sockd-start-order");
        Path rules = Files.writeString(files.resolve("sockd.conf"), "permit 127.0.0.0 255.0.0.0\n");
        Path routes = Files.writeString(files.resolve("sockd.route"), "127.0.0.1 127.0.0.0 255.0.0.0\n");
        // a fixed port, so that the listener is found again at the same address after the core restarts
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            proxy = new InetSocketAddress(InetAddress.getLoopbackAddress(), free.getLocalPort());
        }
        configure(configAdmin.getConfiguration("sockd.core", "?"), Map.of("route.required", true));
        Poll.until(this::coreRequiresARoute, () -> "the core to require a route");
        configure(configAdmin.getConfiguration("sockd.access.sockdconf", "?"),
                Map.of("file", rules.toString(), "watch", false));
        configure(configAdmin.getConfiguration("sockd.route.file", "?"),
                Map.of("file", routes.toString(), "watch", false));
        configure(configAdmin.getFactoryConfiguration("sockd.listener", "startorder", "?"),
                Map.of("address", "127.0.0.1", "port", proxy.getPort()));
        awaitEveryRequestServed("the configured daemon");
    }

    @AfterEach
    void unconfigure() throws Exception {
        for (Bundle bundle : sockdBundles()) {
            bundle.start(); // a test that failed half-way must not leave the next one without a daemon
        }
        for (Configuration configuration : configurations) {
            configuration.delete();
        }
        Poll.until(() -> !served(), () -> "the listener to close once its configuration was deleted");
        Poll.until(() -> !coreRequiresARoute(), () -> "the core to return to its defaults");
        try (Stream<Path> all = Files.list(files)) {
            for (Path file : all.toList()) {
                Files.delete(file);
            }
        }
        Files.delete(files);
    }

    @Test
    void inReversedOrderNothingIsServedBeforeItMayBe() throws Exception {
        List<Bundle> order = new ArrayList<>(sockdBundles());
        Collections.reverse(order);
        restartIn(order, "reversed");
    }

    @Test
    void inAShuffledOrderNothingIsServedBeforeItMayBe() throws Exception {
        long seed = Long.getLong("sockd.itest.seed", System.nanoTime());
        System.out.println("StartOrderTest: shuffled with seed " + seed + " (-runvm: -Dsockd.itest.seed=" + seed
                + " in itest/itest.bndrun repeats the order)");
        List<Bundle> order = new ArrayList<>(sockdBundles());
        Collections.shuffle(order, new Random(seed));
        restartIn(order, "shuffled, seed " + seed);
    }

    @Test
    void aPolicyBundleThatGoesAwayClosesTheDaemonUntilItIsBack() throws Exception {
        for (String name : List.of("sockd.access", "sockd.route")) {
            Bundle policy = bundle(name);
            policy.stop();
            assertFalse(served(), "served while " + name + " is stopped");
            policy.start();
            awaitEveryRequestServed(name + " started again");
        }
        refresh(bundle("sockd.access"));
        awaitEveryRequestServed("sockd.access refreshed");
    }

    /** Stops every sockd bundle, then starts them in this order, asking for a relay after each start. */
    private void restartIn(List<Bundle> order, String description) throws Exception {
        for (Bundle bundle : sockdBundles()) {
            bundle.stop();
        }
        assertFalse(served(), "served with every sockd bundle stopped");
        List<String> steps = new ArrayList<>();
        for (Bundle bundle : order) {
            bundle.start();
            boolean served = served();
            boolean complete = REQUIRED.stream().allMatch(name -> bundle(name).getState() == Bundle.ACTIVE);
            steps.add(bundle.getSymbolicName() + (served ? " served" : " refused"));
            if (!complete) {
                assertFalse(served, description + ": served before every required bundle started: " + steps);
            }
        }
        System.out.println("StartOrderTest " + description + ": " + String.join(", ", steps));
        awaitEveryRequestServed(description);
    }

    /** Waits for the first request served, then requires the next ones all served too. */
    private void awaitEveryRequestServed(String when) throws Exception {
        Poll.until(this::served, () -> "a request to be served: " + when);
        for (int i = 0; i < SERVED_IN_A_ROW; i++) {
            assertTrue(served(), when + ": request " + (i + 2) + " after the first was not served");
        }
    }

    /** @return whether a SOCKS 5 CONNECT to the echo server succeeded and relayed; any refusal is false */
    private boolean served() throws InterruptedException {
        try (Socks5Client.Connection connection = Socks5Client.connect(proxy, echo.address())) {
            if (connection.reply() != REP_SUCCEEDED) {
                return false;
            }
            connection.roundTrip(new byte[] {1, 2, 3});
            return true;
        } catch (IOException refused) {
            return false;
        }
    }

    /** The core publishes its configuration: once it shows route.required, new sessions get it. */
    private boolean coreRequiresARoute() {
        var core = context.getServiceReference(SessionRegistry.class);
        return core != null && Boolean.TRUE.equals(core.getProperty("route.required"));
    }

    private void refresh(Bundle bundle) throws Exception {
        CountDownLatch refreshed = new CountDownLatch(1);
        context.getBundle(0).adapt(FrameworkWiring.class).refreshBundles(List.of(bundle), event -> {
            if (event.getType() == FrameworkEvent.PACKAGES_REFRESHED) {
                refreshed.countDown();
            }
        });
        assertTrue(refreshed.await(Poll.PATIENCE.toMillis(), TimeUnit.MILLISECONDS), "refresh of " + bundle);
    }

    private void configure(Configuration configuration, Map<String, Object> properties) throws IOException {
        configurations.add(configuration);
        configuration.update(new Hashtable<>(properties));
    }

    /** The daemon's bundles in this framework, by name; not the test bundle. */
    private List<Bundle> sockdBundles() {
        List<Bundle> bundles = Stream.of(context.getBundles())
                .filter(bundle -> bundle.getSymbolicName().startsWith("sockd.") && bundle != context.getBundle())
                .sorted(Comparator.comparing(Bundle::getSymbolicName))
                .toList();
        List<String> names = bundles.stream().map(Bundle::getSymbolicName).toList();
        assertTrue(names.containsAll(REQUIRED), "the framework lacks some of " + REQUIRED + ": " + names);
        return bundles;
    }

    private Bundle bundle(String name) {
        return Stream.of(context.getBundles()).filter(bundle -> name.equals(bundle.getSymbolicName())).findFirst()
                .orElseThrow(() -> new AssertionError("no bundle " + name));
    }
}
