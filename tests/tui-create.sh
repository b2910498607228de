#!/bin/sh
# tui-create.sh - "create it for me" in the full-screen wizard at 80x24:
# with a builder profile, the step "Making the app" comes before the app
# type; chosen, the steps only gather the answers, "Create the app" shows
# what Zoom will get, a manifest Zoom refuses is said there and the step
# stays, then Zoom (the fake, tests/zoom-server.py) creates the app and the
# credentials it sent fill the next step; the live test passes and the
# profile keeps the app id and its builder. A Server-to-Server app
# (own-server), every General-app preset (own-app, StackOne, Mattermost at
# both levels with its event subscription in the manifest, Recall.ai at both
# levels with its registration after the app exists); "by hand" keeps
# Zoom's guide.
# Copyright (C) 2026 the zoomwiz authors. SPDX-License-Identifier: GPL-3.0-or-later
. "${top_srcdir:-$(dirname "$0")/..}/tests/tap.sh"
for tool in tmux python3 openssl; do
  command -v $tool >/dev/null 2>&1 || { echo "1..0 # SKIP $tool not installed"; exit 0; }
done
. "$top_srcdir/tests/zoom-server.sh"
RS_PID=
trap 'tmux -S "$SOCK" kill-server 2>/dev/null; zoom_server_stop
[ -n "$RS_PID" ] && kill "$RS_PID" 2>/dev/null; rm -rf "$tap_tmp"' EXIT

SOCK=$tap_tmp/tmux.sock wizard_n=0
WORK=$tap_tmp/work
mkdir -p "$WORK"
ACCOUNT=AcCoUnTiD0000000000000
B_SECRET=BuilderSecretXYZZY00000000000001
zoom_server_certs "$tap_tmp/certs" || exit 99
config () { # config [EXTRA-JSON-MEMBERS]
  cat > "$tap_tmp/config.json.new" <<EOF2
{ ${1:+$1,} "clients": [
  {"client_id": "BuilderClient000000000", "client_secret": "$B_SECRET", "kind": "s2s",
   "account_id": "$ACCOUNT", "activated": true,
   "scopes": "user:read:user:admin marketplace:write:app:admin marketplace:read:app:admin marketplace:write:app:master"}] }
EOF2
  mv "$tap_tmp/config.json.new" "$tap_tmp/config.json"
}
config
zoom_server_start "$tap_tmp/config.json" || exit 99
# The fake Recall.ai, for a Recall app created and then registered.
RC_KEY=recall-api-key-XYZZY-0001
TOKEN=CreatedAppTokenXYZZY000001
mkdir -p "$tap_tmp/recall"
python3 "$top_srcdir/tests/recall-server.py" --cert "$ZS_CERTDIR/server.pem" \
  --key "$ZS_CERTDIR/server.key" --port-file "$tap_tmp/recall/port" --log "$tap_tmp/recall/log" \
  --api-key "$RC_KEY" </dev/null 2>"$tap_tmp/recall/stderr" &
RS_PID=$!
wait_for_port "$RS_PID" "$tap_tmp/recall" "the fake Recall.ai" || exit 99
RS_URL=https://127.0.0.1:$(cat "$tap_tmp/recall/port")
. "$top_srcdir/tests/tui-lib.sh"
ARGS="--zoom-url $ZS_URL --api-url $ZS_URL --ca-file $ZS_CA --secret-store file"
# passes_live: within 10 s the live test's credentials check passes.
passes_live () {
  i=0
  while [ $i -lt 100 ]; do
    screen | grep -Eq "pass +credentials" && return 0
    sleep 0.1; i=$((i + 1))
  done
  return 1
}
profiles=$XDG_CONFIG_HOME/zoomwiz/profiles

printf '[zoomwiz]\npreset=zoom-builder\naccount_id=%s\nclient_id=BuilderClient000000000\nclient_secret=%s\n' \
  "$ACCOUNT" "$B_SECRET" > "$tap_tmp/b.ini"
chmod 600 "$tap_tmp/b.ini"
run profiles import builder --answers "$tap_tmp/b.ini" --secret-store file
ok "a builder profile, from the zoom-builder preset" [ "$rc" = 0 ]

# -- by hand: the step is there, and Zoom's own guide stays
wizard -- --preset own-server "$ARGS"
wait_screen "Step 1 of 8" >/dev/null
keys Enter
ok "with a builder profile, 'Making the app' comes before the app type" \
  wait_screen "Making the app"
# The title can be on the screen before the choices under it are (seen
# once, under load in distcheck): wait for the last choice, then look.
waited=0; wait_screen "2  builder      create it for me" >/dev/null || waited=1
ok "it offers by hand and the builder" \
  sh -c '[ "$1" = 0 ] && printf "%s" "$2" | grep -q "1  marketplace  build it yourself" && printf "%s" "$2" | grep -q "2  builder      create it for me"' - "$waited" "$shot"
keys 1
ok "by hand: the app type with Build App's words" \
  wait_screen "choose Develop → Build App, select"
end_wizard

# -- a Server-to-Server app, created
wizard -- --preset own-server "$ARGS"
wait_screen "Step 1 of 8" >/dev/null
keys Enter
wait_screen "Making the app" >/dev/null
keys 2
ok "S2S: created, the app type has nothing to do in the Marketplace" \
  wait_screen "Nothing to do here: zoomwiz puts these answers into the app it"
ok "S2S: one step more, no Development/Production choice" contains "$shot" "Step 3 of 9"
keys Enter
wait_screen "Events" >/dev/null
keys Enter Enter
wait_screen "Filter:" >/dev/null
typed "user:read:user:admin"
wait_screen "1 shown" >/dev/null
keys Space C-u Enter
ok "S2S: 'Create the app' shows what Zoom gets" \
  wait_screen "Scopes: user:read:user:admin"
ok "S2S: a Server-to-Server app, active, on the builder's account" \
  contains "$shot" "OAuth app, active, on the builder's account."
ok "S2S: the contact is asked" contains "$shot" "Contact name"
keys Enter
ok "S2S: Enter without a contact: Zoom requires it, said" \
  wait_screen "Zoom requires the developer contact"
ok "S2S: and the cursor stays in the contact name" \
  sh -c 'printf "%s" "$1" | grep -A3 "Contact name" | grep -q "Zoom requires"' - "$shot"
ok "S2S: and nothing was created" sh -c '! grep -q "marketplace/apps" "$1"' - "$ZS_LOG"
typed "Ada Admin"; keys Tab
typed "ada@example.com"; keys Tab
typed "Example"; keys Enter
ok "S2S: created, the credentials Zoom sent fill the next step" \
  wait_screen "the ones it sent (Development credentials)"
ok "S2S: the account is the builder's" contains "$shot" "$ACCOUNT"
ok "S2S: the message names the app" contains "$shot" "Zoom created the app"
ok "S2S: created on the account's route" grep -q "/v2/accounts/$ACCOUNT/marketplace/apps" "$ZS_LOG"
keys Enter
ok "S2S: the live test passes with the new app's credentials" wait_screen "Every check passed"
ok "S2S: no 'Activate your app' for an app created active" \
  sh -c 'printf "%s" "$1" | grep -q "Zoom created the app active" && ! printf "%s" "$1" | grep -q "click Activate"' - "$shot"
keys Enter
wait_screen "Save and export" >/dev/null
keys Enter
ok "S2S: saved; the values are said to be in the app, not to paste into the Marketplace" \
  wait_screen "In the app zoomwiz created, and for the server"
wait_screen "What is left:" >/dev/null
keys Enter
wait_exit
is "S2S: the wizard ends with 0" "$status" 0
ok "S2S: the profile keeps the app id and its builder" \
  sh -c 'grep -q "^app_id=." "$1" && grep -q "^builder=builder$" "$1" && grep -q "^client_id=." "$1"' - "$profiles/own-server.ini"
run verify --profile own-server --zoom-url "$ZS_URL" --api-url "$ZS_URL" --ca-file "$ZS_CA"
ok "S2S: zoomwiz verify of the saved profile passes" [ "$rc" = 0 ]
ok "S2S: the wizard's export is recorded for rotate" grep -q "^format=env" "$profiles/own-server.exports"

# -- a General app: Zoom refuses the manifest once, then creates it
config '"faults": [{"path": "/v2/marketplace/apps/manifest/validate", "times": 1, "status": 200, "body": {"ok": false, "error": "invalid_manifest", "errors": [{"setting": "/oauth_information/scopes[0]", "message": "user:read:user is not a valid scope name here"}]}}]'
wizard -- --preset own-app "$ARGS"
wait_screen "Step 1 of" >/dev/null
keys Enter
wait_screen "Making the app" >/dev/null
keys 2
wait_screen "1  general" >/dev/null
keys Enter
wait_screen "Management" >/dev/null
keys 1
ok "General: the URLs are asked, for the manifest" wait_screen "Redirect URL"
typed "https://app.example.com/oauth/callback"; keys Enter Enter
wait_screen "Events" >/dev/null
keys Enter Enter
wait_screen "Filter:" >/dev/null
typed "user:read:user"
wait_screen "shown" >/dev/null
keys Space C-u Enter
ok "General: 'Create the app' shows the redirect URL, user-managed" \
  wait_screen "Redirect URL: https://app.example.com/oauth/callback"
ok "General: a General app, user-managed" contains "$shot" "a General app, user-managed."
typed "Ada Admin"; keys Tab
typed "ada@example.com"; keys Tab
typed "Example"; keys Enter
ok "General: Zoom's refusal of the manifest is said on the step, on the scopes" \
  wait_screen "Scopes: Zoom's manifest check refused"
ok "General: and the step stays" contains "$shot" "Create the app"
keys Enter
ok "General: Enter again: created, the credentials filled" \
  wait_screen "the ones it sent (Development credentials)"
keys Enter
ok "General: the new app's credentials pass live" \
  passes_live
keys Enter
wait_screen "Save and export" >/dev/null
keys Enter
wait_screen "What is left:" >/dev/null
keys Enter
wait_exit
is "General: the wizard ends with 0" "$status" 0
ok "General: the manifest was validated, the app created on /v2/marketplace/apps" \
  sh -c '[ "$(grep -c "/manifest/validate" "$1")" = 2 ] && grep -q "\"/v2/marketplace/apps\"" "$1"' - "$ZS_LOG"
ok "General: the profile keeps the app id" grep -q "^app_id=." "$profiles/own-app.ini"
# -- StackOne: its own redirect URL, user-managed, no events
config
wizard -- --preset stackone "$ARGS"
wait_screen "Step 1 of" >/dev/null
keys Enter
wait_screen "Making the app" >/dev/null
keys 2
wait_screen "1  general" >/dev/null
keys Enter
wait_screen "Management" >/dev/null
keys 1
ok "StackOne: the URLs, StackOne's own redirect URL" \
  wait_screen "https://api.stackone.com/connect/oauth2/zoom/callback"
keys Enter
wait_screen "Events" >/dev/null
keys Enter Enter
wait_screen "Filter:" >/dev/null
typed "user:read:user"
wait_screen "shown" >/dev/null
keys Space C-u Enter
wait_screen "To create:" >/dev/null
typed "Ada Admin"; keys Tab
typed "ada@example.com"; keys Tab
typed "Example"; keys Enter
ok "StackOne: created, the credentials filled" \
  wait_screen "the ones it sent (Development credentials)"
keys Enter
ok "StackOne: the new app's credentials pass live" \
  passes_live
keys Enter
wait_screen "Save and export" >/dev/null
keys Enter
wait_screen "What is left:" >/dev/null
keys Enter
wait_exit
is "StackOne: the wizard ends with 0" "$status" 0

# -- Mattermost at account and at user level: the site URL makes the rest, the event
# subscription goes into the manifest (here the site is the fake Zoom, so
# that every request stays on this machine)
for level in account user; do
  wizard -- --preset mattermost-$level "$ARGS"
  wait_screen "Step 1 of" >/dev/null
  keys Enter
  wait_screen "Making the app" >/dev/null
  keys 2
  wait_screen "1  general" >/dev/null
  keys Enter
  wait_screen "Management" >/dev/null
  keys Enter
  wait_screen "Site URL" >/dev/null
  typed "$ZS_URL"; keys Enter
  ok "Mattermost $level: the events made from the site URL, nothing to do in Zoom yet" \
    step "Events" "Nothing to do here" "Event endpoint"
  keys Enter
  wait_screen "Filter:" >/dev/null
  keys Enter
  ok "Mattermost $level: 'Create the app' shows the events and their endpoint" \
    step "Create the app" "Events: meeting.started meeting.ended, to" "Contact name"
  ok "Mattermost $level: the endpoint's ?secret= hidden" contains "$shot" "webhook?secret=…"
  typed "Ada Admin"; keys Tab
  typed "ada@example.com"; keys Tab
  typed "Example"; keys Enter
  ok "Mattermost $level: created, the Secret Token asked with the credentials" \
    step "App credentials" "copy the Secret Token from its Features → Access into the field below" "Secret Token"
  typed "$TOKEN"; keys Enter
  ok "Mattermost $level: the new app's credentials pass live" \
    passes_live
  ok "Mattermost $level: the manifest carried the event subscription" python3 -c 'import json, sys
made = [json.loads(l) for l in open(sys.argv[1])]
made = [r for r in made if r["path"] == "/v2/marketplace/apps" and r["method"] == "POST"]
ev = json.loads(made[-1]["body"])["manifest"]["features"]["event_subscription"]["events"][0]
sys.exit(not ("meeting.ended" in ev["event_types"]
              and "/plugins/zoom/webhook?secret=" in ev["development_webhook_url"]))' "$ZS_LOG"
  keys Escape
  wait_screen "Quit zoomwiz?" >/dev/null
  keys y
  wait_exit
done

# -- Recall.ai: created first, then its Secret Token, the registration and
# the event URL made from it, with the preset's guide for adding it by hand
n=0
for level in account user; do
  n=$((n + 1))
  config
  wizard -- --preset recall-$level "$ARGS" --recall-url "$RS_URL"
  wait_screen "Step 1 of" >/dev/null
  keys Enter
  wait_screen "Making the app" >/dev/null
  keys 2
  wait_screen "1  general" >/dev/null
  keys Enter
  wait_screen "Management" >/dev/null
  keys Enter
  ok "Recall $level: the URLs first, for the manifest" wait_screen "Redirect URL"
  typed "https://bots.example.com/zoom/callback"; keys Enter
  ok "Recall $level: the scopes before the app is created" wait_screen "Filter:"
  keys Enter
  ok "Recall $level: then 'Create the app'" wait_screen "To create:"
  typed "Ada Admin"; keys Tab
  typed "ada@example.com"; keys Tab
  typed "Example"; keys Enter
  ok "Recall $level: created, the credentials filled, the Secret Token asked with them" \
    step "App credentials" "copy the Secret Token from its Features → Access into the field below" "Secret Token"
  typed "$TOKEN"; keys Enter
  ok "Recall $level: then the registration with Recall.ai, which needs them" \
    wait_screen "Recall.ai region"
  keys Space Down
  typed "$RC_KEY"
  keys Enter Enter
  ok "Recall $level: registered, the event URL made from its id" \
    wait_screen "https://us-west-2.recall.ai/api/v2/zoom-oauth-apps/"
  ok "Recall $level: and the preset's guide for the events, after the app exists" \
    lacks "$shot" "Nothing to do here"
  # A loopback URL over Recall's, so the live test stays on this machine.
  keys C-u
  typed "$ZS_URL/zoom/events"
  keys Enter
  ok "Recall $level: the new app's credentials pass live" \
    passes_live
  keys Escape
  wait_screen "Quit zoomwiz?" >/dev/null
  keys y
  wait_exit
  ok "Recall $level: Recall.ai got the credentials Zoom sent" \
    sh -c '[ "$(grep -c "zoom-oauth-apps" "$1")" -ge "$2" ]' - "$tap_tmp/recall/log" "$n"
done

ok "no secret on any screen" sh -c '! grep -qF -e "$2" "$1"' - "$tap_tmp/screens" "$B_SECRET"
done_testing
