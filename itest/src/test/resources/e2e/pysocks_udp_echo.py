"""Sends datagrams through a SOCKS 5 UDP association with PySocks (Debian python3-socks) and checks the echoes.

usage: pysocks_udp_echo.py PROXY_PORT USER PASSWORD HOST:PORT:SIZE...
USER and PASSWORD may be empty for a proxy without authentication; an IPv6 HOST is written
[::1]:PORT:SIZE. For each datagram (SIZE bytes of a fixed pattern) prints one line:
  HOST SIZE echoed-exactly FROM_HOST FROM_PORT   the same bytes came back, from that source
  HOST SIZE echoed-differently N                 N other bytes came back
  HOST SIZE no-echo                              nothing within two seconds
"""
import socket
import sys

import socks

proxy_port, user, password = sys.argv[1:4]
s = socks.socksocket(socket.AF_INET, socket.SOCK_DGRAM)
s.set_proxy(socks.SOCKS5, "127.0.0.1", int(proxy_port), rdns=True,
            username=user or None, password=password or None)
s.settimeout(2)
for target in sys.argv[4:]:
    host_port, size = target.rsplit(":", 1)
    host, port = host_port.rsplit(":", 1)
    host = host.strip("[]")
    size = int(size)
    payload = bytes((i * 31 + size) % 256 for i in range(size))
    s.sendto(payload, (host, int(port)))
    try:
        data, (from_host, from_port) = s.recvfrom(65536)
    except socket.timeout:
        print(host, size, "no-echo", flush=True)
        continue
    if data == payload:
        print(host, size, "echoed-exactly", from_host, from_port, flush=True)
    else:
        print(host, size, "echoed-differently", len(data), flush=True)
s.close()
