#!/bin/sh
# tui-walks.sh - the full-screen wizard walked end to end at 80x24, as a
# newcomer would, for a Server-to-Server app with events, StackOne,
# Recall.ai (registered inside the wizard) and Mattermost at user level:
# each step's screen shows what to do in Zoom before its questions, in
# Zoom's page order, and each walk ends with a live test that passes against
# the fake Zoom (and the event receiver), a saved profile and its export.
# Copyright (C) 2026 the zoomwiz authors. SPDX-License-Identifier: GPL-3.0-or-later
. "${top_srcdir:-$(dirname "$0")/..}/tests/tap.sh"
for tool in tmux python3 openssl secret-tool dbus-run-session gnome-keyring-daemon; do
  command -v $tool >/dev/null 2>&1 || { echo "1..0 # SKIP $tool not installed"; exit 0; }
done
under_keyring
. "$top_srcdir/tests/zoom-server.sh"
. "$top_srcdir/tests/webhook-receiver.sh"
RS_PID=
trap 'tmux -S "$SOCK" kill-server 2>/dev/null; webhook_receiver_stop; zoom_server_stop
[ -n "$RS_PID" ] && kill "$RS_PID" 2>/dev/null; rm -rf "$tap_tmp"' EXIT

SOCK=$tap_tmp/tmux.sock wizard_n=0
WORK=$tap_tmp/work
mkdir -p "$WORK"
ACCOUNT=AcCoUnTiD0000000000000
S2S_ID=S2sClientId0000000000
S2S_SECRET=S2sSecretXYZZY000000000000000000
TOKEN=S2sSecretTokenXYZZY0000001
SO_ID=StackOneClient00000000
SO_SECRET=StackOneSecretXYZZY00000000000000
RC_ID=RecallClient0000000001
RC_SECRET=RecallSecretXYZZY000000000000001
RC_KEY=recall-api-key-XYZZY-0001
MU_ID=MmUserClient0000000000
MU_SECRET=MmUserSecretXYZZY000000000000001
MU_TOKEN=MmUserTokenXYZZY0000000001
MU_HOOK=mmUserWebhookXYZZY_abcdefghijk12

zoom_server_certs "$tap_tmp/certs" || exit 99
cat > "$tap_tmp/config.json" <<EOF2
{ "clients": [
  {"client_id": "$S2S_ID", "client_secret": "$S2S_SECRET", "kind": "s2s",
   "account_id": "$ACCOUNT", "activated": true, "scopes": "user:read:user:admin"},
  {"client_id": "$SO_ID", "client_secret": "$SO_SECRET", "kind": "oauth",
   "scopes": "user:read:user",
   "redirect_uris": ["https://api.stackone.com/connect/oauth2/zoom/callback"]},
  {"client_id": "$RC_ID", "client_secret": "$RC_SECRET", "kind": "oauth",
   "scopes": "meeting:read:local_recording_token:admin meeting:read:list_meetings:admin user:read:list_users:admin",
   "redirect_uris": ["https://bots.example.com/zoom/callback"]} ] }
EOF2
zoom_server_start "$tap_tmp/config.json" || exit 99
webhook_receiver_start --mode zoom --secret-token "$TOKEN" \
  --cert "$tap_tmp/certs/server.pem" --key "$tap_tmp/certs/server.key" || exit 99
# The fake Recall.ai, for the registration inside the wizard.
mkdir -p "$tap_tmp/recall"
python3 "$top_srcdir/tests/recall-server.py" --cert "$ZS_CERTDIR/server.pem" \
  --key "$ZS_CERTDIR/server.key" --port-file "$tap_tmp/recall/port" --log "$tap_tmp/recall/log" \
  --api-key "$RC_KEY" </dev/null 2>"$tap_tmp/recall/stderr" &
RS_PID=$!
wait_for_port "$RS_PID" "$tap_tmp/recall" "the fake Recall.ai" || exit 99
RS_URL=https://127.0.0.1:$(cat "$tap_tmp/recall/port")

. "$top_srcdir/tests/tui-lib.sh"

# fake_zoom_config PYTHON [ARG...]: changes the fake Zoom's config (it is
# read again at each request): PYTHON changes cfg, with ARG... in arg.
fake_zoom_config () {
  python3 -c 'import json, os, sys
path, code, arg = sys.argv[1], sys.argv[2], sys.argv[3:]
cfg = json.load(open(path))
exec(code)
json.dump(cfg, open(path + ".new", "w"))
os.rename(path + ".new", path)' "$tap_tmp/config.json" "$@"
}

ARGS="--zoom-url $ZS_URL --api-url $ZS_URL --ca-file $ZS_CA"
profiles=$XDG_CONFIG_HOME/zoomwiz/profiles

# -- a Server-to-Server app with events (own-server)
wizard -- --preset own-server "$ARGS"
wait_screen "Step 1 of 7" >/dev/null
keys Enter
ok "S2S: the app type, with Build App's own words first" \
  step "App type" "select Server-to-Server OAuth App and click Create" "1 s2s"
keys Enter
ok "S2S: the credentials next, as on Zoom's App Credentials page" \
  step "App credentials" "Under App Credentials copy the Account ID, Client ID and Client Secret" "Account ID"
typed "$ACCOUNT"; keys Enter
typed "$S2S_ID"; keys Enter
typed "$S2S_SECRET"; keys Enter
ok "S2S: then the events, Zoom's Feature page" \
  step "Events" "under Feature turn on Event Subscription" "Event endpoint"
typed "$WR_BASE/zoom/events"
ok "S2S: an endpoint typed, the Secret Token is asked at once" \
  wait_screen "Secret Token  in Zoom: Features → Access"
keys Down
typed "meeting.ended"
keys Up Up
typed "$TOKEN"
keys Enter
ok "S2S: then the scopes, Zoom's Scopes page" step "Scopes" "Open Scopes, click Add Scopes" "Filter:"
typed "user:read:user:admin"
wait_screen "1 shown" >/dev/null
keys Space C-u Enter
ok "S2S: the live test says to activate the app first" \
  step "Live test" "Open Activation and click Activate your app" "credentials"
ok "S2S: and every check passes, the event endpoint's too" wait_screen "Every check passed"
ok "S2S: the receiver was sent a signed meeting.ended" python3 -c 'import json,sys
rs = [json.loads(l) for l in open(sys.argv[1])]
sys.exit(not any(json.loads(r["body"] or "{}").get("event") == "meeting.ended"
                 and r["headers"].get("x-zm-signature") for r in rs))' "$WR_LOG"
keys Enter
wait_screen "Save and export" >/dev/null
keys Enter
ok "S2S: saved, and what is left is said" wait_screen "What is left:"
keys Enter
wait_exit
is "S2S: the wizard ends with 0" "$status" 0
run export --profile own-server --format env
ok "S2S: the profile exports, with the account and the client" \
  sh -c '[ "$1" = 0 ] && printf "%s" "$2" | grep -q "$3" && printf "%s" "$2" | grep -q "$4"' \
  - "$rc" "$out" "$ACCOUNT" "$S2S_ID"
ok "S2S: the export file the save wrote is there, 0600" \
  sh -c '[ "$(stat -c %a "$1")" = 600 ]' - "$WORK/own-server.env"

# -- StackOne (a General app, OAuth)
wizard -- --preset stackone "$ARGS"
wait_screen "Step 1 of 10" >/dev/null
keys Enter
ok "StackOne: the app type, Build App first" step "App type" "select General app and click Create" "1 general"
keys Enter
ok "StackOne: who manages it, as Basic Information asks" \
  step "Management" "Under Select how the app is managed choose" "1 user"
keys 1
ok "StackOne: the credentials type, with the Development/Production toggle" \
  step "Credentials" "Use the Development/Production toggle" "1 development"
keys Enter
ok "StackOne: the app credentials" step "App credentials" "Under App Credentials copy the Client ID" "Client ID "
typed "$SO_ID"; keys Enter
typed "$SO_SECRET"; keys Enter
ok "StackOne: the URLs, Zoom's OAuth Information" step "URLs" "Under OAuth Information paste" "Redirect URL "
ok "StackOne: StackOne's own redirect URL, to paste" \
  wait_screen "https://api.stackone.com/connect/oauth2/zoom/callback"
keys Enter
wait_screen "Events" >/dev/null
keys Enter Enter
ok "StackOne: the scopes, for the actions used" step "Scopes" "the scopes for the StackOne actions" "Filter:"
typed "user:read:user"
wait_screen "shown" >/dev/null
keys Space C-u Enter
ok "StackOne: the live test names Local Test for Development" \
  step "Live test" "Open Local Test and check that the status shows Ready for local test" "credentials"
ok "StackOne: not Beta Test" lacks "$shot" "Beta Test"
ok "StackOne: the credentials pass live" \
  sh -c 'i=0; while [ $i -lt 100 ]; do tmux -S "$1" capture-pane -p | grep -Eq "pass +credentials" && exit 0; sleep 0.1; i=$((i+1)); done; exit 1' - "$SOCK"
keys Enter
wait_screen "Save and export" >/dev/null
keys Enter
ok "StackOne: what is left names StackOne's Connector Profiles" wait_screen "What is left:"
keys Enter
wait_exit
is "StackOne: the wizard ends with 0" "$status" 0
ok "StackOne: the finish text left on the terminal names the connector profile" \
  contains "$(screen -S -300)" "Connector Profiles"
run export --profile stackone --format env
ok "StackOne: the profile exports with its client" \
  sh -c '[ "$1" = 0 ] && printf "%s" "$2" | grep -q "$3"' - "$rc" "$out" "$SO_ID"

# -- a Recall.ai that never answers: Esc cancels the registration, and
# the step stays, its answers kept (the fake Zoom plays the silent Recall)
fake_zoom_config 'cfg["faults"] = [{"path": "/api/v2/zoom-oauth-apps/", "kind": "hang"}]'
hang=$(answers hang.answers 600 <<EOF2
[zoomwiz]
preset=recall-account
client_id=$RC_ID
client_secret=$RC_SECRET
redirect_url=https://bots.example.com/zoom/callback
secret_token=$TOKEN
recall_region=us-west-2
recall_api_key=$RC_KEY
EOF2
)
wizard -- --preset recall-account "$ARGS" --recall-url "$ZS_URL" --answers "$hang"
wait_screen "Step 1 of 12" >/dev/null
ok "Recall: the registration says Esc cancels it while it waits" \
  press_until Enter "Recall.ai… (Esc cancels)"
keys Escape
ok "Recall: Esc cancels it at once, and says so" wait_screen "Cancelled before 127.0.0.1"
ok "Recall: the registration step stays, to try again" \
  step "Register with Recall.ai" "At Recall.ai:" "Recall.ai region"
fake_zoom_config 'cfg.pop("faults", None)'

# -- Recall.ai (admin-managed): registered with Recall inside the wizard
wizard -- --preset recall-account "$ARGS" --recall-url "$RS_URL"
wait_screen "Step 1 of 12" >/dev/null
keys Enter
ok "Recall: the app type, Build App first" step "App type" "select General app and click Create" "1 general"
keys Enter Enter Enter
ok "Recall: the credentials" step "App credentials" "Under App Credentials copy the Development Client ID" "Client ID "
typed "$RC_ID"; keys Enter
typed "$RC_SECRET"; keys Enter
ok "Recall: the redirect URL, a page of the admin's own app" \
  step "URLs" "Recall does not host it, and refuses localhost" "Allow list"
typed "https://bots.example.com/zoom/callback"; keys Enter
ok "Recall: the Secret Token before the registration" \
  step "Secret Token" "Open Features → Access and copy the Secret Token" "Secret Token in Zoom:"
typed "$TOKEN"; keys Enter
ok "Recall: then the registration, said as Recall's" \
  step "Register with Recall.ai" "At Recall.ai:" "Recall.ai region"
keys Space Down
typed "$RC_KEY"
keys Enter Enter
ok "Recall: registered, the next step says so" wait_screen "Recall.ai registered the Zoom app as"
ok "Recall: the event URL is made from the id Recall returned, to compare" \
  step "Events" "zoomwiz made it from the id Recall returned" "Event endpoint"
ok "Recall: on the region's host" wait_screen "https://us-west-2.recall.ai/api/v2/zoom-oauth-apps/"
# The dashboard's URL pasted over it (here the loopback receiver).
keys C-u
typed "$WR_BASE/zoom/events"
keys Enter
ok "Recall: the scopes, the preset's three" step "Scopes" "Open Scopes, click Add Scopes" "Filter:"
keys Enter
ok "Recall: the live test passes, the endpoint's too" wait_screen "Every check passed"
keys Enter
wait_screen "Save and export" >/dev/null
keys Enter
wait_screen "To paste into the Marketplace" >/dev/null
keys Enter
wait_exit
is "Recall: the wizard ends with 0" "$status" 0
ok "Recall: what is left, on the terminal after it: the OAuth flow in the product" \
  sh -c 'printf "%s" "$1" | tr -s " \n" "  " | grep -q "What is left: 1. Last, build the OAuth flow in your product"' - "$(screen -S -300)"
run export --profile recall-account --format checklist
ok "Recall: the profile keeps the pasted endpoint" \
  contains "$out" "- Event notification endpoint URL: \`$WR_BASE/zoom/events\`"
ok "Recall: and the app id Recall returned" \
  grep -q '^recall_app_id=..*' "$profiles/recall-account.ini"
# -- Mattermost, user level: each user connects their own Zoom account
# The receiver plays the plugin now (its ?secret= is the webhook secret),
# and the fake Zoom learns the app, whose redirect URL is on the site.
webhook_receiver_stop
webhook_receiver_start --mode mattermost --url-secret "$MU_HOOK" --secret-token "$MU_TOKEN" \
  --cert "$tap_tmp/certs/server.pem" --key "$tap_tmp/certs/server.key" || exit 99
fake_zoom_config 'cfg["clients"].append({"client_id": arg[0], "client_secret": arg[1],
  "kind": "oauth", "scopes": "meeting:read:meeting meeting:write:meeting user:read:user",
  "redirect_uris": [arg[2] + "/plugins/zoom/oauth2/complete"]})' "$MU_ID" "$MU_SECRET" "$WR_BASE"
wizard -- --preset mattermost-user "$ARGS"
wait_screen "Step 1 of 10" >/dev/null
keys Enter
ok "MM user: the app type, Build App first" step "App type" "select General app and click Create" "1 general"
ok "MM user: only the app types the plugin works with" lacks "$shot" "Server-to-Server OAuth:"
keys Enter
ok "MM user: User-managed, as Basic Information asks" \
  step "Management" "under Select how the app is managed choose User-managed" "1 user"
ok "MM user: and no admin management to choose" lacks "$shot" "2  admin"
keys Enter
ok "MM user: the credentials type" step "Credentials" "Development" "1 development"
keys Enter
ok "MM user: the app credentials" step "App credentials" "Under App Credentials copy the Development Client ID" "Client ID "
typed "$MU_ID"; keys Enter
typed "$MU_SECRET"; keys Enter
ok "MM user: the URLs, Zoom's OAuth Information, naming the fields below" \
  step "URLs" "Under OAuth Information paste the Redirect URL below as OAuth Redirect URL" "Site URL"
typed "$WR_BASE"
ok "MM user: the site typed, the guide shows the redirect URL to paste" \
  step "URLs" "paste $WR_BASE/plugins/zoom/oauth2/complete as OAuth Redirect URL" "Site URL"
keys Enter Enter Enter
ok "MM user: the events: the Secret Token first, from Features → Access" \
  step "Events" "Open Features → Access and copy the Secret Token" "Secret Token"
ok "MM user: the Event Subscription not yet, with why" \
  step "Events" "Do not add the Event Subscription yet" "Secret Token"
typed "$MU_TOKEN"
# The plugin's webhook secret (zoomwiz made one): the receiver's.
keys Down Down Down Down Down C-u
typed "$MU_HOOK"
keys Enter
ok "MM user: the scopes, user level, the preset's three" \
  step "Scopes" "add exactly meeting:read:meeting meeting:write:meeting user:read:user" "Filter:"
ok "MM user: no rule broken" wait_screen "No rule is broken"
keys Enter
ok "MM user: the live test says not to click Install" \
  step "Live test" "Do not click Zoom's Install button" "credentials"
ok "MM user: the checks pass, the plugin's endpoint too" wait_screen "Every check passed"
ok "MM user: the endpoint answered as the plugin" \
  sh -c 'printf "%s" "$1" | grep -Eq "pass +webhook "' - "$shot"
# A user's authorization, over SSH: the landing address pasted.
keys p
wait_screen "address it lands on here and press Enter" >/dev/null
keys C-y
sleep 0.3
mu_url=$(tmux -S "$SOCK" show-buffer 2>/dev/null)
curl -s --noproxy '*' --max-time 10 --cacert "$ZS_CA" -o /dev/null -w '%{redirect_url}' "$mu_url" \
  > "$tap_tmp/paste"
tmux -S "$SOCK" load-buffer "$tap_tmp/paste"
tmux -S "$SOCK" paste-buffer -p
keys Enter
ok "MM user: with a user's authorization, pasted, every check passes" \
  wait_screen "Every check passed"
ok "MM user: the user and the user-level scopes too" \
  sh -c 'printf "%s" "$1" | grep -Eq "pass +user " && printf "%s" "$1" | grep -Eq "pass +scopes "' - "$shot"
keys Enter
ok "MM user: the save proposes the Mattermost export" wait_screen "mattermost-user-mattermost.json"
keys Enter
wait_screen "Saved." >/dev/null
ok "MM user: the finish screen's text is longer than its room: ^G reads it all" \
  wait_screen "^G all of it on one screen"
keys C-g
ok "MM user: ^G: what is left, on the pager's pages" press_until NPage "What is left:" 6
keys Escape
wait_screen "Enter finish" >/dev/null
keys Enter
wait_exit
is "MM user: the wizard ends with 0" "$status" 0
ok "MM user: the finish text says each user connects with /zoom connect" \
  sh -c 'printf "%s" "$1" | tr -s " \n" "  " | grep -q "Each user then connects their own Zoom account in Mattermost with /zoom connect"' - "$(screen -S -300 -J)"
ok "MM user: and never to click Install" \
  sh -c 'printf "%s" "$1" | tr -s " \n" "  " | grep -q "Never click Zoom.s Install button"' - "$(screen -S -300 -J)"
run export --profile mattermost-user --format mattermost
ok "MM user: the profile exports the plugin's settings, user level" \
  sh -c '[ "$1" = 0 ] && printf "%s" "$2" | grep -q "\"oauthclientid\": *\"$3\"" && printf "%s" "$2" | grep -q "\"accountlevelapp\": *false"' \
  - "$rc" "$out" "$MU_ID"
ok "MM user: the export the save wrote is there, 0600" \
  sh -c '[ "$(stat -c %a "$1")" = 600 ]' - "$WORK/mattermost-user-mattermost.json"

ok "no secret was ever on a screen" \
  sh -c '! grep -qF -e "$2" -e "$3" -e "$4" -e "$5" -e "$6" -e "$7" -e "$8" "$1"' - "$tap_tmp/screens" "$S2S_SECRET" "$SO_SECRET" "$TOKEN" "$RC_SECRET" "$RC_KEY" "$MU_SECRET" "$MU_TOKEN"
done_testing
