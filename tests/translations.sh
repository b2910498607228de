#!/bin/sh
# translations.sh - po/POTFILES.in lists every file with marked strings, and
# each catalogue of po/LINGUAS translates every string of the sources, correctly.
# Copyright (C) 2026 the zoomwiz authors. SPDX-License-Identifier: GPL-3.0-or-later
. "${top_srcdir:-$(dirname "$0")/..}/tests/tap.sh"
for tool in xgettext msgcmp msgattrib msgfmt; do
  command -v $tool >/dev/null 2>&1 || { echo "1..0 # SKIP $tool not installed"; exit 0; }
done
cd "$top_srcdir" || exit 99
plan $((2 + 4 * $(wc -w < po/LINGUAS)))

want=$(grep -lE '\b(N?_|ngettext) ?\(' src/*/*.c | sort)
have=$(grep -v '^#' po/POTFILES.in | sort)
is "po/POTFILES.in lists exactly the sources with marked strings" "$have" "$want"

# The keywords and flags xgettext uses, from po/Makevars (one place).
options=$(awk '/^XGETTEXT_OPTIONS/ { on = 1; sub(/^[^=]*=/, "") }
  on { line = $0; sub(/\\$/, "", line); printf "%s ", line; if ($0 !~ /\\$/) on = 0 }' po/Makevars)
# shellcheck disable=SC2086
xgettext $options --language=C --output="$tap_tmp/fresh.pot" --files-from=po/POTFILES.in 2>"$tap_tmp/xerr"
ok "xgettext reads every source" [ -s "$tap_tmp/fresh.pot" ]

for lang in $(cat po/LINGUAS); do
  ok "$lang.po has every string of the sources" msgcmp --use-untranslated "po/$lang.po" "$tap_tmp/fresh.pot" 2>"$tap_tmp/cmp"
  sed "s/^/# /" "$tap_tmp/cmp"
  # msgfmt's count, which a string of several lines is in as well.
  stats=$(LC_ALL=C msgfmt --statistics -o /dev/null "po/$lang.po" 2>&1)
  ok "$lang.po has no untranslated or fuzzy string ($stats)" \
    sh -c 'case $1 in *fuzzy*|*untranslated*) exit 1 ;; esac' - "$stats"
  ok "$lang.po keeps the keys of every footer (the keys the program reads)" \
    python3 tests/footer-keys.py "po/$lang.po"
  ok "$lang.po passes msgfmt --check (formats, plurals, header)" msgfmt --check -o /dev/null "po/$lang.po" 2>"$tap_tmp/fmt"
  sed "s/^/# /" "$tap_tmp/fmt"
done
