#!/bin/sh
# rule-mutants.sh - for every rule of src/core/rules.c, build tests/test-rules
# with that rule taken out (-DZW_WITHOUT_RULE) and demand that the tests fail.
# Run by "make check-mutants", which passes CC, CFLAGS, CPPFLAGS, LIBS.
# Prints TAP.
# Copyright (C) 2026 the zoomwiz authors. SPDX-License-Identifier: GPL-3.0-or-later
set -u
: "${top_srcdir:?}" "${CC:?}"
export LANG=C.UTF-8 LC_ALL=C.UTF-8 TZ=UTC

tmp=$(mktemp -d "${TMPDIR:-/tmp}/zw-mutants.XXXXXX") || exit 99
trap 'rm -rf "$tmp"' EXIT

# The core once, without rules.c; then rules.c per mutant.
objs=
for src in "$top_srcdir"/src/core/*.c; do
  case $src in */rules.c) continue ;; esac
  obj="$tmp/$(basename "$src" .c).o"
  # shellcheck disable=SC2086
  $CC $CPPFLAGS $CFLAGS -c "$src" -o "$obj" || exit 99
  objs="$objs $obj"
done
# shellcheck disable=SC2086
$CC $CPPFLAGS $CFLAGS -c "$top_srcdir/tests/test-rules.c" -o "$tmp/test-rules.o" || exit 99

ids=$(sed -n 's/^  { "\([a-z-]*\)", rule_[a-z_]* },$/\1/p' "$top_srcdir/src/core/rules.c")
n=$(echo "$ids" | wc -l)
echo "1..$((n + 1))"

build () { # build DEFINE OUTPUT
  # shellcheck disable=SC2086
  $CC $CPPFLAGS $CFLAGS $1 -c "$top_srcdir/src/core/rules.c" -o "$tmp/rules.o" &&
  $CC $CFLAGS -o "$2" "$tmp/test-rules.o" "$tmp/rules.o" $objs $LIBS
}

i=1 failed=0
if build "" "$tmp/t" && "$tmp/t" >"$tmp/out" 2>&1; then
  echo "ok $i - the tests pass with every rule in place"
else
  echo "not ok $i - the tests fail even with every rule in place"
  sed 's/^/# /' "$tmp/out"
  failed=1
fi
for id in $ids; do
  i=$((i + 1))
  if ! build "-DZW_WITHOUT_RULE=\"$id\"" "$tmp/t"; then
    echo "not ok $i - $id: the mutant does not build"
  # An inner shell, so that the abort of a failing test stays quiet.
  elif sh -c '"$0" >/dev/null 2>&1' "$tmp/t" 2>/dev/null; then
    echo "not ok $i - without $id the tests still pass"
  else
    echo "ok $i - without $id the tests fail"
    continue
  fi
  failed=$((failed + 1))
done
# Any mutant that does not build or survives fails the whole run.
[ "$failed" -eq 0 ]
