package org.sockd.access.internal.parse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.sockd.access.internal.rule.Rule;
import org.sockd.access.internal.rule.RuleSet;
import org.sockd.access.internal.rule.SpecialCommand;
import org.sockd.common.netdb.Services;

/** Reads a whole sockd.conf, collecting every error, and accepts it only when it has none. */
public final class ConfParser {

    /** The man page's promise; a longer line is an error, never split as the C code did. */
    static final int MAX_LINE = 1023;

    private final RuleParser ruleParser;

    /** @param services where tcp service names in port fields are looked up */
    public ConfParser(Services services) {
        this.ruleParser = new RuleParser(new PortParser(services));
    }

    /**
     * ISO-8859-1 maps every byte to one character, as the C daemon saw the file: no byte sequence
     * is rejected and the line limit counts bytes.
     */
    public ParseResult parseFile(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            String why = e instanceof NoSuchFileException ? "no such file" : e.toString();
            return new ParseResult.Invalid(List.of(
                    new ConfError(file.toString(), 0, "Unable to open config file (" + file + "): " + why)));
        }
        return parse(file.toString(), text);
    }

    /** @param source the file name to put in rules and errors */
    public ParseResult parse(String source, String text) {
        List<Rule> rules = new ArrayList<>();
        List<SpecialCommand> specials = new ArrayList<>();
        List<ConfError> errors = new ArrayList<>();
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
            } catch (ConfSyntaxException e) {
                errors.add(new ConfError(source, number, e.getMessage()));
            }
        }
        return errors.isEmpty()
                ? new ParseResult.Parsed(new RuleSet(source, rules, specials))
                : new ParseResult.Invalid(errors);
    }

    private static Lexed lex(String line) throws ConfSyntaxException {
        if (line.length() > MAX_LINE) {
            throw new ConfSyntaxException("line too long (" + line.length() + " characters, at most " + MAX_LINE + ")");
        }
        return LineLexer.lex(line);
    }
}
