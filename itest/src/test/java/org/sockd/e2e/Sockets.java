package org.sockd.e2e;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Random;
import org.sockd.itest.Socks5Client;

/** Small helpers for the tests' own sockets and the bytes they send. */
final class Sockets {

    private Sockets() {
    }

    /** @return the address of an IP literal (no name lookup), for constants */
    static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (IOException e) {
            throw new IllegalArgumentException(literal, e);
        }
    }

    /** Writes all the data, unchecked so that a writer thread can run it. */
    static void write(Socket socket, byte[] data) {
        try {
            socket.getOutputStream().write(data);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return bytes that are random but the same in every run for the seed */
    static byte[] randomBytes(int size, long seed) {
        byte[] data = new byte[size];
        new Random(seed).nextBytes(data);
        return data;
    }

    /** @return a socket connected to the address, the connect bounded to 10 s */
    static Socket connect(InetSocketAddress address) throws IOException {
        Socket socket = new Socket();
        try {
            socket.connect(address, 10_000);
            return socket;
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    /** @return whether a new SOCKS 5 client of the proxy gets a CONNECT to the echo server and a round trip */
    static boolean servesANewClient(InetSocketAddress proxy, InetSocketAddress echo) {
        try (Socks5Client.Connection session = Socks5Client.connect(proxy, echo)) {
            session.roundTrip(randomBytes(64, 7));
            return session.reply() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
