package org.sockd.e2e;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.util.Random;

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
}
