/*
 * internal/halide_bridge.c - everything that depends on Halide's runtime ABI:
 * reading halide_filter_metadata_t, building halide_buffer_t, the argv calling
 * convention, the error handler, and error codes. It and halide_device.c
 * (device tensors) are the only normrt files that include HalideRuntime.h.
 *
 * Halide's argv convention (CodeGen_LLVM::add_argv_wrapper): args[i] belongs
 * to metadata argument i; a buffer slot holds the halide_buffer_t * itself, a
 * scalar slot holds a pointer to the scalar's value. With the user_context
 * target feature the metadata lists a handle scalar "__user_context", so its
 * slot holds a pointer to a `void *` that holds the context.
 */
#include "internal/halide_bridge.h"

#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include "HalideRuntime.h"
#include "internal/device_tensor.h"

/* ---------------------------------------------------------------- metadata */

int32_t normrt_bridge_num_metadata_args(
    const struct halide_filter_metadata_t *metadata, const char **why) {
  if (metadata == NULL) {
    *why = "metadata function returned NULL";
    return -1;
  }
  /* Version 1 is the only layout of halide_filter_argument_t that carries
   * buffer_estimates; version 0 used halide_filter_argument_t_v0. */
  if (metadata->version != 1) {
    *why = "unsupported Halide metadata version (expected 1)";
    return -1;
  }
  if (metadata->num_arguments < 0 ||
      (metadata->num_arguments > 0 && metadata->arguments == NULL)) {
    *why = "metadata has no argument list";
    return -1;
  }
  return metadata->num_arguments;
}

/* Maps a Halide scalar type to a normrt dtype; returns 0 when there is none. */
static int dtype_for_type(struct halide_type_t type, normrt_dtype_t *dtype) {
  normrt_dtype_t found;
  if (type.lanes != 1) return 0;
  if (type.code == halide_type_float && type.bits == 32) {
    found = NORMRT_DTYPE_F32;
  } else if (type.code == halide_type_float && type.bits == 16) {
    found = NORMRT_DTYPE_F16;
  } else if (type.code == halide_type_bfloat && type.bits == 16) {
    found = NORMRT_DTYPE_BF16;
  } else if (type.code == halide_type_float && type.bits == 64) {
    found = NORMRT_DTYPE_F64;
  } else if (type.code == halide_type_int && type.bits == 32) {
    found = NORMRT_DTYPE_I32;
  } else if (type.code == halide_type_int && type.bits == 8) {
    found = NORMRT_DTYPE_I8;
  } else if (type.code == halide_type_uint && type.bits == 8) {
    found = NORMRT_DTYPE_U8;
  } else {
    return 0;
  }
  *dtype = found;
  return 1;
}

/* Halide's spelling of a type: "uint16", or "float32x4" for vectors. */
static void format_halide_type(struct halide_type_t type, char *out,
                               size_t capacity) {
  const char *code = "unknown";
  switch (type.code) {
    case halide_type_int:
      code = "int";
      break;
    case halide_type_uint:
      code = "uint";
      break;
    case halide_type_float:
      code = "float";
      break;
    case halide_type_handle:
      code = "handle";
      break;
    case halide_type_bfloat:
      code = "bfloat";
      break;
    default:
      break;
  }
  if (type.lanes == 1) {
    (void)snprintf(out, capacity, "%s%u", code, (unsigned)type.bits);
  } else {
    (void)snprintf(out, capacity, "%s%ux%u", code, (unsigned)type.bits,
                   (unsigned)type.lanes);
  }
}

void normrt_bridge_describe_arg(const struct halide_filter_metadata_t *metadata,
                                int32_t index, normrt_bridge_arg_t *out) {
  const struct halide_filter_argument_t *arg = &metadata->arguments[index];
  int32_t d;

  memset(out, 0, sizeof(*out));
  out->name = arg->name != NULL ? arg->name : "<unnamed>";
  out->rank = arg->dimensions;
  switch (arg->kind) {
    case halide_argument_kind_input_scalar:
      out->kind = (arg->type.code == halide_type_handle &&
                   strcmp(out->name, "__user_context") == 0)
                      ? NORMRT_BRIDGE_ARG_USER_CONTEXT
                      : NORMRT_BRIDGE_ARG_SCALAR;
      break;
    case halide_argument_kind_input_buffer:
      out->kind = NORMRT_BRIDGE_ARG_INPUT;
      break;
    case halide_argument_kind_output_buffer:
      out->kind = NORMRT_BRIDGE_ARG_OUTPUT;
      break;
    default:
      out->kind = NORMRT_BRIDGE_ARG_UNKNOWN;
      break;
  }
  out->has_dtype = dtype_for_type(arg->type, &out->dtype);
  if (out->has_dtype) {
    (void)snprintf(out->type_name, sizeof(out->type_name), "%s",
                   normrt_dtype_name(out->dtype));
  } else {
    format_halide_type(arg->type, out->type_name, sizeof(out->type_name));
  }

  for (d = 0; d < NORMRT_MAX_RANK; ++d) out->static_extent[d] = -1;
  if (arg->buffer_estimates == NULL || out->rank < 0 ||
      out->rank > NORMRT_MAX_RANK) {
    return;
  }
  /* buffer_estimates holds (min, extent) pointers per Halide dimension;
   * Halide dim hd is tensor dim rank-1-hd. normc sets an extent estimate
   * exactly for the dimensions that are static in the kernel. */
  for (d = 0; d < out->rank; ++d) {
    const int64_t *extent = arg->buffer_estimates[2 * d + 1];
    if (extent != NULL) out->static_extent[out->rank - 1 - d] = *extent;
  }
}

/* ----------------------------------------------------------- error handler */

/* Per-call context passed to the kernel as user_context. `tag` tells the
 * process-wide handler that a user_context is one of ours. */
typedef normrt_bridge_context_t normrt_call_context_t;

static const char g_context_tag = 0;
static pthread_once_t g_install_once = PTHREAD_ONCE_INIT;
/* Written once under g_install_once, before normrt's first kernel call. */
static halide_error_handler_t g_previous_handler = NULL;

static void copy_message(char *dst, size_t capacity, const char *src) {
  /* normc's shape requirements carry their own explanation; Halide prefixes
   * them with the (already simplified) condition, which only adds noise. */
  static const char kRequirementPrefix[] = "Requirement Failed: (false) ";
  size_t n;
  if (capacity == 0) return;
  if (src == NULL) src = "";
  if (strncmp(src, kRequirementPrefix, sizeof(kRequirementPrefix) - 1) == 0)
    src += sizeof(kRequirementPrefix) - 1;
  n = strlen(src);
  while (n > 0 && (src[n - 1] == '\n' || src[n - 1] == '\r')) --n;
  if (n >= capacity) n = capacity - 1;
  memcpy(dst, src, n);
  dst[n] = '\0';
}

/*
 * Halide calls this on any thread of the pipeline (thread pool included) with
 * the user_context of the failing call. For normrt calls the first message is
 * kept and nothing is printed; the error code the pipeline returns does the
 * rest. Errors of Halide code that does not go through normrt (another
 * user_context) are forwarded to the handler that was installed before.
 * Recognising our contexts reads the first pointer-sized field behind a
 * non-NULL user_context, so foreign contexts must point at readable memory
 * of at least that size (any struct or object does).
 */
static void normrt_halide_error_handler(void *user_context, const char *msg) {
  normrt_call_context_t *ctx = (normrt_call_context_t *)user_context;
  halide_error_handler_t previous;
  if (ctx != NULL && ctx->tag == &g_context_tag) {
    if (__atomic_exchange_n(&ctx->claimed, 1, __ATOMIC_ACQ_REL) == 0) {
      copy_message(ctx->message, ctx->capacity, msg);
    }
    return;
  }
  previous = __atomic_load_n(&g_previous_handler, __ATOMIC_ACQUIRE);
  if (previous != NULL && previous != normrt_halide_error_handler) {
    previous(user_context, msg);
  }
}

static void install_error_handler(void) {
  halide_error_handler_t previous =
      halide_set_error_handler(normrt_halide_error_handler);
  __atomic_store_n(&g_previous_handler, previous, __ATOMIC_RELEASE);
}

void *normrt_bridge_context_init(normrt_bridge_context_t *ctx, char *message,
                                 size_t message_capacity) {
  (void)pthread_once(&g_install_once, install_error_handler);
  if (message_capacity > 0) message[0] = '\0';
  ctx->tag = &g_context_tag;
  ctx->claimed = 0;
  ctx->message = message;
  ctx->capacity = message_capacity;
  return ctx;
}

/* True when dash-separated `target` contains the word `word`. */
static int target_has_word(const char *target, const char *word) {
  size_t n = strlen(word);
  const char *p = target;
  while (p != NULL && *p != '\0') {
    const char *end = strchr(p, '-');
    size_t len = end ? (size_t)(end - p) : strlen(p);
    if (len == n && strncmp(p, word, n) == 0) return 1;
    p = end ? end + 1 : NULL;
  }
  return 0;
}

const char *normrt_bridge_kernel_device_api(const struct halide_filter_metadata_t *metadata) {
  if (metadata == NULL || metadata->target == NULL) return NULL;
  if (target_has_word(metadata->target, "cuda")) return "cuda";
  if (target_has_word(metadata->target, "opencl")) return "opencl";
  return NULL;
}

/* ------------------------------------------------------------------ invoke */

/* The halide_buffer_t array, dims and argv slots of one call. Everything
 * lives on the caller's stack: ranks and argument counts are bounded. */
typedef struct call_frame_t {
  halide_buffer_t buffers[NORMRT_MAX_KERNEL_ARGS + 1];
  halide_dimension_t dims[NORMRT_MAX_KERNEL_ARGS + 1][NORMRT_MAX_RANK];
  void *slots[NORMRT_MAX_KERNEL_ARGS + 1];
  normrt_call_context_t ctx;
  void *ctx_handle;
} call_frame_t;

/*
 * Fills `frame` for a call of the kernel described by `metadata` on
 * `buffers`: with their memory, or with none (`with_memory` 0: Halide's
 * bounds-query mode, host NULL and no device). Returns 0, or Halide's
 * internal-error code for an argument count normrt cannot hold.
 */
static int fill_frame(call_frame_t *frame, const struct halide_filter_metadata_t *metadata,
                      const normrt_bridge_buffer_t *buffers, int32_t num_metadata_args,
                      int with_memory, char *message, size_t message_capacity) {
  int32_t i, d;
  if (message_capacity > 0) message[0] = '\0';
  if (num_metadata_args < 0 || num_metadata_args > NORMRT_MAX_KERNEL_ARGS + 1) {
    return halide_error_code_internal_error;
  }
  (void)pthread_once(&g_install_once, install_error_handler);
  frame->ctx.tag = &g_context_tag;
  frame->ctx.claimed = 0;
  frame->ctx.message = message;
  frame->ctx.capacity = message_capacity;
  frame->ctx_handle = &frame->ctx;

  for (i = 0; i < num_metadata_args; ++i) {
    const struct halide_filter_argument_t *arg = &metadata->arguments[i];
    const normrt_bridge_buffer_t *src = &buffers[i];
    halide_buffer_t *buf = &frame->buffers[i];
    if (arg->kind == halide_argument_kind_input_scalar) {
      /* Only __user_context gets here: its slot points at the handle. */
      frame->slots[i] = &frame->ctx_handle;
      continue;
    }
    memset(buf, 0, sizeof(*buf));
    buf->type = arg->type;
    if (!with_memory) {
      /* host NULL, device 0: the bounds-query mode. */
    } else if (src->device != NULL) {
      /* A device tensor: its allocation, its dirty bits; no host copy. */
      buf->device = src->device->buf.device;
      buf->device_interface = src->device->buf.device_interface;
      buf->flags = src->device->buf.flags;
    } else {
      buf->host = (uint8_t *)src->host;
      /* Host data is current: a GPU kernel copies it to the device (it
       * copies only host_dirty buffers); CPU kernels ignore the flag.
       * Outputs are not marked: their host memory would be uploaded for
       * nothing. */
      if (arg->kind == halide_argument_kind_input_buffer)
        buf->flags = halide_buffer_flag_host_dirty;
    }
    buf->dimensions = src->rank;
    buf->dim = frame->dims[i];
    for (d = 0; d < src->rank; ++d) {
      /* Halide dim d is tensor dim rank-1-d. */
      halide_dimension_t *hd = &frame->dims[i][d];
      hd->min = 0;
      hd->extent = src->extent[src->rank - 1 - d];
      hd->stride = src->stride[src->rank - 1 - d];
      hd->flags = 0;
    }
    frame->slots[i] = buf;
  }
  return 0;
}

int normrt_bridge_invoke(normrt_argv_fn argv,
                         const struct halide_filter_metadata_t *metadata,
                         const normrt_bridge_buffer_t *buffers,
                         int32_t num_metadata_args, char *message,
                         size_t message_capacity) {
  call_frame_t frame;
  halide_buffer_t *halide_buffers = frame.buffers;
  void *ctx_handle;
  int32_t i;
  int result = fill_frame(&frame, metadata, buffers, num_metadata_args, 1, message,
                          message_capacity);
  if (result != 0) return result;
  ctx_handle = frame.ctx_handle;

  result = argv(frame.slots);
  /* The pipeline has joined its workers before returning, so any message
   * they stored is visible here. */
  if (result == 0 && message_capacity > 0) message[0] = '\0';
  /* Host tensors given to a GPU kernel: results back to the host, and the
   * device copies Halide made freed (the caller's tensors own no device
   * memory). Device tensors keep their allocation and dirty bits. */
  for (i = 0; i < num_metadata_args; ++i) {
    halide_buffer_t *buf = &halide_buffers[i];
    if (metadata->arguments[i].kind == halide_argument_kind_input_scalar) continue;
    if (buffers[i].device != NULL) {
      /* Only outputs change: inputs are read, and concurrent calls may read
       * the same tensor. */
      if (result == 0 && metadata->arguments[i].kind == halide_argument_kind_output_buffer)
        buffers[i].device->buf.flags = buf->flags;
      continue;
    }
    if (buf->device == 0) continue;
    if (result == 0 && (buf->flags & halide_buffer_flag_device_dirty)) {
      int copied = halide_copy_to_host(ctx_handle, buf);
      if (copied != 0) result = copied;
    }
    (void)halide_device_free(ctx_handle, buf);
  }
  return result;
}

/* ------------------------------------------------------------ bounds query */

int normrt_bridge_bounds_query(normrt_argv_fn argv,
                               const struct halide_filter_metadata_t *metadata,
                               const normrt_bridge_buffer_t *buffers,
                               int32_t num_metadata_args,
                               normrt_bridge_region_t *regions, char *message,
                               size_t message_capacity) {
  /* The caller's shapes with neither host nor device memory: Halide's
   * bounds-query mode, in which the pipeline only writes, into each buffer,
   * the region of it that the call would touch. */
  call_frame_t frame;
  int32_t i, d;
  int result = fill_frame(&frame, metadata, buffers, num_metadata_args, 0, message,
                          message_capacity);
  if (result != 0) return result;
  result = argv(frame.slots);
  if (result == 0 && message_capacity > 0) message[0] = '\0';
  for (i = 0; i < num_metadata_args; ++i) {
    if (metadata->arguments[i].kind == halide_argument_kind_input_scalar) continue;
    regions[i].rank = buffers[i].rank;
    for (d = 0; d < buffers[i].rank; ++d) {
      /* Back to tensor order. */
      regions[i].min[buffers[i].rank - 1 - d] = frame.dims[i][d].min;
      regions[i].extent[buffers[i].rank - 1 - d] = frame.dims[i][d].extent;
    }
  }
  return result;
}

/* ------------------------------------------------------------ error codes */

normrt_status_t normrt_bridge_status_for_error(int halide_error) {
  switch (halide_error) {
    case halide_error_code_requirement_failed:
    case halide_error_code_constraint_violated:
    case halide_error_code_access_out_of_bounds:
    case halide_error_code_explicit_bounds_too_small:
    case halide_error_code_buffer_extents_negative:
    case halide_error_code_bad_dimensions:
    case halide_error_code_constraints_make_required_region_smaller:
      return NORMRT_STATUS_SHAPE_MISMATCH;
    case halide_error_code_bad_type:
      return NORMRT_STATUS_DTYPE_MISMATCH;
    case halide_error_code_out_of_memory:
      return NORMRT_STATUS_OUT_OF_MEMORY;
    case halide_error_code_buffer_allocation_too_large:
    case halide_error_code_buffer_extents_too_large:
      return NORMRT_STATUS_TOO_LARGE;
    case halide_error_code_buffer_argument_is_null:
      return NORMRT_STATUS_INVALID_ARGUMENT;
    case halide_error_code_incompatible_device_interface:
      return NORMRT_STATUS_INCOMPATIBLE_DEVICE;
    case halide_error_code_copy_to_device_failed:
    case halide_error_code_copy_to_host_failed:
    case halide_error_code_device_malloc_failed:
    case halide_error_code_device_sync_failed:
    case halide_error_code_device_free_failed:
    case halide_error_code_no_device_interface:
    case halide_error_code_device_run_failed:
    case halide_error_code_device_interface_no_device:
    case halide_error_code_device_buffer_copy_failed:
      return NORMRT_STATUS_DEVICE_ERROR;
    default:
      return NORMRT_STATUS_KERNEL_FAILED;
  }
}

const char *normrt_bridge_error_name(int halide_error) {
#define NORMRT_HALIDE_CODE(name) \
  case halide_error_code_##name: \
    return #name;
  switch (halide_error) {
    NORMRT_HALIDE_CODE(generic_error)
    NORMRT_HALIDE_CODE(explicit_bounds_too_small)
    NORMRT_HALIDE_CODE(bad_type)
    NORMRT_HALIDE_CODE(access_out_of_bounds)
    NORMRT_HALIDE_CODE(buffer_allocation_too_large)
    NORMRT_HALIDE_CODE(buffer_extents_too_large)
    NORMRT_HALIDE_CODE(constraints_make_required_region_smaller)
    NORMRT_HALIDE_CODE(constraint_violated)
    NORMRT_HALIDE_CODE(param_too_small)
    NORMRT_HALIDE_CODE(param_too_large)
    NORMRT_HALIDE_CODE(out_of_memory)
    NORMRT_HALIDE_CODE(buffer_argument_is_null)
    NORMRT_HALIDE_CODE(debug_to_file_failed)
    NORMRT_HALIDE_CODE(copy_to_host_failed)
    NORMRT_HALIDE_CODE(copy_to_device_failed)
    NORMRT_HALIDE_CODE(device_malloc_failed)
    NORMRT_HALIDE_CODE(device_sync_failed)
    NORMRT_HALIDE_CODE(device_free_failed)
    NORMRT_HALIDE_CODE(no_device_interface)
    NORMRT_HALIDE_CODE(internal_error)
    NORMRT_HALIDE_CODE(device_run_failed)
    NORMRT_HALIDE_CODE(unaligned_host_ptr)
    NORMRT_HALIDE_CODE(bad_fold)
    NORMRT_HALIDE_CODE(fold_factor_too_small)
    NORMRT_HALIDE_CODE(requirement_failed)
    NORMRT_HALIDE_CODE(buffer_extents_negative)
    NORMRT_HALIDE_CODE(specialize_fail)
    NORMRT_HALIDE_CODE(host_is_null)
    NORMRT_HALIDE_CODE(buffer_is_null)
    NORMRT_HALIDE_CODE(bad_dimensions)
    NORMRT_HALIDE_CODE(storage_bound_too_small)
    NORMRT_HALIDE_CODE(device_interface_no_device)
    NORMRT_HALIDE_CODE(host_and_device_dirty)
    NORMRT_HALIDE_CODE(device_buffer_copy_failed)
    NORMRT_HALIDE_CODE(incompatible_device_interface)
    default:
      return NULL;
  }
#undef NORMRT_HALIDE_CODE
}

/* ---------------------------------------------------------------- threads */

/*
 * One thread means one thread: the parallel loops of every kernel run on the
 * calling thread. Halide's pool does not shrink that far once it is running
 * (halide_set_num_threads(1) after the first call left process CPU time /
 * wall time at ~1.97 on 2 cores), so with n == 1 Halide's do_par_for is
 * replaced by this serial loop, and the pool's workers go to sleep for lack
 * of work. Any other n gives the loops back to Halide's pool of n threads.
 */
static int normrt_serial_do_par_for(void *user_context, halide_task_t task,
                                    int min, int size, uint8_t *closure) {
  int x;
  for (x = min; x < min + size; ++x) {
    int result = task(user_context, x, closure);
    if (result != 0) {
      return result;
    }
  }
  return 0;
}

/* The worker count the last normrt_set_num_threads() made effective; 0
 * before the first. Atomic: normrt_get_num_threads() may run on any thread. */
static int32_t g_num_threads = 0;

void normrt_bridge_set_num_threads(int32_t n) {
  (void)halide_set_num_threads((int)n);
  /* Halide returns the previous count: setting the same n again returns what
   * the first call made effective (0 resolved to HL_NUM_THREADS or the CPU
   * count, clamped to Halide's 1..256). */
  int32_t effective = (int32_t)halide_set_num_threads((int)n);
  (void)halide_set_custom_do_par_for(n == 1 ? normrt_serial_do_par_for
                                            : halide_default_do_par_for);
  __atomic_store_n(&g_num_threads, effective, __ATOMIC_RELEASE);
}

int32_t normrt_bridge_get_num_threads(void) {
  int32_t n = __atomic_load_n(&g_num_threads, __ATOMIC_ACQUIRE);
  if (n == 0) { /* never set: Halide's default, which setting 0 resolves */
    normrt_bridge_set_num_threads(0);
    n = __atomic_load_n(&g_num_threads, __ATOMIC_ACQUIRE);
  }
  return n;
}
