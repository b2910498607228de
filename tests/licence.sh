#!/bin/sh
# licence.sh - zoomwiz is GPL-3.0-or-later: COPYING holds the licence, and
# every source file of the tree says so in its header comment.
# Copyright (C) 2026 the zoomwiz authors. SPDX-License-Identifier: GPL-3.0-or-later
. "${top_srcdir:-$(dirname "$0")/..}/tests/tap.sh"
plan 3
cd "$top_srcdir" || exit 99

ok "COPYING is the GNU GPL, version 3" sh -c \
  'head -n 2 COPYING | grep -q "GNU GENERAL PUBLIC LICENSE" && head -n 2 COPYING | grep -q "Version 3, 29 June 2007" && grep -q "END OF TERMS AND CONDITIONS" COPYING'

notice='SPDX-License-Identifier: GPL-3.0-or-later'
# The sources: C, shell and Python files, the build files, the shell
# completion and the scripts without a suffix (found by their #! line).
sources=$(find src tests tools bench .ci data/completion -type f \
    \( -name '*.[ch]' -o -name '*.sh' -o -name '*.py' -o -name '*.zsh' \
    -o -path 'data/completion/*' -o -perm -u+x \) \
    ! -path 'tests/preset-examples/*' ! -path 'tools/zoom-scopes/*' 2>/dev/null;
  for f in configure.ac Makefile.am bootstrap; do echo "$f"; done)
missing=
n=0
for f in $sources; do
  [ -f "$f" ] || continue
  # An executable of an in-tree build is no source; a script starts with #!.
  case $f in
    *.[ch]|*.sh|*.py|*.zsh|data/completion/*|configure.ac|Makefile.am) ;;
    *) [ "$(head -c 2 "$f")" = '#!' ] || continue ;;
  esac
  n=$((n + 1))
  # The notice belongs to the header comment, near the top.
  head -n 30 "$f" | grep -qF "$notice" || missing="$missing $f"
done
is "every source file carries the licence notice in its header" "${missing# }" ""
ok "the notice was looked for in the sources ($n files)" [ "$n" -gt 100 ]
