package org.sockd.access.internal.rule;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.sockd.api.access.IdentActions;

/**
 * Everything a valid sockd.conf holds, in file order, with what deciding needs worked out once
 * at load time.
 */
public final class RuleSet {

    private final String source;
    private final List<Rule> rules;
    private final List<SpecialCommand> specials;
    private final IdentActions identActions;
    private final List<Path> referencedFiles;
    private final boolean usesSourceNames;
    private final RuleTable table;

    /**
     * @param source the file the rules came from, named in every decision
     * @param rules the rules; the first that matches decides
     * @param specials the {@code #NO_IDENTD:} and {@code #BAD_ID:} lines
     */
    public RuleSet(String source, List<Rule> rules, List<SpecialCommand> specials) {
        this.source = Objects.requireNonNull(source, "source");
        this.rules = List.copyOf(rules);
        this.specials = List.copyOf(specials);
        this.identActions = new IdentActions(first(SpecialCommand.Kind.NO_IDENTD), first(SpecialCommand.Kind.BAD_ID));
        this.referencedFiles = referencedFiles(this.rules);
        this.usesSourceNames = this.rules.stream().anyMatch(Rule::usesSourceNames);
        this.table = new RuleTable(this.rules);
    }

    /** @return a rule set that refuses every request (the implied deny alone) */
    public static RuleSet empty(String source) {
        return new RuleSet(source, List.of(), List.of());
    }

    public String source() {
        return source;
    }

    public List<Rule> rules() {
        return rules;
    }

    public List<SpecialCommand> specials() {
        return specials;
    }

    /** @return the commands of the first {@code #NO_IDENTD:} and the first {@code #BAD_ID:} line */
    public IdentActions identActions() {
        return identActions;
    }

    /** @return the user files the rules name, each once, so a reload watcher can watch them too */
    public List<Path> referencedFiles() {
        return referencedFiles;
    }

    /** @return whether some rule's source is a name pattern other than ALL (clients must be looked up) */
    public boolean usesSourceNames() {
        return usesSourceNames;
    }

    /** @return the first rule that matches, as in the classic daemon; empty means the implied deny */
    public Optional<Rule> firstMatch(Facts facts) {
        return table.firstMatch(facts);
    }

    /** Only the first line of each kind counts [M, C42]; a blank command is no command. */
    private String first(SpecialCommand.Kind kind) {
        return specials.stream().filter(special -> special.kind() == kind).findFirst()
                .map(SpecialCommand::command).filter(command -> !command.isBlank()).orElse(null);
    }

    private static List<Path> referencedFiles(List<Rule> rules) {
        Set<Path> files = new LinkedHashSet<>();
        rules.forEach(rule -> files.addAll(rule.users().files()));
        return List.copyOf(files);
    }
}
