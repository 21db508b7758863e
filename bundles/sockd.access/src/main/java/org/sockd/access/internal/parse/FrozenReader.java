package org.sockd.access.internal.parse;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.sockd.access.internal.rule.Action;
import org.sockd.access.internal.rule.AddressMask;
import org.sockd.access.internal.rule.AddressPattern;
import org.sockd.access.internal.rule.NamePattern;
import org.sockd.access.internal.rule.Op;
import org.sockd.access.internal.rule.PortTest;
import org.sockd.access.internal.rule.Rule;
import org.sockd.access.internal.rule.RuleSet;
import org.sockd.access.internal.rule.SpecialCommand;
import org.sockd.access.internal.rule.UserList;
import org.sockd.api.access.IdentMode;

/**
 * Reads a frozen sockd.conf: checks magic, version, length and checksum first, then decodes every
 * field with the same checks the text parser makes. Anything wrong refuses the whole file.
 */
final class FrozenReader {

    private final UserFiles userFiles;

    FrozenReader(UserFiles userFiles) {
        this.userFiles = userFiles;
    }

    ParseResult read(String file, byte[] bytes) {
        try {
            return new ParseResult.Parsed(decode(body(bytes)));
        } catch (FrozenException | IOException | IllegalArgumentException e) {
            return new ParseResult.Invalid(List.of(new ConfError(file, 0, "frozen file refused: " + e.getMessage())));
        }
    }

    private static DataInputStream body(byte[] bytes) throws FrozenException {
        if (!FrozenFormat.looksFrozen(bytes)) {
            throw new FrozenException("not a frozen sockd.conf (no SOCKD-FC header)");
        }
        if (bytes.length < FrozenFormat.HEADER) {
            throw new FrozenException("truncated header");
        }
        ByteBuffer header = ByteBuffer.wrap(bytes, FrozenFormat.MAGIC.length, FrozenFormat.HEADER - FrozenFormat.MAGIC.length);
        int version = Short.toUnsignedInt(header.getShort());
        if (version != FrozenFormat.VERSION) {
            throw new FrozenException("format version " + version + ", this sockd reads version " + FrozenFormat.VERSION
                    + "; make it again from the text file with bin/sockd make-fc");
        }
        int length = header.getInt();
        int checksum = header.getInt();
        if (length < 0 || length != bytes.length - FrozenFormat.HEADER) {
            throw new FrozenException("the file holds " + (bytes.length - FrozenFormat.HEADER)
                    + " bytes of rules, its header says " + Integer.toUnsignedString(length) + " (truncated or damaged)");
        }
        if (FrozenFormat.checksum(bytes, FrozenFormat.HEADER, length) != checksum) {
            throw new FrozenException("checksum mismatch (the file is damaged)");
        }
        return new DataInputStream(new ByteArrayInputStream(bytes, FrozenFormat.HEADER, length));
    }

    private RuleSet decode(DataInputStream in) throws IOException, FrozenException {
        String source = in.readUTF();
        int count = count(in);
        List<Rule> rules = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            rules.add(rule(in));
        }
        int specialCount = count(in);
        List<SpecialCommand> specials = new ArrayList<>();
        for (int i = 0; i < specialCount; i++) {
            specials.add(new SpecialCommand(pick(SpecialCommand.Kind.values(), in.readUnsignedByte(), "special line"),
                    in.readInt(), in.readUTF()));
        }
        if (in.available() != 0) {
            throw new FrozenException(in.available() + " bytes after the last entry");
        }
        return new RuleSet(source, rules, specials);
    }

    private Rule rule(DataInputStream in) throws IOException, FrozenException {
        int line = in.readInt();
        String text = in.readUTF();
        Action action = pick(Action.values(), in.readUnsignedByte(), "action");
        int ident = in.readUnsignedByte();
        Optional<IdentMode> mode = ident == 0 ? Optional.empty()
                : Optional.of(pick(IdentMode.values(), ident - 1, "?= field"));
        String userField = in.readUTF();
        UserList users;
        try {
            users = userField.isEmpty() ? UserList.ANYONE : UserListParser.parse(userField, userFiles);
        } catch (ConfSyntaxException e) {
            throw new FrozenException("line " + line + ": " + e.getMessage());
        }
        AddressPattern source = pattern(in);
        AddressPattern destination = pattern(in);
        int op = in.readUnsignedByte();
        PortTest port = op == 0 ? PortTest.ANY
                : new PortTest.Compare(pick(Op.values(), op - 1, "port operator"), in.readUnsignedShort());
        String command = in.readUTF();
        return new Rule(line, text, action, mode, users, source, destination, port,
                command.isBlank() ? Optional.empty() : Optional.of(command));
    }

    private static AddressPattern pattern(DataInputStream in) throws IOException, FrozenException {
        int kind = in.readUnsignedByte();
        return switch (kind) {
            case FrozenFormat.NUMERIC -> new AddressMask(in.readInt(), in.readInt());
            case FrozenFormat.ALL -> new NamePattern.All();
            case FrozenFormat.HOST -> new NamePattern.Host(in.readUTF());
            case FrozenFormat.ZONE -> new NamePattern.Zone(in.readUTF());
            default -> throw new FrozenException("unknown address kind " + kind);
        };
    }

    /** A count can never exceed the bytes left: a damaged count must not make us allocate. */
    private static int count(DataInputStream in) throws IOException, FrozenException {
        int count = in.readInt();
        if (count < 0 || count > in.available()) {
            throw new FrozenException("impossible entry count " + count);
        }
        return count;
    }

    private static <T> T pick(T[] values, int index, String what) throws FrozenException {
        if (index < 0 || index >= values.length) {
            throw new FrozenException("unknown " + what + " code " + index);
        }
        return values[index];
    }

    /** Something in the frozen bytes that the writer can never have produced. */
    private static final class FrozenException extends Exception {
        private static final long serialVersionUID = 1L;

        FrozenException(String message) {
            super(message);
        }
    }
}
