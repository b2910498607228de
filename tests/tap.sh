# tap.sh - sourced by the shell tests: a pinned environment, a temporary
# folder, and TAP output. Usage:
#   . "${top_srcdir:-$(dirname "$0")/..}/tests/tap.sh"
#   plan 3; ok "what" test -f x; is "what" "$got" "$want"; ...
# shellcheck shell=sh
# Copyright (C) 2026 the zoomwiz authors. SPDX-License-Identifier: GPL-3.0-or-later

: "${top_srcdir:=$(cd "$(dirname "$0")/.." && pwd)}"
: "${ZOOMWIZ:=$top_srcdir/src/zoomwiz}"
: "${ZOOMWIZ_DATADIR:=$top_srcdir/data}"
export ZOOMWIZ_DATADIR
LANG=C.UTF-8 LC_ALL=C.UTF-8 TZ=UTC TERM=dumb
unset LANGUAGE NO_COLOR
export LANG LC_ALL TZ TERM

tap_tmp=$(mktemp -d "${TMPDIR:-/tmp}/zoomwiz-test.XXXXXX") || exit 99
HOME=$tap_tmp/home XDG_CONFIG_HOME=$tap_tmp/home/.config \
  XDG_STATE_HOME=$tap_tmp/home/.local/state XDG_DATA_HOME=$tap_tmp/home/.local/share
export HOME XDG_CONFIG_HOME XDG_STATE_HOME XDG_DATA_HOME
mkdir -p "$HOME"
trap 'rm -rf "$tap_tmp"' EXIT
tap_n=0

plan () { echo "1..$1"; }

# ok DESCRIPTION COMMAND...: passes when COMMAND succeeds.
ok () {
  tap_desc=$1; shift
  tap_n=$((tap_n + 1))
  if "$@"; then echo "ok $tap_n - $tap_desc"; else echo "not ok $tap_n - $tap_desc"; fi
}

# is DESCRIPTION GOT WANT: passes when the two strings are equal.
is () {
  tap_n=$((tap_n + 1))
  if [ "$2" = "$3" ]; then
    echo "ok $tap_n - $1"
  else
    echo "not ok $tap_n - $1"
    printf '# got:  %s\n# want: %s\n' "$2" "$3"
  fi
}

# holds FILTER FILE [JQ-OPTION]...: jq -e's answer, not its output (for ok).
holds () { jq -e "$@" >/dev/null; }

# contains TEXT PATTERN: a fixed string in TEXT (for ok).
contains () { printf '%s' "$1" | grep -qF -- "$2"; }
lacks () { ! contains "$1" "$2"; }

# run ARGS...: runs zoomwiz; sets $out (stdout), $err (stderr), $rc. Both
# are kept for done_testing's look for control bytes (kept_output).
run () {
  "$ZOOMWIZ" "$@" >"$tap_tmp/out" 2>"$tap_tmp/err" </dev/null
  rc=$?
  out=$(cat "$tap_tmp/out")
  err=$(cat "$tap_tmp/err")
  keep_output "$tap_tmp/out" "$tap_tmp/err"
}

# keep_output FILE...: output of zoomwiz run otherwise than by run, kept
# for the same look.
keep_output () { cat "$@" >> "$tap_tmp/outputs" 2>/dev/null; }

# answers NAME MODE: writes standard input to an answers file; prints its path.
answers () {
  cat >"$tap_tmp/$1" && chmod "$2" "$tap_tmp/$1" && echo "$tap_tmp/$1"
}

# field ID KEY: a field of one check in the JSON that run left in
# $tap_tmp/out (verify --json, webhook test --json).
field () {
  python3 -c 'import json,sys
d = json.load(open(sys.argv[1]))
print(next((c[sys.argv[3]] for c in d["checks"] if c["id"] == sys.argv[2]), "(no such check)"))' \
    "$tap_tmp/out" "$1" "$2" 2>/dev/null
}

# wait_for_port PID DIR WHAT: waits up to 10 s for a test server (PID)
# to write DIR/port; on failure shows DIR/stderr as comments and returns 1.
wait_for_port () {
  tap_i=0
  while [ ! -s "$2/port" ]; do
    if ! kill -0 "$1" 2>/dev/null || [ "$tap_i" -ge 100 ]; then
      echo "# $3 did not start:" >&2
      sed 's/^/#   /' "$2/stderr" >&2
      return 1
    fi
    sleep 0.1 2>/dev/null || sleep 1
    tap_i=$((tap_i + 1))
  done
}

# under_keyring: runs this test again against a private Secret Service
# (tests/with-keyring.sh), once; SKIP when none can be started.
under_keyring () {
  [ -n "${WITH_KEYRING_DATA:-}" ] && return 0
  rm -rf "$tap_tmp"
  sh "$top_srcdir/tests/with-keyring.sh" sh "$0"
  tap_rc=$?
  [ "$tap_rc" = 77 ] && echo "1..0 # SKIP no Secret Service could be started here"
  exit $tap_rc
}

# done_testing: the plan at the end, for tests whose count depends on the
# run; first, when zoomwiz ran (run, keep_output), one point: no byte of
# its output below 0x20 but tab and newline, nor DEL. Servers here send
# escape sequences, BEL and clipboard writes: none may reach a terminal.
done_testing () {
  if [ -f "$tap_tmp/outputs" ]; then
    tap_bad=$(tr -d '\t\n' < "$tap_tmp/outputs" | LC_ALL=C tr -dc '\000-\037\177' | wc -c)
    is "no control byte in any output of zoomwiz here ($(wc -c < "$tap_tmp/outputs") bytes)" \
      "$tap_bad" 0
  fi
  echo "1..$tap_n"
}

# schema_ok NAME [FILE]: the JSON in FILE (default: run's output) against
# the README's table "### `NAME`" under "## Machine output": one point for
# each key there (reached at least once, present wherever its parent is, of
# its type), one for no key the table lacks, one for schema_version 1. A
# key "a[].b" is b of each item of the array a, "a.KEY" each member of a.
schema_ok () {
  if ! command -v jq >/dev/null 2>&1; then
    echo "ok $((tap_n = tap_n + 1)) # SKIP jq not installed"
    return 0
  fi
  tap_json=${2:-$tap_tmp/out}
  tap_rows=$(awk -v h="### \`$1\`" '
    /^## / { m = ($0 == "## Machine output") }
    /^### / { t = m && ($0 == h); next }
    t && /^\| `/ { split($0, c, "|"); k = c[2]; y = c[3]
      gsub(/[` ]/, "", k); gsub(/^ +| +$/, "", y); print k "\t" y }' "$top_srcdir/README.md")
  # at(PATH): the values at a key's path (split at "."); segs: a path of
  # jq's paths in the same form.
  tap_lib='def at($p): if $p == [] then . else $p[0] as $s
      | (if $s == "KEY" then objects | .[]
         elif ($s | endswith("[]")) then objects | .[$s[:-2]] | arrays | .[]
         else objects | select(has($s)) | .[$s] end) | at($p[1:]) end;
    def segs: reduce .[] as $e ([]; if ($e | type) == "number" then .[-1] += "[]" else . + [$e] end);
    def fits($d; $o): ($d | length) == ($o | length)
      and ([range($o | length)] | all(. as $i | $d[$i] == "KEY" or $d[$i] == $o[$i]));'
  while IFS="$(printf '\t')" read -r tap_key tap_type; do
    tap_each=null
    case $tap_type in
      "string or null") tap_want='["string","null"]' ;;
      "array of strings") tap_want='["array"]' tap_each='"string"' ;;
      "object of strings") tap_want='["object"]' tap_each='"string"' ;;
      string | number | boolean | array | object) tap_want="[\"$tap_type\"]" ;;
      *) tap_want='["(no JSON type)"]' ;;
    esac
    ok "$1: $tap_key, $tap_type" holds --arg k "$tap_key" --argjson want "$tap_want" \
      --argjson each "$tap_each" "$tap_lib"'
      ($k | split(".")) as $p | [at($p[:-1])] as $up | [at($p)] as $v
      | ($up | length) > 0
        and ($p[-1] == "KEY" or ($up | all(type == "object" and has($p[-1]))))
        and ($v | length) > 0
        and ($v | all(type as $t | $want | index([$t]) != null))
        and ($each == null or ([$v[] | .[] | type] | all(. == $each)))' "$tap_json"
  done <<EOF2
$tap_rows
EOF2
  tap_doc=$(printf '%s\n' "$tap_rows" | cut -f1 | jq -Rsc 'split("\n") | map(select(. != "") | split("."))')
  tap_extra=$(jq -r --argjson doc "$tap_doc" "$tap_lib"'
    [paths | select(.[-1] | type == "string") | segs] | unique | .[]
    | select(. as $o | $doc | any(.[]; fits(.; $o)) | not) | join(".")' "$tap_json" 2>&1)
  is "$1: no key the README does not document" "$tap_extra" ""
  is "$1: schema_version is 1" "$(jq -c .schema_version "$tap_json" 2>&1)" 1
}
