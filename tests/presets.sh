#!/bin/sh
# presets.sh - every preset passes zoomwiz check with its own defaults plus
# the example values in tests/preset-examples/.
# Copyright (C) 2026 the zoomwiz authors. SPDX-License-Identifier: GPL-3.0-or-later
. "${top_srcdir:-$(dirname "$0")/..}/tests/tap.sh"
examples=$top_srcdir/tests/preset-examples
set -- "$ZOOMWIZ_DATADIR"/presets/*.ini
plan $(($# * 2))

for preset; do
  name=$(basename "$preset" .ini)
  # git keeps no file modes: the examples hold (fake) secrets, so 0600.
  if [ -f "$examples/$name.ini" ]; then
    cp "$examples/$name.ini" "$tap_tmp/$name.ini" && chmod 600 "$tap_tmp/$name.ini"
  fi
  ok "$name has an example answers file naming it" grep -qx "preset=$name" "$tap_tmp/$name.ini"
  run check --answers "$tap_tmp/$name.ini"
  ok "$name passes check with its defaults (exit $rc)" [ "$rc" = 0 ]
  [ "$rc" = 0 ] || printf '%s\n' "$out" | sed 's/^/# /'
done
