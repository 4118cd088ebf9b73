/*
 * internal/halide_bridge.h - the only door between normrt and Halide's
 * runtime ABI. halide_bridge.c is the only file that includes HalideRuntime.h;
 * this header exposes what kernel.c needs in Halide-free terms. Not public.
 *
 * Dimension order: everything here is in tensor (row-major, NCHW) order.
 * The bridge reverses it when talking to Halide, whose dimension 0 is the
 * innermost one.
 */
#ifndef NORMC_RUNTIME_INTERNAL_HALIDE_BRIDGE_H_
#define NORMC_RUNTIME_INTERNAL_HALIDE_BRIDGE_H_

#include <stddef.h>
#include <stdint.h>

#include "normrt_kernel.h"
#include "normrt_status.h"
#include "normrt_tensor.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Role of one entry of a kernel's metadata argument list. */
typedef enum normrt_bridge_arg_kind_t {
  NORMRT_BRIDGE_ARG_USER_CONTEXT, /* handle scalar named "__user_context" */
  NORMRT_BRIDGE_ARG_SCALAR,       /* any other scalar parameter */
  NORMRT_BRIDGE_ARG_INPUT,        /* input buffer */
  NORMRT_BRIDGE_ARG_OUTPUT,       /* output buffer */
  NORMRT_BRIDGE_ARG_UNKNOWN       /* a kind this Halide ABI does not define */
} normrt_bridge_arg_kind_t;

/* One metadata argument, translated. */
typedef struct normrt_bridge_arg_t {
  /* Argument name; owned by the kernel's static metadata, never NULL. */
  const char *name;
  normrt_bridge_arg_kind_t kind;
  /* Number of dimensions Halide expects (0 for scalars). */
  int32_t rank;
  /* 1 when the element type is a normrt_dtype_t (then `dtype` is set). */
  int has_dtype;
  normrt_dtype_t dtype;
  /* Element type for messages: the normrt name ("f32") when has_dtype,
   * Halide's spelling otherwise ("uint16", "handle64", "float32x4"). */
  char type_name[32];
  /* Static extent of each tensor dim (tensor order), or -1 when the kernel
   * accepts any extent there. Filled for rank <= NORMRT_MAX_RANK only. */
  int64_t static_extent[NORMRT_MAX_RANK];
} normrt_bridge_arg_t;

/*
 * Number of entries in `metadata`'s argument list, scalars included, or -1
 * when the record is unusable (NULL, unknown version, no argument array);
 * then `*why` receives a static description. `metadata` is borrowed.
 */
int32_t normrt_bridge_num_metadata_args(
    const struct halide_filter_metadata_t *metadata, const char **why);

/* Translates metadata argument `index` (0 <= index < the count above) into
 * `*out`, which the caller owns. `metadata` is borrowed. */
void normrt_bridge_describe_arg(const struct halide_filter_metadata_t *metadata,
                                int32_t index, normrt_bridge_arg_t *out);

/* A validated buffer argument, in tensor order, with Halide-sized fields. */
typedef struct normrt_bridge_buffer_t {
  void *host; /* borrowed from the caller's tensor; NULL for device tensors */
  /* The device tensor the argument lives in (borrowed), or NULL for host
   * data; its dirty bits are updated by the call. */
  struct normrt_device_tensor_t *device;
  int32_t rank;
  int32_t extent[NORMRT_MAX_RANK];
  int32_t stride[NORMRT_MAX_RANK]; /* in elements */
} normrt_bridge_buffer_t;

/*
 * Calls `argv` with one slot per metadata argument: a halide_buffer_t built
 * from `buffers[i]` for buffer arguments, a pointer to the per-call context
 * for __user_context. `buffers` has `num_metadata_args` entries (entries of
 * scalar arguments are ignored) and is borrowed. Installs normrt's Halide
 * error handler first (once per process). Returns Halide's result (0 on
 * success); on failure the first message Halide reported for this call,
 * without trailing newlines, is copied into `message` (capacity
 * `message_capacity`, owned by the caller), or "" when there was none.
 * Every scalar argument must be __user_context (the caller checks).
 */
int normrt_bridge_invoke(normrt_argv_fn argv,
                         const struct halide_filter_metadata_t *metadata,
                         const normrt_bridge_buffer_t *buffers,
                         int32_t num_metadata_args, char *message,
                         size_t message_capacity);

/* The user_context normrt passes to Halide: the error handler copies the
 * first message reported under it into `message`. */
/* The region of one buffer argument that a call would touch, in tensor
 * order, as reported by a bounds query. */
typedef struct normrt_bridge_region_t {
  int32_t rank;
  int32_t min[NORMRT_MAX_RANK];
  int32_t extent[NORMRT_MAX_RANK];
} normrt_bridge_region_t;

/*
 * Runs `argv` in Halide's bounds-query mode on the shapes of `buffers` (no
 * memory is touched: host and device are NULL), and stores into regions[i]
 * the region of buffer argument i that a real call would read or write.
 * Returns the kernel's result (0 or a halide_error_code_t), with Halide's
 * message in `message` as for normrt_bridge_invoke. This does not depend on
 * the kernel's own assertions, so it holds whatever the target's features.
 */
int normrt_bridge_bounds_query(normrt_argv_fn argv,
                               const struct halide_filter_metadata_t *metadata,
                               const normrt_bridge_buffer_t *buffers,
                               int32_t num_metadata_args,
                               normrt_bridge_region_t *regions, char *message,
                               size_t message_capacity);

typedef struct normrt_bridge_context_t {
  const void *tag;
  int claimed; /* set (atomically) by the first error message of the call */
  char *message;
  size_t capacity;
} normrt_bridge_context_t;

/* Prepares `ctx` for one operation (installing normrt's error handler once
 * per process), clears `message`, and returns the user_context to pass. */
void *normrt_bridge_context_init(normrt_bridge_context_t *ctx, char *message,
                                 size_t message_capacity);

/* "cuda" or "opencl" when the kernel of `metadata` was compiled for that
 * GPU API (read from its target string), NULL for CPU kernels. */
const char *normrt_bridge_kernel_device_api(const struct halide_filter_metadata_t *metadata);

/* Maps a nonzero Halide error code to the normrt status reported for it. */
normrt_status_t normrt_bridge_status_for_error(int halide_error);

/* Halide's name for `halide_error` without the halide_error_code_ prefix
 * (e.g. "access_out_of_bounds"), or NULL when normrt does not know it. */
const char *normrt_bridge_error_name(int halide_error);

/* halide_set_num_threads(n); n must be >= 0. */
void normrt_bridge_set_num_threads(int32_t n);
/* The effective worker count (normrt_get_num_threads). */
int32_t normrt_bridge_get_num_threads(void);

#ifdef __cplusplus
} /* extern "C" */
#endif

#endif /* NORMC_RUNTIME_INTERNAL_HALIDE_BRIDGE_H_ */
