package org.sockd.upstream.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Optional;
import org.sockd.api.upstream.Login;
import org.sockd.common.files.IoReason;
import org.sockd.common.files.StrictModes;
import org.sockd.common.text.SyntaxException;

/**
 * The login for an upstream, kept out of socks.conf (which anyone who may read rules can read):
 * one line {@code name:password} in a plain file owned by the daemon's user (or root) with no
 * permission for group or others ({@link StrictModes#privateFileProblem}). No message ever quotes
 * the file's content.
 */
final class PasswordFile {

    /** RFC 1929 carries each of name and password in at most 255 bytes. */
    private static final int MAX_FIELD = 255;

    private PasswordFile() {
    }

    /** @param daemonUser the user the daemon runs as, who (besides root) may own the file */
    static Login read(Path file, String daemonUser) throws SyntaxException {
        try {
            if (!Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).isRegularFile()) {
                throw new SyntaxException("password file " + file + " must be a plain file");
            }
            Optional<String> exposed = StrictModes.privateFileProblem(file, daemonUser);
            if (exposed.isPresent()) {
                throw new SyntaxException("password file " + file + ": " + exposed.get());
            }
            return login(file, Files.readAllLines(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new SyntaxException("Unable to open password file (" + file + "): " + IoReason.of(e));
        }
    }

    private static Login login(Path file, List<String> lines) throws SyntaxException {
        List<String> used = lines.stream().filter(line -> !line.isBlank()).toList();
        int colon = used.size() == 1 ? used.get(0).indexOf(':') : -1;
        if (colon < 1) {
            throw new SyntaxException("password file " + file + ": expected one line name:password");
        }
        String name = used.get(0).substring(0, colon);
        String password = used.get(0).substring(colon + 1);
        if (password.isEmpty() || name.getBytes(StandardCharsets.UTF_8).length > MAX_FIELD
                || password.getBytes(StandardCharsets.UTF_8).length > MAX_FIELD) {
            throw new SyntaxException("password file " + file
                    + ": name and password must each have 1 to 255 bytes");
        }
        return new Login(name, password);
    }
}
