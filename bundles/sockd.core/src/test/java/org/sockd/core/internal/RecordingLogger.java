package org.sockd.core.internal;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;

/** An SLF4J {@link Logger} that keeps every call to a logging method, with every level enabled. */
final class RecordingLogger {

    /** @param method the logging method, e.g. {@code warn}; @param args its arguments */
    record Call(String method, List<Object> args) {
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
                        calls.add(new Call(name, args == null ? List.of() : List.of(args)));
                        yield null;
                    }
                };
            });

    Logger logger() {
        return logger;
    }

    List<Call> calls() {
        return List.copyOf(calls);
    }
}
