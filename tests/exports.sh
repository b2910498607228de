#!/bin/sh
# exports.sh - every export format of every preset's example answers
# (tests/preset-examples/), byte for byte against tests/exports/PRESET.txt:
# each format's exit status, and its output where it has one. A change to
# a writer that moves a byte shows here. After a change meant to move
# bytes: ZOOMWIZ_UPDATE_EXPORTS=1 make check TESTS=tests/exports.sh, then
# read the diff of tests/exports/ before committing it.
# Copyright (C) 2026 the zoomwiz authors. SPDX-License-Identifier: GPL-3.0-or-later
. "${top_srcdir:-$(dirname "$0")/..}/tests/tap.sh"
examples=$top_srcdir/tests/preset-examples
formats="env json mattermost recall k8s systemd checklist manifest"
set -- "$examples"/*.ini
plan $#

for example; do
  name=$(basename "$example" .ini)
  # git keeps no file modes: the examples hold (fake) secrets, so 0600; the
  # profile's name in the exports is the file's.
  cp "$example" "$tap_tmp/$name.ini" && chmod 600 "$tap_tmp/$name.ini"
  for f in $formats; do
    run export --answers "$tap_tmp/$name.ini" --format "$f"
    printf '== %s: exit %s\n' "$f" "$rc"
    [ "$rc" = 0 ] && cat "$tap_tmp/out"
  done >"$tap_tmp/$name.txt"
  golden=$top_srcdir/tests/exports/$name.txt
  [ -n "$ZOOMWIZ_UPDATE_EXPORTS" ] && cp "$tap_tmp/$name.txt" "$golden"
  ok "$name: every format as tests/exports/$name.txt has it" cmp -s "$golden" "$tap_tmp/$name.txt"
  diff -u "$golden" "$tap_tmp/$name.txt" | head -40 | sed 's/^/# /'
done
