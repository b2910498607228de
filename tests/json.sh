#!/bin/sh
# json.sh - --json of check, scopes, presets, profiles (the file store;
# the keyring's in profiles.sh, verify's and webhook test's in theirs) and
# doctor without the network (with it in doctor.sh):
# each against the README's schema (tap.sh's schema_ok), no secret's value,
# hostile bytes made safe, and stdout empty where a command fails before
# its output.
# Copyright (C) 2026 the zoomwiz authors. SPDX-License-Identifier: GPL-3.0-or-later
. "${top_srcdir:-$(dirname "$0")/..}/tests/tap.sh"
command -v jq >/dev/null 2>&1 || { echo "1..0 # SKIP jq not installed"; exit 0; }

# no_control: no string of run's JSON holds a control character but
# newline and tab (C1 too).
no_control () {
  holds '[.. | strings | test("[\u0000-\u0008\u000b-\u001f\u007f-\u009f]")] | any | not' "$tap_tmp/out"
}

# -- check
mixed=$(answers mixed.ini 600 <<'EOF2'
[zoomwiz]
app_type = general
management = admin
redirect_url = https://app.example.com/oauth/callback
scopes = meeting:read:meeting meeting:write:meeting:admin
client_id = AbCdEfGhIjKlMnOpQrStUv
client_secret = XYZZY secret with a space
EOF2
)
run check --answers "$mixed" --json
ok "check --json with errors: exit 1, as without --json" [ "$rc" = 1 ]
ok "and standard output is one JSON object" holds -s 'length == 1 and (.[0] | type) == "object"' "$tap_tmp/out"
schema_ok "check --json"
cp "$tap_tmp/out" "$tap_tmp/mixed.json"
run check --answers "$mixed"
is "the same findings as the text output" \
  "$(jq -r '.findings[] | "\(.severity): \(.key): \(.message) [\(.rule)]"' "$tap_tmp/mixed.json")" \
  "$(printf '%s\n' "$out" | grep -E '^(error|warning): ')"
is "and their counts" "$(jq -c '[.ok, .errors, .warnings]' "$tap_tmp/mixed.json")" \
  "[false,$(printf '%s\n' "$out" | grep -c '^error: '),$(printf '%s\n' "$out" | grep -c '^warning: ')]"
ok "no secret's value in it" sh -c '! grep -q XYZZY "$1"' - "$tap_tmp/mixed.json"
LANGUAGE=de "$ZOOMWIZ" check --answers "$mixed" --json >"$tap_tmp/de.json" 2>/dev/null
keep_output "$tap_tmp/de.json"
is "in German the same keys and rule ids" \
  "$(jq -c '[paths], [.findings[].rule]' "$tap_tmp/de.json")" \
  "$(jq -c '[paths], [.findings[].rule]' "$tap_tmp/mixed.json")"
good=$(answers good.ini 600 <<'EOF2'
[zoomwiz]
app_type = s2s
account_id = AcCoUnTiD0000000000000
client_id = AbCdEfGhIjKlMnOpQrStUv
scopes = user:read:user:admin
EOF2
)
run check --answers "$good" --json
ok "a file without problems: exit 0, ok and no findings" \
  sh -c '[ "$1" = 0 ] && jq -e ".ok and .errors == 0 and .findings == []" "$2" >/dev/null' - "$rc" "$tap_tmp/out"
run check --answers "$tap_tmp/absent.ini" --json
ok "a file that cannot be read: exit 2, said on stderr, nothing on stdout" \
  sh -c '[ "$1" = 2 ] && [ -z "$2" ] && printf "%s" "$3" | grep -q absent.ini' - "$rc" "$out" "$err"
# The bytes of a hostile file (as in cmd-check.sh) reach the JSON as the
# text output has them: UTF-8, no control character.
printf '[zoomwiz]\nclient_\377\376id=abc\napp_type=\033]0;owned\007\nsite_url=https://x\033[2J.example.com\n' |
  answers hostile.ini 600 >/dev/null
run check --answers "$tap_tmp/hostile.ini" --json
ok "a hostile file: valid JSON (exit 1)" sh -c '[ "$1" = 1 ] && jq -e .findings "$2" >/dev/null' - "$rc" "$tap_tmp/out"
ok "and no string in it holds a control character but newline and tab" no_control

# -- scopes
run scopes meeting:read --json
ok "scopes --json exits 0" [ "$rc" = 0 ]
schema_ok "scopes --json"
is "the same scopes as the text output, in its order" \
  "$(jq -r '.scopes[].name' "$tap_tmp/out")" "$("$ZOOMWIZ" scopes meeting:read | awk '{ print $1 }')"
run scopes --json --admin --classic meeting
ok "--admin --classic: classic admin scopes only" \
  holds '(.scopes | length) > 0 and all(.scopes[]; .level == "admin" and .family != "granular")' "$tap_tmp/out"
run scopes --json meeting:read:meetnig
ok "no match: exit 1, an empty list, the nearest names on stderr" \
  sh -c '[ "$1" = 1 ] && jq -e ".scopes == []" "$2" >/dev/null && printf "%s" "$3" | grep -q "meeting:read:meeting"' - "$rc" "$tap_tmp/out" "$err"

# -- presets
run presets --json
ok "presets --json exits 0" [ "$rc" = 0 ]
schema_ok "presets --json"
is "one item for each preset file, by name" "$(jq -r '.presets[].name' "$tap_tmp/out")" \
  "$(ls "$ZOOMWIZ_DATADIR"/presets/*.ini | sed 's|.*/||; s|\.ini$||' | LC_ALL=C sort)"
run presets mattermost-account --json
ok "presets NAME --json exits 0" [ "$rc" = 0 ]
schema_ok "presets NAME --json"
ok "it has the redirect URL template, the scopes' purposes and the checklist" \
  holds '.defaults.redirect_url == "{site_url}/plugins/zoom/oauth2/complete"
    and (.scopes[] | select(.name == "user:read:user:admin") | .purpose | test("email"))
    and any(.checklist[]; test("/zoom connect"))' "$tap_tmp/out"
is "its list item is the same as the start of it" \
  "$(jq -c '{name, title, summary, app_types, managements}' "$tap_tmp/out")" \
  "$("$ZOOMWIZ" presets --json | jq -c '.presets[] | select(.name == "mattermost-account")')"
run presets own-server --json
ok "a Server-to-Server preset: no management, every key all the same" \
  sh -c '[ "$1" = 0 ] && jq -e ".managements == [] and has(\"classic_scopes\")" "$2" >/dev/null' - "$rc" "$tap_tmp/out"
run presets matermost-account --json
ok "an unknown preset: exit 2, nothing on stdout" sh -c '[ "$1" = 2 ] && [ -z "$2" ]' - "$rc" "$out"

# -- profiles, their secrets in the file store (no keyring needed)
run profiles list --json
ok "no profiles yet: exit 0, an empty list" \
  sh -c '[ "$1" = 0 ] && jq -e ".profiles == []" "$2" >/dev/null' - "$rc" "$tap_tmp/out"
cat > "$tap_tmp/mm.ini" <<'EOF2'
[zoomwiz]
preset=mattermost-account
app_type=general
site_url=https://chat.example.com
event_endpoint=https://chat.example.com/plugins/zoom/webhook?secret=HookXYZZY0000000000000000000000
client_id=MmClientId000000000000
client_secret=MmSecretXYZZY0000000000000000000
webhook_secret=HookXYZZY0000000000000000000000
EOF2
chmod 600 "$tap_tmp/mm.ini"
run profiles import mm --answers "$tap_tmp/mm.ini" --secret-store file
is "a profile imports into the file store" "$rc" 0
run profiles list --json
schema_ok "profiles list --json"
is "it names the profile, its preset and its store" \
  "$(jq -c '.profiles[] | [.name, .preset, .app_type, .secret_store]' "$tap_tmp/out")" \
  '["mm","mattermost-account","general","file"]'
run profiles show mm --json
ok "profiles show --json exits 0" [ "$rc" = 0 ]
schema_ok "profiles show NAME --json"
ok "no secret's value in it, nor in the event URL's ?secret=" lacks "$out" XYZZY
is "the URL is shown with its secret hidden" "$(jq -r .answers.event_endpoint "$tap_tmp/out")" \
  "https://chat.example.com/plugins/zoom/webhook?secret=…"
is "each secret: whether it is set, and where" \
  "$(jq -c '[.secrets.client_secret, .secrets.secret_token]' "$tap_tmp/out")" \
  '[{"set":true,"store":"file"},{"set":false,"store":null}]'
# A value holding an escape sequence, BEL and a C1 control (CSI): the
# strings of the JSON hold none of them, as the text output would not.
printf '[zoomwiz]\napp_type=s2s\ncompany=Evil\033]0;owned\007 \302\233Corp\n' | answers hostile-profile.ini 600 >/dev/null
run profiles import hostile --answers "$tap_tmp/hostile-profile.ini" --secret-store file
run profiles show hostile --json
ok "a profile's hostile value: no control character in the JSON's strings" no_control
# The text output shows the same values.
run profiles show mm
ok "profiles show (text) hides the URL's secret too" \
  sh -c '[ "$1" = 0 ] && printf "%s" "$2" | grep -q "webhook?secret=…" && ! printf "%s" "$2" | grep -q XYZZY' - "$rc" "$out"
run profiles show hostile
ok "and prints a hostile value without its control characters" \
  sh -c '[ "$1" = 0 ] && printf "%s" "$2" | grep -q "Evil ]0;owned   Corp" && ! printf "%s" "$2" | tr -d "\n" | LC_ALL=C grep -q "[[:cntrl:]]"' - "$rc" "$out"
run profiles show nosuch --json
ok "an unknown profile: exit 2, nothing on stdout" sh -c '[ "$1" = 2 ] && [ -z "$2" ]' - "$rc" "$out"
run profiles delete mm --json
ok "--json with another profiles command is a usage error" \
  sh -c '[ "$1" = 2 ] && printf "%s" "$2" | grep -q -- "--json goes with list and show"' - "$rc" "$err"

# -- doctor (the live checks' keys in tests/doctor.sh, against the fake Zoom)
printf 'ZOOM_CLIENT_ID=AbCdEfGhIjKlMnOpQrStUv\nZOOM_CLIENT_SECRET="XYZZYsecret00000000000000000000"\nFOO=bar\n' |
  answers deployed.env 600 >/dev/null
run doctor "$tap_tmp/deployed.env" --no-test --json
ok "doctor --json: one JSON object, the format it took and the ignored name" \
  sh -c '[ "$1" = 0 ] && jq -e -s "length == 1 and .[0].format == \"env\" and .[0].schema_version == 1
    and any(.[0].settings[]; .name == \"FOO\" and .key == null)" "$2" >/dev/null' - "$rc" "$tap_tmp/out"
ok "doctor --json: no secret's value in it" lacks "$out" XYZZY
printf '{"PluginSettings": {"Plugins": {"zoom": {"oauthclientid": "abc", "evil\\u001b]0;owned\\u0007\\u009b": "x"}}}}\n' |
  answers hostile-config.json 600 >/dev/null
run doctor "$tap_tmp/hostile-config.json" --no-test --json
ok "doctor --json: a hostile setting's name holds no control character" \
  sh -c 'jq -e ".settings | length == 2" "$1" >/dev/null' - "$tap_tmp/out"
ok "doctor --json: nor does any other string" no_control
run doctor "$tap_tmp/hostile-config.json" --no-test
ok "doctor's text names it as ignored, made safe (done_testing looks for control bytes)" \
  contains "$out" "ignored: evil ]0;owned"
run doctor "$tap_tmp/absent.env" --json
ok "doctor: a file that cannot be read: exit 2, nothing on stdout" \
  sh -c '[ "$1" = 2 ] && [ -z "$2" ]' - "$rc" "$out"

done_testing
