#!/bin/sh
# profiles.sh - profiles with a real Secret Service (gnome-keyring on a
# private D-Bus, tests/with-keyring.sh), the file store, the "no keyring"
# path, and the exports a server deploys: env round trips through sh,
# Mattermost's keys, 0600 files written atomically, --force.
# Copyright (C) 2026 the zoomwiz authors. SPDX-License-Identifier: GPL-3.0-or-later
. "${top_srcdir:-$(dirname "$0")/..}/tests/tap.sh"
for tool in python3 jq secret-tool dbus-run-session gnome-keyring-daemon; do
  command -v $tool >/dev/null 2>&1 || { echo "1..0 # SKIP $tool not installed"; exit 0; }
done
# Everything below runs against the private keyring.
under_keyring

# A secret with every character a shell or systemd may trip on.
TRICKY="a'b\"c\$d \`e\` f\\g #h"
printf '[zoomwiz]\npreset=own-server\naccount_id=AcCoUnTiD0000000000000\nclient_id=S2sClientId0000000000\n' > "$tap_tmp/s2s.ini"
# GKeyFile escapes: \n is a newline, \\ a backslash, \s a space.
printf 'client_secret=%s\\nline two\n' "$(printf '%s' "$TRICKY" | sed 's/\\/\\\\/g')" >> "$tap_tmp/s2s.ini"
printf 'secret_token=TokenXYZZY0000000000001\n' >> "$tap_tmp/s2s.ini"
chmod 600 "$tap_tmp/s2s.ini"
printf '%s\nline two' "$TRICKY" > "$tap_tmp/want-secret"

# -- import into the keyring
run profiles import p1 --answers "$tap_tmp/s2s.ini"
ok "import into the keyring exits 0" sh -c '[ "$1" = 0 ] && printf "%s" "$2" | grep -q "in the keyring"' - "$rc" "$out"
secret-tool lookup profile p1 field client_secret > "$tap_tmp/got-secret"
ok "secret-tool finds the client secret, byte for byte" cmp -s "$tap_tmp/got-secret" "$tap_tmp/want-secret"
secret-tool search --all profile p1 > "$tap_tmp/search" 2>&1
ok "secret-tool search shows zoomwiz's attributes" \
  sh -c 'grep -q "attribute.profile = p1" "$1" && grep -q "attribute.field = client_secret" "$1" && grep -q "attribute.field = secret_token" "$1" && grep -q "schema = org.zoomwiz.Profile" "$1"' - "$tap_tmp/search"
ok "its label says what it is" grep -q "label = zoomwiz profile p1: client_secret" "$tap_tmp/search"
ini=$XDG_CONFIG_HOME/zoomwiz/profiles/p1.ini
is "the profile's INI is 0600" "$(stat -c %a "$ini")" 600
is "its folder is 0700" "$(stat -c %a "$XDG_CONFIG_HOME/zoomwiz/profiles")" 700
ok "no secret anywhere in the config directory" \
  sh -c '! grep -rqF "TokenXYZZY" "$1" && ! grep -rqF "line two" "$1" && ! grep -rqF "f\\g" "$1"' - "$XDG_CONFIG_HOME"

run profiles
ok "profiles lists it, with where its secrets are" sh -c 'printf "%s" "$1" | grep -q "^p1 .*own-server.*keyring"' - "$out"
run profiles show p1
ok "show masks the secrets, keeping the last four" \
  sh -c 'printf "%s" "$1" | grep -q "secret_token .*\*\*\*\*\*\*\*\*0001" && ! printf "%s" "$1" | grep -q XYZZY' - "$out"
run profiles show p1 --json
schema_ok "profiles show NAME --json"
is "show --json: where each secret is, the keyring" \
  "$(jq -c '[.secret_store, .secrets.client_secret, .secrets.secret_token]' "$tap_tmp/out")" \
  '["keyring",{"set":true,"store":"keyring"},{"set":true,"store":"keyring"}]'
ok "and no secret's value, nor a part of one, in its strings" \
  sh -c '! jq -r ".. | strings" "$1" | grep -qF -e TokenXYZZY -e "line two" -e "f\\g"' - "$tap_tmp/out"
run profiles list --json
is "list --json says the same store" "$(jq -c '[.profiles[] | [.name, .secret_store]]' "$tap_tmp/out")" '[["p1","keyring"]]'

run profiles import p1 --answers "$tap_tmp/s2s.ini"
ok "a second import without --force refuses (exit 2)" sh -c '[ "$1" = 2 ] && printf "%s" "$2" | grep -q -- "--force"' - "$rc" "$err"
run profiles import "../evil" --answers "$tap_tmp/s2s.ini"
ok "a name with a slash is refused" sh -c '[ "$1" = 2 ] && printf "%s" "$2" | grep -q "not a profile name"' - "$rc" "$err"

# -- exports from the profile
run export --profile p1 --format env -o "$tap_tmp/p1.env"
is "export env writes the file (exit 0)" "$rc" 0
is "the env file is 0600" "$(stat -c %a "$tap_tmp/p1.env")" 600
# shellcheck disable=SC1090
( . "$tap_tmp/p1.env"; printf '%s' "$ZOOM_CLIENT_SECRET" > "$tap_tmp/sourced-secret"
  printf '%s|%s|%s' "$ZOOM_ACCOUNT_ID" "$ZOOM_CLIENT_ID" "$ZOOM_WEBHOOK_SECRET_TOKEN" > "$tap_tmp/sourced-rest" )
ok "sourcing it in sh gives the secret back byte for byte (quotes, \$, spaces, newline)" cmp -s "$tap_tmp/sourced-secret" "$tap_tmp/want-secret"
is "and the other values" "$(cat "$tap_tmp/sourced-rest")" "AcCoUnTiD0000000000000|S2sClientId0000000000|TokenXYZZY0000000000001"

cp "$tap_tmp/p1.env" "$tap_tmp/p1.env.before"
run export --profile p1 --format json -o "$tap_tmp/p1.env"
ok "a second export without --force refuses (exit 2)" sh -c '[ "$1" = 2 ] && printf "%s" "$2" | grep -q -- "--force"' - "$rc" "$err"
ok "and changes nothing" cmp -s "$tap_tmp/p1.env" "$tap_tmp/p1.env.before"
ZOOMWIZ_TEST_CRASH_BEFORE_RENAME=1 "$ZOOMWIZ" export --profile p1 --format json -o "$tap_tmp/p1.env" --force >/dev/null 2>&1 </dev/null
rc=$?
ok "killed between write and rename, the writer leaves the old file whole" \
  sh -c '[ "$1" = 137 ] && cmp -s "$2" "$3"' - "$rc" "$tap_tmp/p1.env" "$tap_tmp/p1.env.before"
stale=$(ls -A "$tap_tmp" | grep -c '^\.p1\.env\.......$')
ok "the killed writer left its temporary file (0600) behind" \
  sh -c '[ "$1" = 1 ] && [ "$(stat -c %a "$2"/.p1.env.??????)" = 600 ]' - "$stale" "$tap_tmp"
touch -d '2 minutes ago' "$tap_tmp"/.p1.env.??????
run export --profile p1 --format json -o "$tap_tmp/p1.env" --force
ok "the next write of that file removes it" sh -c '! ls -A "$1" | grep -q "^\.p1\.env\."' - "$tap_tmp"
ok "with --force it is replaced by valid JSON" sh -c '[ "$1" = 0 ] && jq -e .answers "$2" >/dev/null' - "$rc" "$tap_tmp/p1.env"
# A TERM (or ^C, a lost terminal) between the temporary file and the rename
# waits until the new file is in place: none is left behind.
run export --profile p1 --format env -o "$tap_tmp/p1.env" --force
ZOOMWIZ_TEST_CRASH_BEFORE_RENAME=TERM "$ZOOMWIZ" export --profile p1 --format json -o "$tap_tmp/p1.env" --force >/dev/null 2>&1 </dev/null
rc=$?
ok "a TERM while the file is written ends zoomwiz (143) only after the rename" \
  sh -c '[ "$1" = 143 ] && jq -e .answers "$2" >/dev/null' - "$rc" "$tap_tmp/p1.env"
ok "and leaves no temporary file" sh -c '! ls -A "$1" | grep -q "^\.p1\.env\."' - "$tap_tmp"
# Never a device, a FIFO or a folder, even with --force: the node is made
# here (mknod, as root), never one of /dev.
mkfifo "$tap_tmp/fifo"; mkdir "$tap_tmp/folder"
mknod "$tap_tmp/null" c 1 3 2>/dev/null
for node in fifo folder null; do
  case $node in fifo) word=FIFO ;; folder) word=folder ;; null) word="character device" ;; esac
  [ -e "$tap_tmp/$node" ] || { echo "ok $((tap_n = tap_n + 1)) # SKIP no mknod here"; continue; }
  ls -ld "$tap_tmp/$node" > "$tap_tmp/node.before"
  run export --profile p1 --format env -o "$tap_tmp/$node" --force
  ok "export -o a $word --force: refused (exit 2), naming it" \
    sh -c '[ "$1" = 2 ] && printf "%s" "$2" | grep -q "is a $3.*zoomwiz writes only regular files"' - "$rc" "$err" "$word"
  ok "and the $word is left as it was" sh -c 'ls -ld "$1" | cmp -s - "$2"' - "$tap_tmp/$node" "$tap_tmp/node.before"
done

for f in k8s systemd; do
  run export --profile p1 --format $f -o "$tap_tmp/p1.$f"
  ok "export $f: 0600 and no secret lost" sh -c '[ "$1" = 0 ] && [ "$(stat -c %a "$2")" = 600 ] && grep -q TokenXYZZY "$2"' - "$rc" "$tap_tmp/p1.$f"
done

# -- a Mattermost profile: the plugin's own keys
"$ZOOMWIZ" secret generate > "$tap_tmp/mm-key"; "$ZOOMWIZ" secret generate > "$tap_tmp/mm-hook"
chmod 600 "$tap_tmp/mm-key" "$tap_tmp/mm-hook"
cat > "$tap_tmp/mm.ini" <<EOF2
[zoomwiz]
preset=mattermost-account
site_url=https://chat.example.com
client_id=MmClientId000000000000
client_secret=MmClientSecretXYZZY00000000000
secret_token=MmTokenXYZZY00000000001
encryption_key_file=mm-key
webhook_secret_file=mm-hook
EOF2
chmod 600 "$tap_tmp/mm.ini"
run profiles import mm --answers "$tap_tmp/mm.ini"
is "a Mattermost profile imports" "$rc" 0
run export --profile mm --format mattermost -o "$tap_tmp/mm.json"
is "export mattermost exits 0" "$rc" 0
is "the plugin keys are the plugin's settings the wizard decides, lower-cased" \
  "$(jq -r '.PluginSettings.Plugins.zoom | keys | join(" ")' "$tap_tmp/mm.json")" \
  "accountlevelapp encryptionkey oauthclientid oauthclientsecret webhooksecret zoomapiurl zoomurl zoomwebhooksecret"
ok "generated secrets are 32 characters of [A-Za-z0-9_-]" \
  sh -c 'for k in encryptionkey webhooksecret; do jq -r ".PluginSettings.Plugins.zoom.$k" "$1" | grep -Eq "^[A-Za-z0-9_-]{32}$" || exit 1; done' - "$tap_tmp/mm.json"
is "the plugin is enabled, account level" "$(jq -c '[.PluginSettings.PluginStates.zoom.Enable, .PluginSettings.Plugins.zoom.accountlevelapp]' "$tap_tmp/mm.json")" "[true,true]"
ok "the steps left are said: mmctl and /zoom connect" sh -c 'printf "%s" "$1" | grep -q "mmctl config patch" && printf "%s" "$1" | grep -q "/zoom connect"' - "$err"
for f in json recall; do
  run export --profile mm --format $f -o "$tap_tmp/mm.$f"
  ok "jq parses the $f export" sh -c 'jq -e . "$1" >/dev/null' - "$tap_tmp/mm.$f"
done
run export --profile mm --format checklist -o "$tap_tmp/mm.md"
ok "the checklist names the URLs and no secret" \
  sh -c '[ "$1" = 0 ] && grep -q "chat.example.com/plugins/zoom/oauth2/complete" "$2" && ! grep -q XYZZY "$2" && ! grep -qF "$(cat "$3")" "$2"' \
  - "$rc" "$tap_tmp/mm.md" "$tap_tmp/mm-hook"

# -- rename and delete take the keyring items along
run profiles rename p1 p2
ok "rename moves the secrets" sh -c '[ "$1" = 0 ] && secret-tool lookup profile p2 field secret_token | grep -q TokenXYZZY && [ -z "$(secret-tool lookup profile p1 field secret_token)" ]' - "$rc"
run profiles delete p2
ok "delete removes the profile and its keyring items" \
  sh -c '[ "$1" = 0 ] && [ ! -e "$2" ] && [ -z "$(secret-tool search --all profile p2 2>&1)" ]' - "$rc" "$XDG_CONFIG_HOME/zoomwiz/profiles/p2.ini"
ok "no secret left in the config directory" sh -c '! grep -rq XYZZY "$1"' - "$XDG_CONFIG_HOME"

# -- a locked collection and no prompter: the same as no keyring
sh "$top_srcdir/tests/with-keyring.sh" --locked "$ZOOMWIZ" profiles import locked \
  --answers "$tap_tmp/s2s.ini" >"$tap_tmp/out" 2>"$tap_tmp/err" </dev/null
rc=$?
ok "a locked keyring: exit 4, said, nothing written" \
  sh -c '[ "$1" = 4 ] && grep -q "no Secret Service keyring answered" "$2" && [ ! -e "$3" ]' \
  - "$rc" "$tap_tmp/err" "$XDG_CONFIG_HOME/zoomwiz/profiles/locked.ini"

# -- secrets go to a terminal only with --force
if command -v script >/dev/null 2>&1; then
  script -qec "'$ZOOMWIZ' export --profile mm --format env" /dev/null >"$tap_tmp/tty" 2>&1 </dev/null
  ok "an export with secrets to a terminal is refused" \
    sh -c 'grep -q "standard output is a terminal" "$1" && ! grep -q XYZZY "$1"' - "$tap_tmp/tty"
  script -qec "'$ZOOMWIZ' export --profile mm --format env --force" /dev/null >"$tap_tmp/tty" 2>&1 </dev/null
  ok "and shown there with --force" grep -q MmTokenXYZZY "$tap_tmp/tty"
else
  echo "ok $((tap_n = tap_n + 1)) # SKIP script(1) not installed"
  echo "ok $((tap_n = tap_n + 1)) # SKIP script(1) not installed"
fi

# An event URL given with its ?secret= (Mattermost's webhook secret): the
# profile's file has the URL without the value, the store the whole URL.
HOOK_URL='https://chat.example.com/plugins/zoom/webhook?secret=HookXYZZY0000000000000000000000&x=1'
printf '[zoomwiz]\npreset=mattermost-user\nsite_url=https://chat.example.com\nclient_id=MmClientId000000000000\nclient_secret=MmSecretXYZZY0000000000000000000\nsecret_token=MmTokenXYZZY00000000001\nencryption_key=EncKeyXYZZY000000000000000000000\nwebhook_secret=HookXYZZY0000000000000000000000\nevent_endpoint=%s\n' "$HOOK_URL" |
  answers mmurl.ini 600 >/dev/null
for store in keyring file; do
  run profiles import "url$store" --answers "$tap_tmp/mmurl.ini" --secret-store $store
  ini=$XDG_CONFIG_HOME/zoomwiz/profiles/url$store.ini
  ok "$store: an event URL's ?secret= value is not in the profile's file" \
    sh -c '[ "$1" = 0 ] && grep -qx "event_endpoint=https://chat.example.com/plugins/zoom/webhook?secret=&x=1" "$2" && ! grep -q HookXYZZY "$2"' - "$rc" "$ini"
  run export --profile "url$store" --format json --force
  is "$store: the export has the whole URL back" "$(printf '%s' "$out" | jq -r .answers.event_endpoint)" "$HOOK_URL"
done

# -- no Secret Service: said in one line, nothing stored
DBUS_SESSION_BUS_ADDRESS=unix:path=/nonexistent/bus
export DBUS_SESSION_BUS_ADDRESS
run profiles import p3 --answers "$tap_tmp/s2s.ini"
ok "without a keyring import exits 4 and says what to do" \
  sh -c '[ "$1" = 4 ] && printf "%s" "$2" | grep -q "no Secret Service" && printf "%s" "$2" | grep -q -- "--secret-store file"' - "$rc" "$err"
ok "and writes nothing" sh -c '[ -z "$(ls -A "$1" | grep "^p3\.")" ]' - "$XDG_CONFIG_HOME/zoomwiz/profiles"
run export --profile mm --format env -o "$tap_tmp/mm.env"
ok "export of a keyring profile without a keyring exits 4, writing nothing" sh -c '[ "$1" = 4 ] && [ ! -e "$2" ]' - "$rc" "$tap_tmp/mm.env"
run profiles import p3 --answers "$tap_tmp/s2s.ini" --secret-store file
ok "--secret-store file stores them beside the profile, 0600" \
  sh -c '[ "$1" = 0 ] && [ "$(stat -c %a "$2".*.secrets)" = 600 ] && ! grep -q XYZZY "$2.ini"' - "$rc" "$XDG_CONFIG_HOME/zoomwiz/profiles/p3"
run export --profile p3 --format env -o "$tap_tmp/p3.env"
( . "$tap_tmp/p3.env"; printf '%s' "$ZOOM_CLIENT_SECRET" > "$tap_tmp/p3-secret" )
ok "and the exports read them from there" cmp -s "$tap_tmp/p3-secret" "$tap_tmp/want-secret"
# The checklist says where the secrets are: the file, the keyring, the answers
# (Mattermost's event URL holds the webhook secret).
printf '[zoomwiz]\npreset=mattermost-user\nsite_url=https://chat.example.com\nclient_id=MmClientId000000000000\nclient_secret=MmSecretXYZZY0000000000000000000\nsecret_token=MmTokenXYZZY00000000001\nencryption_key=EncKeyXYZZY000000000000000000000\nwebhook_secret=HookXYZZY0000000000000000000000\n' |
  answers mmfile.ini 600 >/dev/null
run profiles import mmfile --answers "$tap_tmp/mmfile.ini" --secret-store file
run export --profile mmfile --format checklist
ok "the checklist of a file-store profile sends the admin to its secrets file" \
  sh -c 'printf "%s" "$1" | grep -q "from the profile.s secrets file" && ! printf "%s" "$1" | grep -q "from your keyring"' - "$out"
run export --answers "$tap_tmp/mmfile.ini" --format checklist
ok "and that of an answers file, to the answers" \
  sh -c 'printf "%s" "$1" | grep -q "from your answers" && ! printf "%s" "$1" | grep -q "from your keyring"' - "$out"
# The manifest: Zoom's schema for a General app, parsed by jq, the same
# each time, a file of its own (0600: the event URL holds the webhook secret).
run export --profile mmfile --format manifest -o "$tap_tmp/mm-manifest.json"
ok "export --format manifest writes a manifest jq reads, mode 0600" \
  sh -c '[ "$1" = 0 ] && [ "$(stat -c %a "$2")" = 600 ] && jq -e ".oauth_information.usage == \"USER_OPERATION\" and (.oauth_information.scopes | length) == 3 and .features.event_subscription.events[0].event_types == [\"meeting.started\",\"meeting.ended\"]" "$2" >/dev/null' \
  - "$rc" "$tap_tmp/mm-manifest.json"
run export --profile mmfile --format manifest -o -
ok "the same manifest again, byte for byte" sh -c 'printf "%s\n" "$1" | cmp -s - "$2"' - "$out" "$tap_tmp/mm-manifest.json"
ok "the manifest holds no client secret" lacks "$(cat "$tap_tmp/mm-manifest.json")" MmSecretXYZZY
run export --profile p3 --format manifest
ok "a Server-to-Server app has no manifest, and it is said" \
  sh -c '[ "$1" != 0 ] && printf "%s" "$2" | grep -q "has no manifest"' - "$rc" "$err"
done_testing
