package org.sockd.upstream.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.sockd.api.upstream.TryLimits;
import org.sockd.common.netdb.Services;
import org.sockd.common.reload.LoadResult;

/** Helpers shared by the tests: settings without the system's files, and parsing that must succeed or fail. */
final class Confs {

    static final Services SERVICES = Services.parse(List.of("socks 1080/tcp", "http 80/tcp www", "https 443/tcp"));
    static final TryLimits LIMITS = new TryLimits(8, Duration.ofSeconds(30));

    private Confs() {
    }

    /** No default server, port 1080, marking as Dante's defaults, auth=forward allowed. */
    static ParseSettings settings() {
        return settings(null);
    }

    static ParseSettings settings(String defaultServers) {
        return new ParseSettings(defaultServers, "default.server", 1080, Duration.ofSeconds(10), true,
                Marking.DEFAULT, LIMITS, SERVICES);
    }

    static SocksTable table(String text) {
        return table(text, settings());
    }

    static SocksTable table(String text, ParseSettings settings) {
        LoadResult<SocksTable> result = SocksConfParser.parse("socks.conf", text, settings, notice -> { });
        assertThat(result).as("%s", result).isInstanceOf(LoadResult.Valid.class);
        return ((LoadResult.Valid<SocksTable>) result).content();
    }

    /** @return each error as {@code file:line: reason} */
    static List<String> errors(String text) {
        return errors(text, settings());
    }

    static List<String> errors(String text, ParseSettings settings) {
        LoadResult<SocksTable> result = SocksConfParser.parse("socks.conf", text, settings, notice -> { });
        assertThat(result).isInstanceOf(LoadResult.Invalid.class);
        return ((LoadResult.Invalid<SocksTable>) result).errors().stream().map(Object::toString).toList();
    }

    /** @return the canonical lines, without their numbers */
    static List<String> canonical(String text) {
        return table(text).canonical().stream().map(NumberedLine::text).toList();
    }

    static List<String> notices(String text) {
        List<String> notices = new ArrayList<>();
        SocksConfParser.parse("socks.conf", text, settings(), notices::add);
        return notices;
    }
}
