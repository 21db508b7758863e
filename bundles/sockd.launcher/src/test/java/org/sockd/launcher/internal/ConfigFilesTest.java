package org.sockd.launcher.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigFilesTest {

    @TempDir
    Path dir;

    @BeforeEach
    void files() throws IOException {
        for (String name : new String[] {"sockd.core.cfg", "sockd.listener-default.cfg", "sockd.listener-v6.config",
                "sockd.access.sockdconf.cfg", "sockd.conf", "log4j2.xml", "README.md", "sockd.cfg.bak"}) {
            Files.writeString(dir.resolve(name), "");
        }
        Files.createDirectories(dir.resolve("examples.cfg"));
    }

    @Test
    void everySettingsFileButTheListenersIsLoadedBeforeThePoliciesStart() throws IOException {
        assertThat(ConfigFiles.eligible(dir)).containsExactly(dir.resolve("sockd.access.sockdconf.cfg"),
                dir.resolve("sockd.core.cfg"));
    }

    @Test
    void theListenerFilesAreLeftToAWatcherOfTheirOwn() {
        assertThat("sockd.listener-default.cfg").doesNotMatch(ConfigFiles.SETTINGS_FILES);
        assertThat("sockd.listener-v6.config").doesNotMatch(ConfigFiles.SETTINGS_FILES);
        assertThat("sockd.admin.cfg").matches(ConfigFiles.SETTINGS_FILES);
    }

    @Test
    void listenerFilesAreCounted() throws IOException {
        assertThat(ConfigFiles.listenerFiles(dir)).isEqualTo(2);
    }

    @Test
    void theFileNameIsRecordedAsFileInstallRecordsIt() {
        assertThat(ConfigFiles.uri(Path.of("/etc/sockd/sockd.core.cfg"))).isEqualTo("file:/etc/sockd/sockd.core.cfg");
    }
}
