package org.sockd.access.internal.parse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sockd.access.internal.rule.Rule;
import org.sockd.access.internal.rule.RuleSet;
import org.sockd.access.internal.rule.SpecialCommand;
import org.sockd.common.files.FrozenName;
import org.sockd.common.netdb.Services;
import org.sockd.common.reload.FileError;
import org.sockd.common.reload.LoadResult;
import org.sockd.common.rules.PercentCode;
import org.sockd.common.rules.PortParser;
import org.sockd.common.rules.RuleFileRead;
import org.sockd.common.rules.UserFiles;
import org.sockd.common.text.SyntaxException;

/** Reads a whole sockd.conf, collecting every error, and accepts it only when it has none. */
public final class ConfParser {

    /** The man page's promise; a longer line is an error, never split as the C code did. */
    static final int MAX_LINE = 1023;

    private static final Logger LOG = LoggerFactory.getLogger(ConfParser.class);

    private final PortParser ports;
    private final Consumer<String> userFileErrors;

    /** @param services where tcp service names in port fields are looked up */
    public ConfParser(Services services) {
        this(services, LOG::error);
    }

    /**
     * @param userFileErrors where an unreadable user file is reported (the error log outside
     *        tests): it is no error of sockd.conf, only that rule's list admits no one
     */
    public ConfParser(Services services, Consumer<String> userFileErrors) {
        this.ports = new PortParser(services);
        this.userFileErrors = userFileErrors;
    }

    /**
     * Reads the rules the classic way: the frozen file ({@code sockd.fc} beside {@code sockd.conf})
     * when it exists, else the text file. A file named directly may be either form.
     */
    public LoadResult<RuleSet> load(Path file) {
        Path frozen = FrozenName.of(file);
        if (Files.exists(frozen)) {
            if (FrozenName.olderThan(frozen, file)) {
                LOG.warn("{} is older than {}: the frozen rules are used; run bin/sockd make-fc after every edit",
                        frozen, file);
            }
            return readFrozen(frozen);
        }
        return FrozenFormat.FRAME.isFrozen(file) ? readFrozen(file) : parseFile(file);
    }

    private LoadResult<RuleSet> readFrozen(Path frozen) {
        LoadResult<RuleSet> result = RuleFileRead.bytes(frozen, "frozen file",
                bytes -> new FrozenReader(userFiles(userFileErrors)).read(frozen.toString(), bytes));
        if (result instanceof LoadResult.Valid<RuleSet> parsed) {
            LOG.info("using the frozen rules of {} (made from {})", frozen, parsed.content().source());
        }
        return result;
    }

    /** Reads the file as the C daemon saw it (see {@link RuleFileRead#text}). */
    public LoadResult<RuleSet> parseFile(Path file) {
        return RuleFileRead.text(file, "config file", text -> parse(file.toString(), text));
    }

    /**
     * Parses the text of a sockd.conf and reads the user files it names.
     *
     * @param source the file name to put in rules and errors
     */
    public LoadResult<RuleSet> parse(String source, String text) {
        RuleParser ruleParser = new RuleParser(ports, userFiles(userFileErrors));
        List<Rule> rules = new ArrayList<>();
        List<SpecialCommand> specials = new ArrayList<>();
        List<FileError> errors = new ArrayList<>();
        List<String> lines = text.lines().toList();
        for (int number = 1; number <= lines.size(); number++) {
            String line = lines.get(number - 1);
            try {
                switch (lex(line)) {
                    case Lexed.Blank blank -> { }
                    case Lexed.Special special ->
                            specials.add(new SpecialCommand(special.kind(), number, special.command()));
                    case Lexed.Fields fields -> rules.add(ruleParser.parse(number, line.strip(), fields));
                }
            } catch (SyntaxException e) {
                errors.add(new FileError(source, number, e.getMessage()));
            }
        }
        return errors.isEmpty()
                ? new LoadResult.Valid<>(new RuleSet(source, rules, specials))
                : new LoadResult.Invalid<>(errors);
    }

    private static Lexed lex(String line) throws SyntaxException {
        if (line.length() > MAX_LINE) {
            throw new SyntaxException("line too long (" + line.length() + " characters, at most " + MAX_LINE + ")");
        }
        Lexed lexed = LineLexer.lex(line);
        PercentCode.check(lexed.command());
        return lexed;
    }

    /** User files named by a sockd.conf: a line longer than the conf's own limit makes the file unusable. */
    static UserFiles userFiles(Consumer<String> errors) {
        return UserFiles.withLineLimit(errors, MAX_LINE);
    }
}
