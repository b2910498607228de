#!/bin/sh
# tui-messages.sh - every rule's message, read on the wizard's screens at
# 80x24: each breaking case of tests/rule-cases.h is given to the wizard as
# its answers, the wizard is walked (Enter) to the step whose screen shows
# the finding, and there the finding's message begins on the screen (at its
# field, or in the scope panel); where message and fix are not whole on the
# screen, the screen marks the cut and names ^G; and ^G's pager shows both
# whole. The cases come from tests/rule-cases (the same table as
# test-rules), which says on which step each one shows.
# Copyright (C) 2026 the zoomwiz authors. SPDX-License-Identifier: GPL-3.0-or-later
. "${top_srcdir:-$(dirname "$0")/..}/tests/tap.sh"
for tool in tmux python3 dbus-run-session gnome-keyring-daemon; do
  command -v $tool >/dev/null 2>&1 || { echo "1..0 # SKIP $tool not installed"; exit 0; }
done
under_keyring
trap 'tmux -S "$SOCK" kill-server 2>/dev/null; rm -rf "$tap_tmp"' EXIT
SOCK=$tap_tmp/tmux.sock wizard_n=0
WORK=$tap_tmp/work
mkdir -p "$WORK" "$tap_tmp/cases"
. "$top_srcdir/tests/tui-lib.sh"

: "${top_builddir:=$top_srcdir}"
if ! "$top_builddir/tests/rule-cases" "$tap_tmp/cases" >"$tap_tmp/cases.tsv"; then
  echo "Bail out! tests/rule-cases failed"
  exit 99
fi

# The comparisons, in Python: text is compared without its white space
# (a wrapped line breaks a URL anywhere).
cat >"$tap_tmp/look.py" <<'EOF'
import re, sys
def flat(s):
    return re.sub(r"\s+", "", s)
mode, want = sys.argv[1], sys.argv[2:]
shot = sys.stdin.read()
rows = shot.split("\n")
def on_screen(text):
    # Anywhere, or in the columns from C on (a panel beside a list).
    return any(flat(text) in flat("".join(r[c:] for r in rows)) for c in range(0, 80))
if mode == "begins":      # the message's first words are on the screen
    sys.exit(not on_screen(" ".join(want[0].split()[:4])))
if mode == "whole":       # message and fix whole on the screen
    sys.exit(not on_screen(want[0] + " " + want[1]))
if mode == "cut-said":    # a cut is marked, and the footer names ^G
    body = "\n".join(rows[:-1])
    sys.exit(not ("…" in body and "^G" in rows[-1]))
if mode == "paged":       # the pager's text holds the message and the fix
    sys.exit(flat(want[0]) not in flat(shot) or flat(want[1]) not in flat(shot))
EOF
look () { python3 "$tap_tmp/look.py" "$@"; }

# The step's title is the screen's third line; the header, its first.
title_of () { printf '%s\n' "$1" | sed -n 3p | sed 's/^ *//; s/ *$//'; }

# walk_to TITLE: Enter until the step titled TITLE is on the screen (an
# Enter may only move to the step's next empty field).
walk_to () {
  wt_n=0
  while [ $wt_n -lt 40 ]; do
    shot=$(screen)
    [ "$(title_of "$shot")" = "$1" ] && return 0
    wt_head=$(printf '%s\n' "$shot" | sed -n 1p)
    keys Enter
    wt_i=0
    while [ $wt_i -lt 10 ]; do
      sleep 0.05
      shot=$(screen)
      [ "$(printf '%s\n' "$shot" | sed -n 1p)" != "$wt_head" ] && break
      wt_i=$((wt_i + 1))
    done
    wt_n=$((wt_n + 1))
  done
  echo "# stuck before '$1' at:" >&2
  printf '%s\n' "$shot" | sed 's/^/#   /' >&2
  return 1
}

# pager_text: ^G, every page of it read, Esc; the text in $paged.
pager_text () {
  keys C-g
  paged= pt_last=
  pt_n=0
  while [ $pt_n -lt 20 ]; do
    pt_i=0
    while [ $pt_i -lt 100 ]; do
      shot=$(screen)
      pt_foot=$(printf '%s\n' "$shot" | sed -n 24p)
      contains "$pt_foot" "lines " && [ "$pt_foot" != "$pt_last" ] && break
      sleep 0.05; pt_i=$((pt_i + 1))
    done
    [ $pt_i -ge 100 ] && { echo "# the pager did not show" >&2; return 1; }
    paged="$paged
$(printf '%s\n' "$shot" | sed -n 4,22p)"
    pt_last=$pt_foot
    # "lines A-B of N": more below while B < N.
    set -- $(printf '%s' "$pt_foot" | sed 's/.*lines \([0-9]*\)-\([0-9]*\) of \([0-9]*\).*/\2 \3/')
    [ "$1" -ge "$2" ] && break
    keys NPage
    pt_n=$((pt_n + 1))
  done
  keys Escape
}

# shows NAME TITLE MESSAGE FIX: the walk and the three looks.
shows () {
  walk_to "$2" || return 1
  # An empty field's error shows once Enter was pressed there.
  if ! printf '%s' "$shot" | look begins "$3"; then
    keys Enter; sleep 0.3; shot=$(screen)
  fi
  printf '%s\n----\n' "$shot" >> "$tap_tmp/screens"
  if ! printf '%s' "$shot" | look begins "$3"; then
    echo "# the message does not begin on the screen of '$2':" >&2
    printf '%s\n' "$shot" | sed 's/^/#   /' >&2
    return 1
  fi
  if ! printf '%s' "$shot" | look whole "$3" "$4" && ! printf '%s' "$shot" | look cut-said; then
    echo "# cut, and the screen does not say so or name ^G:" >&2
    printf '%s\n' "$shot" | sed 's/^/#   /' >&2
    return 1
  fi
  pager_text || return 1
  if ! printf '%s' "$paged" | look paged "$3" "$4"; then
    echo "# ^G does not show it whole; it showed:" >&2
    printf '%s\n' "$paged" | sed 's/^/#   /' >&2
    return 1
  fi
}

plan "$(wc -l < "$tap_tmp/cases.tsv")"
tab=$(printf '\t')
while IFS=$tab read -r n name rule severity title message fix; do
  if [ "$severity" = - ]; then
    tap_n=$((tap_n + 1))
    echo "ok $tap_n - $name # SKIP not in the wizard: $message"
    continue
  fi
  wizard -- --no-test --answers "$tap_tmp/cases/$n.answers"
  wait_screen "Step 1 of" >/dev/null
  ok "$name ($rule, $severity): readable whole on '$title'" shows "$name" "$title" "$message" "$fix"
done < "$tap_tmp/cases.tsv"
end_wizard
