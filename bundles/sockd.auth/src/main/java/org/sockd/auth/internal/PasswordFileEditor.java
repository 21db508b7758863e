package org.sockd.auth.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

/**
 * Changes one user's line of a password file and leaves every other line, comments included, byte
 * for byte as it was. The new file is written beside the old one and moved over it, so the daemon
 * never reads half a file. Lines are handled as ISO-8859-1, which maps each byte to one character
 * and back.
 */
final class PasswordFileEditor {

    private final Path file;
    private final List<String> lines;
    private final boolean exists;

    private PasswordFileEditor(Path file, List<String> lines, boolean exists) {
        this.file = file;
        this.lines = lines;
        this.exists = exists;
    }

    /** Opens the file a symbolic link points to (so the link stays), or a file yet to be made. */
    static PasswordFileEditor open(Path file) throws IOException {
        if (!Files.exists(file)) {
            return new PasswordFileEditor(file.toAbsolutePath(), new ArrayList<>(), false);
        }
        Path real = file.toRealPath();
        String content = Files.readString(real, StandardCharsets.ISO_8859_1);
        // Split at LF alone, so that a CR of a CRLF line stays where it was.
        List<String> lines = new ArrayList<>(List.of(content.split("\n", -1)));
        if (lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1); // the end of the last line, not a line
        }
        return new PasswordFileEditor(real, lines, true);
    }

    /** @return whether the user was already there (its line is replaced) or is new (appended) */
    boolean put(PasswordEntry entry) {
        int at = indexOf(entry.user());
        remove(entry.user()); // a duplicate line would make the file invalid
        lines.add(at < 0 ? lines.size() : at, latin1(entry.line()));
        return at >= 0;
    }

    /** @return whether the user was there */
    boolean remove(String user) {
        return lines.removeIf(line -> owner(line).equals(latin1(user)));
    }

    /**
     * Writes through a temporary file in the same directory, forced to disk, then renamed over the
     * file. A new file gets mode 0600; an existing one keeps its mode, owner and group.
     */
    void save() throws IOException {
        Path directory = file.getParent();
        Path temporary = Files.createTempFile(directory, ".sockd-passwd", ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try {
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                ByteBuffer content = ByteBuffer.wrap(content());
                while (content.hasRemaining()) {
                    channel.write(content);
                }
                channel.force(true);
            }
            if (exists) {
                copyAttributes(file, temporary);
            }
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private byte[] content() {
        StringBuilder text = new StringBuilder();
        lines.forEach(line -> text.append(line).append('\n'));
        return text.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    private int indexOf(String user) {
        String key = latin1(user);
        for (int i = 0; i < lines.size(); i++) {
            if (owner(lines.get(i)).equals(key)) {
                return i;
            }
        }
        return -1;
    }

    /** The user a line belongs to as the parser sees it, or "" for comments and blank lines. */
    private static String owner(String line) {
        String stripped = line.strip();
        int colon = stripped.indexOf(':');
        return stripped.startsWith("#") || colon < 0 ? "" : stripped.substring(0, colon);
    }

    private static String latin1(String text) {
        return new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    }

    /** Only root may give a file away; for anyone else the owner is already right or cannot be set. */
    private static void copyAttributes(Path from, Path to) throws IOException {
        PosixFileAttributes old = Files.readAttributes(from, PosixFileAttributes.class);
        Files.setPosixFilePermissions(to, old.permissions());
        PosixFileAttributeView view = Files.getFileAttributeView(to, PosixFileAttributeView.class);
        try {
            view.setGroup(old.group());
            view.setOwner(old.owner());
        } catch (IOException e) {
            // not permitted: the file now belongs to whoever ran the tool, as any new file would
        }
    }
}
