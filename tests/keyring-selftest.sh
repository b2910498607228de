#!/bin/sh
# keyring-selftest.sh - tests/with-keyring.sh checked with secret-tool: a
# real Secret Service on a private bus, whose default collection stores,
# finds and clears secrets byte for byte; a fresh keyring on every run; the
# caller's HOME, XDG folders, standard input and exit status kept; nothing
# left running; and the "no Secret Service" situations (locked collection,
# bus without the service, no bus at all) in which secret-tool fails.
# The parts that need the keyring are this script again, run by
# with-keyring.sh as "keyring-selftest.sh --inside PHASE DIR": each writes
# what it saw into DIR, and the checks below read it.
# Copyright (C) 2026 the zoomwiz authors. SPDX-License-Identifier: GPL-3.0-or-later

# alive TEXT: prints the live processes (not zombies) whose command line
# contains TEXT. (grep's own process matches too: it is gone by the loop.)
alive () {
  # /proc paths have no spaces: words are fine here.
  # shellcheck disable=SC2013
  for ks_c in $(grep -lF -- "$1" /proc/[0-9]*/cmdline 2>/dev/null); do
    ks_cmd=$( { tr '\0' ' ' <"$ks_c"; } 2>/dev/null)
    [ -n "$ks_cmd" ] || continue
    echo "${ks_c%/cmdline}: $ks_cmd"
  done
}

if [ "${1-}" = --inside ]; then
  ks_phase=$2 ks_dir=$3
  # st NAME COMMAND...: runs COMMAND (bounded in time), its stdout in
  # DIR/NAME.out, stderr in DIR/NAME.err, status in DIR/rcs as NAME=RC.
  st () {
    ks_name=$1; shift
    if command -v timeout >/dev/null 2>&1; then set -- timeout 20 "$@"; fi
    "$@" >"$ks_dir/$ks_name.out" 2>"$ks_dir/$ks_name.err"
    echo "$ks_name=$?" >>"$ks_dir/rcs"
  }
  A='service zoomwiz-selftest'
  for ks_v in DBUS_SESSION_BUS_ADDRESS HOME XDG_CONFIG_HOME XDG_STATE_HOME \
              XDG_DATA_HOME WITH_KEYRING_DATA WITH_KEYRING_PASSWORD; do
    eval "printf '%s\n' \"\${$ks_v-(unset)}\"" >"$ks_dir/env.$ks_v"
  done
  # shellcheck disable=SC2086
  case $ks_phase in
    store)
      cat >"$ks_dir/stdin"
      st store1 secret-tool store --label='zoomwiz selftest' $A account alice <"$ks_dir/../v1"
      st lookup1 secret-tool lookup $A account alice
      st store2 secret-tool store --label='second' $A account bob <"$ks_dir/../v2"
      st lookup2 secret-tool lookup $A account bob
      st search1 secret-tool search --all $A account alice
      st store3 secret-tool store --label='zoomwiz selftest' $A account alice <"$ks_dir/../v3"
      st lookup3 secret-tool lookup $A account alice
      st count3 secret-tool search --all $A
      st clear1 secret-tool clear $A account alice
      st lookup4 secret-tool lookup $A account alice
      st lookup5 secret-tool lookup $A account bob
      st clear2 secret-tool clear $A account alice
      printf 'kept' | st store4 secret-tool store --label=kept $A account kept
      st files ls "$WITH_KEYRING_DATA"
      alive "$(dirname "$(dirname "$WITH_KEYRING_DATA")")" >"$ks_dir/alive.out"
      ;;
    fresh)
      st lookup6 secret-tool lookup $A account kept
      st search2 secret-tool search --all $A
      ;;
    locked)
      st lookup7 secret-tool lookup $A account kept
      printf 'x' | st store5 secret-tool store --label=x $A account locked
      ;;
    unavailable)
      st lookup8 secret-tool lookup $A account kept
      printf 'x' | st store6 secret-tool store --label=x $A account none
      ;;
  esac
  exit 0
fi

. "${top_srcdir:-$(dirname "$0")/..}/tests/tap.sh"

for ks_tool in secret-tool gnome-keyring-daemon dbus-run-session dbus-daemon dbus-send; do
  if ! command -v "$ks_tool" >/dev/null 2>&1; then
    echo "1..0 # SKIP $ks_tool not found"
    exit 0
  fi
done
plan 52

WK=$top_srcdir/tests/with-keyring.sh
SELF=$top_srcdir/tests/keyring-selftest.sh

# rc DIR NAME: the exit status that the inside run recorded for NAME.
rc () { sed -n "s/^$2=//p" "$1/rcs" 2>/dev/null | tail -n 1; }
# failed DIR NAME: NAME ran inside and exited non-zero.
failed () { ks_r=$(rc "$1" "$2"); [ -n "$ks_r" ] && [ "$ks_r" -ne 0 ]; }
# same FILE1 FILE2: byte for byte.
same () { cmp -s "$1" "$2"; }
# inside PHASE [MODE]: runs this script's PHASE under with-keyring.sh in a
# new folder ($d); sets $wrc (with-keyring's status) and $werr (its stderr).
inside () {
  d=$tap_tmp/$1.$$.$tap_n
  mkdir -p "$d"
  sh "$WK" ${2:+"$2"} sh "$SELF" --inside "$1" "$d" <"$tap_tmp/stdin" 2>"$d/with-keyring.err"
  wrc=$?
  werr=$(cat "$d/with-keyring.err")
}
keyring_of () { cat "$1/env.WITH_KEYRING_DATA"; }

# Secrets with spaces, newlines (a trailing one too) and other bytes.
printf 'two words\nsecond line, ends with a newline\n' >"$tap_tmp/v1"
printf '  spaces around \t tab  ' >"$tap_tmp/v2"
# shellcheck disable=SC1003,SC2016
printf 'replaced: \303\251t\303\251 "quoted" $HOME `x` \\' >"$tap_tmp/v3"
printf 'from the caller\n' >"$tap_tmp/stdin"

# --------------------------------------------------------- a keyring
inside store
d1=$d
if [ "$wrc" -ne 0 ] && [ ! -s "$d1/rcs" ]; then
  printf '%s\n' "$werr" | sed 's/^/# /'
  echo "Bail out! with-keyring.sh did not run the command (status $wrc)"
  exit 1
fi
is "with-keyring ran the command (status 0)" "$wrc" 0
is "it printed nothing on stderr" "$werr" ""
ok "the command ran on with-keyring's own session bus" \
  contains "$(cat "$d1/env.DBUS_SESSION_BUS_ADDRESS")" \
  "unix:path=$(dirname "$(dirname "$(keyring_of "$d1")")")/dbus-"
is "the caller's HOME is kept" "$(cat "$d1/env.HOME")" "$HOME"
is "the caller's XDG_CONFIG_HOME is kept" "$(cat "$d1/env.XDG_CONFIG_HOME")" "$XDG_CONFIG_HOME"
is "the caller's XDG_STATE_HOME is kept" "$(cat "$d1/env.XDG_STATE_HOME")" "$XDG_STATE_HOME"
is "the caller's XDG_DATA_HOME is kept" "$(cat "$d1/env.XDG_DATA_HOME")" "$XDG_DATA_HOME"
ok "the caller's standard input reaches the command" same "$d1/stdin" "$tap_tmp/stdin"
ok "WITH_KEYRING_PASSWORD is set" test -n "$(cat "$d1/env.WITH_KEYRING_PASSWORD")"
is "secret-tool store works" "$(rc "$d1" store1)" 0
is "lookup finds it" "$(rc "$d1" lookup1)" 0
ok "lookup gives the same bytes (spaces, newlines)" same "$d1/lookup1.out" "$tap_tmp/v1"
is "a second item is stored" "$(rc "$d1" store2)" 0
ok "its lookup gives the same bytes (spaces, a tab)" same "$d1/lookup2.out" "$tap_tmp/v2"
is "search --all works" "$(rc "$d1" search1)" 0
search=$(cat "$d1/search1.out" "$d1/search1.err")
ok "search shows the service attribute" contains "$search" "attribute.service = zoomwiz-selftest"
ok "search shows the account attribute" contains "$search" "attribute.account = alice"
ok "search shows the label" contains "$search" "label = zoomwiz selftest"
ok "search does not show the other account" lacks "$search" "attribute.account = bob"
is "storing again under the same attributes works" "$(rc "$d1" store3)" 0
ok "it replaces the secret (UTF-8, quotes, backslash)" same "$d1/lookup3.out" "$tap_tmp/v3"
is "and does not add an item" \
  "$(grep -c '^attribute.account = ' "$d1/count3.err")" 2
is "clear works" "$(rc "$d1" clear1)" 0
ok "after clear, lookup fails" failed "$d1" lookup4
is "and prints nothing" "$(cat "$d1/lookup4.out")" ""
ok "clear left the other item" same "$d1/lookup5.out" "$tap_tmp/v2"
ok "clearing what is gone fails" failed "$d1" clear2
ok "the keyring is a login.keyring in with-keyring's folder" \
  contains "$(cat "$d1/files.out")" login.keyring
ok "not in the caller's HOME" test ! -e "$HOME/.local/share/keyrings"
ok "while the command runs, its keyring daemon is seen" \
  contains "$(cat "$d1/alive.out")" gnome-keyring-daemon
ok "and its bus daemon" contains "$(cat "$d1/alive.out")" dbus-daemon
ok "with-keyring removed its folder" test ! -e "$(keyring_of "$d1")"
is "no daemon of it is left running" "$(alive "$(dirname "$(dirname "$(keyring_of "$d1")")")")" ""

# --------------------------------------------------------- runs are separate
inside fresh
d2=$d
is "a second run works" "$wrc" 0
ok "it has another keyring" test "$(keyring_of "$d2")" != "$(keyring_of "$d1")"
ok "it does not see the first run's item" failed "$d2" lookup6
is "its search finds nothing" "$(cat "$d2/search2.out" "$d2/search2.err")" ""
is "no daemon of it is left running" "$(alive "$(dirname "$(dirname "$(keyring_of "$d2")")")")" ""

sh "$WK" sh -c 'exit 3' </dev/null
is "the command's exit status is with-keyring's" "$?" 3

# --------------------------------------------------------- no Secret Service
inside locked --locked
is "--locked runs the command" "$wrc" 0
ok "locked collection: lookup fails (no prompter, no wait)" failed "$d" lookup7
ok "locked collection: store fails" failed "$d" store5
inside unavailable --no-service
is "--no-service runs the command" "$wrc" 0
ok "bus without a Secret Service: lookup fails" failed "$d" lookup8
ok "bus without a Secret Service: store fails" failed "$d" store6
inside unavailable --no-bus
is "--no-bus runs the command" "$wrc" 0
ok "no bus: lookup fails" failed "$d" lookup8
ok "no bus: store fails" failed "$d" store6

# Without with-keyring, the two ways a machine has no Secret Service at all:
# no session bus address (and nothing GDBus could fall back to: no
# $XDG_RUNTIME_DIR/bus, no X11 display to autolaunch a bus on), or an
# address that leads nowhere.
mkdir -p "$tap_tmp/runtime"
env -u DBUS_SESSION_BUS_ADDRESS -u DISPLAY XDG_RUNTIME_DIR="$tap_tmp/runtime" \
  secret-tool lookup service zoomwiz-selftest </dev/null >/dev/null 2>&1
ok "no DBUS_SESSION_BUS_ADDRESS: secret-tool fails" test $? -ne 0
DBUS_SESSION_BUS_ADDRESS=unix:path=/nonexistent \
  secret-tool lookup service zoomwiz-selftest </dev/null >/dev/null 2>&1
ok "DBUS_SESSION_BUS_ADDRESS=unix:path=/nonexistent: secret-tool fails" test $? -ne 0

# --------------------------------------------------------- cannot start
mkdir -p "$tap_tmp/fakebin"
printf '#!/bin/sh\necho "fake daemon: broken" >&2\nexit 3\n' \
  >"$tap_tmp/fakebin/gnome-keyring-daemon"
chmod +x "$tap_tmp/fakebin/gnome-keyring-daemon"
PATH=$tap_tmp/fakebin:$PATH sh "$WK" true </dev/null 2>"$tap_tmp/broken.err"
is "a keyring that cannot start: status 77 (SKIP)" "$?" 77
ok "with a '# with-keyring:' line on stderr" \
  contains "$(cat "$tap_tmp/broken.err")" "# with-keyring: gnome-keyring-daemon exited"
