"""Fetches http://HOST:PORT/ through a SOCKS 5 proxy with PySocks (Debian python3-socks), logging in.

usage: pysocks_fetch.py PROXY_PORT USER PASSWORD HOST PORT [SOURCE_ADDRESS]
Prints the HTTP response and exits 0; prints the PySocks error and exits 1 when the proxy refuses.
SOURCE_ADDRESS binds the connection to the proxy to that local address (a loopback alias).
"""
import sys

import socks

proxy_port, user, password, host, port = sys.argv[1:6]
source = sys.argv[6] if len(sys.argv) > 6 else None

s = socks.socksocket()
s.set_proxy(socks.SOCKS5, "127.0.0.1", int(proxy_port), rdns=True, username=user, password=password)
s.settimeout(10)
if source:
    s.bind((source, 0))
try:
    s.connect((host, int(port)))
except socks.ProxyError as e:
    print(f"{type(e).__name__}: {e}", file=sys.stderr)
    sys.exit(1)
s.sendall(f"GET / HTTP/1.0\r\nHost: {host}:{port}\r\n\r\n".encode())
response = b""
while chunk := s.recv(65536):
    response += chunk
s.close()
sys.stdout.write(response.decode("utf-8"))
