/*
 * Hand-written config.h for libmpg123 1.25.10 built for wasm32-wasi by
 * scripts/build-mpg123-peaks.sh (replaces the one ./configure would write). Only what
 * the peaks need: generic C, float synthesis, the feeder reader, and the 2:1 / 4:1
 * down-sampling synths; no 8/16/32-bit integer output, no ICY, ID3v2, equalizer,
 * n-to-m resampling or messages.
 */
#define OPT_GENERIC 1
#define REAL_IS_FLOAT 1
#define IEEE_FLOAT 1
#define GAPLESS 1
#define FRAME_INDEX 1
#define INDEX_SIZE 1000
/* The 4-bits-at-a-time Huffman tables (./configure's default too): the same samples, ~10% less CPU here. */
#define USE_NEW_HUFFTABLE 1

#define NO_8BIT 1
#define NO_16BIT 1
#define NO_32BIT 1
#define NO_NTOM 1
#define NO_ICY 1
#define NO_ID3V2 1
#define NO_EQUALIZER 1
#define NO_STRING 1
#define NO_ERRORMSG 1
#define NO_WARNING 1
#define NO_ERETURN 1

#define HAVE_STDINT_H 1
#define HAVE_INTTYPES_H 1
#define HAVE_LIMITS_H 1
#define HAVE_STDIO_H 1
#define HAVE_STDLIB_H 1
#define HAVE_STRING_H 1
#define HAVE_STRINGS_H 1
#define HAVE_STRERROR 1
#define HAVE_STRDUP 1
#define HAVE_SYS_TYPES_H 1
#define HAVE_UNISTD_H 1
#define STDC_HEADERS 1

#define SIZEOF_INT32_T 4
#define SIZEOF_LONG 4
#define SIZEOF_OFF_T 8
#define SIZEOF_SIZE_T 4
#define SIZEOF_SSIZE_T 4
#define LFS_ALIAS_BITS 32

#define PACKAGE_NAME "mpg123"
#define PACKAGE_VERSION "1.25.10"
#define VERSION "1.25.10"

/* wasi-libc makes lseek a macro, which breaks readers.c's `rdat->lseek(...)` member call. */
#include <unistd.h>
#undef lseek
