package org.sockd.upstream.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words of one Dante {@code route { ... }} block, which may span lines, each with its line
 * number so that an error names the line of the word at fault. {@code #} starts a comment; braces
 * need no blanks around them, nor a keyword's colon its value ({@code from:10.0.0.0/8}), nor a port
 * operator ({@code port=443}).
 */
final class RouteBlock {

    /** Only known keywords are split, so that an IPv6 address like {@code fd::1} stays whole. */
    private static final Pattern GLUED_KEYWORD = Pattern.compile(
            "(from:|to:|via:|proxyprotocol:|method:|command:|protocol:|socksmethod:|clientmethod:)(.+)");
    private static final Pattern GLUED_PORT = Pattern.compile("(port)(!=|<=|>=|=|<|>)(.*)");

    private final int startLine;
    private final int end;
    private final boolean closed;
    private final List<String> words = new ArrayList<>();
    private final List<Integer> lines = new ArrayList<>();
    private int next;

    private RouteBlock(List<NumberedLine> source, int start) {
        this.startLine = source.get(start).number();
        int index = start;
        boolean sawClose = false;
        for (; index < source.size() && !sawClose; index++) {
            NumberedLine line = source.get(index);
            String text = line.text();
            int hash = text.indexOf('#');
            String code = (hash >= 0 ? text.substring(0, hash) : text).replace("{", " { ").replace("}", " } ");
            for (String word : code.trim().split("\\s+")) {
                if (!word.isEmpty()) {
                    split(word, line.number());
                    sawClose |= word.equals("}");
                }
            }
        }
        this.end = index - 1;
        this.closed = sawClose;
    }

    /** @param start the index of the line holding {@code route} */
    static RouteBlock collect(List<NumberedLine> lines, int start) {
        return new RouteBlock(lines, start);
    }

    private void split(String word, int line) {
        Matcher port = GLUED_PORT.matcher(word);
        Matcher keyword = GLUED_KEYWORD.matcher(word);
        if (port.matches()) {
            add("port", line);
            add(port.group(2), line);
            if (!port.group(3).isEmpty()) {
                add(port.group(3), line);
            }
        } else if (keyword.matches()) {
            add(keyword.group(1), line);
            add(keyword.group(2), line);
        } else {
            add(word, line);
        }
    }

    private void add(String word, int line) {
        words.add(word);
        lines.add(line);
    }

    /** @return the index of the block's last line in the list it was collected from */
    int end() {
        return end;
    }

    int startLine() {
        return startLine;
    }

    boolean closed() {
        return closed;
    }

    boolean hasNext() {
        return next < words.size();
    }

    /** @return the next word, or the empty string at the end */
    String peek() {
        return hasNext() ? words.get(next) : "";
    }

    /** @return the next word, or the empty string at the end */
    String next() {
        return hasNext() ? words.get(next++) : "";
    }

    /** @return the line of the word read last, or of the block's start before any */
    int errorLine() {
        return next == 0 ? startLine : lines.get(Math.min(next, words.size()) - 1);
    }
}
