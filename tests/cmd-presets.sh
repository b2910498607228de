#!/bin/sh
# cmd-presets.sh - zoomwiz presets: the list, one preset, a wrong name.
# Copyright (C) 2026 the zoomwiz authors. SPDX-License-Identifier: GPL-3.0-or-later
. "${top_srcdir:-$(dirname "$0")/..}/tests/tap.sh"
plan 9

run presets
ok "presets exits 0" [ "$rc" = 0 ]
n=$(printf '%s\n' "$out" | tail -n +2 | wc -l)
files=$(ls "$ZOOMWIZ_DATADIR"/presets/*.ini | wc -l)
is "presets lists one line per preset file" "$n" "$files"
ok "the list shows app type and management" sh -c 'printf "%s\n" "$1" | grep -Eq "^mattermost-account +general\|oauth-legacy +admin +Mattermost"' - "$out"

run presets mattermost-account
ok "presets NAME exits 0" [ "$rc" = 0 ]
ok "it shows the redirect URL template" contains "$out" "{site_url}/plugins/zoom/oauth2/complete"
ok "it shows each required scope with its purpose" sh -c 'printf "%s\n" "$1" | grep -A1 "^  user:read:user:admin$" | tail -n 1 | grep -q "email"' - "$out"
ok "it shows the Marketplace checklist, numbered" sh -c 'printf "%s\n" "$1" | grep -q "^ 1\. " && printf "%s\n" "$1" | grep -q "/zoom connect"' - "$out"

run presets matermost-account
ok "an unknown preset exits 2" [ "$rc" = 2 ]
ok "an unknown preset gets the nearest name" contains "$err" "'mattermost-account'"
