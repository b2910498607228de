#!/bin/sh
# doctor.sh - zoomwiz doctor through the real binary: deployed files in each
# format, written by zoomwiz export (a round trip: nothing wrong, the live
# checks passing against the fake Zoom server) and by hand in the shapes the
# integrations' docs show; a wrong zoomwebhooksecret and a wrong
# ZOOM_ACCOUNT_ID named by their lines; no secret in any output; hostile
# files refused with exit 2.
# Copyright (C) 2026 the zoomwiz authors. SPDX-License-Identifier: GPL-3.0-or-later
. "${top_srcdir:-$(dirname "$0")/..}/tests/tap.sh"
for tool in python3 openssl jq; do
  command -v $tool >/dev/null 2>&1 || { echo "1..0 # SKIP $tool not installed"; exit 0; }
done
. "$top_srcdir/tests/zoom-server.sh"
. "$top_srcdir/tests/webhook-receiver.sh"

# Every secret holds XYZZY: no output may.
S2S_SECRET=s2s-secret-XYZZY-0000000000000001
MM_SECRET=mm-secret-XYZZY-00000000000000002
TOKEN=zoom-secret-token-XYZZY-0001
WRONG_TOKEN=zoom-secret-token-XYZZY-9999
HOOK=HookXYZZY_abcdefghijklmnopqrstu1
ENC=EncXYZZY_abcdefghijklmnopqrstuv1
ACCOUNT=AcCoUnTiD0000000000000
zoom_server_certs "$tap_tmp/certs" || exit 99
cat > "$tap_tmp/zoom.json" <<EOF2
{ "clients": [
    {"client_id": "S2sClientId0000000000", "client_secret": "$S2S_SECRET", "kind": "s2s",
     "account_id": "$ACCOUNT", "activated": true, "scopes": "user:read:user:admin"},
    {"client_id": "MmClientId0000000000000", "client_secret": "$MM_SECRET", "kind": "oauth",
     "scopes": "user:read:user:admin meeting:read:meeting:admin meeting:write:meeting:admin"} ],
  "api_url": "https://127.0.0.1:{port}", "faults": [] }
EOF2
zoom_server_start "$tap_tmp/zoom.json" || exit 99
ZOOM="--zoom-url $ZS_URL --api-url $ZS_URL --ca-file $ZS_CA"

# doctor FILE [ARGS...]: zoomwiz doctor against the fake Zoom; every output
# kept for the look for secrets at the end.
doctor () {
  f=$1; shift
  # shellcheck disable=SC2086
  run doctor "$f" $ZOOM "$@"
  cat "$tap_tmp/out" "$tap_tmp/err" >> "$tap_tmp/all-output"
}
# profile NAME [KEY=VALUE...]: a profile in the file store from answers.
profile () {
  name=$1; shift
  printf '[zoomwiz]\n' > "$tap_tmp/$name.ini"
  for kv; do printf '%s\n' "$kv" >> "$tap_tmp/$name.ini"; done
  chmod 600 "$tap_tmp/$name.ini"
  "$ZOOMWIZ" profiles import "$name" --answers "$tap_tmp/$name.ini" --secret-store file --force \
    >/dev/null 2>"$tap_tmp/import.err" || { echo "# import $name:"; sed 's/^/# /' "$tap_tmp/import.err"; }
}
# line_of FILE TEXT: the number of the first line of FILE holding TEXT.
line_of () { grep -nF -- "$2" "$1" | head -n 1 | cut -d: -f1; }
mode600 () { chmod 600 "$@"; }

profile s2s preset=own-server "account_id=$ACCOUNT" client_id=S2sClientId0000000000 \
  "client_secret=$S2S_SECRET" "secret_token=$TOKEN" scopes=user:read:user:admin

# -- round trips: zoomwiz export, then doctor finds nothing wrong
for fmt in env k8s systemd; do
  "$ZOOMWIZ" export --profile s2s --format $fmt -o "$tap_tmp/s2s.$fmt" 2>/dev/null
  doctor "$tap_tmp/s2s.$fmt"
  is "export --format $fmt, then doctor: exit 0" "$rc" 0
  ok "$fmt: read as $fmt, from its content" contains "$out" "read as $fmt:"
  ok "$fmt: the preset told from ZOOM_ACCOUNT_ID" contains "$out" "preset own-server: ZOOM_ACCOUNT_ID is set"
  ok "$fmt: the live token check passes against the fake Zoom" \
    sh -c 'printf "%s\n" "$1" | grep -q "^credentials  *pass"' - "$out"
  ok "$fmt: nothing wrong found" contains "$out" "nothing wrong found"
  doctor "$tap_tmp/s2s.$fmt" --profile s2s --no-test
  ok "$fmt: and nothing differs from the profile it came from" \
    sh -c '[ "$1" = 0 ] && ! printf "%s" "$2" | grep -q profile-differs' - "$rc" "$out"
done

# -- Done when: an env file with a wrong ZOOM_ACCOUNT_ID names that line
cat > "$tap_tmp/compose.env" <<EOF2
# .env for docker compose (the names of Zoom's server-to-server sample)
ZOOM_CLIENT_ID=S2sClientId0000000000
ZOOM_CLIENT_SECRET="$S2S_SECRET"
export ZOOM_ACCOUNT_ID='WrongAccount0000000000'
ZOOM_WEBHOOK_SECRET_TOKEN=$TOKEN # from Features -> Access
PORT=8080
EOF2
mode600 "$tap_tmp/compose.env"
doctor "$tap_tmp/compose.env"
is "a wrong ZOOM_ACCOUNT_ID: exit 1" "$rc" 1
ok "the token check fails against the fake Zoom" sh -c 'printf "%s\n" "$1" | grep -q "^credentials  *fail"' - "$out"
ok "the finding names the file, the line of ZOOM_ACCOUNT_ID and the check" \
  contains "$out" "$tap_tmp/compose.env:4: ZOOM_ACCOUNT_ID: error: Zoom refused the account ID"
ok "and says what it should be" \
  contains "$out" "Set ZOOM_ACCOUNT_ID to the Account ID on the app's App Credentials page"
ok "a name that is no Zoom setting is named as ignored" contains "$out" "compose.env:6: ignored: PORT (not a Zoom setting"
doctor "$tap_tmp/compose.env" --json
is "--json: exit 1 too" "$rc" 1
is "--json: the failed check carries the key, the name and the line" \
  "$(jq -c '.checks[] | select(.id == "credentials") | [.status, .key, .name, .line]' "$tap_tmp/out")" \
  '["fail","account_id","ZOOM_ACCOUNT_ID",4]'
sed 's/WrongAccount0000000000/'"$ACCOUNT"'/' "$tap_tmp/compose.env" > "$tap_tmp/compose-good.env"
mode600 "$tap_tmp/compose-good.env"
doctor "$tap_tmp/compose-good.env"
is "the same file with the right Account ID: exit 0" "$rc" 0

# -- the shapes of the docs: a Kubernetes Secret with data: (base64)
b64 () { printf '%s' "$1" | base64 | tr -d '\n'; }
cat > "$tap_tmp/secret.yaml" <<EOF2
apiVersion: v1
kind: Secret
metadata:
  name: zoom-credentials
  namespace: bots
type: Opaque
data:
  ZOOM_CLIENT_ID: $(b64 S2sClientId0000000000)
  ZOOM_CLIENT_SECRET: $(b64 "$S2S_SECRET")
  ZOOM_ACCOUNT_ID: $(b64 "$ACCOUNT")
EOF2
mode600 "$tap_tmp/secret.yaml"
doctor "$tap_tmp/secret.yaml"
ok "a Secret with data: (base64): read as k8s, live check passes, exit 0" \
  sh -c '[ "$1" = 0 ] && printf "%s" "$2" | grep -q "read as k8s" && printf "%s\n" "$2" | grep -q "^credentials  *pass"' - "$rc" "$out"
sed "s/$(b64 "$ACCOUNT")/$(b64 WrongAccount0000000000)/" "$tap_tmp/secret.yaml" > "$tap_tmp/secret-bad.yaml"
mode600 "$tap_tmp/secret-bad.yaml"
doctor "$tap_tmp/secret-bad.yaml"
ok "a wrong account ID in data: names its line (10)" contains "$out" "secret-bad.yaml:10: ZOOM_ACCOUNT_ID: error:"

# -- a systemd EnvironmentFile, and a unit's Environment= lines
cat > "$tap_tmp/zoom.conf" <<EOF2
; EnvironmentFile=/etc/zoombot/zoom.conf
ZOOM_CLIENT_ID = S2sClientId0000000000
ZOOM_CLIENT_SECRET=$S2S_SECRET
ZOOM_ACCOUNT_ID="$ACCOUNT"
EOF2
mode600 "$tap_tmp/zoom.conf"
doctor "$tap_tmp/zoom.conf" --format systemd
ok "an EnvironmentFile (--format systemd): exit 0, the live check passes" \
  sh -c '[ "$1" = 0 ] && printf "%s\n" "$2" | grep -q "^credentials  *pass"' - "$rc" "$out"
cat > "$tap_tmp/zoombot.service" <<EOF2
[Unit]
Description=Zoom bot

[Service]
EnvironmentFile=-/etc/zoombot/zoom.conf
Environment="ZOOM_CLIENT_ID=S2sClientId0000000000" ZOOM_ACCOUNT_ID=WrongAccount0000000000
Environment=ZOOM_CLIENT_SECRET=$S2S_SECRET
ExecStart=/usr/bin/zoombot
EOF2
mode600 "$tap_tmp/zoombot.service"
doctor "$tap_tmp/zoombot.service"
ok "a unit: read as systemd, the wrong account ID on line 6" \
  sh -c '[ "$1" = 1 ] && printf "%s" "$2" | grep -q "read as systemd" && printf "%s" "$2" | grep -q "zoombot.service:6: ZOOM_ACCOUNT_ID: error:"' - "$rc" "$out"
ok "and it names the EnvironmentFile it does not read" contains "$out" "ignored: EnvironmentFile (the service also reads /etc/zoombot/zoom.conf"
# Mode 0644: a warning about the file too, so that every key of the
# schema is reached once.
chmod 644 "$tap_tmp/zoombot.service"
doctor "$tap_tmp/zoombot.service" --json
schema_ok "doctor --json"
is "--json: the file's mode is a warning about the file itself" \
  "$(jq -c '.findings[] | select(.rule == "deployed-file-mode") | [.severity, .line]' "$tap_tmp/out")" '["warning",0]'
is "--json: what the file does not set, and what such a file never holds" \
  "$(jq -c '[.missing[].name, .not_checked]' "$tap_tmp/out")" '["ZOOM_WEBHOOK_SECRET_TOKEN",["scopes"]]'
cp "$tap_tmp/zoombot.service" "$tap_tmp/zoom bot's.service"
doctor "$tap_tmp/zoom bot's.service" --no-test
ok "the fix's chmod takes the path quoted for the shell (a space, a quote)" \
  sh -c 'f=$(printf "%s\n" "$1" | sed -n "s/^  fix: chmod 600 \(.*\) (or 640.*/\1/p"); [ -n "$f" ] && eval "[ -f $f ]"' - "$out"

# -- Mattermost: a running plugin (the receiver plays it) and its config
webhook_receiver_start --mode mattermost --url-secret "$HOOK" --secret-token "$TOKEN" || exit 99
profile mm preset=mattermost-account app_type=general "site_url=$WR_BASE" \
  client_id=MmClientId0000000000000 "client_secret=$MM_SECRET" "secret_token=$TOKEN" \
  "webhook_secret=$HOOK" "encryption_key=$ENC"
"$ZOOMWIZ" export --profile mm --format mattermost -o "$tap_tmp/mm-patch.json" >/dev/null 2>&1
doctor "$tap_tmp/mm-patch.json" --profile mm
is "export --format mattermost, then doctor --profile: exit 0" "$rc" 0
ok "read as mattermost, the preset the profile's" \
  sh -c 'printf "%s" "$1" | grep -q "read as mattermost" && printf "%s" "$1" | grep -q "preset mattermost-account"' - "$out"
ok "the client check passes against the fake Zoom" sh -c 'printf "%s\n" "$1" | grep -q "^credentials  *pass"' - "$out"
ok "the plugin's endpoint takes the validation signed with the profile's Secret Token" \
  sh -c 'printf "%s\n" "$1" | grep -q "^webhook  *pass" && printf "%s" "$1" | grep -q "signed with the Secret Token of profile mm"' - "$out"
doctor "$tap_tmp/mm-patch.json"
ok "without --profile: the preset from accountlevelapp, SiteURL said unknown, exit 0" \
  sh -c '[ "$1" = 0 ] && printf "%s" "$2" | grep -q "preset mattermost-account: accountlevelapp is true (line 7)" && printf "%s" "$2" | grep -q site-url-unknown' - "$rc" "$out"

# A config.json as Mattermost keeps it (an excerpt), with another Secret
# Token than Zoom's: the plugin runs with it (the receiver holds it too).
cat > "$tap_tmp/config.json" <<EOF2
{
    "ServiceSettings": {
        "SiteURL": "$WR_BASE",
        "ListenAddress": ":8065"
    },
    "PluginSettings": {
        "Enable": true,
        "Plugins": {
            "com.mattermost.calls": { "defaultenabled": true },
            "zoom": {
                "accountlevelapp": true,
                "encryptionkey": "$ENC",
                "enablepostingrecordingpassword": false,
                "oauthclientid": "MmClientId0000000000000",
                "oauthclientsecret": "$MM_SECRET",
                "restrictmeetingcreation": false,
                "webhooksecret": "$HOOK",
                "zoomapiurl": "",
                "zoomurl": "",
                "zoomwebhooksecret": "$WRONG_TOKEN"
            }
        },
        "PluginStates": {
            "zoom": { "Enable": true }
        }
    }
}
EOF2
mode600 "$tap_tmp/config.json"
webhook_receiver_start --mode mattermost --url-secret "$HOOK" --secret-token "$WRONG_TOKEN" || exit 99
sed -i "s|\"SiteURL\": \"[^\"]*\"|\"SiteURL\": \"$WR_BASE\"|" "$tap_tmp/config.json"
profile mm2 preset=mattermost-account app_type=general "site_url=$WR_BASE" \
  client_id=MmClientId0000000000000 "client_secret=$MM_SECRET" "secret_token=$TOKEN" \
  "webhook_secret=$HOOK" "encryption_key=$ENC"
doctor "$tap_tmp/config.json" --profile mm2
is "Done when: config.json with a wrong zoomwebhooksecret: exit 1" "$rc" 1
ok "the finding names the key, its line (20) and the rule" \
  contains "$out" "config.json:20: zoomwebhooksecret: error: is not the secret_token of profile mm2 (neither value is shown) [profile-differs]"
ok "and the fix says where the right value is" \
  contains "$out" "Set it to the profile's secret_token, kept in the profile's secrets file"
ok "the live test fails as Zoom's events would: the plugin's HMAC is another Secret Token's" \
  sh -c 'printf "%s\n" "$1" | grep -q "^webhook  *fail .*HMAC does not match"' - "$out"
ok "and that failure is named by zoomwebhooksecret's line too" \
  contains "$out" "config.json:20: zoomwebhooksecret: error: The HMAC does not match"
ok "with what it should be" contains "$out" "Set zoomwebhooksecret to the Secret Token on the app's Features → Access page"
ok "settings of the plugin that are not the app's are named as ignored" \
  contains "$out" "config.json:16: ignored: restrictmeetingcreation (a setting of the plugin"
doctor "$tap_tmp/config.json"
ok "without --profile the endpoint passes with the file's own token, and doctor says what that shows" \
  sh -c '[ "$1" = 0 ] && printf "%s\n" "$2" | grep -q "^webhook  *pass" && printf "%s" "$2" | grep -q "signed with this file.s Secret Token"' - "$rc" "$out"
doctor "$tap_tmp/config.json" -p mm2 --no-test
ok "-p is --profile, as in verify, export and the others" \
  sh -c '[ "$1" = 1 ] && printf "%s" "$2" | grep -q "config.json:20: zoomwebhooksecret: error: is not the secret_token of profile mm2"' - "$rc" "$out"
doctor "$tap_tmp/config.json" --profile mm2 --json
is "--json: the finding's key, name and line" \
  "$(jq -c '[.findings[] | select(.rule == "profile-differs") | .key, .name, .line]' "$tap_tmp/out")" \
  '["secret_token","zoomwebhooksecret",20]'
sed 's/"accountlevelapp": true/"accountlevelapp": false/; s/"Enable": true }/"Enable": false }/' \
  "$tap_tmp/config.json" > "$tap_tmp/config-user.json"
mode600 "$tap_tmp/config-user.json"
doctor "$tap_tmp/config-user.json" --no-test
ok "accountlevelapp false: the user-level preset; a disabled plugin is an error" \
  sh -c '[ "$1" = 1 ] && printf "%s" "$2" | grep -q "preset mattermost-user: accountlevelapp is false (line 11)" && printf "%s" "$2" | grep -q "PluginSettings.PluginStates.zoom.Enable: error: .*disabled"' - "$rc" "$out"

# mmctl config get PluginSettings.Plugins.zoom: secrets masked
cat > "$tap_tmp/mmctl.json" <<'EOF2'
{
  "accountlevelapp": true,
  "encryptionkey": "********************************",
  "oauthclientid": "MmClientId0000000000000",
  "oauthclientsecret": "********************************",
  "webhooksecret": "********************************",
  "zoomwebhooksecret": "********************************"
}
EOF2
doctor "$tap_tmp/mmctl.json"
ok "mmctl's output: read as mmctl, its masked secrets named as not checkable" \
  sh -c 'printf "%s" "$1" | grep -q "read as mmctl" && printf "%s" "$1" | grep -q "mmctl.json:5: ignored: oauthclientsecret (masked"' - "$out"
ok "and the live checks say why they did not run" contains "$out" "Live checks: not run: the file gives no client ID and secret"

# -- hostile files: a clear message, exit 2, nothing on stdout
hostile () {
  what=$1 file=$2 want=$3
  doctor "$file" --no-test
  ok "$what: exit 2, '$want' said, stdout empty" \
    sh -c '[ "$1" = 2 ] && [ -z "$2" ] && printf "%s" "$3" | grep -qF -- "$4"' - "$rc" "$out" "$err" "$want"
}
: > "$tap_tmp/empty.env"
hostile "an empty file" "$tap_tmp/empty.env" "the file is empty"
printf 'ZOOM_CLIENT_ID=abc\000\001\002' > "$tap_tmp/binary.env"
hostile "a binary file" "$tap_tmp/binary.env" "NUL bytes"
head -c 1100000 /dev/zero | tr '\0' 'A' > "$tap_tmp/huge.env"
hostile "a file over the cap" "$tap_tmp/huge.env" "larger than 1024 KiB"
hostile "/dev/zero" /dev/zero "not a file"
printf '[{"oauthclientid": "x"}]\n' > "$tap_tmp/array.json"
hostile "a JSON that is not an object" "$tap_tmp/array.json" "is not an object"
printf 'ZOOM_CLIENT_ID=S2sClientId0000000000\r\nZOOM_CLIENT_SECRET=%s\r\n' "$S2S_SECRET" > "$tap_tmp/crlf.env"
hostile "CR LF lines" "$tap_tmp/crlf.env" "crlf.env:1: the line ends in CR LF"
printf 'ZOOM_CLIENT_ID=S2sClientId0000000000\nZOOM_CLIENT_SECRET="XYZZY\033]0;owned\007"\n' > "$tap_tmp/control.env"
hostile "a control character in a value" "$tap_tmp/control.env" "control.env:2: the value of ZOOM_CLIENT_SECRET holds a control character"
printf '{ "PluginSettings": { "Plugins": { "zoom": { "oauthclientsecret": "XYZZY\\u001b[2J" } } } }\n' > "$tap_tmp/control.json"
hostile "a control character in a JSON value" "$tap_tmp/control.json" "holds a control character"
printf 'apiVersion: v1\nkind: Secret\nstringData:\n  ZOOM_CLIENT_SECRET: |\n    XYZZY\n' > "$tap_tmp/block.yaml"
hostile "YAML it does not read (a block scalar)" "$tap_tmp/block.yaml" "block.yaml:4: YAML that zoomwiz doctor does not read"
printf 'apiVersion: v1\nkind: ConfigMap\ndata:\n  A: b\n' > "$tap_tmp/configmap.yaml"
hostile "a manifest that is no Secret" "$tap_tmp/configmap.yaml" "not Secret"
doctor "$tap_tmp/absent.env"
ok "a file that is not there: exit 2" sh -c '[ "$1" = 2 ] && printf "%s" "$2" | grep -q absent.env' - "$rc" "$err"
doctor "$tap_tmp/compose.env" --format yaml
ok "an unknown --format: exit 2, the formats named" \
  sh -c '[ "$1" = 2 ] && printf "%s" "$2" | grep -q "auto|mattermost|mmctl|env|k8s|systemd"' - "$rc" "$err"

# -- Zoom not there: exit 3, as verify's
zoom_server_stop
doctor "$tap_tmp/compose-good.env"
ok "Zoom cannot be reached: exit 3, the check says so" \
  sh -c '[ "$1" = 3 ] && printf "%s\n" "$2" | grep -q "^credentials  *fail"' - "$rc" "$out"

# -- a default profile is not taken: it may be another app's
ZOOMWIZ_PROFILE=mm2 doctor "$tap_tmp/compose.env" --no-test
ok "ZOOMWIZ_PROFILE set: doctor compares with no profile (the file's own preset, no profile-differs)" \
  sh -c 'printf "%s" "$1" | grep -q "preset own-server" && ! printf "%s" "$1$2" | grep -q "profile-differs\|profile mm2"' - "$out" "$err"

# -- no secret's value in anything doctor printed here
ok "no secret in any stdout, stderr or --json of doctor ($(wc -c < "$tap_tmp/all-output") bytes)" \
  sh -c '! grep -q XYZZY "$1"' - "$tap_tmp/all-output"

done_testing
