package org.sockd.e2e;

import java.io.InputStream;
import java.net.Authenticator;
import java.net.InetSocketAddress;
import java.net.PasswordAuthentication;
import java.net.Proxy;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * Java's own SOCKS client ({@code new Socket(new Proxy(SOCKS, ...))}) logging in with a
 * {@link java.net.Authenticator}, run in a JVM of its own ({@link AuthClients#java}) because the
 * JDK's SOCKS 5 client asks only the process-wide default authenticator (JDK 25
 * {@code SocksSocketImpl}; without one it sends {@code user.name} and an empty password).
 * <p>
 * Arguments: PROXY_PORT USER PASSWORD HOST PORT [SOURCE_ADDRESS]. Fetches http://HOST:PORT/ with
 * HTTP/1.0, prints the response and exits 0, or prints the failure on standard error and exits 1.
 */
final class AuthJavaSocksClient {

    private AuthJavaSocksClient() {
    }

    public static void main(String[] args) {
        int proxyPort = Integer.parseInt(args[0]);
        String user = args[1];
        char[] password = args[2].toCharArray();
        String host = args[3];
        int port = Integer.parseInt(args[4]);
        Authenticator.setDefault(new Authenticator() {
            @Override
            protected PasswordAuthentication getPasswordAuthentication() {
                // "SOCKS5" is the protocol the JDK names when the proxy asks for a password
                return "SOCKS5".equals(getRequestingProtocol()) ? new PasswordAuthentication(user, password) : null;
            }
        });
        Proxy proxy = new Proxy(Proxy.Type.SOCKS, new InetSocketAddress("127.0.0.1", proxyPort));
        try (Socket socket = new Socket(proxy)) {
            if (args.length > 5) {
                socket.bind(new InetSocketAddress(args[5], 0));
            }
            socket.setSoTimeout(10_000);
            socket.connect(new InetSocketAddress(host, port), 10_000);
            socket.getOutputStream().write(("GET / HTTP/1.0\r\nHost: " + host + ":" + port + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            InputStream in = socket.getInputStream();
            System.out.print(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (Exception e) {
            System.err.println(e);
            System.exit(1);
        }
    }
}
