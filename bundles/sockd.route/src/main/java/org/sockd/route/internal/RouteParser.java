package org.sockd.route.internal;

import static org.sockd.common.text.SyntaxException.quoted;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.sockd.common.net.AddressText;
import org.sockd.common.reload.FileError;
import org.sockd.common.reload.LoadResult;
import org.sockd.common.rules.AddressLiterals;
import org.sockd.common.rules.RuleFileRead;
import org.sockd.common.text.SyntaxException;

/**
 * Reads a whole text route file ({@code if_addr dst_addr dst_mask} per line), collecting every
 * error, and accepts it only when it has none. Unlike the classic daemon, which skipped a bad line,
 * one bad line refuses the file: a route silently missing would send clients out of the wrong
 * interface.
 */
final class RouteParser {

    /** The classic daemon read at most 1022 characters a line; a longer line is an error, never split. */
    static final int MAX_LINE = 1022;

    private RouteParser() {
    }

    /** Reads the file as the C daemon saw it (see {@link RuleFileRead#text}). */
    static LoadResult<RouteTable> parseFile(Path file) {
        return RuleFileRead.text(file, "routing file", text -> parse(file.toString(), text));
    }

    /** @param source the file name to put in entries and errors */
    static LoadResult<RouteTable> parse(String source, String text) {
        List<RouteLine> lines = new ArrayList<>();
        List<FileError> errors = new ArrayList<>();
        List<String> physical = text.lines().toList();
        for (int number = 1; number <= physical.size(); number++) {
            try {
                line(number, physical.get(number - 1)).ifPresent(lines::add);
            } catch (SyntaxException e) {
                errors.add(new FileError(source, number, e.getMessage()));
            }
        }
        return errors.isEmpty() ? new LoadResult.Valid<>(new RouteTable(source, lines)) : new LoadResult.Invalid<>(errors);
    }

    /** @return the entry on this line, or nothing for a blank or comment line */
    private static Optional<RouteLine> line(int number, String text) throws SyntaxException {
        if (text.length() > MAX_LINE) {
            throw new SyntaxException("line too long (" + text.length() + " characters, at most " + MAX_LINE + ")");
        }
        // The classic code cut the line at the first '#' anywhere, so trailing comments are allowed.
        int hash = text.indexOf('#');
        List<String> fields = fields(hash >= 0 ? text.substring(0, hash) : text);
        if (fields.isEmpty()) {
            return Optional.empty();
        }
        if (fields.size() != 3) {
            throw new SyntaxException("Invalid entry: expected 3 fields (interface address, destination, mask),"
                    + " found " + fields.size());
        }
        return Optional.of(entry(number, fields.get(0), fields.get(1), fields.get(2)));
    }

    /** Runs of blanks and tabs separate fields; there is no quoting. */
    private static List<String> fields(String text) {
        return Arrays.stream(text.split("[ \t\f\\x0B]+")).filter(field -> !field.isEmpty()).toList();
    }

    private static RouteLine entry(int number, String localField, String destinationField, String maskField)
            throws SyntaxException {
        InetAddress local = AddressField.parse(localField, "interface address");
        if (!AddressLiterals.looksNumeric(destinationField)) {
            Destination name = Names.parse(destinationField);
            AddressField.parse(maskField, "destination mask"); // ignored with a name, but it must be there and valid
            return checked(number, local, name);
        }
        InetAddress destination = AddressField.parse(destinationField, "destination address");
        InetAddress mask = AddressField.parse(maskField, "destination mask");
        if (family(mask) != family(destination)) {
            throw new SyntaxException("Invalid destination mask " + quoted(maskField) + " (an " + family(mask)
                    + " mask for an " + family(destination) + " destination: write the mask in the destination's family)");
        }
        return checked(number, local, new Destination.Network(destination, mask));
    }

    /** The checks on decoded values, shared with the frozen reader so that both forms accept the same lines. */
    static RouteLine checked(int number, InetAddress local, Destination destination) throws SyntaxException {
        if (local.isAnyLocalAddress() || local.isMulticastAddress()) {
            throw new SyntaxException("Invalid interface address " + quoted(AddressText.of(local))
                    + " (a wildcard or multicast address is no interface of this host)");
        }
        if (destination instanceof Destination.Network network && family(network.address()) != family(local)) {
            throw new SyntaxException("Invalid entry: interface " + AddressText.of(local) + " is " + family(local)
                    + " but destination " + AddressText.of(network.address()) + " is " + family(network.address())
                    + " (an interface reaches destinations of its own family only)");
        }
        return new RouteLine(number, local, destination);
    }

    private static String family(InetAddress address) {
        return address instanceof Inet4Address ? "IPv4" : "IPv6";
    }
}
