package org.sockd.access.internal;

import java.nio.file.Path;
import java.util.function.Function;
import org.sockd.access.internal.rule.RuleSet;
import org.sockd.api.access.Preview;
import org.sockd.common.reload.FileError;
import org.sockd.common.reload.LoadResult;

/** sockd.conf read as a reload would read it, and kept out of force: what sockd:check --sessions decides by. */
final class RulesPreview {

    private RulesPreview() {
    }

    /**
     * @param reader the reader a reload uses, so that the preview sees what a reload would see
     * @param engine decides as the policy in force does (same global ident mode)
     */
    static Preview of(Path file, Function<Path, LoadResult<RuleSet>> reader, RuleEngine engine) {
        return switch (reader.apply(file)) {
            case LoadResult.Valid<RuleSet> valid ->
                    new Preview.Ready(file.toString(), request -> engine.decide(valid.content(), request));
            case LoadResult.Invalid<RuleSet> invalid ->
                    new Preview.Invalid(file.toString(), invalid.errors().stream().map(FileError::toString).toList());
        };
    }
}
