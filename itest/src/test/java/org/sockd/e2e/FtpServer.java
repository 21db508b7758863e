package org.sockd.e2e;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

/**
 * A minimal FTP server (RFC 959, EPRT of RFC 2428) that serves files from memory in active mode
 * only: passive mode is refused, so a client must send PORT or EPRT and accept the data
 * connection, which the server opens from the control connection's local address, as an FTP
 * server does. It records the commands and every data connection, so a test can see where the
 * data went.
 */
final class FtpServer implements AutoCloseable {

    /**
     * One data connection the server opened.
     *
     * @param command the PORT or EPRT line that named the target
     * @param target where the client said to connect
     * @param source the server's end of the data connection
     */
    record DataConnection(String command, InetSocketAddress target, InetSocketAddress source) {
    }

    private final ServerSocket server;
    private final Map<String, byte[]> files;
    private final List<String> transcript = new CopyOnWriteArrayList<>();
    private final List<DataConnection> dataConnections = new CopyOnWriteArrayList<>();

    FtpServer(InetAddress host, Map<String, byte[]> files) throws IOException {
        this.server = new ServerSocket(0, 10, host);
        this.files = Map.copyOf(files);
        Thread.ofVirtual().start(this::acceptLoop);
    }

    InetSocketAddress address() {
        return (InetSocketAddress) server.getLocalSocketAddress();
    }

    /** @return the commands received and the replies sent, in order, the password masked */
    List<String> transcript() {
        return List.copyOf(transcript);
    }

    List<DataConnection> dataConnections() {
        return List.copyOf(dataConnections);
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket control = server.accept();
                Thread.ofVirtual().start(() -> serve(control));
            } catch (IOException e) {
                // closed at the end of the test
            }
        }
    }

    private void serve(Socket control) {
        try (control) {
            control.setSoTimeout(60_000);
            BufferedReader in = new BufferedReader(new InputStreamReader(control.getInputStream(), StandardCharsets.ISO_8859_1));
            Writer out = new OutputStreamWriter(control.getOutputStream(), StandardCharsets.ISO_8859_1);
            Session session = new Session(control, out);
            session.reply("220 sockd test FTP server ready");
            for (String line; (line = in.readLine()) != null; ) {
                transcript.add("> " + (line.regionMatches(true, 0, "PASS", 0, 4) ? "PASS ****" : line));
                if (!session.handle(line)) {
                    return;
                }
            }
        } catch (IOException e) {
            transcript.add("! " + e);
        }
    }

    /** One control connection: its state is the data address given last. */
    private final class Session {

        private final Socket control;
        private final Writer out;
        private String dataCommand;
        private InetSocketAddress dataTarget;

        Session(Socket control, Writer out) {
            this.control = control;
            this.out = out;
        }

        /** @return false after QUIT */
        boolean handle(String line) throws IOException {
            int blank = line.indexOf(' ');
            String verb = (blank < 0 ? line : line.substring(0, blank)).toUpperCase(Locale.ROOT);
            String argument = blank < 0 ? "" : line.substring(blank + 1).strip();
            switch (verb) {
                case "USER" -> reply("331 Password required for " + argument);
                case "PASS" -> reply("230 User logged in");
                case "SYST" -> reply("215 UNIX Type: L8");
                case "FEAT" -> reply("211-Features:\r\n SIZE\r\n EPRT\r\n211 End");
                case "PWD", "XPWD" -> reply("257 \"/\" is the current directory");
                case "CWD" -> reply("250 Directory changed to /");
                case "TYPE" -> reply("200 Type set to " + argument);
                case "MODE", "STRU", "OPTS", "NOOP" -> reply("200 OK");
                case "SIZE" -> {
                    byte[] file = files.get(name(argument));
                    reply(file == null ? "550 " + argument + ": No such file" : "213 " + file.length);
                }
                case "PORT" -> port(line, argument);
                case "EPRT" -> eprt(line, argument);
                case "PASV", "EPSV", "LPSV", "SPSV" -> reply("502 Passive mode not offered: use PORT or EPRT");
                case "RETR" -> retrieve(argument);
                case "QUIT" -> {
                    reply("221 Goodbye");
                    return false;
                }
                default -> reply("502 Command not implemented");
            }
            return true;
        }

        /** {@code PORT h1,h2,h3,h4,p1,p2} */
        private void port(String line, String argument) throws IOException {
            String[] parts = argument.split(",");
            try {
                if (parts.length != 6) {
                    throw new IllegalArgumentException("six numbers expected");
                }
                byte[] host = new byte[4];
                for (int i = 0; i < 4; i++) {
                    host[i] = (byte) Integer.parseInt(parts[i].strip());
                }
                int port = Integer.parseInt(parts[4].strip()) << 8 | Integer.parseInt(parts[5].strip());
                dataTarget(line, new InetSocketAddress(InetAddress.getByAddress(host), port));
                reply("200 PORT command successful");
            } catch (IllegalArgumentException | UnknownHostException e) {
                reply("501 Bad PORT argument: " + e.getMessage());
            }
        }

        /** {@code EPRT |1|a.b.c.d|port|}: the first character is the delimiter. */
        private void eprt(String line, String argument) throws IOException {
            try {
                if (argument.length() < 2) {
                    throw new IllegalArgumentException("empty argument");
                }
                String[] parts = argument.substring(1).split(Pattern.quote(argument.substring(0, 1)), -1);
                if (parts.length < 3 || !(parts[0].equals("1") || parts[0].equals("2"))) {
                    throw new IllegalArgumentException("|1|address|port| or |2|address|port| expected");
                }
                dataTarget(line, new InetSocketAddress(InetAddress.getByName(parts[1]), Integer.parseInt(parts[2])));
                reply("200 EPRT command successful");
            } catch (IllegalArgumentException | UnknownHostException e) {
                reply("501 Bad EPRT argument: " + e.getMessage());
            }
        }

        private void dataTarget(String line, InetSocketAddress target) {
            dataCommand = line;
            dataTarget = target;
        }

        private void retrieve(String argument) throws IOException {
            byte[] file = files.get(name(argument));
            if (file == null) {
                reply("550 " + argument + ": No such file");
                return;
            }
            if (dataTarget == null) {
                reply("425 Use PORT or EPRT first");
                return;
            }
            reply("150 Opening BINARY mode data connection for " + argument + " (" + file.length + " bytes)");
            try (Socket data = new Socket()) {
                data.bind(new InetSocketAddress(control.getLocalAddress(), 0));
                data.connect(dataTarget, 10_000);
                dataConnections.add(new DataConnection(dataCommand, dataTarget,
                        (InetSocketAddress) data.getLocalSocketAddress()));
                try (OutputStream stream = data.getOutputStream()) {
                    stream.write(file);
                }
            } catch (IOException e) {
                transcript.add("! data connection to " + dataTarget + ": " + e);
                reply("425 Can't open data connection: " + e.getMessage());
                return;
            } finally {
                dataTarget = null; // one transfer per PORT or EPRT
            }
            reply("226 Transfer complete");
        }

        private static String name(String path) {
            return path.startsWith("/") ? path.substring(1) : path;
        }

        void reply(String text) throws IOException {
            transcript.add("< " + text.replace("\r\n", " | "));
            out.write(text + "\r\n");
            out.flush();
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
