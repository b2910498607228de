#!/bin/sh
# with-keyring.sh - run a command against a real, private Secret Service:
#   tests/with-keyring.sh [MODE] [--] COMMAND [ARGS...]
# MODE is one of:
#   (none)        a private D-Bus session bus (dbus-run-session) with
#                 gnome-keyring-daemon (secrets component) whose default
#                 collection, "login", is new, empty and unlocked;
#   --locked      the same, but the default collection is locked (nothing
#                 can unlock it: there is no prompter);
#   --no-service  a private session bus with nothing on it: no Secret Service;
#   --no-bus      no session bus at all: DBUS_SESSION_BUS_ADDRESS names a
#                 socket that does not exist.
# The keyring lives in a temporary folder made for this run and removed
# after it, so the real user's keyring is never touched and each run starts
# from an empty one. COMMAND keeps the caller's environment (HOME, XDG_*,
# standard input), except DBUS_SESSION_BUS_ADDRESS; it also gets
# WITH_KEYRING_PASSWORD (the login keyring's password) and WITH_KEYRING_DATA
# (the folder of its keyring files). The bus has no activatable services, so
# nothing (a prompter, another keyring daemon) is started behind our back:
# a request that needs a prompt fails at once instead of waiting.
# Exit status: COMMAND's; 77 (for a test: SKIP) when the keyring or the bus
# cannot be started, with a "# with-keyring: ..." line on standard error.
# Nothing is left running: the daemon is stopped when COMMAND ends, and
# dbus-run-session ends the bus.
# Copyright (C) 2026 the zoomwiz authors. SPDX-License-Identifier: GPL-3.0-or-later
set -u

wk_password=zoomwiz-test-keyring

wk_skip () { echo "# with-keyring: $*" >&2; exit 77; }

# wk_log FILE: a log, each line as a "# " comment on standard error.
wk_log () { [ -s "$1" ] && sed 's/^/#   /' "$1" >&2; return 0; }

# wk_call DEST PATH METHOD ARGS...: one D-Bus call, its reply on stdout.
wk_call () {
  wk_dest=$1 wk_path=$2 wk_method=$3; shift 3
  dbus-send --session --print-reply --reply-timeout=2000 \
    --dest="$wk_dest" "$wk_path" "$wk_method" "$@" 2>/dev/null
}

# wk_nap: a short pause (a whole second where sleep takes only integers).
wk_nap () { sleep 0.02 2>/dev/null || sleep 1; }

# ---------------------------------------------------------------- inside
# Run by dbus-run-session: $2 mode, $3 the temporary folder, then COMMAND.
if [ "${1-}" = __with_keyring_inside ]; then
  wk_mode=$2 wk_tmp=$3; shift 3
  : >"$wk_tmp/inside"
  if [ "$wk_mode" = no-service ]; then
    "$@"
    exit $?
  fi

  wk_pid=
  wk_stop () {
    [ -n "$wk_pid" ] || return 0
    kill "$wk_pid" 2>/dev/null
    wk_i=0
    while kill -0 "$wk_pid" 2>/dev/null && [ $wk_i -lt 100 ]; do
      wk_nap; wk_i=$((wk_i + 1))
    done
    kill -9 "$wk_pid" 2>/dev/null
    wait "$wk_pid" 2>/dev/null
    wk_pid=
  }
  trap 'wk_stop' EXIT
  trap 'exit 129' HUP
  trap 'exit 130' INT
  trap 'exit 143' TERM

  # The daemon gets its own HOME, XDG folders and control folder: it creates
  # $XDG_DATA_HOME/keyrings/login.keyring with the password it reads on
  # standard input (--unlock), and that collection is the default one.
  mkdir -p "$wk_tmp/home" "$wk_tmp/data" "$wk_tmp/config" "$wk_tmp/cache" \
    "$wk_tmp/run" "$wk_tmp/control" || wk_skip "cannot make folders in $wk_tmp"
  chmod 700 "$wk_tmp/run" "$wk_tmp/control" "$wk_tmp/data"
  (umask 077 && printf '%s' "$wk_password" >"$wk_tmp/password") \
    || wk_skip "cannot write $wk_tmp/password"
  env HOME="$wk_tmp/home" XDG_DATA_HOME="$wk_tmp/data" \
    XDG_CONFIG_HOME="$wk_tmp/config" XDG_CACHE_HOME="$wk_tmp/cache" \
    XDG_RUNTIME_DIR="$wk_tmp/run" \
    gnome-keyring-daemon --foreground --unlock --components=secrets \
    --control-directory="$wk_tmp/control" \
    <"$wk_tmp/password" >"$wk_tmp/daemon.log" 2>&1 &
  wk_pid=$!

  # Wait (500 polls: 10 s plus the calls' time) for the Secret Service on
  # the bus, with a default collection that is unlocked.
  wk_ready=no wk_i=0 wk_why="org.freedesktop.secrets never appeared on the bus"
  while [ $wk_i -lt 500 ]; do
    if ! kill -0 "$wk_pid" 2>/dev/null; then
      wait "$wk_pid"; wk_rc=$?; wk_pid=
      wk_log "$wk_tmp/daemon.log"
      wk_skip "gnome-keyring-daemon exited (status $wk_rc) before it was ready"
    fi
    if wk_call org.freedesktop.DBus / org.freedesktop.DBus.NameHasOwner \
         string:org.freedesktop.secrets | grep -q 'boolean true'; then
      wk_coll=$(wk_call org.freedesktop.secrets /org/freedesktop/secrets \
        org.freedesktop.Secret.Service.ReadAlias string:default \
        | sed -n 's/^ *object path "\(.*\)"$/\1/p')
      if [ -z "$wk_coll" ] || [ "$wk_coll" = / ]; then
        wk_why="the Secret Service has no default collection"
      elif wk_call org.freedesktop.secrets "$wk_coll" \
             org.freedesktop.DBus.Properties.Get \
             string:org.freedesktop.Secret.Collection string:Locked \
           | grep -q 'boolean false'; then
        wk_ready=yes
        break
      else
        wk_why="the default collection $wk_coll stays locked"
      fi
    fi
    wk_nap; wk_i=$((wk_i + 1))
  done
  if [ $wk_ready = no ]; then
    wk_stop
    wk_log "$wk_tmp/daemon.log"
    wk_skip "$wk_why"
  fi
  if [ "$wk_mode" = locked ]; then
    wk_call org.freedesktop.secrets /org/freedesktop/secrets \
      org.freedesktop.Secret.Service.Lock "array:objpath:$wk_coll" >/dev/null
    wk_call org.freedesktop.secrets "$wk_coll" \
      org.freedesktop.DBus.Properties.Get \
      string:org.freedesktop.Secret.Collection string:Locked \
      | grep -q 'boolean true' \
      || { wk_stop; wk_skip "cannot lock the default collection $wk_coll"; }
  fi

  WITH_KEYRING_PASSWORD=$wk_password WITH_KEYRING_DATA=$wk_tmp/data/keyrings
  export WITH_KEYRING_PASSWORD WITH_KEYRING_DATA
  "$@"
  wk_rc=$?
  wk_stop
  exit $wk_rc
fi

# --------------------------------------------------------------- outside
wk_mode=keyring
case ${1-} in
  --locked) wk_mode=locked; shift ;;
  --no-service) wk_mode=no-service; shift ;;
  --no-bus) wk_mode=no-bus; shift ;;
esac
[ "${1-}" = -- ] && shift
if [ $# -eq 0 ]; then
  echo "usage: $0 [--locked | --no-service | --no-bus] [--] COMMAND [ARGS...]" >&2
  exit 2
fi

if [ $wk_mode = no-bus ]; then
  # An explicit address that cannot be reached: neither GDBus nor libdbus
  # then falls back to $XDG_RUNTIME_DIR/bus or to X11 autolaunch.
  unset DBUS_STARTER_ADDRESS DBUS_STARTER_BUS_TYPE
  DBUS_SESSION_BUS_ADDRESS=unix:path=/nonexistent/with-keyring/no-bus
  export DBUS_SESSION_BUS_ADDRESS
  exec "$@"
fi

wk_tools="dbus-run-session dbus-daemon dbus-send"
[ $wk_mode = no-service ] || wk_tools="$wk_tools gnome-keyring-daemon"
for wk_t in $wk_tools; do
  command -v "$wk_t" >/dev/null 2>&1 || wk_skip "$wk_t not found"
done

case $0 in
  /*) wk_self=$0 ;;
  *) wk_self=$(cd "$(dirname "$0")" && pwd)/$(basename "$0") ;;
esac

# Our folder holds the bus socket and the daemon's control socket: a path
# too long for a socket (about 108 bytes), or with characters a D-Bus
# address would need escaped, and it is made in /tmp instead of $TMPDIR.
wk_base=${TMPDIR:-/tmp}
case $wk_base in
  /*[!A-Za-z0-9_./-]*|[!/]*) wk_base=/tmp ;;
esac
[ ${#wk_base} -le 60 ] || wk_base=/tmp
wk_tmp=$(mktemp -d "$wk_base/with-keyring.XXXXXX") \
  || wk_skip "cannot make a temporary folder in $wk_base"
trap 'rm -rf "$wk_tmp"' EXIT
trap 'exit 129' HUP
trap 'exit 130' INT
trap 'exit 143' TERM

# The bus: a session bus with no service files (so no activation), its
# socket in our folder.
cat >"$wk_tmp/bus.conf" <<EOF
<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <keep_umask/>
  <listen>unix:dir=$wk_tmp</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
EOF
# dbus-daemon's own messages (as root: "Failed to set fd limit") go to a
# log, shown only when the bus could not be started.
wk_daemon=$(command -v dbus-daemon)
cat >"$wk_tmp/dbus-daemon" <<EOF
#!/bin/sh
echo \$\$ >"$wk_tmp/bus.pid"
exec "$wk_daemon" "\$@" 2>>"$wk_tmp/bus.log"
EOF
chmod +x "$wk_tmp/dbus-daemon"

dbus-run-session --dbus-daemon="$wk_tmp/dbus-daemon" \
  --config-file="$wk_tmp/bus.conf" -- \
  sh "$wk_self" __with_keyring_inside "$wk_mode" "$wk_tmp" "$@"
wk_rc=$?
# dbus-run-session signals the bus and returns at once: wait (a little) for
# the bus to be gone, so that nothing of ours outlives this script.
wk_bus=$(cat "$wk_tmp/bus.pid" 2>/dev/null)
wk_i=0
while [ -n "$wk_bus" ] && kill -0 "$wk_bus" 2>/dev/null && [ $wk_i -lt 100 ]; do
  # A zombie waiting for init to reap it is gone enough.
  grep -q '^[0-9]* (.*) Z' "/proc/$wk_bus/stat" 2>/dev/null && break
  wk_nap; wk_i=$((wk_i + 1))
done
if [ ! -e "$wk_tmp/inside" ]; then
  wk_log "$wk_tmp/bus.log"
  wk_skip "dbus-run-session could not start a session bus (status $wk_rc)"
fi
exit $wk_rc
