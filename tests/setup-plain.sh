#!/bin/sh
# setup-plain.sh - zoomwiz setup --plain through a pipe: the same steps as
# the wizard, as numbered prompts; answers files pre-fill them and, complete,
# run them unattended; wrong or missing answers end it with exit 2.
# Copyright (C) 2026 the zoomwiz authors. SPDX-License-Identifier: GPL-3.0-or-later
. "${top_srcdir:-$(dirname "$0")/..}/tests/tap.sh"
for tool in python3 openssl; do
  command -v $tool >/dev/null 2>&1 || { echo "1..0 # SKIP $tool not installed"; exit 0; }
done
. "$top_srcdir/tests/zoom-server.sh"
SECRET=s2s-secret-XYZZY-0000000000000001
profiles=$XDG_CONFIG_HOME/zoomwiz/profiles

# setup INPUT ARGS...: zoomwiz setup --plain with INPUT on standard input.
setup () {
  input=$1; shift
  printf '%s' "$input" | "$ZOOMWIZ" setup --plain --secret-store file "$@" >"$tap_tmp/out" 2>"$tap_tmp/err"
  rc=$?
  out=$(cat "$tap_tmp/out") err=$(cat "$tap_tmp/err")
  keep_output "$tap_tmp/out" "$tap_tmp/err"
}

# -- a Server-to-Server app, every answer typed (into a pipe)
setup "4
s2s
AcCoUnTiD0000000000000
S2sClientId0000000000
$SECRET


user:read:user:admin
typed
" --no-test
is "a typed Server-to-Server set-up exits 0" "$rc" 0
ok "the steps are numbered, without the ones S2S does not have" \
  sh -c 'printf "%s" "$1" | grep -q "^Step 2 of 7: App type" && ! printf "%s" "$1" | grep -q "Management"' - "$out"
ok "the preset is chosen by its number" grep -q "^preset=own-server" "$profiles/typed.ini"
ok "the secret is never shown" lacks "$out$err" "XYZZY"
ok "the profile is saved without the secret in its INI" \
  sh -c '[ -f "$1/typed.ini" ] && ! grep -q XYZZY "$1/typed.ini" && grep -q XYZZY "$1"/typed.*.secrets' - "$profiles"
ok "the Marketplace checklist follows" contains "$out" "## Steps in the Zoom App Marketplace"
ok "each step says first what to do in Zoom: the credentials step, App Credentials" \
  sh -c 'printf "%s" "$1" | awk "/^Step 3 of 7: App credentials/{s=NR} /Under App Credentials copy the Account ID/ && !g {g=NR} /account_id:/ && !a {a=NR} END{exit !(s && g > s && a > g)}"' - "$out"
ok "the live-test step says to activate the app first" contains "$out" "Open Activation and click Activate your app"

# -- a wrong answer from a pipe: said, with the fix, and exit 2
setup "4
s2s
AcCoUnTiD0000000000000
S2sClientId0000000000
$SECRET


meeting:read:meeting user:read:user:admin
" --no-test
ok "mixed :admin and user scopes are refused with the rule" \
  sh -c '[ "$1" = 2 ] && printf "%s" "$2" | grep -q "scope-level-mixed" && printf "%s" "$3" | grep -q "step Scopes has errors"' - "$rc" "$out" "$err"
setup "4
s2s
" --no-test
ok "input that ends early: exit 2, naming what is missing" \
  sh -c '[ "$1" = 2 ] && printf "%s" "$2" | grep -q "account_id" && printf "%s" "$3" | grep -q "step App credentials has errors"' - "$rc" "$out" "$err"

# -- careless input is tidied, and said
printf '2\n\n\n\nMmClientId000000000000\nmm-secret-value-0001\n chat.example.com/ \n' |
  "$ZOOMWIZ" setup --plain --no-test --secret-store file >"$tap_tmp/out" 2>"$tap_tmp/err"
keep_output "$tap_tmp/out" "$tap_tmp/err"
ok "a site URL typed carelessly is tidied, and what changed said" \
  sh -c 'grep -q "site_url: Spaces around it were removed. https:// was put in front. The trailing / was removed" "$1" && grep -q "https://chat.example.com/plugins/zoom/oauth2/complete" "$1"' - "$tap_tmp/out"

# -- no keyring: found out before the first secret is asked, not at the end
printf '4\ns2s\nuser:read:user:admin\n\n\nAcCoUnTiD0000000000000\nS2sClientId0000000000\n%s\nnokeyring\n' "$SECRET" |
  DBUS_SESSION_BUS_ADDRESS=unix:path=/nonexistent/bus "$ZOOMWIZ" setup --plain --no-test \
  >"$tap_tmp/out" 2>"$tap_tmp/err"
rc=$?
keep_output "$tap_tmp/out" "$tap_tmp/err"
ok "no keyring, keyring store: exit 4 before the first secret step, saying so" \
  sh -c '[ "$1" = 4 ] && grep -q "No Secret Service keyring answers here" "$2" && grep -q "nothing was asked or stored" "$3" && ! grep -q "client_secret" "$2" && ! grep -q "Step 5 of" "$2"' \
  - "$rc" "$tap_tmp/out" "$tap_tmp/err"
ok "and nothing is saved" [ ! -e "$profiles/nokeyring.ini" ]

# -- unattended from a complete answers file (Mattermost, account level)
cat > "$tap_tmp/mm.ini" <<EOF2
[zoomwiz]
preset=mattermost-account
site_url=https://chat.example.com
client_id=MmClientId000000000000
client_secret=MmClientSecretXYZZY00000000000
secret_token=MmTokenXYZZY00000000001
EOF2
chmod 600 "$tap_tmp/mm.ini"
"$ZOOMWIZ" setup --plain --answers "$tap_tmp/mm.ini" --profile mm --secret-store file --no-test \
  </dev/null >"$tap_tmp/out" 2>"$tap_tmp/err"
rc=$? out=$(cat "$tap_tmp/out")
keep_output "$tap_tmp/out" "$tap_tmp/err"
is "a complete answers file runs unattended (exit 0)" "$rc" 0
ok "given answers are shown as such" contains "$out" "client_id: MmClientId000000000000 (from the answers)"
ok "the plugin's secrets are generated" \
  sh -c 'printf "%s" "$1" | grep -q "encryption_key: generated" && grep -Eq "^webhook_secret=[A-Za-z0-9_-]{32}$" "$2"/mm.*.secrets' - "$out" "$profiles"
ok "the URLs come from the site URL" contains "$out" "https://chat.example.com/plugins/zoom/oauth2/complete"
hook=$(sed -n 's/^webhook_secret=//p' "$profiles"/mm.*.secrets)
ok "the event URL is shown with its ?secret= hidden" \
  sh -c 'printf "%s" "$1" | grep -q "plugins/zoom/webhook?secret=…" && ! printf "%s" "$1" | grep -qF "$2"' - "$out" "$hook"
run export --profile mm --format mattermost -o "$tap_tmp/mm.json"
is "and the profile exports the Mattermost patch" "$rc" 0

# -- the live test against the fake Zoom
zoom_server_certs "$tap_tmp/certs" || exit 99
cat > "$tap_tmp/config.json" <<EOF2
{ "clients": [ {"client_id": "S2sClientId0000000000", "client_secret": "$SECRET", "kind": "s2s",
   "account_id": "AcCoUnTiD0000000000000", "activated": true, "scopes": "user:read:user:admin"},
  {"client_id": "BuilderClient000000000", "client_secret": "$SECRET", "kind": "s2s",
   "account_id": "AcCoUnTiD0000000000000", "activated": true,
   "scopes": "user:read:user:admin marketplace:write:app:master"} ] }
EOF2
zoom_server_start "$tap_tmp/config.json" || exit 99
setup "4
s2s
AcCoUnTiD0000000000000
S2sClientId0000000000
$SECRET


user:read:user:admin
live
" --zoom-url "$ZS_URL" --api-url "$ZS_URL" --ca-file "$ZS_CA"
ok "the live test runs in its step and passes (exit 0)" \
  sh -c '[ "$1" = 0 ] && printf "%s" "$2" | grep -q "^credentials  *pass" && printf "%s" "$2" | grep -q "^scopes  *pass"' - "$rc" "$out"
setup "4
s2s
AcCoUnTiD0000000000000
S2sClientId0000000000
wrong-secret-0000000000000000


user:read:user:admin
wrongsecret
" --zoom-url "$ZS_URL" --api-url "$ZS_URL" --ca-file "$ZS_CA"
ok "a wrong secret: the diagnosis, saved anyway, exit 1" \
  sh -c '[ "$1" = 1 ] && printf "%s" "$2" | grep -q "refused the client ID or the client secret" && [ -f "$3/wrongsecret.ini" ]' - "$rc" "$out" "$profiles"

# -- unattended, an answers file naming a builder: the app is created
printf '[zoomwiz]\npreset=zoom-builder\naccount_id=AcCoUnTiD0000000000000\nclient_id=BuilderClient000000000\nclient_secret=%s\n' "$SECRET" |
  answers builder.ini 600 >/dev/null
"$ZOOMWIZ" profiles import builder --answers "$tap_tmp/builder.ini" --secret-store file >/dev/null
printf '[zoomwiz]\npreset=own-server\nbuilder=builder\ncontact_name=Ada\ncontact_email=ada@example.com\ncompany=Example\nscopes=user:read:user:admin\n' |
  answers made.ini 600 >/dev/null
setup "" --answers "$tap_tmp/made.ini" --profile made --zoom-url "$ZS_URL" --api-url "$ZS_URL" --ca-file "$ZS_CA"
ok "unattended with a builder: created, its live test passes (exit 0)" \
  sh -c '[ "$1" = 0 ] && printf "%s" "$2" | grep -q "Step .*Create the app" && printf "%s" "$2" | grep -q "^credentials  *pass"' - "$rc" "$out"
ok "the profile keeps the app id and the credentials Zoom sent" \
  sh -c 'grep -q "^app_id=." "$1" && grep -q "^client_id=." "$1"' - "$profiles/made.ini"
ok "no Marketplace checklist for an app zoomwiz created" \
  sh -c '! printf "%s" "$1" | grep -q "Steps in the Zoom App Marketplace" && printf "%s" "$1" | grep -q "Zoom created the app .* with the builder builder"' - "$out"
# -- no scope catalog (a broken install): said as the scopes' finding, no crash
mkdir -p "$tap_tmp/nocat"
cp -r "$ZOOMWIZ_DATADIR/presets" "$ZOOMWIZ_DATADIR/events.tsv" "$tap_tmp/nocat/"
ZOOMWIZ_DATADIR=$tap_tmp/nocat setup "" --answers "$tap_tmp/made.ini" --profile nocat --no-test
ok "without data/scopes.tsv: the catalog's error and its fix, exit 2 (it crashed)" \
  sh -c '[ "$1" = 2 ] && printf "%s" "$2" | grep -q "The scope catalog cannot be read" && printf "%s" "$2" | grep -q "Reinstall zoomwiz, or set ZOOMWIZ_DATADIR"' - "$rc" "$out$err"
done_testing
