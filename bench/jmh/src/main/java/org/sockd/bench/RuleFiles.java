package org.sockd.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Generated sockd.conf files of a given size whose only rule for loopback clients is the last
 * one, so that a decision for 127.0.0.1 has to look past every other rule.
 */
final class RuleFiles {

    private RuleFiles() {
    }

    static Path write(Path dir, int rules) throws IOException {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < rules - 1; i++) {
            text.append(switch (i % 4) {
                case 0 -> "deny 10.%d.%d.%d 255.255.255.255".formatted(i >> 16 & 255, i >> 8 & 255, i & 255);
                case 1 -> "permit *=user%d 10.%d.0.0 255.255.0.0 0.0.0.0 0.0.0.0 eq %d".formatted(i, i >> 8 & 255, 1 + i % 65534);
                case 2 -> "deny 172.16.%d.%d 255.255.255.255 192.0.2.0 255.255.255.0 lt 1024".formatted(i >> 8 & 255, i & 255);
                default -> "permit .zone%d.example 0.0.0.0 ALL 0.0.0.0".formatted(i);
            }).append('\n');
        }
        text.append("permit 127.0.0.0 255.0.0.0\n");
        Path file = dir.resolve("sockd-" + rules + ".conf");
        Files.writeString(file, text);
        return file;
    }
}
