#!/bin/sh
# create.sh - zoomwiz create against the fake Zoom's Marketplace API
# (tests/zoom-server.py): a builder profile's token creates the app of each
# General-app preset and of own-server, each ending with its live checks
# passing and its profile holding the app id and credentials; the
# manifest's errors shown on the answers they concern; a missing builder
# scope, an answer without the secret, the app id alone.
# Copyright (C) 2026 the zoomwiz authors. SPDX-License-Identifier: GPL-3.0-or-later
. "${top_srcdir:-$(dirname "$0")/..}/tests/tap.sh"
for tool in python3 openssl tmux; do
  command -v $tool >/dev/null 2>&1 || { echo "1..0 # SKIP $tool not installed"; exit 0; }
done
. "$top_srcdir/tests/zoom-server.sh"
trap 'zoom_server_stop; rm -rf "$tap_tmp"' EXIT

ACCOUNT=AcCoUnTiD0000000000000
B_SECRET=BuilderSecretXYZZY00000000000001
W_SECRET=WeakBuilderSecretXYZZY000000001
config () { # config [EXTRA-JSON-MEMBERS]
  cat > "$tap_tmp/config.json.new" <<EOF2
{ ${1:+$1,} "clients": [
  {"client_id": "BuilderClient000000000", "client_secret": "$B_SECRET", "kind": "s2s",
   "account_id": "$ACCOUNT", "activated": true,
   "scopes": "user:read:user:admin marketplace:write:app:admin marketplace:read:app:admin marketplace:write:app:master"},
  {"client_id": "WeakBuilder00000000000", "client_secret": "$W_SECRET", "kind": "s2s",
   "account_id": "$ACCOUNT", "activated": true,
   "scopes": "user:read:user:admin marketplace:write:app:admin marketplace:read:app:admin"} ] }
EOF2
  mv "$tap_tmp/config.json.new" "$tap_tmp/config.json"
}
zoom_server_certs "$tap_tmp/certs" || exit 99
config
zoom_server_start "$tap_tmp/config.json" || exit 99
ZOOM="--zoom-url $ZS_URL --api-url $ZS_URL --ca-file $ZS_CA"
CONTACT="--contact-name Ada --contact-email ada@example.com --company Example"

# import NAME: a profile from standard input (the secrets in a 0600 file).
import () {
  answers "$1.ini" 600 >/dev/null
  run profiles import "$1" --answers "$tap_tmp/$1.ini" --secret-store file
  [ "$rc" = 0 ] || { echo "# import $1: $err" >&2; return 1; }
}
builder () { # builder NAME CLIENT SECRET
  printf '[zoomwiz]\napp_type=s2s\naccount_id=%s\nclient_id=%s\nclient_secret=%s\nscopes=user:read:user:admin marketplace:write:app:admin marketplace:read:app:admin\n' \
    "$ACCOUNT" "$2" "$3" | import "$1"
}
ok "the builder's profile is imported" builder builder BuilderClient000000000 "$B_SECRET"
ok "and a builder without marketplace:write:app:master" builder weak WeakBuilder00000000000 "$W_SECRET"
profile_ini () { cat "$XDG_CONFIG_HOME/zoomwiz/profiles/$1.ini"; }

# -- every General-app preset, and own-server: one command each
printf '[zoomwiz]\npreset=own-app\nredirect_url=https://app.example.com/oauth/callback\nscopes=user:read:user\n' | import ownapp
printf '[zoomwiz]\npreset=stackone\nscopes=user:read:user\n' | import stackone
printf '[zoomwiz]\npreset=recall-account\nredirect_url=https://bots.example.com/zoom/callback\n' | import recallacc
printf '[zoomwiz]\npreset=recall-user\nredirect_url=https://bots.example.com/zoom/callback\n' | import recalluser
printf '[zoomwiz]\npreset=mattermost-account\nsite_url=https://chat.example.com\nencryption_key=EncKeyXYZZY000000000000000000000\nwebhook_secret=HookXYZZY0000000000000000000000\n' | import mmacc
printf '[zoomwiz]\npreset=mattermost-user\nsite_url=https://chat.example.com\nencryption_key=EncKeyXYZZY000000000000000000000\nwebhook_secret=HookXYZZY0000000000000000000000\n' | import mmuser
printf '[zoomwiz]\npreset=own-server\nscopes=user:read:user:admin\n' | import ownserver
for p in ownapp stackone recallacc recalluser mmacc mmuser ownserver; do
  run create --profile $p --builder builder $CONTACT $ZOOM
  ok "$p: created, and its live checks pass (exit $rc)" \
    sh -c '[ "$1" = 0 ] && printf "%s" "$2" | grep -q "Zoom created the app" && printf "%s" "$2" | grep -Eq "credentials +pass"' - "$rc" "$out"
  [ "$rc" = 0 ] || printf '%s\n%s\n' "$out" "$err" | sed 's/^/# /'
  [ $p = mmacc ] && left=$out
  ok "$p: the profile keeps the app id and the Client ID" \
    sh -c 'printf "%s" "$1" | grep -q "^app_id=." && printf "%s" "$1" | grep -q "^client_id=."' - "$(profile_ini $p)"
  run verify --profile $p $ZOOM
  ok "$p: zoomwiz verify of the new profile passes" [ "$rc" = 0 ]
done
ok "the General apps' manifests were validated first" \
  sh -c '[ "$(grep -c "/manifest/validate" "$1")" -ge 6 ]' - "$ZS_LOG"
ok "own-server went to the account's route" grep -q "/v2/accounts/$ACCOUNT/marketplace/apps" "$ZS_LOG"
ok "own-server's profile has the builder's account" \
  sh -c 'printf "%s" "$1" | grep -q "^account_id=$2"' - "$(profile_ini ownserver)" "$ACCOUNT"
ok "what is left follows: the Secret Token from Features → Access first" \
  sh -c 'printf "%s" "$1" | grep -A1 "^What is left:" | grep -q "copy the Secret Token from Features → Access"' - "$left"
ok "no secret in any output" sh -c '! grep -qF -e "$2" "$1"' - "$tap_tmp/outputs" "$B_SECRET"

# -- a second create of a profile with an app is refused
run create --profile ownapp --builder builder $CONTACT $ZOOM
ok "a profile with an app: refused, --force named (exit 2)" \
  sh -c '[ "$1" = 2 ] && printf "%s" "$2" | grep -q -- "--force"' - "$rc" "$err"

# -- a manifest Zoom refuses: the finding on the answer it concerns
printf '[zoomwiz]\npreset=own-app\nredirect_url=https://app.example.com/oauth/callback\nscopes=user:read:user:admin\n' | import bad
run create --profile bad --builder builder --dry-run $ZOOM
ok "Zoom's manifest error is a finding on scopes (exit 1)" \
  sh -c '[ "$1" = 1 ] && printf "%s" "$2" | grep -q "error: scopes: .*user:read:user:admin is not a valid scope name when usage is USER_OPERATION"' - "$rc" "$out"
ok "and nothing was created" sh -c '! grep -q "^app_id=" "$1"' "$XDG_CONFIG_HOME/zoomwiz/profiles/bad.ini"
printf '[zoomwiz]\npreset=own-app\nredirect_url=https://app.example.com/oauth/callback\nscopes=user:read:user\n' | import good
run create --profile good --builder builder --dry-run $ZOOM
ok "--dry-run of a valid manifest: accepted, nothing created (exit 0)" \
  sh -c '[ "$1" = 0 ] && printf "%s" "$2" | grep -q "Zoom accepted the manifest" && ! grep -q "^app_id=" "$3"' \
  - "$rc" "$out" "$XDG_CONFIG_HOME/zoomwiz/profiles/good.ini"

# -- the builder lacks the scope for Server-to-Server apps
printf '[zoomwiz]\npreset=own-server\nscopes=user:read:user:admin\n' | import s2s2
run create --profile s2s2 --builder weak $CONTACT $ZOOM
ok "a missing builder scope is named, with what it prevents (exit 1)" \
  sh -c '[ "$1" = 1 ] && printf "%s" "$2" | grep -q "lacks marketplace:write:app:master: without it no Server-to-Server app can be created"' - "$rc" "$out"

# -- answers that lack the secret, or carry the app id alone
config '"create_answer": "credentials"'
printf '[zoomwiz]\npreset=own-app\nredirect_url=https://app.example.com/oauth/callback\nscopes=user:read:user\n' | import shape2
run create --profile shape2 --builder builder $CONTACT $ZOOM
ok "an answer with credentials and oauth_authorize_url: created (exit 0)" [ "$rc" = 0 ]
config '"create_answer": "id_only"'
printf '[zoomwiz]\npreset=own-app\nredirect_url=https://app.example.com/oauth/callback\nscopes=user:read:user\n' | import idonly
run create --profile idonly --builder builder $CONTACT $ZOOM
ok "the app id alone: where to read the credentials is said (exit 1)" \
  sh -c '[ "$1" = 1 ] && printf "%s" "$2" | grep -q "copy the Client ID and Client Secret from App Credentials"' - "$rc" "$out"
ok "and the profile keeps the app id" grep -q "^app_id=." "$XDG_CONFIG_HOME/zoomwiz/profiles/idonly.ini"

# -- an answer with the Client ID but no secret: where to read it is said,
# and it is asked at a terminal (here tmux, 80 columns: lines wrap at the
# edge), never taken from argv
NEW_SECRET=CreatedSecretXYZZY00000000000001
config '"create_answer": "no_secret", "created_secret": "'$NEW_SECRET'"'
printf '[zoomwiz]\npreset=own-server\nscopes=user:read:user:admin\n' | import nosecret
run create --profile nosecret --builder builder $CONTACT $ZOOM
ok "no secret sent, no terminal: where it is said, saved without it (exit 1)" \
  sh -c '[ "$1" = 1 ] && printf "%s" "$2" | grep -q "did not send the new app.s Client Secret: open the app .* copy it from App Credentials" && printf "%s" "$3" | grep -q "saved without it"' - "$rc" "$out" "$err"
printf '[zoomwiz]\npreset=own-server\nscopes=user:read:user:admin\n' | import asked
SOCK=$tap_tmp/tmux.sock
tmux -S "$SOCK" -f /dev/null new-session -d -x 80 -y 24 \
  "env HOME=$HOME XDG_CONFIG_HOME=$XDG_CONFIG_HOME XDG_STATE_HOME=$XDG_STATE_HOME \
ZOOMWIZ_DATADIR=$ZOOMWIZ_DATADIR ZOOMWIZ_LOCALEDIR=${ZOOMWIZ_LOCALEDIR:-} LANG=${LANG:-C} \
$ZOOMWIZ create --profile asked --builder builder $CONTACT $ZOOM; echo \$? > $tap_tmp/asked.status; sleep 30"
i=0
while [ $i -lt 100 ] && ! tmux -S "$SOCK" capture-pane -p | grep -q "^Client Secret: "; do
  sleep 0.1; i=$((i + 1))
done
tmux -S "$SOCK" capture-pane -p > "$tap_tmp/asked.screen"
ok "at a terminal, the secret is asked without echo, after where it is" \
  sh -c 'tr -d "\n" < "$1" | grep -q "copy it from App Credentials\.Client Secret:"' - "$tap_tmp/asked.screen"
tmux -S "$SOCK" send-keys -l "$NEW_SECRET"
tmux -S "$SOCK" send-keys Enter
i=0
while [ $i -lt 100 ] && [ ! -s "$tap_tmp/asked.status" ]; do sleep 0.1; i=$((i + 1)); done
ok "the secret typed is kept, and the live checks pass with it (exit $(cat "$tap_tmp/asked.status" 2>/dev/null))" \
  sh -c '[ "$(cat "$1")" = 0 ] && tmux -S "$2" capture-pane -p -S -200 | grep -Eq "credentials +pass"' - "$tap_tmp/asked.status" "$SOCK"
ok "and it was not echoed" sh -c '! tmux -S "$1" capture-pane -p -S -200 | grep -qF "$2"' - "$SOCK" "$NEW_SECRET"
tmux -S "$SOCK" kill-server 2>/dev/null
run verify --profile asked $ZOOM
ok "the profile keeps the secret typed: verify passes" [ "$rc" = 0 ]

# -- a new Server-to-Server app's scopes come late: waited out, said
config '"scope_lag_seconds": 4'
printf '[zoomwiz]\npreset=own-server\nscopes=user:read:user:admin\n' | import lag
run create --profile lag --builder builder $CONTACT $ZOOM
ok "the scopes' lag is waited out and said (exit 0)" \
  sh -c '[ "$1" = 0 ] && printf "%s" "$2" | grep -q "testing again in 3 s"' - "$rc" "$err"

run create --profile ownapp --builder ownapp $ZOOM
ok "an app cannot create itself (exit 2)" sh -c '[ "$1" = 2 ] && printf "%s" "$2" | grep -q "cannot create itself"' - "$rc" "$err"
done_testing
