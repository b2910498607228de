#!/bin/sh
# tui.sh - the full-screen wizard in a real terminal: tmux runs the real
# binary, send-keys types, capture-pane reads the screen. The Mattermost
# account-level set-up end to end against the fake Zoom and a Mattermost
# plugin receiver (a rejected :admin mix on the way), saved to a real
# keyring and exported; then a resize, quit and resume, a lost terminal
# (SIGHUP), ^C, NO_COLOR, wide characters, and TERM=dumb.
# Copyright (C) 2026 the zoomwiz authors. SPDX-License-Identifier: GPL-3.0-or-later
. "${top_srcdir:-$(dirname "$0")/..}/tests/tap.sh"
for tool in tmux python3 openssl jq secret-tool dbus-run-session gnome-keyring-daemon; do
  command -v $tool >/dev/null 2>&1 || { echo "1..0 # SKIP $tool not installed"; exit 0; }
done
under_keyring
. "$top_srcdir/tests/zoom-server.sh"
. "$top_srcdir/tests/webhook-receiver.sh"
# Both servers, and the terminal, end with the test.
trap 'tmux -S "$SOCK" kill-server 2>/dev/null; webhook_receiver_stop; zoom_server_stop
rm -rf "$tap_tmp"' EXIT

ok "only src/tui/screen.c includes curses.h" \
  sh -c '[ "$(grep -rl "include <n\?curses" "$1/src" | sed "s|^$1/||")" = src/tui/screen.c ]' - "$top_srcdir"

SOCK=$tap_tmp/tmux.sock wizard_n=0
WORK=$tap_tmp/work
mkdir -p "$WORK"
CLIENT_ID=MmClientId000000000000
CLIENT_SECRET=MmClientSecretXYZZY0000000000000
TOKEN=MmSecretTokenXYZZY000000001
HOOK=mmWebhookSecretXYZZY_abcdefghij1

zoom_server_certs "$tap_tmp/certs" || exit 99
cat > "$tap_tmp/config.json" <<EOF2
{ "clients": [ {"client_id": "$CLIENT_ID", "client_secret": "$CLIENT_SECRET", "kind": "oauth",
   "scopes": "meeting:read:meeting:admin meeting:write:meeting:admin user:read:user:admin",
   "redirect_uris": ["https://127.0.0.1/plugins/zoom/oauth2/complete", "http://127.0.0.1/zoomwiz/callback"]} ] }
EOF2
zoom_server_start "$tap_tmp/config.json" || exit 99
webhook_receiver_start --mode mattermost --url-secret "$HOOK" --secret-token "$TOKEN" \
  --cert "$tap_tmp/certs/server.pem" --key "$tap_tmp/certs/server.key" || exit 99
# The site's redirect URL, with the receiver's port, for the paste over SSH
# (Zoom ignores the port only of a loopback http URL); the fake Zoom reads
# its config again at each request.
sed "s|\"http://127.0.0.1/zoomwiz/callback\"|&, \"$WR_BASE/plugins/zoom/oauth2/complete\"|" \
  "$tap_tmp/config.json" > "$tap_tmp/config.new" && mv "$tap_tmp/config.new" "$tap_tmp/config.json"

# wizard [ENV=VALUE...] -- [ARGS...]: starts "zoomwiz setup ARGS" in a new
# 80x24 tmux terminal (the one before is ended). The pane stays when it
# exits, so its last screen and exit status can be read.
# end_wizard: ends the terminal (zoomwiz gets the SIGHUP of a lost
# terminal, and keeps its answers) and waits until zoomwiz has gone; the
# next terminal gets a tmux server of its own (a new session on the socket
# of a server still exiting fails: "server exited unexpectedly").
. "$top_srcdir/tests/tui-lib.sh"

ARGS="--zoom-url $ZS_URL --api-url $ZS_URL --ca-file $ZS_CA"

# -- the Mattermost account-level set-up, end to end
wizard -- "$ARGS"
ok "the first screen is the integration, step 1 of 10" wait_screen "Step 1 of 10"
ok "the footer says which keys work" wait_screen "Enter take"
ok "the alternate screen is on while the wizard runs" [ "$(pane alternate_on)" = 1 ]
keys 1
ok "choosing the preset by its number: the app type, step 2" wait_screen "Step 2 of 10"
ok "the retired JWT apps are explained" wait_screen "JWT apps were switched off"
keys Enter
ok "management, with a line of help per choice" wait_screen "an admin allows it for the account"
keys Enter
wait_screen "Development credentials" >/dev/null
keys Enter
ok "the credentials step, in Zoom's order: right after the app is made" wait_screen "Client ID"
ok "it opens with what to do in Zoom, on Zoom's page" wait_screen "In Zoom:  • Under App Credentials copy"
ok "an empty field says where its value is" wait_screen "in Zoom on the app's App Credentials page"
keys Enter
ok "Enter on an empty Client ID stays there and says what it needs" \
  wait_screen "Put Client ID right before going on"
ok "and its note says what is wrong, whole" wait_screen "No client ID is given."
typed "$CLIENT_ID"
keys Enter
ok "Enter moves to the field still empty" wait_screen "Client Secret"
typed "$CLIENT_SECRET"
keys Enter
ok "the URLs step" wait_screen "Site URL"
ok "its guide names Zoom's OAuth Information" wait_screen "Under OAuth Information paste"
typed "$WR_BASE"
ok "the redirect URL follows the site URL as it is typed" \
  wait_screen "$WR_BASE/plugins/zoom/oauth2/complete"
keys Enter
ok "the events step starts at the Secret Token" wait_screen "Secret Token"
ok "its guide says to add the subscription only once the plugin runs" \
  wait_screen "Do not add the Event Subscription yet"
ok "the event endpoint's secret is hidden" wait_screen "webhook?secret=…"
ok "the deauthorization URL is shown with its secret hidden" \
  wait_screen "deauthorization?secret=…"
keys C-g
ok "^G shows the step's guide whole" wait_screen "Cloud recording must be enabled in your Zoom account."
keys Escape
wait_screen "Secret Token" >/dev/null
typed "$TOKEN"
ok "the Secret Token is masked as it is typed" \
  sh -c '! printf "%s" "$1" | grep -qF "$2"' - "$(screen)" "$TOKEN"
keys C-r
ok "^R shows it" wait_screen "$TOKEN"
keys C-r Down Down Down Down Down C-u
typed "$HOOK"
keys Enter
ok "the scopes: the preset's three, required ones marked" wait_screen "3 scopes selected"
ok "a required scope is marked with a star" wait_screen "[x] ★ user:read:user:admin"
typed "user:read:user"
wait_screen "3 shown" >/dev/null
keys Space
ok "selecting a user-level scope beside :admin ones is found at once" \
  wait_screen "User-level and"
keys Enter
ok "Enter with the mix is refused, naming why" wait_screen "The selection breaks a rule"
keys Space C-u
ok "unselected again, the filter cleared: no rule broken" wait_screen "No rule is broken"
keys Enter
ok "the live test runs and every check passes" wait_screen "Every check passed"
ok "the credentials check passed" sh -c 'printf "%s" "$1" | grep -Eq "pass +credentials"' - "$shot"
ok "the plugin's endpoint answered the validation" sh -c 'printf "%s" "$1" | grep -Eq "pass +webhook "' - "$shot"
ok "what is skipped says this screen's key, not a command" \
  sh -c 'printf "%s" "$1" | grep -q "press a to" && ! printf "%s" "$1" | grep -q "verify --authorize"' - "$shot"
keys a
ok "a: the authorization flow shows the address to open" wait_screen "Open this address in a browser"
keys Escape
ok "Esc cancels the waiting check, and says so" wait_screen "Cancelled."
ok "the check says the authorization was cancelled" wait_screen "The authorization was cancelled."
keys a
wait_screen "Open this address in a browser" >/dev/null
keys C-y
sleep 0.3
auth_url=$(tmux -S "$SOCK" show-buffer 2>/dev/null)
ok "^Y copies it" sh -c 'printf "%s" "$1" | grep -q "^$2/oauth/authorize?.*code_challenge_method=S256"' - "$auth_url" "$ZS_URL"
# The test plays the browser: Zoom's redirect, then the listener.
location=$(curl -s --noproxy '*' --max-time 10 --cacert "$ZS_CA" -o /dev/null -w '%{redirect_url}' "$auth_url")
curl -s --noproxy '*' --max-time 10 "$location" >/dev/null
ok "with a user's authorization every check passes" wait_screen "Every check passed"
ok "the user and the scopes too" \
  sh -c 'printf "%s" "$1" | grep -Eq "pass +user " && printf "%s" "$1" | grep -Eq "pass +scopes "' - "$shot"
# Over SSH the browser is elsewhere: p asks for the address it lands on.
keys p
ok "p: the address to open, for a browser on any machine" \
  wait_screen "Open this address in a browser on any machine"
ok "and where Zoom sends the browser, to paste from" \
  wait_screen "address it lands on here and press Enter"
ok "the footer names the keys of the paste" wait_screen "Enter test the pasted address"
keys C-y
sleep 0.3
auth_url=$(tmux -S "$SOCK" show-buffer 2>/dev/null)
location=$(curl -s --noproxy '*' --max-time 10 --cacert "$ZS_CA" -o /dev/null -w '%{redirect_url}' "$auth_url")
ok "Zoom sends that browser to the app's own redirect URL" \
  sh -c 'printf "%s" "$1" | grep -q "^$2/plugins/zoom/oauth2/complete?code=.*&state="' - "$location" "$WR_BASE"
printf '%s' "$location" > "$tap_tmp/paste"
tmux -S "$SOCK" load-buffer "$tap_tmp/paste"
tmux -S "$SOCK" paste-buffer -p
keys Enter
ok "the pasted address completes the authorization: every check passes" \
  wait_screen "Every check passed"
ok "the user's checks ran" sh -c 'printf "%s" "$1" | grep -Eq "pass +user "' - "$shot"
keys p
wait_screen "address it lands on here and press Enter" >/dev/null
typed "$WR_BASE/plugins/zoom/oauth2/complete"
keys Enter
ok "an address without the code fails, saying what to paste" \
  wait_screen "fix: Paste the whole address"
keys p
wait_screen "address it lands on here and press Enter" >/dev/null
keys Escape
ok "Esc leaves the paste, and says so" wait_screen "Cancelled."
keys r
wait_screen "Every check passed" >/dev/null
keys Enter
ok "the save step proposes the Mattermost export" wait_screen "mattermost-account-mattermost.json"
keys Enter
ok "saved: the finish screen" wait_screen "To paste into the Marketplace"
ok "the redirect URL is on the paste panel" wait_screen "Redirect URL"
keys C-y
ok "^Y says it copied" wait_screen "sent to the clipboard (OSC 52)"
is "the terminal's clipboard got the redirect URL (OSC 52)" \
  "$(tmux -S "$SOCK" show-buffer 2>/dev/null)" "$WR_BASE/plugins/zoom/oauth2/complete"
keys Enter
wait_exit
is "finishing exits 0" "$status" 0
ok "the terminal is restored (no alternate screen)" [ "$(pane alternate_on)" = 0 ]
ok "the checklist stays on the terminal" contains "$(screen -S -300)" "Profile mattermost-account saved"
ok "the live test used the loopback listener: what is left says to take it off the allow list" \
  sh -c 'printf "%s" "$1" | tr -s " \n" "  " | grep -q "If you added http://127.0.0.1/zoomwiz/callback to OAuth Allow Lists only for zoomwiz.s test, remove it again"' - "$(screen -S -300 -J)"
run profiles show mattermost-account
ok "the profile is saved, its secrets in the keyring" \
  sh -c '[ "$1" = 0 ] && printf "%s" "$2" | grep -q "keyring"' - "$rc" "$out"
is "the Client Secret is in the keyring" \
  "$(secret-tool lookup profile mattermost-account field client_secret)" "$CLIENT_SECRET"
patch=$WORK/mattermost-account-mattermost.json
ok "the Mattermost config patch is written, mode 0600" \
  sh -c '[ "$(stat -c %a "$1")" = 600 ]' - "$patch"
settings=$(jq -c --arg t "$TOKEN" --arg h "$HOOK" --arg c "$CLIENT_ID" \
  '.PluginSettings.Plugins.zoom | .accountlevelapp == true and .zoomwebhooksecret == $t and .webhooksecret == $h and .oauthclientid == $c' "$patch")
is "the patch holds the plugin's settings" "$settings" true
ok "no secret was ever on a screen" \
  sh -c '! grep -qF -e "$2" -e "$3" "$1"' - "$tap_tmp/screens" "$CLIENT_SECRET" "$HOOK"
ok "nothing is left to resume" [ ! -e "$XDG_STATE_HOME/zoomwiz/resume.ini" ]

# -- a terminal too small, then large again
wizard -- "$ARGS"
wait_screen "Step 1 of 10" >/dev/null
tmux -S "$SOCK" resize-window -x 50 -y 12
ok "a terminal smaller than the wizard needs says so" wait_screen "zoomwiz needs at least"
tmux -S "$SOCK" resize-window -x 100 -y 30
ok "enlarged, the step is drawn again at once" wait_screen "Step 1 of 10"
ok "at the new width" sh -c '[ "$(printf "%s\n" "$1" | head -n 1 | wc -L)" -gt 95 ]' - "$shot"

# -- quit, then resume
keys 1 Enter Enter Enter
wait_screen "Client ID" >/dev/null
typed "ResumeClientId00000000"
keys Enter
typed "ResumeSecretXYZZY"
keys Enter
wait_screen "Site URL" >/dev/null
typed "https://例え.jp"
ok "wide characters render in place" wait_screen "https://例え.jp/plugins/zoom/oauth2/complete"
keys Escape
ok "Esc asks before quitting" wait_screen "Quit zoomwiz?"
keys n
ok "n stays, with the answer kept" wait_screen "https://例え.jp"
keys Escape
wait_screen "Quit zoomwiz?" >/dev/null
keys y
wait_exit
is "quitting exits 5" "$status" 5
resume=$XDG_STATE_HOME/zoomwiz/resume.ini
ok "the answers are kept for next time, mode 0600" \
  sh -c 'grep -q "^site_url=https://例え.jp" "$1" && [ "$(stat -c %a "$1")" = 600 ]' - "$resume"
ok "without the generated secrets" sh -c '! grep -Eq "^(webhook_secret|encryption_key)=" "$1"' - "$resume"
wizard -- "$ARGS"
ok "the next start offers to go on" wait_screen "An unfinished set-up"
keys Enter
ok "and goes on at the step left, with the answers" wait_screen "Site URL"
ok "the site URL is back" wait_screen "https://例え.jp"

# -- a lost terminal (SIGHUP) in the middle of typing a secret
keys C-u
typed "https://chat.example.com"
keys C-p
wait_screen "Client ID" >/dev/null
ok "back at the credentials: the Client ID kept, the secret not" \
  sh -c 'printf "%s" "$1" | grep -q "ResumeClientId00000000" && ! printf "%s" "$1" | grep -q "••"' - "$(screen)"
keys Up C-u
typed "LostClientId0000000000"
wait_screen "LostClientId0000000000" >/dev/null
keys Enter
typed "LostSecretXYZZY"
# Only what zoomwiz has read can be kept: the 15 characters on the screen.
wait_screen "•••••••••••••••" >/dev/null
tmux -S "$SOCK" kill-pane
# zoomwiz writes the file as it ends (slowly in the sanitizer build).
i=0
until grep -q "^client_id=LostClientId" "$resume" 2>/dev/null || [ $i -ge 100 ]; do sleep 0.1; i=$((i + 1)); done
ok "a lost terminal keeps the answers typed so far" \
  sh -c 'grep -q "^client_id=LostClientId0000000000" "$1" && grep -q "^step=credentials" "$1"' - "$resume"
ok "but never the secret being typed" sh -c '! grep -q "LostSecret" "$1"' - "$resume"

# -- ^C restores the terminal
wizard -- "$ARGS"
wait_screen "An unfinished set-up" >/dev/null
keys Down Enter
ok "start over: the first step" wait_screen "Step 1 of 10"
keys C-c
wait_exit
is "^C ends it with 130" "$status" 130
ok "and restores the terminal" [ "$(pane alternate_on)" = 0 ]

# fresh: ends the wizard running (a lost terminal: it keeps its answers),
# and forgets them, so the next one starts at the first step.
fresh () { end_wizard; rm -f "$resume"; }

# -- ^\ (SIGQUIT) as ^C: the terminal given back
fresh
wizard -- "$ARGS"
wait_screen "Step 1 of 10" >/dev/null
keys 'C-\'
wait_exit
is "^\\ ends it with 131" "$status" 131
ok "and restores the terminal" [ "$(pane alternate_on)" = 0 ]

# -- a crash (a SIGSEGV or SIGABRT sent to it): the terminal given back,
# said, then the signal's own end (no core: zoomwiz holds secrets). What
# it wrote is read from the pane's raw output: tmux may draw a pane that
# has just died before its last bytes.
for sig in SEGV:139 ABRT:134; do
  fresh
  wizard -- "$ARGS"
  wait_screen "Step 1 of 10" >/dev/null
  rm -f "$tap_tmp/raw"
  tmux -S "$SOCK" pipe-pane -o "cat > $tap_tmp/raw"
  kill -"${sig%:*}" "$(cat "$tap_tmp/pid")"
  wait_exit
  is "SIG${sig%:*} ends it as the signal does (${sig#*:})" "$status" "${sig#*:}"
  ok "and leaves the alternate screen, then says it crashed" \
    sh -c '[ "$1" = 0 ] && LC_ALL=C grep -qF "$(printf "\033[?1049lzoomwiz: crashed; the terminal was restored.")" "$2"' \
    - "$(pane alternate_on)" "$tap_tmp/raw"
done

# -- ^C at the line mode's prompt without echo: echo comes back. The pane's
# shell reads the terminal's settings once zoomwiz has gone (its INT trap).
fresh
printf '[zoomwiz]\npreset = own-server\naccount_id = AcCoUnTiD0000000000000\nclient_id = S2sClientId0000000000\nscopes = user:read:user:admin\n' > "$tap_tmp/noecho.ini"
tmux -S "$SOCK" -f /dev/null new-session -d -x 80 -y 24 -c "$WORK" \
  "trap 'stty -a > $tap_tmp/stty' INT; env TERM=screen-256color HOME=$HOME \
XDG_CONFIG_HOME=$XDG_CONFIG_HOME XDG_STATE_HOME=$XDG_STATE_HOME ZOOMWIZ_DATADIR=$ZOOMWIZ_DATADIR \
LANG=$LANG LC_ALL=$LC_ALL $ZOOMWIZ setup --plain --answers $tap_tmp/noecho.ini; sleep 10"
i=0
while [ $i -lt 30 ] && ! screen | grep -q 'client_secret: *$'; do keys Enter; sleep 0.3; i=$((i + 1)); done
ok "the line mode reaches the Client Secret, asked without echo" sh -c 'printf "%s" "$1" | grep -q "client_secret: *$"' - "$(screen)"
keys C-c
i=0; while [ ! -s "$tap_tmp/stty" ] && [ $i -lt 50 ]; do sleep 0.1; i=$((i + 1)); done
ok "after ^C there, the terminal echoes again" sh -c 'grep -Eq "(^| )echo( |$)" "$1"' - "$tap_tmp/stty"

# -- NO_COLOR: attributes only
fresh
wizard NO_COLOR=1 -- "$ARGS"
wait_screen "Step 1 of 10" >/dev/null
ok "NO_COLOR: no colour, the bars still in reverse video" \
  sh -c 'printf "%s" "$1" | grep -q "\[7m" && ! printf "%s" "$1" | grep -Eq "\[([0-9;]*;)?(3|4)[0-7]m"' - "$(screen -e)"
fresh
wizard -- "$ARGS"
wait_screen "Step 1 of 10" >/dev/null
ok "in colour otherwise" sh -c 'printf "%s" "$1" | grep -Eq "\[([0-9;]*;)?(3|4)[0-7]m"' - "$(screen -e)"

# s2s_to_events [ENV=VALUE...]: a new own-server wizard, walked to its events
# step (one scope chosen).
s2s_to_events () {
  fresh
  wizard "$@" -- --preset own-server --no-test
  wait_screen "Step 1 of 7" >/dev/null
  keys Enter Enter
  wait_screen "Account ID" >/dev/null
  typed "AcCoUnTiD0000000000000"; keys Enter
  typed "S2sClientId0000000000"; keys Enter
  typed "S2sSecretXYZZY000000000000000000"; keys Enter
  wait_screen "Event endpoint" >/dev/null
}

# -- no keyring: asked before the first secret, not found out at the save
fresh
wizard DBUS_SESSION_BUS_ADDRESS=unix:path=/nonexistent/bus -- --preset mattermost-user --no-test
wait_screen "Step 1 of 10" >/dev/null
keys Enter Enter Enter Enter
ok "before the step that asks the Client Secret: no keyring answers, said" \
  wait_screen "No Secret Service keyring answers here"
ok "the file store is offered first" wait_screen "> Keep them in a file only I can read"
keys Enter
ok "taken: the step, with what was chosen" \
  wait_screen "The secrets will be kept in a 0600 file beside the profile."
ok "the step is the one with the Client Secret" wait_screen "Client Secret"
fresh
wizard DBUS_SESSION_BUS_ADDRESS=unix:path=/nonexistent/bus -- --preset own-server --no-test
wait_screen "Step 1 of 7" >/dev/null
keys Enter Enter
ok "a Server-to-Server app: asked before the credentials" \
  wait_screen "No Secret Service keyring answers here"
keys Down Enter
wait_exit
is "Quit there exits 5" "$status" 5
ok "with the answers kept, at the step it would have gone to" grep -q "^step=credentials" "$resume"

# -- a field an answer makes necessary appears at once: the Secret Token,
# for a Server-to-Server app, as soon as an event endpoint is typed
s2s_to_events
ok "the events step of a Server-to-Server app starts without a Secret Token field" \
  sh -c '! printf "%s\n" "$1" | grep -q "^  Secret Token"' - "$(screen)"
typed "https://hooks.example.com/zoom"
ok "an endpoint typed: the Secret Token field is there at once, saying where it is" \
  wait_screen "Secret Token  in Zoom: Features → Access"
ok "and the endpoint stays as typed, focused" \
  sh -c 'printf "%s\n" "$1" | sed -n "$(($2 + 1))p" | grep -q "https://hooks.example.com/zoom"' - "$(screen)" "$(pane cursor_y)"

# -- a profile of the same name: said with this screen's keys, not --force
printf 'S2sSecretXYZZY000000000000000000' > "$tap_tmp/dup-secret"
chmod 600 "$tap_tmp/dup-secret"
printf '[zoomwiz]\npreset=own-server\naccount_id=AcCoUnTiD0000000000000\nclient_id=S2sClientId0000000000\nclient_secret_file=%s\nscopes=user:read:user:admin\n' \
  "$tap_tmp/dup-secret" > "$tap_tmp/dup.ini"
chmod 600 "$tap_tmp/dup.ini"
# to_save: Enter through the steps the answers file answers, to the save
# step; each Enter only once the step before it is drawn (an Enter sent on
# a slow machine while the save step came would save).
to_save () {
  ts_i=0
  while [ $ts_i -lt 12 ] && ! screen | grep -q "Save and export"; do
    ts_at=$(screen | grep -o 'Step [0-9]* of' | head -1)
    keys Enter
    ts_j=0
    while [ $ts_j -lt 50 ] && [ "$(screen | grep -o 'Step [0-9]* of' | head -1)" = "$ts_at" ]; do
      sleep 0.1; ts_j=$((ts_j + 1))
    done
    ts_i=$((ts_i + 1))
  done
  wait_screen "Save and export" >/dev/null
}
for run in first second; do
  fresh
  rm -f "$WORK/dup.env"
  wizard -- --answers "$tap_tmp/dup.ini" --no-test --secret-store file --profile dup
  wait_screen "Step 1 of 7" >/dev/null
  to_save
  keys Enter
  # The first saves: its wizard is not ended before it has.
  [ $run = first ] && wait_screen "Profile dup saved" >/dev/null
done
ok "saving over a profile of the same name: said with this screen's keys" \
  wait_screen "exists already: give another name, or press Enter again"
ok "not with a command-line flag" lacks "$shot" "--force"
keys Enter
ok "Enter again replaces it" wait_screen "Profile dup saved"

# mm_to_urls: a new mattermost-user wizard, walked to its URLs step.
mm_to_urls () {
  fresh
  wizard -- --preset mattermost-user --no-test
  wait_screen "Step 1 of 10" >/dev/null
  keys Enter Enter Enter Enter
  wait_screen "Client ID" >/dev/null
  typed "MmClientId000000000000"; keys Enter
  typed "mm-secret-value-0001"; keys Enter
  wait_screen "Site URL" >/dev/null
}

# -- careless input is tidied, and said: spaces, a bare host, a trailing /
mm_to_urls
typed " chat.example.com/ "
keys Tab
ok "leaving the field: what was changed is said" \
  wait_screen "https:// was put in front."
ok "the field holds the tidied URL" wait_screen "    https://chat.example.com"
ok "and the redirect URL has no double /" \
  sh -c 'printf "%s" "$1" | grep -q "https://chat.example.com/plugins/zoom/oauth2/complete" && ! printf "%s" "$1" | grep -q "com//plugins"' - "$shot"

# -- a paste comes as thousands of keys at once: the field takes them all,
# the rules run once (3,000 characters took 44 s when they ran per key),
# and past the field's bound the rest is left out, said
mm_to_urls
python3 -c 'print("https://chat.example.com/" + "a" * 3000 + "PASTEEND", end="")' > "$tap_tmp/paste"
tmux -S "$SOCK" load-buffer "$tap_tmp/paste"
tmux -S "$SOCK" paste-buffer
ok "a 3,000-character paste lands whole in the field" wait_screen "aaaaPASTEEND"
keys C-u
python3 -c 'print("https://chat.example.com/" + "b" * 6000, end="")' > "$tap_tmp/paste"
tmux -S "$SOCK" load-buffer "$tap_tmp/paste"
tmux -S "$SOCK" paste-buffer
ok "one of 6,000 stops at the field's 4,096 characters, and says so" \
  wait_screen "takes at most 4096 characters"
# A bracketed paste (tmux's -p, as a terminal sends one): its ESC is not
# Esc, and a line break in it is a space, not Enter.
keys C-u
printf 'https://paste.example.com\nrest' > "$tap_tmp/paste"
tmux -S "$SOCK" load-buffer "$tap_tmp/paste"
tmux -S "$SOCK" paste-buffer -p
ok "a bracketed paste lands in the field, its line break a space" \
  wait_screen "https://paste.example.com rest"
ok "and no quit question came up, nor a marker in the field" \
  sh -c '! printf "%s" "$1" | grep -q -e "Quit zoomwiz" -e "200~" -e "201~"' - "$shot"

# -- the C locale (LANG unset, as on a bare server): ASCII stand-ins for
# the arrows and dots, never a byte the terminal cannot show
fresh
wizard LANG=C LC_ALL=C -- "$ARGS"
wait_screen "Step 1 of 10" >/dev/null
ok "C locale: the footer's arrows are ASCII" wait_screen "^v choose  Enter take"
ok "C locale: only printable ASCII on the screen" \
  sh -c '! printf "%s" "$1" | LC_ALL=C grep -q "[^ -~]"' - "$shot"
keys 1
ok "C locale: the guide of a step, its arrows and bullets as ASCII" \
  wait_screen "In Zoom:  * On marketplace.zoom.us sign in"
ok "C locale: still only printable ASCII" \
  sh -c '! printf "%s" "$1" | LC_ALL=C grep -q "[^ -~]"' - "$shot"
keys Escape
ok "C locale: the quit question in ASCII" wait_screen "y quit - n stay"
keys y
wait_exit

# -- TERM=dumb: the same steps as prompts
fresh
wizard TERM=dumb -- "$ARGS"
ok "TERM=dumb gets the numbered prompts" wait_screen "Step 1 of 10: Integration"
done_testing
