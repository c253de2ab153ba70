/*
 * MP3 -> min/max peaks inside WebAssembly, on libmpg123 (LGPL-2.1, built beside this
 * file into mpg123-peaks.wasm by scripts/build-mpg123-peaks.sh). Only the peaks cross
 * to JavaScript: PCM never leaves this module.
 *
 * It does only the work the peaks need: mpg123 mixes the channels to mono before the
 * hybrid filter bank and synthesis (MPG123_MONO_MIX, half of both), and synthesises at
 * 1/2 or 1/4 of the rate (MPG123_DOWN_SAMPLE: the subbands above the new Nyquist
 * get no hybrid filter bank, and only every 2nd/4th output sample is computed). At
 * 4:1 the synthesis is pruned further (synth_4to1_pruned): mpg123's generic 4:1 synth
 * runs the full 32-band DCT and then reads 9 of its 33 outputs, from 8 non-zero bands.
 *
 * The time base is kept exact: mpg123's own gapless trimming is off (at a reduced
 * rate it rounds the encoder delay to whole output samples), so output sample i is
 * raw decoded sample `factor * i` counted from the first frame fed, and the caller
 * says where that raw sample sits on the file's (gapless) timeline. Each output sample
 * goes into the bucket of its exact timeline position; a part decoded from the middle
 * of the file therefore fills the same buckets a whole decode does.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <math.h>
#include <wasm_simd128.h>
/* libmpg123's internals: the pruned 4:1 synthesis below works on the handle's synthesis state. */
#include "mpg123lib_intern.h"
#include "sample.h"

#define EXPORT(name) __attribute__((export_name(name)))
#define INPUT_BYTES (64 * 1024)

typedef struct {
  mpg123_handle *mh;
  int factor;
  int pruned;
  /* Full-rate sample rate of the stream, 0 until mpg123 has seen a frame. */
  int32_t rate;
  int32_t spp;
  /* Timeline position of the next raw sample, and the kept range [keep_from, keep_to). */
  int64_t next;
  int64_t keep_from, keep_to;
  /* Timeline position just past the last kept sample (the kept length is this minus keep_from). */
  int64_t kept_end;
  int64_t bucket;
  float bmin, bmax;
  int errors;
  int oom;
  int8_t *pairs;
  uint32_t count, cap;
  int64_t first_peak;
  unsigned char input[INPUT_BYTES];
} peaks_t;

static int mpg123_ready = 0;

/*
 * The 9 outputs of mpg123's dct64 that its 4:1 window reads (rows 0, 4, 8, 12, 16 of
 * out0 and 0, 4, 8, 12 of out1: synth.h with BLOCK 0x10 steps 4 rows per output
 * sample), as linear maps of the 8 bands below the 4:1 Nyquist. They are measured
 * from dct64 itself on unit inputs at start-up, so they are its own map (rounding
 * order aside), not a re-derivation.
 */
#define PRUNED_BANDS 8
static real pruned_map[9][PRUNED_BANDS];

static void measure_pruned_map(void) {
  static real in[SBLIMIT], out0[0x110], out1[0x110];
  for (int band = 0; band < PRUNED_BANDS; band++) {
    memset(in, 0, sizeof in);
    in[band] = 1;
    dct64(out0, out1, in);
    for (int r = 0; r < 5; r++) pruned_map[r][band] = out0[0x10 * 4 * r];
    for (int r = 0; r < 4; r++) pruned_map[5 + r][band] = out1[0x10 * 4 * r];
  }
}

static void pruned_dct(real *out0, real *out1, const real *bands) {
  for (int r = 0; r < 9; r++) {
    const real *m = pruned_map[r];
    real sum = 0;
    for (int b = 0; b < PRUNED_BANDS; b++) sum += m[b] * bands[b];
    if (r < 5) out0[0x10 * 4 * r] = sum;
    else out1[0x10 * 4 * (r - 5)] = sum;
  }
}

/*
 * mpg123's generic 4:1 float synthesis to mono (synth.h with BLOCK 0x10, autoincrement
 * variant, as synth_mono.h uses it for channel 0: same ring buffer, same window taps,
 * 8 output samples per call) with the DCT pruned to the rows it reads, and written
 * straight to the output instead of through a stereo block; the window's 16-tap sums
 * run 4 lanes at a time (the peaks equal mpg123's own 4:1 to a step: float order).
 * Bands from 8 up are zero at 4:1 for Layer III (its hybrid filter bank fills only
 * the bands below the down-sampling limit); if any is not (another layer), mpg123's
 * own synthesis runs instead.
 */
static func_synth_mono full_4to1_mono = NULL;

static inline real lanes_sum(v128_t v) {
  return wasm_f32x4_extract_lane(v, 0) + wasm_f32x4_extract_lane(v, 1) + wasm_f32x4_extract_lane(v, 2) + wasm_f32x4_extract_lane(v, 3);
}

static int synth_4to1_mono_pruned(real *bands, mpg123_handle *fr) {
  for (int b = PRUNED_BANDS; b < SBLIMIT; b++)
    if (bands[b] != 0) return full_4to1_mono(bands, fr);
  real *samples = (real *)(fr->buffer.data + fr->buffer.fill);
  fr->bo = (fr->bo - 1) & 0xf;
  real **buf = fr->real_buffs[0];
  real *b0;
  int bo1;
  if (fr->bo & 1) {
    b0 = buf[0];
    bo1 = fr->bo;
    pruned_dct(buf[1] + ((fr->bo + 1) & 0xf), buf[0] + fr->bo, bands);
  } else {
    b0 = buf[1];
    bo1 = fr->bo + 1;
    pruned_dct(buf[0] + fr->bo, buf[1] + fr->bo + 1, bands);
  }
  const real *window = fr->decwin + 16 - bo1;
  /* 16 taps as four 4-lane products (WebAssembly SIMD), summed across the lanes at the end. */
  const v128_t alternate = wasm_f32x4_make(1, -1, 1, -1), even = wasm_f32x4_make(1, 0, 1, 0);
  /* Rows 0, 4, 8, 12: alternating signs over the 16 taps. */
  for (int j = 0; j < 4; j++) {
    const real *w = window + 128 * j, *v = b0 + 64 * j;
    v128_t acc = wasm_f32x4_splat(0);
    for (int k = 0; k < 16; k += 4) acc = wasm_f32x4_add(acc, wasm_f32x4_mul(wasm_v128_load(w + k), wasm_v128_load(v + k)));
    acc = wasm_f32x4_mul(acc, alternate);
    *samples++ = ((real)1. / SHORT_SCALE) * lanes_sum(acc);
  }
  /* Row 16: the even taps. */
  {
    const real *w = window + 512, *v = b0 + 256;
    v128_t acc = wasm_f32x4_splat(0);
    for (int k = 0; k < 16; k += 4) acc = wasm_f32x4_add(acc, wasm_f32x4_mul(wasm_v128_load(w + k), wasm_v128_load(v + k)));
    acc = wasm_f32x4_mul(acc, even);
    *samples++ = ((real)1. / SHORT_SCALE) * lanes_sum(acc);
  }
  /* Rows 12, 8, 4, the window read backwards: w[-1-k] * v[k], i.e. w[-16..-1] against v reversed. */
  const real *back = window + 384 + 2 * bo1;
  for (int j = 0; j < 3; j++) {
    const real *w = back - 128 * j - 16, *v = b0 + 192 - 64 * j;
    v128_t acc = wasm_f32x4_splat(0);
    for (int k = 0; k < 16; k += 4) {
      v128_t taps = wasm_v128_load(v + 12 - k);
      taps = wasm_i32x4_shuffle(taps, taps, 3, 2, 1, 0);
      acc = wasm_f32x4_add(acc, wasm_f32x4_mul(wasm_v128_load(w + k), taps));
    }
    *samples++ = -((real)1. / SHORT_SCALE) * lanes_sum(acc);
  }
  fr->buffer.fill += 8 * sizeof(real);
  return 0;
}

static int8_t to_int8(float v) {
  /* Math.round(v * 127) clamped, as shared/audio/peak-accumulator.ts does it. */
  float scaled = floorf(v * 127.0f + 0.5f);
  return scaled > 127.0f ? 127 : scaled < -128.0f ? -128 : (int8_t)scaled;
}

static int push(peaks_t *p) {
  if (p->count == p->cap) {
    uint32_t cap = p->cap ? 2 * p->cap : 4096;
    int8_t *grown = realloc(p->pairs, 2 * (size_t)cap);
    if (!grown) return 0;
    p->pairs = grown;
    p->cap = cap;
  }
  p->pairs[2 * p->count] = to_int8(p->bmin);
  p->pairs[2 * p->count + 1] = to_int8(p->bmax);
  p->count++;
  return 1;
}

/*
 * factor: 1, 2 or 4; pruned: the pruned 4:1 synthesis (else mpg123's own). first_raw: timeline position of the first raw sample decoded.
 * keep_from/keep_to: the samples to fold (keep_to < 0: to the end).
 */
EXPORT("peaks_create")
peaks_t *peaks_create(int factor, int pruned, int32_t spp, double first_raw, double keep_from, double keep_to) {
  if (!mpg123_ready) {
    if (mpg123_init() != MPG123_OK) return NULL;
    measure_pruned_map();
    mpg123_ready = 1;
  }
  peaks_t *p = calloc(1, sizeof(peaks_t));
  if (!p) return NULL;
  int err = 0;
  p->mh = mpg123_new(NULL, &err);
  if (!p->mh) { free(p); return NULL; }
  p->factor = factor;
  p->pruned = pruned && factor == 4;
  p->spp = spp;
  p->next = (int64_t)first_raw;
  p->keep_from = (int64_t)keep_from;
  p->keep_to = keep_to < 0 ? INT64_MAX : (int64_t)keep_to;
  p->kept_end = p->keep_from;
  p->bucket = INT64_MIN;
  p->first_peak = -1;
  long down = factor == 4 ? 2 : factor == 2 ? 1 : 0;
  if (mpg123_param(p->mh, MPG123_FLAGS, MPG123_MONO_MIX | MPG123_FORCE_FLOAT | MPG123_QUIET, 0) != MPG123_OK
      || mpg123_param(p->mh, MPG123_DOWN_SAMPLE, down, 0) != MPG123_OK
      || mpg123_open_feed(p->mh) != MPG123_OK) {
    mpg123_delete(p->mh);
    free(p);
    return NULL;
  }
  return p;
}

EXPORT("peaks_input")
unsigned char *peaks_input(peaks_t *p) { return p->input; }

EXPORT("peaks_input_size")
int32_t peaks_input_size(void) { return INPUT_BYTES; }

static void fold(peaks_t *p, const float *s, size_t n) {
  const int64_t step = p->factor;
  int64_t t = p->next;
  p->next += (int64_t)n * step;
  if (t + (int64_t)n * step <= p->keep_from || t >= p->keep_to) return;
  size_t i = 0;
  if (t < p->keep_from) {
    i = (size_t)((p->keep_from - t + step - 1) / step);
    t += (int64_t)i * step;
  }
  const int64_t spp = p->spp;
  for (; i < n && t < p->keep_to;) {
    int64_t bucket = t / spp;
    if (bucket != p->bucket) {
      if (p->bucket != INT64_MIN && !push(p)) { p->oom = 1; return; }
      if (p->first_peak < 0) p->first_peak = bucket;
      p->bucket = bucket;
      p->bmin = INFINITY;
      p->bmax = -INFINITY;
    }
    /* The samples left in this bucket (and in the kept range and this block). */
    int64_t end = (bucket + 1) * spp;
    if (end > p->keep_to) end = p->keep_to;
    size_t stop = i + (size_t)((end - t + step - 1) / step);
    if (stop > n) stop = n;
    float mn = p->bmin, mx = p->bmax;
    for (size_t k = i; k < stop; k++) {
      float v = s[k];
      mn = v < mn ? v : mn;
      mx = v > mx ? v : mx;
    }
    p->bmin = mn;
    p->bmax = mx;
    t += (int64_t)(stop - i) * step;
    i = stop;
    p->kept_end = t < p->keep_to ? t : p->keep_to;
  }
}

/*
 * Decodes `length` bytes placed at peaks_input(). Returns 0, or -1 when a run of
 * errors without end ended this call (mpg123 skips a damaged frame and resyncs on its
 * own; mpg123-decoder gives up on a call's input the same way), or -2 when out of memory.
 */
EXPORT("peaks_feed")
int32_t peaks_feed(peaks_t *p, int32_t length) {
  if (length > 0 && mpg123_feed(p->mh, p->input, (size_t)length) != MPG123_OK) return -2;
  p->errors = 0;
  for (;;) {
    off_t num;
    unsigned char *audio;
    size_t bytes = 0;
    int code = mpg123_decode_frame(p->mh, &num, &audio, &bytes);
    if (code == MPG123_NEW_FORMAT) {
      long rate;
      int channels, encoding;
      mpg123_getformat(p->mh, &rate, &channels, &encoding);
      p->rate = (int32_t)(rate * p->factor);
      /*
       * mpg123 has just chosen its synths for the format (and checked they are ones it
       * knows, so the slot is taken over only now): every handle gets the same generic one.
       */
      if (p->pruned && channels == 1) {
        full_4to1_mono = p->mh->synth_mono;
        p->mh->synth_mono = synth_4to1_mono_pruned;
      }
      continue;
    }
    if (bytes > 0) fold(p, (const float *)audio, bytes / sizeof(float));
    if (p->oom) return -2;
    if (code == MPG123_OK) continue;
    if (code == MPG123_NEED_MORE || code == MPG123_DONE) return 0;
    if (++p->errors > 64) return -1;
  }
}

/* Closes the last, partial bucket once the input has ended. */
EXPORT("peaks_finish")
int32_t peaks_finish(peaks_t *p) {
  if (p->bucket != INT64_MIN && p->bmin <= p->bmax && !push(p)) return -2;
  p->bucket = INT64_MIN;
  return 0;
}

/* Pairs since the last peaks_take (min,max interleaved), then forgets them. */
EXPORT("peaks_pairs")
int8_t *peaks_pairs(peaks_t *p) { return p->pairs; }

EXPORT("peaks_count")
uint32_t peaks_count(peaks_t *p) { return p->count; }

/* Index on the whole file's timeline of the first pair not yet taken (-1 before any). */
EXPORT("peaks_first")
double peaks_first(peaks_t *p) { return (double)p->first_peak; }

EXPORT("peaks_take")
void peaks_take(peaks_t *p) {
  p->first_peak += p->count;
  p->count = 0;
}

EXPORT("peaks_rate")
int32_t peaks_rate(peaks_t *p) { return p->rate; }

/* Kept samples per channel at the full rate. */
EXPORT("peaks_samples")
double peaks_samples(peaks_t *p) { return (double)(p->kept_end - p->keep_from); }

EXPORT("peaks_free")
void peaks_free(peaks_t *p) {
  mpg123_delete(p->mh);
  free(p->pairs);
  free(p);
}
