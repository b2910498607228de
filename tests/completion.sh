#!/bin/sh
# completion.sh - the shell completion of data/completion/ in a real bash and
# a real zsh, against this build's zoomwiz (first on PATH, as "zoomwiz") and
# profiles of this test's own: bash's _zoomwiz called as bash calls it
# (COMP_LINE, COMP_POINT, COMP_WORDS split at ':' and '=', COMP_CWORD),
# COMPREPLY printed; bash's readline and zsh's compinit on a pty
# (tests/completion-pty.zsh), zsh's matches read at compadd.
# Copyright (C) 2026 the zoomwiz authors. SPDX-License-Identifier: GPL-3.0-or-later
. "${top_srcdir:-$(dirname "$0")/..}/tests/tap.sh"
for shell in bash zsh; do
  command -v $shell >/dev/null 2>&1 || { echo "1..0 # SKIP $shell not installed"; exit 0; }
done
bash_completion=/usr/share/bash-completion/bash_completion
compdir=$top_srcdir/data/completion

mkdir -p "$tap_tmp/bin" "$tap_tmp/work"
ln -s "$ZOOMWIZ" "$tap_tmp/bin/zoomwiz"
PATH=$tap_tmp/bin:$PATH
export PATH

printf '[zoomwiz]\npreset=own-server\naccount_id=AcCoUnTiD0000000000000\nclient_id=S2sClientId0000000000\nclient_secret=S2sSecret00000000000000000000000\n' \
  > "$tap_tmp/s2s.ini"
chmod 600 "$tap_tmp/s2s.ini"
for p in own-s2s chat; do
  run profiles import "$p" --answers "$tap_tmp/s2s.ini" --secret-store file
  is "profile $p imported (file store)" "$rc" 0
done
: > "$tap_tmp/work/app.ini"
cd "$tap_tmp/work" || exit 99

# What zoomwiz itself says, to compare with (never the scripts' own reading):
# the command table of main.c, export's list of format names, the presets'
# files, the scope catalog.
commands=$(sed -n 's/^  { "\([a-z]*\)", cmd_[a-z]* },$/\1/p' "$top_srcdir/src/cli/main.c" | sort | xargs)
formats=$("$ZOOMWIZ" export 2>&1 | sed -n 's/.*give --format (\(.*\))$/\1/p' | tr -d , | xargs -n1 | sort | xargs)
presets=$(ls "$top_srcdir/data/presets" | sed 's/\.ini$//' | sort | xargs)
admin_scopes=$("$ZOOMWIZ" scopes meeting:read:meeting | awk '$1 ~ /^meeting:read:meeting:/ { print $1 }' | sort | xargs)
ok "the lists to compare with are there" sh -c '[ -n "$1" ] && [ -n "$2" ] && [ -n "$3" ] && [ -n "$4" ]' \
  - "$commands" "$formats" "$presets" "$admin_scopes"

# bash_complete LINE: COMPREPLY, sorted, for LINE with the cursor at its end.
bash_complete () {
  bash --norc --noprofile -c '
    . "$1/bash/zoomwiz"
    COMP_LINE=$2 COMP_POINT=${#2}
    l=${2//:/ : }; l=${l//=/ = }
    read -ra COMP_WORDS <<< "$l"
    [[ $2 == *[[:blank:]:=] ]] && COMP_WORDS+=("")
    COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
    _zoomwiz zoomwiz "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD - 1]}"
    printf "%s\n" "${COMPREPLY[@]}"' - "$compdir" "$1" | sort | xargs
}

# pty_complete SETUP SHELL...: each line of standard input typed into SHELL
# with Tab; what SETUP's ^T printed for each (completion-pty.zsh).
pty_complete () {
  timeout 60 zsh -f "$top_srcdir/tests/completion-pty.zsh" "$@"
}

cat > "$tap_tmp/zsh-setup" <<EOF
PS1= RPS1=
fpath=($compdir/zsh \$fpath)
autoload -Uz compinit && compinit -u -D
unsetopt autolist listbeep beep
# compadd prints each match it adds, after zsh's own matching against the
# word; the completion functions' look-ups (-O, -A, -D) pass through.
compadd () {
  if (( \${@[(I)-[OAD]*]} )); then builtin compadd "\$@"; return; fi
  local -a zw_m; local zw_w
  builtin compadd -O zw_m "\$@"
  for zw_w in \$zw_m; do printf '<m>%s</m>\n' \$zw_w; done
  builtin compadd "\$@"
}
zw-end () { printf '</e>\n'; BUFFER= }
zle -N zw-end; bindkey '^T' zw-end
printf '</e>\n'
EOF

# The cases, each "LINE|WANT[|ZSH'S]", sorted: bash's replies start after
# the word's last ':' or '=' (readline replaces only that part), zsh's are
# the whole words.
cases_file=$tap_tmp/cases
cat > "$cases_file" <<EOF
zoomwiz |$commands
zoomwiz ex|export
zoomwiz help |$commands
zoomwiz help ver|verify
zoomwiz export --format |$formats
zoomwiz export -f j|json
zoomwiz export --format=ma|manifest mattermost
zoomwiz export --profile |chat own-s2s
zoomwiz verify -p ow|own-s2s
zoomwiz profiles show |chat own-s2s
zoomwiz presets |$presets
zoomwiz setup --preset recall-|recall-account recall-user
zoomwiz check --answers ap|app.ini
zoomwiz profiles |default delete import list rename show
zoomwiz profiles default |chat own-s2s
zoomwiz profiles default --u|--unset
zoomwiz webhook -p chat t|test
zoomwiz export --na|--name --namespace
zoomwiz doctor --format |auto env k8s mattermost mmctl systemd
zoomwiz doctor -f m|mattermost mmctl
zoomwiz doctor ap|app.ini
zoomwiz webhook sign --|--answers --body --help --profile --timestamp --verbose
zoomwiz --|--help --quiet --version
zoomwiz register recall --region eu|eu-central-1
zoomwiz setup --secret-store |file keyring
zoomwiz scopes meeting:read:meeting:|$(echo "$admin_scopes" | sed 's/meeting:read:meeting://g')|$admin_scopes
zoomwiz scopes --classic meeting:rea|read read:admin|meeting:read meeting:read:admin
EOF

while IFS='|' read -r line want _; do
  is "bash: '$line'" "$(bash_complete "$line")" "$want"
done < "$cases_file"

cut -d'|' -f1 "$cases_file" | pty_complete "$tap_tmp/zsh-setup" zsh -f -i > "$tap_tmp/zsh-got"
is "zsh answered for each line" "$(wc -l < "$tap_tmp/zsh-got")" "$(wc -l < "$cases_file")"
exec 3< "$tap_tmp/zsh-got"
while IFS='|' read -r line want zsh_want; do
  IFS= read -r got <&3
  is "zsh: '$line'" "$(printf '%s\n' $got | sort | xargs)" "${zsh_want:-$want}"
done < "$cases_file"
exec 3<&-

# bash's readline, with the script loaded as bash-completion loads it (by
# the command's name, from BASH_COMPLETION_USER_DIR): the line after Tab,
# a space after a whole word.
ok "bash-completion is installed (./bootstrap --tests installs it)" test -f "$bash_completion"
if [ -f "$bash_completion" ]; then
  mkdir -p "$tap_tmp/bc/completions"
  ln -s "$compdir/bash/zoomwiz" "$tap_tmp/bc/completions/zoomwiz"
  cat > "$tap_tmp/bash-setup" <<EOF
PS1= HISTFILE=
BASH_COMPLETION_USER_DIR=$tap_tmp/bc
. $bash_completion
bind 'set bell-style none'
bind -x '"\C-t": printf "<m>%s</m></e>\n" "\$READLINE_LINE"; READLINE_LINE='
printf '</e>\n'
EOF
  printf '%s\n' 'zoomwiz scopes meeting:read:meeting:adm' 'zoomwiz export --format=manif' \
      'zoomwiz verify --profile ow' \
    | pty_complete "$tap_tmp/bash-setup" bash --norc --noprofile -i > "$tap_tmp/bash-got"
  is "readline: a scope after its last ':'" "$(sed -n 1p "$tap_tmp/bash-got")" \
    "zoomwiz scopes meeting:read:meeting:admin "
  is "readline: a format after --format=" "$(sed -n 2p "$tap_tmp/bash-got")" \
    "zoomwiz export --format=manifest "
  is "readline: a profile after --profile" "$(sed -n 3p "$tap_tmp/bash-got")" \
    "zoomwiz verify --profile own-s2s "
fi

done_testing
