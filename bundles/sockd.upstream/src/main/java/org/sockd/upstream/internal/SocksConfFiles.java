package org.sockd.upstream.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.sockd.common.files.FrozenName;
import org.sockd.common.reload.FileKind;
import org.sockd.common.reload.LoadResult;

/**
 * Finds and reads a socks.conf the classic way: its frozen twin ({@code socks.fc} beside
 * {@code socks.conf}) whenever that exists, else the text. A pure function of the files: the
 * caller decides what to keep. While no valid file was ever read, every request is refused.
 */
final class SocksConfFiles {

    static final FileKind<NextHops> KIND = FileKind.<NextHops>of("socks.conf entries", NextHops::size,
            (file, errors) -> new UnusableSocksConf(file.toString(), errors),
            "every request is refused until a reload succeeds")
            .withOrigin((file, hops) -> hops instanceof MarkedTable marked ? marked.table().origin() : file.toString());

    private SocksConfFiles() {
    }

    /**
     * @param file the configured file: the text, or a frozen file named directly
     * @param notices where notices of the load go (skipped lines, unreadable user files)
     */
    static LoadResult<SocksTable> load(Path file, ParseSettings settings, Consumer<String> notices, Logger log) {
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

    /** @return the table read, with fresh failure marks made by {@code marks} */
    static LoadResult<NextHops> marked(LoadResult<SocksTable> read, Function<SocksTable, FailureMarks> marks) {
        return read.fold(table -> new LoadResult.Valid<>(new MarkedTable(table, marks.apply(table))),
                LoadResult.Invalid::new);
    }
}
