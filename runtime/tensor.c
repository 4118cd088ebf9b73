/* tensor.c - element types and borrowed tensor views. */
/* posix_memalign (normrt_tensor_create). */
#define _POSIX_C_SOURCE 200112L
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "internal/last_error.h"
#include "normrt_tensor.h"

static int dtype_is_valid(normrt_dtype_t dtype) {
  int value = (int)dtype;
  return value >= (int)NORMRT_DTYPE_F32 && value <= (int)NORMRT_DTYPE_U8;
}

size_t normrt_dtype_size(normrt_dtype_t dtype) {
  switch (dtype) {
    case NORMRT_DTYPE_F32:
      return 4;
    case NORMRT_DTYPE_F16:
      return 2;
    case NORMRT_DTYPE_BF16:
      return 2;
    case NORMRT_DTYPE_F64:
      return 8;
    case NORMRT_DTYPE_I32:
      return 4;
    case NORMRT_DTYPE_I8:
      return 1;
    case NORMRT_DTYPE_U8:
      return 1;
  }
  (void)normrt_internal_fail(NORMRT_STATUS_INVALID_ARGUMENT,
                             "normrt_dtype_size: invalid dtype %d", (int)dtype);
  return 0;
}

const char *normrt_dtype_name(normrt_dtype_t dtype) {
  switch (dtype) {
    case NORMRT_DTYPE_F32:
      return "f32";
    case NORMRT_DTYPE_F16:
      return "f16";
    case NORMRT_DTYPE_BF16:
      return "bf16";
    case NORMRT_DTYPE_F64:
      return "f64";
    case NORMRT_DTYPE_I32:
      return "i32";
    case NORMRT_DTYPE_I8:
      return "i8";
    case NORMRT_DTYPE_U8:
      return "u8";
  }
  (void)normrt_internal_fail(NORMRT_STATUS_INVALID_ARGUMENT,
                             "normrt_dtype_name: invalid dtype %d", (int)dtype);
  return "invalid dtype";
}

/* *product = a * b for non-negative operands; returns 0 on int64 overflow. */
static int checked_mul(int64_t a, int64_t b, int64_t *product) {
  if (a != 0 && b > INT64_MAX / a) return 0;
  *product = a * b;
  return 1;
}

normrt_status_t normrt_tensor_init(normrt_tensor_t *out, void *data,
                                   normrt_dtype_t dtype, int32_t rank,
                                   const int64_t *shape,
                                   const int64_t *strides) {
  normrt_tensor_t t;
  int64_t dense = 1;
  int32_t d;

  if (out == NULL) {
    return normrt_internal_fail(NORMRT_STATUS_INVALID_ARGUMENT,
                                "normrt_tensor_init: out is NULL");
  }
  if (data == NULL) {
    return normrt_internal_fail(NORMRT_STATUS_INVALID_ARGUMENT,
                                "normrt_tensor_init: data is NULL");
  }
  if (!dtype_is_valid(dtype)) {
    return normrt_internal_fail(NORMRT_STATUS_INVALID_ARGUMENT,
                                "normrt_tensor_init: invalid dtype %d",
                                (int)dtype);
  }
  if (rank < 0 || rank > NORMRT_MAX_RANK) {
    return normrt_internal_fail(NORMRT_STATUS_INVALID_ARGUMENT,
                                "normrt_tensor_init: rank %d is outside 0..%d",
                                (int)rank, NORMRT_MAX_RANK);
  }
  if (rank > 0 && shape == NULL) {
    return normrt_internal_fail(NORMRT_STATUS_INVALID_ARGUMENT,
                                "normrt_tensor_init: shape is NULL for rank %d",
                                (int)rank);
  }

  memset(&t, 0, sizeof(t));
  t.data = data;
  t.dtype = dtype;
  t.rank = rank;
  /* Walk innermost to outermost so the dense stride of dim d is the product
   * of the (at least 1) extents of dims d+1..rank-1. */
  for (d = rank - 1; d >= 0; --d) {
    if (shape[d] < 0) {
      return normrt_internal_fail(
          NORMRT_STATUS_INVALID_ARGUMENT,
          "normrt_tensor_init: dim %d has negative extent %lld", (int)d,
          (long long)shape[d]);
    }
    t.shape[d] = shape[d];
    t.strides[d] = strides != NULL ? strides[d] : dense;
    if (!checked_mul(dense, shape[d] > 0 ? shape[d] : 1, &dense)) {
      return normrt_internal_fail(
          NORMRT_STATUS_INVALID_ARGUMENT,
          "normrt_tensor_init: element count overflows int64 at dim %d",
          (int)d);
    }
  }
  *out = t;
  return NORMRT_STATUS_OK;
}

/* Checks the fields numel/is_contiguous rely on; sets the last error. */
static int tensor_is_well_formed(const normrt_tensor_t *tensor,
                                 const char *fn) {
  int32_t d;
  if (tensor == NULL) {
    (void)normrt_internal_fail(NORMRT_STATUS_INVALID_ARGUMENT,
                               "%s: tensor is NULL", fn);
    return 0;
  }
  if (tensor->rank < 0 || tensor->rank > NORMRT_MAX_RANK) {
    (void)normrt_internal_fail(NORMRT_STATUS_INVALID_ARGUMENT,
                               "%s: rank %d is outside 0..%d", fn,
                               (int)tensor->rank, NORMRT_MAX_RANK);
    return 0;
  }
  for (d = 0; d < tensor->rank; ++d) {
    if (tensor->shape[d] < 0) {
      (void)normrt_internal_fail(NORMRT_STATUS_INVALID_ARGUMENT,
                                 "%s: dim %d has negative extent %lld", fn,
                                 (int)d, (long long)tensor->shape[d]);
      return 0;
    }
  }
  return 1;
}

int64_t normrt_tensor_numel(const normrt_tensor_t *tensor) {
  int64_t n = 1;
  int32_t d;
  if (!tensor_is_well_formed(tensor, "normrt_tensor_numel")) return -1;
  for (d = 0; d < tensor->rank; ++d) {
    if (tensor->shape[d] == 0) return 0;
  }
  for (d = 0; d < tensor->rank; ++d) {
    if (!checked_mul(n, tensor->shape[d], &n)) {
      (void)normrt_internal_fail(
          NORMRT_STATUS_INVALID_ARGUMENT,
          "normrt_tensor_numel: element count overflows int64");
      return -1;
    }
  }
  return n;
}

int normrt_tensor_is_contiguous(const normrt_tensor_t *tensor) {
  int64_t expected = 1;
  int32_t d;
  if (!tensor_is_well_formed(tensor, "normrt_tensor_is_contiguous")) return 0;
  for (d = 0; d < tensor->rank; ++d) {
    if (tensor->shape[d] == 0) return 1;
  }
  for (d = tensor->rank - 1; d >= 0; --d) {
    if (tensor->shape[d] == 1) continue;
    if (tensor->strides[d] != expected) return 0;
    /* Cannot overflow without the tensor spanning more than 2^63 elements,
     * but stay defined anyway. */
    if (!checked_mul(expected, tensor->shape[d], &expected)) return 0;
  }
  return 1;
}

normrt_status_t normrt_tensor_create(normrt_tensor_t *out, normrt_dtype_t dtype,
                                     int32_t rank, const int64_t *shape) {
  normrt_tensor_t t;
  int64_t numel = 1, bytes = 0;
  int32_t d;
  void *data = NULL;
  /* Validate the description on a stand-in pointer first: the same checks
   * and messages as normrt_tensor_init, nothing allocated on failure. */
  static char probe;
  normrt_status_t status;
  if (out == NULL) {
    return normrt_internal_fail(NORMRT_STATUS_INVALID_ARGUMENT,
                                "normrt_tensor_create: out is NULL");
  }
  status = normrt_tensor_init(&t, &probe, dtype, rank, shape, NULL);
  if (status != NORMRT_STATUS_OK) return status;
  for (d = 0; d < rank; ++d) {
    if (!checked_mul(numel, shape[d], &numel)) {
      return normrt_internal_fail(NORMRT_STATUS_OUT_OF_MEMORY,
                                  "normrt_tensor_create: element count overflows int64");
    }
  }
  if (!checked_mul(numel, (int64_t)normrt_dtype_size(dtype), &bytes) ||
      (uint64_t)bytes > (uint64_t)SIZE_MAX - 64) {
    return normrt_internal_fail(NORMRT_STATUS_OUT_OF_MEMORY,
                                "normrt_tensor_create: %lld elements of %s do not fit in memory",
                                (long long)numel, normrt_dtype_name(dtype));
  }
  if (bytes == 0) bytes = 1;
  if (posix_memalign(&data, 64, (size_t)bytes) != 0 || data == NULL) {
    return normrt_internal_fail(NORMRT_STATUS_OUT_OF_MEMORY,
                                "normrt_tensor_create: cannot allocate %lld bytes",
                                (long long)bytes);
  }
  memset(data, 0, (size_t)bytes);
  t.data = data;
  t.owns_data = 1;
  *out = t;
  return NORMRT_STATUS_OK;
}

void normrt_tensor_free(normrt_tensor_t *tensor) {
  if (tensor == NULL || !tensor->owns_data) return;
  free(tensor->data);
  tensor->data = NULL;
  tensor->owns_data = 0;
}
