#!/bin/sh
# cmd-secret.sh - zoomwiz secret generate.
# Copyright (C) 2026 the zoomwiz authors. SPDX-License-Identifier: GPL-3.0-or-later
. "${top_srcdir:-$(dirname "$0")/..}/tests/tap.sh"
plan 9

run secret generate
ok "secret generate exits 0" [ "$rc" = 0 ]
ok "the default is 32 characters of [A-Za-z0-9_-] (Mattermost's form)" sh -c 'printf "%s" "$1" | grep -Eqx "[A-Za-z0-9_-]{32}"' - "$out"
first=$out
run secret generate
ok "two secrets differ" [ "$out" != "$first" ]

run secret generate --bytes 32
ok "--bytes 32 gives 43 characters" sh -c 'printf "%s" "$1" | grep -Eqx "[A-Za-z0-9_-]{43}"' - "$out"

run secret generate --bytes 8
ok "--bytes below 16 is refused (exit 2)" [ "$rc" = 2 ]
ok "the refusal says the range" contains "$err" "16"
run secret generate --bytes 2x
ok "--bytes must be a number (exit 2)" [ "$rc" = 2 ]
run secret make
ok "an unknown secret command exits 2" sh -c '[ "$1" = 2 ] && printf "%s" "$2" | grep -q "generate"' - "$rc" "$err"
run secret
ok "secret alone exits 2" [ "$rc" = 2 ]
