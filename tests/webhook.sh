#!/bin/sh
# webhook.sh - zoomwiz webhook test / sign through the real binary, against
# loopback receivers that play Zoom's SDK and the Mattermost Zoom plugin
# (tests/webhook-receiver.py), one case per diagnosis; and the webhook check
# of verify against the fake Zoom server.
# Copyright (C) 2026 the zoomwiz authors. SPDX-License-Identifier: GPL-3.0-or-later
. "${top_srcdir:-$(dirname "$0")/..}/tests/tap.sh"
for tool in python3 openssl; do
  command -v $tool >/dev/null 2>&1 || { echo "1..0 # SKIP $tool not installed"; exit 0; }
done
. "$top_srcdir/tests/zoom-server.sh"
. "$top_srcdir/tests/webhook-receiver.sh"

TOKEN=zoom-secret-token-XYZZY-0001
OTHER=another-secret-token-0000002
URLSECRET=mmWebhookSecretXYZZY_abcdefghij12
zoom_server_certs "$tap_tmp/certs" || exit 99
CERT="--cert $tap_tmp/certs/server.pem --key $tap_tmp/certs/server.key"

# token FILE-NAME SECRET-TOKEN [LINE...]: an answers file (0600) with the
# Secret Token and more lines; prints its path.
token () {
  name=$1 secret=$2; shift 2
  { echo "[zoomwiz]"; echo "secret_token=$secret"; for l; do echo "$l"; done; } |
    answers "$name.ini" 600
}
GOOD=$(token good "$TOKEN")

# wh ARGS...: zoomwiz webhook ARGS; sets $out, $err, $rc, $elapsed.
wh () {
  started=$(date +%s)
  run webhook "$@"
  elapsed=$(( $(date +%s) - started ))
}
# last_request KEY: a field of the receiver's last logged request.
last_request () {
  tail -n 1 "$WR_LOG" | python3 -c 'import json,sys
r = json.load(sys.stdin); k = sys.argv[1]
sys.stdout.write(r["headers"].get(k[2:], "") if k.startswith("h:") else r[k])' "$1"
}

# -- a receiver that follows Zoom's SDK: signature first, then the challenge
webhook_receiver_start --secret-token "$TOKEN" || exit 99
wh test "$WR_BASE/zoom/events" --answers "$GOOD" -e meeting.ended -e meeting.started
is "a correct receiver passes (exit 0)" "$rc" 0
ok "each step is shown: the validation" sh -c 'printf "%s\n" "$1" | grep -q "^webhook  *pass .*validation challenge"' - "$out"
ok "and each event" sh -c 'printf "%s\n" "$1" | grep -q "^webhook:meeting.ended  *pass" && printf "%s\n" "$1" | grep -q "^webhook:meeting.started  *pass"' - "$out"
is "the receiver got the validation and two events" "$(grep -c '"method": "POST"' "$WR_LOG")" 3
# What Zoom sends, checked on what the receiver got.
is "Zoom's user agent" "$(last_request h:user-agent)" "Zoom Marketplace/1.0a"
is "content-type application/json" "$(last_request h:content-type)" "application/json; charset=utf-8"
ts=$(last_request h:x-zm-request-timestamp)
ok "the timestamp is Unix seconds, now" sh -c 'n=$(date +%s); [ "${#1}" -eq 10 ] && [ $(( n - $1 )) -le 60 ] && [ $(( $1 - n )) -le 60 ]' - "$ts"
last_request body > "$tap_tmp/body"
printf 'v0:%s:' "$ts" > "$tap_tmp/message"; cat "$tap_tmp/body" >> "$tap_tmp/message"
want="v0=$(openssl dgst -sha256 -hmac "$TOKEN" < "$tap_tmp/message" | sed 's/.* //')"
is "x-zm-signature is openssl's HMAC of v0:TS:BODY" "$(last_request h:x-zm-signature)" "$want"
ok "the body is compact JSON, as Zoom sends it" python3 -c 'import json,sys
b = open(sys.argv[1]).read(); sys.exit(b != json.dumps(json.loads(b), separators=(",", ":")))' "$tap_tmp/body"
is "no Expect: 100-continue" "$(last_request h:expect)" ""

wh test "$WR_BASE/zoom/events" --answers "$GOOD" -e meeting.ended --json
ok "--json: ok true and a check per step" python3 -c 'import json,sys
d = json.load(open(sys.argv[1]))
sys.exit(not (d["ok"] is True and [c["id"] for c in d["checks"]] == ["webhook", "webhook:meeting.ended"]))' "$tap_tmp/out"
schema_ok "webhook test --json"
ok "no secret's value in it" lacks "$out" XYZZY

# -- another Secret Token on the receiver's side (it checks the signature)
wh test "$WR_BASE/zoom/events" --answers "$(token other "$OTHER")" -e meeting.ended --json
is "another Secret Token exits 1" "$rc" 1
ok "and says the signature was rejected for another Secret Token" contains "$(field webhook message)" "rejected the signature"
ok "the fix says where each copy lives" contains "$(field webhook fix)" "Features → Access"
is "events are skipped after a failed validation" "$(field webhook:meeting.ended status)" skip

# -- the URL's secret stays out of argv
wh test "$WR_BASE/plugins/zoom/webhook?secret=$URLSECRET" --answers "$GOOD"
ok "a URL with ?secret= on the command line is refused (exit 2)" sh -c '[ "$1" = 2 ] && printf "%s" "$2" | grep -q "visible to every user"' - "$rc" "$err"
wh test --answers "$GOOD"
ok "no URL anywhere: exit 2, saying where to give it" sh -c '[ "$1" = 2 ] && printf "%s" "$2" | grep -q event_endpoint' - "$rc" "$err"
wh test "$WR_BASE/zoom/events"
ok "no Secret Token and no terminal: exit 2, saying how to give it" sh -c '[ "$1" = 2 ] && printf "%s" "$2" | grep -q secret_token_file' - "$rc" "$err"

# -- the Mattermost Zoom plugin's order: URL secret, then (for events) signature
webhook_receiver_start --mode mattermost --url-secret "$URLSECRET" --secret-token "$TOKEN" || exit 99
printf '%s' "$URLSECRET" > "$tap_tmp/mm-webhook-secret"; chmod 600 "$tap_tmp/mm-webhook-secret"
mm () {
  token "mm-$1" "$2" preset=mattermost-account "site_url=$WR_BASE" "webhook_secret_file=$3"
}
printf '%s' wrongWebhookSecret0000000000000 > "$tap_tmp/mm-wrong"; chmod 600 "$tap_tmp/mm-wrong"
wh test --answers "$(mm good "$TOKEN" mm-webhook-secret)" --json --verbose
is "a Mattermost receiver with the right secrets passes (exit 0)" "$rc" 0
is "its event URL came from the preset, with ?secret=" "$(last_request query)" "secret=$URLSECRET"
is "the preset's events were sent: meeting.started" "$(field webhook:meeting.started status)" pass
ok "meeting.ended's 404 for the made-up meeting is no failure" contains "$(field webhook:meeting.ended message)" "made-up meeting"
ok "--verbose shows the requests" contains "$err" "> POST $WR_BASE/plugins/zoom/webhook?secret=…"
ok "--verbose and the output show neither secret" lacks "$out$err" "XYZZY"

wh test --answers "$(mm wrong-url "$TOKEN" mm-wrong)" --json
is "a wrong ?secret= exits 1" "$rc" 1
ok "and says the URL's ?secret= is wrong" contains "$(field webhook message)" "the ?secret= value in the URL is wrong"
ok "the fix names the plugin's Webhook Secret, not the Secret Token" contains "$(field webhook fix)" "Zoom → Webhook Secret"
ok "the message shows no secret" lacks "$(cat "$tap_tmp/out")" "wrongWebhookSecret"

wh test "$WR_BASE/plugins/zoom/webhook" --answers "$GOOD" --json
ok "a Mattermost URL without ?secret= is said to lack it (exit 1)" \
  sh -c '[ "$1" = 1 ] && printf "%s" "$2" | grep -q "the URL has no ?secret="' - "$rc" "$(field webhook message)"

wh test --answers "$(mm other-token "$OTHER" mm-webhook-secret)" --json
is "another Secret Token in Mattermost exits 1" "$rc" 1
ok "and says the HMAC did not match" contains "$(field webhook message)" "HMAC does not match"
ok "the fix names the plugin's Zoom Webhook Secret setting" contains "$(field webhook fix)" "Zoom Webhook Secret"

webhook_receiver_start --mode mattermost --url-secret "$URLSECRET" --secret-token '' || exit 99
wh test --answers "$(mm unset "$TOKEN" mm-webhook-secret)" --json
ok "a plugin without its Zoom Webhook Secret: said so (exit 1)" sh -c '[ "$1" = 1 ] && printf "%s" "$2" | grep -q "setting is empty"' - "$rc" "$(field webhook message)"

webhook_receiver_start --mode mattermost --url-secret "$URLSECRET" --secret-token "$TOKEN" --event-status 401 || exit 99
wh test --answers "$(mm event-401 "$TOKEN" mm-webhook-secret)" --json
ok "an event refused with 401 after a good validation names signature and clock" \
  sh -c '[ "$1" = 1 ] && printf "%s" "$2" | grep -q "although it answered the validation" && printf "%s" "$3" | grep -q clocks' \
  - "$rc" "$(field webhook:meeting.started message)" "$(field webhook:meeting.started fix)"

# -- answers that are not the validation Zoom needs
case_fault () {
  webhook_receiver_start --secret-token "$TOKEN" "$@" || exit 99
  wh test "$WR_BASE/zoom/events" --answers "$GOOD" --json -e meeting.ended
}
case_fault --fault non-json
ok "a non-JSON answer is described (exit 1)" sh -c '[ "$1" = 1 ] && printf "%s" "$2" | grep -q "not JSON (text/html)"' - "$rc" "$(field webhook message)"
case_fault --fault wrong-plain-token
ok "another plainToken is said" contains "$(field webhook message)" "plainToken is not the one zoomwiz sent"
case_fault --fault uppercase-hex
ok "an upper-case HMAC is said" contains "$(field webhook message)" "upper-case"
case_fault --fault redirect
ok "a redirect is said, with where to" sh -c 'printf "%s" "$1" | grep -q "redirect (HTTP 301 to http://127.0.0.1:[0-9]*/elsewhere)"' - "$(field webhook message)"
case_fault --fault server-error
ok "a 5xx is the receiver failing" contains "$(field webhook message)" "The receiver failed (HTTP 500"
case_fault --fault empty-200
ok "an empty 200 is not JSON" contains "$(field webhook message)" "not JSON"
case_fault --fault post-not-allowed
ok "a 405 says the address takes no POST" contains "$(field webhook message)" "does not take POST requests (HTTP 405)"
case_fault --event-status 500
ok "an event answered with 500 fails after a good validation" \
  sh -c '[ "$1" = 1 ] && [ "$2" = pass ] && [ "$3" = fail ]' - "$rc" "$(field webhook status)" "$(field webhook:meeting.ended status)"
case_fault --event-status 204
is "an event answered with 204 passes" "$rc:$(field webhook:meeting.ended status)" 0:pass
wh test "$WR_BASE/no/such/path" --answers "$GOOD" --json
ok "a wrong path is a 404: said as such" contains "$(field webhook message)" "Nothing answers at this path (HTTP 404"
ok "with no preset its fix is the general one, not the Mattermost plugin's" \
  sh -c 'printf "%s" "$1" | grep -q "webhook handler" && ! printf "%s" "$1" | grep -q Mattermost' - "$(field webhook fix)"
# The preset says what a 404 means for its receiver (receiver_404).
RECALL_HOOK=$WR_BASE/api/v2/zoom-oauth-apps/00000000-0000-4000-8000-000000000009/webhook
wh test --answers "$(token recall-404 "$TOKEN" preset=recall-account "event_endpoint=$RECALL_HOOK")" --json
ok "a Recall URL's 404: Recall knows no app with the id in the URL" contains "$(field webhook fix)" "Recall knows no app with that id"
ok "compare it with Recall's dashboard" contains "$(field webhook fix)" "Recall's dashboard"
wh test --answers "$(token mm-404 "$TOKEN" preset=mattermost-account "site_url=$WR_BASE/mm" "webhook_secret_file=$tap_tmp/mm-webhook-secret")" --json
ok "a Mattermost URL's 404: the plugin's path, and the plugin enabled" \
  contains "$(field webhook fix)" "/plugins/zoom/webhook, and only while the plugin is enabled"

# -- Zoom's 3 seconds
case_fault --delay 4
ok "an answer after 4 seconds is too slow for Zoom (exit 1)" sh -c '[ "$1" = 1 ] && printf "%s" "$2" | grep -q "too slow for Zoom"' - "$rc" "$(field webhook message)"
webhook_receiver_start --secret-token "$TOKEN" --delay 5 || exit 99
wh test "$WR_BASE/zoom/events" --answers "$GOOD" --json --timeout 2
ok "no answer within --timeout is unreachable (exit 3)" sh -c '[ "$1" = 3 ] && printf "%s" "$2" | grep -q "did not answer within 2 seconds"' - "$rc" "$(field webhook message)"
ok "reported within --timeout plus one second (${elapsed}s)" [ "$elapsed" -le 3 ]

# -- TLS
webhook_receiver_start --secret-token "$TOKEN" $CERT || exit 99
wh test "$WR_BASE/zoom/events" --answers "$GOOD" --ca-file "$tap_tmp/certs/ca.pem"
is "an https receiver with its CA passes" "$rc" 0
wh test "$WR_BASE/zoom/events" --answers "$GOOD" --ca-file "$tap_tmp/certs/other-ca.pem" --json
ok "an untrusted certificate exits 3 and says so" sh -c '[ "$1" = 3 ] && printf "%s" "$2" | grep -q "is not trusted"' - "$rc" "$(field webhook message)"
webhook_receiver_start --secret-token "$TOKEN" --cert "$tap_tmp/certs/wrong-name.pem" --key "$tap_tmp/certs/wrong-name.key" || exit 99
wh test "$WR_BASE/zoom/events" --answers "$GOOD" --ca-file "$tap_tmp/certs/ca.pem" --json
ok "a certificate for another name exits 3 and says so" sh -c '[ "$1" = 3 ] && printf "%s" "$2" | grep -q "another host name"' - "$rc" "$(field webhook message)"
port=$WR_PORT
webhook_receiver_stop
wh test "http://127.0.0.1:$port/zoom/events" --answers "$GOOD" --json
ok "nothing listening: connection refused (exit 3)" sh -c '[ "$1" = 3 ] && printf "%s" "$2" | grep -q "connection refused"' - "$rc" "$(field webhook message)"

# -- plain http off this machine
wh test "http://hooks.zoomwiz.invalid/zoom/events" --answers "$GOOD" --json -e meeting.ended
ok "http to another host is refused without --allow-http (exit 1)" \
  sh -c '[ "$1" = 1 ] && printf "%s" "$2" | grep -q "only to https" && printf "%s" "$3" | grep -q -- --allow-http' \
  - "$rc" "$(field webhook message)" "$(field webhook fix)"
# With --allow-http it is tried: in a network namespace of its own, so the
# name is looked up nowhere.
if unshare -n true 2>/dev/null; then
  unshare -n "$ZOOMWIZ" webhook test "http://hooks.zoomwiz.invalid/zoom/events" --answers "$GOOD" \
    --allow-http --json --timeout 3 >"$tap_tmp/out" 2>"$tap_tmp/err" </dev/null
  rc=$?
  ok "--allow-http warns and tries it anyway" \
    sh -c '[ "$1" = 3 ] && grep -q "warning: .*plain http" "$2" && printf "%s" "$3" | grep -q "does not resolve"' \
    - "$rc" "$tap_tmp/err" "$(field webhook message)"
else
  echo "ok $((tap_n = tap_n + 1)) # SKIP no private network namespace (unshare -n) here"
fi

# -- webhook sign, against openssl
printf '{"event":"meeting.ended","payload":{"account_id":"x"},"event_ts":1700000000000}' > "$tap_tmp/sample.json"
wh sign --body "$tap_tmp/sample.json" --answers "$GOOD" --timestamp 1700000000
printf 'v0:1700000000:' > "$tap_tmp/message"; cat "$tap_tmp/sample.json" >> "$tap_tmp/message"
want="v0=$(openssl dgst -sha256 -hmac "$TOKEN" < "$tap_tmp/message" | sed 's/.* //')"
is "sign prints the timestamp header" "$(printf '%s\n' "$out" | sed -n 1p)" "x-zm-request-timestamp: 1700000000"
is "and openssl's signature" "$(printf '%s\n' "$out" | sed -n 2p)" "x-zm-signature: $want"
is "a compact body: no warning" "$err" ""
printf '{"event": "meeting.ended"}\n' > "$tap_tmp/loose.json"
wh sign --body "$tap_tmp/loose.json" --answers "$GOOD"
ok "a body that is not compact is signed, with a warning" sh -c '[ "$1" = 0 ] && printf "%s" "$2" | grep -q "not compact JSON"' - "$rc" "$err"
run webhook sign --body - --answers "$GOOD" < "$tap_tmp/sample.json"
is "--body - reads standard input" "$(printf '%s\n' "$out" | sed -n 2p | cut -c1-19)" "x-zm-signature: v0="
wh sign --body "$tap_tmp/no-such-file" --answers "$GOOD"
ok "an unreadable body: exit 2, naming it" sh -c '[ "$1" = 2 ] && printf "%s" "$2" | grep -q no-such-file' - "$rc" "$err"

# -- verify runs the webhook test when the answers have an endpoint and a token
cat > "$tap_tmp/config.json" <<EOF2
{ "clients": [
    {"client_id": "S2sClientId0000000000", "client_secret": "s2s-secret-0000000000000001", "kind": "s2s",
     "account_id": "AcCoUnTiD0000000000000", "activated": true, "scopes": "user:read:user:admin"} ],
  "faults": [] }
EOF2
zoom_server_start "$tap_tmp/config.json" || exit 99
webhook_receiver_start --secret-token "$TOKEN" $CERT || exit 99
s2s () {
  token "$1" "$2" app_type=s2s account_id=AcCoUnTiD0000000000000 client_id=S2sClientId0000000000 \
    client_secret=s2s-secret-0000000000000001 scopes=user:read:user:admin "$3"
}
run verify --answers "$(s2s verify-hook "$TOKEN" "event_endpoint=$WR_BASE/zoom/events
events=meeting.ended")" --zoom-url "$ZS_URL" --api-url "$ZS_URL" --ca-file "$ZS_CA" --json
is "verify runs the webhook test: the validation passes" "$(field webhook status)" pass
is "and the event" "$rc:$(field webhook:meeting.ended status)" 0:pass
run verify --answers "$(s2s verify-other "$OTHER" "event_endpoint=$WR_BASE/zoom/events")" \
  --zoom-url "$ZS_URL" --api-url "$ZS_URL" --ca-file "$ZS_CA" --json
ok "a wrong Secret Token fails verify (exit 1)" sh -c '[ "$1" = 1 ] && [ "$2" = fail ]' - "$rc" "$(field webhook status)"
run verify --answers "$(s2s verify-recall-404 "$TOKEN" "preset=recall-account
event_endpoint=$WR_BASE/api/v2/zoom-oauth-apps/00000000-0000-4000-8000-000000000009/webhook")" \
  --zoom-url "$ZS_URL" --api-url "$ZS_URL" --ca-file "$ZS_CA" --json
ok "verify passes the preset's 404 text to the webhook test" contains "$(field webhook fix)" "Recall's dashboard"
sed '/^secret_token=/d' "$tap_tmp/verify-hook.ini" > "$tap_tmp/verify-notoken.ini"; chmod 600 "$tap_tmp/verify-notoken.ini"
run verify --answers "$tap_tmp/verify-notoken.ini" --zoom-url "$ZS_URL" --api-url "$ZS_URL" --ca-file "$ZS_CA" --json
ok "an endpoint without a Secret Token is skipped, saying why" sh -c '[ "$1" = 0 ] && [ "$2" = skip ] && printf "%s" "$3" | grep -q "No Secret Token"' - "$rc" "$(field webhook status)" "$(field webhook message)"

# -- the same answers as a profile (its secrets in the file store here;
# tests/profiles.sh covers the keyring)
"$ZOOMWIZ" profiles import hooked --answers "$tap_tmp/verify-hook.ini" --secret-store file >/dev/null
run verify --profile hooked --zoom-url "$ZS_URL" --api-url "$ZS_URL" --ca-file "$ZS_CA" --json
is "verify --profile takes the answers and secrets from the profile" "$rc:$(field webhook:meeting.ended status)" 0:pass
wh test --profile hooked --ca-file "$tap_tmp/certs/ca.pem" --json
is "webhook test --profile too" "$rc:$(field webhook status)" 0:pass
run verify --profile hooked --answers "$tap_tmp/verify-hook.ini"
ok "--profile and --answers together: exit 2" sh -c '[ "$1" = 2 ] && printf "%s" "$2" | grep -q "not both"' - "$rc" "$err"
run verify --profile nosuch
ok "an unknown profile: exit 2, naming it" sh -c '[ "$1" = 2 ] && printf "%s" "$2" | grep -q "no profile .nosuch."' - "$rc" "$err"
done_testing
