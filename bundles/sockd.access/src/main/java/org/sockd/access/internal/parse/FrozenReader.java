package org.sockd.access.internal.parse;

import java.io.DataInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.sockd.access.internal.rule.Action;
import org.sockd.access.internal.rule.AddressMask;
import org.sockd.access.internal.rule.AddressPattern;
import org.sockd.access.internal.rule.Ipv6Prefix;
import org.sockd.access.internal.rule.NamePattern;
import org.sockd.access.internal.rule.Rule;
import org.sockd.access.internal.rule.RuleSet;
import org.sockd.access.internal.rule.SpecialCommand;
import org.sockd.api.access.IdentMode;
import org.sockd.common.frozen.FrozenException;
import org.sockd.common.frozen.FrozenFrame;
import org.sockd.common.reload.FileError;
import org.sockd.common.reload.LoadResult;
import org.sockd.common.rules.AddressLiterals;
import org.sockd.common.rules.HostNames;
import org.sockd.common.rules.Op;
import org.sockd.common.rules.PercentCode;
import org.sockd.common.rules.PortTest;
import org.sockd.common.rules.UserFiles;
import org.sockd.common.rules.UserList;
import org.sockd.common.rules.UserListParser;
import org.sockd.common.text.SyntaxException;

/**
 * Reads a frozen sockd.conf: checks magic, version, length and checksum first, then decodes every
 * field with the same checks the text parser makes. Anything wrong refuses the whole file.
 */
final class FrozenReader {

    private final UserFiles userFiles;

    FrozenReader(UserFiles userFiles) {
        this.userFiles = userFiles;
    }

    LoadResult<RuleSet> read(String file, byte[] bytes) {
        try {
            return new LoadResult.Valid<>(decode(FrozenFormat.FRAME.body(bytes)));
        } catch (FrozenException | IOException | IllegalArgumentException e) {
            return LoadResult.invalid(new FileError(file, 0, "frozen file refused: " + e.getMessage()));
        }
    }

    private RuleSet decode(DataInputStream in) throws IOException, FrozenException {
        String source = oneLine("the name of the text file", in.readUTF());
        int count = FrozenFrame.count(in);
        List<Rule> rules = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            rules.add(rule(in));
        }
        int specialCount = FrozenFrame.count(in);
        List<SpecialCommand> specials = new ArrayList<>();
        for (int i = 0; i < specialCount; i++) {
            SpecialCommand.Kind kind = pick(SpecialCommand.Kind.values(), in.readUnsignedByte(), "special line");
            int line = in.readInt();
            specials.add(new SpecialCommand(kind, line, command(line, in.readUTF())));
        }
        if (in.available() != 0) {
            throw new FrozenException(in.available() + " bytes after the last entry");
        }
        return new RuleSet(source, rules, specials);
    }

    private Rule rule(DataInputStream in) throws IOException, FrozenException {
        int line = in.readInt();
        String text = oneLine("line " + line, in.readUTF());
        Action action = pick(Action.values(), in.readUnsignedByte(), "action");
        int ident = in.readUnsignedByte();
        Optional<IdentMode> mode = ident == 0 ? Optional.empty()
                : Optional.of(pick(IdentMode.values(), ident - 1, "?= field"));
        String userField = in.readUTF();
        if (!userField.isEmpty() && !userField.startsWith("*=")) {
            throw new FrozenException("line " + line + ": the user field does not start with *=");
        }
        if (!userField.equals(UserField.of(text))) {
            // logs and sockd:check show the text: it must name the users the rule admits
            throw new FrozenException("line " + line + ": the user field " + userField + " is not the one the rule's"
                    + " text names (" + text + "); make the frozen file again with bin/sockd make-fc");
        }
        UserList users;
        try {
            users = userField.isEmpty() ? UserList.ANYONE : UserListParser.parse(userField, userFiles);
        } catch (SyntaxException e) {
            throw new FrozenException("line " + line + ": " + e.getMessage());
        }
        AddressPattern source = pattern(in);
        AddressPattern destination = pattern(in);
        int op = in.readUnsignedByte();
        PortTest port = op == 0 ? PortTest.ANY
                : new PortTest.Compare(pick(Op.values(), op - 1, "port operator"), in.readUnsignedShort());
        String command = command(line, in.readUTF());
        return new Rule(line, text, action, mode, users, source, destination, port,
                command.isBlank() ? Optional.empty() : Optional.of(command));
    }

    /**
     * A command must be what the text parser leaves: one line, no blanks around it, and (for a file
     * frozen before the parser checked them) no unknown {@code %} code.
     */
    private static String command(int line, String command) throws FrozenException {
        oneLine("line " + line, command);
        if (!command.strip().equals(command)) {
            // the text parser strips a command: one that is not would read back as another
            throw new FrozenException("line " + line + ": blanks around the command " + SyntaxException.quoted(command));
        }
        try {
            PercentCode.check(command);
            return command;
        } catch (SyntaxException e) {
            throw new FrozenException("line " + line + ": " + e.getMessage());
        }
    }

    private static AddressPattern pattern(DataInputStream in) throws IOException, FrozenException {
        int kind = in.readUnsignedByte();
        return switch (kind) {
            case FrozenFormat.NUMERIC -> new AddressMask(in.readInt(), in.readInt());
            case FrozenFormat.IPV6_PREFIX -> new Ipv6Prefix(in.readLong(), in.readLong(), in.readUnsignedByte());
            case FrozenFormat.ALL -> new NamePattern.All();
            case FrozenFormat.HOST -> new NamePattern.Host(name(in.readUTF(), false));
            case FrozenFormat.ZONE -> new NamePattern.Zone(name(in.readUTF(), true));
            default -> throw new FrozenException("unknown address kind " + kind);
        };
    }

    /**
     * The dump writes every name, text and command on one line, and the text parser splits lines
     * at both line-break characters: one inside would turn the dump into other rules.
     */
    private static String oneLine(String where, String value) throws FrozenException {
        if (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
            throw new FrozenException(where + ": a line break inside " + SyntaxException.quoted(value));
        }
        return value;
    }

    /** A name the text parser would not have taken (a space, {@code ALL}, a zone without its dot) is refused. */
    private static String name(String name, boolean zone) throws FrozenException {
        if (!HostNames.isPattern(name) || AddressLiterals.numberLike(name) || name.equalsIgnoreCase("ALL")
                || name.startsWith(".") != zone) {
            throw new FrozenException("impossible " + (zone ? "zone " : "host name ") + SyntaxException.quoted(name));
        }
        return name;
    }

    private static <T> T pick(T[] values, int index, String what) throws FrozenException {
        if (index < 0 || index >= values.length) {
            throw new FrozenException("unknown " + what + " code " + index);
        }
        return values[index];
    }
}
