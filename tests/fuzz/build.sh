#!/bin/sh
# build.sh OUT - builds the fuzz targets into OUT with clang and libFuzzer,
# AddressSanitizer and UBSan (make fuzz runs it with the build's flags:
# CC, CPPFLAGS, LIBS, top_srcdir). The net layer is linked with
# fake-transport.c in place of http-curl.c.
# Copyright (C) 2026 the zoomwiz authors. SPDX-License-Identifier: GPL-3.0-or-later
set -eu
out=$1
: "${CC:=clang}" "${top_srcdir:?}"
src=$top_srcdir/src
fz=$top_srcdir/tests/fuzz
targets="fuzz-answers fuzz-preset fuzz-url fuzz-zoom fuzz-endpoint"
sanitize='-fsanitize=address,undefined -fno-sanitize-recover=all'
cflags="-g -O1 -fno-omit-frame-pointer -Wall -Wextra -Werror $sanitize"

if ! printf 'int LLVMFuzzerTestOneInput (const char *d, long n) { return (int) (d[0] + n); }\n' |
    $CC -fsanitize=fuzzer -x c - -o "${TMPDIR:-/tmp}/zoomwiz-fuzz-probe.$$" 2>/dev/null; then
  echo "build.sh: $CC cannot build libFuzzer targets: install clang and its runtime" >&2
  echo "  (./bootstrap --ci installs clang and libclang-rt-14-dev)" >&2
  exit 1
fi
rm -f "${TMPDIR:-/tmp}/zoomwiz-fuzz-probe.$$"

mkdir -p "$out/obj"
objs=
for c in "$src"/core/*.c "$src"/net/http.c "$src"/net/transport.c "$src"/net/verify.c \
         "$src"/net/endpoint.c "$src"/net/recall.c "$src"/net/oauth.c \
         "$fz"/fuzz-common.c "$fz"/fake-transport.c; do
  o=$out/obj/$(basename "$(dirname "$c")")-$(basename "$c" .c).o
  # shellcheck disable=SC2086
  $CC $cflags -fsanitize=fuzzer-no-link ${CPPFLAGS:-} -I"$fz" \
    -DFUZZ_DATADIR="\"$top_srcdir/data\"" -c "$c" -o "$o"
  objs="$objs $o"
done
for t in $targets; do
  # shellcheck disable=SC2086
  $CC $cflags -fsanitize=fuzzer ${CPPFLAGS:-} -I"$fz" -DFUZZ_DATADIR="\"$top_srcdir/data\"" \
    "$fz/$t.c" $objs ${LIBS:-} -o "$out/$t"
  echo "  FUZZ     $out/$t"
done
