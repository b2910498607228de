#!/bin/sh
# scope-catalog.sh - TAP test for tools/make-scope-catalog and the
# data/scopes.tsv it generated from tools/zoom-scopes/.
# Copyright (C) 2026 the zoomwiz authors. SPDX-License-Identifier: GPL-3.0-or-later
LC_ALL=C.UTF-8
TZ=UTC
export LC_ALL TZ

top=${top_srcdir:-$(dirname "$0")/..}
script=$top/tools/make-scope-catalog
src=$top/tools/zoom-scopes
catalog=$top/data/scopes.tsv

if ! command -v python3 >/dev/null 2>&1; then
  echo "1..0 # SKIP python3 not installed"
  exit 0
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/scope-catalog.XXXXXX") || {
  echo "1..0 # SKIP cannot make a temporary directory"
  exit 0
}
trap 'rm -rf "$tmp"' EXIT
trap 'exit 1' HUP INT TERM

n=0
pass () { n=$((n + 1)); echo "ok $n - $1"; }
fail () { n=$((n + 1)); echo "not ok $n - $1"; }
# Shows a file (or the first lines of it) as TAP diagnostics.
diag () { sed -n "1,${2:-20}p" "$1" | sed 's/^/# /'; }
# The data rows of a catalog (comment lines dropped).
rows () { grep -v '^#' "$1"; }

echo "1..10"

# 1. Regenerating from the shipped sources reproduces data/scopes.tsv.
python3 "$script" "$src" "$tmp/regen.tsv" 2>"$tmp/regen.err"
status=$?
if [ $status -eq 0 ] && cmp -s "$tmp/regen.tsv" "$catalog"; then
  pass "regenerating gives a file byte-identical to data/scopes.tsv"
else
  fail "regenerating gives a file byte-identical to data/scopes.tsv"
  echo "# exit status $status"
  diff "$catalog" "$tmp/regen.tsv" >"$tmp/regen.diff" 2>&1
  diag "$tmp/regen.diff"
  diag "$tmp/regen.err"
fi

# 2. OUTPUT "-" writes the same bytes to stdout (and a second run agrees).
if python3 "$script" "$src" - >"$tmp/stdout.tsv" 2>/dev/null \
   && cmp -s "$tmp/stdout.tsv" "$tmp/regen.tsv"; then
  pass "OUTPUT - writes the same bytes to stdout"
else
  fail "OUTPUT - writes the same bytes to stdout"
fi

# 3. The malformed name with a space is reported and left out.
bad='contact_center:write:queue disposition:admin'
if grep -qF "make-scope-catalog: left out: '$bad': " "$tmp/regen.err" \
   && grep -qF "$bad" "$src/granular-scopes.txt" \
   && ! cut -f1 "$catalog" | grep -qF "$bad"; then
  pass "'$bad' is reported as left out and absent"
else
  fail "'$bad' is reported as left out and absent"
  diag "$tmp/regen.err"
fi

# 4. A flagged name is kept with a note, and reported.
note=$(awk -F'\t' '$1 == "scim2:admin" { print $6 }' "$catalog")
if [ -n "$note" ] \
   && grep -qF "make-scope-catalog: flagged: scim2:admin: $note" "$tmp/regen.err"
then
  pass "scim2:admin is kept with the note '$note' and reported as flagged"
else
  fail "scim2:admin is kept with a non-empty note and reported as flagged"
  grep -F 'scim2:admin' "$catalog" "$tmp/regen.err" | sed 's/^/# /'
fi

# 5. Every data row has exactly six tab-separated fields (and no CR).
rows "$catalog" | awk -F'\t' 'NF != 6 || /\r/ { print NR ": " NF " fields: " $0 }' \
  >"$tmp/fields.bad"
if [ ! -s "$tmp/fields.bad" ] && [ "$(rows "$catalog" | wc -l)" -gt 0 ]; then
  pass "every row has exactly 6 fields"
else
  fail "every row has exactly 6 fields"
  diag "$tmp/fields.bad"
fi

# 6. No name occurs twice.
rows "$catalog" | cut -f1 | sort | uniq -d >"$tmp/dups"
if [ ! -s "$tmp/dups" ]; then
  pass "no name occurs twice"
else
  fail "no name occurs twice"
  diag "$tmp/dups"
fi

# Well-formed names from the sources, computed here without the script.
wellformed () {
  grep -E '^[a-z0-9_:*.-]+$' | grep -Ev '(^|:)(:|$)' | sort -u
}
sed 's/\r$//' "$src/granular-scopes.txt" >"$tmp/g.raw"
awk -F'\t' 'NR > 1 { print $1 }' "$src/granular-scopes-by-endpoint.tsv" >>"$tmp/g.raw"
wellformed <"$tmp/g.raw" >"$tmp/g.names"
awk -F'\t' 'NR > 1 { print $1 }' "$src/classic-scopes.tsv" | wellformed >"$tmp/c.names"

# 7. Each row's name, family and level follow the rules, row by row.
awk -F'\t' -v OFS='\t' '
  FILENAME == ARGV[1] { g[$1] = 1; next }
  { c[$1] = 1 }
  END {
    for (name in g) {
      k = split(name, s, ":")
      level = (s[k] == "admin" || s[k] == "master") ? s[k] : "user"
      print name, (name in c) ? "both" : "granular", level
    }
    for (name in c) {
      if (name in g) continue
      k = split(name, s, ":"); level = "user"
      for (i = 1; i <= k; i++)
        if (s[i] == "master") level = "master"
        else if (s[i] == "admin" && level != "master") level = "admin"
      print name, "classic", level
    }
  }' "$tmp/g.names" "$tmp/c.names" | sort >"$tmp/expect.nfl"
rows "$catalog" | cut -f1-3 | sort >"$tmp/got.nfl"
if [ -s "$tmp/expect.nfl" ] && cmp -s "$tmp/expect.nfl" "$tmp/got.nfl"; then
  pass "name, family and level of every row match the source files"
else
  fail "name, family and level of every row match the source files"
  diff "$tmp/expect.nfl" "$tmp/got.nfl" >"$tmp/nfl.diff" 2>&1
  diag "$tmp/nfl.diff"
fi

# 8. Row count and per-level counts match counts taken from the sources.
comm -12 "$tmp/g.names" "$tmp/c.names" >"$tmp/b.names"
comm -13 "$tmp/g.names" "$tmp/c.names" >"$tmp/co.names"
count () { wc -l <"$1" | tr -d ' '; }
e_total=$(( $(count "$tmp/g.names") + $(count "$tmp/c.names") - $(count "$tmp/b.names") ))
e_both=$(count "$tmp/b.names")
co_master=$(grep -cE '(^|:)master(:|$)' "$tmp/co.names")
co_admin=$(grep -vE '(^|:)master(:|$)' "$tmp/co.names" | grep -cE '(^|:)admin(:|$)')
e_admin=$(( $(grep -c ':admin$' "$tmp/g.names") + co_admin ))
e_master=$(( $(grep -c ':master$' "$tmp/g.names") + co_master ))
e_user=$(( e_total - e_admin - e_master ))
expect="rows $e_total admin $e_admin master $e_master user $e_user both $e_both"
got=$(rows "$catalog" | awk -F'\t' '
  { n++; lv[$3]++ } $2 == "both" { b++ }
  END { printf "rows %d admin %d master %d user %d both %d",
        n, lv["admin"], lv["master"], lv["user"], b }')
ga_admin=$(rows "$catalog" | awk -F'\t' '$2 != "classic" && $3 == "admin"' | wc -l)
if [ "$got" = "$expect" ] && [ "$ga_admin" -gt 1000 ] && [ "$e_both" -eq 2 ]; then
  pass "counts match the sources: $got (granular+both admin $ga_admin)"
else
  fail "counts match the sources"
  echo "# expected: $expect"
  echo "# got:      $got (granular+both admin $ga_admin)"
fi

# 9-10. A small synthetic source gives exactly the expected rows and messages.
syn=$tmp/syn
mkdir "$syn"
printf '%s\n' zeta:read:thing:admin alpha:write:widget alpha:patch:widget:master \
  'bad:write:has space:admin' overlap:write:sip overlap:read:master:admin \
  short:admin Upper:read:thing \
  '' 'h323_device:*' >"$syn/granular-scopes.txt"
printf 'crlf:read:thing\r\n' >>"$syn/granular-scopes.txt"
{
  printf 'scope\tproduct\tresource_group\tapi_operation\tapi_surface\n'
  printf 'alpha:write:widget\tProd B\tWidgets\tCreate a widget\tapi\n'
  printf 'alpha:write:widget\tProd A\tWidgets\tCreate a widget\tmaster-api\n'
  printf 'zeta:read:thing:admin\tZed\tThings\tGet a thing\tapi\n'
  printf 'zeta:read:thing:admin\tZed\tThings\tList things\tapi\n'
  printf 'zeta:read:thing:admin\tAlpha\tThings\tGet a thing\tmaster-api\n'
  printf 'overlap:write:sip\tMeeting\tSIP\tGet a SIP URI\tapi\n'
  printf 'only:delete:endpoint:master\tProd\tGroup\tDelete something\tmaster-api\n'
  printf 'bad:write:has space:admin\tProd\tGroup\tBad\tapi\n'
} >"$syn/granular-scopes-by-endpoint.tsv"
{
  printf 'scope\tproduct\tdescription\tapi_count\n'
  printf 'overlap:write:sip\tMeeting\tClassic SIP\t1\n'
  printf 'overlap:read:master:admin\tReport\tClassic report\t2\n'
  printf 'meeting:read\tMeeting\t  View your meetings  \t3\n'
  printf 'meeting_token:read:admin:local_recording\tMeeting\tLocal\rrecording token\t1\n'
  printf 'division:wirte:admin\tUser\tManage divisions\t5\n'
  printf 'sub_account:read:admin:master\tAccount\tSub account admin\t1\n'
  printf 'thing:master\tThing\t\t1\n'
  printf 'Meeting:Write\tMeeting\tBad\t1\n'
} >"$syn/classic-scopes.tsv"

{
  printf '%s\n' \
    "# zoomwiz scope catalog: Zoom OAuth scopes, granular and classic, with level, product and what each allows" \
    "# generated by tools/make-scope-catalog from tools/zoom-scopes/ (Zoom's published scope pages, snapshot zoom/skills@8212edf1); do not edit by hand" \
    "# columns (tab-separated): name, family (granular|both|classic), level (user|admin|master), product, info (API operations, or the classic description), note (why the row was flagged, else empty)"
  printf 'alpha:patch:widget:master\tgranular\tmaster\t\t\tunusual action "patch"\n'
  printf 'alpha:write:widget\tgranular\tuser\tProd A\tCreate a widget\t\n'
  printf 'crlf:read:thing\tgranular\tuser\t\t\t\n'
  printf 'h323_device:*\tgranular\tuser\t\t\twildcard "*": a group of scopes, not one scope\n'
  printf 'only:delete:endpoint:master\tgranular\tmaster\tProd\tDelete something\t\n'
  printf 'short:admin\tgranular\tadmin\t\t\tnot product:action:resource\n'
  printf 'zeta:read:thing:admin\tgranular\tadmin\tZed\tGet a thing; List things\t\n'
  printf 'overlap:read:master:admin\tboth\tadmin\t\tClassic report\t\n'
  printf 'overlap:write:sip\tboth\tuser\tMeeting\tGet a SIP URI | Classic SIP\t\n'
  printf 'division:wirte:admin\tclassic\tadmin\tUser\tManage divisions\tunusual action "wirte" (typo for "write"?)\n'
  printf 'meeting:read\tclassic\tuser\tMeeting\tView your meetings\t\n'
  printf 'meeting_token:read:admin:local_recording\tclassic\tadmin\tMeeting\tLocal recording token\t\n'
  printf 'sub_account:read:admin:master\tclassic\tmaster\tAccount\tSub account admin\t\n'
  printf 'thing:master\tclassic\tmaster\tThing\t\t\n'
} >"$tmp/syn.expect"

python3 "$script" "$syn" "$tmp/syn.tsv" 2>"$tmp/syn.err"
status=$?
if [ $status -eq 0 ] && cmp -s "$tmp/syn.expect" "$tmp/syn.tsv"; then
  pass "a synthetic source gives exactly the expected rows"
else
  fail "a synthetic source gives exactly the expected rows"
  echo "# exit status $status"
  diff "$tmp/syn.expect" "$tmp/syn.tsv" >"$tmp/syn.diff" 2>&1
  diag "$tmp/syn.diff" 40
  diag "$tmp/syn.err"
fi

printf '%s\n' \
  'make-scope-catalog: flagged: alpha:patch:widget:master: unusual action "patch"' \
  'make-scope-catalog: flagged: h323_device:*: wildcard "*": a group of scopes, not one scope' \
  'make-scope-catalog: flagged: short:admin: not product:action:resource' \
  'make-scope-catalog: flagged: division:wirte:admin: unusual action "wirte" (typo for "write"?)' \
  "make-scope-catalog: left out: 'Meeting:Write': contains upper-case letters (in classic-scopes.tsv)" \
  "make-scope-catalog: left out: 'Upper:read:thing': contains upper-case letters (in granular-scopes.txt)" \
  "make-scope-catalog: left out: 'bad:write:has space:admin': contains a space (in granular-scopes.txt, granular-scopes-by-endpoint.tsv)" \
  >"$tmp/syn.err.expect"
grep -E '^make-scope-catalog: (flagged|left out): ' "$tmp/syn.err" >"$tmp/syn.err.got"
if cmp -s "$tmp/syn.err.expect" "$tmp/syn.err.got" \
   && grep -qE "^make-scope-catalog: flagged 4, left out 3\$" "$tmp/syn.err"; then
  pass "the synthetic source's flagged and left-out names are reported"
else
  fail "the synthetic source's flagged and left-out names are reported"
  diff "$tmp/syn.err.expect" "$tmp/syn.err.got" >"$tmp/syn.err.diff" 2>&1
  diag "$tmp/syn.err.diff"
  diag "$tmp/syn.err"
fi

exit 0
