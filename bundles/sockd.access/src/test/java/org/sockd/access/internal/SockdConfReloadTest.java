package org.sockd.access.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sockd.access.internal.Requests.connect;
import static org.sockd.common.testing.Await.until;
import static org.sockd.common.testing.Editor.replace;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sockd.api.access.Decision;
import org.sockd.api.access.IdentMode;
import org.sockd.api.access.MatchedRule;
import org.sockd.api.access.Preview;
import org.sockd.api.admin.ReloadResult;

/** Reloads through the component, as SIGHUP, sockd:reload and the file watcher do. */
class SockdConfReloadTest {

    private static final String PERMIT_ALL = "permit 0.0.0.0 0.0.0.0\n";
    private static final String DENY_ALL = "# no one\ndeny 0.0.0.0 0.0.0.0\n";

    @TempDir
    Path dir;

    @Test
    void aBrokenFileKeepsTheOldDecisionsAndReportsEveryBadLine() throws Exception {
        Path file = write(PERMIT_ALL);
        SockdConfPolicy policy = policy(file, "OFF", false);
        write("deny 0.0.0.0\npermit 0.0.0.0 0.0.0.0 eq nosuchservice\n");

        assertThat(policy.preview()).as("a preview sees what a reload would").isInstanceOfSatisfying(
                Preview.Invalid.class, invalid -> assertThat(invalid.errors()).hasSize(2));
        assertThat(policy.reload()).isInstanceOfSatisfying(ReloadResult.Failed.class, failed ->
                assertThat(failed.errors()).satisfiesExactly(
                        first -> assertThat(first).startsWith(file + ":1: "),
                        second -> assertThat(second).startsWith(file + ":2: ")));
        assertThat(decide(policy)).isEqualTo(permitted(file));
    }

    @Test
    void aGoodFileIsSwappedIn() throws Exception {
        Path file = write(PERMIT_ALL);
        SockdConfPolicy policy = policy(file, "OFF", false);
        write(DENY_ALL);

        assertThat(policy.reload()).isEqualTo(new ReloadResult.Reloaded(file.toString(), 1));
        assertThat(decide(policy)).isEqualTo(denied(file));
    }

    @Test
    void whetherClientNamesAreNeededFollowsTheRulesInForce() throws Exception {
        Path file = write("permit .example.com 0.0.0.0\n");
        SockdConfPolicy policy = policy(file, "OFF", false);
        assertThat(policy.needsClientNames()).isTrue();

        write(PERMIT_ALL);
        policy.reload();
        assertThat(policy.needsClientNames()).isFalse();
    }

    @Test
    void aBadIdentModeFailsEveryReloadAndSaysWhy() throws Exception {
        SockdConfPolicy policy = policy(write(PERMIT_ALL), "SOMETIMES", false);
        assertThat(policy.reload()).isInstanceOfSatisfying(ReloadResult.Failed.class, failed ->
                assertThat(failed.errors()).containsExactly(
                        "sockd.access.sockdconf: ident.mode SOMETIMES is not OFF, LENIENT or STRICT"));
        assertThat(decide(policy)).isEqualTo(new Decision.Deny("no rule matched", null));
    }

    @Test
    void aPreviewDecidesByTheFileOnDiskAndLeavesTheRulesInForce() throws Exception {
        Path file = write(PERMIT_ALL);
        SockdConfPolicy policy = policy(file, "OFF", false);
        write(DENY_ALL);

        assertThat(policy.preview()).isInstanceOfSatisfying(Preview.Ready.class, ready -> {
            assertThat(ready.source()).isEqualTo(file.toString());
            assertThat(ready.policy().decide(connect("10.0.0.1", "192.0.2.1", 80))).isEqualTo(denied(file));
        });
        assertThat(decide(policy)).as("still the rules in force").isEqualTo(permitted(file));
    }

    /** That a broken file is seen and refused by the watcher is the holder's to prove (LiveFileTest). */
    @Test
    void aChangedFileIsReloadedByTheWatcher() throws Exception {
        Path file = write(PERMIT_ALL);
        SockdConfPolicy policy = policy(file, "OFF", true);
        try {
            replace(file, DENY_ALL);
            until(() -> decide(policy).equals(denied(file)), "the rules reloaded");
        } finally {
            policy.deactivate();
        }
    }

    private static Decision decide(SockdConfPolicy policy) {
        return policy.decide(connect("10.0.0.1", "192.0.2.1", 80));
    }

    private static Decision permitted(Path file) {
        return new Decision.Allow(new MatchedRule(file.toString(), 1, "permit 0.0.0.0 0.0.0.0"), IdentMode.OFF);
    }

    private static Decision denied(Path file) {
        return new Decision.Deny("rule", new MatchedRule(file.toString(), 2, "deny 0.0.0.0 0.0.0.0"));
    }

    private Path write(String text) throws Exception {
        return Files.writeString(dir.resolve("sockd.conf"), text);
    }

    private static SockdConfPolicy policy(Path file, String identMode, boolean watch) {
        return new SockdConfPolicy(new TestPolicyConfig(file.toString(), identMode, watch, 20));
    }
}
