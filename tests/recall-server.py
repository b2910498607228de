#!/usr/bin/env python3
# Copyright (C) 2026 the zoomwiz authors. SPDX-License-Identifier: GPL-3.0-or-later
"""recall-server.py - a fake Recall.ai API over HTTPS on 127.0.0.1, for tests.

Usage:
  recall-server.py --cert PEM --key KEY --port-file FILE --log FILE.jsonl
                   --api-key KEY [--fault NAME]

POST /api/v2/zoom-oauth-apps/ with "Authorization: Token KEY" and a JSON body
{kind, client_id, client_secret, webhook_secret} answers 201 with the app
({"id": uuid, ...}), as Recall's create-app endpoint does (reference:
integrations.md section 2). A missing or wrong key gets 401
{"detail": "Invalid token."}; a missing or bad field 400
{"field": ["message"]}. Faults: rate-limited (429, Retry-After: 30),
server-error (500), no-id (201 without an id), empty-400 and empty-200
(no body at all). Each request is logged as a
JSON line (method, path, headers, body, status). Python 3 standard library.
"""

import argparse
import json
import sys
import uuid

sys.dont_write_bytecode = True
import loopback_server as ls  # noqa: E402  (from this script's folder)

APPS_PATH = "/api/v2/zoom-oauth-apps/"
KINDS = ("user_level", "account_level")
FIELDS = ("client_id", "client_secret", "webhook_secret")


class Handler(ls.LoopbackHandler):
    def setup(self):
        ctx = self.server.ssl_context
        try:
            self.request.settimeout(ls.HANDSHAKE_TIMEOUT)
            self.tls = ctx.wrap_socket(self.request, server_side=True)
        except (OSError, ValueError) as e:
            print("recall-server: TLS handshake failed: %s" % e,
                  file=sys.stderr)
            return
        self.request = self.tls
        self.conn_ok = True
        self.timeout = ls.IDLE_TIMEOUT
        super().setup()

    def reply(self, status, obj, headers=None):
        # None: no body at all (Content-Length: 0), as a proxy may answer.
        data = json.dumps(obj).encode("utf-8") if obj is not None else b""
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(data)
        return status

    def do_POST(self):
        st = self.server.state
        body = self.read_body()
        status = self.answer(st, body)
        st.log_request({"method": "POST", "path": self.path,
                        "headers": self.header_dict(),
                        "body": body.decode("utf-8", "replace"),
                        "status": status})

    def answer(self, st, body):
        if self.path != APPS_PATH:
            return self.reply(404, {"detail": "Not found."})
        if self.headers.get("Authorization") != "Token " + st.args.api_key:
            return self.reply(401, {"detail": "Invalid token."})
        fault = st.args.fault
        if fault == "rate-limited":
            return self.reply(429, {"detail": "Request was throttled."},
                              {"Retry-After": "30"})
        if fault == "server-error":
            return self.reply(500, {"detail": "Internal server error."})
        if fault in ("empty-400", "empty-200"):
            return self.reply(int(fault[-3:]), None)
        try:
            app = json.loads(body)
        except ValueError:
            return self.reply(400, {"non_field_errors": ["Invalid JSON."]})
        errors = {}
        if app.get("kind") not in KINDS:
            errors["kind"] = ['"%s" is not a valid choice.' % app.get("kind")]
        for f in FIELDS:
            if not isinstance(app.get(f), str) or not app.get(f):
                errors[f] = ["This field is required."]
        if errors:
            return self.reply(400, errors)
        created = dict(app, id=str(uuid.uuid4()))
        if fault == "no-id":
            del created["id"]
        return self.reply(201, created)


class Server(ls.LoopbackServer):
    handler = Handler


def main():
    ap = argparse.ArgumentParser(description="A fake Recall.ai on 127.0.0.1.")
    ap.add_argument("--cert", required=True)
    ap.add_argument("--key", required=True)
    ap.add_argument("--port-file", required=True)
    ap.add_argument("--log", required=True)
    ap.add_argument("--api-key", required=True)
    ap.add_argument("--fault", choices=("rate-limited", "server-error",
                                        "no-id", "empty-400", "empty-200"))
    args = ls.parse_args(ap)
    ctx = ls.tls_context("recall-server", args.cert, args.key)
    if ctx is None:
        return 1
    state = ls.LoopbackState(args)
    server = Server(state, ctx)
    state.port = server.server_address[1]
    ls.serve(server, state, args.port_file)


if __name__ == "__main__":
    sys.exit(main())
