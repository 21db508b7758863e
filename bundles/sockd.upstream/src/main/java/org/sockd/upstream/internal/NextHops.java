package org.sockd.upstream.internal;

import java.nio.file.Path;
import java.util.List;
import org.sockd.api.access.MatchedRule;
import org.sockd.api.upstream.NextHop;
import org.sockd.api.upstream.TryOutcome;
import org.sockd.api.upstream.Upstream;
import org.sockd.api.upstream.UpstreamHealth;

/** What the selector answers from: a loaded table with its marks, or a file that never loaded. */
sealed interface NextHops permits MarkedTable, UnusableSocksConf {

    /** @see org.sockd.api.upstream.UpstreamSelector#select */
    NextHop select(RequestFacts facts);

    /** @see org.sockd.api.upstream.UpstreamSelector#report */
    void report(Upstream upstream, TryOutcome outcome);

    /** @return the entries in force, in file order */
    List<MatchedRule> rules();

    /** @return each upstream with its failure marks */
    List<UpstreamHealth> health();

    /** @return the user and password files the lines name, so that a change of them reloads */
    List<Path> files();

    /** @return where the next hops come from, for the dump heading */
    String title();

    /** @return the meaningful lines in canonical form, each after its line number; never a password */
    List<String> dump();

    /** @return how many entries are in force */
    int size();
}
