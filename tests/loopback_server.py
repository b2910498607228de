# Copyright (C) 2026 the zoomwiz authors. SPDX-License-Identifier: GPL-3.0-or-later
"""loopback_server.py - what the test servers share: HTTP(S) on 127.0.0.1 only.

tests/zoom-server.py (a fake Zoom) and tests/webhook-receiver.py (a fake
webhook receiver) import this from their own folder. It holds the parts they
have in common: the --bind option that refuses anything but 127.0.0.1, the
TLS context, the server that binds without a name lookup, the state with the
JSON-lines request log, a request handler base, and the run until
SIGTERM/SIGINT (or until the parent is gone) after writing the port file.
It is not run by itself.

Python 3 standard library only.
"""

import json
import os
import signal
import socketserver
import ssl
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

BIND_ADDRESS = "127.0.0.1"
HANDSHAKE_TIMEOUT = 10
IDLE_TIMEOUT = 60         # an idle keep-alive connection is closed after this


def write_atomic(path, text):
    """Writes text to path through a temporary file and a rename."""
    tmp = "%s.tmp.%d.%d" % (path, os.getpid(), threading.get_ident())
    with open(tmp, "w", encoding="utf-8") as f:
        f.write(text)
    os.replace(tmp, path)


def parse_args(ap):
    """Adds --bind to the parser, parses, and refuses any other address."""
    ap.add_argument("--bind", default=BIND_ADDRESS,
                    help="only 127.0.0.1 is accepted")
    args = ap.parse_args()
    if args.bind != BIND_ADDRESS:
        ap.error("refusing to bind %s: only %s is allowed"
                 % (args.bind, BIND_ADDRESS))
    return args


def tls_context(prog, cert, key):
    """A server TLS context (TLS 1.2 or later, ALPN http/1.1) for cert and
    key; or None, after saying why on stderr, when they cannot be loaded."""
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    ctx.minimum_version = ssl.TLSVersion.TLSv1_2
    ctx.set_alpn_protocols(["http/1.1"])
    try:
        ctx.load_cert_chain(cert, key)
    except (OSError, ssl.SSLError) as e:
        print("%s: cannot load %s / %s: %s" % (prog, cert, key, e),
              file=sys.stderr)
        return None
    return ctx


class LoopbackState:
    """The arguments, the port, the stop flag and the request log (--log,
    one JSON object a line)."""

    def __init__(self, args):
        self.args = args
        self.port = 0
        self.stop = threading.Event()
        self.log_lock = threading.Lock()
        self.log = open(args.log, "a", encoding="utf-8")

    def log_request(self, entry):
        line = json.dumps(entry, ensure_ascii=False) + "\n"
        with self.log_lock:
            self.log.write(line)
            self.log.flush()

    def close_log(self):
        with self.log_lock:
            self.log.close()


class LoopbackHandler(BaseHTTPRequestHandler):
    """HTTP/1.1 keep-alive, no access log. A subclass's setup() sets conn_ok
    once the connection (and its TLS handshake, if any) is up, and tls to the
    TLS socket it made, if any: finish() closes that."""

    # Answers go out at once: no Nagle delay against the client's delayed ACK.
    disable_nagle_algorithm = True
    protocol_version = "HTTP/1.1"
    sys_version = ""
    conn_ok = False
    tls = None

    def version_string(self):
        return self.server_version

    def handle(self):
        if self.conn_ok:
            super().handle()

    def finish(self):
        try:
            if self.conn_ok:
                super().finish()
        except OSError:
            pass
        finally:
            if self.tls is not None:
                try:
                    self.tls.close()
                except OSError:
                    pass

    def log_message(self, fmt, *args):
        pass  # the JSON log is the record

    def read_body(self):
        if "chunked" in (self.headers.get("Transfer-Encoding") or "").lower():
            data = b""
            while True:
                size = int(self.rfile.readline().split(b";")[0].strip(), 16)
                if size == 0:
                    while self.rfile.readline() not in (b"\r\n", b"\n", b""):
                        pass
                    return data
                data += self.rfile.read(size)
                self.rfile.readline()
        length = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(length) if length > 0 else b""

    def header_dict(self):
        """The request headers, names lower-cased, repeats joined by ", "."""
        headers = {}
        for name, value in self.headers.items():
            n = name.lower()
            headers[n] = headers[n] + ", " + value if n in headers else value
        return headers


class LoopbackServer(ThreadingHTTPServer):
    """Listens on 127.0.0.1, on a port of the kernel's choosing. A subclass
    names its request handler class in handler."""

    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 64
    handler = None

    def __init__(self, state, ssl_context):
        self.state = state
        self.ssl_context = ssl_context   # None: plain HTTP
        super().__init__((BIND_ADDRESS, 0), self.handler)

    def server_bind(self):
        # HTTPServer.server_bind would look the host name up; not needed.
        socketserver.TCPServer.server_bind(self)
        self.server_name = BIND_ADDRESS
        self.server_port = self.server_address[1]


def serve(server, state, port_file):
    """Serves until SIGTERM/SIGINT, or until the parent process is gone,
    writing state.port to port_file once the server runs; then stops the
    server, closes the log and exits with status 0. Does not return."""
    stop_asked = threading.Event()

    def on_signal(signum, frame):
        stop_asked.set()
    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)

    loop = threading.Thread(target=server.serve_forever,
                            kwargs={"poll_interval": 0.2}, daemon=True)
    loop.start()
    write_atomic(port_file, "%d\n" % state.port)

    parent = os.getppid()
    while not stop_asked.wait(0.5):
        if os.getppid() != parent:   # whoever started us is gone
            break
    state.stop.set()
    server.shutdown()
    server.server_close()
    state.close_log()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(0)  # daemon threads may still sit in reads; do not wait for them
