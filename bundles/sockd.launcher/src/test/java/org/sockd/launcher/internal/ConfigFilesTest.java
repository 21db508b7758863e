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
    void everyConfigurationFileIsLoadedWhenTheFilesDecideTheListeners() throws IOException {
        assertThat(ConfigFiles.eligible(dir, true)).containsExactly(dir.resolve("sockd.access.sockdconf.cfg"),
                dir.resolve("sockd.core.cfg"), dir.resolve("sockd.listener-default.cfg"), dir.resolve("sockd.listener-v6.config"));
    }

    @Test
    void listenerFilesAreLeftOutWhenTheCommandLineDecides() throws IOException {
        assertThat(ConfigFiles.eligible(dir, false)).containsExactly(dir.resolve("sockd.access.sockdconf.cfg"),
                dir.resolve("sockd.core.cfg"));
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
