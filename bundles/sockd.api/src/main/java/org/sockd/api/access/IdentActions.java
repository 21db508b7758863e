package org.sockd.api.access;

/**
 * Shell commands to run when the ident check of a permitting rule fails, in the classic form of
 * the {@code #NO_IDENTD:} and {@code #BAD_ID:} lines of sockd.conf.
 *
 * @param noIdentd run when identd gives no usable answer, or {@code null}
 * @param badId run when identd names a different user, or {@code null}
 */
public record IdentActions(String noIdentd, String badId) {

    /** No commands. */
    public static final IdentActions NONE = new IdentActions(null, null);
}
