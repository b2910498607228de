#!/bin/sh
# modules.sh - libcurl and libsecret are loaded from zoomwiz's modules
# (src/modules/net.so, keyring.so) when first needed, not at start-up: the
# files a process has mapped (/proc/PID/maps) at --version, presets, scopes,
# check and the wizard's first screen hold neither; verify maps net.so and
# libcurl, the keyring's first use keyring.so and libsecret. A module that
# is missing, not the one asked for, or of another version is said, with
# the fix, and nothing is saved. Built with --disable-modules, libcurl is
# linked in (mapped at --version).
# Copyright (C) 2026 the zoomwiz authors. SPDX-License-Identifier: GPL-3.0-or-later
. "${top_srcdir:-$(dirname "$0")/..}/tests/tap.sh"
for tool in python3 openssl tmux; do
  command -v $tool >/dev/null 2>&1 || { echo "1..0 # SKIP $tool not installed"; exit 0; }
done
[ -r /proc/self/maps ] || { echo "1..0 # SKIP no /proc/PID/maps"; exit 0; }
. "$top_srcdir/tests/zoom-server.sh"
trap 'tmux -S "$SOCK" kill-server 2>/dev/null; zoom_server_stop; rm -rf "$tap_tmp"' EXIT
modules_dir=$(dirname "$ZOOMWIZ")/modules

# mapped NAME ARGS...: zoomwiz ARGS stopped at its first write; the files
# it mapped in $tap_tmp/NAME.maps, its output in $out, its status in $rc.
mapped () {
  m_name=$1; shift
  python3 "$top_srcdir/tests/mapped.py" "$tap_tmp/$m_name.maps" "$tap_tmp/$m_name.out" \
    -- "$ZOOMWIZ" "$@"
  rc=$?
  out=$(cat "$tap_tmp/$m_name.out" 2>/dev/null)
  keep_output "$tap_tmp/$m_name.out"
}
# has NAME PATTERN: a mapped file of NAME matches the extended regex.
has () { grep -Eq -- "$2" "$tap_tmp/$1.maps"; }
hasnt () { [ -s "$tap_tmp/$1.maps" ] && ! has "$@"; }
HEAVY='libcurl|libsecret|libgio|libgnutls|libssl|/net\.so|/keyring\.so'

if [ "${ZOOMWIZ_MODULES:-yes}" = no ]; then
  mapped version --version
  is "--disable-modules: --version runs (exit 0)" "$rc" 0
  ok "libcurl is linked in: mapped at --version" has version 'libcurl'
  done_testing
  exit 0
fi

SOCK=$tap_tmp/tmux.sock wizard_n=0
WORK=$tap_tmp/work
mkdir -p "$WORK"
. "$top_srcdir/tests/tui-lib.sh"

mapped version --version
is "--version (exit 0)" "$rc" 0
ok "--version printed it" contains "$out" "zoomwiz "
ok "--version maps no libcurl, libsecret, GIO or module" hasnt version "$HEAVY"
ok "--version maps GLib, jansson and ncurses" sh -c 'grep -q libglib "$1" && grep -q libjansson "$1" && grep -q libncursesw "$1"' - "$tap_tmp/version.maps"
mapped presets presets
ok "presets (exit 0) maps none of them" sh -c '[ "$1" = 0 ] && ! grep -Eq -- "$2" "$3"' - "$rc" "$HEAVY" "$tap_tmp/presets.maps"
mapped scopes scopes meeting:read
ok "scopes PATTERN (exit 0) maps none of them" sh -c '[ "$1" = 0 ] && ! grep -Eq -- "$2" "$3"' - "$rc" "$HEAVY" "$tap_tmp/scopes.maps"
a=$(answers a 600 <<EOF2
[zoomwiz]
app_type=s2s
account_id=AcCoUnTiD0000000000000
client_id=S2sClientId0000000000
client_secret=s2s-secret-XYZZY-0000000000000001
scopes=user:read:user:admin
EOF2
)
mapped check check --answers "$a"
ok "check (exit 0) maps none of them" sh -c '[ "$1" = 0 ] && ! grep -Eq -- "$2" "$3"' - "$rc" "$HEAVY" "$tap_tmp/check.maps"

# The wizard's first screen.
wizard
if wait_screen "Step 1 of"; then
  pid=$(cat "$tap_tmp/pid")
  grep -o '/.*' "/proc/$pid/maps" | sort -u > "$tap_tmp/first.maps"
fi
ok "the first screen is drawn" contains "$shot" "Step 1 of"
ok "the first screen maps no libcurl, libsecret, GIO or module" hasnt first "$HEAVY"
end_wizard

# First use: verify against the fake Zoom maps net.so and libcurl.
zoom_server_certs "$tap_tmp/certs" || exit 99
cat > "$tap_tmp/config.json" <<EOF2
{ "clients": [
    {"client_id": "S2sClientId0000000000", "client_secret": "s2s-secret-XYZZY-0000000000000001",
     "kind": "s2s", "account_id": "AcCoUnTiD0000000000000", "activated": true,
     "scopes": "user:read:user:admin"}] }
EOF2
zoom_server_start "$tap_tmp/config.json" || exit 99
base=$ZS_URL
mapped verify verify --answers "$a" --zoom-url "$base" --api-url "$base" --ca-file "$ZS_CA"
is "verify against the fake Zoom passes (exit 0)" "$rc" 0
ok "verify maps the module net.so, from beside the program" has verify "^$modules_dir/net\.so$"
ok "and libcurl" has verify 'libcurl'
ok "but not the keyring's" hasnt verify 'libsecret|/keyring\.so'

# The keyring's first use maps keyring.so and libsecret (no bus: it fails).
DBUS_SESSION_BUS_ADDRESS=unix:path=$tap_tmp/no-bus mapped keyring profiles import p --answers "$a"
ok "a profile's save to the keyring maps keyring.so and libsecret" \
  sh -c 'grep -q "/keyring\.so$" "$1" && grep -q libsecret "$1"' - "$tap_tmp/keyring.maps"

# A missing network module: verify says so, with the file and the fix.
none=$tap_tmp/no-modules
mkdir -p "$none"
ZOOMWIZ_MODULEDIR=$none run verify --answers "$a" --zoom-url "$base" --api-url "$base" \
  --ca-file "$ZS_CA" --json
is "no net.so: verify fails as unreachable (exit 3)" "$rc" 3
is "the credentials check failed" "$(field credentials status)" fail
ok "its message: the network module is missing" contains "$(field credentials message)" "network module is missing"
ok "its fix names the file and why" contains "$(field credentials fix)" "$none/net.so cannot be loaded (cannot open shared object file"
ok "and what to do" contains "$(field credentials fix)" "Install zoomwiz again (make install puts its modules there), or build it with ./configure --disable-modules."

# A missing keyring module: nothing saved, the file store named.
ZOOMWIZ_MODULEDIR=$none run profiles import p --answers "$a"
is "no keyring.so: the save fails as a keyring that does not answer (exit 4)" "$rc" 4
ok "it names the file and the fix" sh -c 'printf "%s" "$1" | grep -qF "$2/keyring.so cannot be loaded (cannot open shared object file" && printf "%s" "$1" | grep -qF -- "Install zoomwiz again"' - "$err" "$none"
ok "no profile was saved" test ! -e "$XDG_CONFIG_HOME/zoomwiz/profiles/p.ini"
ZOOMWIZ_MODULEDIR=$none run profiles import p --answers "$a" --secret-store file
is "the file store needs no module (exit 0)" "$rc" 0

# Another module under the name, and a module of another version.
wrong=$tap_tmp/wrong
mkdir -p "$wrong"
cp "$modules_dir/net.so" "$wrong/keyring.so"
version=$("$ZOOMWIZ" --version | sed -n '1s/^zoomwiz //p')
other=$(python3 - "$modules_dir/net.so" "$wrong/net.so" "$version" <<'EOF2'
import sys
data, version = open(sys.argv[1], "rb").read(), sys.argv[3]
other = version[:-1] + ("8" if version[-1] == "9" else "9")
# The version the module was built for (it may share its bytes with a
# longer string that ends the same: zoomwiz/VERSION).
open(sys.argv[2], "wb").write(data.replace(version.encode() + b"\0", other.encode() + b"\0"))
print(other)
EOF2
)
ZOOMWIZ_MODULEDIR=$wrong run profiles import q --answers "$a"
ok "net.so as keyring.so: said to be another module (exit 4)" sh -c '[ "$1" = 4 ] && printf "%s" "$2" | grep -qF "it is not the keyring module of this zoomwiz"' - "$rc" "$err"
ZOOMWIZ_MODULEDIR=$wrong run verify --answers "$a" --zoom-url "$base" --api-url "$base" \
  --ca-file "$ZS_CA" --json
ok "a net.so of another version: said, with both versions" contains "$(field credentials fix)" "it is from another version of zoomwiz: $other, this is $version"
lacks_secret () { lacks "$out$err" "s2s-secret-XYZZY"; }
ok "no secret in any of it" lacks_secret
done_testing
