#!/bin/sh
# cmd-check.sh - zoomwiz check through the real binary: exit statuses,
# findings with their fixes, unreadable files, loose secrets.
# Copyright (C) 2026 the zoomwiz authors. SPDX-License-Identifier: GPL-3.0-or-later
. "${top_srcdir:-$(dirname "$0")/..}/tests/tap.sh"
plan 36

good=$(answers good.ini 600 <<'EOF2'
[zoomwiz]
app_type = general
management = user
redirect_url = https://app.example.com/oauth/callback
scopes = meeting:read:meeting user:read:user
client_id = AbCdEfGhIjKlMnOpQrStUv
client_secret = test-secret-0000000000000000000A
EOF2
)
run check --answers "$good"
ok "a valid file exits 0" [ "$rc" = 0 ]
ok "and says so" contains "$out" "no problems found"

mixed=$(answers mixed.ini 644 <<'EOF2'
[zoomwiz]
app_type = general
management = admin
redirect_url = https://app.example.com/oauth/callback
scopes = meeting:read:meeting meeting:write:meeting:admin
client_id = AbCdEfGhIjKlMnOpQrStUv
EOF2
)
run check --answers "$mixed"
ok "mixed levels exit 1" [ "$rc" = 1 ]
mix_line=$(printf '%s\n' "$out" | grep 'scope-level-mixed')
ok "the finding names meeting:read:meeting" contains "$mix_line" "meeting:read:meeting;"
ok "the finding names meeting:write:meeting:admin" contains "$mix_line" "meeting:write:meeting:admin"
ok "the finding names the rule" contains "$mix_line" "User-level and admin-level scopes are mixed"
ok "every finding is followed by its fix" sh -c '[ "$(printf "%s\n" "$1" | grep -c "^error\|^warning")" = "$(printf "%s\n" "$1" | grep -c "^  fix: ")" ]' - "$out"
ok "the summary counts the errors" sh -c 'printf "%s\n" "$1" | tail -n 1 | grep -q ": 2 errors, 0 warnings$"' - "$out"

typo=$(answers typo.ini 644 <<'EOF2'
[zoomwiz]
app_type = s2s
account_id = AcCoUnTiD0000000000000
client_id = AbCdEfGhIjKlMnOpQrStUv
scopes = user:read:usr:admin
EOF2
)
run check --answers "$typo"
ok "a misspelt scope exits 1" [ "$rc" = 1 ]
ok "a misspelt scope gets 'did you mean' with the right name" contains "$out" "Did you mean user:read:user:admin"

key=$(answers key.ini 644 <<'EOF2'
[zoomwiz]
app_typ = s2s
EOF2
)
run check --answers "$key"
ok "an unknown key is an error naming the nearest key" sh -c '[ "$1" = 1 ] && printf "%s" "$2" | grep -q "Did you mean .app_type."' - "$rc" "$out"

run check --answers "$tap_tmp/absent.ini"
ok "a missing file exits 2" [ "$rc" = 2 ]
ok "and names the file" contains "$err" "absent.ini"

broken=$(answers broken.ini 644 <<'EOF2'
[zoomwiz
app_type general
EOF2
)
run check --answers "$broken"
ok "a file that does not parse exits 2" [ "$rc" = 2 ]

nogroup=$(answers nogroup.ini 644 <<'EOF2'
[answers]
app_type = s2s
EOF2
)
run check --answers "$nogroup"
ok "a file without [zoomwiz] exits 2 and says what to add" sh -c '[ "$1" = 2 ] && printf "%s" "$2" | grep -q "\[zoomwiz\]"' - "$rc" "$err"

sed 's/^client_secret = .*/client_secret = sup3r-s3cret-value-XYZZY/' "$good" > "$tap_tmp/loose.ini"
chmod 644 "$tap_tmp/loose.ini"
run check --answers "$tap_tmp/loose.ini"
ok "a secret in a file others can read exits 2" [ "$rc" = 2 ]
ok "the refusal gives the chmod that fixes it" contains "$err" "chmod 600"
ok "the refusal does not print the secret" lacks "$out$err" "XYZZY"
# The chmod is a command to paste: a path with a space and a quote in it
# comes quoted for the shell, and run as given it fixes that file.
cp "$tap_tmp/loose.ini" "$tap_tmp/it's loose.ini"
chmod 644 "$tap_tmp/it's loose.ini"
run check --answers "$tap_tmp/it's loose.ini"
fix=$(printf '%s\n' "$err" | sed -n 's/^Run: \(chmod 600 .*\) (and .*/\1/p')
ok "the chmod for a path with a space and a quote, run by sh, makes it 0600" \
  sh -c '[ -n "$1" ] && eval "$1" && [ "$(stat -c %a "$2")" = 600 ]' - "$fix" "$tap_tmp/it's loose.ini"

secret=$(answers badsecret.ini 600 <<'EOF2'
[zoomwiz]
preset = mattermost-account
site_url = https://chat.example.com
client_id = AbCdEfGhIjKlMnOpQrStUv
client_secret = XYZZY secret with a space
secret_token = XYZZY-token
encryption_key = XYZZY-short
webhook_secret = test-webhook-secret-00000000000D
EOF2
)
run check --answers "$secret"
ok "bad secrets are findings (exit 1)" [ "$rc" = 1 ]
ok "no secret value reaches the output" lacks "$out$err" "XYZZY"

run check --answers "$good" --preset mattermost-account
ok "--preset applies a preset's rules to the file" sh -c '[ "$1" = 1 ] && printf "%s" "$2" | grep -q "app-type-preset"' - "$rc" "$out"

run check
ok "check without --answers is a usage error" sh -c '[ "$1" = 2 ] && printf "%s" "$2" | grep -q -- "--answers"' - "$rc" "$err"
run check "$good"
ok "a file given without --answers is a usage error that says so" sh -c '[ "$1" = 2 ] && printf "%s" "$2" | grep -q -- "--answers"' - "$rc" "$err"
run check --help
ok "check --help lists the answers keys" sh -c 'printf "%s" "$1" | grep -q "secret_token_file"' - "$out"

# -- hostile answers files: never a value quoted, bounded, regular files only
bad=$(printf '[zoomwiz]\napp_type = s2s\nclient_secret s3cr3t-XYZZY\n' | answers nokv.ini 600)
run check --answers "$bad"
ok "a line without = exits 2, naming its number and key" \
  sh -c '[ "$1" = 2 ] && printf "%s" "$2" | grep -q "line 3 (client_secret): not KEY=VALUE"' - "$rc" "$err"
ok "and never quotes the line's value" lacks "$err$out" "s3cr3t-XYZZY"
{ printf '[zoomwiz]\nclient_id '; head -c 100000 /dev/zero | tr '\0' x; printf '\n'; } | answers longline.ini 600 >/dev/null
run check --answers "$tap_tmp/longline.ini"
ok "a 100 kB bad line: exit 2, and the message stays short (${#err} bytes)" \
  sh -c '[ "$1" = 2 ] && [ "$2" -lt 300 ]' - "$rc" "${#err}"
head -c 1100000 /dev/zero | tr '\0' '#' | answers huge.ini 600 >/dev/null
run check --answers "$tap_tmp/huge.ini"
ok "an answers file over 1 MiB is refused unread (exit 2)" \
  sh -c '[ "$1" = 2 ] && printf "%s" "$2" | grep -q "larger than 1024 KiB"' - "$rc" "$err"
mkfifo "$tap_tmp/fifo"
started=$(date +%s)
run check --answers "$tap_tmp/fifo"
ok "a FIFO as the answers file: exit 2 at once, named as such" \
  sh -c '[ "$1" = 2 ] && [ "$3" -le 2 ] && printf "%s" "$2" | grep -q "is a FIFO"' - "$rc" "$err" "$(( $(date +%s) - started ))"
printf '[zoomwiz]\napp_type = s2s\nclient_secret_file = %s\n' "$tap_tmp/fifo" | answers fifo-secret.ini 600 >/dev/null
started=$(date +%s)
run check --answers "$tap_tmp/fifo-secret.ini"
ok "a FIFO as client_secret_file: a finding at once, named as such" \
  sh -c '[ "$1" = 1 ] && [ "$3" -le 2 ] && printf "%s" "$2" | grep -q "client_secret: .*is a FIFO"' - "$rc" "$out" "$(( $(date +%s) - started ))"
# A device made here (mknod, as root), never one of /dev.
if mknod "$tap_tmp/zero" c 1 5 2>/dev/null; then
  started=$(date +%s)
  run check --answers "$tap_tmp/zero"
  ok "a character device (like /dev/zero) is refused, not read without end" \
    sh -c '[ "$1" = 2 ] && [ "$3" -le 2 ] && printf "%s" "$2" | grep -q "is a character device"' - "$rc" "$err" "$(( $(date +%s) - started ))"
else
  echo "ok $((tap_n = tap_n + 1)) # SKIP no mknod here"
fi

# A file's bytes quoted in a finding (found by fuzz-answers): a key that is
# not UTF-8, values holding escape sequences; the output stays UTF-8 with no
# control byte but newline and tab.
printf '[zoomwiz]\nclient_\377\376id=abc\napp_type=\033]0;owned\007\nsite_url=https://x\033[2J.example.com\n' |
  answers hostile.ini 600 >/dev/null
run check --answers "$tap_tmp/hostile.ini"
ok "findings quoting hostile bytes: said (exit 1)" \
  sh -c '[ "$1" = 1 ] && printf "%s" "$2" | grep -q "is not an answers key"' - "$rc" "$out"
ok "and the output is UTF-8 with no control byte" \
  sh -c 'printf "%s%s" "$1" "$2" | iconv -f UTF-8 -t UTF-8 >/dev/null && ! printf "%s%s" "$1" "$2" | tr -d "\t\n" | LC_ALL=C grep -q "[[:cntrl:]]"' - "$out" "$err"

# A backslash that is no escape, then one at the end (found by fuzz-answers:
# GLib warned "GError set over the top of a previous GError").
printf '[zoomwiz]\napp_type=gener\\x\\\n' | answers escapes.ini 600 >/dev/null
run check --answers "$tap_tmp/escapes.ini"
ok "a value with a backslash that is no escape: a finding (exit 1)" \
  sh -c '[ "$1" = 1 ] && printf "%s" "$2" | grep -q "app_type has a backslash that is no escape"' - "$rc" "$out"
ok "and no GLib warning" lacks "$err" "GLib"
