package org.sockd.common.files;

import java.nio.file.Path;

/** Where the frozen (compiled) form of a rules file lives, by the classic naming. */
public final class FrozenName {

    private FrozenName() {
    }

    /**
     * {@code sockd.conf} freezes to {@code sockd.fc} beside it (classic names); a name that already
     * ends in {@code .fc} is its own frozen form; any other name gets {@code .fc} added.
     */
    public static Path of(Path text) {
        String name = text.getFileName().toString();
        String frozen = name.endsWith(".conf") ? name.substring(0, name.length() - ".conf".length()) + ".fc"
                : name.endsWith(".fc") ? name : name + ".fc";
        return text.resolveSibling(frozen);
    }

    /**
     * {@code sockd.route} freezes to {@code sockd.fr} beside it (classic names); a name that already
     * ends in {@code .fr} is its own frozen form; any other name gets {@code .fr} added.
     */
    public static Path ofRoute(Path text) {
        String name = text.getFileName().toString();
        String frozen = name.endsWith(".route") ? name.substring(0, name.length() - ".route".length()) + ".fr"
                : name.endsWith(".fr") ? name : name + ".fr";
        return text.resolveSibling(frozen);
    }
}
