package org.sockd.common.reload;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A file kind for testing the holder: a word a line, and a line starting with "bad" is an error. */
final class Words {

    static final FileKind<List<String>> KIND = FileKind.<List<String>>of("words", List::size,
            (file, errors) -> List.of(), "no word is known").withReview((file, words, log) -> {
                if (words.isEmpty()) {
                    log.warn("{} has no words", file);
                }
            });

    private Words() {
    }

    static LoadResult<List<String>> read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            return LoadResult.invalid(new FileError(file.toString(), 0, "cannot read"));
        }
        List<FileError> errors = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("bad")) {
                errors.add(new FileError(file.toString(), i + 1, "a bad word"));
            }
        }
        return errors.isEmpty() ? new LoadResult.Valid<>(List.copyOf(lines)) : new LoadResult.Invalid<>(errors);
    }
}
