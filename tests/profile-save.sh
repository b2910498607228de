#!/bin/sh
# profile-save.sh - a profile save is the old profile whole or the new one
# whole, whatever kills it and wherever its secrets were; --force keeps no
# secret of the old answers; two config folders never share a keyring item;
# `profiles delete` removes what any save left. Real gnome-keyring on a
# private D-Bus (tests/with-keyring.sh).
# ZOOMWIZ_KILL_TRIALS sets the number of kill -9 trials (default 24).
# Copyright (C) 2026 the zoomwiz authors. SPDX-License-Identifier: GPL-3.0-or-later
. "${top_srcdir:-$(dirname "$0")/..}/tests/tap.sh"
for tool in jq secret-tool dbus-run-session gnome-keyring-daemon; do
  command -v $tool >/dev/null 2>&1 || { echo "1..0 # SKIP $tool not installed"; exit 0; }
done
under_keyring

profiles=$XDG_CONFIG_HOME/zoomwiz/profiles
# Two answer sets: A has a Secret Token, B has none.
cat > "$tap_tmp/a.ini" <<EOF
[zoomwiz]
preset=own-server
account_id=AcCoUnTiD0000000000000
client_id=ClientIdAAAAAAAAAAAAAA
client_secret=ClientSecretAAAAAAAAAAAAAAAAAA01
secret_token=SecretTokenAAAAAAAAAAA02
EOF
cat > "$tap_tmp/b.ini" <<EOF
[zoomwiz]
preset=own-server
account_id=AcCoUnTiD0000000000000
client_id=ClientIdBBBBBBBBBBBBBB
client_secret=ClientSecretBBBBBBBBBBBBBBBBBB01
EOF
chmod 600 "$tap_tmp/a.ini" "$tap_tmp/b.ini"

# items NAME: how many keyring items profile NAME has, in any config folder.
items () { secret-tool search --all profile "$1" 2>/dev/null | grep -c '^\[/'; }
# whole NAME: the profile is A whole or B whole (no profile at all counts,
# when ALLOW_NONE is set); prints what it found on failure.
whole () {
  "$ZOOMWIZ" export --profile "$1" --format json -o "$tap_tmp/whole.json" --force \
    </dev/null >/dev/null 2>"$tap_tmp/whole.err"
  w_rc=$?
  if [ "$w_rc" != 0 ]; then
    [ -n "${ALLOW_NONE:-}" ] && [ ! -e "$profiles/$1.ini" ] && return 0
    echo "# export exited $w_rc: $(head -c 300 "$tap_tmp/whole.err")"
    return 1
  fi
  w_got=$(jq -r '.answers | [.client_id, .client_secret, (.secret_token // "-")] | join(" ")' \
    "$tap_tmp/whole.json" 2>/dev/null)
  case $w_got in
    "ClientIdAAAAAAAAAAAAAA ClientSecretAAAAAAAAAAAAAAAAAA01 SecretTokenAAAAAAAAAAA02") return 0 ;;
    "ClientIdBBBBBBBBBBBBBB ClientSecretBBBBBBBBBBBBBBBBBB01 -") return 0 ;;
  esac
  echo "# a mix: $w_got"
  return 1
}

# -- --force replaces the secrets, and keeps none the new answers leave out
run profiles import p --answers "$tap_tmp/a.ini"
is "A imported" "$rc" 0
is "A's two secrets are in the keyring" "$(items p)" 2
run profiles import p --answers "$tap_tmp/b.ini" --force
is "B replaces it with --force" "$rc" 0
ok "the profile is B whole" whole p
is "A's Secret Token is gone from the keyring, not only from the profile" "$(items p)" 1
run export --profile p --format env -o "$tap_tmp/p.env"
ok "and the export has no Secret Token" sh -c '! grep -q SecretToken "$1"' - "$tap_tmp/p.env"

# -- the profile's file records its save, and stays an answers file
ok "the INI file records where the secrets are" \
  sh -c 'grep -q "^\[profile\]" "$1" && grep -q "^secrets=keyring" "$1" && grep -Eq "^secrets_id=[0-9a-f]{16}$" "$1"' - "$profiles/p.ini"
run check --answers "$profiles/p.ini"
ok "check reads the INI file as answers, its [profile] group no error" \
  sh -c '! printf "%s" "$1" | grep -q "not a group"' - "$out$err"

# -- moving between the stores leaves nothing behind in the other
run profiles import p --answers "$tap_tmp/a.ini" --secret-store file --force
is "moved to the file store" "$rc" 0
ok "the profile is A whole" whole p
is "its keyring items are gone" "$(items p)" 0
is "one secrets file" "$(ls "$profiles" | grep -c '^p\..*\.secrets$')" 1
run profiles import p --answers "$tap_tmp/b.ini" --secret-store file --force
is "a second save to the file store keeps one secrets file" "$(ls "$profiles" | grep -c '^p\..*\.secrets$')" 1
ok "holding B's secret, not A's" sh -c 'grep -q BBBB01 "$1"/p.*.secrets && ! grep -rq AAAA "$1"' - "$profiles"
run profiles import p --answers "$tap_tmp/a.ini" --force
is "moved back to the keyring" "$rc" 0
is "no secrets file is left" "$(ls "$profiles" | grep -c '\.secrets$')" 0
ok "the profile is A whole" whole p

# -- two config folders, one keyring: each keeps its own
other=$tap_tmp/other-config
XDG_CONFIG_HOME=$other "$ZOOMWIZ" profiles import p --answers "$tap_tmp/b.ini" </dev/null >/dev/null 2>&1
is "a profile of the same name in another config folder" "$?" 0
ok "the first folder's profile is still A" whole p
got=$(XDG_CONFIG_HOME=$other "$ZOOMWIZ" export --profile p --format json </dev/null 2>/dev/null | jq -r .answers.client_secret)
is "the other folder's is B" "$got" ClientSecretBBBBBBBBBBBBBBBBBB01
secret-tool search --all profile p > "$tap_tmp/search" 2>&1
ok "the items carry their folder, and the label says it" \
  sh -c 'grep -q "attribute.config = $2/zoomwiz/profiles" "$1" && grep -q "attribute.config = $3/zoomwiz/profiles" "$1" && grep -q "label = zoomwiz profile p: client_secret (in $3/zoomwiz/profiles)" "$1"' \
  - "$tap_tmp/search" "$XDG_CONFIG_HOME" "$other"
XDG_CONFIG_HOME=$other "$ZOOMWIZ" profiles delete p </dev/null >/dev/null 2>&1
is "deleting the other folder's profile" "$?" 0
ok "leaves the first one whole" whole p
is "with its two items" "$(items p)" 2

# -- delete removes left-overs a save cut short left, with no INI file
printf 'OrphanSecretXXXXXXXXXXXXX' | secret-tool store --label=orphan profile orphan field client_secret config "$(cd "$profiles" && pwd)" \
  secrets_id 0123456789abcdef xdg:schema org.zoomwiz.Profile
printf '[zoomwiz]\n' > "$profiles/orphan.fedcba9876543210.secrets"
run profiles delete orphan
ok "delete of a profile with no INI file removes its keyring items and files (exit 0)" \
  sh -c '[ "$1" = 0 ] && [ "$2" = 0 ] && [ ! -e "$3/orphan.fedcba9876543210.secrets" ]' - "$rc" "$(items orphan)" "$profiles"
run profiles delete orphan
ok "a second delete says there is no such profile (exit 2)" \
  sh -c '[ "$1" = 2 ] && printf "%s" "$2" | grep -q "no profile .orphan."' - "$rc" "$err"

# -- kill -9 at any moment of a save: the old profile or the new, whole
trials=${ZOOMWIZ_KILL_TRIALS:-24}
# How long a save takes here (ms), to spread the kills over it.
t0=$(date +%s%N)
"$ZOOMWIZ" profiles import k --answers "$tap_tmp/a.ini" --force </dev/null >/dev/null 2>&1
span=$(( ($(date +%s%N) - t0) / 1000000 + 5 ))
mixes=0 killed=0 i=0
while [ $i -lt "$trials" ]; do
  i=$((i + 1))
  set=a; [ $((i % 2)) = 0 ] && set=b
  "$ZOOMWIZ" profiles import k --answers "$tap_tmp/$set.ini" --force </dev/null >/dev/null 2>&1 &
  pid=$!
  ms=$(( $(od -An -tu2 -N2 /dev/urandom) % span ))
  sleep "$((ms / 1000)).$(printf '%03d' $((ms % 1000)))"
  kill -9 $pid 2>/dev/null
  wait $pid
  [ $? = 137 ] && killed=$((killed + 1))
  whole k || mixes=$((mixes + 1))
done
is "$trials kill -9 trials of a save with --force ($killed killed mid-way): never a mix" "$mixes" 0
run profiles delete k
ok "then delete leaves no item and no file" \
  sh -c '[ "$1" = 0 ] && [ "$2" = 0 ] && [ -z "$(ls -A "$3" | grep "^k\.")" ]' - "$rc" "$(items k)" "$profiles"

# A first save killed: delete must still find what it left.
left=0 i=0
while [ $i -lt $((trials / 2)) ]; do
  i=$((i + 1))
  "$ZOOMWIZ" profiles import f --answers "$tap_tmp/a.ini" </dev/null >/dev/null 2>&1 &
  pid=$!
  ms=$(( $(od -An -tu2 -N2 /dev/urandom) % span ))
  sleep "$((ms / 1000)).$(printf '%03d' $((ms % 1000)))"
  kill -9 $pid 2>/dev/null
  wait $pid
  ALLOW_NONE=1 whole f || mixes=$((mixes + 1))
  "$ZOOMWIZ" profiles delete f </dev/null >/dev/null 2>&1
  [ "$(items f)" = 0 ] && [ -z "$(ls -A "$profiles" | grep '^f\.')" ] || left=$((left + 1))
done
is "$((trials / 2)) killed first saves: delete leaves nothing each time" "$left" 0
is "and none was a mix" "$mixes" 0
done_testing
