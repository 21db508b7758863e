package org.sockd.access.internal.parse;

import static org.sockd.access.internal.parse.ConfSyntaxException.quoted;

import java.util.List;
import java.util.Optional;
import org.sockd.access.internal.rule.Action;
import org.sockd.access.internal.rule.AddressMask;
import org.sockd.access.internal.rule.Op;
import org.sockd.access.internal.rule.PortTest;
import org.sockd.access.internal.rule.Rule;
import org.sockd.access.internal.rule.UserList;
import org.sockd.api.access.IdentMode;

/**
 * Parses the fields of one rule line (spec section 3): action [?=] [*=] source pair
 * [destination pair] [op port]. Every one of the nine fields is kept, unlike the 4.2 server that
 * silently dropped the port test of a full line.
 */
final class RuleParser {

    private final PortParser ports;

    RuleParser(PortParser ports) {
        this.ports = ports;
    }

    Rule parse(int line, String text, Lexed.Fields lexed) throws ConfSyntaxException {
        Tokens tokens = new Tokens(lexed.fields());
        if (tokens.remaining() < 3) {
            throw new ConfSyntaxException("Invalid entry: a rule needs an action, a source address and a source mask");
        }
        Action action = action(tokens.next());
        Optional<IdentMode> ident = tokens.nextStartsWith("?=") ? Optional.of(ident(tokens.next())) : Optional.empty();
        UserList users = tokens.nextStartsWith("*=") ? users(tokens.next()) : UserList.ALL;
        if (tokens.remaining() < 2) {
            throw new ConfSyntaxException("Invalid entry: a rule needs a source address and a source mask");
        }
        AddressMask source = AddressParser.pair(tokens.next(), tokens.next(), "source");
        // As in the classic parser: two or more fields left that do not start with an operator
        // are the destination pair.
        AddressMask destination = tokens.remaining() >= 2 && Op.of(tokens.peek()).isEmpty()
                ? AddressParser.pair(tokens.next(), tokens.next(), "destination")
                : AddressMask.ANY;
        return new Rule(line, text, action, ident, users, source, destination, port(tokens), lexed.command());
    }

    private static Action action(String field) throws ConfSyntaxException {
        if (field.equalsIgnoreCase("permit")) {
            return Action.PERMIT;
        }
        if (field.equalsIgnoreCase("deny")) {
            return Action.DENY;
        }
        throw new ConfSyntaxException("Invalid permit/deny field " + quoted(field));
    }

    private static IdentMode ident(String field) throws ConfSyntaxException {
        return switch (field.substring(2)) {
            case "I" -> IdentMode.STRICT;
            case "i" -> IdentMode.LENIENT;
            case "n", "" -> IdentMode.OFF;
            default -> throw new ConfSyntaxException("Invalid ?= field " + quoted(field) + " (?=I, ?=i, ?=n or ?=)");
        };
    }

    private static UserList users(String field) throws ConfSyntaxException {
        if (field.length() == 2) {
            return UserList.ALL;
        }
        List<String> names = List.of(field.substring(2).split(",", -1));
        for (String name : names) {
            if (name.isEmpty()) {
                throw new ConfSyntaxException("Invalid *= field " + quoted(field) + " (empty user-id)");
            }
            if (name.startsWith("/")) {
                // Until user files are read, a rule naming one is refused: a deny rule that could
                // never match would let its users through.
                throw new ConfSyntaxException("user files are not supported yet: " + quoted(name));
            }
        }
        return new UserList(names);
    }

    private PortTest port(Tokens tokens) throws ConfSyntaxException {
        if (tokens.remaining() == 0) {
            return PortTest.ANY;
        }
        if (tokens.remaining() == 1) {
            throw stray(tokens.next());
        }
        PortTest test = ports.test(tokens.next(), tokens.next());
        if (tokens.remaining() > 0) {
            throw stray(tokens.next());
        }
        return test;
    }

    /** The classic parser ignored a lone leftover field; here it is an error (spec 11.7). */
    private static ConfSyntaxException stray(String field) {
        if (Op.of(field).isPresent()) {
            return new ConfSyntaxException("Invalid port number: none after " + quoted(field));
        }
        return new ConfSyntaxException("Invalid entry: stray field " + quoted(field)
                + " (a destination is an address and a mask, a port test an operator and a port)");
    }
}
