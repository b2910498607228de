# webhook-receiver.sh - sourced by the shell tests, after tests/tap.sh (and
# after tests/zoom-server.sh, when a test uses both): runs the fake webhook
# endpoint (tests/webhook-receiver.py) on 127.0.0.1.
#   webhook_receiver_start [ARGS...]  starts the receiver with ARGS (--mode,
#                                     --secret-token, --cert/--key, --fault,
#                                     ...); sets WR_PORT, WR_BASE, WR_LOG,
#                                     WR_PID, WR_DIR
#   webhook_receiver_stop             stops it (safe to call more than once)
# WR_BASE is http://127.0.0.1:PORT, or https://... when --cert is given.
# The EXIT trap of tap.sh is replaced by one that also stops the receiver,
# and the fake Zoom server when zoom-server.sh is sourced too. (Sourced before
# zoom-server.sh, its trap wins; the receiver then ends by itself, since it
# stops once the shell that started it is gone.)
# shellcheck shell=sh
# The WR_* variables are for the caller; tap_tmp comes from tap.sh.
# shellcheck disable=SC2034,SC2154
# Copyright (C) 2026 the zoomwiz authors. SPDX-License-Identifier: GPL-3.0-or-later

: "${top_srcdir:=$(cd "$(dirname "$0")/.." && pwd)}"
WR_PID='' WR_PORT='' WR_BASE='' WR_LOG='' WR_DIR=''
wr_runs=0

trap 'webhook_receiver_stop
command -v zoom_server_stop >/dev/null 2>&1 && zoom_server_stop
rm -rf "$tap_tmp"' EXIT
trap 'exit 129' HUP
trap 'exit 130' INT
trap 'exit 143' TERM

# webhook_receiver_start [ARGS...]: starts the receiver in the background
# (stopping one started before) with ARGS, and waits up to 10 s for it.
webhook_receiver_start () {
  webhook_receiver_stop
  WR_PORT='' WR_BASE=''
  wr_scheme=http
  for wr_arg in "$@"; do
    case $wr_arg in
      --cert|--cert=*) wr_scheme=https ;;
    esac
  done
  wr_runs=$((wr_runs + 1))
  WR_DIR=$tap_tmp/webhook-receiver.$wr_runs
  mkdir -p "$WR_DIR" || return 1
  WR_LOG=$WR_DIR/log.jsonl
  python3 "$top_srcdir/tests/webhook-receiver.py" \
    --port-file "$WR_DIR/port" --log "$WR_LOG" "$@" \
    </dev/null >"$WR_DIR/stdout" 2>"$WR_DIR/stderr" &
  WR_PID=$!
  wait_for_port "$WR_PID" "$WR_DIR" "webhook_receiver_start: the webhook receiver" ||
    { webhook_receiver_stop; return 1; }
  WR_PORT=$(cat "$WR_DIR/port")
  WR_BASE=$wr_scheme://127.0.0.1:$WR_PORT
  return 0
}

# webhook_receiver_stop: stops the receiver, if one runs, and waits for it.
webhook_receiver_stop () {
  if [ -n "$WR_PID" ]; then
    kill "$WR_PID" 2>/dev/null
    wait "$WR_PID" 2>/dev/null
    WR_PID=
  fi
  return 0
}
