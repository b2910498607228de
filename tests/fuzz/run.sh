#!/bin/sh
# run.sh OUT FUZZDIR SECONDS - runs each fuzz target built in OUT for
# SECONDS from its committed corpus (FUZZDIR/corpus/TARGET, read only: new
# inputs go to OUT/corpus/TARGET), with its dictionary. Fails when a target
# finds a crash, a leak, a UBSan report, a GLib critical or a unit slower
# than 10 s, naming the reproducer it saved.
# Copyright (C) 2026 the zoomwiz authors. SPDX-License-Identifier: GPL-3.0-or-later
set -u
out=$1 fz=$2 seconds=$3
failed=
for t in fuzz-answers fuzz-preset fuzz-url fuzz-zoom fuzz-endpoint; do
  mkdir -p "$out/corpus/$t" "$out/crashes/$t"
  dict=
  [ -f "$fz/$t.dict" ] && dict=-dict=$fz/$t.dict
  echo "  FUZZ     $t for $seconds s"
  # shellcheck disable=SC2086
  ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
  UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    "$out/$t" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=8192 \
      -print_final_stats=1 -artifact_prefix="$out/crashes/$t/" $dict \
      "$out/corpus/$t" "$fz/corpus/$t" >"$out/$t.log" 2>&1
  rc=$?
  grep -E '^(stat::number_of_executed_units|stat::new_units_added)' "$out/$t.log" |
    sed "s/^/    $t: /"
  if [ $rc != 0 ]; then
    echo "run.sh: $t failed (exit $rc); its log is $out/$t.log:" >&2
    grep -aE 'ERROR|runtime error|fuzz:|SUMMARY|Test unit written' "$out/$t.log" | head -20 | sed 's/^/    /' >&2
    echo "  reproduce with: $out/$t $out/crashes/$t/<file>" >&2
    failed="$failed $t"
  fi
done
if [ -n "$failed" ]; then
  echo "run.sh: these fuzz targets found a defect:$failed" >&2
  exit 1
fi
