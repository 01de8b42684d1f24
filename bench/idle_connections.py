#!/usr/bin/env python3
"""The server's memory with many idle keep-alive connections (bench/run.sh).

Opens COUNT connections to the server, makes one keep-alive request on each
(reading the whole response), then, holding them all open and idle, reads
VmRSS of the server's process from /proc/PID/status. Prints one line:

  BENCH connections=N alive=N rss_before_kib=N rss_kib=N failed=N

  idle_connections.py --port P --pid PID [--count 1000] [--path /healthz]
                      [--token TOKEN] [--settle 1.0]
"""
import argparse
import socket
import sys
import time


def rss_kib(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    raise RuntimeError(f"no VmRSS for {pid}")


def read_response(sock):
    """Reads one HTTP/1.1 response with a Content-Length; returns its status."""
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = sock.recv(65536)
        if not chunk:
            raise ConnectionError("closed before the headers")
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split()[1])
    length = 0
    for line in lines[1:]:
        name, _, value = line.partition(":")
        if name.strip().lower() == "content-length":
            length = int(value.strip())
    while len(body) < length:
        chunk = sock.recv(65536)
        if not chunk:
            raise ConnectionError("closed in the body")
        body += chunk
    return status


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--port", type=int, required=True)
    ap.add_argument("--pid", type=int, required=True)
    ap.add_argument("--count", type=int, default=1000)
    ap.add_argument("--path", default="/healthz")
    ap.add_argument("--token", default="")
    ap.add_argument("--settle", type=float, default=1.0)
    a = ap.parse_args()

    before = rss_kib(a.pid)
    request = f"GET {a.path} HTTP/1.1\r\nHost: 127.0.0.1:{a.port}\r\n"
    if a.token:
        request += f"Authorization: Bearer {a.token}\r\n"
    request = (request + "\r\n").encode()
    held, failed = [], 0
    deadline = time.monotonic() + 60  # bounded: never more than a minute
    for _ in range(a.count):
        if time.monotonic() > deadline:
            break
        s = socket.create_connection(("127.0.0.1", a.port), timeout=10)
        try:
            s.sendall(request)
            if read_response(s) != 200:
                failed += 1
            held.append(s)
        except (OSError, ConnectionError, ValueError):
            failed += 1
            s.close()
    time.sleep(a.settle)  # idle: let the server settle into waiting
    rss = rss_kib(a.pid)
    # Still open on the server's side? A closed one reads as EOF at once.
    alive = 0
    for s in held:
        s.setblocking(False)
        try:
            alive += 1 if s.recv(1, socket.MSG_PEEK) else 0
        except BlockingIOError:
            alive += 1
        except OSError:
            pass
    for s in held:
        s.close()
    print(f"BENCH connections={len(held)} alive={alive} rss_before_kib={before} "
          f"rss_kib={rss} failed={failed}")
    return 0 if len(held) == a.count and failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
