package org.sockd.common.frozen;

/** Something in the bytes of a frozen file that its writer can never have produced. */
public final class FrozenException extends Exception {

    private static final long serialVersionUID = 1L;

    public FrozenException(String message) {
        super(message);
    }
}
