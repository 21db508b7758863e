package org.sockd.common.testing;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.BiFunction;
import java.util.function.Consumer;
import org.sockd.common.reload.LoadResult;

/** The check the fuzz targets of the file parsers share: loaded, or refused with errors naming its lines. */
public final class FuzzedFile {

    private FuzzedFile() {
    }

    /**
     * @param bytes the fuzzer's input, read as ISO-8859-1 like the files, so every byte is a character the parser must take
     * @param parser parses the text of a file, given its name
     * @param loaded the further checks of a file that loads
     */
    public static <T> void check(byte[] bytes, BiFunction<String, String, LoadResult<T>> parser, Consumer<T> loaded) {
        String text = new String(bytes, ISO_8859_1);
        switch (parser.apply("fuzzed.conf", text)) {
            case LoadResult.Valid<T> valid -> loaded.accept(valid.content());
            case LoadResult.Invalid<T> invalid -> assertThat(invalid.errors())
                    .allSatisfy(error -> assertThat(error.line()).isBetween(1, (int) text.lines().count()));
        }
    }
}
