package org.sockd.access.internal.rule;

/** The first field of a rule: what happens to a request the rule matches. */
public enum Action {
    PERMIT,
    DENY
}
