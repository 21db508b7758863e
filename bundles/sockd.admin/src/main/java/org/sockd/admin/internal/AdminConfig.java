package org.sockd.admin.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The admin channel (PID {@code sockd.admin}). */
@ObjectClassDefinition(name = "sockd admin channel",
        description = "The Unix-domain socket bin/sockd ctl runs Gogo commands through")
public @interface AdminConfig {

    @AttributeDefinition(description = "Path of the socket, relative to sockd.home; empty: run/sockd.sock there")
    String socket() default "";

    @AttributeDefinition(description = "Seconds a command may run before it is interrupted and answered as failed")
    int command_timeout_s() default 60;

    @AttributeDefinition(description = "Seconds a client may take to send its command line, and to take the answer")
    int io_timeout_s() default 10;

    @AttributeDefinition(description = "Clients served at once; more are answered busy")
    int max_clients() default 16;
}
