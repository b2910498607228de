#!/bin/sh
# rotate.sh - zoomwiz rotate against the fake Zoom's Marketplace API
# (tests/zoom-server.py): a failure injected at each step - the builder's
# scope, the rotation's start (Zoom's 3-in-15-minutes limit), the new
# secret's test, writing the exports again, the profile keeping it, the
# revocation - leaves the profile and every export with a secret Zoom
# accepts, and the state of each place said; a whole rotation leaves the
# new secret everywhere and the old one refused; an export changed by hand
# stops it before anything changes, unless --force.
# Copyright (C) 2026 the zoomwiz authors. SPDX-License-Identifier: GPL-3.0-or-later
. "${top_srcdir:-$(dirname "$0")/..}/tests/tap.sh"
for tool in python3 openssl curl; do
  command -v $tool >/dev/null 2>&1 || { echo "1..0 # SKIP $tool not installed"; exit 0; }
done
. "$top_srcdir/tests/zoom-server.sh"
trap 'zoom_server_stop; rm -rf "$tap_tmp"' EXIT

ACCOUNT=AcCoUnTiD0000000000000
APP_ID=RotApp0000000000000001
APP=AppClient0000000000000
OLD=OldSecretXYZZY000000000000000001
B_SECRET=BuilderSecretXYZZY00000000000001
W_SECRET=WeakBuilderSecretXYZZY000000001
# Enough scopes that the profile's INI file is larger than any export.
SCOPES="user:read:user:admin user:read:list_users:admin meeting:read:meeting:admin meeting:write:meeting:admin meeting:read:list_meetings:admin meeting:update:meeting:admin meeting:delete:meeting:admin cloud_recording:read:list_user_recordings:admin cloud_recording:read:recording:admin webinar:read:webinar:admin webinar:write:webinar:admin report:read:list_meeting_participants:admin"
config () { # config [EXTRA-JSON-MEMBERS]: the app rotates with no window limit unless given
  extra=${1:-'"rotate_window_seconds": 0'}
  cat > "$tap_tmp/config.json.new" <<EOF2
{ $extra, "clients": [
  {"client_id": "BuilderClient000000000", "client_secret": "$B_SECRET", "kind": "s2s",
   "account_id": "$ACCOUNT", "activated": true,
   "scopes": "user:read:user:admin marketplace:write:app:admin marketplace:read:app:admin marketplace:update:client_secret"},
  {"client_id": "WeakBuilder00000000000", "client_secret": "$W_SECRET", "kind": "s2s",
   "account_id": "$ACCOUNT", "activated": true,
   "scopes": "user:read:user:admin marketplace:write:app:admin marketplace:read:app:admin"},
  {"client_id": "$APP", "client_secret": "$OLD", "kind": "s2s", "app_id": "$APP_ID",
   "account_id": "$ACCOUNT", "activated": true, "scopes": "$SCOPES"} ] }
EOF2
  mv "$tap_tmp/config.json.new" "$tap_tmp/config.json"
}
zoom_server_certs "$tap_tmp/certs" || exit 99
config
zoom_server_start "$tap_tmp/config.json" || exit 99
ZOOM="--zoom-url $ZS_URL --api-url $ZS_URL --ca-file $ZS_CA"
ROT="rotate --profile app --builder builder $ZOOM"
PROFILES=$XDG_CONFIG_HOME/zoomwiz/profiles
OUT=$tap_tmp/deploy
mkdir -p "$OUT"

import () { # import NAME [--force]: a profile from standard input, secrets in a file
  answers "$1.ini" 600 >/dev/null
  run profiles import "$1" --answers "$tap_tmp/$1.ini" --secret-store file $2
  [ "$rc" = 0 ] || { echo "# import $1: $err" >&2; return 1; }
}
builder () { # builder NAME CLIENT SECRET
  printf '[zoomwiz]\npreset=zoom-builder\naccount_id=%s\nclient_id=%s\nclient_secret=%s\n' \
    "$ACCOUNT" "$2" "$3" | import "$1"
}
app () { # app: the app's profile with the old secret again, and its exports written
  printf '[zoomwiz]\npreset=own-server\naccount_id=%s\nclient_id=%s\nclient_secret=%s\napp_id=%s\nscopes=%s\n' \
    "$ACCOUNT" "$APP" "$(cat "$tap_tmp/current")" "$APP_ID" "$SCOPES" | import app --force || return 1
  rm -f "$PROFILES/app.exports" "$OUT"/*
  run export --profile app --format env -o "$OUT/app.env" && [ "$rc" = 0 ] &&
  run export --profile app --format systemd -o "$OUT/app-systemd.env" && [ "$rc" = 0 ]
}
# works SECRET: Zoom's token endpoint takes SECRET for the app (no secret in argv).
works () {
  [ -n "$1" ] && printf 'user = "%s:%s"\n' "$APP" "$1" |
    curl -sS --noproxy '*' --max-time 10 --cacert "$ZS_CA" -K - -o /dev/null -w '%{http_code}' \
      -d "grant_type=account_credentials&account_id=$ACCOUNT" "$ZS_URL/oauth/token" |
    grep -qx 200
}
in_file () { sed -n 's/^ZOOM_CLIENT_SECRET="\(.*\)"$/\1/p' "$1"; }
in_profile () { sed -n 's/^client_secret=//p' "$PROFILES"/app.*.secrets; }
# everywhere_works: the profile's and each export's secret are all accepted.
everywhere_works () {
  works "$(in_profile)" && works "$(in_file "$OUT/app.env")" &&
    works "$(in_file "$OUT/app-systemd.env")"
}
# rotate_limited BLOCKS ARGS...: rotate with files capped at BLOCKS*512
# bytes (writes past it fail with EFBIG; the output goes through a pipe).
rotate_limited () {
  out=$( (trap '' XFSZ; ulimit -f "$1"; shift; exec "$ZOOMWIZ" "$@" </dev/null 2>&1); echo "rc=$?")
  rc=${out##*rc=}
  out=${out%rc=*}
  printf '%s\n' "$out" >> "$tap_tmp/outputs"
}

echo "$OLD" > "$tap_tmp/current"
ok "the builder's profile is made from the builder preset" builder builder BuilderClient000000000 "$B_SECRET"
ok "and one without marketplace:update:client_secret" builder weak WeakBuilder00000000000 "$W_SECRET"
ok "the app's profile and two exports" app
ok "the profile remembers both exports" sh -c '[ "$(grep -c "^format=" "$1")" = 2 ] && [ "$(stat -c %a "$1")" = 600 ]' - "$PROFILES/app.exports"
ok "the old secret works everywhere before" everywhere_works

# -- 1. the builder lacks the rotation's scope
run rotate --profile app --builder weak $ZOOM
ok "builder without the scope: named, with what it prevents (exit 1)" \
  sh -c '[ "$1" = 1 ] && printf "%s" "$2" | grep -q "lacks marketplace:update:client_secret: without it no client secret can be rotated"' - "$rc" "$out"
ok "and no rotation started" sh -c '! grep -q rotate_client_secret "$1"' - "$ZS_LOG"
ok "the state is said: nothing started" sh -c 'printf "%s" "$1" | grep -q "Zoom: no rotation started"' - "$out"
ok "the old secret still works everywhere" everywhere_works

# -- 2. the rotation's start refused: Zoom's 3 changes in 15 minutes
config '"faults": [{"path": "/v2/marketplace/apps/'$APP_ID'/rotate_client_secret", "times": 1, "status": 429, "headers": {"Retry-After": "120"}, "body": {"code": 429, "message": "You can change the client secret rotation schedule at most 3 times in 15 minutes."}}]'
run $ROT
ok "the limit is said, with when to run again (exit 1)" \
  sh -c '[ "$1" = 1 ] && printf "%s" "$2" | grep -q "3 changes to a secret.s rotation in 15 minutes" && printf "%s" "$2" | grep -q "Run again in 120 seconds"' - "$rc" "$out"
ok "the old secret still works everywhere" everywhere_works

# -- 3. the new secret fails its test (the second token request)
config '"rotate_window_seconds": 0, "faults": [{"path": "/oauth/token", "after": 1, "times": 1, "status": 400, "body": {"reason": "Invalid client_id or client_secret", "error": "invalid_client"}}]'
run $ROT
ok "the new secret's failed test stops it (exit 1)" \
  sh -c '[ "$1" = 1 ] && printf "%s" "$2" | grep -q "The new secret.s live checks:"' - "$rc" "$out"
ok "the state is said: the old secret valid until a time" \
  sh -c 'printf "%s" "$1" | grep -q "the old one stays valid until 20" && printf "%s" "$1" | grep -q "profile app: keeps the old secret"' - "$out"
ok "the old secret still works everywhere" everywhere_works
ok "the exports were not written" [ "$(in_file "$OUT/app.env")" = "$OLD" ]

# -- 4. an export cannot be written again (the second, larger than the cap)
config
sz_env=$(wc -c < "$OUT/app.env") sz_sd=$(wc -c < "$OUT/app-systemd.env")
ok "the second export is the larger ($sz_env < 512 < $sz_sd)" [ "$sz_env" -lt 512 ] && [ "$sz_sd" -gt 512 ]
rotate_limited 1 $ROT
ok "a failed export write stops it, named (exit 1)" \
  sh -c '[ "$1" = 1 ] && printf "%s" "$2" | grep -q "Cannot write .*app-systemd.env again"' - "$rc" "$out"
ok "the state of each export is said" \
  sh -c 'printf "%s" "$1" | grep -q "app.env: holds the new secret" && printf "%s" "$1" | grep -q "app-systemd.env: holds the old secret"' - "$out"
ok "every place works: the first export with the new secret, the rest the old" everywhere_works
ok "the profile keeps the old" [ "$(in_profile)" = "$OLD" ]

# -- 5. the profile cannot keep the new secret
app
rm -f "$OUT/app-systemd.env"
sz_ini=$(wc -c < "$PROFILES/app.ini")
ok "the profile's INI file is larger than the cap ($sz_ini > 512)" [ "$sz_ini" -gt 512 ]
rotate_limited 1 $ROT
ok "a failed save stops it, said (exit 1)" \
  sh -c '[ "$1" = 1 ] && printf "%s" "$2" | grep -q "The profile could not keep the new secret"' - "$rc" "$out"
ok "the gone export is said and skipped" sh -c 'printf "%s" "$1" | grep -q "app-systemd.env is gone"' - "$out"
ok "the profile keeps the old secret" \
  sh -c '[ "$1" = "$2" ] && printf "%s" "$3" | grep -q "profile app: keeps the old secret"' - "$(in_profile)" "$OLD" "$out"
ok "the export holds the new one, and it works" \
  sh -c 'n=$(sed -n "s/^ZOOM_CLIENT_SECRET=\"\(.*\)\"$/\1/p" "$1"); [ -n "$n" ] && [ "$n" != "$2" ]' - "$OUT/app.env" "$OLD"
works "$(in_file "$OUT/app.env")" && works "$(in_profile)"
ok "both secrets are accepted" [ $? = 0 ]

# -- 6. the revocation refused: everything has the new secret, the old lasts
app
config '"rotate_window_seconds": 0, "faults": [{"path": "/v2/marketplace/apps/'$APP_ID'/rotate_client_secret", "after": 1, "times": 1, "status": 400, "body": {"code": 300, "message": "No client secret rotation is in progress."}}]'
run $ROT
ok "a refused revocation is said (exit 1)" \
  sh -c '[ "$1" = 1 ] && printf "%s" "$2" | grep -q "No client secret rotation is in progress"' - "$rc" "$out"
ok "and what to do: run rotate again" \
  sh -c 'printf "%s" "$1" | grep -q "Run zoomwiz rotate --profile app again to finish"' - "$out"
ok "the profile and exports hold the new secret" \
  sh -c '[ "$1" != "$2" ] && [ "$3" = "$1" ]' - "$(in_profile)" "$OLD" "$(in_file "$OUT/app.env")"
ok "every place works" everywhere_works
in_profile > "$tap_tmp/current"

# -- 7. a whole rotation
config
before=$(in_profile)
run $ROT
ok "a whole rotation (exit 0)" sh -c '[ "$1" = 0 ] && printf "%s" "$2" | grep -q "Zoom revoked the old secret"' - "$rc" "$out"
[ "$rc" = 0 ] || printf '%s\n%s\n' "$out" "$err" | sed 's/^/# /'
ok "the new secret is everywhere and works" everywhere_works
if works "$before"; then refused=no; else refused=yes; fi
ok "the old secret is refused" [ "$refused" = yes ]
ok "zoomwiz verify of the profile passes" sh -c '"$1" verify --profile app $2 >/dev/null 2>&1' - "$ZOOMWIZ" "$ZOOM"
ok "no secret in any output" sh -c '! grep -qF -e "$2" -e "$3" -e "$(sed -n "s/^client_secret=//p" "$4"/app.*.secrets)" "$1"' - "$tap_tmp/outputs" "$B_SECRET" "$OLD" "$PROFILES"
in_profile > "$tap_tmp/current"

# -- --keep-old: the old secret lasts its days of grace
before=$(in_profile)
run $ROT --keep-old
ok "--keep-old: rotated, the old secret left valid, said (exit 0)" \
  sh -c '[ "$1" = 0 ] && printf "%s" "$2" | grep -q "stays valid until 20.*(--keep-old)"' - "$rc" "$out"
ok "both the old and the new secret work" sh -c '[ "$1" != "$2" ]' - "$before" "$(in_profile)"
works "$before" && everywhere_works
ok "and are accepted" [ $? = 0 ]

# -- 8. an export changed by hand
echo '# a note of the admin' >> "$OUT/app.env"
requests=$(grep -c rotate_client_secret "$ZS_LOG")
run $ROT
ok "an export changed by hand stops it before anything changes (exit 2)" \
  sh -c '[ "$1" = 2 ] && printf "%s" "$2" | grep -q "app.env was changed since zoomwiz wrote it" && printf "%s" "$2" | grep -q "nothing was changed"' - "$rc" "$err"
ok "and Zoom was not asked" [ "$(grep -c rotate_client_secret "$ZS_LOG")" = "$requests" ]
run $ROT --force
ok "with --force it is written again (exit 0)" sh -c '[ "$1" = 0 ] && ! grep -q "a note of the admin" "$2"' - "$rc" "$OUT/app.env"
ok "every place works" everywhere_works

# -- the limit for real: a second whole rotation within the window
config '"rotate_window_seconds": 900'
run $ROT
first=$rc
run $ROT
ok "the 4th change in 15 minutes is refused, said (exit 1 after exit $first)" \
  sh -c '[ "$1" = 0 ] && [ "$2" = 1 ] && printf "%s" "$3" | grep -q "3 changes to a secret.s rotation in 15 minutes"' - "$first" "$rc" "$out"
ok "every place works" everywhere_works

# -- the builder that created the app is the default
config
in_profile > "$tap_tmp/current"
printf '[zoomwiz]\npreset=own-server\naccount_id=%s\nclient_id=%s\nclient_secret=%s\napp_id=%s\nscopes=%s\nbuilder=builder\n' \
  "$ACCOUNT" "$APP" "$(cat "$tap_tmp/current")" "$APP_ID" "$SCOPES" | import app --force
run rotate --profile app $ZOOM
ok "without --builder, the profile's builder rotates it (exit $rc)" [ "$rc" = 0 ]

# -- usage
printf '[zoomwiz]\npreset=own-server\naccount_id=%s\nclient_id=%s\nclient_secret=%s\nscopes=user:read:user:admin\n' "$ACCOUNT" "$APP" "$OLD" | import noid
run rotate --profile noid --builder builder $ZOOM
ok "a profile without app_id: where to find it is said (exit 2)" \
  sh -c '[ "$1" = 2 ] && printf "%s" "$2" | grep -q "develop/applications/APP_ID"' - "$rc" "$err"
run rotate --profile builder --builder builder $ZOOM
ok "the builder does not rotate itself (exit 2)" [ "$rc" = 2 ]
done_testing
