package org.sockd.upstream.internal;

import org.sockd.api.access.MatchedRule;

/** A line that takes part in choosing: a classic rule line or a Dante route block, tried in file order. */
sealed interface Entry permits ClassicLine, DanteRoute {

    /** @return the 1-based line of the file it starts on */
    int line();

    /** @return the entry in canonical form, which the parser reads back to the same entry */
    String text();

    boolean matches(RequestFacts facts);

    /** @return the entry as the rule a decision names, with its shell command if it has one */
    MatchedRule rule(String source);
}
