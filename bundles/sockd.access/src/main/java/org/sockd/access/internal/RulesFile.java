package org.sockd.access.internal;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.sockd.access.internal.parse.ConfParser;
import org.sockd.access.internal.rule.RuleSet;
import org.sockd.common.netdb.Services;
import org.sockd.common.reload.FileError;
import org.sockd.common.reload.FileKind;
import org.sockd.common.reload.LoadResult;

/** sockd.conf as a file the daemon keeps live: read whole, and with no rules nothing is permitted. */
final class RulesFile {

    static final FileKind<RuleSet> KIND = FileKind.<RuleSet>of("rules", rules -> rules.rules().size(),
            (file, errors) -> RuleSet.empty(file.toString()), "refusing every request")
            .withReview((file, rules, log) -> {
                if (rules.rules().isEmpty()) {
                    log.warn("{} has no rules: every request is refused", file);
                }
            });

    private RulesFile() {
    }

    /** The file as sockd.conf, with tcp service names from the system's services file as it is now. */
    static LoadResult<RuleSet> read(Path file) {
        try {
            return new ConfParser(Services.system()).load(file);
        } catch (UncheckedIOException e) {
            return LoadResult.invalid(new FileError(file.toString(), 0, e.getMessage()));
        }
    }
}
