package org.sockd.access.internal.parse;

import static org.sockd.common.text.SyntaxException.quoted;

import java.util.Optional;
import org.sockd.access.internal.rule.Action;
import org.sockd.access.internal.rule.AddressMask;
import org.sockd.access.internal.rule.AddressPattern;
import org.sockd.access.internal.rule.Rule;
import org.sockd.api.access.IdentMode;
import org.sockd.common.rules.Op;
import org.sockd.common.rules.PortParser;
import org.sockd.common.rules.PortTest;
import org.sockd.common.rules.UserFiles;
import org.sockd.common.rules.UserList;
import org.sockd.common.rules.UserListParser;
import org.sockd.common.text.SyntaxException;

/**
 * Parses the fields of one rule line: action [?=] [*=] source pair (or IPv6 prefix)
 * [destination pair (or IPv6 prefix)] [op port]. Every one of the nine fields is kept, unlike the 4.2 server that
 * silently dropped the port test of a full line.
 */
final class RuleParser {

    private final PortParser ports;
    private final UserFiles userFiles;

    /** @param userFiles the user files of the sockd.conf being loaded */
    RuleParser(PortParser ports, UserFiles userFiles) {
        this.ports = ports;
        this.userFiles = userFiles;
    }

    Rule parse(int line, String text, Lexed.Fields lexed) throws SyntaxException {
        Tokens tokens = new Tokens(lexed.fields());
        if (tokens.remaining() < 3 && !(tokens.remaining() == 2 && AddressParser.isPrefix(lexed.fields().get(1)))) {
            throw new SyntaxException("Invalid entry: a rule needs an action, a source address and a source mask");
        }
        Action action = action(tokens.next());
        Optional<IdentMode> ident = tokens.nextStartsWith("?=") ? Optional.of(ident(tokens.next())) : Optional.empty();
        UserList users = tokens.nextStartsWith("*=") ? UserListParser.parse(tokens.next(), userFiles) : UserList.ANYONE;
        AddressPattern source = source(tokens);
        AddressPattern destination = destination(tokens);
        return new Rule(line, text, action, ident, users, source, destination, port(tokens), command(lexed));
    }

    private static AddressPattern source(Tokens tokens) throws SyntaxException {
        if (tokens.remaining() > 0 && AddressParser.isPrefix(tokens.peek())) {
            return AddressParser.prefix(tokens.next(), "source");
        }
        if (tokens.remaining() < 2) {
            throw new SyntaxException("Invalid entry: a rule needs a source address and a source mask");
        }
        return AddressParser.pair(tokens.next(), tokens.next(), "source");
    }

    /**
     * As in the classic parser: two or more fields left that do not start with an operator are
     * the destination pair; an IPv6 prefix is a destination of one field; none means anywhere.
     */
    private static AddressPattern destination(Tokens tokens) throws SyntaxException {
        if (tokens.remaining() > 0 && AddressParser.isPrefix(tokens.peek())) {
            return AddressParser.prefix(tokens.next(), "destination");
        }
        if (tokens.remaining() >= 2 && Op.classic(tokens.peek()).isEmpty()) {
            return AddressParser.pair(tokens.next(), tokens.next(), "destination");
        }
        return AddressMask.ANY;
    }

    private static Optional<String> command(Lexed.Fields lexed) {
        return lexed.command().isBlank() ? Optional.empty() : Optional.of(lexed.command());
    }

    private static Action action(String field) throws SyntaxException {
        if (field.equalsIgnoreCase("permit")) {
            return Action.PERMIT;
        }
        if (field.equalsIgnoreCase("deny")) {
            return Action.DENY;
        }
        throw new SyntaxException("Invalid permit/deny field " + quoted(field));
    }

    private static IdentMode ident(String field) throws SyntaxException {
        return switch (field.substring(2)) {
            case "I" -> IdentMode.STRICT;
            case "i" -> IdentMode.LENIENT;
            case "n", "" -> IdentMode.OFF;
            default -> throw new SyntaxException("Invalid ?= field " + quoted(field) + " (?=I, ?=i, ?=n or ?=)");
        };
    }

    private PortTest port(Tokens tokens) throws SyntaxException {
        if (tokens.remaining() == 0) {
            return PortTest.ANY;
        }
        if (tokens.remaining() == 1) {
            throw stray(tokens.next());
        }
        PortTest test = ports.classic(tokens.next(), tokens.next());
        if (tokens.remaining() > 0) {
            throw stray(tokens.next());
        }
        return test;
    }

    /** The classic parser ignored a lone leftover field; here it is an error. */
    private static SyntaxException stray(String field) {
        if (Op.classic(field).isPresent()) {
            return new SyntaxException("Invalid port number: none after " + quoted(field));
        }
        return new SyntaxException("Invalid entry: stray field " + quoted(field)
                + " (a destination is an address and a mask, a port test an operator and a port)");
    }
}
