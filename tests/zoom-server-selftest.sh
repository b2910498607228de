#!/bin/sh
# zoom-server-selftest.sh - the fake Zoom server (tests/zoom-server.py) and
# its certificates, checked with curl: token, authorize and users/me bodies,
# faults, TLS failures, the request log and the connection stats.
# Checks are eval'd later, and zc sets variables for them:
# shellcheck disable=SC2016,SC2034
# Copyright (C) 2026 the zoomwiz authors. SPDX-License-Identifier: GPL-3.0-or-later
. "${top_srcdir:-$(dirname "$0")/..}/tests/tap.sh"

for zs_tool in python3 openssl curl; do
  if ! command -v "$zs_tool" >/dev/null 2>&1; then
    echo "1..0 # SKIP $zs_tool not found"
    exit 0
  fi
done

. "$top_srcdir/tests/zoom-server.sh"
plan 89

bail () { echo "Bail out! $*"; exit 1; }

cfg=$tap_tmp/zoom.json
# config: writes standard input to $cfg atomically.
config () { cat >"$cfg.tmp" && mv "$cfg.tmp" "$cfg"; }

sent=0
# zc ARGS...: one curl call to the fake server. Sets $code (HTTP status),
# $crc (curl's exit status), $body, $cerr (curl's stderr); headers in $hdr.
hdr=$tap_tmp/headers
zc () {
  rm -f "$tap_tmp/body" "$hdr"
  code=$(curl -sS --noproxy '*' --max-time 10 --cacert "$ZS_CA" \
    -o "$tap_tmp/body" -D "$hdr" -w '%{http_code}' "$@" 2>"$tap_tmp/curl.err")
  crc=$?
  sent=$((sent + 1))
  body=$(cat "$tap_tmp/body" 2>/dev/null)
  cerr=$(cat "$tap_tmp/curl.err")
}
# hget NAME: the value of response header NAME (last one), without CR.
hget () { grep -i "^$1:" "$hdr" 2>/dev/null | tail -n 1 | tr -d '\r' | sed 's/^[^:]*: *//'; }
# js EXPR [FILE]: a Python expression over d, the JSON in FILE (the body).
js () {
  python3 -c 'import json, sys
try:
    d = json.load(open(sys.argv[1]))
except Exception as e:
    print("(not JSON: %s)" % e)
    sys.exit(0)
print(eval(sys.argv[2]))' "${2:-$tap_tmp/body}" "$1"
}
# jsl FILE EXPR: a Python expression over lines, the JSON lines of FILE.
jsl () {
  python3 -c 'import json, sys
lines = [json.loads(l) for l in open(sys.argv[1])]
print(eval(sys.argv[2]))' "$1" "$2"
}
stats () { js '"%(connections)d %(handshakes)d %(requests)d" % d' "$ZS_STATS"; }

S2S=S2sClientId0000000000 S2S_SECRET=s2s-secret-00000000000000000000000
S2S_ACCOUNT=AcCoUnT1111111111111111
NOSCOPE=S2sNoUserScope0000000 INACTIVE=S2sInactive0000000000
OAUTH=OauthClientId00000000 OAUTH_SECRET=oauth-secret-000000000000000000000
CB=https://app.example.com/cb
# RFC 7636 appendix B: this verifier hashes to this S256 challenge.
VERIFIER=dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk
CHALLENGE=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM

clients='"clients": [
  {"client_id": "S2sClientId0000000000", "client_secret": "s2s-secret-00000000000000000000000",
   "kind": "s2s", "account_id": "AcCoUnT1111111111111111", "activated": true,
   "scopes": "user:read:user:admin meeting:read:meeting:admin"},
  {"client_id": "S2sNoUserScope0000000", "client_secret": "s2s-secret-2",
   "kind": "s2s", "account_id": "AcCoUnT2222222222222222",
   "scopes": "meeting:read:meeting:admin"},
  {"client_id": "S2sListUsers000000000", "client_secret": "s2s-secret-4",
   "kind": "s2s", "account_id": "AcCoUnT4444444444444444",
   "scopes": "user:read:list_users:admin"},
  {"client_id": "S2sInactive0000000000", "client_secret": "s2s-secret-3",
   "kind": "s2s", "account_id": "AcCoUnT3333333333333333", "activated": false,
   "scopes": "user:read:user:admin"},
  {"client_id": "OauthClientId00000000", "client_secret": "oauth-secret-000000000000000000000",
   "kind": "oauth", "scopes": "user:read:user meeting:read:meeting",
   "redirect_uris": ["https://app.example.com/cb", "http://127.0.0.1/callback"]},
  {"client_id": "S2sMarketplace0000000", "client_secret": "s2s-secret-5",
   "kind": "s2s", "account_id": "AcCoUnT5555555555555555",
   "scopes": "marketplace:update:client_secret marketplace:write:app:master"},
  {"client_id": "S2sRotateA0000000000", "client_secret": "rotate-secret-a",
   "kind": "s2s", "account_id": "AcCoUnT6666666666666666", "app_id": "AppRotateA",
   "scopes": "user:read:user:admin"},
  {"client_id": "S2sRotateB0000000000", "client_secret": "rotate-secret-b",
   "kind": "s2s", "account_id": "AcCoUnT6666666666666666", "app_id": "AppRotateB",
   "scopes": "user:read:user:admin"},
  {"client_id": "S2sRotateC0000000000", "client_secret": "rotate-secret-c",
   "kind": "s2s", "account_id": "AcCoUnT6666666666666666", "app_id": "AppRotateC",
   "scopes": "user:read:user:admin"}
]'
config <<EOF
{ $clients, "user": {"first_name": "Ada"} }
EOF

# --- certificates and start-up ---
zoom_server_certs "$tap_tmp/certs" || bail "make-test-ca.sh failed"
ok "make-test-ca.sh: the CA is a CA, the server certificate names 127.0.0.1" \
  sh -c 'openssl x509 -in "$1/ca.pem" -noout -text | grep -q "CA:TRUE" &&
         openssl x509 -in "$1/server.pem" -noout -text | grep -q "IP Address:127.0.0.1" &&
         openssl verify -CAfile "$1/ca.pem" "$1/server.pem" "$1/wrong-name.pem" >/dev/null &&
         ! openssl verify -CAfile "$1/other-ca.pem" "$1/server.pem" >/dev/null 2>&1' \
  sh "$tap_tmp/certs"

python3 "$top_srcdir/tests/zoom-server.py" --bind 0.0.0.0 \
  --cert "$ZS_CERTDIR/server.pem" --key "$ZS_CERTDIR/server.key" \
  --config "$cfg" --port-file "$tap_tmp/bad.port" --log "$tap_tmp/bad.log" \
  </dev/null >/dev/null 2>"$tap_tmp/bad.err" &
bad_pid=$!
bad_i=0   # up to 5 s for it to give up or (wrongly) to listen
while [ ! -s "$tap_tmp/bad.err" ] && [ ! -e "$tap_tmp/bad.port" ] && [ "$bad_i" -lt 50 ]; do
  zs_nap; bad_i=$((bad_i + 1))
done
zs_nap
kill "$bad_pid" 2>/dev/null
wait "$bad_pid"
bad_rc=$?
ok "the server refuses a bind address other than 127.0.0.1" \
  eval '[ "$bad_rc" -ne 0 ] && [ ! -e "$tap_tmp/bad.port" ] && grep -q "refusing to bind 0.0.0.0" "$tap_tmp/bad.err"'

zoom_server_start "$cfg" || bail "the fake Zoom server did not start"
ok "the server started and wrote its port" \
  eval 'kill -0 "$ZS_PID" && [ "$ZS_URL" = "https://127.0.0.1:$ZS_PORT" ] && [ "$ZS_PORT" -gt 0 ]'

# --- POST /oauth/token, account_credentials ---
zc -u "$S2S:$S2S_SECRET" -d grant_type=account_credentials \
  -d "account_id=$S2S_ACCOUNT" "$ZS_URL/oauth/token"
is "S2S token: 200" "$code" 200
is "S2S token: the body's fields" \
  "$(js '[sorted(d), d["token_type"], d["expires_in"], d["scope"], d["api_url"], len(d["access_token"]) > 20]')" \
  "[['access_token', 'api_url', 'expires_in', 'scope', 'token_type'], 'bearer', 3600, 'user:read:user:admin meeting:read:meeting:admin', '$ZS_URL', True]"
s2s_token=$(js 'd["access_token"]')
ok "S2S token: JSON content type and an x-zm-trackingid" \
  eval 'contains "$(hget content-type)" application/json && [ -n "$(hget x-zm-trackingid)" ]'

zc -u "$S2S:wrong-secret" -d grant_type=account_credentials \
  -d "account_id=$S2S_ACCOUNT" "$ZS_URL/oauth/token"
is "wrong client secret: 400 invalid_client" "$code $body" \
  '400 {"reason":"Invalid client_id or client_secret","error":"invalid_client"}'
zc -u "NoSuchClient:$S2S_SECRET" -d grant_type=account_credentials \
  -d "account_id=$S2S_ACCOUNT" "$ZS_URL/oauth/token"
is "unknown client id: 400 invalid_client" "$code $body" \
  '400 {"reason":"Invalid client_id or client_secret","error":"invalid_client"}'
zc -u "$S2S:$S2S_SECRET" -d grant_type=account_credentials \
  -d account_id=AcCoUnT9999999999999999 "$ZS_URL/oauth/token"
is "wrong account id: 400 Bad Request" "$code $body" \
  '400 {"reason":"Bad Request","error":"invalid_request"}'
zc -u "$S2S:$S2S_SECRET" -d grant_type=account_credentials "$ZS_URL/oauth/token"
is "missing account id: 400 Bad Request" "$code $body" \
  '400 {"reason":"Bad Request","error":"invalid_request"}'
zc -u "$INACTIVE:s2s-secret-3" -d grant_type=account_credentials \
  -d account_id=AcCoUnT3333333333333333 "$ZS_URL/oauth/token"
is "app not activated: 400 Bad Request" "$code $body" \
  '400 {"reason":"Bad Request","error":"invalid_request"}'
zc -u "$OAUTH:$OAUTH_SECRET" -d grant_type=account_credentials \
  -d "account_id=$S2S_ACCOUNT" "$ZS_URL/oauth/token"
is "OAuth client with account_credentials: 400 unsupported_grant_type" "$code $body" \
  '400 {"reason":"unsupported grant type","error":"unsupported_grant_type"}'
zc -u "$S2S:$S2S_SECRET" -d grant_type=client_credentials "$ZS_URL/oauth/token"
is "other grant type: 400 unsupported_grant_type" "$code $body" \
  '400 {"reason":"unsupported grant type","error":"unsupported_grant_type"}'
zc -d grant_type=account_credentials -d "account_id=$S2S_ACCOUNT" \
  -d "client_id=$S2S" -d "client_secret=$S2S_SECRET" "$ZS_URL/oauth/token"
is "client id and secret as form parameters: 200" "$code $(js 'd["token_type"]')" "200 bearer"
zc -u "$NOSCOPE:s2s-secret-2" -d grant_type=account_credentials \
  -d account_id=AcCoUnT2222222222222222 "$ZS_URL/oauth/token"
noscope_token=$(js 'd["access_token"]')
is "S2S token without user scopes: 200, its scope" "$code $(js 'd["scope"]')" \
  "200 meeting:read:meeting:admin"

# --- GET /v2/users/me ---
zc -H "Authorization: Bearer $s2s_token" "$ZS_URL/v2/users/me"
is "users/me with the S2S token: 200" "$code" 200
is "users/me: the user's fields (config merged in)" \
  "$(js '[d["email"], d["type"], d["account_id"], type(d["pmi"]).__name__, d["role_name"], d["timezone"], d["status"], d["verified"], d["cluster"], d["first_name"], d["last_name"], bool(d["id"]), bool(d["created_at"])]')" \
  "['admin@example.com', 2, '$S2S_ACCOUNT', 'int', 'Owner', 'UTC', 'active', 1, 'us05', 'Ada', 'Admin', True, True]"
zc -H "Authorization: Bearer not-a-token" "$ZS_URL/v2/users/me"
is "users/me with a bad token: 401 code 124" "$code $body" \
  '401 {"code":124,"message":"Invalid access token."}'
zc "$ZS_URL/v2/users/me"
is "users/me without a token: 401 code 124" "$code $body" \
  '401 {"code":124,"message":"Invalid access token."}'
zc -H "Authorization: Bearer $noscope_token" "$ZS_URL/v2/users/me"
is "users/me with a token lacking user scopes: 400 code 4711" "$code $body" \
  '400 {"code":4711,"message":"Invalid access token, does not contain scopes:[user:read:user, user:read:user:admin]."}'

# --- GET /v2/users ---
zc -H "Authorization: Bearer $noscope_token" "$ZS_URL/v2/users?page_size=1"
is "users without a list scope: 400 code 4711" "$code $body" \
  '400 {"code":4711,"message":"Invalid access token, does not contain scopes:[user:read:list_users:admin]."}'
zc -u "S2sListUsers000000000:s2s-secret-4" -d grant_type=account_credentials \
  -d account_id=AcCoUnT4444444444444444 "$ZS_URL/oauth/token"
list_token=$(js 'd["access_token"]')
zc -H "Authorization: Bearer $list_token" "$ZS_URL/v2/users?page_size=1"
is "users?page_size=1 with user:read:list_users:admin: 200, one user" \
  "$code $(js '[d["page_size"], d["total_records"], len(d["users"]), d["users"][0]["email"], "account_id" in d["users"][0]]')" \
  "200 [1, 1, 1, 'admin@example.com', False]"
config <<EOF
{ $clients, "s2s_users_me": {"status": 404, "body": {"code": 1001, "message": "User does not exist: me."}} }
EOF
zc -H "Authorization: Bearer $list_token" "$ZS_URL/v2/users/me"
is "s2s_users_me: users/me answers an S2S token with it" "$code $body" \
  '404 {"code":1001,"message":"User does not exist: me."}'
zc -H "Authorization: Bearer not-a-token" "$ZS_URL/v2/users/me"
is "s2s_users_me: a bad token is still 401 code 124" "$code $body" \
  '401 {"code":124,"message":"Invalid access token."}'
config <<EOF
{ $clients, "user": {"first_name": "Ada"} }
EOF
zc "$ZS_URL/v2/no/such/path"
is "unknown path: 404" "$code $body" '404 {"code":404,"message":"Not found"}'
zc "$ZS_URL/oauth/token"
is "GET on the token endpoint: 405" "$code" 405

# --- faults ---
faults='"faults": [
  {"path": "/v2/users/me", "kind": "respond", "times": 1, "status": 429,
   "headers": {"Retry-After": "1", "X-RateLimit-Type": "QPS"},
   "body": {"code": 429, "message": "You have reached the maximum per-second rate limit for this API. Try again later."}},
  {"path": "/huge", "kind": "huge"},
  {"path": "/close", "kind": "close"},
  {"path": "/hang", "kind": "hang"},
  {"path": "/text", "kind": "respond", "status": 503, "text": "<html>down</html>"}
]'
config <<EOF
{ $clients, $faults }
EOF
zc -H "Authorization: Bearer $s2s_token" "$ZS_URL/v2/users/me"
is "fault times=1: the first request gets 429, its body and Retry-After" \
  "$code $(hget retry-after) $body" \
  '429 1 {"code":429,"message":"You have reached the maximum per-second rate limit for this API. Try again later."}'
zc -H "Authorization: Bearer $s2s_token" "$ZS_URL/v2/users/me"
is "fault times=1: the second request is served normally" "$code $(js 'd["email"]')" \
  "200 admin@example.com"
config <<EOF
{ $clients, $faults, "api_url": null }
EOF
zc -H "Authorization: Bearer $s2s_token" "$ZS_URL/v2/users/me"
is "fault times=1: a changed config starts the count again" "$code" 429
zc -u "$S2S:$S2S_SECRET" -d grant_type=account_credentials \
  -d "account_id=$S2S_ACCOUNT" "$ZS_URL/oauth/token"
is "api_url null: the token response leaves api_url out" \
  "$code $(js 'sorted(d)')" "200 ['access_token', 'expires_in', 'scope', 'token_type']"
zc "$ZS_URL/huge"
is "huge fault: 200, 2 MiB of valid JSON" \
  "$code $(wc -c <"$tap_tmp/body" | tr -d ' ') $(js 'len(d["padding"])')" \
  "200 2097152 2097138"
zc "$ZS_URL/text"
is "text fault: status, text/html, the raw text" \
  "$code $(hget content-type) $body" "503 text/html;charset=utf-8 <html>down</html>"
zc "$ZS_URL/close"
ok "close fault: curl gets no answer (curl exit 52 or 56)" \
  eval '[ "$code" = 000 ] && { [ "$crc" = 52 ] || [ "$crc" = 56 ]; }'
zc --max-time 2 "$ZS_URL/hang"
ok "hang fault: curl times out (curl exit 28)" eval '[ "$crc" = 28 ] && [ "$code" = 000 ]'
config <<EOF
{ $clients }
EOF

# --- GET /oauth/authorize ---
authorize () {
  zc -G --data-urlencode response_type=code --data-urlencode "$@" \
    "$ZS_URL/oauth/authorize"
  location=$(hget location)
  authcode=${location#*code=}
  authcode=${authcode%%&*}
}
authorize "client_id=$OAUTH" --data-urlencode "redirect_uri=$CB" \
  --data-urlencode "state=st 1/2"
is "authorize: 302 with an empty body" "$code $(hget content-length) ${body:-empty}" \
  "302 0 empty"
is "authorize: Location is redirect_uri?code=CODE&state=STATE" \
  "$(printf '%s' "$location" | sed 's/code=[A-Za-z0-9_-]*&/code=CODE\&/')" \
  "$CB?code=CODE&state=st+1%2F2"
ok "authorize: the code is not empty" test -n "$authcode"
authorize "client_id=$OAUTH" --data-urlencode "redirect_uri=http://127.0.0.1:54321/callback"
ok "authorize: a loopback redirect matches whatever its port" \
  eval '[ "$code" = 302 ] && contains "$location" "http://127.0.0.1:54321/callback?code=" && lacks "$location" state='
authorize "client_id=$OAUTH" --data-urlencode "redirect_uri=http://127.0.0.1:54321/other"
is "authorize: a loopback redirect with another path: 400" "$code $body" \
  '400 {"status":false,"errorCode":4700,"errorMessage":"Invalid redirect url","result":null}'
authorize "client_id=$OAUTH" --data-urlencode "redirect_uri=https://app.example.com/CB"
is "authorize: redirect matching is case-sensitive: 400" "$code $body" \
  '400 {"status":false,"errorCode":4700,"errorMessage":"Invalid redirect url","result":null}'
authorize "client_id=NoSuchClient" --data-urlencode "redirect_uri=$CB"
is "authorize: unknown client_id: 400" "$code $body" \
  '400 {"status":false,"errorCode":4700,"errorMessage":"Invalid client_id","result":null}'

# --- authorization_code ---
exchange () {
  ex_code=$1 ex_uri=$2; shift 2
  zc -u "$OAUTH:$OAUTH_SECRET" -d grant_type=authorization_code \
    --data-urlencode "code=$ex_code" --data-urlencode "redirect_uri=$ex_uri" \
    "$@" "$ZS_URL/oauth/token"
}
authorize "client_id=$OAUTH" --data-urlencode "redirect_uri=$CB" \
  --data-urlencode "code_challenge=$CHALLENGE" --data-urlencode code_challenge_method=S256
pkce_code=$authcode
exchange "$pkce_code" "$CB" --data-urlencode "code_verifier=$VERIFIER"
is "code exchange with the right PKCE verifier: 200 and the fields" \
  "$code $(js '[sorted(d), d["token_type"], d["expires_in"], d["scope"], len(d["refresh_token"]) > 20]')" \
  "200 [['access_token', 'api_url', 'expires_in', 'refresh_token', 'scope', 'token_type'], 'bearer', 3599, 'user:read:user meeting:read:meeting', True]"
user_token=$(js 'd["access_token"]') refresh=$(js 'd["refresh_token"]')
zc -H "Authorization: Bearer $user_token" "$ZS_URL/v2/users/me"
is "users/me with the user token: 200" "$code $(js 'd["account_id"]')" \
  "200 AcCoUnT0000000000000000"
exchange "$pkce_code" "$CB" --data-urlencode "code_verifier=$VERIFIER"
is "a code works only once: 400 invalid_grant" "$code $body" \
  '400 {"reason":"Invalid authorization code","error":"invalid_grant"}'
authorize "client_id=$OAUTH" --data-urlencode "redirect_uri=$CB" \
  --data-urlencode "code_challenge=$CHALLENGE" --data-urlencode code_challenge_method=S256
exchange "$authcode" "$CB" --data-urlencode "code_verifier=${VERIFIER}x"
is "code exchange with a wrong PKCE verifier: 400" "$code $body" \
  '400 {"reason":"Invalid code_verifier","error":"invalid_request"}'
authorize "client_id=$OAUTH" --data-urlencode "redirect_uri=$CB" \
  --data-urlencode "code_challenge=$CHALLENGE" --data-urlencode code_challenge_method=S256
exchange "$authcode" "$CB"
is "code exchange without the PKCE verifier: 400" "$code $body" \
  '400 {"reason":"Invalid code_verifier","error":"invalid_request"}'
authorize "client_id=$OAUTH" --data-urlencode "redirect_uri=$CB"
exchange "$authcode" "https://app.example.com/other"
is "code exchange with another redirect_uri: 400" "$code $body" \
  '400 {"reason":"Redirect URI mismatch.","error":"invalid_request"}'
exchange "made-up-code" "$CB"
is "a made-up code with good credentials: 400 invalid_grant" "$code $body" \
  '400 {"reason":"Invalid authorization code","error":"invalid_grant"}'
zc -u "$OAUTH:wrong" -d grant_type=authorization_code -d code=made-up-code \
  --data-urlencode "redirect_uri=$CB" "$ZS_URL/oauth/token"
is "a made-up code with a wrong secret: 400 invalid_client" "$code $body" \
  '400 {"reason":"Invalid client_id or client_secret","error":"invalid_client"}'
zc -u "$S2S:$S2S_SECRET" -d grant_type=authorization_code -d code=x \
  --data-urlencode "redirect_uri=$CB" "$ZS_URL/oauth/token"
is "an S2S client with authorization_code: 400 unsupported_grant_type" "$code $body" \
  '400 {"reason":"unsupported grant type","error":"unsupported_grant_type"}'
zc -u "$OAUTH:$OAUTH_SECRET" -d grant_type=refresh_token \
  --data-urlencode "refresh_token=$refresh" "$ZS_URL/oauth/token"
new_refresh=$(js 'd["refresh_token"]')
is "refresh: 200 with a new refresh token" \
  "$code $([ -n "$new_refresh" ] && [ "$new_refresh" != "$refresh" ] && echo new)" "200 new"
zc -u "$OAUTH:$OAUTH_SECRET" -d grant_type=refresh_token \
  --data-urlencode "refresh_token=$refresh" "$ZS_URL/oauth/token"
is "refresh: the old refresh token no longer works" "$code $body" \
  '400 {"reason":"Invalid Token!","error":"invalid_grant"}'

# --- POST /oauth/revoke ---
zc -u "$OAUTH:$OAUTH_SECRET" --data-urlencode "token=$user_token" "$ZS_URL/oauth/revoke"
is "revoke: 200 success" "$code $body" '200 {"status":"success"}'
zc -H "Authorization: Bearer $user_token" "$ZS_URL/v2/users/me"
is "users/me with the revoked token: 401 code 124" "$code $body" \
  '401 {"code":124,"message":"Invalid access token."}'

# --- POST /v2/marketplace/apps/{appId}/rotate_client_secret ---
ROT_A=S2sRotateA0000000000 ROT_B=S2sRotateB0000000000 ROT_C=S2sRotateC0000000000
ROT_ACCOUNT=AcCoUnT6666666666666666 MADE_ACCOUNT=AcCoUnT7777777777777777
# tok CLIENT_ID SECRET [ACCOUNT]: an account_credentials token request.
tok () {
  zc -u "$1:$2" -d grant_type=account_credentials \
    -d "account_id=${3:-$ROT_ACCOUNT}" "$ZS_URL/oauth/token"
}
rotated=0   # the POSTs that reach the rotate route (its "rotate" stat)
# rotate APP_ID JSON [TOKEN]: POST rotate_client_secret (with $mkt_token).
rotate () {
  zc -H "Authorization: Bearer ${3:-$mkt_token}" -H 'Content-Type: application/json' \
    -d "$2" "$ZS_URL/v2/marketplace/apps/$1/rotate_client_secret"
  rotated=$((rotated + 1))
}
NOW='{"action":"new","revoke_old_secret_time":"now"}'
LATER='{"action":"new","revoke_old_secret_time":"2099-01-01T00:00:00Z"}'
UPDATE_NOW='{"action":"update","revoke_old_secret_time":"now"}'
tok S2sMarketplace0000000 s2s-secret-5 AcCoUnT5555555555555555
mkt_token=$(js 'd["access_token"]')

zc "$ZS_URL/v2/marketplace/apps/AppRotateA/rotate_client_secret"
is "rotate: GET is 405, Allow POST" "$code $(hget allow)" "405 POST"
rotate AppRotateA "$NOW" "$s2s_token"
is "rotate without marketplace:update:client_secret: 401 code 4711" "$code $body" \
  '401 {"code":4711,"message":"Invalid access token, does not contain scopes:[marketplace:update:client_secret]."}'
rotate NoSuchApp "$NOW"
is "rotate an unknown app: 404 code 3001" "$code $body" \
  '404 {"code":3001,"message":"App does not exist: NoSuchApp."}'
rotate AppRotateA '{"action":"old","revoke_old_secret_time":"now"}'
is "rotate with a bad action: 400 code 300 naming action" "$code $body" \
  '400 {"code":300,"message":"action must be new or update."}'
rotate AppRotateA '{"action":"new","revoke_old_secret_time":"2099-01-01 00:00:00"}'
is "rotate with a bad time: 400 code 300 naming revoke_old_secret_time" "$code $body" \
  '400 {"code":300,"message":"revoke_old_secret_time must be now or a UTC time like 2026-01-01T00:00:00Z."}'
rotate AppRotateA "$UPDATE_NOW"
is "rotate update with no rotation in progress: 400 code 300" "$code $body" \
  '400 {"code":300,"message":"No client secret rotation is in progress."}'

rotate AppRotateA "$LATER"   # A's 1st schedule change
is "rotate new: 200 with a 32-character secret and the revoke time" \
  "$code $(js '[sorted(d), len(d["client_secret"]), d["revoke_old_secret_time"]]')" \
  "200 [['client_secret', 'revoke_old_secret_time'], 32, '2099-01-01T00:00:00Z']"
a_new=$(js 'd["client_secret"]')
tok "$ROT_A" rotate-secret-a; a_codes=$code
tok "$ROT_A" "$a_new"
is "rotate new: the old and the new secret both get tokens" "$a_codes $code" "200 200"
rotate AppRotateA "$UPDATE_NOW"   # A's 2nd
is "rotate update now: 200 with only revoke_old_secret_time, a UTC time" \
  "$code $(js '[sorted(d), __import__("re").fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", d["revoke_old_secret_time"]) is not None]')" \
  "200 [['revoke_old_secret_time'], True]"
tok "$ROT_A" rotate-secret-a; a_codes="$code $body"
tok "$ROT_A" "$a_new"
is "after update now: the old secret is refused (invalid_client), the new works" \
  "$a_codes $code" \
  '400 {"reason":"Invalid client_id or client_secret","error":"invalid_client"} 200'
config <<EOF
{ $clients, "user": {"first_name": "Rotated"} }
EOF
tok "$ROT_A" rotate-secret-a; a_codes=$code
tok "$ROT_A" "$a_new"
is "a config rewrite keeps the rotation: config secret 400, new secret 200" \
  "$a_codes $code" "400 200"

rotate AppRotateB "$LATER"; b_first=$(js 'd["client_secret"]')
rotate AppRotateB "$LATER"; b_second=$(js 'd["client_secret"]')
tok "$ROT_B" rotate-secret-b; b_codes=$code
tok "$ROT_B" "$b_first"; b_codes="$b_codes $code"
tok "$ROT_B" "$b_second"
is "new during a rotation: the original old secret and the latest new one work, the first new one not" \
  "$b_codes $code" "200 400 200"

rotate AppRotateA "$NOW"; a_newer=$(js 'd["client_secret"]')   # A's 3rd
tok "$ROT_A" "$a_new"; a_codes=$code
tok "$ROT_A" "$a_newer"
is "new with now: the secret before is refused at once, the new one works" \
  "$a_codes $code" "400 200"
rotate AppRotateA "$NOW"
is "the 4th schedule change in 15 minutes: 429" "$code $body" \
  '429 {"code":429,"message":"You can change the client secret rotation schedule at most 3 times in 15 minutes."}'
retry=$(hget retry-after)
ok "the 429 has a Retry-After of 1 to 900 seconds" \
  eval 'case "$retry" in ""|*[!0-9]*) false;; *) [ "$retry" -ge 1 ] && [ "$retry" -le 900 ];; esac'
config <<EOF
{ $clients, "rotate_window_seconds": 1 }
EOF
sleep 1
rotate AppRotateA "$NOW"
is "rotate_window_seconds 1: a second later the change is accepted" "$code" 200

config <<EOF
{ $clients, "rotate_answer": "no_secret" }
EOF
rotate AppRotateC "$LATER"; c_answer="$code $(js 'sorted(d)')"
tok "$ROT_C" rotate-secret-c
is "rotate_answer no_secret: 200 without client_secret; the old secret still works" \
  "$c_answer $code" "200 ['revoke_old_secret_time'] 200"
config <<EOF
{ $clients }
EOF
rotate AppRotateC '{"action":"new","revoke_old_secret_time":"2000-01-01T00:00:00Z"}'
c_new=$(js 'd["client_secret"]') c_answer="$code $(js 'd["revoke_old_secret_time"]')"
tok "$ROT_C" rotate-secret-c; c_codes=$code
tok "$ROT_C" "$c_new"
is "new with a revoke time in the past: the old secret is refused at once" \
  "$c_answer $c_codes $code" "200 2000-01-01T00:00:00Z 400 200"

zc -H "Authorization: Bearer $mkt_token" -H 'Content-Type: application/json' \
  -d '{"app_type":"s2s_oauth","app_name":"Rotated","contact_name":"A","contact_email":"a@example.com","company_name":"Example","active":true,"scopes":["user:read:user:admin"]}' \
  "$ZS_URL/v2/accounts/$MADE_ACCOUNT/marketplace/apps"
made_code=$code made_app=$(js 'd["app_id"]')
made_id=$(js 'd["development_credentials"]["client_id"]')
made_secret=$(js 'd["development_credentials"]["client_secret"]')
rotate "$made_app" "$NOW"; made_rot=$code made_new=$(js 'd["client_secret"]')
tok "$made_id" "$made_new" "$MADE_ACCOUNT"; made_codes=$code
tok "$made_id" "$made_secret" "$MADE_ACCOUNT"
is "a created app rotates by its app id: create 201, rotate 200, new 200, old 400" \
  "$made_code $made_rot $made_codes $code" "201 200 200 400"
soon=$(python3 -c 'import time; print(time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(time.time() + 3)))')
rotate "$made_app" "{\"action\":\"new\",\"revoke_old_secret_time\":\"$soon\"}"
made_newer=$(js 'd["client_secret"]')
made_rot="$code $([ "$(js 'd["revoke_old_secret_time"]')" = "$soon" ] && echo echoed)"
tok "$made_id" "$made_new" "$MADE_ACCOUNT"
is "a revoke time 3 s ahead: 200, the time echoed, the old secret works meanwhile" \
  "$made_rot $code" "200 echoed 200"
sleep 3
tok "$made_id" "$made_new" "$MADE_ACCOUNT"; made_codes=$code
tok "$made_id" "$made_newer" "$MADE_ACCOUNT"
is "once the revoke time has passed: the old secret 400, the new 200" \
  "$made_codes $code" "400 200"

# --- faults with "after" ---
config <<EOF
{ $clients, "faults": [
  {"path": "/oauth/token", "method": "POST", "kind": "respond", "after": 1, "times": 1,
   "status": 503, "body": {"code": 503, "message": "second"}},
  {"path": "/v2/marketplace/apps/NoSuchApp/rotate_client_secret", "kind": "respond",
   "after": 1, "status": 500, "body": {"code": 500, "message": "later"}}
] }
EOF
tok "$S2S" "$S2S_SECRET" "$S2S_ACCOUNT"; f_codes=$code
tok "$S2S" "$S2S_SECRET" "$S2S_ACCOUNT"; f_codes="$f_codes $code $body"
tok "$S2S" "$S2S_SECRET" "$S2S_ACCOUNT"
is "fault after=1 times=1: the first token request passes, the second fails, the third passes" \
  "$f_codes $code" '200 503 {"code":503,"message":"second"} 200'
rotate NoSuchApp "$NOW"; f_codes=$code
rotate NoSuchApp "$NOW"; f_codes="$f_codes $code"
rotate NoSuchApp "$NOW"
rotated=$((rotated - 2))   # the fault answered these two, not the route
is "fault after=1 without times: the first rotate reaches the route, every later one fails" \
  "$f_codes $code" "404 500 500"
config <<EOF
{ $clients }
EOF
is "stats: rotate counts the POSTs that reached rotate_client_secret" \
  "$(js 'd["rotate"]' "$ZS_STATS")" "$rotated"

# --- the request log and stats ---
is "the log has one line per request, as do the stats" \
  "$(wc -l <"$ZS_LOG" | tr -d ' ') $(js 'd["requests"]' "$ZS_STATS")" "$sent $sent"
is "the log: lower-cased header names, authorization and raw body kept" \
  "$(jsl "$ZS_LOG" '[all(k == k.lower() for l in lines for k in l["headers"]), "user-agent" in lines[0]["headers"], lines[0]["headers"].get("authorization", "")[:6], lines[0]["method"], lines[0]["path"], lines[0]["query"], lines[0]["body"], lines[0]["conn"]]')" \
  "[True, True, 'Basic ', 'POST', '/oauth/token', '', 'grant_type=account_credentials&account_id=$S2S_ACCOUNT', 1]"
is "the log: the query string is kept raw (curl's lower-case escapes)" \
  "$(jsl "$ZS_LOG" '[l["query"] for l in lines if l["path"] == "/oauth/authorize"][0]')" \
  "response_type=code&client_id=$OAUTH&redirect_uri=https%3a%2f%2fapp.example.com%2fcb&state=st+1%2f2"

# --- keep-alive: a fresh server, two requests over one connection ---
zoom_server_start "$cfg" || bail "the fake Zoom server did not restart"
zc "$ZS_URL/v2/users/me" "$ZS_URL/v2/no/such/path"
is "keep-alive: one connection, one handshake, two requests" "$(stats)" "1 1 2"
is "keep-alive: both log lines carry connection 1" \
  "$(jsl "$ZS_LOG" '[(l["conn"], l["path"]) for l in lines]')" \
  "[(1, '/v2/users/me'), (1, '/v2/no/such/path')]"

# --- TLS failures ---
zc --cacert "$ZS_CERTDIR/other-ca.pem" "$ZS_URL/v2/users/me"
ok "a client trusting only other-ca.pem rejects the server (curl exit 60)" \
  eval '[ "$crc" = 60 ] && contains "$cerr" "certificate"'
is "the rejected handshake counts as a connection, not a handshake" "$(stats)" "2 1 2"
zc "$ZS_URL/v2/no/such/path"
is "the server still answers after a failed handshake" "$code $(stats)" "404 3 2 3"

zoom_server_start "$cfg" wrong-name || bail "the wrong-name server did not start"
zc "$ZS_URL/v2/users/me"
ok "wrong-name certificate: curl fails on the name (exit 60)" \
  eval '[ "$crc" = 60 ] && contains "$cerr" "subject name"'
zc --resolve "wrong-name.test:$ZS_PORT:127.0.0.1" "https://wrong-name.test:$ZS_PORT/v2/no/such/path"
# curl checks the name after the TLS handshake, so both handshakes completed.
is "wrong-name certificate: valid for wrong-name.test (pinned to 127.0.0.1)" \
  "$code $(stats)" "404 2 2 1"

zs_last=$ZS_PID
zoom_server_stop
zoom_server_stop
ok "zoom_server_stop stops the server and may be called twice" \
  eval '[ -z "$ZS_PID" ] && ! kill -0 "$zs_last" 2>/dev/null'
