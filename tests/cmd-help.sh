#!/bin/sh
# cmd-help.sh - --help, --version, usage errors, and the German help.
# Copyright (C) 2026 the zoomwiz authors. SPDX-License-Identifier: GPL-3.0-or-later
. "${top_srcdir:-$(dirname "$0")/..}/tests/tap.sh"
langs=$(cat "$top_srcdir/po/LINGUAS")
plan $((32 + 2 * $(echo $langs | wc -w)))

run --help
ok "--help exits 0" [ "$rc" = 0 ]
ok "--help starts with Usage" contains "$out" "Usage: zoomwiz [OPTION]... [COMMAND"
ok "--help lists every command" sh -c 'for c in presets scopes check "secret generate" verify setup "webhook test" "webhook sign" profiles export "register recall"; do printf "%s" "$1" | grep -q "^  $c" || exit 1; done' - "$out"
ok "--help documents the exit statuses" contains "$out" "2  bad usage"
english=$out

run --version
ok "--version exits 0" [ "$rc" = 0 ]
ok "--version names the program and version" sh -c 'printf "%s" "$1" | head -n 1 | grep -Eq "^zoomwiz [0-9]+\.[0-9]+\.[0-9]+$"' - "$out"
ok "--version has the GNU copyright line" sh -c 'printf "%s\n" "$1" | sed -n 2p | grep -Eq "^Copyright \(C\) [0-9]{4} the zoomwiz authors\.$"' - "$out"
ok "--version names the licence and the absence of warranty" sh -c 'printf "%s" "$1" | grep -qF "License GPLv3+: GNU GPL version 3 or later <https://gnu.org/licenses/gpl.html>." && printf "%s" "$1" | grep -qF "There is NO WARRANTY, to the extent permitted by law."' - "$out"

run frobnicate
ok "an unknown command exits 2" [ "$rc" = 2 ]
ok "an unknown command is named, with a pointer to --help" sh -c 'printf "%s" "$1" | grep -q "frobnicate" && printf "%s" "$1" | grep -q -- "--help"' - "$err"

run --frobnicate
ok "an unknown option exits 2" [ "$rc" = 2 ]

run </dev/null
ok "no command runs the wizard; from a pipe, as line prompts" sh -c '[ "$1" = 2 ] && printf "%s" "$2" | grep -q "^Step 1 of"' - "$rc" "$out"

ok "--help ends by saying where to report bugs" sh -c 'printf "%s\n" "$1" | tail -n 2 | grep -q "^Report bugs to "' - "$english"
for c in setup presets scopes check secret verify webhook profiles export register help; do
  run "$c" --help
  ok "$c --help exits 0 with its usage and where to report bugs" sh -c '[ "$1" = 0 ] && printf "%s" "$2" | grep -q "zoomwiz $3" && printf "%s\n" "$2" | tail -n 2 | grep -q "^Report bugs to "' - "$rc" "$out" "$c"
done

run help
ok "help exits 0 and prints --help's text" sh -c '[ "$1" = 0 ] && [ "$2" = "$3" ]' - "$rc" "$out" "$english"
run help verify
verify_out=$out verify_rc=$rc
run verify --help
ok "help verify exits 0 and prints verify --help's text" \
  sh -c '[ "$1" = 0 ] && [ -n "$2" ] && [ "$2" = "$3" ]' - "$verify_rc" "$verify_out" "$out"
run help verfy
ok "help with an unknown command: a usage error (exit 2) with the nearest command" \
  sh -c '[ "$1" = 2 ] && [ -z "$2" ] && printf "%s" "$3" | grep -q "^zoomwiz: .verfy. is not a command; did you mean .verify.?"' - "$rc" "$out" "$err"
run help verify export
ok "help with two commands: a usage error" [ "$rc" = 2 ]
ok "--help lists help" sh -c 'printf "%s\n" "$1" | grep -q "^  help \[COMMAND\]"' - "$english"

# The translations of the build tree (made by "make" from po/).
: "${ZOOMWIZ_LOCALEDIR:=$top_builddir/locale}"
export ZOOMWIZ_LOCALEDIR
german=$(LANGUAGE=de "$ZOOMWIZ" --help)
ok "LANGUAGE=de --help is in German" sh -c 'printf "%s" "$1" | grep -q "^Aufruf: zoomwiz" && printf "%s" "$1" | grep -q "Befehle:"' - "$german"
german=$(LANG=C LC_ALL= LANGUAGE=de "$ZOOMWIZ" --help)
ok "LANGUAGE=de works in the C locale too" contains "$german" "Aufruf: zoomwiz"

# Every language: its own help, and no line of any command's help wider
# than 80 columns (display columns: a wide character counts as two).
commands="setup presets scopes check secret verify webhook profiles export register create rotate doctor help"
help_width () {
  for c in "" $commands; do LANGUAGE=$1 "$ZOOMWIZ" $c --help; done | python3 -c 'import sys, unicodedata
bad = [l for l in sys.stdin.read().split("\n")
       if sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in l) > 80]
print("".join("# too wide: %s\n" % l for l in bad), end="")
sys.exit(1 if bad else 0)'
}
ok "every command's --help fits 80 columns in English" help_width C
for lang in $langs; do
  mine=$(LANGUAGE=$lang "$ZOOMWIZ" --help)
  ok "LANGUAGE=$lang --help is translated" sh -c '[ "$(printf "%s" "$1" | head -n 1)" != "$(printf "%s" "$2" | head -n 1)" ]' - "$mine" "$english"
  ok "every command's --help fits 80 columns in $lang" help_width "$lang"
done
