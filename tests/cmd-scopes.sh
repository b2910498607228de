#!/bin/sh
# cmd-scopes.sh - zoomwiz scopes: levels, families, patterns, no match.
# Copyright (C) 2026 the zoomwiz authors. SPDX-License-Identifier: GPL-3.0-or-later
. "${top_srcdir:-$(dirname "$0")/..}/tests/tap.sh"
plan 14

run scopes --admin
ok "scopes --admin exits 0" [ "$rc" = 0 ]
n=$(printf '%s\n' "$out" | wc -l)
ok "scopes --admin lists well over a thousand scopes ($n)" [ "$n" -gt 1000 ]
# (The list is too long for an argument: read it from run's file.)
ok "every line of --admin is an admin scope" awk '$2 != "admin" { exit 1 }' "$tap_tmp/out"
ok "every --admin name ends in :admin" awk '$1 !~ /:admin$/ { exit 1 }' "$tap_tmp/out"

run scopes meeting:read
ok "scopes meeting:read exits 0" [ "$rc" = 0 ]
ok "every match contains meeting:read" awk '$1 !~ /meeting:read/ { exit 1 }' "$tap_tmp/out"
ok "the matches include all three levels" sh -c 'for l in user admin master; do printf "%s\n" "$1" | awk "{ print \$2 }" | grep -qx $l || exit 1; done' - "$out"
ok "a match shows its API operation" contains "$out" "meeting:read:meeting:admin"

run scopes --user --classic meeting
ok "--user --classic lists classic user scopes" sh -c '[ "$1" = 0 ] && printf "%s\n" "$2" | grep -q "^meeting:read " && ! printf "%s\n" "$2" | grep -q ":admin "' - "$rc" "$out"

run scopes 'user:read:*:admin'
ok "a glob pattern matches whole names" sh -c '[ "$1" = 0 ] && awk "\$1 !~ /^user:read:.*:admin\$/ { exit 1 }" "$2"' - "$rc" "$tap_tmp/out"

run scopes meeting:read:meetnig
ok "no match exits 1" [ "$rc" = 1 ]
ok "no match suggests the nearest name" contains "$err" "meeting:read:meeting"

run scopes a b
ok "two patterns are a usage error (exit 2)" [ "$rc" = 2 ]
run scopes --bogus
ok "an unknown option is a usage error (exit 2)" [ "$rc" = 2 ]
