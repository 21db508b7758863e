package org.sockd.auth.internal;

import java.security.SecureRandom;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The users of one password file as it was read, and the stand-in that an unknown user name is
 * checked against so that it costs what a known one costs.
 */
final class Users {

    private final String source;
    private final Map<String, PasswordEntry> byName;
    private final PasswordEntry unknownUser;

    private Users(String source, Map<String, PasswordEntry> byName, PasswordEntry unknownUser) {
        this.source = source;
        this.byName = byName;
        this.unknownUser = unknownUser;
    }

    /**
     * @param source the file, for messages
     * @param entries the users in file order, names unique
     * @param random makes the stand-in's salt and hash, which no password derives to
     */
    static Users of(String source, Collection<PasswordEntry> entries, SecureRandom random) {
        Map<String, PasswordEntry> byName = new LinkedHashMap<>();
        entries.forEach(entry -> byName.put(entry.user(), entry));
        byte[] hash = new byte[Pbkdf2.HASH_BYTES];
        random.nextBytes(hash);
        PasswordEntry unknownUser = new PasswordEntry("", usualIterations(entries), Pbkdf2.newSalt(random), hash);
        return new Users(Objects.requireNonNull(source, "source"), Collections.unmodifiableMap(byName), unknownUser);
    }

    /** No users: every attempt fails, after the same work as always. */
    static Users none(String source) {
        return of(source, List.of(), new SecureRandom());
    }

    String source() {
        return source;
    }

    Optional<PasswordEntry> find(String user) {
        return Optional.ofNullable(byName.get(user));
    }

    /** The entry an unknown user is checked against; no password matches it. */
    PasswordEntry unknownUser() {
        return unknownUser;
    }

    /** @return the user names in file order */
    List<String> names() {
        return List.copyOf(byName.keySet());
    }

    /**
     * The cost most users of the file have, so that a guess of an unknown name takes as long as a
     * guess of a typical known one.
     */
    private static int usualIterations(Collection<PasswordEntry> entries) {
        return entries.stream()
                .collect(Collectors.groupingBy(PasswordEntry::iterations, Collectors.counting()))
                .entrySet().stream()
                .max(Map.Entry.<Integer, Long>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey)
                .orElse(Pbkdf2.DEFAULT_ITERATIONS);
    }
}
