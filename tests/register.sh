#!/bin/sh
# register.sh - zoomwiz register recall through the real binary, against
# tests/recall-server.py (a fake Recall.ai over HTTPS on 127.0.0.1): the app
# id kept in the profile, the event endpoint printed, and Recall's refusals.
# Copyright (C) 2026 the zoomwiz authors. SPDX-License-Identifier: GPL-3.0-or-later
. "${top_srcdir:-$(dirname "$0")/..}/tests/tap.sh"
for tool in python3 openssl; do
  command -v $tool >/dev/null 2>&1 || { echo "1..0 # SKIP $tool not installed"; exit 0; }
done
. "$top_srcdir/tests/zoom-server.sh"
zoom_server_certs "$tap_tmp/certs" || exit 99
KEY=recall-api-key-XYZZY-0001
RS_PID=
trap '[ -n "$RS_PID" ] && kill "$RS_PID" 2>/dev/null; rm -rf "$tap_tmp"' EXIT

# recall_start [--fault NAME]: the fake Recall.ai; sets RS_URL and RS_LOG.
recall_start () {
  [ -n "$RS_PID" ] && { kill "$RS_PID"; wait "$RS_PID" 2>/dev/null; }
  rs_dir=$tap_tmp/recall-server; rm -rf "$rs_dir"; mkdir -p "$rs_dir"; RS_LOG=$rs_dir/log.jsonl
  python3 "$top_srcdir/tests/recall-server.py" --cert "$ZS_CERTDIR/server.pem" \
    --key "$ZS_CERTDIR/server.key" --port-file "$rs_dir/port" --log "$RS_LOG" \
    --api-key "$KEY" "$@" </dev/null 2>"$rs_dir/stderr" &
  RS_PID=$!
  wait_for_port "$RS_PID" "$rs_dir" "the fake Recall.ai" || exit 99
  RS_URL=https://127.0.0.1:$(cat "$rs_dir/port")
}

# profile NAME API-KEY: a Recall.ai profile (file store) with that API key.
profile () {
  printf '%s' "$2" > "$tap_tmp/$1.key"; chmod 600 "$tap_tmp/$1.key"
  printf '[zoomwiz]\npreset=recall-account\nclient_id=RecallClient0000000001\nclient_secret=RecallSecretXYZZY000000001\nsecret_token=RecallTokenXYZZY00000001\nrecall_api_key_file=%s\n' \
    "$1.key" > "$tap_tmp/$1.ini"
  chmod 600 "$tap_tmp/$1.ini"
  "$ZOOMWIZ" profiles import "$1" --answers "$tap_tmp/$1.ini" --secret-store file >/dev/null
}
reg () { run register recall --recall-url "$RS_URL" --ca-file "$ZS_CA" "$@"; }

recall_start
profile good "$KEY"
reg --profile good --region eu-central-1
is "registering exits 0" "$rc" 0
id=$(sed -n 's/.*"id": *"\([^"]*\)".*/\1/p' "$RS_LOG" | head -1)
id=$(python3 -c 'import json,sys; print([json.loads(l) for l in open(sys.argv[1])][-1]["status"])' "$RS_LOG")
is "Recall.ai got one create-app request (201)" "$id" 201
ok "the request had Recall's Token header and the create-app body" python3 -c 'import json,sys
r = [json.loads(l) for l in open(sys.argv[1])][-1]; b = json.loads(r["body"])
sys.exit(not (r["headers"]["authorization"] == "Token " + sys.argv[2] and b == {"kind": "account_level",
  "client_id": "RecallClient0000000001", "client_secret": "RecallSecretXYZZY000000001",
  "webhook_secret": "RecallTokenXYZZY00000001"}))' "$RS_LOG" "$KEY"
app=$(sed -n 's/^recall_app_id=//p' "$XDG_CONFIG_HOME/zoomwiz/profiles/good.ini")
ok "the profile keeps the app id Recall returned" sh -c '[ -n "$1" ] && printf "%s" "$2" | grep -q "$1"' - "$app" "$out"
ok "the event endpoint to paste into Zoom is printed, on the region's host" \
  contains "$out" "https://eu-central-1.recall.ai/api/v2/zoom-oauth-apps/$app/webhook"
ok "no secret in the output" lacks "$out$err" "XYZZY"
reg --profile good --region eu-central-1
ok "a registered profile is not registered twice without --force (exit 2)" \
  sh -c '[ "$1" = 2 ] && printf "%s" "$2" | grep -q -- "--force"' - "$rc" "$err"

# Registered again: the profile's event URLs follow the new id.
reg --profile good --region eu-central-1 --force
app2=$(sed -n 's/^recall_app_id=//p' "$XDG_CONFIG_HOME/zoomwiz/profiles/good.ini")
ep=$(sed -n 's/^event_endpoint=//p' "$XDG_CONFIG_HOME/zoomwiz/profiles/good.ini")
ok "register --force: a new id, and the profile's event endpoint made from it" \
  sh -c '[ -n "$1" ] && [ "$1" != "$2" ] && [ "$3" = "https://eu-central-1.recall.ai/api/v2/zoom-oauth-apps/$1/webhook" ]' \
  - "$app2" "$app" "$ep"

# The wizard, unattended, registers in its own step and keeps Recall's URL.
printf '%s' "$KEY" > "$tap_tmp/wizard.key"; chmod 600 "$tap_tmp/wizard.key"
printf '[zoomwiz]\npreset=recall-account\nredirect_url=https://bots.example.com/zoom/callback\nclient_id=RecallClient0000000001\nclient_secret=RecallSecretXYZZY000000001\nsecret_token=RecallTokenXYZZY00000001\nrecall_region=us-west-2\nrecall_api_key_file=wizard.key\n' \
  > "$tap_tmp/wizard.ini"; chmod 600 "$tap_tmp/wizard.ini"
run setup --plain --answers "$tap_tmp/wizard.ini" --profile wizard --secret-store file --no-test \
  --recall-url "$RS_URL" --ca-file "$ZS_CA"
is "setup --plain from an answers file registers with Recall.ai and saves (exit 0)" "$rc" 0
wizard_out=$out
app3=$(sed -n 's/^recall_app_id=//p' "$XDG_CONFIG_HOME/zoomwiz/profiles/wizard.ini")
run export --profile wizard --format checklist
ep3=$(printf '%s\n' "$out" | sed -n 's/^- Event notification endpoint URL: `\(.*\)`$/\1/p')
ok "its profile's event endpoint is Recall's URL for the returned id" \
  sh -c '[ -n "$1" ] && [ "$2" = "https://us-west-2.recall.ai/api/v2/zoom-oauth-apps/$1/webhook" ]' - "$app3" "$ep3"
ok "the registration came before the event step, and the guide with it" \
  sh -c 'printf "%s" "$1" | awk "/Register with Recall.ai/ && !r {r=NR} /Step [0-9]+ of [0-9]+: Events/ && !e {e=NR} /registers the app with Recall.ai/ && !g {g=NR} END{exit !(r && g > r && e > g)}"' - "$wizard_out"
ok "no secret in the wizard's output" lacks "$out$err" "XYZZY"

profile badkey wrong-key-0000
reg --profile badkey --region us-east-1
ok "a wrong API key: exit 1, said with where keys are made" \
  sh -c '[ "$1" = 1 ] && printf "%s" "$2" | grep -q "refused the API key" && printf "%s" "$2" | grep -q "us-east-1.recall.ai/dashboard"' - "$rc" "$out"
ok "and the profile has no app id" sh -c '! grep -q recall_app_id "$1"' "$XDG_CONFIG_HOME/zoomwiz/profiles/badkey.ini"

profile nofields "$KEY"
sed -i '/^client_id=/d' "$XDG_CONFIG_HOME/zoomwiz/profiles/nofields.ini"
reg --profile nofields --region us-east-1
ok "answers that cannot make the body: exit 2, naming the value" \
  sh -c '[ "$1" = 2 ] && printf "%s" "$2" | grep -q client_id' - "$rc" "$err"

recall_start --fault rate-limited
profile limited "$KEY"
reg --profile limited --region us-west-2
ok "429: rate limited, with Retry-After (exit 1)" sh -c '[ "$1" = 1 ] && printf "%s" "$2" | grep -q "Retry-After: 30"' - "$rc" "$out"
recall_start --fault server-error
reg --profile limited --region us-west-2
ok "500: Recall's own trouble (exit 1)" sh -c '[ "$1" = 1 ] && printf "%s" "$2" | grep -q "HTTP 500"' - "$rc" "$out"
recall_start --fault no-id
reg --profile limited --region us-west-2
ok "201 without an id is not taken for a registration" sh -c '[ "$1" = 1 ] && printf "%s" "$2" | grep -q "without an app id"' - "$rc" "$out"

# No body at all (a proxy, a captive portal): a diagnosis, never a crash.
for code in 400 200; do
  recall_start --fault empty-$code
  reg --profile limited --region us-west-2
  ok "an empty HTTP $code: exit 1, not a crash (exit $rc), saying it was empty" \
    sh -c '[ "$1" = 1 ] && printf "%s" "$2" | grep -q "empty"' - "$rc" "$out"
done

reg --profile limited --region mars-1
ok "an unknown region: exit 2, listing the regions" sh -c '[ "$1" = 2 ] && printf "%s" "$2" | grep -q eu-central-1' - "$rc" "$err"
port=${RS_URL##*:}
kill "$RS_PID"; wait "$RS_PID" 2>/dev/null; RS_PID=
run register recall --recall-url "https://127.0.0.1:$port" --ca-file "$ZS_CA" --profile limited --region us-west-2
ok "nothing listening: exit 3, connection refused" sh -c '[ "$1" = 3 ] && printf "%s" "$2" | grep -q "connection refused"' - "$rc" "$out"
done_testing
