package org.sockd.route.internal;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.sockd.common.net.AddressText;
import org.sockd.common.reload.FileError;
import org.sockd.common.reload.LoadResult;

/**
 * Checks that every interface of a table is an address of this host. Done at every load, of the
 * text or the frozen form, since interfaces come and go; not part of parsing, so that a frozen
 * file can still be dumped on another machine.
 */
final class LocalCheck {

    private LocalCheck() {
    }

    /** @return the result, made invalid when an interface of its table is not local */
    static LoadResult<RouteTable> checked(LoadResult<RouteTable> result, LocalAddresses local) {
        if (result instanceof LoadResult.Valid<RouteTable> valid) {
            List<FileError> errors = errors(valid.content(), local);
            return errors.isEmpty() ? result : new LoadResult.Invalid<>(errors);
        }
        return result;
    }

    /** @return one error per line whose interface is not local, in file order, naming the file read */
    private static List<FileError> errors(RouteTable table, LocalAddresses local) {
        Map<InetAddress, Boolean> known = new HashMap<>();
        List<FileError> errors = new ArrayList<>();
        for (RouteLine line : table.lines()) {
            if (!known.computeIfAbsent(line.local(), local::isLocal)) {
                errors.add(new FileError(table.origin(), line.line(), "interface address " + AddressText.of(line.local())
                        + " is not an address of this host"));
            }
        }
        return errors;
    }
}
