package org.sockd.admin.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.util.concurrent.Future;
import jdk.net.ExtendedSocketOptions;
import org.slf4j.Logger;
import org.sockd.common.text.LogText;

/**
 * One client of the admin channel, from its request to its answer: who it is (the peer's
 * credentials, which hold even where file permissions do not), whether it may, whether there is
 * room, and what its command line gave.
 */
final class Conversation {

    private final Path socket;
    private final UserPrincipal daemonUser;
    private final Admission admission;
    private final CommandTimeout commands;
    private final IoDeadline deadline;
    private final int maxClients;
    private final Logger log;

    Conversation(SocketFile file, Admission admission, CommandTimeout commands, IoDeadline deadline, int maxClients,
            Logger log) {
        this.socket = file.path();
        this.daemonUser = file.owner();
        this.admission = admission;
        this.commands = commands;
        this.deadline = deadline;
        this.maxClients = maxClients;
        this.log = log;
    }

    /**
     * The request is read in every case, even when the answer is no: a Unix-domain socket closed
     * with unread input makes the kernel report a reset to the peer, which may lose the answer.
     *
     * @param slot whether the client is within the number served at once
     */
    /**
     * @param commandDone frees the client's place once its command has run, before the answer is
     *        sent: a client that reads the answer and comes straight back finds the place free
     */
    void serve(SocketChannel client, boolean slot, Runnable commandDone) {
        try (client) {
            Future<?> reading = deadline.closeLater(client);
            UserPrincipal peer = client.getOption(ExtendedSocketOptions.SO_PEERCRED).user();
            Request request = Request.read(client);
            reading.cancel(false);
            Answer answer = answer(peer, slot, request);
            commandDone.run();
            Future<?> writing = deadline.closeLater(client);
            send(client, answer);
            writing.cancel(false);
        } catch (IOException e) {
            // the client went away, or took too long and was closed: there is no one to answer
            log.debug("admin: a client of {} is gone: {}", socket, e.toString());
        }
    }

    private Answer answer(UserPrincipal peer, boolean slot, Request request) {
        String user = LogText.escape(peer.getName());
        if (!admission.admits(peer, daemonUser)) {
            log.warn("admin: refused user {} on {}: only {} and root may use it", user, socket, daemonUser.getName());
            return Answer.failed("refused: only the user sockd runs as, and root, may use " + socket);
        }
        if (!slot) {
            return Answer.failed("busy: already serving " + maxClients + " admin clients at once; try again");
        }
        return switch (request) {
            case Request.Unusable unusable -> {
                log.info("admin: {} sent no usable command line: {}", user, unusable.reason());
                yield Answer.failed(unusable.reason());
            }
            case Request.Line line -> {
                Answer answer = commands.run(line.text());
                log.info("admin: {} ran '{}': {}", user, LogText.escape(line.text()),
                        answer.status() == Answer.DONE ? "done" : "failed");
                yield answer;
            }
        };
    }

    private static void send(SocketChannel client, Answer answer) throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap(Wire.encode(answer));
        while (bytes.hasRemaining()) {
            client.write(bytes);
        }
    }
}
