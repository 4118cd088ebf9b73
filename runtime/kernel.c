/* kernel.c - validating calls into normc-generated Halide kernels. */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "internal/halide_bridge.h"
#include "internal/last_error.h"
#include "normrt_device.h"
#include "normrt_kernel.h"

static const char *kernel_name(const normrt_kernel_t *kernel) {
  return kernel->name != NULL ? kernel->name : "<unnamed>";
}

/* What normrt needs to know about a kernel after checking its metadata. */
typedef struct kernel_view_t {
  const struct halide_filter_metadata_t *metadata;
  int32_t num_metadata_args; /* scalars included */
  int32_t num_buffers;
  /* normc's table of the kernel's arguments (checked against the metadata
   * by load_kernel), or NULL for a kernel without one. */
  const normrt_kernel_info_t *info;
} kernel_view_t;

/*
 * Describes metadata argument `i`, which is buffer argument `position`:
 * Halide's metadata, with the name and static extents replaced by normc's
 * table where the kernel has one (Halide's names can carry a uniquifying
 * suffix, and its extents are only its buffer estimates).
 */
static void describe_arg(const kernel_view_t *view, int32_t i, int32_t position,
                         normrt_bridge_arg_t *arg) {
  int32_t d;
  normrt_bridge_describe_arg(view->metadata, i, arg);
  if (view->info == NULL ||
      (arg->kind != NORMRT_BRIDGE_ARG_INPUT && arg->kind != NORMRT_BRIDGE_ARG_OUTPUT))
    return;
  arg->name = view->info->args[position].name;
  for (d = 0; d < arg->rank && d < NORMRT_MAX_RANK; ++d)
    arg->static_extent[d] = view->info->args[position].extents[d];
}

/* Checks that normc's table describes the same buffers as the metadata: a
 * header from one normc build with a library from another would not. */
static normrt_status_t check_table(const normrt_kernel_t *kernel, kernel_view_t *view) {
  const normrt_kernel_info_t *info = kernel->info();
  int32_t i, position = 0;
  if (info == NULL || info->num_args != view->num_buffers ||
      (info->num_args > 0 && info->args == NULL)) {
    return normrt_internal_fail(
        NORMRT_STATUS_INVALID_ARGUMENT,
        "kernel '%s': normc's table lists %d arguments, the compiled kernel has %d "
        "(a header and a library from different builds?)",
        kernel_name(kernel), info ? (int)info->num_args : -1, (int)view->num_buffers);
  }
  for (i = 0; i < view->num_metadata_args; ++i) {
    normrt_bridge_arg_t arg;
    const normrt_arg_info_t *a;
    normrt_bridge_describe_arg(view->metadata, i, &arg);
    if (arg.kind != NORMRT_BRIDGE_ARG_INPUT && arg.kind != NORMRT_BRIDGE_ARG_OUTPUT)
      continue;
    a = &info->args[position++];
    if (a->name == NULL || a->rank != arg.rank || (a->rank > 0 && a->extents == NULL) ||
        a->is_output != (arg.kind == NORMRT_BRIDGE_ARG_OUTPUT) ||
        (arg.has_dtype && a->dtype != arg.dtype)) {
      return normrt_internal_fail(
          NORMRT_STATUS_INVALID_ARGUMENT,
          "kernel '%s': normc's table and the compiled kernel disagree about "
          "argument %d ('%s'; a header and a library from different builds?)",
          kernel_name(kernel), (int)(position - 1), a->name ? a->name : arg.name);
    }
  }
  view->info = info;
  return NORMRT_STATUS_OK;
}

/*
 * Fetches `kernel`'s metadata and checks that normrt can call it: every
 * argument is a buffer of rank <= NORMRT_MAX_RANK or the __user_context
 * handle, which must be present (it is how Halide errors reach normrt).
 * `fn` names the public entry point for messages about a NULL kernel.
 */
static normrt_status_t load_kernel(const normrt_kernel_t *kernel,
                                   const char *fn, kernel_view_t *view) {
  const char *why = "";
  int32_t i;
  int has_user_context = 0;

  if (kernel == NULL) {
    return normrt_internal_fail(NORMRT_STATUS_INVALID_ARGUMENT,
                                "%s: kernel is NULL", fn);
  }
  if (kernel->argv == NULL) {
    return normrt_internal_fail(NORMRT_STATUS_INVALID_ARGUMENT,
                                "kernel '%s' has no argv function",
                                kernel_name(kernel));
  }
  if (kernel->metadata == NULL) {
    return normrt_internal_fail(NORMRT_STATUS_INVALID_ARGUMENT,
                                "kernel '%s' has no metadata function",
                                kernel_name(kernel));
  }
  view->metadata = kernel->metadata();
  view->num_metadata_args =
      normrt_bridge_num_metadata_args(view->metadata, &why);
  if (view->num_metadata_args < 0) {
    return normrt_internal_fail(NORMRT_STATUS_INVALID_ARGUMENT,
                                "kernel '%s': %s", kernel_name(kernel), why);
  }
  view->num_buffers = 0;
  for (i = 0; i < view->num_metadata_args; ++i) {
    normrt_bridge_arg_t arg;
    normrt_bridge_describe_arg(view->metadata, i, &arg);
    switch (arg.kind) {
      case NORMRT_BRIDGE_ARG_USER_CONTEXT:
        if (has_user_context) {
          return normrt_internal_fail(
              NORMRT_STATUS_INVALID_ARGUMENT,
              "kernel '%s' lists __user_context more than once",
              kernel_name(kernel));
        }
        has_user_context = 1;
        break;
      case NORMRT_BRIDGE_ARG_SCALAR:
        return normrt_internal_fail(
            NORMRT_STATUS_INVALID_ARGUMENT,
            "kernel '%s' argument '%s' is a scalar parameter: kernel has "
            "scalar parameters, unsupported",
            kernel_name(kernel), arg.name);
      case NORMRT_BRIDGE_ARG_INPUT:
      case NORMRT_BRIDGE_ARG_OUTPUT:
        if (arg.rank < 0 || arg.rank > NORMRT_MAX_RANK) {
          return normrt_internal_fail(
              NORMRT_STATUS_INVALID_ARGUMENT,
              "kernel '%s' argument '%s' has rank %d; normrt supports at "
              "most %d",
              kernel_name(kernel), arg.name, (int)arg.rank, NORMRT_MAX_RANK);
        }
        ++view->num_buffers;
        break;
      case NORMRT_BRIDGE_ARG_UNKNOWN:
        return normrt_internal_fail(
            NORMRT_STATUS_INVALID_ARGUMENT,
            "kernel '%s' argument '%s' has an unknown argument kind",
            kernel_name(kernel), arg.name);
    }
  }
  if (view->num_buffers > NORMRT_MAX_KERNEL_ARGS) {
    return normrt_internal_fail(
        NORMRT_STATUS_INVALID_ARGUMENT,
        "kernel '%s' has %d buffer arguments; normrt supports at most %d",
        kernel_name(kernel), (int)view->num_buffers, NORMRT_MAX_KERNEL_ARGS);
  }
  if (!has_user_context) {
    return normrt_internal_fail(
        NORMRT_STATUS_INVALID_ARGUMENT,
        "kernel '%s' has no __user_context argument; it must be compiled "
        "with the Halide user_context target feature",
        kernel_name(kernel));
  }
  view->info = NULL;
  if (kernel->info != NULL) return check_table(kernel, view);
  return NORMRT_STATUS_OK;
}

int32_t normrt_kernel_num_args(const normrt_kernel_t *kernel) {
  kernel_view_t view = {NULL, 0, 0, NULL};
  if (load_kernel(kernel, "normrt_kernel_num_args", &view) !=
      NORMRT_STATUS_OK) {
    return -1;
  }
  return view.num_buffers;
}

normrt_status_t normrt_kernel_arg_info(const normrt_kernel_t *kernel,
                                       int32_t index, const char **name,
                                       int32_t *is_output,
                                       normrt_dtype_t *dtype, int32_t *rank) {
  kernel_view_t view = {NULL, 0, 0, NULL};
  normrt_status_t status;
  int32_t i, buffer_index = 0;

  status = load_kernel(kernel, "normrt_kernel_arg_info", &view);
  if (status != NORMRT_STATUS_OK) return status;
  if (index < 0 || index >= view.num_buffers) {
    return normrt_internal_fail(
        NORMRT_STATUS_NOT_FOUND,
        "kernel '%s' has no argument %d (it has %d buffer arguments)",
        kernel_name(kernel), (int)index, (int)view.num_buffers);
  }
  for (i = 0; i < view.num_metadata_args; ++i) {
    normrt_bridge_arg_t arg;
    normrt_bridge_describe_arg(view.metadata, i, &arg);
    if (arg.kind != NORMRT_BRIDGE_ARG_INPUT &&
        arg.kind != NORMRT_BRIDGE_ARG_OUTPUT) {
      continue;
    }
    if (buffer_index++ != index) continue;
    describe_arg(&view, i, index, &arg);
    if (!arg.has_dtype) {
      return normrt_internal_fail(
          NORMRT_STATUS_DTYPE_MISMATCH,
          "kernel '%s' argument '%s' has element type %s, which normrt does "
          "not support",
          kernel_name(kernel), arg.name, arg.type_name);
    }
    if (name != NULL) *name = arg.name;
    if (is_output != NULL) *is_output = arg.kind == NORMRT_BRIDGE_ARG_OUTPUT;
    if (dtype != NULL) *dtype = arg.dtype;
    if (rank != NULL) *rank = arg.rank;
    return NORMRT_STATUS_OK;
  }
  /* Unreachable: index < num_buffers. */
  return normrt_internal_fail(NORMRT_STATUS_NOT_FOUND,
                              "kernel '%s' has no argument %d",
                              kernel_name(kernel), (int)index);
}

static int fits_int32(int64_t v) { return v >= INT32_MIN && v <= INT32_MAX; }

/*
 * Checks tensor `t` (the caller's args[position]) against buffer argument
 * `arg` and translates it into `*out`. Order: presence, well-formedness,
 * dtype, rank, static extents, int32 range, innermost stride.
 */
static normrt_status_t check_tensor(const normrt_kernel_t *kernel,
                                    const normrt_bridge_arg_t *arg,
                                    int32_t position, const normrt_tensor_t *t,
                                    normrt_bridge_buffer_t *out) {
  const char *k = kernel_name(kernel);
  const char *a = arg->name;
  int32_t d;

  if (t == NULL) {
    return normrt_internal_fail(NORMRT_STATUS_INVALID_ARGUMENT,
                                "kernel '%s' argument '%s' (args[%d]): tensor "
                                "is NULL",
                                k, a, (int)position);
  }
  if (t->data == NULL) {
    return normrt_internal_fail(NORMRT_STATUS_INVALID_ARGUMENT,
                                "kernel '%s' argument '%s' (args[%d]): data "
                                "is NULL",
                                k, a, (int)position);
  }
  if ((int)t->dtype < (int)NORMRT_DTYPE_F32 ||
      (int)t->dtype > (int)NORMRT_DTYPE_U8) {
    return normrt_internal_fail(NORMRT_STATUS_INVALID_ARGUMENT,
                                "kernel '%s' argument '%s': invalid dtype %d",
                                k, a, (int)t->dtype);
  }
  if (t->rank < 0 || t->rank > NORMRT_MAX_RANK) {
    return normrt_internal_fail(NORMRT_STATUS_INVALID_ARGUMENT,
                                "kernel '%s' argument '%s': invalid rank %d", k,
                                a, (int)t->rank);
  }
  if (!arg->has_dtype || arg->dtype != t->dtype) {
    return normrt_internal_fail(
        NORMRT_STATUS_DTYPE_MISMATCH,
        "kernel '%s' argument '%s': expected %s, got %s", k, a, arg->type_name,
        normrt_dtype_name(t->dtype));
  }
  if (arg->rank != t->rank) {
    return normrt_internal_fail(
        NORMRT_STATUS_SHAPE_MISMATCH,
        "kernel '%s' argument '%s': expected rank %d, got %d", k, a,
        (int)arg->rank, (int)t->rank);
  }
  for (d = 0; d < t->rank; ++d) {
    if (t->shape[d] < 0) {
      return normrt_internal_fail(
          NORMRT_STATUS_INVALID_ARGUMENT,
          "kernel '%s' argument '%s' dim %d: negative extent %lld", k, a,
          (int)d, (long long)t->shape[d]);
    }
  }
  for (d = 0; d < t->rank; ++d) {
    if (arg->static_extent[d] >= 0 && arg->static_extent[d] != t->shape[d]) {
      return normrt_internal_fail(
          NORMRT_STATUS_SHAPE_MISMATCH,
          "kernel '%s' argument '%s' dim %d: expected extent %lld, got %lld", k,
          a, (int)d, (long long)arg->static_extent[d], (long long)t->shape[d]);
    }
  }
  out->host = t->data;
  out->rank = t->rank;
  for (d = 0; d < t->rank; ++d) {
    if (!fits_int32(t->shape[d])) {
      return normrt_internal_fail(
          NORMRT_STATUS_TOO_LARGE,
          "kernel '%s' argument '%s' dim %d: extent %lld does not fit in "
          "int32",
          k, a, (int)d, (long long)t->shape[d]);
    }
    out->extent[d] = (int32_t)t->shape[d];
  }
  for (d = 0; d < t->rank; ++d) {
    int64_t stride = t->strides[d];
    int innermost = d == t->rank - 1;
    if (t->shape[d] <= 1) {
      /* The stride of a dimension with at most one index never addresses
       * memory; pass one that satisfies the kernel's constraints. */
      out->stride[d] =
          innermost ? 1 : (fits_int32(stride) ? (int32_t)stride : 0);
      continue;
    }
    if (!fits_int32(stride)) {
      return normrt_internal_fail(
          NORMRT_STATUS_TOO_LARGE,
          "kernel '%s' argument '%s' dim %d: stride %lld does not fit in "
          "int32",
          k, a, (int)d, (long long)stride);
    }
    if (innermost && stride != 1) {
      return normrt_internal_fail(
          NORMRT_STATUS_INVALID_ARGUMENT,
          "kernel '%s' argument '%s' dim %d: innermost stride must be 1, got "
          "%lld",
          k, a, (int)d, (long long)stride);
    }
    out->stride[d] = (int32_t)stride;
  }
  return NORMRT_STATUS_OK;
}

/* What the whole-call checks need to know about buffer argument i (indexed
 * by metadata position, like `buffers`). */
typedef struct call_arg_t {
  const char *name;
  int32_t position; /* index into the caller's args */
  int is_output;
  size_t elem_size;
  const void *device; /* the device tensor, or NULL for host memory */
} call_arg_t;

#define NORMRT_MAX_TENSOR_BYTES 2147483647LL /* 2^31 - 1: 32-bit offsets */

static int is_empty(const normrt_bridge_buffer_t *b) {
  int32_t d;
  for (d = 0; d < b->rank; ++d)
    if (b->extent[d] == 0) return 1;
  return 0;
}

/*
 * The byte range [*lo, *hi) relative to the data pointer that `b` covers;
 * returns 0 when it is wider than NORMRT_MAX_TENSOR_BYTES. Extents and
 * strides are int32, so each term fits in int64; the running sums are
 * bounded by the check after each term.
 */
static int byte_range(const normrt_bridge_buffer_t *b, size_t elem_size, int64_t *lo,
                      int64_t *hi) {
  int64_t low = 0, high = 0;
  int32_t d;
  for (d = 0; d < b->rank; ++d) {
    int64_t term = (int64_t)(b->extent[d] - 1) * b->stride[d];
    if (term < 0) low += term; else high += term;
    if (high - low > NORMRT_MAX_TENSOR_BYTES) return 0;
  }
  *lo = low * (int64_t)elem_size;
  *hi = (high + 1) * (int64_t)elem_size;
  return *hi - *lo <= NORMRT_MAX_TENSOR_BYTES;
}

/* 1 when no two elements of `b` share an address: with the dims of extent
 * > 1 ordered by |stride|, each stride steps past everything the smaller
 * ones reach. (Sufficient, and exact for every nested layout.) */
static int elements_distinct(const normrt_bridge_buffer_t *b) {
  int64_t stride[NORMRT_MAX_RANK], extent[NORMRT_MAX_RANK], reach = 0;
  int32_t n = 0, d, k;
  for (d = 0; d < b->rank; ++d) {
    if (b->extent[d] <= 1) continue;
    stride[n] = b->stride[d] < 0 ? -(int64_t)b->stride[d] : b->stride[d];
    extent[n] = b->extent[d];
    for (k = n; k > 0 && stride[k - 1] > stride[k]; --k) {
      int64_t s = stride[k], e = extent[k];
      stride[k] = stride[k - 1]; extent[k] = extent[k - 1];
      stride[k - 1] = s; extent[k - 1] = e;
    }
    ++n;
  }
  for (k = 0; k < n; ++k) {
    if (stride[k] <= reach) return 0;
    reach += stride[k] * (extent[k] - 1);
  }
  return 1;
}

/* The status and message of a failed kernel run (the bounds query or the
 * call itself): Halide's first message, or its error code's name. */
static normrt_status_t kernel_failure(const normrt_kernel_t *kernel, int result,
                                      const char *message) {
  normrt_status_t status = normrt_bridge_status_for_error(result);
  const char *code_name;
  if (message[0] != '\0') {
    return normrt_internal_fail(status, "kernel '%s' failed: %s", kernel_name(kernel),
                                message);
  }
  code_name = normrt_bridge_error_name(result);
  return normrt_internal_fail(status, "kernel '%s' failed: Halide error %d (%s)",
                              kernel_name(kernel), result,
                              code_name != NULL ? code_name : "unknown");
}

/*
 * The checks that concern the whole call rather than one tensor, in this
 * order: size (NORMRT_STATUS_TOO_LARGE), overlapping memory
 * (NORMRT_STATUS_ALIASED), and the region the kernel would touch in each
 * tensor, from a bounds query (NORMRT_STATUS_SHAPE_MISMATCH); the last one
 * holds whatever checks the kernel was compiled with. When every output has
 * zero elements, *skip = 1 before the bounds query (nothing to compute, and
 * nothing is touched); an empty input that a non-empty output needs fails
 * the bounds query.
 */
static normrt_status_t check_call(const normrt_kernel_t *kernel, const kernel_view_t *view,
                                  const normrt_bridge_buffer_t *buffers,
                                  const call_arg_t *args, int *skip) {
  const char *k = kernel_name(kernel);
  int64_t lo[NORMRT_MAX_KERNEL_ARGS + 1], hi[NORMRT_MAX_KERNEL_ARGS + 1];
  int empty[NORMRT_MAX_KERNEL_ARGS + 1];
  normrt_bridge_region_t regions[NORMRT_MAX_KERNEL_ARGS + 1];
  char message[NORMRT_INTERNAL_ERROR_CAPACITY];
  int32_t i, j, d;
  int all_outputs_empty = 1, result;

  *skip = 0;
  for (i = 0; i < view->num_metadata_args; ++i) {
    if (args[i].name == NULL) continue; /* __user_context */
    empty[i] = is_empty(&buffers[i]);
    if (args[i].is_output && !empty[i]) all_outputs_empty = 0;
    if (!empty[i] && !byte_range(&buffers[i], args[i].elem_size, &lo[i], &hi[i])) {
      return normrt_internal_fail(
          NORMRT_STATUS_TOO_LARGE,
          "kernel '%s' argument '%s' (args[%d]) spans more than 2^31 - 1 bytes; "
          "normc's kernels address at most that much per tensor (32-bit offsets)",
          k, args[i].name, (int)args[i].position);
    }
  }
  for (i = 0; i < view->num_metadata_args; ++i) {
    if (args[i].name == NULL || !args[i].is_output || empty[i]) continue;
    if (args[i].device == NULL && !elements_distinct(&buffers[i])) {
      return normrt_internal_fail(
          NORMRT_STATUS_ALIASED,
          "kernel '%s' output '%s' (args[%d]): its strides map several elements to one "
          "address (a zero or overlapping stride)",
          k, args[i].name, (int)args[i].position);
    }
    for (j = 0; j < view->num_metadata_args; ++j) {
      int overlap;
      if (j == i || args[j].name == NULL || empty[j]) continue;
      if (args[i].device != NULL || args[j].device != NULL) {
        overlap = args[i].device == args[j].device;
      } else {
        /* Addresses of unrelated objects compare as integers. */
        const uintptr_t a = (uintptr_t)buffers[i].host, b = (uintptr_t)buffers[j].host;
        overlap = a + lo[i] < b + hi[j] && b + lo[j] < a + hi[i];
      }
      if (overlap) {
        return normrt_internal_fail(
            NORMRT_STATUS_ALIASED,
            "kernel '%s' output '%s' (args[%d]) overlaps %s '%s' (args[%d]) in memory; "
            "normc's kernels do not compute in place: give the output memory of its own",
            k, args[i].name, (int)args[i].position, args[j].is_output ? "output" : "argument",
            args[j].name, (int)args[j].position);
      }
    }
  }
  if (all_outputs_empty) {
    /* Nothing to compute. The bounds query cannot judge this call: over an
     * empty plane Halide's bounds still name one element of each input. */
    *skip = 1;
    return NORMRT_STATUS_OK;
  }
  result = normrt_bridge_bounds_query(kernel->argv, view->metadata, buffers,
                                      view->num_metadata_args, regions, message,
                                      sizeof(message));
  if (result != 0) return kernel_failure(kernel, result, message);
  for (i = 0; i < view->num_metadata_args; ++i) {
    if (args[i].name == NULL) continue;
    for (d = 0; d < buffers[i].rank; ++d) {
      int64_t min = regions[i].min[d], end = min + regions[i].extent[d];
      if (regions[i].extent[d] <= 0) continue;
      if (min < 0 || end > buffers[i].extent[d]) {
        return normrt_internal_fail(
            NORMRT_STATUS_SHAPE_MISMATCH,
            "kernel '%s' argument '%s' (args[%d]) dim %d: the kernel would %s indices "
            "%lld..%lld, the tensor has extent %d",
            k, args[i].name, (int)args[i].position, (int)d,
            args[i].is_output ? "write" : "read", (long long)min, (long long)(end - 1),
            (int)buffers[i].extent[d]);
      }
    }
  }
  return NORMRT_STATUS_OK;
}

/*
 * Validates and runs `kernel` on `num_args` arguments: host tensors
 * (`host_args`) or device tensors (`device_args`; exactly one is used).
 */
static normrt_status_t call_kernel(const normrt_kernel_t *kernel, const char *fn,
                                   const normrt_tensor_t *const *host_args,
                                   normrt_device_tensor_t *const *device_args,
                                   int32_t num_args) {
  kernel_view_t view = {NULL, 0, 0, NULL};
  normrt_bridge_buffer_t buffers[NORMRT_MAX_KERNEL_ARGS + 1];
  call_arg_t call_args[NORMRT_MAX_KERNEL_ARGS + 1];
  char message[NORMRT_INTERNAL_ERROR_CAPACITY];
  normrt_status_t status;
  int32_t i, position = 0;
  int result, skip = 0;
  const int on_device = device_args != NULL;

  status = load_kernel(kernel, fn, &view);
  if (status != NORMRT_STATUS_OK) return status;
  if (host_args == NULL && device_args == NULL && num_args != 0) {
    return normrt_internal_fail(NORMRT_STATUS_INVALID_ARGUMENT,
                                "kernel '%s': args is NULL",
                                kernel_name(kernel));
  }
  if (num_args != view.num_buffers) {
    return normrt_internal_fail(
        NORMRT_STATUS_INVALID_ARGUMENT,
        "kernel '%s' expects %d tensor arguments, got %d", kernel_name(kernel),
        (int)view.num_buffers, (int)num_args);
  }

  /* load_kernel bounded num_metadata_args by NORMRT_MAX_KERNEL_ARGS buffers
   * plus one __user_context, the only scalar it accepts, so `buffers` (indexed
   * by metadata position; the __user_context entry stays unused) is big
   * enough. */
  for (i = 0; i < view.num_metadata_args; ++i) {
    normrt_bridge_arg_t arg;
    normrt_bridge_describe_arg(view.metadata, i, &arg);
    call_args[i].name = NULL;
    if (arg.kind == NORMRT_BRIDGE_ARG_USER_CONTEXT) continue;
    describe_arg(&view, i, position, &arg);
    call_args[i].name = arg.name;
    call_args[i].position = position;
    call_args[i].is_output = arg.kind == NORMRT_BRIDGE_ARG_OUTPUT;
    call_args[i].elem_size = normrt_dtype_size(arg.dtype);
    call_args[i].device = on_device ? (const void *)device_args[position] : NULL;
    if (on_device) {
      /* A host-tensor view of the device tensor runs the same checks; its
       * data pointer is never dereferenced. */
      normrt_device_tensor_t *dt = device_args[position];
      normrt_tensor_t view_of_device;
      normrt_device_api_t api;
      normrt_dtype_t dtype;
      int32_t rank;
      int64_t shape[NORMRT_MAX_RANK];
      const char *kernel_api;
      if (dt == NULL) {
        return normrt_internal_fail(NORMRT_STATUS_INVALID_ARGUMENT,
                                    "kernel '%s' argument '%s' (args[%d]): device "
                                    "tensor is NULL",
                                    kernel_name(kernel), arg.name, (int)position);
      }
      (void)normrt_device_tensor_describe(dt, &api, &dtype, &rank, shape);
      kernel_api = normrt_bridge_kernel_device_api(view.metadata);
      if (kernel_api == NULL || strcmp(kernel_api, normrt_device_api_name(api)) != 0) {
        return normrt_internal_fail(
            NORMRT_STATUS_INCOMPATIBLE_DEVICE,
            "kernel '%s' argument '%s': the tensor is on %s, the kernel runs on %s",
            kernel_name(kernel), arg.name, normrt_device_api_name(api),
            kernel_api != NULL ? kernel_api : "the host (a CPU target)");
      }
      status = normrt_tensor_init(&view_of_device, dt, dtype, rank, shape, NULL);
      if (status != NORMRT_STATUS_OK) return status;
      status = check_tensor(kernel, &arg, position, &view_of_device, &buffers[i]);
      if (status != NORMRT_STATUS_OK) return status;
      buffers[i].host = NULL;
      buffers[i].device = dt;
    } else {
      status = check_tensor(kernel, &arg, position, host_args[position], &buffers[i]);
      if (status != NORMRT_STATUS_OK) return status;
      buffers[i].device = NULL;
    }
    ++position;
  }

  status = check_call(kernel, &view, buffers, call_args, &skip);
  if (status != NORMRT_STATUS_OK || skip) return status;

  result =
      normrt_bridge_invoke(kernel->argv, view.metadata, buffers,
                           view.num_metadata_args, message, sizeof(message));
  if (result == 0) return NORMRT_STATUS_OK;
  return kernel_failure(kernel, result, message);
}

normrt_status_t normrt_kernel_call(const normrt_kernel_t *kernel,
                                   const normrt_tensor_t *const *args,
                                   int32_t num_args) {
  return call_kernel(kernel, "normrt_kernel_call", args, NULL, num_args);
}

normrt_status_t normrt_kernel_call_device(const normrt_kernel_t *kernel,
                                          normrt_device_tensor_t *const *args,
                                          int32_t num_args) {
  return call_kernel(kernel, "normrt_kernel_call_device", NULL, args, num_args);
}

normrt_status_t normrt_set_num_threads(int32_t n) {
  if (n < 0) {
    return normrt_internal_fail(
        NORMRT_STATUS_INVALID_ARGUMENT,
        "normrt_set_num_threads: thread count %d is negative", (int)n);
  }
  normrt_bridge_set_num_threads(n);
  return NORMRT_STATUS_OK;
}

int32_t normrt_get_num_threads(void) { return normrt_bridge_get_num_threads(); }
