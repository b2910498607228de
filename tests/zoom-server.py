#!/usr/bin/env python3
# Copyright (C) 2026 the zoomwiz authors. SPDX-License-Identifier: GPL-3.0-or-later
"""zoom-server.py - a fake Zoom (OAuth + REST) over HTTPS on 127.0.0.1, for tests.

Usage:
  zoom-server.py --cert PEM --key KEY --config CONFIG.json --port-file FILE
                 --log FILE.jsonl [--stats FILE.json]

It listens on 127.0.0.1 (a port of the kernel's choosing), writes that port to
--port-file once it listens, and serves until SIGTERM/SIGINT. The config is
read again on every request. Status codes and bodies follow
shared/reference/zoom-wire-facts.md, sections 1-3.

Config (JSON object, every key optional):
  "clients": [{"client_id", "client_secret", "kind": "s2s"|"oauth",
               "account_id" (s2s), "activated" (default true),
               "scopes": "space separated", "redirect_uris": [...] (oauth),
               "app_id" (the Marketplace app id, for rotate_client_secret)}]
  "api_url": "https://127.0.0.1:{port}" (default; null leaves it out)
  "user": {...}            merged over the default /v2/users/me body (and
                           the /v2/users entry)
  "s2s_users_me": {"status", "body"}
                           /v2/users/me answers Server-to-Server tokens
                           with this (a valid token: checked first), as
                           Zoom may; /v2/users?page_size=N still answers
  "created_secret": S      the client secret of every app created (default:
                           a random one), for a test that types it
  "create_answer": "development_credentials" (default) | "id_only" |
                           "no_secret" (the client ID without the secret) |
                           "credentials": the shape of a create's answer
                           (doc/reference/marketplace-api.md, "Bodies")
  "scope_lag_seconds": N   a Server-to-Server app created here gets tokens
                           without its scopes for N seconds (default 0)
  "rotate_answer": "secret" (default) | "no_secret": whether the answer to
                           rotate_client_secret's action "new" carries the
                           new client_secret (Zoom's shape is unconfirmed)
  "rotate_window_seconds": N
                           the window of the rotation limit, 3 schedule
                           changes per app (default 900, Zoom's 15 minutes)
  "faults": [{"path", "method" (optional), "kind": "respond"|"hang"|"huge"|"close",
              "after" (optional), "times" (optional), "status", "headers",
              "body" | "text", "content_type"}]
                           the first fault whose path (and method) match
                           answers instead of the route. "after": N lets the
                           first N matching requests pass it untouched;
                           "times": M then makes it apply M times only.
                           Both counts start again when the config changes.

The Marketplace API (doc/reference/marketplace-api.md), with a token of a
client whose scopes hold what each route needs (else 401 code 4711 naming
the scope): POST /v2/marketplace/apps/manifest/validate (200 with ok, or
ok:false and errors[{setting, message}]: the display name under 50
characters, usage and the level of each scope, no classic names),
POST /v2/marketplace/apps (a General app; app_type s2s_oauth there is 404
code 1500) and POST /v2/accounts/{accountId}/marketplace/apps (a
Server-to-Server app from "scopes", or a General one). A created app is a
client of this server from then on (token, authorize, users/me), with the
scopes asked that look like scope names (others are dropped silently), and
keeps the app_id it was answered with.

POST /v2/marketplace/apps/{appId}/rotate_client_secret (scope
marketplace:update:client_secret; appId a config client's "app_id" or a
created app's; else 404 code 3001) takes {"action": "new"|"update",
"revoke_old_secret_time": "now"|"YYYY-MM-DDTHH:MM:SSZ"} (else 400 code 300).
"new" makes a fresh secret the current one and keeps the one before it
accepted by /oauth/token until that time (a "new" during a rotation replaces
only the new secret); it answers {"client_secret", "revoke_old_secret_time"}.
"update" moves the time of a rotation in progress (else 400 code 300) and
answers {"revoke_old_secret_time"}; "now" revokes the old secret at once,
as does a time already past. Each 200 is a schedule change: a 4th within
the window for one app is 429 code 429 with Retry-After (seconds until the
oldest leaves it), checked after the 401, 404 and 400s, which do not count.
This state is kept in memory by client_id: it outlives config rewrites
(and wins over the config's client_secret), not the server.

--stats FILE.json holds {"connections", "handshakes", "requests", "rotate"}:
TCP connections, TLS handshakes, HTTP requests, and POSTs to
rotate_client_secret (whatever their answer).

Python 3 standard library only; the parts shared with the other test server
are in loopback_server.py, next to this script.
"""

import argparse
import base64
import calendar
import hashlib
import json
import math
import secrets
import socket
import sys
import threading
import time
import re
import urllib.parse

sys.dont_write_bytecode = True   # no __pycache__ next to the script
# pylint: disable=wrong-import-position
from loopback_server import (HANDSHAKE_TIMEOUT, IDLE_TIMEOUT, LoopbackHandler,
                             LoopbackServer, LoopbackState, parse_args, serve,
                             tls_context, write_atomic)

CODE_TTL = 300            # authorization codes live 5 minutes
S2S_TTL = 3600
USER_TTL = 3599
HUGE_SIZE = 2 * 1024 * 1024

MARKETPLACE_ACCOUNT_ROUTE = re.compile(r"^/v2/accounts/([^/]+)/marketplace/apps$")
ROTATE_ROUTE = re.compile(r"^/v2/marketplace/apps/([^/]+)/rotate_client_secret$")
ROTATE_SCOPE = "marketplace:update:client_secret"
ROTATE_LIMIT = 3          # schedule changes per app within the window
ROTATE_WINDOW = 900       # seconds (15 minutes); config rotate_window_seconds
UTC_FORMAT = "%Y-%m-%dT%H:%M:%SZ"
SCOPE_NAME = re.compile(r"^[a-z_]+:[a-z_]+:[a-z_]+(:admin|:master)?$")
ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"

USER_READ_SCOPES = ("user:read:user", "user:read:user:admin",
                    "user:read:admin", "user:read")

ERR_INVALID_CLIENT = {"reason": "Invalid client_id or client_secret",
                      "error": "invalid_client"}
ERR_UNSUPPORTED_GRANT = {"reason": "unsupported grant type",
                         "error": "unsupported_grant_type"}
ERR_BAD_REQUEST = {"reason": "Bad Request", "error": "invalid_request"}
ERR_INVALID_CODE = {"reason": "Invalid authorization code",
                    "error": "invalid_grant"}
ERR_REDIRECT_MISMATCH = {"reason": "Redirect URI mismatch.",
                         "error": "invalid_request"}
ERR_CODE_VERIFIER = {"reason": "Invalid code_verifier",
                     "error": "invalid_request"}
ERR_INVALID_REFRESH = {"reason": "Invalid Token!", "error": "invalid_grant"}
ERR_TOKEN_EMPTY = {"reason": "Token cannot be empty.",
                   "error": "invalid_request"}
ERR_INVALID_TOKEN = {"code": 124, "message": "Invalid access token."}
ERR_EXPIRED_TOKEN = {"code": 124, "message": "Access token is expired."}
ERR_NO_USER_SCOPE = {"code": 4711, "message":
                     "Invalid access token, does not contain scopes:"
                     "[user:read:user, user:read:user:admin]."}
LIST_USERS_SCOPES = ("user:read:list_users:admin", "user:read:admin")
ERR_NO_LIST_SCOPE = {"code": 4711, "message":
                     "Invalid access token, does not contain scopes:"
                     "[user:read:list_users:admin]."}
# The fields of a /v2/users entry (Zoom's "List users"), from DEFAULT_USER.
LIST_USER_FIELDS = ("id", "first_name", "last_name", "display_name", "email",
                    "type", "pmi", "timezone", "verified", "dept",
                    "created_at", "last_login_time", "last_client_version",
                    "pic_url", "language", "phone_number", "status",
                    "role_id", "user_created_at")
ERR_NOT_FOUND = {"code": 404, "message": "Not found"}
ERR_METHOD = {"code": 405, "message": "Method not allowed"}
ERR_NO_ROTATION = {"code": 300, "message": "No client secret rotation is in progress."}
ERR_ROTATE_LIMIT = {"code": 429, "message": "You can change the client secret "
                    "rotation schedule at most 3 times in 15 minutes."}


def authorize_error(message):
    return {"status": False, "errorCode": 4700, "errorMessage": message,
            "result": None}


DEFAULT_USER = {
    "id": "KdYKjnimT4KPd8FFgQt9FQ",
    "first_name": "Test",
    "last_name": "Admin",
    "display_name": "Test Admin",
    "email": "admin@example.com",
    "type": 2,
    "role_name": "Owner",
    "pmi": 5551234567,
    "use_pmi": False,
    "personal_meeting_url": "https://us05web.zoom.us/j/5551234567",
    "timezone": "UTC",
    "verified": 1,
    "dept": "",
    "created_at": "2024-01-15T10:00:00Z",
    "last_login_time": "2026-01-01T09:00:00Z",
    "last_client_version": "6.3.0.44805(mac)",
    "pic_url": "",
    "language": "en-US",
    "phone_number": "",
    "status": "active",
    "role_id": "0",
    "account_id": "AcCoUnT0000000000000000",
    "account_number": 12345678,
    "cluster": "us05",
    "user_created_at": "2024-01-15T10:00:00Z",
    "login_types": [100],
    "jid": "kdykjnimt4kpd8ffgqt9fq@xmpp.zoom.us",
    "group_ids": [],
    "im_group_ids": [],
}


def dump(obj):
    """Compact JSON, as Zoom sends it."""
    return json.dumps(obj, separators=(",", ":"))


def b64url(data):
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def new_token(kind):
    """A random, JWT-looking token (Zoom's tokens are JWTs)."""
    head = b64url(dump({"sv": "000002", "alg": "HS512", "v": "2.0",
                        "kid": secrets.token_hex(8)}).encode())
    body = b64url(dump({"ver": 9, "tkt": kind, "jti": secrets.token_hex(16),
                        "nbf": int(time.time())}).encode())
    return "%s.%s.%s" % (head, body, b64url(secrets.token_bytes(64)))


def tracking_id():
    return "v=2.0;clid=us05;rid=WEB_" + secrets.token_hex(16)


def is_loopback_http(parts):
    return parts.scheme == "http" and parts.hostname == "127.0.0.1"


def redirect_allowed(given, registered):
    if not given:
        return False
    if given in registered:
        return True
    try:
        g = urllib.parse.urlsplit(given)
        g.port  # raises on a bad port
    except ValueError:
        return False
    if not is_loopback_http(g):
        return False
    for r in registered:
        try:
            p = urllib.parse.urlsplit(r)
            p.port
        except ValueError:
            continue
        if (is_loopback_http(p) and (p.path or "/") == (g.path or "/")
                and p.query == g.query and not g.fragment):
            return True
    return False


class State(LoopbackState):
    """Everything the server remembers between requests."""

    def __init__(self, args):
        super().__init__(args)
        self.lock = threading.Lock()
        self.connections = 0
        self.handshakes = 0
        self.requests = 0
        self.tokens = {}        # access token -> record
        self.refresh = {}       # refresh token -> record
        self.codes = {}         # authorization code -> record
        self.config_text = None
        self.fault_counts = {}  # fault key -> matching requests that reached it
        self.rotate = 0         # POSTs to rotate_client_secret (a stat)
        # client_id -> {"current": secret, "old": secret or None,
        #               "revoke_at": when the old one stops working (epoch)}.
        # Kept here, not in the config (read again on every request).
        self.rotations = {}
        self.rotate_changes = {}  # app id -> times of its schedule changes

    # --- stats ---
    def write_stats(self):
        if not self.args.stats:
            return
        with self.lock:
            text = dump({"connections": self.connections,
                         "handshakes": self.handshakes,
                         "requests": self.requests,
                         "rotate": self.rotate}) + "\n"
            try:
                write_atomic(self.args.stats, text)
            except OSError as e:
                print("zoom-server: stats: %s" % e, file=sys.stderr)

    def count(self, what):
        with self.lock:
            setattr(self, what, getattr(self, what) + 1)
            n = getattr(self, what)
        self.write_stats()
        return n

    # --- config ---
    def config(self):
        """Reads the config again; resets fault counters when it changed."""
        last = None
        for _ in range(20):
            try:
                with open(self.args.config, encoding="utf-8") as f:
                    text = f.read()
                cfg = json.loads(text) if text.strip() else {}
                if not isinstance(cfg, dict):
                    raise ValueError("the config is not a JSON object")
                break
            except (OSError, ValueError) as e:
                last = e     # maybe half written: try again shortly
                time.sleep(0.05)
        else:
            raise RuntimeError("cannot read config %s: %s"
                               % (self.args.config, last))
        with self.lock:
            if text != self.config_text:
                self.config_text = text
                self.fault_counts = {}
        return cfg

    def take_fault(self, cfg, method, path):
        """The first fault that applies to this request, counted; or None.

        Each fault counts the matching requests that reach it (those taken
        by an earlier fault in the list do not). Request number n (from 0)
        gets the fault when n >= after and, with times, n < after + times."""
        for i, fault in enumerate(cfg.get("faults") or []):
            if not isinstance(fault, dict) or fault.get("path") != path:
                continue
            if fault.get("method") and fault["method"].upper() != method:
                continue
            key = "%d:%s" % (i, json.dumps(fault, sort_keys=True))
            after = int(fault.get("after") or 0)
            times = fault.get("times")
            with self.lock:
                seen = self.fault_counts.get(key, 0)
                self.fault_counts[key] = seen + 1
            if seen < after:
                continue         # not yet: this one passes it untouched
            if times is not None and seen - after >= int(times):
                continue         # used up
            return fault
        return None

    # --- client secret rotation ---
    def accepted_secrets(self, client):
        """The secrets /oauth/token takes for CLIENT: its current one (the
        config's until a rotation) and, until revoked, the one before."""
        with self.lock:
            rot = self.rotations.get(client.get("client_id"))
            if rot is None:
                return [client.get("client_secret")]
            out = [rot["current"]]
            if rot["old"] is not None and time.time() < rot["revoke_at"]:
                out.append(rot["old"])
            return out


def json_object_of(body):
    """The JSON object a request's body holds, or None."""
    try:
        doc = json.loads(body or b"{}")
    except ValueError:
        return None
    return doc if isinstance(doc, dict) else None


def api_url(cfg, port):
    value = cfg.get("api_url", "https://127.0.0.1:{port}")
    if value is None:
        return None
    return str(value).replace("{port}", str(port))


# The clients the Marketplace API created, by client_id.
CREATED = {}
CREATED_LOCK = threading.Lock()


def find_client(cfg, client_id):
    for c in cfg.get("clients") or []:
        if isinstance(c, dict) and c.get("client_id") == client_id:
            return c
    with CREATED_LOCK:
        return CREATED.get(client_id)


def find_app(cfg, app_id):
    """The client whose Marketplace app id is APP_ID: config clients first,
    then the apps created here; or None."""
    for c in cfg.get("clients") or []:
        if isinstance(c, dict) and c.get("app_id") == app_id:
            return c
    with CREATED_LOCK:
        for c in CREATED.values():
            if c.get("app_id") == app_id:
                return c
    return None


def utc_time(epoch):
    return time.strftime(UTC_FORMAT, time.gmtime(epoch))


def parse_revoke_time(value):
    """The epoch time of "now" or a "YYYY-MM-DDTHH:MM:SSZ" timestamp; or None."""
    if value == "now":
        return time.time()
    if not isinstance(value, str):
        return None
    try:
        return float(calendar.timegm(time.strptime(value, UTC_FORMAT)))
    except ValueError:
        return None


class Handler(LoopbackHandler):
    server_version = "ZoomFake/1.0"

    # --- connection: an explicit TLS handshake per connection ---
    def setup(self):
        st = self.server.state
        self.conn_no = _local.conn
        self.conn_ok = False
        raw = self.request
        try:
            raw.settimeout(HANDSHAKE_TIMEOUT)
            tls = self.server.ssl_context.wrap_socket(
                raw, server_side=True, do_handshake_on_connect=False)
        except (OSError, ValueError) as e:
            print("zoom-server: conn %d: %s" % (self.conn_no, e),
                  file=sys.stderr)
            return
        self.tls = tls
        try:
            tls.do_handshake()
        except (OSError, ValueError) as e:  # ssl.SSLError is an OSError
            print("zoom-server: conn %d: TLS handshake failed: %s"
                  % (self.conn_no, e), file=sys.stderr)
            return
        self.conn_ok = True
        st.count("handshakes")
        self.request = tls
        self.timeout = IDLE_TIMEOUT
        super().setup()

    # --- writing ---
    def reply(self, status, body=b"", content_type="application/json;charset=UTF-8",
              headers=None):
        if isinstance(body, (dict, list)):
            body = dump(body)
        if isinstance(body, str):
            body = body.encode("utf-8")
        self.send_response(status)
        extra = {k.lower(): (k, v) for k, v in (headers or {}).items()}
        if "content-type" not in extra:
            self.send_header("Content-Type", content_type)
        if "x-zm-trackingid" not in extra:
            self.send_header("x-zm-trackingid", tracking_id())
        for name, value in extra.values():
            if name.lower() == "content-length":
                continue
            self.send_header(name, str(value))
        self.send_header("Content-Length", str(len(body)))
        if self.close_connection:
            self.send_header("Connection", "close")
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)
        self.wfile.flush()

    # --- dispatch ---
    def do_any(self):
        st = self.server.state
        parts = urllib.parse.urlsplit(self.path)
        path, query = parts.path, parts.query
        try:
            body = self.read_body()
        except (ValueError, OSError):
            self.close_connection = True
            self.reply(400, {"code": 400, "message": "Bad request body"})
            return
        headers = self.header_dict()
        st.count("requests")
        st.log_request({"conn": self.conn_no, "method": self.command,
                        "path": path, "query": query, "headers": headers,
                        "body": body.decode("utf-8", "replace")})
        try:
            cfg = st.config()
        except RuntimeError as e:
            self.reply(500, {"code": 500, "message": "fake zoom: %s" % e})
            return
        fault = st.take_fault(cfg, self.command, path)
        if fault is not None:
            self.do_fault(fault)
            return
        routes = {
            "/oauth/token": ("POST", self.oauth_token),
            "/oauth/revoke": ("POST", self.oauth_revoke),
            "/oauth/authorize": ("GET", self.oauth_authorize),
            "/v2/users/me": ("GET", self.users_me),
            "/v2/users": ("GET", self.users_list),
        }
        route = routes.get(path)
        account = MARKETPLACE_ACCOUNT_ROUTE.match(path)
        rotate = ROTATE_ROUTE.match(path)
        if path == "/v2/marketplace/apps/manifest/validate":
            route = ("POST", self.marketplace_validate)
        elif path == "/v2/marketplace/apps":
            route = ("POST", lambda *a: self.marketplace_create(None, *a))
        elif account is not None:
            route = ("POST", lambda *a: self.marketplace_create(
                urllib.parse.unquote(account.group(1)), *a))
        elif rotate is not None:
            route = ("POST", lambda *a: self.marketplace_rotate(
                urllib.parse.unquote(rotate.group(1)), *a))
        if route is None:
            self.reply(404, ERR_NOT_FOUND)
        elif route[0] != self.command:
            self.reply(405, ERR_METHOD, headers={"Allow": route[0]})
        else:
            route[1](cfg, query, headers, body)

    do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = do_HEAD = do_any

    def do_fault(self, fault):
        kind = fault.get("kind", "respond")
        st = self.server.state
        if kind == "hang":
            while not st.stop.wait(0.1):
                pass
            self.close_connection = True
        elif kind == "close":
            self.close_connection = True
            try:
                self.request.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
        elif kind == "huge":
            head = b'{"padding":"'
            tail = b'"}'
            pad = b"x" * (HUGE_SIZE - len(head) - len(tail))
            self.reply(int(fault.get("status", 200)), head + pad + tail,
                       headers=fault.get("headers"))
        else:
            status = int(fault.get("status", 500))
            if "text" in fault:
                self.reply(status, str(fault["text"]),
                           fault.get("content_type", "text/html;charset=utf-8"),
                           fault.get("headers"))
            elif "body" in fault:
                self.reply(status, dump(fault["body"]),
                           fault.get("content_type",
                                     "application/json;charset=UTF-8"),
                           fault.get("headers"))
            else:
                self.reply(status, b"",
                           fault.get("content_type",
                                     "application/json;charset=UTF-8"),
                           fault.get("headers"))

    # --- /oauth/* ---
    def form(self, query, headers, body):
        params = dict(urllib.parse.parse_qsl(query, keep_blank_values=True))
        ctype = headers.get("content-type", "").lower()
        if ctype.startswith("application/x-www-form-urlencoded"):
            params.update(urllib.parse.parse_qsl(
                body.decode("utf-8", "replace"), keep_blank_values=True))
        return params

    def client_auth(self, cfg, headers, params):
        """The client named and proved by Basic auth (or form params), or None."""
        cid = secret = None
        auth = headers.get("authorization", "")
        if auth[:6].lower() == "basic ":
            try:
                raw = base64.b64decode(auth[6:].strip(), validate=True)
                cid, sep, secret = raw.decode("utf-8").partition(":")
                if not sep:
                    cid = secret = None
            except (ValueError, UnicodeDecodeError):
                cid = secret = None
        if cid is None:
            cid = params.get("client_id")
            secret = params.get("client_secret")
        if not cid or secret is None:
            return None
        client = find_client(cfg, cid)
        if client is None or secret not in self.server.state.accepted_secrets(client):
            return None
        return client

    def mint(self, cfg, client, user_token):
        st = self.server.state
        access = new_token("ac" if user_token else "as")
        ttl = USER_TTL if user_token else S2S_TTL
        scopes = str(client.get("scopes", ""))
        if time.time() < client.get("scopes_from", 0):
            scopes = ""          # a new S2S app's scopes come a little later
        rec = {"client_id": client.get("client_id"),
               "user_token": user_token,
               "scopes": scopes,
               "account_id": client.get("account_id"),
               "expires": time.time() + ttl}
        out = {"access_token": access, "token_type": "bearer"}
        with st.lock:
            st.tokens[access] = rec
            if user_token:
                rt = new_token("rt")
                st.refresh[rt] = dict(rec, access=access)
                out["refresh_token"] = rt
        out["expires_in"] = ttl
        out["scope"] = rec["scopes"]
        url = api_url(cfg, st.port)
        if url is not None:
            out["api_url"] = url
        return out

    def oauth_token(self, cfg, query, headers, body):
        st = self.server.state
        p = self.form(query, headers, body)
        client = self.client_auth(cfg, headers, p)
        if client is None:
            return self.reply(400, ERR_INVALID_CLIENT)
        grant = p.get("grant_type")
        kind = client.get("kind", "oauth")
        if grant == "account_credentials":
            if kind != "s2s":
                return self.reply(400, ERR_UNSUPPORTED_GRANT)
            if (not p.get("account_id")
                    or p.get("account_id") != client.get("account_id")
                    or client.get("activated", True) is False):
                return self.reply(400, ERR_BAD_REQUEST)
            return self.reply(200, self.mint(cfg, client, False))
        if grant == "authorization_code":
            if kind != "oauth":
                return self.reply(400, ERR_UNSUPPORTED_GRANT)
            with st.lock:
                rec = st.codes.get(p.get("code") or "")
                fresh = (rec is not None and not rec["used"]
                         and rec["client_id"] == client.get("client_id")
                         and time.time() - rec["created"] <= CODE_TTL)
                if rec is not None:
                    rec["used"] = True   # single use, even when this fails
            if not fresh:
                return self.reply(400, ERR_INVALID_CODE)
            if p.get("redirect_uri") != rec["redirect_uri"]:
                return self.reply(400, ERR_REDIRECT_MISMATCH)
            if rec["challenge"] is not None:
                verifier = p.get("code_verifier") or ""
                if rec["method"].upper() == "S256":
                    got = b64url(hashlib.sha256(verifier.encode()).digest())
                else:
                    got = verifier
                if not verifier or not secrets.compare_digest(
                        got.encode(), rec["challenge"].encode()):
                    return self.reply(400, ERR_CODE_VERIFIER)
            return self.reply(200, self.mint(cfg, client, True))
        if grant == "refresh_token" and kind == "oauth":
            with st.lock:
                rec = st.refresh.pop(p.get("refresh_token") or "", None)
            if rec is None or rec["client_id"] != client.get("client_id"):
                return self.reply(400, ERR_INVALID_REFRESH)
            return self.reply(200, self.mint(cfg, client, True))
        return self.reply(400, ERR_UNSUPPORTED_GRANT)

    def oauth_revoke(self, cfg, query, headers, body):
        st = self.server.state
        p = self.form(query, headers, body)
        client = self.client_auth(cfg, headers, p)
        if client is None:
            return self.reply(400, ERR_INVALID_CLIENT)
        token = p.get("token")
        if not token:
            return self.reply(400, ERR_TOKEN_EMPTY)
        with st.lock:
            rec = st.tokens.get(token)
            if rec is not None and rec["client_id"] == client.get("client_id"):
                del st.tokens[token]
            rec = st.refresh.get(token)
            if rec is not None and rec["client_id"] == client.get("client_id"):
                del st.refresh[token]
                st.tokens.pop(rec.get("access"), None)
        return self.reply(200, {"status": "success"})

    def oauth_authorize(self, cfg, query, headers, body):
        st = self.server.state
        q = dict(urllib.parse.parse_qsl(query, keep_blank_values=True))
        client = find_client(cfg, q.get("client_id") or "")
        if client is None or client.get("kind", "oauth") != "oauth":
            return self.reply(400, authorize_error("Invalid client_id"))
        redirect = q.get("redirect_uri")
        if not redirect_allowed(redirect, client.get("redirect_uris") or []):
            return self.reply(400, authorize_error("Invalid redirect url"))
        if q.get("response_type") != "code":
            return self.reply(400, authorize_error("Invalid response_type"))
        code = secrets.token_urlsafe(24)
        with st.lock:
            st.codes[code] = {"client_id": client.get("client_id"),
                              "redirect_uri": redirect, "used": False,
                              "created": time.time(),
                              "challenge": q.get("code_challenge") or None,
                              "method": q.get("code_challenge_method") or "plain"}
        location = redirect + ("&" if "?" in redirect else "?") + \
            urllib.parse.urlencode({"code": code})
        if "state" in q:
            location += "&" + urllib.parse.urlencode({"state": q["state"]})
        self.reply(302, b"", "text/html;charset=utf-8",
                   {"Location": location})

    # --- /v2/* ---
    def bearer(self, headers):
        """The record of the request's valid token; or None, answered 401."""
        st = self.server.state
        auth = headers.get("authorization", "")
        token = auth[7:].strip() if auth[:7].lower() == "bearer " else ""
        with st.lock:
            rec = st.tokens.get(token) if token else None
        if rec is None:
            self.reply(401, ERR_INVALID_TOKEN)
            return None
        if time.time() > rec["expires"]:
            self.reply(401, ERR_EXPIRED_TOKEN)
            return None
        return rec

    @staticmethod
    def user_of(cfg, rec):
        user = dict(DEFAULT_USER)
        if rec.get("account_id"):
            user["account_id"] = rec["account_id"]
        extra = cfg.get("user")
        if isinstance(extra, dict):
            user.update(extra)
        return user

    def users_me(self, cfg, query, headers, body):
        rec = self.bearer(headers)
        if rec is None:
            return None
        s2s_answer = cfg.get("s2s_users_me")
        if not rec["user_token"] and isinstance(s2s_answer, dict):
            return self.reply(int(s2s_answer.get("status", 400)),
                              s2s_answer.get("body", {}))
        scopes = rec["scopes"].split()
        if not any(s in scopes for s in USER_READ_SCOPES):
            return self.reply(400, ERR_NO_USER_SCOPE)
        return self.reply(200, self.user_of(cfg, rec))

    # --- the Marketplace API ---
    def token_with(self, headers, wanted):
        """The token record when it holds one of WANTED; else None, answered."""
        rec = self.bearer(headers)
        if rec is None:
            return None
        if not any(s in rec["scopes"].split() for s in wanted):
            self.reply(401, {"code": 4711, "message": "Invalid access token, does not "
                             "contain scopes:[%s]." % wanted[-1]})
            return None
        return rec

    @staticmethod
    def manifest_errors(manifest):
        errors = []
        if not isinstance(manifest, dict):
            return [{"setting": "manifest", "message": "The manifest is not an object."}]
        name = (manifest.get("display_information") or {}).get("display_name") or ""
        if not name or len(name) >= 50:
            errors.append({"setting": "display_information.display_name",
                           "message": "display_name must be 1 to 49 characters."})
        oauth = manifest.get("oauth_information") or {}
        usage = oauth.get("usage")
        if usage not in ("USER_OPERATION", "ADMIN_MANAGEMENT"):
            errors.append({"setting": "oauth_information.usage",
                           "message": "usage must be USER_OPERATION or ADMIN_MANAGEMENT."})
        for item in oauth.get("scopes") or []:
            scope = (item or {}).get("scope", "") if isinstance(item, dict) else ""
            admin = scope.endswith(":admin") or scope.endswith(":master")
            if scope.count(":") < 2:
                message = "%s is not a valid scope name" % scope
            elif (usage == "USER_OPERATION") == admin:
                message = "%s is not a valid scope name when usage is %s" % (scope, usage)
            else:
                continue
            errors.append({"setting": "oauth_information.scopes", "message": message})
        return errors

    def marketplace_validate(self, cfg, query, headers, body):
        if self.token_with(headers, ("marketplace:read:app",
                                     "marketplace:read:app:admin")) is None:
            return None
        try:
            doc = json.loads(body or b"{}")
        except ValueError:
            return self.reply(400, {"code": 300, "message": "Invalid JSON."})
        manifest = doc.get("manifest", doc) if isinstance(doc, dict) else None
        errors = self.manifest_errors(manifest)
        if errors:
            return self.reply(200, {"ok": False, "error": "invalid_manifest",
                                    "errors": errors})
        return self.reply(200, {"ok": True})

    def marketplace_create(self, account, cfg, query, headers, body):
        wanted = (("marketplace:write:app:master",) if account is not None
                  else ("marketplace:write:app", "marketplace:write:app:admin"))
        rec = self.token_with(headers, wanted)
        if rec is None:
            return None
        doc = json_object_of(body)
        if doc is None:
            return self.reply(400, {"code": 300, "message": "Invalid JSON."})
        kind = doc.get("app_type")
        if kind == "s2s_oauth" and account is None:
            return self.reply(404, {"code": 1500, "message": "Server-to-Server OAuth apps "
                                    "are created with POST /v2/accounts/{accountId}/"
                                    "marketplace/apps."})
        for field in ("app_type", "app_name", "contact_name", "contact_email",
                      "company_name"):
            if not doc.get(field):
                return self.reply(400, {"code": 300, "message": "%s is required." % field})
        manifest = doc.get("manifest") if kind == "general" else None
        if kind == "general":
            errors = self.manifest_errors(manifest)
            if errors:
                return self.reply(400, {"code": 300, "message": errors[0]["message"],
                                        "errors": errors})
            asked = [(i or {}).get("scope", "") for i in
                     (manifest.get("oauth_information") or {}).get("scopes") or []]
        elif kind == "s2s_oauth":
            asked = [s for s in doc.get("scopes") or [] if isinstance(s, str)]
        else:
            return self.reply(400, {"code": 300, "message": "Invalid app_type."})
        kept = [s for s in asked if SCOPE_NAME.match(s)]
        cid = "".join(secrets.choice(ALNUM) for _ in range(22))
        client = {"client_id": cid,
                  "client_secret": str(cfg.get("created_secret")
                                       or secrets.token_urlsafe(24)[:32]),
                  "scopes": " ".join(kept)}
        if kind == "general":
            oauth = manifest.get("oauth_information") or {}
            client["kind"] = "oauth"
            client["redirect_uris"] = ([oauth.get("development_redirect_uri")] +
                                       list(oauth.get("oauth_allow_list") or []))
        else:
            client["kind"] = "s2s"
            client["account_id"] = rec.get("account_id") if account == "me" else account
            client["activated"] = bool(doc.get("active"))
            client["scopes_from"] = time.time() + float(cfg.get("scope_lag_seconds", 0))
        app_id = secrets.token_urlsafe(16)
        client["app_id"] = app_id    # rotate_client_secret finds it by this
        with CREATED_LOCK:
            CREATED[cid] = client
        creds = {"client_id": cid, "client_secret": client["client_secret"]}
        shape = cfg.get("create_answer", "development_credentials")
        if shape == "id_only":
            return self.reply(201, {"app_id": app_id})
        if shape == "no_secret":
            return self.reply(201, {"app_id": app_id,
                                    "development_credentials": {"client_id": cid}})
        if shape == "credentials":
            return self.reply(200, {"app_id": app_id, "credentials": creds,
                                    "oauth_authorize_url": "https://127.0.0.1:%d/oauth/"
                                    "authorize?response_type=code&client_id=%s"
                                    % (self.server.state.port, cid)})
        return self.reply(201, {"app_id": app_id, "create_at": time.strftime(
            "%Y-%m-%dT%H:%M:%SZ", time.gmtime()), "development_credentials": creds,
                                "scopes": kept})

    def marketplace_rotate(self, app_id, cfg, query, headers, body):
        """POST /v2/marketplace/apps/{appId}/rotate_client_secret: starts
        ("new") or reschedules ("update") a client secret rotation."""
        st = self.server.state
        st.count("rotate")
        if self.token_with(headers, (ROTATE_SCOPE,)) is None:
            return None
        client = find_app(cfg, app_id)
        if client is None:
            return self.reply(404, {"code": 3001,
                                    "message": "App does not exist: %s." % app_id})
        doc = json_object_of(body)
        if doc is None:
            return self.reply(400, {"code": 300, "message": "Invalid JSON."})
        action = doc.get("action")
        if action not in ("new", "update"):
            return self.reply(400, {"code": 300,
                                    "message": "action must be new or update."})
        revoke_at = parse_revoke_time(doc.get("revoke_old_secret_time"))
        if revoke_at is None:
            return self.reply(400, {"code": 300, "message":
                                    "revoke_old_secret_time must be now or a "
                                    "UTC time like 2026-01-01T00:00:00Z."})
        window = float(cfg.get("rotate_window_seconds", ROTATE_WINDOW))
        cid = client.get("client_id")
        # Decide under the lock, answer after it: status, body, headers.
        with st.lock:
            now = time.time()
            rot = st.rotations.get(cid)
            pending = (rot is not None and rot["old"] is not None
                       and now < rot["revoke_at"])
            changes = [t for t in st.rotate_changes.get(app_id, [])
                       if now - t < window]
            st.rotate_changes[app_id] = changes
            if action == "update" and not pending:
                answer = (400, ERR_NO_ROTATION, None)
            elif len(changes) >= ROTATE_LIMIT:
                # Until the oldest change leaves the window.
                wait = max(1, math.ceil(changes[0] + window - now))
                answer = (429, ERR_ROTATE_LIMIT, {"Retry-After": str(wait)})
            else:
                changes.append(now)          # an accepted schedule change
                when = utc_time(revoke_at)
                out = {"revoke_old_secret_time": when}
                if action == "update":
                    rot["revoke_at"] = revoke_at
                else:
                    fresh = secrets.token_urlsafe(24)[:32]   # as create's
                    if pending:
                        old = rot["old"]     # only the pending new one goes
                    elif rot is not None:
                        old = rot["current"]
                    else:
                        old = client.get("client_secret")
                    st.rotations[cid] = {"current": fresh, "old": old,
                                         "revoke_at": revoke_at}
                    if cfg.get("rotate_answer", "secret") != "no_secret":
                        out = {"client_secret": fresh, "revoke_old_secret_time": when}
                answer = (200, out, None)
        return self.reply(answer[0], answer[1], headers=answer[2])

    def users_list(self, cfg, query, headers, body):
        rec = self.bearer(headers)
        if rec is None:
            return None
        scopes = rec["scopes"].split()
        if not any(s in scopes for s in LIST_USERS_SCOPES):
            return self.reply(400, ERR_NO_LIST_SCOPE)
        q = dict(urllib.parse.parse_qsl(query, keep_blank_values=True))
        try:
            size = min(300, max(1, int(q.get("page_size", "30"))))
        except ValueError:
            size = 30
        user = self.user_of(cfg, rec)
        entry = {k: user[k] for k in LIST_USER_FIELDS if k in user}
        return self.reply(200, {"page_count": 1, "page_number": 1,
                                "page_size": size, "total_records": 1,
                                "next_page_token": "", "users": [entry]})


_local = threading.local()


class Server(LoopbackServer):
    handler = Handler

    def process_request(self, request, client_address):
        n = self.state.count("connections")
        t = threading.Thread(target=self.process_request_thread,
                             args=(request, client_address, n), daemon=True)
        t.start()

    def process_request_thread(self, request, client_address, n=0):
        _local.conn = n
        try:
            self.finish_request(request, client_address)
        except Exception:  # pylint: disable=broad-except
            if not self.state.stop.is_set():
                self.handle_error(request, client_address)
        finally:
            self.shutdown_request(request)


def main():
    ap = argparse.ArgumentParser(description="A fake Zoom over HTTPS on 127.0.0.1.")
    ap.add_argument("--cert", required=True)
    ap.add_argument("--key", required=True)
    ap.add_argument("--config", required=True)
    ap.add_argument("--port-file", required=True)
    ap.add_argument("--log", required=True)
    ap.add_argument("--stats")
    args = parse_args(ap)   # adds --bind, which refuses all but 127.0.0.1

    ctx = tls_context("zoom-server", args.cert, args.key)
    if ctx is None:
        return 1

    try:
        state = State(args)
        state.config()   # fail early on a bad config
    except (OSError, RuntimeError) as e:
        print("zoom-server: %s" % e, file=sys.stderr)
        return 1
    server = Server(state, ctx)
    state.port = server.server_address[1]
    state.write_stats()
    serve(server, state, args.port_file)   # does not return


if __name__ == "__main__":
    sys.exit(main())
