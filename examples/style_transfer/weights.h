/*
 * weights.h - normc weights files (format: docs/style_transfer.md): a list of
 * named f32 tensors, loaded into normrt tensors that the program binds to
 * kernel arguments of the same name.
 */
#ifndef NORMC_EXAMPLES_STYLE_TRANSFER_WEIGHTS_H_
#define NORMC_EXAMPLES_STYLE_TRANSFER_WEIGHTS_H_

#include <stddef.h>

#include "normrt_tensor.h"

typedef struct weights_t {
  size_t count;
  char **names;             /* owned */
  normrt_tensor_t *tensors; /* owned (normrt_tensor_create) */
} weights_t;

/* Loads `path` into `*out` (written only on success). On failure returns
 * nonzero and writes a message naming the file, the tensor and the byte
 * offset into `error` (`error_size` bytes). */
int weights_load(const char *path, weights_t *out, char *error, size_t error_size);

/* The tensor named `name`, or NULL. Borrowed from `w`. */
const normrt_tensor_t *weights_find(const weights_t *w, const char *name);

/* Frees everything `w` owns; safe on a zeroed weights_t. */
void weights_free(weights_t *w);

#endif /* NORMC_EXAMPLES_STYLE_TRANSFER_WEIGHTS_H_ */
