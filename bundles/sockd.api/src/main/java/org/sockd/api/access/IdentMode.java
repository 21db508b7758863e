package org.sockd.api.access;

/** How a permitting rule wants the client's identity checked with RFC 1413 (classic {@code ?=}). */
public enum IdentMode {
    /** No ident check ({@code ?=n}, or no global flag). */
    OFF,
    /** Refuse only when identd names a different user ({@code -i}, {@code ?=i}). */
    LENIENT,
    /** Refuse also when identd gives no usable answer ({@code -I}, {@code ?=I}). */
    STRICT
}
