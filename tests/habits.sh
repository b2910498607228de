#!/bin/sh
# habits.sh - the habits of every command (issue 15, point 3): each error
# line starts with "zoomwiz:" (getopt's too, and in German); profiles
# list's header row and "did you mean"; the secrets a preset generates made
# at import; the default profile (profiles default, ZOOMWIZ_PROFILE);
# profiles show's origins; --quiet; the progress line in a real terminal
# (tmux) against the fake Zoom (tests/zoom-server.py).
# Copyright (C) 2026 the zoomwiz authors. SPDX-License-Identifier: GPL-3.0-or-later
. "${top_srcdir:-$(dirname "$0")/..}/tests/tap.sh"
: "${ZOOMWIZ_LOCALEDIR:=$top_builddir/locale}"
export ZOOMWIZ_LOCALEDIR

# errors_prefixed FILE: every line of FILE that is not a hint ("Try '...",
# a finding's "  fix: ...") starts with "zoomwiz: ", and there is one.
errors_prefixed () {
  grep -q . "$1" && ! grep -v -e "^zoomwiz: " -e "^Try '" -e "^Versuchen Sie" -e "^  fix: " \
    -e "^  Korrektur: " "$1" | grep -q .
}

# usage_error FILE, failed_said FILE: run's exit 2 (or not 0) and FILE as
# errors_prefixed, else FILE shown as comments.
usage_error () { [ "$rc" = 2 ] && errors_prefixed "$1" || { sed 's/^/# /' "$1"; false; }; }
failed_said () { [ "$rc" != 0 ] && errors_prefixed "$1" || { sed 's/^/# /' "$1"; false; }; }

# -- 1. every error starts with "zoomwiz:"
commands=$(sed -n 's/^  { "\([a-z]*\)", cmd_[a-z]* },$/\1/p' "$top_srcdir/src/cli/main.c" | xargs)
ok "the command table is read from main.c" [ -n "$commands" ]
for c in $commands; do
  run "$c" --no-such-option
  ok "$c --no-such-option: exit 2, each error line 'zoomwiz: ...' (not getopt's argv[0])" \
    usage_error "$tap_tmp/err"
done
printf '[zoomwiz]\npreset=own-server\nclient_id=x y\nfrobnicate=1\n' > "$tap_tmp/bad.ini"
# One bad value for each command: an option's, an argument's, a file's.
while read -r args; do
  # shellcheck disable=SC2086
  run $args
  ok "$args: fails, each error line 'zoomwiz: ...'" \
    failed_said "$tap_tmp/err"
done <<EOF2
setup --answers $tap_tmp/none.ini
presets matermost-account
scopes --timeout
check
secret generate --bytes x
verify --timeout 0
verify --answers $tap_tmp/bad.ini
webhook test --cloud mars
profiles frob
export --format bogus
register frob
create --timeout x
rotate --profile nope
EOF2
"$ZOOMWIZ" --frob 2>"$tap_tmp/err" >/dev/null
ok "an option before the command: 'zoomwiz:', not the path run" errors_prefixed "$tap_tmp/err"
LANGUAGE=de "$ZOOMWIZ" verify --timeout 0 2>"$tap_tmp/err" >/dev/null
ok "in German too: 'zoomwiz: --timeout erwartet ...'" grep -q "^zoomwiz: --timeout erwartet" "$tap_tmp/err"
# glibc's German is its own catalog (Debian's libc-l10n, which
# ./bootstrap --tests installs); without it getopt speaks English.
if [ -f /usr/share/locale/de/LC_MESSAGES/libc.mo ]; then
  LANGUAGE=de "$ZOOMWIZ" scopes --no-such-option 2>"$tap_tmp/err" >/dev/null
  ok "getopt's own message stays translated (glibc's German), with 'zoomwiz:'" \
    grep -q "^zoomwiz: .*Option" "$tap_tmp/err"
else
  ok "getopt's own message in glibc's German # SKIP no libc.mo for de (Debian: libc-l10n)" true
fi

# An escape sequence typed or pasted into an argument never reaches the
# terminal: not from zoomwiz's messages, nor from getopt's.
esc=$(printf '\033]0;owned\007\033[31m')
printf '[zoomwiz]\npreset=own-server\naccount_id=AcCoUnTiD0000000000000\nclient_id=S2sClientId0000000000\nclient_secret=S2sSecret00000000000000000000000\n' \
  > "$tap_tmp/esc.ini"
chmod 600 "$tap_tmp/esc.ini"
for args in "x$esc" "presets x$esc" "help x$esc" "export --format x$esc" \
  "profiles show x$esc" "verify --timeout x$esc" "doctor /nonexistent$esc" \
  "--x$esc" "verify --x$esc" "export -o /nonexistent$esc/f --format env --answers $tap_tmp/esc.ini"; do
  # shellcheck disable=SC2086
  run $args
  ok "'$(printf '%s' "$args" | tr -d '\033\007')': exit 2, 'zoomwiz:' first, no control character on standard error" \
    sh -c '[ "$1" = 2 ] && printf "%s" "$2" | head -n 1 | grep -q "^zoomwiz: " && ! printf "%s" "$2" | tr -d "\n" | LC_ALL=C grep -q "[[:cntrl:]]"' - "$rc" "$err"
done
run profiles default "x$esc"
ok "a profile name with one: said without it" \
  sh -c '[ "$1" = 2 ] && printf "%s" "$2" | grep -q "is not a profile name" && ! printf "%s" "$2" | tr -d "\n" | LC_ALL=C grep -q "[[:cntrl:]]"' - "$rc" "$err"
ZOOMWIZ_PROFILE="x$esc" "$ZOOMWIZ" export --format env >"$tap_tmp/out" 2>"$tap_tmp/err"
ok "ZOOMWIZ_PROFILE with one: said without it" \
  sh -c '[ "$1" = 2 ] && grep -q ZOOMWIZ_PROFILE "$2" && ! tr -d "\n" < "$2" | LC_ALL=C grep -q "[[:cntrl:]]"' - "$?" "$tap_tmp/err"

# -- 2. profiles list's header row; near misses of names
printf '[zoomwiz]\npreset=own-server\naccount_id=AcCoUnTiD0000000000000\nclient_id=S2sClientId0000000000\nclient_secret=S2sSecret00000000000000000000000\n' \
  > "$tap_tmp/s2s.ini"
chmod 600 "$tap_tmp/s2s.ini"
for p in chat-server-production a; do
  run profiles import "$p" --answers "$tap_tmp/s2s.ini" --secret-store file
done
run profiles list
is "profiles list: a header row first, then one line a profile" \
  "$(printf '%s\n' "$out" | awk '{ print $1 }' | xargs)" "NAME a chat-server-production"
is "its header names the columns" "$(printf '%s\n' "$out" | head -n 1 | tr -s ' ')" \
  "NAME PRESET APP TYPE SECRETS"
is "the columns are aligned (each starts where its heading does)" \
  "$(printf '%s\n' "$out" | awk '{ print index($0, " " $2) ":" length($0) - length($NF) }' | sort -u | wc -l)" 1
ok "the last column holds --secret-store's word" sh -c 'printf "%s\n" "$1" | tail -n +2 | awk "\$NF != \"file\" { exit 1 }"' - "$out"
run profiles list --json
is "--json has no header: the profiles alone" "$(jq -c '[.profiles[].name]' "$tap_tmp/out")" '["a","chat-server-production"]'
run profiles show chat-server-productoin
ok "profiles show with a near miss: exit 2, the name suggested" \
  sh -c '[ "$1" = 2 ] && printf "%s" "$2" | grep -q "^zoomwiz: there is no profile .chat-server-productoin.; did you mean .chat-server-production.?"' - "$rc" "$err"
run profiles show zzzzzzzzzzzzzzzz
ok "a name near none: no suggestion" sh -c '[ "$1" = 2 ] && ! printf "%s" "$2" | grep -q "did you mean"' - "$rc" "$err"
run verfiy
ok "an unknown command: exit 2, the nearest command suggested" \
  sh -c '[ "$1" = 2 ] && printf "%s" "$2" | grep -q "^zoomwiz: .verfiy. is not a command; did you mean .verify.?"' - "$rc" "$err"
run profiles shwo a
ok "an unknown profiles command: the nearest suggested" contains "$err" "did you mean 'show'?"
run presets matermost-account
ok "presets NAME with a near miss: the name suggested" \
  contains "$err" "no preset 'matermost-account'; did you mean 'mattermost-account'?"

# -- 4. a profile made from a preset has the secrets the preset generates
grep -v -e '^encryption_key=' -e '^webhook_secret=' "$top_srcdir/tests/preset-examples/mattermost-account.ini" \
  > "$tap_tmp/mm.ini"
chmod 600 "$tap_tmp/mm.ini"
run profiles import mm --answers "$tap_tmp/mm.ini" --secret-store file
ok "import of an answers file without the generated secrets: exit 0" [ "$rc" = 0 ]
ok "it says which it generated, each on a line" sh -c \
  'printf "%s\n" "$1" | grep -qx "zoomwiz: generated encryption_key (not in the answers file)" && printf "%s\n" "$1" | grep -qx "zoomwiz: generated webhook_secret (not in the answers file)"' - "$err"
ok "and never their values" sh -c '! printf "%s" "$1" | grep -qE "[A-Za-z0-9_-]{32}"' - "$err$out"
"$ZOOMWIZ" export --profile mm --format mattermost -o "$tap_tmp/mm.json" 2>"$tap_tmp/err"
ok "export --format mattermost then works" [ $? = 0 ]
ok "encryptionkey and webhooksecret are 32 characters of Mattermost's alphabet, not the same" \
  holds '.PluginSettings.Plugins.zoom | (.encryptionkey | test("^[A-Za-z0-9_-]{32}$")) and (.webhooksecret | test("^[A-Za-z0-9_-]{32}$")) and .encryptionkey != .webhooksecret' "$tap_tmp/mm.json"
"$ZOOMWIZ" export --profile mm --format mattermost -o "$tap_tmp/mm2.json" 2>/dev/null
ok "they are kept in the profile: a second export has the same" cmp -s "$tap_tmp/mm.json" "$tap_tmp/mm2.json"
cp "$top_srcdir/tests/preset-examples/mattermost-account.ini" "$tap_tmp/mm-full.ini"
chmod 600 "$tap_tmp/mm-full.ini"
run profiles import mm2 --answers "$tap_tmp/mm-full.ini" --secret-store file
ok "an answers file with them: none generated, none said" sh -c '[ "$1" = 0 ] && ! printf "%s" "$2" | grep -q generated' - "$rc" "$err"
"$ZOOMWIZ" export --profile mm2 --format mattermost 2>/dev/null --force > "$tap_tmp/mm2.json"
is "and its own values exported" "$(jq -r '.PluginSettings.Plugins.zoom.webhooksecret' "$tap_tmp/mm2.json")" \
  test-webhook-secret-00000000000D
run profiles list
ok "profiles list: the app type its preset gives (the file names none)" \
  sh -c 'printf "%s\n" "$1" | grep -Eq "^mm +mattermost-account +general +file$"' - "$out"
run profiles list --json
is "and so in --json" "$(jq -r '.profiles[] | select(.name == "mm") | .app_type' "$tap_tmp/out")" general
run profiles import own --answers "$tap_tmp/s2s.ini" --secret-store file
ok "a preset that generates none: nothing said" sh -c '[ "$1" = 0 ] && [ -z "$2" ]' - "$rc" "$err"

# -- 5. the default profile: ZOOMWIZ_PROFILE, else 'profiles default NAME'
stored=$XDG_CONFIG_HOME/zoomwiz/default-profile
run profiles default
ok "no default yet: 'profiles default' exits 1 and says how to store one" \
  sh -c '[ "$1" = 1 ] && [ -z "$2" ] && printf "%s" "$3" | grep -q "profiles default NAME"' - "$rc" "$out" "$err"
run export --format env
ok "no default: export without --profile is the usage error it was" \
  sh -c '[ "$1" = 2 ] && printf "%s" "$2" | grep -q "no answers: give --profile NAME"' - "$rc" "$err"
run profiles default mx
ok "profiles default with a near miss: exit 2, the name suggested, nothing stored" \
  sh -c '[ "$1" = 2 ] && printf "%s" "$2" | grep -q "did you mean .mm.?" && [ ! -e "$3" ]' - "$rc" "$err" "$stored"
run profiles default a
ok "profiles default a: exit 0" sh -c '[ "$1" = 0 ] && printf "%s" "$2" | grep -q "a is the default"' - "$rc" "$out"
is "stored in the config folder, mode 0600, the name and a newline" \
  "$(stat -c %a "$stored"; od -An -c "$stored" | tr -s ' ')" "600
 a \n"
is "no temporary file left beside it" "$(ls -A "$XDG_CONFIG_HOME/zoomwiz" | xargs)" "default-profile profiles"
run profiles default
is "profiles default alone prints it" "$out" a
run export --format env
ok "export without --profile takes the default" sh -c '[ "$1" = 0 ] && printf "%s" "$2" | grep -q "^# zoomwiz profile a:"' - "$rc" "$out"
is "and says which and why on standard error" "$err" "zoomwiz: profile a (the default: 'zoomwiz profiles default')"
ZOOMWIZ_PROFILE=mm "$ZOOMWIZ" export --format env 2>"$tap_tmp/err" | head -n 1 > "$tap_tmp/out"
ok "ZOOMWIZ_PROFILE wins over the stored default, and is named" \
  sh -c 'grep -q "^# zoomwiz profile mm:" "$1" && [ "$(cat "$2")" = "zoomwiz: profile mm (from ZOOMWIZ_PROFILE)" ]' - "$tap_tmp/out" "$tap_tmp/err"
ZOOMWIZ_PROFILE=mm "$ZOOMWIZ" export --profile a --format env 2>"$tap_tmp/err" | head -n 1 > "$tap_tmp/out"
ok "an explicit --profile wins over both, and no note" \
  sh -c 'grep -q "^# zoomwiz profile a:" "$1" && [ ! -s "$2" ]' - "$tap_tmp/out" "$tap_tmp/err"
run export --answers "$tap_tmp/s2s.ini" --format env
ok "--answers FILE: no default taken" sh -c '[ "$1" = 0 ] && [ -z "$2" ] && ! printf "%s" "$3" | grep -q "profile a"' - "$rc" "$err" "$out"
printf '{"event":"meeting.started"}' > "$tap_tmp/body.json"
ZOOMWIZ_PROFILE=mm "$ZOOMWIZ" webhook sign --body "$tap_tmp/body.json" >"$tap_tmp/out" 2>"$tap_tmp/err"
ok "webhook sign takes the default profile's Secret Token" grep -q "^x-zm-signature: v0=" "$tap_tmp/out"
run profiles show
ok "profiles show without NAME shows the default" sh -c '[ "$1" = 0 ] && printf "%s" "$2" | grep -q "^Profile a "' - "$rc" "$out"
ZOOMWIZ_PROFILE=nope "$ZOOMWIZ" export --format env >/dev/null 2>"$tap_tmp/err"
ok "ZOOMWIZ_PROFILE naming no profile: exit 2, the variable named with the fix" \
  sh -c '[ "$1" = 2 ] && grep -q "^zoomwiz: the default profile from ZOOMWIZ_PROFILE: there is no profile .nope." "$2" && grep -q "unset it" "$2"' - "$?" "$tap_tmp/err"
run profiles rename a a2
run profiles default
is "renaming the default profile renames the default" "$out" a2
run profiles delete a2
run profiles default
ok "deleting it clears the default" sh -c '[ "$1" = 1 ] && [ ! -e "$2" ]' - "$rc" "$stored"
run profiles import a --answers "$tap_tmp/s2s.ini" --secret-store file
run profiles default a
rm "$XDG_CONFIG_HOME/zoomwiz/profiles/a.ini"
run verify
ok "a stored default whose profile is gone: exit 2, the file and the fix named" \
  sh -c '[ "$1" = 2 ] && printf "%s" "$2" | grep -q "default profile .a. (stored in $3) does not exist" && printf "%s" "$2" | grep -q "profiles default --unset"' - "$rc" "$err" "$stored"
printf 'a\033]52;c;eA==\007\n' > "$stored"
run export --format env
ok "a stored default that is no name: exit 2, said without its bytes" \
  sh -c '[ "$1" = 2 ] && printf "%s" "$2" | grep -q "holds no profile name"' - "$rc" "$err"
rm -f "$stored"; mkdir "$stored"
run rotate
ok "a folder in its place: exit 2, said" sh -c '[ "$1" = 2 ] && printf "%s" "$2" | grep -q "default profile cannot be read"' - "$rc" "$err"
rmdir "$stored"
run profiles default mm
run profiles default --unset
ok "profiles default --unset removes it" sh -c '[ "$1" = 0 ] && [ ! -e "$2" ]' - "$rc" "$stored"
run profiles default --unset
is "and again is no error" "$rc" 0

# -- 6. profiles show: where each value came from
run profiles show mm
ok "profiles show: exit 0, a header row NAME ORIGIN VALUE, then ORIGIN LOCATION" \
  sh -c '[ "$1" = 0 ] && printf "%s\n" "$2" | sed -n 2p | grep -Eq "^  NAME +ORIGIN +VALUE$" && printf "%s\n" "$2" | sed "1,/^$/d" | sed -n 1p | grep -Eq "^  ORIGIN +LOCATION$"' - "$rc" "$out"
# A value's row of the table; an origin's row of the locations after it.
row () { printf '%s\n' "$out" | sed '/^$/q' | awk -v k="$1" '$1 == k' | tr -s ' ' | sed 's/^ //'; }
where () { printf '%s\n' "$out" | sed '1,/^$/d' | tr -s ' ' | sed 's/^ //' | grep "^$1 "; }
is "a value from the answers file: its origin" "$(row site_url)" \
  "site_url answers file https://chat.example.com"
is "and the answers file's path, once" "$(where 'answers file')" "answers file $(realpath "$tap_tmp/mm.ini")"
is "a preset's default: the preset" "$(row app_type)" "app_type preset general"
is "and which preset" "$(where preset)" "preset mattermost-account"
ok "a generated secret: masked" \
  sh -c 'printf "%s\n" "$1" | grep -Eq "^webhook_secret generated \*{8}[A-Za-z0-9_-]{4}$"' - "$(row webhook_secret)"
ok "and where it is kept" \
  sh -c 'printf "%s\n" "$1" | grep -Eq "^generated .*/profiles/mm\.[0-9a-f]{16}\.secrets$"' - "$(where generated)"
is "a secret from the answers file: masked" "$(row client_secret)" \
  "client_secret answers file ********000A"
ok "no secret's value in it" lacks "$out" "test-secret-0000000000000000000A"
ok "the table's columns are aligned" sh -c 'printf "%s\n" "$1" | sed -n "2,/^$/p" | grep "^  [^ ]" | awk "{ print index(\$0, \" \" \$2 \" \") }" | sort -u | wc -l | grep -qx 1' - "$out"
ok "no line over 80 columns but for a word too long to break (a URL, a path)" \
  sh -c 'printf "%s\n" "$1" | tail -n +2 | awk "length > 80 && length(\$NF) < 40" | grep -q . && exit 1; exit 0' - "$out"
ok "the scopes wrapped under VALUE, a scope a line" \
  sh -c 'printf "%s\n" "$1" | grep -A1 "^  scopes " | tail -n 1 | grep -Eq "^ {20,}[a-z]+:[a-z:]+$"' - "$out"
run profiles show mm --json
schema_ok "profiles show NAME --json"
is "--json: each value's origin and location" \
  "$(jq -c '[.origins.site_url, .origins.app_type, .origins.webhook_secret.origin, .defaults.app_type, (.answers | has("app_type"))]' "$tap_tmp/out")" \
  "[{\"origin\":\"answers-file\",\"location\":\"$(realpath "$tap_tmp/mm.ini")\"},{\"origin\":\"preset\",\"location\":\"mattermost-account\"},\"generated\",\"general\",false]"
run profiles rename mm mm3
run profiles show mm3 --json
is "a rename keeps the origins" "$(jq -r '.origins.site_url.origin + " " + .origins.encryption_key.origin' "$tap_tmp/out")" \
  "answers-file generated"
# A profile saved before origins were recorded: its file has no origin_ lines.
sed -i -e '/^origin_/d' -e '/^answers_file=/d' "$XDG_CONFIG_HOME/zoomwiz/profiles/mm3.ini"
run profiles show mm3
is "no record: a value says 'profile file'" "$(row site_url)" "site_url profile file https://chat.example.com"
is "and which" "$(where 'profile file')" "profile file $XDG_CONFIG_HOME/zoomwiz/profiles/mm3.ini"
is "no record: a secret says 'file store'" "$(row client_secret)" "client_secret file store ********000A"
ok "and where" sh -c 'printf "%s\n" "$1" | grep -Eq "^file store .*/profiles/mm3\.[0-9a-f]{16}\.secrets$"' - "$(where 'file store')"
is "a preset's default is still the preset's" "$(row app_type)" "app_type preset general"
run profiles show mm3 --json
is "--json: profile-file and file-store" "$(jq -r '.origins.site_url.origin + " " + .origins.client_secret.origin' "$tap_tmp/out")" \
  "profile-file file-store"

# -- 7. --quiet, and progress while a command waits on the network
run -q profiles import q1 --answers "$tap_tmp/mm.ini" --secret-store file
ok "-q before the command: no note, the result alone" sh -c '[ "$1" = 0 ] && [ -z "$2" ] && [ -n "$3" ]' - "$rc" "$err" "$out"
run profiles import q2 --quiet --answers "$tap_tmp/mm.ini" --secret-store file
ok "--quiet among the command's options: the same" sh -c '[ "$1" = 0 ] && [ -z "$2" ] && [ -n "$3" ]' - "$rc" "$err" "$out"
ZOOMWIZ_PROFILE=q1 "$ZOOMWIZ" export -q --format mattermost -o "$tap_tmp/q1.json" >"$tap_tmp/out" 2>"$tap_tmp/err"
ok "export -q: the file, and not a word of notes or steps (the default taken unsaid)" \
  sh -c '[ "$1" = 0 ] && [ ! -s "$2" ] && [ ! -s "$3" ] && [ -s "$4" ]' - "$?" "$tap_tmp/out" "$tap_tmp/err" "$tap_tmp/q1.json"
run -q profiles show nosuch
ok "-q keeps the errors" sh -c '[ "$1" = 2 ] && printf "%s" "$2" | grep -q "^zoomwiz: there is no profile"' - "$rc" "$err"

if command -v tmux >/dev/null 2>&1 && command -v python3 >/dev/null 2>&1 \
   && command -v openssl >/dev/null 2>&1; then
  . "$top_srcdir/tests/zoom-server.sh"
  zoom_server_certs "$tap_tmp/certs" || exit 99
  printf '[zoomwiz]\napp_type=s2s\naccount_id=AcCoUnTiD0000000000000\nclient_id=S2sClientId0000000000\nclient_secret=s2s-secret-XYZZY-0000000000000001\nscopes=user:read:user:admin\n' \
    > "$tap_tmp/live.ini"
  chmod 600 "$tap_tmp/live.ini"
  # zoom_config FAULTS: the fake Zoom with one S2S client and FAULTS.
  zoom_config () {
    cat > "$tap_tmp/zs.json" <<EOF2
{ "clients": [{"client_id": "S2sClientId0000000000", "client_secret": "s2s-secret-XYZZY-0000000000000001",
    "kind": "s2s", "account_id": "AcCoUnTiD0000000000000", "activated": true, "scopes": "user:read:user:admin"}],
  "api_url": "https://127.0.0.1:{port}", "faults": $1 }
EOF2
    zoom_server_start "$tap_tmp/zs.json"
  }
  retry='[{"path": "/oauth/token", "kind": "respond", "times": 1, "status": 429, "headers": {"Retry-After": "4"}, "body": {"code": 429, "message": "slow down"}}]'
  SOCK=$tap_tmp/tmux.sock
  # on_terminal ARGS...: zoomwiz verify ARGS against the fake Zoom in a
  # tmux pane (a real terminal, 100 columns); the pane's screens, each
  # different one once, in $tap_tmp/screens; the exit status in $tap_tmp/status.
  on_terminal () {
    rm -f "$tap_tmp/status" "$tap_tmp/screens"
    tmux -S "$SOCK" -f /dev/null new-session -d -x 100 -y 10 \
      "env HOME=$HOME XDG_CONFIG_HOME=$XDG_CONFIG_HOME ZOOMWIZ_DATADIR=$ZOOMWIZ_DATADIR LANG=$LANG LC_ALL=$LC_ALL TERM=screen \
$ZOOMWIZ verify --answers $tap_tmp/live.ini --zoom-url $ZS_URL --api-url $ZS_URL --ca-file $ZS_CA $*; \
echo \$? > $tap_tmp/status.new && mv $tap_tmp/status.new $tap_tmp/status; sleep 30"
    ot_i=0
    while [ ! -f "$tap_tmp/status" ] && [ $ot_i -lt 200 ]; do
      tmux -S "$SOCK" capture-pane -p >> "$tap_tmp/screens"
      sleep 0.1; ot_i=$((ot_i + 1))
    done
    tmux -S "$SOCK" capture-pane -p > "$tap_tmp/last"
    tmux -S "$SOCK" kill-server 2>/dev/null
  }
  zoom_config "$retry"
  on_terminal
  ok "on a terminal: verify passes after Zoom's Retry-After" sh -c '[ "$(cat "$1")" = 0 ]' - "$tap_tmp/status"
  is "the wait is counted down in place (4, 3, 2, 1)" \
    "$(grep -o 'Zoom asked to wait: [0-9]* s…' "$tap_tmp/screens" | sort -u -r | sed 's/[^0-9]//g' | xargs)" "4 3 2 1"
  ok "and cleared after: the final screen has no trace of it" \
    sh -c '! grep -q "asked to wait" "$1" && grep -q "token" "$1"' - "$tap_tmp/last"
  ok "nor does a line end with it, moved down" sh -c '! grep -q "s…." "$1"' - "$tap_tmp/last"
  zoom_config "$retry"
  "$ZOOMWIZ" verify --answers "$tap_tmp/live.ini" --zoom-url "$ZS_URL" --api-url "$ZS_URL" --ca-file "$ZS_CA" \
    >"$tap_tmp/out" 2>"$tap_tmp/err"
  ok "with standard error a file: the same pass, and nothing of the countdown in it" \
    sh -c '[ "$1" = 0 ] && ! grep -q "asked to wait" "$2" && ! LC_ALL=C grep -q "$(printf "\r")" "$2"' - "$?" "$tap_tmp/err"
  keep_output "$tap_tmp/out" "$tap_tmp/err"
  zoom_config "$retry"
  on_terminal --quiet
  ok "--quiet on a terminal: no countdown" sh -c '[ "$(cat "$1")" = 0 ] && ! grep -q "asked to wait" "$2"' - "$tap_tmp/status" "$tap_tmp/screens"
  zoom_config "$retry"
  on_terminal --json
  ok "--json on a terminal: no countdown" sh -c '[ "$(cat "$1")" = 0 ] && ! grep -q "asked to wait" "$2"' - "$tap_tmp/status" "$tap_tmp/screens"
  # Japanese: two columns a character, so the line must be cleared by its
  # columns, not its characters. The bytes on the terminal (script(1)'s
  # pty; standard output away): the blanks written over the last count.
  zoom_config "$retry"
  LANGUAGE=ja script -qec "$ZOOMWIZ verify --answers $tap_tmp/live.ini --zoom-url $ZS_URL --api-url $ZS_URL --ca-file $ZS_CA >/dev/null" \
    /dev/null > "$tap_tmp/ja.typescript" 2>&1
  ok "in Japanese: the wait counted down on the terminal" grep -q "待機を求められました: 2 秒…" "$tap_tmp/ja.typescript"
  ok "and cleared with a blank for each of its display columns" python3 -c '
import sys, unicodedata
segs = open(sys.argv[1], encoding="utf-8", errors="replace", newline="").read().split("\r")
i = max(i for i, s in enumerate(segs) if "秒…" in s)
cols = sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in segs[i])
blank = segs[i + 1]
sys.exit(0 if blank.strip(" ") == "" and len(blank) >= cols else 1)' "$tap_tmp/ja.typescript"
  zoom_config '[{"path": "/oauth/token", "kind": "hang"}]'
  on_terminal --timeout 3
  ok "an answer that keeps waiting: 'Waiting for 127.0.0.1:PORT: N s…' meanwhile" \
    grep -q "Waiting for 127.0.0.1:$ZS_PORT: [12] s…" "$tap_tmp/screens"
  ok "then verify's own diagnosis (exit 3), the line cleared" \
    sh -c '[ "$(cat "$1")" = 3 ] && ! grep -q "Waiting for" "$2"' - "$tap_tmp/status" "$tap_tmp/last"
  zoom_server_stop
else
  ok "tmux, python3 and openssl for the progress's terminal # SKIP not installed" true
fi

done_testing
