#!/bin/sh
# verify.sh - zoomwiz verify through the real binary against a loopback
# HTTPS server playing Zoom (tests/zoom-server.py), one case per diagnosis.
# Copyright (C) 2026 the zoomwiz authors. SPDX-License-Identifier: GPL-3.0-or-later
. "${top_srcdir:-$(dirname "$0")/..}/tests/tap.sh"
for tool in python3 openssl; do
  command -v $tool >/dev/null 2>&1 || { echo "1..0 # SKIP $tool not installed"; exit 0; }
done
. "$top_srcdir/tests/zoom-server.sh"


SECRET=s2s-secret-XYZZY-0000000000000001
OAUTH_SECRET=oauth-secret-XYZZY-000000000002
zoom_server_certs "$tap_tmp/certs" || exit 99

# config [FAULTS_JSON [API_URL_JSON [SCOPES [MORE]]]]: the server's clients and
# faults; MORE, more keys of its config ("key": value, ...).
config () {
  api=${2:-'"https://127.0.0.1:{port}"'} scopes=${3:-user:read:user:admin meeting:read:meeting:admin}
  cat > "$tap_tmp/config.json" <<EOF2
{ "clients": [
    {"client_id": "S2sClientId0000000000", "client_secret": "$SECRET", "kind": "s2s",
     "account_id": "AcCoUnTiD0000000000000", "activated": true,
     "scopes": "$scopes"},
    {"client_id": "NotActivated000000000", "client_secret": "$SECRET", "kind": "s2s",
     "account_id": "AcCoUnTiD0000000000000", "activated": false, "scopes": "user:read:user:admin"},
    {"client_id": "OauthClientId00000000", "client_secret": "$OAUTH_SECRET", "kind": "oauth",
     "scopes": "user:read:user", "redirect_uris": ["https://app.example.com/cb", "http://127.0.0.1/zoomwiz/callback"]} ],
  "api_url": $api,
  "faults": ${1:-[]}${4:+, $4} }
EOF2
}

# answers NAME [KEY=VALUE...]: an S2S answers file with changes; prints its path.
s2s () {
  name=$1; shift
  {
    echo "[zoomwiz]"
    printf '%s\n' "app_type=s2s" "account_id=AcCoUnTiD0000000000000" \
      "client_id=S2sClientId0000000000" "client_secret=$SECRET" \
      "scopes=user:read:user:admin meeting:read:meeting:admin" |
      while IFS= read -r line; do
        # A change replaces the line of its key.
        for kv; do [ "${kv%%=*}" = "${line%%=*}" ] && continue 2; done
        echo "$line"
      done
    for kv; do echo "$kv"; done
  } | answers "$name.ini" 600
}

# verify FILE [ARGS...]: zoomwiz verify --json against the test server.
verify () {
  f=$1; shift
  log_before=$(cat "$ZS_LOG" 2>/dev/null | wc -l)
  started=$(date +%s)
  run verify --answers "$f" --zoom-url "$ZS_URL" --api-url "$ZS_URL" --ca-file "$ZS_CA" --json "$@"
  elapsed=$(( $(date +%s) - started ))
}

top () { python3 -c 'import json,sys; print(json.dumps(json.load(open(sys.argv[1]))[sys.argv[2]]))' "$tap_tmp/out" "$1" 2>/dev/null; }
# requests PATH: how many requests for PATH the last verify made.
requests () { tail -n +$((log_before + 1)) "$ZS_LOG" | grep -c "\"path\": *\"$1\""; }
: > /dev/null

config
zoom_server_start "$tap_tmp/config.json" || exit 99

# -- a good Server-to-Server app
verify "$(s2s good)"
is "a good S2S app exits 0" "$rc" 0
is "credentials pass" "$(field credentials status)" pass
is "user passes and names the user" "$(field user status)" pass
ok "the user check shows the e-mail" contains "$(field user message)" "admin@example.com"
is "scopes pass" "$(field scopes status)" pass
is "ok is true" "$(top ok)" true
ok "granted_scopes lists the token's scopes" contains "$(top granted_scopes)" '"meeting:read:meeting:admin"'
schema_ok "verify --json"
ok "no secret's value in it" lacks "$out" XYZZY
is "token and API share a host: one TCP connection" "$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["connections"])' "$ZS_STATS")" 1
is "and one TLS handshake" "$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["handshakes"])' "$ZS_STATS")" 1
is "and asks users/me only, not /v2/users" "$(requests /v2/users)" 0
ok "the token request is a form body, not a query string" \
  python3 -c 'import json,sys
l = [json.loads(x) for x in open(sys.argv[1]) if "/oauth/token" in x][0]
sys.exit(not (l["query"] == "" and "grant_type=account_credentials" in l["body"]
  and l["headers"]["content-type"].startswith("application/x-www-form-urlencoded")
  and l["headers"]["authorization"].startswith("Basic ")))' "$ZS_LOG"

# -- each failure of the token request
verify "$(s2s wrong-secret client_secret=wrong-secret-000000000000000000)"
is "a wrong secret exits 1" "$rc" 1
ok "and says the client ID or secret is wrong" contains "$(field credentials message)" "client ID or the client secret"
ok "with the Development/Production hint" contains "$(field credentials fix)" "Development and Production"

verify "$(s2s wrong-account account_id=WrOnGaCcOuNt0000000000)"
is "a wrong account ID exits 1" "$rc" 1
ok "and says account ID or activation" contains "$(field credentials message)" "account ID, or the app is not activated"

verify "$(s2s inactive client_id=NotActivated000000000)"
ok "an app not activated gets the activation diagnosis" contains "$(field credentials fix)" "Activation page"

verify "$(s2s general-creds client_id=OauthClientId00000000 "client_secret=$OAUTH_SECRET")"
ok "General-app credentials are said not to be Server-to-Server ones" \
  contains "$(field credentials message)" "not Server-to-Server credentials"
is "the later checks are skipped" "$(field user status)" skip

# -- scopes
config '[]' '"https://127.0.0.1:{port}"' "user:read:user:admin"
verify "$(s2s missing-scope)"
is "a missing scope exits 1" "$rc" 1
is "the scopes check fails" "$(field scopes status)" fail
is "missing_scopes names it" "$(top missing_scopes)" '["meeting:read:meeting:admin"]'
ok "the fix says where to add it" contains "$(field scopes fix)" "Scopes page"
ok "and, for a Server-to-Server app, to wait a minute and verify again" \
  contains "$(field scopes fix)" "wait a minute and verify again"

# Mattermost's guide names two scopes Zoom's API catalog does not know:
# skipped with a word, not failed.
config
verify "$(s2s catalog-unknown "scopes=user:read:user:admin meeting:read:meeting:admin cloud_recording:read:recording archiving:read:list_archived_files")"
is "required scopes unknown to Zoom's catalog fail nothing (exit 0)" "$rc" 0
is "the scopes the catalog knows pass" "$(field scopes status)" pass
is "an unknown one is skipped" "$(field scopes:cloud_recording:read:recording status)" skip
ok "with a word why" contains "$(field scopes:cloud_recording:read:recording message)" "not in Zoom's API scope catalog"
is "and the other too" "$(field scopes:archiving:read:list_archived_files status)" skip
is "missing_scopes leaves them out" "$(top missing_scopes)" '[]'
config '[]' '"https://127.0.0.1:{port}"' "user:read:user:admin"
verify "$(s2s catalog-unknown-and-missing "scopes=user:read:user:admin meeting:read:meeting:admin cloud_recording:read:recording")"
is "a known scope missing beside them still fails" "$rc:$(field scopes status):$(top missing_scopes)" '1:fail:["meeting:read:meeting:admin"]'

config '[]' '"https://127.0.0.1:{port}"' "meeting:read:meeting:admin"
verify "$(s2s no-user-scope scopes=meeting:read:meeting:admin)"
is "users/me without a user scope is no credentials failure" "$(field credentials status)" pass
is "the user check is skipped with Zoom's words" "$(field user status)" skip
is "and verify passes (exit 0)" "$rc" 0

config '[{"path": "/v2/users/me", "kind": "respond", "status": 401, "body": {"code": 124, "message": "Invalid access token."}}]'
verify "$(s2s token-invalid)"
ok "a 401 code 124 on users/me says the token was refused" contains "$(field user message)" "code 124"
is "and exits 1" "$rc" 1
is "without asking /v2/users: no call takes a refused token" "$(requests /v2/users)" 0

# users/me refusing a Server-to-Server token for another reason than a
# scope: /v2/users?page_size=1 is asked before anything fails.
me_refused='"s2s_users_me": {"status": 404, "body": {"code": 1001, "message": "User does not exist: me."}}'
config '[]' '"https://127.0.0.1:{port}"' "user:read:user:admin meeting:read:meeting:admin user:read:list_users:admin" "$me_refused"
verify "$(s2s me-refused)"
is "users/me refusing the S2S token, /v2/users answering: exit 0" "$rc" 0
is "the user check passes" "$(field user status)" pass
ok "naming the account's first user" contains "$(field user message)" "admin@example.com"
ok "and what users/me said" contains "$(field user message)" "code 1001"
is "/v2/users was asked once" "$(requests /v2/users)" 1
ok "with page_size=1" sh -c 'tail -n +$(($2 + 1)) "$1" | grep "\"/v2/users\"" | grep -q "\"query\": *\"page_size=1\""' - "$ZS_LOG" "$log_before"
config '[]' '"https://127.0.0.1:{port}"' "user:read:user:admin meeting:read:meeting:admin" "$me_refused"
verify "$(s2s me-refused-no-list-scope)"
is "and without the scope /v2/users needs: skipped, no failure (exit 0)" "$rc:$(field user status)" 0:skip
ok "naming that scope" contains "$(field user message)" "user:read:list_users:admin"
config '[{"path": "/v2/users", "kind": "respond", "status": 403, "body": {"code": 200, "message": "No permission."}}]' \
  '"https://127.0.0.1:{port}"' "user:read:user:admin meeting:read:meeting:admin user:read:list_users:admin" "$me_refused"
verify "$(s2s me-and-list-refused)"
is "both refusing it: the user check fails (exit 1)" "$rc:$(field user status)" 1:fail
ok "with users/me's answer" contains "$(field user message)" "HTTP 404 (code 1001"

# -- rate limits and Zoom's own trouble
config '[{"path": "/oauth/token", "kind": "respond", "times": 1, "status": 429, "headers": {"Retry-After": "1", "X-RateLimit-Type": "QPS"}, "body": {"code": 429, "message": "You have reached the maximum per-second rate limit for this API. Try again later."}}]'
verify "$(s2s rate-once)"
is "a 429 with Retry-After: 1 is waited out and passes" "$rc" 0
is "with exactly one more token request" "$(requests /oauth/token)" 2

config '[{"path": "/oauth/token", "kind": "respond", "status": 429, "headers": {"Retry-After": "3600", "X-RateLimit-Type": "Daily-limit"}, "body": {"code": 429, "message": "You have exceeded the daily rate limit."}}]'
verify "$(s2s rate-daily)"
is "a Retry-After beyond the bound stops at once (exit 1)" "$rc" 1
ok "and says rate limited" contains "$(field credentials message)" "rate-limiting"
is "after one request, no retry" "$(requests /oauth/token)" 1

# Header values with escape sequences (a title, BEL, clear-screen, an OSC 52
# clipboard write) never reach the terminal.
config '[{"path": "/oauth/token", "kind": "respond", "status": 429, "headers": {"Retry-After": "\u001b]0;pwned\u0007", "X-RateLimit-Type": "\u001b[2J\u001b]52;c;cHduZWQ=\u0007"}, "body": {"code": 429, "message": "slow"}}]'
run verify --answers "$(s2s rate-escapes)" --zoom-url "$ZS_URL" --api-url "$ZS_URL" --ca-file "$ZS_CA"
ok "a 429 whose headers hold escape sequences: still said as rate limited" contains "$out" "rate-limiting"
ok "and no control byte reaches the output" \
  sh -c '! printf "%s%s" "$1" "$2" | tr -d "\t\n" | LC_ALL=C grep -q "[[:cntrl:]]"' - "$out" "$err"

# A redirect to a URL with no host (found by fuzz-zoom: GLib refused to
# write it back as a URL, with a critical): refused, said, nothing else.
config '[{"path": "/oauth/token", "kind": "respond", "status": 302, "headers": {"Location": "https:/.//x"}, "text": ""}]'
verify "$(s2s redirect-no-host)"
ok "a redirect to 'https:/.//x' is refused, naming it" \
  contains "$(field credentials message)" "redirected to another host (https:/.//x)"
ok "with no GLib critical or warning" lacks "$err" "CRITICAL"

# A header over libcurl's 100 kB: said as too large, not "out of memory".
big=$(head -c 120000 /dev/zero | tr '\0' x)
config "[{\"path\": \"/oauth/token\", \"status\": 200, \"headers\": {\"X-Big\": \"$big\"}, \"body\": {}}]"
verify "$(s2s big-header)"
ok "a 120 kB header: exit 1, said as too large ($(field credentials message))" \
  sh -c '[ "$1" = 1 ] && printf "%s" "$2" | grep -q "too large" && ! printf "%s" "$2" | grep -qi "memory"' - "$rc" "$(field credentials message)"

# Two 429s, the second with a 19-digit Retry-After: the sum of the waits
# must not overflow into a wait without end.
config '[{"path": "/oauth/token", "kind": "respond", "times": 1, "status": 429, "headers": {"Retry-After": "1"}, "body": {"code": 429, "message": "slow down"}},
         {"path": "/oauth/token", "kind": "respond", "times": 1, "status": 429, "headers": {"Retry-After": "9223372036854775807"}, "body": {"code": 429, "message": "slow down"}}]'
started=$(date +%s)
timeout 30 "$ZOOMWIZ" verify --answers "$(s2s rate-huge)" --zoom-url "$ZS_URL" --api-url "$ZS_URL" --ca-file "$ZS_CA" --json --timeout 5 >"$tap_tmp/out" 2>"$tap_tmp/err" </dev/null
rc=$? elapsed=$(( $(date +%s) - started ))
keep_output "$tap_tmp/out" "$tap_tmp/err"
is "a second Retry-After of 2^63-1 seconds stops at once (exit 1)" "$rc" 1
ok "within the first wait and a second (${elapsed}s)" [ "$elapsed" -le 3 ]
config '[{"path": "/oauth/token", "kind": "respond", "times": 1, "status": 429, "headers": {"Retry-After": "1"}, "body": {"code": 429, "message": "slow down"}},
         {"path": "/oauth/token", "kind": "respond", "times": 1, "status": 429, "headers": {"Retry-After": "99999999999999999999999"}, "body": {"code": 429, "message": "slow down"}}]'
timeout 30 "$ZOOMWIZ" verify --answers "$(s2s rate-huger)" --zoom-url "$ZS_URL" --api-url "$ZS_URL" --ca-file "$ZS_CA" --json --timeout 5 >"$tap_tmp/out" 2>"$tap_tmp/err" </dev/null
rc=$?; keep_output "$tap_tmp/out" "$tap_tmp/err"
is "and one past any 64-bit number too" "$rc" 1

config '[{"path": "/oauth/token", "kind": "respond", "times": 1, "status": 503, "text": "busy"}]'
verify "$(s2s 5xx-once)"
is "one 503 is retried once and passes" "$rc" 0
config '[{"path": "/oauth/token", "kind": "respond", "status": 500, "text": "down"}]'
verify "$(s2s 5xx-always)"
is "a lasting 500 exits 3 after one retry" "$rc:$(requests /oauth/token)" 3:2

# -- answers that are not Zoom's
config '[{"path": "/oauth/token", "kind": "respond", "status": 200, "text": "<html>login</html>", "content_type": "text/html"}]'
verify "$(s2s html)"
ok "a non-JSON answer is refused and described" contains "$(field credentials message)" "not JSON (text/html)"
config '[{"path": "/oauth/token", "kind": "huge"}]'
verify "$(s2s huge)"
ok "an answer over 1 MiB is refused" contains "$(field credentials message)" "over 1 MiB"
config '[{"path": "/oauth/token", "kind": "respond", "status": 302, "headers": {"Location": "https://elsewhere.example.test/oauth/token"}, "text": ""}]'
verify "$(s2s redirect)"
ok "a redirect to another host is refused" contains "$(field credentials message)" "redirected to another host"
config '[{"path": "/oauth/token", "kind": "respond", "status": 400, "body": {"reason": "\u001b[2JEvil\u0007", "error": "weird_error"}}]'
verify "$(s2s control-chars)"
ok "an unknown error is shown, stripped of control characters" \
  sh -c '! grep -q "$(printf "\033")" "$1" && grep -q "weird_error" "$1"' - "$tap_tmp/out"

# -- the api_url of the token answer
config '[]' '"https://api.elsewhere.example.test"'
verify "$(s2s api-other-host)"
is "an api_url on another host is not followed (verify passes here)" "$rc" 0
config '[]' '"http://127.0.0.1:{port}"'
verify "$(s2s api-http)"
is "an http api_url is not followed" "$rc" 0
config '[]' '"https://127.0.0.1:{port}/v2"'
verify "$(s2s api-same-host)"
is "an https api_url on the configured host is followed" "$rc" 0

# -- OAuth apps: the credential probe
config
general () {
  printf '[zoomwiz]\napp_type=general\nmanagement=user\nredirect_url=https://app.example.com/cb\nclient_id=OauthClientId00000000\nclient_secret=%s\nscopes=user:read:user\n' "$1" | answers "general.ini" 600
}
verify "$(general "$OAUTH_SECRET")"
is "a General app's probe passes (exit 0)" "$rc" 0
ok "and says only that Zoom accepted the ID and secret" contains "$(field credentials message)" "accepted the client ID and secret"
verify "$(general wrong-secret-00000000000000000)"
is "a General app with a wrong secret exits 1" "$rc" 1

# -- secrets
run verify --answers "$(s2s verbose)" --zoom-url "$ZS_URL" --api-url "$ZS_URL" --ca-file "$ZS_CA" --verbose
ok "--verbose shows the requests" contains "$err" "> POST $ZS_URL/oauth/token"
ok "--verbose shows no secret" lacks "$out$err" "XYZZY"
ok "--verbose shows no Authorization header" lacks "$out$err" "uthorization"
ok "the server did get the secret (Basic auth)" grep -q '"authorization": "Basic ' "$ZS_LOG"
if command -v strace >/dev/null 2>&1; then
  strace -f -e trace=execve -o "$tap_tmp/strace" "$ZOOMWIZ" verify --answers "$tap_tmp/verbose.ini" \
    --zoom-url "$ZS_URL" --api-url "$ZS_URL" --ca-file "$ZS_CA" >/dev/null 2>&1 </dev/null
  ok "no execve carries a secret" sh -c 'grep -q execve "$1" && ! grep -q XYZZY "$1"' - "$tap_tmp/strace"
else
  echo "ok $((tap_n = tap_n + 1)) # SKIP strace not installed"
fi
sed '/^client_secret=/d' "$tap_tmp/verbose.ini" > "$tap_tmp/nosecret.ini"
run verify --answers "$tap_tmp/nosecret.ini" --zoom-url "$ZS_URL"
ok "no secret and no terminal: exit 2, saying how to give it" sh -c '[ "$1" = 2 ] && printf "%s" "$2" | grep -q client_secret_file' - "$rc" "$err"

# -- the authorization-code flow: the test plays the browser
# authorize [ARGS...]: starts verify --authorize in the background; sets $zw
# and $auth_url once zoomwiz has printed the address to open.
authorize () {
  # Not truncated by the child in time, an old file would show an old URL.
  rm -f "$tap_tmp/out" "$tap_tmp/err"
  "$ZOOMWIZ" verify --answers "$tap_tmp/general.ini" --zoom-url "$ZS_URL" --api-url "$ZS_URL" \
    --ca-file "$ZS_CA" --json --authorize "$@" >"$tap_tmp/out" 2>"$tap_tmp/err" <"$auth_in" &
  zw=$!
  [ -n "$auth_feed" ] && exec 3>"$auth_in"
  i=0
  until grep -q '^  https://' "$tap_tmp/err" || [ $i -ge 100 ]; do sleep 0.1; i=$((i + 1)); done
  auth_url=$(sed -n 's/^  \(https:.*\)/\1/p' "$tap_tmp/err")
}
browser () { curl -s --noproxy '*' --max-time 10 --cacert "$ZS_CA" -o /dev/null -w '%{redirect_url}' "$1"; }
general "$OAUTH_SECRET" >/dev/null
auth_in=/dev/null auth_feed=
log_before=$(wc -l < "$ZS_LOG")
authorize
location=$(browser "$auth_url")
ok "the authorize URL asks for S256 PKCE, with a state and no scope" \
  sh -c 'printf "%s" "$1" | grep -q "code_challenge_method=S256" && printf "%s" "$1" | grep -q "state=." && ! printf "%s" "$1" | grep -q "scope="' - "$auth_url"
ok "Zoom sends the browser to zoomwiz's loopback listener" \
  sh -c 'printf "%s" "$1" | grep -Eq "^http://127\.0\.0\.1:[0-9]+/zoomwiz/callback\?code=.+&state="' - "$location"
page=$(curl -s --noproxy '*' --max-time 10 "$location")
ok "the listener answers the browser" contains "$page" "received the authorization"
wait $zw; rc=$?; keep_output "$tap_tmp/out" "$tap_tmp/err"
out=$(cat "$tap_tmp/out")
is "the full flow passes (exit 0)" "$rc" 0; [ "$rc" = 0 ] || sed "s/^/# /" "$tap_tmp/err"
is "credentials pass after the code exchange" "$(field credentials status)" pass
is "users/me answers for the user" "$(field user status)" pass
is "the scopes are compared" "$(field scopes status)" pass
is "the test token is revoked" "$(field revoke status)" pass
ok "the code exchange sent the PKCE verifier and the loopback redirect_uri" \
  sh -c 'tail -n +$(($2 + 1)) "$1" | grep "\"/oauth/token\"" | grep -q "code_verifier=.*" && tail -n +$(($2 + 1)) "$1" | grep "\"/oauth/token\"" | grep -q "redirect_uri=http%3A%2F%2F127.0.0.1"' - "$ZS_LOG" "$log_before"
ok "the server saw the revoke" sh -c 'tail -n +$(($2 + 1)) "$1" | grep -q "\"/oauth/revoke\""' - "$ZS_LOG" "$log_before"
ok "the instructions name the allow-list entry" contains "$(cat "$tap_tmp/err")" "http://127.0.0.1/zoomwiz/callback"

authorize
location=$(browser "$auth_url" | sed 's/state=[^&]*/state=forged/')
case $location in http://127.0.0.1:*state=forged*) ;; *) kill $zw ;; esac
curl -s --noproxy '*' --max-time 10 "$location" >/dev/null
wait $zw; rc=$?; keep_output "$tap_tmp/out" "$tap_tmp/err"
ok "a redirect with another state is refused (exit 1)" \
  sh -c '[ "$1" = 1 ] && grep -q "state" "$2"' - "$rc" "$tap_tmp/out"

mkfifo "$tap_tmp/fifo"
auth_in=$tap_tmp/fifo auth_feed=1
authorize --paste
location=$(browser "$auth_url")
ok "with --paste Zoom sends the browser to the app's redirect URL" \
  sh -c 'printf "%s" "$1" | grep -q "^https://app.example.com/cb?code="' - "$location"
echo "$location" >&3
exec 3>&-
wait $zw; rc=$?; keep_output "$tap_tmp/out" "$tap_tmp/err"
ok "the pasted landing URL completes the flow (exit 0)" \
  sh -c '[ "$1" = 0 ] && [ "$2" = pass ]' - "$rc" "$(field revoke status)"
auth_in=/dev/null auth_feed=

# -- transport failures
# A name that does not resolve, asked inside a network namespace of its own
# (only a loopback that is down): no query can leave the machine.
if unshare -n true 2>/dev/null; then
  unshare -n "$ZOOMWIZ" verify --answers "$(s2s dns)" --zoom-url https://zoom.invalid \
    --api-url https://api.zoom.invalid --timeout 3 --json >"$tap_tmp/out" 2>"$tap_tmp/err" </dev/null
  rc=$?
  keep_output "$tap_tmp/out" "$tap_tmp/err"
  ok "a name that does not resolve exits 3 and says so" \
    sh -c '[ "$1" = 3 ] && printf "%s" "$2" | grep -q "zoom.invalid does not resolve"' - "$rc" "$(field credentials message)"
else
  echo "ok $((tap_n = tap_n + 1)) # SKIP no private network namespace (unshare -n) here"
fi
zoom_server_stop
verify "$(s2s refused)"
ok "connection refused exits 3 and says so" sh -c '[ "$1" = 3 ] && printf "%s" "$2" | grep -q "connection refused"' - "$rc" "$(field credentials message)"

zoom_server_start "$tap_tmp/config.json" || exit 99
run verify --answers "$(s2s untrusted)" --zoom-url "$ZS_URL" --api-url "$ZS_URL" --ca-file "$tap_tmp/certs/other-ca.pem" --json
is "an untrusted certificate exits 3" "$rc" 3
ok "and says the certificate is not trusted" contains "$(field credentials message)" "is not trusted"

# No CA bundle on the machine (no ca-certificates package): an empty tmpfs
# over /etc/ssl/certs, in a mount namespace of the test's own.
if unshare -m mount -t tmpfs none /etc/ssl/certs 2>/dev/null; then
  unshare -m sh -c 'mount -t tmpfs none /etc/ssl/certs && exec "$@"' - \
    "$ZOOMWIZ" verify --answers "$(s2s no-bundle)" --zoom-url "$ZS_URL" --api-url "$ZS_URL" \
    --json >"$tap_tmp/out" 2>"$tap_tmp/err" </dev/null
  rc=$?
  keep_output "$tap_tmp/out" "$tap_tmp/err"
  msg=$(field credentials message) fix=$(field credentials fix)
  is "no CA bundle on the machine: exit 3" "$rc" 3
  ok "the message names the missing bundle ($msg)" \
    sh -c 'printf "%s" "$1" | grep -Eq "CA bundle /[^ ]+ is missing"' - "$msg"
  ok "the fix: install ca-certificates, or --ca-file" \
    sh -c 'printf "%s" "$1" | grep -q "install ca-certificates" && printf "%s" "$1" | grep -q -- "--ca-file"' - "$fix"
  ok "and nothing blames the URL" lacks "$msg $fix" "URL"
else
  for _ in 1 2 3 4; do echo "ok $((tap_n = tap_n + 1)) # SKIP no tmpfs over /etc/ssl/certs in unshare -m here"; done
fi
run verify --answers "$(s2s no-ca-file)" --zoom-url "$ZS_URL" --api-url "$ZS_URL" --ca-file "$tap_tmp/no-such-ca.pem" --json
ok "a --ca-file that is not there is bad usage (exit 2), named" sh -c '[ "$1" = 2 ] && printf "%s" "$2" | grep -qF "$3"' - "$rc" "$err" "$tap_tmp/no-such-ca.pem"
echo "not a certificate" > "$tap_tmp/junk-ca.pem"
run verify --answers "$(s2s junk-ca-file)" --zoom-url "$ZS_URL" --api-url "$ZS_URL" --ca-file "$tap_tmp/junk-ca.pem" --json
is "a --ca-file with no certificate in it: exit 3" "$rc" 3
ok "the message names that file, the fix says PEM" sh -c 'printf "%s" "$1" | grep -qF "The CA file $3 cannot be read" && printf "%s" "$2" | grep -q PEM' - "$(field credentials message)" "$(field credentials fix)" "$tap_tmp/junk-ca.pem"
zoom_server_stop

zoom_server_start "$tap_tmp/config.json" expired || exit 99
verify "$(s2s expired)"
ok "an expired certificate exits 3, said as such, with the clock to check" \
  sh -c '[ "$1" = 3 ] && printf "%s" "$2" | grep -q "outside its dates of validity" && printf "%s" "$3" | grep -q "clock"' - "$rc" "$(field credentials message)" "$(field credentials fix)"
zoom_server_stop

zoom_server_start "$tap_tmp/config.json" wrong-name || exit 99
verify "$(s2s wrong-name)"
ok "a certificate for another name exits 3 and says so" sh -c '[ "$1" = 3 ] && printf "%s" "$2" | grep -q "another host name"' - "$rc" "$(field credentials message)"
zoom_server_stop

# An answer with no body at all (a proxy, a captive portal): a diagnosis,
# never a crash.
for case in "/oauth/token 400" "/oauth/token 200" "/v2/users/me 400" "/v2/users/me 200"; do
  set -- $case
  config "[{\"path\": \"$1\", \"status\": $2}]"
  zoom_server_start "$tap_tmp/config.json" || exit 99
  verify "$(s2s empty)"
  ok "an empty HTTP $2 from $1: exit 1 or 3, not a crash (exit $rc)" sh -c '[ "$1" = 1 ] || [ "$1" = 3 ]' - "$rc"
  ok "and the check says the answer was empty" sh -c 'python3 -c "import json,sys; d=json.load(open(sys.argv[1])); sys.exit(0 if any(\"empty\" in c[\"message\"] and c[\"status\"] == \"fail\" for c in d[\"checks\"]) else 1)" "$1"' - "$tap_tmp/out"
  zoom_server_stop
done

# A crash while zoomwiz holds the secrets writes no core (and its memory
# is closed to ptrace): killed with SIGABRT (a crash's signal that the
# sanitizers leave alone) while it waits for a hung Zoom,
# with core dumps allowed. A shell killed alike shows that cores are
# written here at all.
config '[{"path": "/oauth/token", "kind": "hang"}]'
zoom_server_start "$tap_tmp/config.json" || exit 99
mkdir -p "$tap_tmp/cores"
(
  cd "$tap_tmp/cores" && ulimit -c unlimited 2>/dev/null || exit 0
  sh -c 'kill -ABRT $$' 2>/dev/null
  [ -n "$(ls)" ] && touch ../cores-work
  rm -f core*
  "$ZOOMWIZ" verify --answers "$(s2s crash)" --zoom-url "$ZS_URL" --api-url "$ZS_URL" \
    --ca-file "$ZS_CA" --timeout 20 >/dev/null 2>&1 </dev/null &
  pid=$!
  sleep 1
  grep '^Max core file size' "/proc/$pid/limits" | awk '{ print $5 }' > ../core-limit
  kill -ABRT "$pid"
  wait "$pid"
  echo $? > ../crash-status
)
is "zoomwiz sets its core size limit to 0" "$(cat "$tap_tmp/core-limit")" 0
is "killed with SIGABRT, it dies of it" "$(cat "$tap_tmp/crash-status")" 134
if [ -f "$tap_tmp/cores-work" ]; then
  is "and leaves no core file, where a shell's crash leaves one" "$(ls "$tap_tmp/cores")" ""
else
  echo "ok $((tap_n = tap_n + 1)) # SKIP core dumps are not written to the working folder here"
fi
zoom_server_stop

config '[{"path": "/oauth/token", "kind": "hang"}]'
zoom_server_start "$tap_tmp/config.json" || exit 99
verify "$(s2s hang)" --timeout 2
ok "a server that never answers is a timeout (exit 3)" sh -c '[ "$1" = 3 ] && printf "%s" "$2" | grep -q "did not answer within 2 seconds"' - "$rc" "$(field credentials message)"
ok "reported within --timeout plus one second (${elapsed}s)" [ "$elapsed" -le 3 ]
zoom_server_stop
done_testing
