package org.sockd.core.internal;

/**
 * What an ident check found out, for the log lines and the {@code %U} code.
 *
 * @param answer the user-id identd named, or {@code null} when none was asked or none answered
 * @param trouble what went wrong, if anything
 * @param reason why identd gave no usable answer, for diagnostics, or {@code null}
 */
record IdentFinding(String answer, Trouble trouble, String reason) {

    /** No check was made. */
    static final IdentFinding NOT_ASKED = new IdentFinding(null, Trouble.NONE, null);

    enum Trouble {
        NONE,
        /** No usable answer: the classic "cannot connect to identd". */
        UNREACHABLE,
        /** identd named another user than the client claimed. */
        MISMATCH
    }
}
