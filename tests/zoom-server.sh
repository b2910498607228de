# zoom-server.sh - sourced by the shell tests, after tests/tap.sh: runs the
# fake Zoom server (tests/zoom-server.py) on 127.0.0.1.
#   zoom_server_certs DIR            makes the test certificates into DIR (once)
#   zoom_server_start CONFIG [NAME]  starts the server with DIR/NAME.pem
#                                    (default: server); sets ZS_PORT, ZS_URL,
#                                    ZS_LOG, ZS_STATS, ZS_PID, ZS_CA, ZS_DIR
#   zoom_server_stop                 stops it (safe to call more than once)
# The EXIT trap of tap.sh is replaced by one that also stops the server.
# shellcheck shell=sh
# The ZS_* variables are for the caller; tap_tmp comes from tap.sh.
# shellcheck disable=SC2034,SC2154
# Copyright (C) 2026 the zoomwiz authors. SPDX-License-Identifier: GPL-3.0-or-later

: "${top_srcdir:=$(cd "$(dirname "$0")/.." && pwd)}"
ZS_PID='' ZS_PORT='' ZS_URL='' ZS_LOG='' ZS_STATS='' ZS_DIR='' ZS_CA='' ZS_CERTDIR=''
zs_runs=0

trap 'zoom_server_stop; rm -rf "$tap_tmp"' EXIT
trap 'exit 129' HUP
trap 'exit 130' INT
trap 'exit 143' TERM

# zs_nap: a short sleep (a tenth of a second where sleep allows it).
zs_nap () { sleep 0.1 2>/dev/null || sleep 1; }

# zoom_server_certs DIR: runs make-test-ca.sh into DIR unless it already has.
zoom_server_certs () {
  ZS_CERTDIR=$1
  if [ -f "$1/ca.pem" ] && [ -f "$1/server.pem" ] && [ -f "$1/server.key" ] &&
     [ -f "$1/wrong-name.pem" ] && [ -f "$1/other-ca.pem" ] && [ -f "$1/expired.pem" ]; then
    ZS_CA=$1/ca.pem
    return 0
  fi
  if ! sh "$top_srcdir/tests/make-test-ca.sh" "$1"; then
    echo "# zoom_server_certs: could not make the test certificates in $1" >&2
    return 1
  fi
  ZS_CA=$1/ca.pem
}

# zoom_server_start CONFIG_FILE [CERT_BASENAME]: starts the fake server in
# the background (stopping one started before) and waits up to 10 s for it.
zoom_server_start () {
  zoom_server_stop
  [ -n "$ZS_CERTDIR" ] || zoom_server_certs "$tap_tmp/certs" || return 1
  zs_cert=${2:-server}
  if [ ! -f "$ZS_CERTDIR/$zs_cert.pem" ]; then
    echo "# zoom_server_start: no certificate $ZS_CERTDIR/$zs_cert.pem" >&2
    return 1
  fi
  zs_runs=$((zs_runs + 1))
  ZS_DIR=$tap_tmp/zoom-server.$zs_runs
  mkdir -p "$ZS_DIR" || return 1
  ZS_LOG=$ZS_DIR/log.jsonl ZS_STATS=$ZS_DIR/stats.json ZS_CA=$ZS_CERTDIR/ca.pem
  python3 "$top_srcdir/tests/zoom-server.py" \
    --cert "$ZS_CERTDIR/$zs_cert.pem" --key "$ZS_CERTDIR/$zs_cert.key" \
    --config "$1" --port-file "$ZS_DIR/port" --log "$ZS_LOG" \
    --stats "$ZS_STATS" </dev/null >"$ZS_DIR/stdout" 2>"$ZS_DIR/stderr" &
  ZS_PID=$!
  wait_for_port "$ZS_PID" "$ZS_DIR" "zoom_server_start: the fake Zoom server" ||
    { zoom_server_stop; return 1; }
  ZS_PORT=$(cat "$ZS_DIR/port")
  ZS_URL=https://127.0.0.1:$ZS_PORT
  return 0
}

# zoom_server_stop: stops the server, if one runs, and waits for it.
zoom_server_stop () {
  if [ -n "$ZS_PID" ]; then
    kill "$ZS_PID" 2>/dev/null
    wait "$ZS_PID" 2>/dev/null
    ZS_PID=
  fi
  return 0
}
