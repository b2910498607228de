#!/bin/sh
# tui-languages.sh - the full-screen wizard at 80x24 in English and in each
# language of po/LINGUAS: the same walk (the Mattermost account-level set-up
# of tools/readme-screens) and five screens each, every line of them within
# 80 display columns (Japanese's wide characters counted as two), no text
# cut that English shows whole, the step counter at the right edge as in
# English, and no line of English left on a
# translated screen (a line of three words or more that differs between
# the English and the German screens: values, ids and Zoom's labels do not).
# Copyright (C) 2026 the zoomwiz authors. SPDX-License-Identifier: GPL-3.0-or-later
. "${top_srcdir:-$(dirname "$0")/..}/tests/tap.sh"
for tool in tmux python3; do
  command -v $tool >/dev/null 2>&1 || { echo "1..0 # SKIP $tool not installed"; exit 0; }
done
trap 'tmux -S "$SOCK" kill-server 2>/dev/null; rm -rf "$tap_tmp"' EXIT
langs=$(cat "$top_srcdir/po/LINGUAS")
plan $((1 + 4 * $(echo $langs | wc -w)))

SOCK=$tap_tmp/tmux.sock wizard_n=0
WORK=$tap_tmp/work
mkdir -p "$WORK"
. "$top_srcdir/tests/tui-lib.sh"

# next KEY...: sends the keys, then waits up to 5 s for the screen to change.
next () {
  nx_before=$(screen)
  keys "$@"
  nx_i=0
  while [ $nx_i -lt 50 ]; do
    sleep 0.1
    [ "$(screen)" != "$nx_before" ] && { sleep 0.2; return 0; }
    nx_i=$((nx_i + 1))
  done
  return 1
}

# walk LANG: the five screens, in $tap_tmp/LANG.1 ... LANG.5; fails when a
# screen did not come.
walk () {
  end_wizard # the last walk's wizard, which keeps its answers as it ends
  rm -rf "$XDG_CONFIG_HOME/zoomwiz" "$XDG_STATE_HOME/zoomwiz" "$WORK"/*
  wizard LANGUAGE="$1" -- --no-test --secret-store file
  wait_screen "mattermost-account" >/dev/null || return 1
  screen > "$tap_tmp/$1.1"
  keys 1
  next Enter && next Enter && next Enter || return 1
  typed MmClientId000000000000
  wait_screen MmClientId000000000000 >/dev/null || return 1
  screen > "$tap_tmp/$1.2"
  keys Enter; typed MmClientSecretXYZZY0000000000000; keys Enter
  typed https://chat.example.com
  wait_screen "https://chat.example.com/plugins/zoom/oauth2/complete" >/dev/null || return 1
  sleep 0.3
  screen > "$tap_tmp/$1.3"
  keys Enter; typed TokenFromZoomXYZZY0000001; keys Enter
  wait_screen "user:read:user:admin" >/dev/null || return 1
  typed user:read:user
  wait_screen "user:read:user:master" >/dev/null || return 1
  keys Space
  wait_screen "[x]   user:read:user " >/dev/null || return 1
  sleep 0.3
  screen > "$tap_tmp/$1.4"
  next Space && next C-u || return 1
  next Enter && next Enter && next Enter || return 1
  wait_screen "********" >/dev/null || return 1 # the finish screen's masked secrets
  sleep 0.3
  screen > "$tap_tmp/$1.5"
}

ok "the walk's five screens in English" walk en
for lang in $langs; do
  ok "the walk's five screens in $lang" walk "$lang"
  for n in 1 2 3 4 5; do sed "s/^/# $lang.$n: /" "$tap_tmp/$lang.$n" 2>/dev/null; done
  # Columns as the terminal counts them (East Asian wide and full-width: 2).
  ok "$lang: every line within 80 columns, nothing cut that English shows whole, the step counter at the right edge" \
    python3 -c 'import sys, unicodedata
def cols(s):
    return sum(0 if unicodedata.combining(c) else
               2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)
tmp, lang = sys.argv[1:]
bad = []
for n in range(1, 6):
    mine = open("%s/%s.%d" % (tmp, lang, n), encoding="utf-8").read().split("\n")
    en = open("%s/en.%d" % (tmp, n), encoding="utf-8").read().split("\n")
    for i, line in enumerate(mine):
        if cols(line.rstrip()) > 80:
            bad.append("screen %d line %d is %d columns" % (n, i + 1, cols(line.rstrip())))
    # Text English shows whole is not cut ("…" at a line end) in a
    # translation; the finish screen is left out: its values column gives
    # way to longer labels, and the values are copied whole with ^Y.
    for i, line in enumerate(mine):
        if n < 5 and line.rstrip().endswith("\u2026") and not (
                i < len(en) and en[i].rstrip().endswith("\u2026")):
            bad.append("screen %d line %d is cut: %s" % (n, i + 1, line.strip()))
    if cols(mine[0].rstrip()) != cols(en[0].rstrip()):
        bad.append("screen %d: the header ends at column %d, in English at %d"
                   % (n, cols(mine[0].rstrip()), cols(en[0].rstrip())))
print("\n".join("# " + b for b in bad))
sys.exit(1 if bad else 0)' "$tap_tmp" "$lang"
  if [ "$lang" = de ]; then
    ok "de: the screens differ from English's" sh -c '! cmp -s "$1/en.1" "$1/de.1"' - "$tap_tmp"
  else
    ok "$lang: no line of English left on its screens" python3 -c 'import re, sys
tmp, lang = sys.argv[1:]
bad = []
# Words, not values: no digit, slash, colon, dot or underscore in them.
words = lambda x: [w for w in x.split() if re.fullmatch(r"[A-Za-z][a-z]+[,;]?", w)]
for n in range(1, 6):
    read = lambda l: [x.strip() for x in open("%s/%s.%d" % (tmp, l, n), encoding="utf-8")]
    english = set(read("en")) - set(read("de"))
    # Three words or more: a sentence or a hint; a label of two words may be
    # a Zoom page label kept in English (Redirect URL, Client ID).
    bad += ["screen %d: %s" % (n, x) for x in read(lang) if x in english and len(words(x)) >= 3]
print("\n".join("# " + b for b in bad))
sys.exit(1 if bad else 0)' "$tap_tmp" "$lang"
  fi
  # A language written in wide characters shows them on every screen.
  case $lang in
    ja) ok "ja: every screen shows Japanese" python3 -c 'import sys, unicodedata
tmp = sys.argv[1]
sys.exit(any(not any(unicodedata.east_asian_width(c) == "W" for c in
                     open("%s/ja.%d" % (tmp, n), encoding="utf-8").read()) for n in range(1, 6)))' "$tap_tmp" ;;
    *) ok "$lang: every screen differs from English's" python3 -c 'import sys
tmp, lang = sys.argv[1:]
sys.exit(any(open("%s/%s.%d" % (tmp, lang, n)).read() == open("%s/en.%d" % (tmp, n)).read()
             for n in range(1, 6)))' "$tap_tmp" "$lang" ;;
  esac
done
