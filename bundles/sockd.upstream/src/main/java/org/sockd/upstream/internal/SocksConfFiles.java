package org.sockd.upstream.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.sockd.common.files.FrozenName;

/**
 * Finds and reads a socks.conf the classic way: its frozen twin ({@code socks.fc} beside
 * {@code socks.conf}) whenever that exists, else the text. A pure function of the files: the
 * caller decides what to keep.
 */
final class SocksConfFiles {

    private SocksConfFiles() {
    }

    /**
     * @param file the configured file: the text, or a frozen file named directly
     * @param notices where notices of the load go (skipped lines, unreadable user files)
     */
    static LoadResult load(Path file, ParseSettings settings, Consumer<String> notices, Logger log) {
        Path frozen = FrozenName.of(file);
        if (Files.exists(frozen)) {
            if (FrozenName.olderThan(frozen, file)) {
                // The classic library used a stale frozen file silently; say so at least.
                log.warn("{} is older than {}: the frozen lines are used; run bin/sockd make-socksfc after every edit",
                        frozen, file);
            }
            return FrozenSocksConf.read(frozen, settings, notices);
        }
        return FrozenSocksConf.FRAME.isFrozen(file) ? FrozenSocksConf.read(file, settings, notices)
                : SocksConfParser.parseFile(file, settings, notices);
    }
}
