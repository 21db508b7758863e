package org.sockd.api;

/** What a client asks the proxy to do. */
public enum Command {
    /** Open a TCP connection to the destination. */
    CONNECT("connect"),
    /** Accept one TCP connection from the destination. */
    BIND("bind"),
    /** Relay UDP datagrams (SOCKS 5 only). */
    UDP_ASSOCIATE("udp");

    private final String classicName;

    Command(String classicName) {
        this.classicName = classicName;
    }

    /** @return the lower-case word the classic daemon used for this command ({@code %c}). */
    public String classicName() {
        return classicName;
    }
}
