package org.sockd.common.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * What a poll can see of a file without reading it. The file key (device and inode on Unix) changes
 * when an editor writes a new file and renames it over the old one, even if size and time do not.
 *
 * @param size the size in bytes, or -1 when the file cannot be seen
 * @param modified the last modification time, or {@code null} when the file cannot be seen
 * @param key the file system's identity of the file, or {@code null} when it has none
 */
public record FileStamp(long size, FileTime modified, Object key) {

    /** A file that does not exist or cannot be looked at. */
    public static final FileStamp MISSING = new FileStamp(-1, null, null);

    /** Follows symbolic links, so a link switched to another file counts as a change. */
    public static FileStamp of(Path file) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            return new FileStamp(attributes.size(), attributes.lastModifiedTime(), attributes.fileKey());
        } catch (IOException e) {
            return MISSING;
        }
    }

    /** @return the stamp of each file, keyed by the path as given */
    public static Map<Path, FileStamp> of(Collection<Path> files) {
        Map<Path, FileStamp> stamps = new HashMap<>();
        files.forEach(file -> stamps.put(file, of(file)));
        return stamps;
    }
}
