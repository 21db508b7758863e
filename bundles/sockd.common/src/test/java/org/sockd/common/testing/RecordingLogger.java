package org.sockd.common.testing;

import java.lang.reflect.Proxy;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.helpers.MessageFormatter;

/**
 * An SLF4J {@link Logger} that keeps every call to a logging method, with every level enabled.
 * Shared by the bundles' unit tests through this module's test-jar.
 */
public final class RecordingLogger {

    /** @param method the logging method, e.g. {@code warn}; @param args its arguments */
    public record Call(String method, List<Object> args) {
    }

    /** @param level the logging method, e.g. {@code error}; @param message the formatted message */
    public record Line(String level, String message) {
    }

    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final Logger logger = (Logger) Proxy.newProxyInstance(Logger.class.getClassLoader(),
            new Class<?>[] {Logger.class}, (proxy, method, args) -> {
                String name = method.getName();
                return switch (name) {
                    case "getName" -> "recording";
                    case "toString" -> "RecordingLogger";
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> {
                        if (method.getReturnType() == boolean.class) {
                            yield true; // isWarnEnabled() and the like
                        }
                        if (method.getReturnType() != void.class) {
                            throw new UnsupportedOperationException(name);
                        }
                        calls.add(new Call(name, args == null ? List.of() : Collections.unmodifiableList(Arrays.asList(args.clone()))));
                        yield null;
                    }
                };
            });

    public Logger logger() {
        return logger;
    }

    /** Every call so far, with its arguments as passed. */
    public List<Call> calls() {
        return List.copyOf(calls);
    }

    /** Every call so far, with its message formatted as SLF4J would. */
    public List<Line> lines() {
        return calls.stream().map(call -> new Line(call.method(), format(call.args()))).toList();
    }

    private static String format(List<Object> args) {
        Object[] rest = args.size() == 2 && args.get(1) instanceof Object[] many ? many
                : args.subList(1, args.size()).toArray();
        return MessageFormatter.arrayFormat((String) args.get(0), rest).getMessage();
    }
}
