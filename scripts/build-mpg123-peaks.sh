#!/bin/sh
# Builds electron/services/audio/mpg123-peaks/mpg123-peaks.wasm: libmpg123 1.25.10
# (LGPL-2.1) plus the peaks wrapper peaks.c, for wasm32-wasi against wasi-libc.
#
# Source: the mpg123 1.25.10 tree shipped in the npm package @flat/lame 1.2.8
#   (npm pack @flat/lame@1.2.8, sha256 30924696565f2634fa65c7825c39df721dd8a381f6b01e1b69dd42fe365d302d;
#   tar xzf flat-lame-1.2.8.tgz; the tree is package/deps/mpg123),
#   or the same release from https://mpg123.org/download/mpg123-1.25.10.tar.bz2.
# Compiler: Debian 12 packages clang-14, lld-14, wasi-libc, libclang-rt-dev-wasm32
#   (apt-get install -y clang lld wasi-libc libclang-rt-dev-wasm32).
# Usage: scripts/build-mpg123-peaks.sh /path/to/mpg123-1.25.10
# The .wasm is a separate file on purpose: LGPL-2.1 lets a user replace it with their
# own build of libmpg123 (rebuild with this script from a modified tree). Its licence:
# electron/services/audio/mpg123-peaks/COPYING.mpg123 (mpg123's COPYING, LGPL-2.1).
# Built from the same tree with these flags the output is byte-identical (checked).
set -eu
MPG123=${1:?usage: $0 /path/to/mpg123-1.25.10 source tree}
HERE=$(cd "$(dirname "$0")/.." && pwd)/electron/services/audio/mpg123-peaks
SRC=$MPG123/src/libmpg123
grep -q '^1.25.10' "$MPG123/NEWS" || { echo "expected mpg123 1.25.10 in $MPG123" >&2; exit 1; }
CC=${CC:-clang}
# Generic C (no assembly), float synthesis; -msimd128 lets clang vectorise the loops.
OPT=${OPT:--O3 -msimd128 -ffast-math -fno-math-errno}
WASM=${WASM:-$HERE/mpg123-peaks.wasm}
CFLAGS="--target=wasm32-wasi $OPT
  -DHAVE_CONFIG_H -DMPG123_NO_LARGENAME -I$HERE -I$SRC -I$MPG123/src/compat -I$MPG123/src -w"
FILES="parse.c frame.c format.c dct64.c optimize.c readers.c tabinit.c libmpg123.c index.c
  stringbuf.c id3.c synth_real.c layer1.c layer2.c layer3.c feature.c"
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT
for f in $FILES; do $CC $CFLAGS -c "$SRC/$f" -o "$OUT/${f%.c}.o"; done
$CC $CFLAGS -c "$MPG123/src/compat/compat_str.c" -o "$OUT/compat_str.o"
$CC $CFLAGS -c "$HERE/peaks.c" -o "$OUT/peaks.o"
$CC $CFLAGS -c "$HERE/compat-close.c" -o "$OUT/compat-close.o"
# A reactor (no main): only the peaks_* functions, malloc and memory are exported.
$CC $CFLAGS -mexec-model=reactor ${STRIP--Wl,--strip-all} -Wl,--export=malloc -Wl,--export=free \
  -Wl,-z,stack-size=262144 -Wl,--initial-memory=2097152 \
  "$OUT"/*.o -o "$WASM"
ls -l "$WASM"
