# completion-pty.zsh - types lines into an interactive shell on a pty
# (zsh's zpty), each followed by Tab and ^T, and prints what the shell
# showed between <m> and </m> for each line, one line of words per line.
#   zsh -f tests/completion-pty.zsh SETUP SHELL [ARG]... < LINES
# SETUP is sourced first (its name is all the shell echoes of it): it loads
# the completion, makes ^T print what is wanted (the line for bash, the
# matches for zsh) as <m>...</m> and then </e>, empties the line, and
# prints </e> once loaded.
# Copyright (C) 2026 the zoomwiz authors. SPDX-License-Identifier: GPL-3.0-or-later
zmodload zsh/zpty || exit 1
setup=$1; shift
zpty zw "${(q)@}" || exit 1
zpty -w zw "source ${(q)setup}"
zpty -r zw out '*</e>*' || exit 1
while IFS= read -r line; do
  zpty -w -n zw "$line"$'\t\x14'
  zpty -r zw out '*</e>*' || exit 1
  got=$(print -r -- "${out//$'\r'/}" | grep -o '<m>[^<]*</m>' | sed 's/^<m>//; s/<\/m>$//')
  print -r -- ${(f)got}
done
# The shell's end read whole, so that nothing of it outlives this script.
zpty -w zw exit
while zpty -r zw out; do :; done
zpty -d zw
