package org.sockd.common.netdb;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The TCP entries of a services(5) file, the Java stand-in for getservbyname/getservbyport.
 * The first entry for a port names it, as with glibc.
 */
public final class Services {

    /** Where the system keeps its service names. */
    public static final Path SYSTEM_FILE = Path.of("/etc/services");

    private final Map<String, Integer> portByName;
    private final Map<Integer, String> nameByPort;

    private Services(Map<String, Integer> portByName, Map<Integer, String> nameByPort) {
        this.portByName = Map.copyOf(portByName);
        this.nameByPort = Map.copyOf(nameByPort);
    }

    /** @return the system's services, or none when {@code /etc/services} does not exist */
    public static Services system() {
        try {
            return load(SYSTEM_FILE);
        } catch (NoSuchFileException e) {
            return parse(List.of());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + SYSTEM_FILE, e);
        }
    }

    /** Reads a services(5) file. */
    public static Services load(Path file) throws IOException {
        return parse(Files.readAllLines(file, StandardCharsets.ISO_8859_1));
    }

    /** Parses the lines of a services(5) file; malformed lines are skipped, as libc does. */
    public static Services parse(List<String> lines) {
        Map<String, Integer> portByName = new HashMap<>();
        Map<Integer, String> nameByPort = new HashMap<>();
        for (String line : lines) {
            int hash = line.indexOf('#');
            String[] fields = (hash >= 0 ? line.substring(0, hash) : line).trim().split("\\s+");
            if (fields.length < 2) {
                continue;
            }
            int slash = fields[1].indexOf('/');
            if (slash <= 0 || !fields[1].substring(slash + 1).equalsIgnoreCase("tcp")) {
                continue;
            }
            int port;
            try {
                port = Integer.parseInt(fields[1].substring(0, slash));
            } catch (NumberFormatException e) {
                continue;
            }
            if (port < 0 || port > 0xFFFF) {
                continue;
            }
            nameByPort.putIfAbsent(port, fields[0]);
            for (int i = 0; i < fields.length; i++) {
                if (i != 1) {
                    portByName.putIfAbsent(fields[i], port);
                }
            }
        }
        return new Services(portByName, nameByPort);
    }

    /** @return the TCP port of a service name or alias */
    public OptionalInt port(String name) {
        Integer port = portByName.get(name);
        return port == null ? OptionalInt.empty() : OptionalInt.of(port);
    }

    /** @return the name of the TCP service on a port */
    public Optional<String> name(int port) {
        return Optional.ofNullable(nameByPort.get(port));
    }
}
