#!/bin/sh
# man.sh - doc/zoomwiz.1 documents what the program has: it renders
# without a warning; COMMANDS has an entry for every command (and
# subcommand) the built binary's --help lists; each command's entry names
# every long option of its --help; JSON OUTPUT names every key of the
# README's "Machine output"; EXIT STATUS has every status that the
# README's exit-status paragraph and 'zoomwiz --help' list. The lists come
# from the binary and the README, never from this file.
# Copyright (C) 2026 the zoomwiz authors. SPDX-License-Identifier: GPL-3.0-or-later
. "${top_srcdir:-$(dirname "$0")/..}/tests/tap.sh"
command -v groff >/dev/null 2>&1 || { echo "1..0 # SKIP groff not installed"; exit 0; }

page=$top_srcdir/doc/zoomwiz.1

# (a) No warning of any kind (-ww), for a UTF-8 terminal and for the ASCII
# one that man(1) uses in the C locale.
for dev in utf8 ascii; do
  warnings=$(groff -ww -z -man -T"$dev" "$page" 2>&1)
  is "the page renders for -T$dev without a warning" "$warnings" ""
done

# The page as text: lines too long to break, so no word is hyphenated and
# a .TP tag starts its line at column 7; no bold or underline overstrikes.
# Any hyphen or minus sign groff makes is read as "-".
rendered=$(groff -man -Tutf8 -P-cbou -rLL=2000n "$page" 2>/dev/null \
  | LC_ALL=C sed 's/\xe2\x80\x90/-/g; s/\xe2\x88\x92/-/g')
ok "the page renders to text" [ -n "$rendered" ]

# section NAME: the lines of a section, up to the next heading.
section () {
  printf '%s\n' "$rendered" | awk -v s="$1" '$0 == s { p = 1; next } /^[A-Z]/ { p = 0 } p'
}
commands_section=$(section COMMANDS)
exit_section=$(section "EXIT STATUS")
# entry CMD: what COMMANDS says under each tag that starts with CMD.
entry () {
  printf '%s\n' "$commands_section" \
    | awk -v c="$1" '/^       [^ ]/ { p = ($1 == c) } p'
}
# has_word TEXT WORD: WORD in TEXT, not as a part of a longer option or name.
has_word () {
  printf '%s\n' "$1" | grep -qE -- "(^|[^A-Za-z0-9_-])$2([^A-Za-z0-9_-]|\$)"
}

run --help
ok "zoomwiz --help exits 0" [ "$rc" = 0 ]
top_help=$out

# (b) The commands of --help's list: the first word of each line, and a
# second word that is a bare subcommand ("secret generate").
commands=$(printf '%s\n' "$top_help" \
  | awk '/^Commands:/ { p = 1; next } /^$/ { p = 0 } p && /^  [a-z]/ && !seen[$1]++ { print $1 }')
ok "zoomwiz --help lists commands" [ "$(printf '%s\n' "$commands" | grep -c .)" -ge 10 ]
pairs=$(printf '%s\n' "$top_help" \
  | awk '/^Commands:/ { p = 1; next } /^$/ { p = 0 } p && /^  [a-z]/ && $2 ~ /^[a-z]+$/ { print $1, $2 }')
for c in $commands; do
  # Each command's usage lines name its subcommands ("profiles show NAME",
  # "profiles [list]").
  run "$c" --help
  ok "zoomwiz $c --help exits 0" [ "$rc" = 0 ]
  subs=$(printf '%s\n' "$out" \
    | awk -v c="$c" '/^(Usage|  or):/ { for (i = 1; i < NF; i++) if ($i == "zoomwiz" && $(i + 1) == c) { w = $(i + 2); gsub(/^\[|\]$/, "", w); if (w ~ /^[a-z]+$/) print c, w } }')
  pairs=$(printf '%s\n%s\n' "$pairs" "$subs")
  ok "COMMANDS has an entry for $c" sh -c \
    'printf "%s\n" "$1" | grep -qE "^       $2( |\$)"' - "$commands_section" "$c"

  # (c) Every long option of the command's --help in its entry (--help
  # itself is said once for every command, below).
  for o in $(printf '%s\n' "$out" | grep -oE -- '--[a-z][a-z0-9-]*[a-z0-9]' | sort -u); do
    [ "$o" = --help ] && continue
    ok "the entry of $c names $o" has_word "$(entry "$c")" "$o"
  done
done
printf '%s\n' "$pairs" | sort -u > "$tap_tmp/pairs"
ok "the commands have subcommands" [ "$(grep -c . "$tap_tmp/pairs")" -ge 5 ]
while read -r c s; do
  [ -n "$c" ] || continue
  ok "COMMANDS has an entry for $c $s" sh -c \
    'printf "%s\n" "$1" | grep -qE "^       $2 \\[?$3\\]?( |\$)"' - "$commands_section" "$c" "$s"
done < "$tap_tmp/pairs"

# The options of the top-level --help: anywhere in the page.
for o in $(printf '%s\n' "$top_help" | grep -oE -- '--[a-z][a-z0-9-]*[a-z0-9]' | sort -u); do
  ok "the page names $o" has_word "$rendered" "$o"
done
ok "the page says that each command has its own --help" contains "$rendered" \
  "Each command has its own --help"

# (d) Every key of the README's "Machine output" tables in JSON OUTPUT.
json_section=$(section "JSON OUTPUT")
json_keys=$(awk '/^## / { m = ($0 == "## Machine output") } m && /^\| `/ { split($0, c, "|"); print c[2] }' \
  "$top_srcdir/README.md" | tr -d '` ' | tr '.' '\n' | sed 's/\[\]$//' | grep -vx KEY | sort -u)
ok "the README's Machine output has keys" [ "$(printf '%s\n' "$json_keys" | grep -c .)" -ge 20 ]
for k in $json_keys; do
  ok "JSON OUTPUT names the key $k" has_word "$json_section" "$k"
done

# (e) The exit statuses of the README's paragraph ("Exit status: 0 success;
# 1 ...; 2 ...") and of --help's list ("  0  success").
readme=$(awk '/^Exit status:/ { p = 1 } p && /^$/ { exit } p' "$top_srcdir/README.md" \
  | tr '\n' ' ' | grep -oE '(:|;) [0-9]+ ' | tr -dc '0-9\n')
ok "the README's exit-status paragraph lists statuses" [ "$(printf '%s\n' "$readme" | grep -c .)" -ge 5 ]
helped=$(printf '%s\n' "$top_help" \
  | awk '/^Exit status:/ { p = 1; next } /^$/ { p = 0 } p && /^  [0-9]+  / { print $1 }')
ok "zoomwiz --help lists exit statuses" [ "$(printf '%s\n' "$helped" | grep -c .)" -ge 5 ]
for n in $(printf '%s\n%s\n' "$readme" "$helped" | sort -nu); do
  ok "EXIT STATUS has $n" sh -c \
    'printf "%s\n" "$1" | grep -qE "^       ([0-9]+, )*$2(,| |\$)"' - "$exit_section" "$n"
done

done_testing
