/*
 * normrt_tensor.h - a borrowed, strided view of host memory that normc
 * kernels read and write.
 *
 * Shapes are in row-major (NCHW) order: dim 0 is the outermost dimension and
 * dim rank-1 the innermost, e.g. {N, C, H, W}. Strides are counted in
 * ELEMENTS, not bytes. A tensor never owns its data: it is a plain struct the
 * caller may keep on the stack, copy, or fill by hand.
 */
#ifndef NORMC_RUNTIME_NORMRT_TENSOR_H_
#define NORMC_RUNTIME_NORMRT_TENSOR_H_

#include <stddef.h>
#include <stdint.h>

#include "normrt_status.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Element types. Values are stable and part of the ABI. */
typedef enum normrt_dtype_t {
  NORMRT_DTYPE_F32 = 0,  /* IEEE binary32 ("f32"). */
  NORMRT_DTYPE_F16 = 1,  /* IEEE binary16 ("f16"). */
  NORMRT_DTYPE_BF16 = 2, /* bfloat16 ("bf16"). */
  NORMRT_DTYPE_F64 = 3,  /* IEEE binary64 ("f64"). */
  NORMRT_DTYPE_I32 = 4,  /* signed 32-bit integer ("i32"). */
  NORMRT_DTYPE_I8 = 5,   /* signed 8-bit integer ("i8"). */
  NORMRT_DTYPE_U8 = 6    /* unsigned 8-bit integer ("u8"). */
} normrt_dtype_t;

/* Size in bytes of one element of `dtype`; 0 (and the last error set) for a
 * value outside normrt_dtype_t. */
size_t normrt_dtype_size(normrt_dtype_t dtype);

/* Short name of `dtype` ("f32", "f16", "bf16", "f64", "i32", "i8", "u8");
 * "invalid dtype" (and the last error set) for a value outside
 * normrt_dtype_t. Never NULL; the string is a static constant. */
const char *normrt_dtype_name(normrt_dtype_t dtype);

/* Largest supported rank. */
#define NORMRT_MAX_RANK 8

typedef struct normrt_tensor_t {
  /* Address of element (0, ..., 0). Borrowed: the caller owns the memory and
   * must keep it alive and unmoved while any call uses the tensor. */
  void *data;
  /* Element type. */
  normrt_dtype_t dtype;
  /* Number of dimensions, 0..NORMRT_MAX_RANK; 0 is a scalar (one element). */
  int32_t rank;
  /* Extents, outermost first; entries at index >= rank are ignored. */
  int64_t shape[NORMRT_MAX_RANK];
  /* Element strides, outermost first; entries at index >= rank are ignored. */
  int64_t strides[NORMRT_MAX_RANK];
  /* 1 when `data` was allocated by normrt_tensor_create() and is released by
   * normrt_tensor_free(); 0 for views of the caller's memory. */
  int32_t owns_data;
} normrt_tensor_t;

/*
 * Fills `*out` with a view of `data`.
 *
 * `out` is written only on success (left untouched on error); the caller owns
 * it. `data` is borrowed, not copied: the caller keeps ownership and must keep
 * it valid for as long as the tensor is used; it must be non-NULL. `shape` is
 * read during the call only and must hold `rank` non-negative extents (it may
 * be NULL when rank is 0). `strides` is read during the call only; it holds
 * `rank` element strides, or is NULL to request dense row-major strides
 * (innermost stride 1, each outer stride the product of the inner extents,
 * where an extent of 0 counts as 1 so strides stay distinct).
 *
 * Entries of out->shape/out->strides at index >= rank are set to 0.
 *
 * Returns NORMRT_STATUS_OK, or NORMRT_STATUS_INVALID_ARGUMENT when out or data
 * is NULL, rank is outside 0..NORMRT_MAX_RANK, shape is NULL with rank > 0, an
 * extent is negative, dtype is not a normrt_dtype_t value, or the element
 * count or a dense stride overflows int64_t.
 */
normrt_status_t normrt_tensor_init(normrt_tensor_t *out, void *data,
                                   normrt_dtype_t dtype, int32_t rank,
                                   const int64_t *shape,
                                   const int64_t *strides);

/*
 * Allocates a dense row-major tensor of `dtype` and `shape` (rank extents,
 * read during the call; NULL for rank 0), its data aligned to 64 bytes (a
 * cache line, the widest vector) and zero-filled, and fills `*out` (written
 * only on success) with owns_data = 1. Release it with normrt_tensor_free().
 * A tensor with no elements still gets a (one-byte) allocation, so `data` is
 * never NULL. Returns INVALID_ARGUMENT as normrt_tensor_init() does, or
 * OUT_OF_MEMORY when the allocation fails or its byte size overflows.
 */
normrt_status_t normrt_tensor_create(normrt_tensor_t *out, normrt_dtype_t dtype,
                                     int32_t rank, const int64_t *shape);

/*
 * Frees the data of a tensor from normrt_tensor_create() and sets `data` to
 * NULL and owns_data to 0; does nothing for NULL or for a view
 * (owns_data == 0), so it is safe on any tensor. Never fails.
 */
void normrt_tensor_free(normrt_tensor_t *tensor);

/*
 * Number of elements: the product of the extents (1 for rank 0, 0 when any
 * extent is 0). Returns -1 (and sets the last error) when `tensor` is NULL,
 * its rank is outside 0..NORMRT_MAX_RANK, an extent is negative, or the
 * product overflows int64_t. `tensor` is borrowed for the call.
 */
int64_t normrt_tensor_numel(const normrt_tensor_t *tensor);

/*
 * Returns 1 when the tensor's elements occupy one dense row-major block
 * (strides equal those normrt_tensor_init computes for strides == NULL,
 * ignoring dimensions of extent 1; a tensor with no elements counts as
 * contiguous), else 0. Returns 0 and sets the last error when `tensor` is
 * NULL or malformed (bad rank, negative extent). `tensor` is borrowed for the
 * call.
 */
int normrt_tensor_is_contiguous(const normrt_tensor_t *tensor);

#ifdef __cplusplus
} /* extern "C" */
#endif

#endif /* NORMC_RUNTIME_NORMRT_TENSOR_H_ */
