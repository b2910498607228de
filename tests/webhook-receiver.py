#!/usr/bin/env python3
# Copyright (C) 2026 the zoomwiz authors. SPDX-License-Identifier: GPL-3.0-or-later
"""webhook-receiver.py - a Zoom app's event endpoint on 127.0.0.1, for tests.

Usage:
  webhook-receiver.py --port-file FILE --log FILE.jsonl [--cert PEM --key KEY]
                      [--mode zoom|mattermost] [--path PATH]
                      [--secret-token S] [--url-secret S]
                      [--delay SECONDS] [--fault NAME] [--event-status N]

It listens on 127.0.0.1 (a port of the kernel's choosing), over HTTPS with
--cert/--key and plain HTTP without, writes that port to --port-file once it
listens, and serves until SIGTERM/SIGINT (or until whoever started it is
gone). Each request is logged as one JSON line: method, path, query,
headers (lower-cased names), body (raw, as text) and the status answered.
The line is written as soon as the request is read (before --delay).

Only --path (default /zoom/events, or /plugins/zoom/webhook in mattermost
mode) is the endpoint: other paths get 404, other methods on it 405.

Zoom's signing (shared/reference/zoom-wire-facts.md, section 4), with S the
--secret-token and TS the x-zm-request-timestamp header:
  x-zm-signature = "v0=" + hex(HMAC-SHA256(S, "v0:" + TS + ":" + raw body))
  endpoint.url_validation is answered with 200 and
  {"plainToken": p, "encryptedToken": hex(HMAC-SHA256(S, p))}.

--mode zoom (default) answers like Zoom's SDK (Rivet):
  bad or missing signature   400 {"error":"Failed to verify event
                                   originated from Zoom."}
  body not JSON              400 {"error":"Invalid JSON"}
  url validation             200 {"encryptedToken","plainToken"}
  any other event            200 {"message":"Zoom event processed
                                   successfully."}
--mode mattermost answers like the Mattermost Zoom plugin (server/webhook.go):
  ?secret= not --url-secret  401 text "Not authorized" (missing, or no
                                 --url-secret, never matches)
  Content-Type not JSON      400 text "Expected Content-Type ..."
  body not JSON              400 text, the parser's error
  bad signature, or TS off   401 text "Not authorized" (events other than
  by more than 300 s             the validation, only with --secret-token)
  url validation             200 {"plainToken","encryptedToken"} (no
                                 signature check), or 400 with an empty
                                 body without --secret-token
  meeting.ended              404 text "meeting post not found"
  any other event            200, empty body

--delay SECONDS   waits that long before answering a POST to the endpoint
--event-status N  answers events other than the validation, once the checks
                  pass, with N and {"message":"test"} (no body for 204)
--fault NAME      (POSTs to the endpoint)
  non-json           200 text/html "<html><body>OK</body></html>", always
  wrong-plain-token  the validation answer has plainToken "not-the-one-sent"
  uppercase-hex      the validation answer's encryptedToken in upper case
  redirect           301 to <scheme>://127.0.0.1:<port>/elsewhere, always
  server-error       500 {"error":"boom"}, always
  empty-200          200 with an empty body, always
  post-not-allowed   405 with Allow: GET (a page that is not a receiver)

Python 3 standard library only; the parts shared with the other test server
are in loopback_server.py, next to this script.
"""

import argparse
import hashlib
import hmac
import json
import re
import socket
import sys
import time
import urllib.parse

sys.dont_write_bytecode = True   # no __pycache__ next to the script
# pylint: disable=wrong-import-position
from loopback_server import (BIND_ADDRESS, HANDSHAKE_TIMEOUT, IDLE_TIMEOUT,
                             LoopbackHandler, LoopbackServer, LoopbackState,
                             parse_args, serve, tls_context)

TIMESTAMP_WINDOW = 300    # the Mattermost plugin's webhookTimestampMaxAge

DEFAULT_PATHS = {"zoom": "/zoom/events", "mattermost": "/plugins/zoom/webhook"}
FAULTS = ("non-json", "wrong-plain-token", "uppercase-hex", "redirect",
          "server-error", "empty-200", "post-not-allowed")
VALIDATION = "endpoint.url_validation"

JSON_TYPE = "application/json"
TEXT_TYPE = "text/plain; charset=utf-8"   # what Go's http.Error sends

ERR_NOT_FOUND = {"error": "Not found"}
ERR_METHOD = {"error": "Method not allowed"}
ERR_ZOOM_VERIFY = {"error": "Failed to verify event originated from Zoom."}
ERR_ZOOM_JSON = {"error": "Invalid JSON"}
ZOOM_PROCESSED = {"message": "Zoom event processed successfully."}
EVENT_STATUS_BODY = {"message": "test"}
WRONG_PLAIN_TOKEN = "not-the-one-sent"
NON_JSON_PAGE = "<html><body>OK</body></html>"

INTEGER = re.compile(r"\A[+-]?[0-9]+\Z")   # strconv.ParseInt's syntax


def dump(obj):
    """Compact JSON."""
    return json.dumps(obj, separators=(",", ":"), ensure_ascii=False)


def hmac_hex(key, msg):
    if isinstance(key, str):
        key = key.encode("utf-8")
    if isinstance(msg, str):
        msg = msg.encode("utf-8")
    return hmac.new(key, msg, hashlib.sha256).hexdigest()


def header_bytes(value):
    """A header value as the bytes received (http.server decodes Latin-1)."""
    return value.encode("latin-1", "replace")


def signature_ok(secret, timestamp, signature, body):
    """Zoom's v0 signature over the raw body, compared in constant time."""
    message = b"v0:" + header_bytes(timestamp) + b":" + body
    expected = ("v0=" + hmac_hex(secret, message)).encode("ascii")
    return hmac.compare_digest(expected, header_bytes(signature))


def go_json_error(body, err):
    """Roughly the text Go's encoding/json gives for a body it cannot read."""
    text = body.decode("utf-8", "replace")
    pos = getattr(err, "pos", None)
    if not text.strip() or (pos is not None and pos >= len(text)):
        return "unexpected end of JSON input"
    if pos is not None:
        where = ("after top-level value" if err.msg == "Extra data"
                 else "looking for beginning of value")
        return "invalid character %r %s" % (text[pos], where)
    return str(err)


def go_kind(value):
    """The JSON kind, as Go's encoding/json names it in its errors."""
    if isinstance(value, bool):
        return "bool"
    if isinstance(value, (int, float)):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return "array"
    return "object"


def reject_constant(name):
    """NaN and Infinity are not JSON (Go's parser refuses them too)."""
    raise ValueError("invalid character %r looking for beginning of value"
                     % name[0])


class State(LoopbackState):
    """The settings, the log and the port, shared by all requests."""

    def __init__(self, args):
        super().__init__(args)
        self.mode = args.mode
        self.path = args.path or DEFAULT_PATHS[args.mode]
        self.scheme = "https" if args.cert else "http"


class Answer:
    """What to send: status, body (bytes), Content-Type (None: no header)."""

    def __init__(self, status, body=b"", content_type=None, headers=None):
        if isinstance(body, (dict, list)):
            body = dump(body)
        if isinstance(body, str):
            body = body.encode("utf-8")
        self.status = status
        self.body = body
        self.content_type = content_type
        self.headers = headers or {}


def json_answer(status, obj):
    return Answer(status, obj, JSON_TYPE)


def text_answer(status, text):
    """Go's http.Error: the text, a newline, text/plain, nosniff."""
    return Answer(status, text + "\n", TEXT_TYPE,
                  {"X-Content-Type-Options": "nosniff"})


class Handler(LoopbackHandler):
    server_version = "WebhookFake/1.0"

    # --- connection: an explicit TLS handshake per connection (HTTPS) ---
    def setup(self):
        self.conn_ok = False
        self.tls = None
        ctx = self.server.ssl_context
        if ctx is not None:
            raw = self.request
            try:
                raw.settimeout(HANDSHAKE_TIMEOUT)
                self.tls = ctx.wrap_socket(raw, server_side=True,
                                           do_handshake_on_connect=False)
                self.tls.do_handshake()
            except (OSError, ValueError) as e:  # ssl.SSLError is an OSError
                print("webhook-receiver: TLS handshake failed: %s" % e,
                      file=sys.stderr)
                return
            self.request = self.tls
        self.conn_ok = True
        self.timeout = IDLE_TIMEOUT
        super().setup()

    # --- writing ---
    def send(self, answer):
        self.send_response(answer.status)
        if answer.content_type is not None:
            self.send_header("Content-Type", answer.content_type)
        for name, value in answer.headers.items():
            self.send_header(name, str(value))
        # No body may follow a 204 or a 304.
        no_body = answer.status in (204, 304)
        if not no_body:
            self.send_header("Content-Length", str(len(answer.body)))
        if self.close_connection:
            self.send_header("Connection", "close")
        self.end_headers()
        if self.command != "HEAD" and not no_body:
            self.wfile.write(answer.body)
        self.wfile.flush()

    # --- dispatch ---
    def do_any(self):
        st = self.server.state
        parts = urllib.parse.urlsplit(self.path)
        path, query = parts.path, parts.query
        headers = self.header_dict()
        try:
            body = self.read_body()
        except (ValueError, OSError):
            self.close_connection = True
            body = None
        delayed = False
        if body is None:
            answer = json_answer(400, {"error": "Bad request body"})
            body = b""
        elif path != st.path:
            answer = json_answer(404, ERR_NOT_FOUND)
        elif self.command != "POST":
            answer = json_answer(405, ERR_METHOD)
            answer.headers["Allow"] = "POST"
        else:
            answer = self.endpoint(st, query, body)
            delayed = True
        # The log line is written before the answer goes out (and before the
        # delay), so a test sees it as soon as its request has been read.
        st.log_request({"method": self.command, "path": path, "query": query,
                        "headers": headers,
                        "body": body.decode("utf-8", "replace"),
                        "status": answer.status})
        if delayed and st.args.delay > 0:
            if st.stop.wait(st.args.delay):
                self.close_connection = True
                return
        try:
            self.send(answer)
        except OSError:  # the client gave up (during --delay, say)
            self.close_connection = True

    do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = do_HEAD = do_any
    do_OPTIONS = do_any

    # --- the endpoint ---
    def endpoint(self, st, query, body):
        fault = st.args.fault
        if fault == "non-json":
            return Answer(200, NON_JSON_PAGE, "text/html")
        if fault == "redirect":
            return Answer(301, b"", None, {
                "Location": "%s://%s:%d/elsewhere"
                            % (st.scheme, BIND_ADDRESS, st.port)})
        if fault == "server-error":
            return json_answer(500, {"error": "boom"})
        if fault == "empty-200":
            return Answer(200)
        if fault == "post-not-allowed":
            return Answer(405, b"Method Not Allowed", "text/plain",
                          {"Allow": "GET, HEAD"})
        if st.mode == "mattermost":
            return self.mattermost(st, query, body)
        return self.zoom(st, body)

    def validation_answer(self, st, plain_token):
        encrypted = hmac_hex(st.args.secret_token, plain_token)
        if st.args.fault == "uppercase-hex":
            encrypted = encrypted.upper()
        if st.args.fault == "wrong-plain-token":
            plain_token = WRONG_PLAIN_TOKEN
        if st.mode == "mattermost":
            # Go's json.Encoder: field order of the struct, and a newline.
            return Answer(200, dump({"plainToken": plain_token,
                                     "encryptedToken": encrypted}) + "\n",
                          JSON_TYPE)
        # Rivet's hashUrlValidationEvent object, through JSON.stringify.
        return json_answer(200, {"encryptedToken": encrypted,
                                 "plainToken": plain_token})

    def event_status(self, st):
        """--event-status: the answer to an event that passed the checks."""
        if st.args.event_status is None:
            return None
        return json_answer(st.args.event_status, EVENT_STATUS_BODY)

    def zoom(self, st, body):
        timestamp = self.headers.get("x-zm-request-timestamp")
        signature = self.headers.get("x-zm-signature")
        if (timestamp is None or signature is None or
                not INTEGER.match(timestamp) or
                not signature_ok(st.args.secret_token, timestamp, signature,
                                 body)):
            return json_answer(400, ERR_ZOOM_VERIFY)
        try:
            event = json.loads(body)
        except ValueError:
            return json_answer(400, ERR_ZOOM_JSON)
        if isinstance(event, dict) and event.get("event") == VALIDATION:
            payload = event.get("payload")
            plain = (payload.get("plainToken")
                     if isinstance(payload, dict) else None)
            if isinstance(plain, str):
                return self.validation_answer(st, plain)
        # Rivet treats a validation without a string plainToken as an event.
        return self.event_status(st) or json_answer(200, ZOOM_PROCESSED)

    def mattermost(self, st, query, body):
        params = urllib.parse.parse_qs(query, keep_blank_values=True)
        given = params.get("secret", [None])[0]
        if (given is None or not st.args.url_secret or
                not hmac.compare_digest(given.encode("utf-8"),
                                        st.args.url_secret.encode("utf-8"))):
            return text_answer(401, "Not authorized")
        ctype = self.headers.get("Content-Type") or ""
        if "application/json" not in ctype:
            return text_answer(400, "Expected Content-Type 'application/json' "
                               "for webhook request, received '%s'." % ctype)
        try:
            event = json.loads(body, parse_constant=reject_constant)
        except ValueError as e:
            return text_answer(400, go_json_error(body, e))
        if event is None:
            event = {}
        if not isinstance(event, dict):
            return text_answer(400, "json: cannot unmarshal %s into Go value "
                               "of type zoom.Webhook" % go_kind(event))
        name = event.get("event")
        if name is None:
            name = ""
        if not isinstance(name, str):
            return text_answer(400, "json: cannot unmarshal %s into Go struct "
                               "field Webhook.event of type string"
                               % go_kind(name))
        if name != VALIDATION and st.args.secret_token:
            timestamp = self.headers.get("x-zm-request-timestamp") or ""
            signature = self.headers.get("x-zm-signature") or ""
            now = time.time()
            if (not INTEGER.match(timestamp) or
                    int(timestamp) < now - TIMESTAMP_WINDOW or
                    int(timestamp) > now + TIMESTAMP_WINDOW or
                    not signature_ok(st.args.secret_token, timestamp,
                                     signature, body)):
                return text_answer(401, "Not authorized")
        if name == VALIDATION:
            if not st.args.secret_token:
                return Answer(400)
            payload = event.get("payload")
            if payload is None:
                payload = {}
            plain = (payload.get("plainToken", "")
                     if isinstance(payload, dict) else None)
            if plain is None:
                plain = ""
            if not isinstance(plain, str):
                return Answer(400)   # the plugin's second Unmarshal fails
            return self.validation_answer(st, plain)
        status = self.event_status(st)
        if status is not None:
            return status
        if name == "meeting.ended":
            return text_answer(404, "meeting post not found")
        return Answer(200)


class Server(LoopbackServer):
    handler = Handler

    def get_request(self):
        sock, addr = super().get_request()
        try:
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        except OSError:
            pass
        return sock, addr

    def handle_error(self, request, client_address):
        if not self.state.stop.is_set():
            super().handle_error(request, client_address)


def main():
    ap = argparse.ArgumentParser(
        description="A Zoom app's webhook endpoint on 127.0.0.1, for tests.")
    ap.add_argument("--port-file", required=True)
    ap.add_argument("--log", required=True)
    ap.add_argument("--cert")
    ap.add_argument("--key")
    ap.add_argument("--mode", choices=("zoom", "mattermost"), default="zoom")
    ap.add_argument("--path")
    ap.add_argument("--secret-token", default="")
    ap.add_argument("--url-secret", default="")
    ap.add_argument("--delay", type=float, default=0.0)
    ap.add_argument("--fault", choices=FAULTS)
    ap.add_argument("--event-status", type=int)
    args = parse_args(ap)   # adds --bind, which refuses all but 127.0.0.1
    if bool(args.cert) != bool(args.key):
        ap.error("--cert and --key go together")
    if args.path is not None and not args.path.startswith("/"):
        ap.error("--path must start with /")
    if args.delay < 0:
        ap.error("--delay must not be negative")
    if args.event_status is not None and not 200 <= args.event_status <= 599:
        ap.error("--event-status must be from 200 to 599")

    ctx = None
    if args.cert:
        ctx = tls_context("webhook-receiver", args.cert, args.key)
        if ctx is None:
            return 1

    try:
        state = State(args)
    except OSError as e:
        print("webhook-receiver: %s" % e, file=sys.stderr)
        return 1
    server = Server(state, ctx)
    state.port = server.server_address[1]
    serve(server, state, args.port_file)   # does not return


if __name__ == "__main__":
    sys.exit(main())
