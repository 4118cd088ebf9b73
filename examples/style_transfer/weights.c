/*
 * weights.c - reads normc weights files (docs/style_transfer.md). Every
 * field is checked against the bytes left, so a truncated or corrupt file
 * gives a message with its offset, never a crash or a huge allocation.
 */
#include "weights.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char kMagic[8] = {'N', 'O', 'R', 'M', 'C', 'W', '1', '\0'};

typedef struct reader_t {
  FILE *file;
  const char *path;
  long offset;
  char *error;
  size_t error_size;
} reader_t;

static int fail(reader_t *r, const char *fmt, ...) {
  int n = snprintf(r->error, r->error_size, "%s: offset %ld: ", r->path, r->offset);
  if (n > 0 && (size_t)n < r->error_size) {
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(r->error + n, r->error_size - (size_t)n, fmt, ap);
    va_end(ap);
  }
  return 1;
}

static int read_bytes(reader_t *r, void *dst, size_t n, const char *what) {
  if (fread(dst, 1, n, r->file) != n)
    return fail(r, "file ends inside %s", what);
  r->offset += (long)n;
  return 0;
}

/* Little-endian integers, whatever the host's byte order. */
static uint64_t le(const unsigned char *b, int n) {
  uint64_t v = 0;
  for (int i = n - 1; i >= 0; --i)
    v = (v << 8) | b[i];
  return v;
}

static int load_tensor(reader_t *r, weights_t *w, size_t index) {
  unsigned char b[8];
  if (read_bytes(r, b, 2, "a name length"))
    return 1;
  size_t name_len = (size_t)le(b, 2);
  if (name_len == 0)
    return fail(r, "tensor %zu has an empty name", index);
  char *name = malloc(name_len + 1);
  if (!name)
    return fail(r, "out of memory");
  w->names[index] = name;
  if (read_bytes(r, name, name_len, "a name"))
    return 1;
  name[name_len] = '\0';
  if (read_bytes(r, b, 2, "a dtype and rank"))
    return 1;
  if (b[0] != 0)
    return fail(r, "tensor '%s': dtype %d is not 0 (f32)", name, b[0]);
  int32_t rank = b[1];
  if (rank < 1 || rank > 8)
    return fail(r, "tensor '%s': rank %d is not in 1..8", name, (int)rank);
  int64_t shape[8];
  uint64_t numel = 1;
  for (int32_t d = 0; d < rank; ++d) {
    if (read_bytes(r, b, 8, "the extents"))
      return 1;
    shape[d] = (int64_t)le(b, 8);
    /* 2^31 elements is far beyond any model here and keeps numel * 4 exact. */
    if (shape[d] < 0 || (shape[d] && numel > (UINT64_C(1) << 31) / (uint64_t)shape[d]))
      return fail(r, "tensor '%s': extent %lld of dimension %d is negative or too large",
                  name, (long long)shape[d], (int)d);
    numel *= (uint64_t)shape[d];
  }
  if (normrt_tensor_create(&w->tensors[index], NORMRT_DTYPE_F32, rank, shape) !=
      NORMRT_STATUS_OK)
    return fail(r, "tensor '%s': %s", name, normrt_last_error());
  /* One read for the whole tensor, then decoded in place (a no-op copy on
   * little-endian hosts, but correct on any). */
  unsigned char *bytes = w->tensors[index].data;
  float *data = w->tensors[index].data;
  if (read_bytes(r, bytes, (size_t)numel * 4, name))
    return 1;
  for (uint64_t i = 0; i < numel; ++i) {
    uint32_t bits = (uint32_t)le(bytes + 4 * i, 4);
    memcpy(&data[i], &bits, 4);
  }
  return 0;
}

int weights_load(const char *path, weights_t *out, char *error, size_t error_size) {
  reader_t r = {fopen(path, "rb"), path, 0, error, error_size};
  if (!r.file) {
    snprintf(error, error_size, "%s: cannot open", path);
    return 1;
  }
  weights_t w = {0, NULL, NULL};
  unsigned char head[12];
  int failed = read_bytes(&r, head, 12, "the header");
  if (!failed && memcmp(head, kMagic, 8) != 0) {
    r.offset = 0;
    failed = fail(&r, "not a normc weights file (no NORMCW1 magic)");
  }
  if (!failed) {
    size_t count = (size_t)le(head + 8, 4);
    if (count > 65536) {
      failed = fail(&r, "%zu tensors is more than a weights file holds (65536)", count);
    } else {
      w.names = calloc(count ? count : 1, sizeof *w.names);
      w.tensors = calloc(count ? count : 1, sizeof *w.tensors);
      if (!w.names || !w.tensors)
        failed = fail(&r, "out of memory");
      for (size_t i = 0; !failed && i < count; ++i) {
        w.count = i + 1; /* what weights_free must release */
        failed = load_tensor(&r, &w, i);
      }
    }
  }
  if (!failed && fgetc(r.file) != EOF)
    failed = fail(&r, "unexpected bytes after the last tensor");
  fclose(r.file);
  if (failed) {
    weights_free(&w);
    return 1;
  }
  *out = w;
  return 0;
}

const normrt_tensor_t *weights_find(const weights_t *w, const char *name) {
  for (size_t i = 0; i < w->count; ++i)
    if (strcmp(w->names[i], name) == 0)
      return &w->tensors[i];
  return NULL;
}

void weights_free(weights_t *w) {
  for (size_t i = 0; i < w->count; ++i) {
    if (w->names)
      free(w->names[i]);
    if (w->tensors)
      normrt_tensor_free(&w->tensors[i]);
  }
  free(w->names);
  free(w->tensors);
  w->count = 0;
  w->names = NULL;
  w->tensors = NULL;
}
