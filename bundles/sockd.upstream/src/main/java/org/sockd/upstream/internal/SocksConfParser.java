package org.sockd.upstream.internal;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.sockd.common.reload.FileError;
import org.sockd.common.reload.LoadResult;
import org.sockd.common.rules.RuleFileRead;
import org.sockd.common.rules.UserFiles;
import org.sockd.common.text.SyntaxException;

/**
 * Reads a whole socks.conf, collecting every error, and accepts it only when it has none (the 4.3
 * library exited on any error): classic lines, {@code upstream} declarations, Dante
 * {@code route {}} blocks and {@code route.maxfail:}/{@code route.badexpire:} settings.
 */
final class SocksConfParser {

    /** The classic reader took at most 1022 characters a line; a longer line is an error, never split. */
    static final int MAX_LINE = 1022;

    /** HP-UX resolver lines that the 4.3 library skipped. */
    private static final Set<String> RESOLVER_WORDS = Set.of("domain", "nameserver", "bind", "findserver");

    private final String source;
    private final ParseSettings settings;
    private final Consumer<String> notices;
    private final UpstreamRegistry registry;
    private final ClassicLineParser classic;
    private final UpstreamLineParser upstreamLines;
    private final List<Entry> entries = new ArrayList<>();
    private final List<NumberedLine> canonical = new ArrayList<>();
    private final List<FileError> errors = new ArrayList<>();
    private final RouteSettings routeSettings = new RouteSettings();

    private SocksConfParser(String source, ParseSettings settings, Consumer<String> notices) {
        this.source = source;
        this.settings = settings;
        this.notices = notices;
        this.registry = new UpstreamRegistry(settings);
        this.classic = new ClassicLineParser(registry, UserFiles.unlimited(notices), settings);
        this.upstreamLines = new UpstreamLineParser(registry, settings, notices);
    }

    /** Reads the file as the C library saw it (see {@link RuleFileRead#text}). */
    static LoadResult<SocksTable> parseFile(Path file, ParseSettings settings, Consumer<String> notices) {
        return RuleFileRead.text(file, "socks.conf", text -> parse(file.toString(), text, settings, notices));
    }

    /** @param source the file name to put in entries and errors */
    static LoadResult<SocksTable> parse(String source, String text, ParseSettings settings, Consumer<String> notices) {
        List<NumberedLine> lines = NumberedLine.of(text);
        List<FileError> tooLong = lines.stream().filter(line -> line.text().length() > MAX_LINE)
                .map(line -> new FileError(source, line.number(), "line too long (" + line.text().length()
                        + " characters, at most " + MAX_LINE + ")"))
                .toList();
        return tooLong.isEmpty() ? parseLines(source, lines, settings, notices) : new LoadResult.Invalid<>(tooLong);
    }

    /** Parses numbered lines: those of a text file, or the canonical entries of a frozen one. */
    static LoadResult<SocksTable> parseLines(String source, List<NumberedLine> lines, ParseSettings settings,
            Consumer<String> notices) {
        return new SocksConfParser(source, settings, notices).run(lines);
    }

    private LoadResult<SocksTable> run(List<NumberedLine> lines) {
        for (int i = 0; i < lines.size(); i++) {
            NumberedLine line = lines.get(i);
            String first = firstWord(line.text());
            try {
                if (first.isEmpty() || first.startsWith("#")) {
                    continue;
                }
                if (first.equals("route") || first.startsWith("route{")) {
                    i = route(lines, i);
                } else if (first.startsWith("route.")) {
                    canonical.add(new NumberedLine(line.number(), routeSettings.parse(line.text())));
                } else if (first.equals("upstream")) {
                    canonical.add(new NumberedLine(line.number(), upstreamLines.parse(line)));
                } else if (RESOLVER_WORDS.contains(first)) {
                    notices.accept(source + ":" + line.number() + ": resolver line skipped (the daemon's own"
                            + " resolver configuration applies)");
                } else {
                    add(classic.parse(line));
                }
            } catch (SyntaxException e) {
                errors.add(new FileError(source, line.number(), e.getMessage()));
            }
        }
        if (!errors.isEmpty()) {
            return new LoadResult.Invalid<>(errors);
        }
        Marking marking = routeSettings.marking(settings.marking());
        if (marking.maxfail() == 0 && !marking.badexpire().equals(Duration.ZERO) && routeSettings.setsBadexpire()) {
            notices.accept(source + ": route.badexpire has no effect with route.maxfail 0 (marking is off)");
        }
        return new LoadResult.Valid<>(new SocksTable(source, source, entries, canonical, registry.all(), marking,
                settings.limits(), registry.files()));
    }

    /** @return the index of the block's last line; its errors name the line of the word at fault */
    private int route(List<NumberedLine> lines, int start) {
        RouteBlock block = RouteBlock.collect(lines, start);
        try {
            add(new DanteRouteParser(registry, settings).parse(block));
        } catch (SyntaxException e) {
            errors.add(new FileError(source, block.errorLine(), e.getMessage()));
        }
        return block.end();
    }

    private void add(Entry entry) {
        entries.add(entry);
        canonical.add(new NumberedLine(entry.line(), entry.text()));
    }

    private static String firstWord(String line) {
        String stripped = line.stripLeading();
        int end = 0;
        while (end < stripped.length() && !Character.isWhitespace(stripped.charAt(end))) {
            end++;
        }
        return stripped.substring(0, end);
    }
}
