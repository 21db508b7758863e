package org.sockd.common.reload;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;

/** A file kind for testing the holder: a word a line, and a line starting with "bad" is an error. */
final class Words implements FileKind<List<String>> {

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

    @Override
    public String noun() {
        return "words";
    }

    @Override
    public int size(List<String> content) {
        return content.size();
    }

    @Override
    public List<String> refusing(Path file, List<FileError> errors) {
        return List.of();
    }

    @Override
    public String whileRefusing() {
        return "no word is known";
    }

    @Override
    public void review(Path file, List<String> content, Logger log) {
        if (content.isEmpty()) {
            log.warn("{} has no words", file);
        }
    }
}
