# tui-lib.sh - sourced by the tmux tests (tui.sh, tui-walks.sh): one
# private tmux server per wizard, run at 80x24 with the test's HOME, XDG
# folders, keyring and locale; keys and typed text; screens waited for.
# Needs SOCK, WORK, tap_tmp and wizard_n set; ZOOMWIZ from tap.sh.
# Copyright (C) 2026 the zoomwiz authors. SPDX-License-Identifier: GPL-3.0-or-later
end_wizard () {
  ew_pid=$(cat "$tap_tmp/pid" 2>/dev/null)
  tmux -S "$SOCK" kill-server 2>/dev/null
  ew_i=0
  while [ -n "$ew_pid" ] && [ $ew_i -lt 100 ]; do
    ew_state=$(sed 's/.*) //' "/proc/$ew_pid/stat" 2>/dev/null | cut -c1)
    [ -z "$ew_state" ] || [ "$ew_state" = Z ] && break
    sleep 0.1; ew_i=$((ew_i + 1))
  done
  rm -f "$tap_tmp/pid"
  wizard_n=$((wizard_n + 1))
  SOCK=$tap_tmp/tmux.$wizard_n.sock
}
wizard () {
  end_wizard
  envs=
  while [ $# -gt 0 ] && [ "$1" != -- ]; do envs="$envs $1"; shift; done
  [ "${1:-}" = -- ] && shift
  rm -f "$tap_tmp/status"
  # The status goes to a file: under dbus-run-session tmux may not reap
  # its pane's process, and then never knows its exit status.
  tmux -S "$SOCK" -f /dev/null new-session -d -x 80 -y 24 -c "$WORK" \
    "env TERM=screen-256color HOME=$HOME XDG_CONFIG_HOME=$XDG_CONFIG_HOME \
XDG_STATE_HOME=$XDG_STATE_HOME ZOOMWIZ_DATADIR=$ZOOMWIZ_DATADIR \
DBUS_SESSION_BUS_ADDRESS=$DBUS_SESSION_BUS_ADDRESS LANG=$LANG LC_ALL=$LC_ALL \
ZOOMWIZ_LOCALEDIR=${ZOOMWIZ_LOCALEDIR:-} $envs sh -c 'echo \$\$ > $tap_tmp/pid; exec $ZOOMWIZ setup $*'; \
echo \$? > $tap_tmp/status.new && mv $tap_tmp/status.new $tap_tmp/status"
  tmux -S "$SOCK" set-option -g remain-on-exit on
  tmux -S "$SOCK" set-option -g window-size manual
  tmux -S "$SOCK" set-option -g set-clipboard on
}
screen () { tmux -S "$SOCK" capture-pane -p "$@"; }
keys () { tmux -S "$SOCK" send-keys "$@"; }
typed () { tmux -S "$SOCK" send-keys -l "$1"; }
pane () { tmux -S "$SOCK" display-message -p "#{$1}"; }
# wait_screen TEXT: waits up to 10 s for TEXT on the screen; the screen is
# in $shot either way. The screens seen are kept in $tap_tmp/screens.
wait_screen () {
  i=0
  while [ $i -lt 100 ]; do
    shot=$(screen)
    if contains "$shot" "$1"; then
      printf '%s\n----\n' "$shot" >> "$tap_tmp/screens"
      return 0
    fi
    sleep 0.1
    i=$((i + 1))
  done
  printf '%s\n----\n' "$shot" >> "$tap_tmp/screens"
  printf '%s\n' "$shot" | sed 's/^/# /' >&2
  return 1
}
# wait_exit: waits up to 10 s for zoomwiz to end; its status in $status.
wait_exit () {
  i=0
  while [ ! -f "$tap_tmp/status" ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
  status=$(cat "$tap_tmp/status" 2>/dev/null)
  [ -n "$status" ] || { echo "# zoomwiz did not end:"; screen | sed 's/^/# /'; } >&2
}
# press_until KEY TEXT [N]: sends KEY, up to N times (12), until TEXT is on
# the screen.
press_until () {
  pu_i=0
  while [ $pu_i -lt "${3:-12}" ]; do
    screen | grep -qF -- "$2" && return 0
    keys "$1"; sleep 0.4; pu_i=$((pu_i + 1))
  done
  screen | grep -qF -- "$2"
}
# step TITLE GUIDE QUESTION: the step TITLE is on the screen, with its
# guide (words of Zoom's page, wrapped as they may be) above QUESTION, the
# label of its first field or choice (its last place on the screen: the
# guide may name it too).
step () {
  i=0
  while [ $i -lt 100 ]; do
    shot=$(screen)
    if printf '%s' "$shot" | python3 -c 'import sys
t = " ".join(sys.stdin.read().split()); a = sys.argv[1:]
g, q = t.find(a[1]), t.rfind(a[2])
sys.exit(not (a[0] in t and g >= 0 and q > g))' "$1" "$2" "$3"; then
      printf '%s\n----\n' "$shot" >> "$tap_tmp/screens"
      return 0
    fi
    sleep 0.1; i=$((i + 1))
  done
  printf '%s\n' "$shot" | sed 's/^/# /' >&2
  return 1
}
