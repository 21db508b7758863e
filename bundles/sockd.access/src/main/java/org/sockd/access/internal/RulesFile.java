package org.sockd.access.internal;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.sockd.access.internal.parse.ConfParser;
import org.sockd.access.internal.rule.RuleSet;
import org.sockd.common.netdb.Services;
import org.sockd.common.reload.FileError;
import org.sockd.common.reload.FileKind;
import org.sockd.common.reload.LoadResult;

/** sockd.conf as a file the daemon keeps live: read whole, and with no rules nothing is permitted. */
final class RulesFile implements FileKind<RuleSet> {

    /** The file as sockd.conf, with tcp service names from the system's services file as it is now. */
    static LoadResult<RuleSet> read(Path file) {
        try {
            return new ConfParser(Services.system()).load(file);
        } catch (UncheckedIOException e) {
            return LoadResult.invalid(new FileError(file.toString(), 0, e.getMessage()));
        }
    }

    @Override
    public String noun() {
        return "rules";
    }

    @Override
    public int size(RuleSet rules) {
        return rules.rules().size();
    }

    @Override
    public RuleSet refusing(Path file, List<FileError> errors) {
        return RuleSet.empty(file.toString());
    }

    @Override
    public String whileRefusing() {
        return "refusing every request";
    }

    @Override
    public void review(Path file, RuleSet rules, Logger log) {
        if (rules.rules().isEmpty()) {
            log.warn("{} has no rules: every request is refused", file);
        }
    }
}
