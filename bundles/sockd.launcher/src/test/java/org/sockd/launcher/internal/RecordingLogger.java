package org.sockd.launcher.internal;

import java.lang.reflect.Proxy;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.helpers.MessageFormatter;

/** An SLF4J {@link Logger} that keeps every line logged, with every level enabled. */
final class RecordingLogger {

    /** @param level the logging method, e.g. {@code error}; @param message the formatted message */
    record Line(String level, String message) {
    }

    private final List<Line> lines = new CopyOnWriteArrayList<>();
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
                            yield true; // isErrorEnabled() and the like
                        }
                        lines.add(new Line(name, format(args)));
                        yield null;
                    }
                };
            });

    private static String format(Object[] args) {
        Object[] rest = args.length == 2 && args[1] instanceof Object[] many ? many
                : Arrays.copyOfRange(args, 1, args.length);
        return MessageFormatter.arrayFormat((String) args[0], rest).getMessage();
    }

    Logger logger() {
        return logger;
    }

    List<Line> lines() {
        return List.copyOf(lines);
    }
}
