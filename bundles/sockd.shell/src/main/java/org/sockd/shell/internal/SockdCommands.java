package org.sockd.shell.internal;

import java.time.Duration;
import java.util.List;
import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.annotations.GogoCommand;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.sockd.api.admin.ReloadResult;
import org.sockd.api.admin.Reloadable;
import org.sockd.common.netdb.Services;

/**
 * The {@code sockd:*} administration commands. They return values that Gogo prints; they never
 * print themselves. Public only because Felix SCR calls public constructors alone.
 */
@Component(service = SockdCommands.class)
@GogoCommand(scope = "sockd", function = {"reload", "check", "policies"})
public final class SockdCommands {

    /** As long as the core lets a destination name take; the answer is worth a short wait here. */
    private static final Duration LOOKUP_TIMEOUT = Duration.ofSeconds(5);

    private final Registry registry;
    private final Check check;

    @Activate
    public SockdCommands(@Reference Registry registry) {
        this(registry, new Check(new JdkNameLookup(LOOKUP_TIMEOUT), Services::system));
    }

    SockdCommands(Registry registry, Check check) {
        this.registry = registry;
        this.check = check;
    }

    @Descriptor("read every configuration file again; a file with an error leaves the rules in force")
    public ReloadReport reload() {
        return new ReloadReport(registry.reloadables().stream().map(SockdCommands::reload).toList());
    }

    @Descriptor("show which rule would decide a CONNECT from a client, and the verdict")
    public CheckReport check(
            @Descriptor("client address (SRC), e.g. 10.0.0.1") String source,
            @Descriptor("destination (DST): address or host name") String destination,
            @Descriptor("destination port: number or tcp service name") String port) throws InterruptedException {
        return check(source, destination, port, "");
    }

    @Descriptor("show which rule would decide a CONNECT from a client sending a user-id, and the verdict")
    public CheckReport check(
            @Descriptor("client address (SRC), e.g. 10.0.0.1") String source,
            @Descriptor("destination (DST): address or host name") String destination,
            @Descriptor("destination port: number or tcp service name") String port,
            @Descriptor("user-id the client program sends") String user) throws InterruptedException {
        return check.run(registry.policies(), source, destination, port, user);
    }

    @Descriptor("list the registered access policies and which one is in use")
    public PolicyTable policies() {
        return new PolicyTable(PolicyService.preferredFirst(registry.policies()));
    }

    /** One service that throws does not keep the others from reloading. */
    private static ReloadResult reload(Reloadable reloadable) {
        try {
            return reloadable.reload();
        } catch (RuntimeException e) {
            return new ReloadResult.Failed(reloadable.toString(), List.of(e.toString()));
        }
    }
}
