/*
 * internal/halide_device.c - device tensors on Halide's device runtimes
 * (CUDA, OpenCL): allocation, host <-> device copies, synchronization.
 *
 * The device interfaces are weak references: a program links the Halide
 * runtime of its own target, which defines halide_cuda_device_interface or
 * halide_opencl_device_interface (or neither, for CPU targets); an API whose
 * interface is absent reports NORMRT_STATUS_UNSUPPORTED instead of failing
 * to link.
 */
#include <stdlib.h>
#include <string.h>

#include "internal/device_tensor.h"
#include "internal/halide_bridge.h"
#include "internal/last_error.h"

extern const struct halide_device_interface_t *halide_cuda_device_interface(void)
    __attribute__((weak));
extern const struct halide_device_interface_t *halide_opencl_device_interface(void)
    __attribute__((weak));
/* Not in Halide's public headers, but exported by its CUDA and OpenCL
 * runtimes: wait for the API's whole stream / command queue (the buffer
 * argument is ignored). halide_device_sync() itself needs an allocated
 * buffer. */
extern int halide_cuda_device_sync(void *user_context, struct halide_buffer_t *buf)
    __attribute__((weak));
extern int halide_opencl_device_sync(void *user_context, struct halide_buffer_t *buf)
    __attribute__((weak));

const char *normrt_device_api_name(normrt_device_api_t api) {
  switch (api) {
    case NORMRT_DEVICE_CUDA:
      return "cuda";
    case NORMRT_DEVICE_OPENCL:
      return "opencl";
  }
  return "invalid device api";
}

static const struct halide_device_interface_t *interface_for(normrt_device_api_t api) {
  switch (api) {
    case NORMRT_DEVICE_CUDA:
      return halide_cuda_device_interface ? halide_cuda_device_interface() : NULL;
    case NORMRT_DEVICE_OPENCL:
      return halide_opencl_device_interface ? halide_opencl_device_interface() : NULL;
  }
  return NULL;
}

int normrt_device_api_linked(normrt_device_api_t api) {
  return interface_for(api) != NULL;
}

static normrt_status_t unsupported(normrt_device_api_t api, const char *what) {
  if (api != NORMRT_DEVICE_CUDA && api != NORMRT_DEVICE_OPENCL)
    return normrt_internal_fail(NORMRT_STATUS_INVALID_ARGUMENT,
                                "%s: device api %d is not a normrt_device_api_t",
                                what, (int)api);
  return normrt_internal_fail(
      NORMRT_STATUS_UNSUPPORTED,
      "%s: this program's Halide runtime has no %s support (link the "
      "normc_halide_runtime.a of a target with '%s', e.g. normc --emit=runtime "
      "--target=host-%s)",
      what, normrt_device_api_name(api), normrt_device_api_name(api),
      api == NORMRT_DEVICE_CUDA ? "cuda-cuda_capability_80" : "opencl");
}

typedef int (*sync_fn)(void *, struct halide_buffer_t *);

static sync_fn sync_for(normrt_device_api_t api) {
  return api == NORMRT_DEVICE_CUDA ? halide_cuda_device_sync
         : api == NORMRT_DEVICE_OPENCL ? halide_opencl_device_sync
                                       : NULL;
}

/* Waits for the API's stream / queue. The API functions return the
 * driver's own codes (CUresult, cl_int), which would read as unrelated
 * Halide codes, so any failure becomes halide_error_code_device_sync_failed
 * (the driver's message is in `message`). */
static int api_sync(normrt_device_api_t api, normrt_bridge_context_t *ctx, char *message,
                    size_t capacity) {
  halide_buffer_t probe;
  sync_fn sync = sync_for(api);
  if (sync == NULL) return halide_error_code_device_sync_failed;
  memset(&probe, 0, sizeof(probe));
  return sync(normrt_bridge_context_init(ctx, message, capacity), &probe) == 0
             ? 0
             : halide_error_code_device_sync_failed;
}

/* Fails with the Halide message of the operation, or its error code. */
static normrt_status_t device_failure(const char *what, int result, const char *message) {
  normrt_status_t status = normrt_bridge_status_for_error(result);
  if (status == NORMRT_STATUS_KERNEL_FAILED) status = NORMRT_STATUS_DEVICE_ERROR;
  if (message[0] != '\0')
    return normrt_internal_fail(status, "%s failed: %s", what, message);
  return normrt_internal_fail(status, "%s failed: Halide error %d", what, result);
}

static int type_for_dtype(normrt_dtype_t dtype, struct halide_type_t *type) {
  memset(type, 0, sizeof(*type));
  type->lanes = 1;
  switch (dtype) {
    case NORMRT_DTYPE_F32: type->code = halide_type_float; type->bits = 32; return 1;
    case NORMRT_DTYPE_F16: type->code = halide_type_float; type->bits = 16; return 1;
    case NORMRT_DTYPE_BF16: type->code = halide_type_bfloat; type->bits = 16; return 1;
    case NORMRT_DTYPE_F64: type->code = halide_type_float; type->bits = 64; return 1;
    case NORMRT_DTYPE_I32: type->code = halide_type_int; type->bits = 32; return 1;
    case NORMRT_DTYPE_I8: type->code = halide_type_int; type->bits = 8; return 1;
    case NORMRT_DTYPE_U8: type->code = halide_type_uint; type->bits = 8; return 1;
  }
  return 0;
}

normrt_status_t normrt_device_tensor_create(normrt_device_api_t api,
                                            normrt_dtype_t dtype, int32_t rank,
                                            const int64_t *shape,
                                            normrt_device_tensor_t **out) {
  static const char kWhat[] = "normrt_device_tensor_create";
  const struct halide_device_interface_t *iface;
  normrt_device_tensor_t *t;
  normrt_bridge_context_t ctx;
  char message[NORMRT_INTERNAL_ERROR_CAPACITY];
  struct halide_type_t type;
  int32_t d, stride = 1;
  int result;

  if (out == NULL)
    return normrt_internal_fail(NORMRT_STATUS_INVALID_ARGUMENT, "%s: out is NULL", kWhat);
  if (!type_for_dtype(dtype, &type))
    return normrt_internal_fail(NORMRT_STATUS_INVALID_ARGUMENT,
                                "%s: dtype %d is not a normrt_dtype_t", kWhat, (int)dtype);
  if (rank < 1 || rank > NORMRT_MAX_RANK || shape == NULL)
    return normrt_internal_fail(NORMRT_STATUS_INVALID_ARGUMENT,
                                "%s: rank %d (expected 1..%d) or shape NULL", kWhat,
                                (int)rank, NORMRT_MAX_RANK);
  for (d = rank - 1; d >= 0; --d) {
    if (shape[d] < 1 || shape[d] > INT32_MAX / stride)
      return normrt_internal_fail(NORMRT_STATUS_INVALID_ARGUMENT,
                                  "%s: extent %lld of dim %d is not in 1..int32 (or the "
                                  "tensor has more than 2^31 elements)",
                                  kWhat, (long long)shape[d], (int)d);
    stride *= (int32_t)shape[d];
  }
  iface = interface_for(api);
  if (iface == NULL) return unsupported(api, kWhat);

  t = (normrt_device_tensor_t *)calloc(1, sizeof(*t));
  if (t == NULL)
    return normrt_internal_fail(NORMRT_STATUS_OUT_OF_MEMORY, "%s: out of host memory", kWhat);
  t->api = api;
  t->dtype = dtype;
  t->rank = rank;
  stride = 1;
  for (d = 0; d < rank; ++d) {
    /* Halide dim d is tensor dim rank-1-d. */
    t->shape[d] = shape[d];
    t->dims[d].min = 0;
    t->dims[d].extent = (int32_t)shape[rank - 1 - d];
    t->dims[d].stride = stride;
    stride *= t->dims[d].extent;
  }
  t->buf.type = type;
  t->buf.dimensions = rank;
  t->buf.dim = t->dims;
  result = halide_device_malloc(normrt_bridge_context_init(&ctx, message, sizeof(message)),
                                &t->buf, iface);
  if (result != 0) {
    free(t);
    return device_failure(kWhat, result, message);
  }
  *out = t;
  return NORMRT_STATUS_OK;
}

void normrt_device_tensor_free(normrt_device_tensor_t *tensor) {
  normrt_bridge_context_t ctx;
  char message[NORMRT_INTERNAL_ERROR_CAPACITY];
  if (tensor == NULL) return;
  (void)halide_device_free(normrt_bridge_context_init(&ctx, message, sizeof(message)),
                           &tensor->buf);
  free(tensor);
}

normrt_status_t normrt_device_tensor_describe(const normrt_device_tensor_t *tensor,
                                              normrt_device_api_t *api,
                                              normrt_dtype_t *dtype, int32_t *rank,
                                              int64_t *shape) {
  int32_t d;
  if (tensor == NULL)
    return normrt_internal_fail(NORMRT_STATUS_INVALID_ARGUMENT,
                                "normrt_device_tensor_describe: tensor is NULL");
  if (api) *api = tensor->api;
  if (dtype) *dtype = tensor->dtype;
  if (rank) *rank = tensor->rank;
  if (shape)
    for (d = 0; d < tensor->rank; ++d) shape[d] = tensor->shape[d];
  return NORMRT_STATUS_OK;
}

/* `host` must be dense row-major with the device tensor's dtype and shape. */
static normrt_status_t check_host(const char *what, const normrt_device_tensor_t *dev,
                                  const normrt_tensor_t *host) {
  int32_t d;
  if (dev == NULL || host == NULL || host->data == NULL)
    return normrt_internal_fail(NORMRT_STATUS_INVALID_ARGUMENT,
                                "%s: NULL device tensor, host tensor or host data", what);
  if (host->dtype != dev->dtype)
    return normrt_internal_fail(NORMRT_STATUS_DTYPE_MISMATCH,
                                "%s: host tensor is %s, device tensor %s", what,
                                normrt_dtype_name(host->dtype), normrt_dtype_name(dev->dtype));
  if (host->rank != dev->rank)
    return normrt_internal_fail(NORMRT_STATUS_SHAPE_MISMATCH,
                                "%s: host tensor has rank %d, device tensor %d", what,
                                (int)host->rank, (int)dev->rank);
  for (d = 0; d < dev->rank; ++d)
    if (host->shape[d] != dev->shape[d])
      return normrt_internal_fail(NORMRT_STATUS_SHAPE_MISMATCH,
                                  "%s: dim %d is %lld on the host, %lld on the device", what,
                                  (int)d, (long long)host->shape[d], (long long)dev->shape[d]);
  if (!normrt_tensor_is_contiguous(host))
    return normrt_internal_fail(NORMRT_STATUS_INVALID_ARGUMENT,
                                "%s: the host tensor must be dense row-major", what);
  return NORMRT_STATUS_OK;
}

/*
 * Copies between device tensor `dev` and host tensor `host` (to the device
 * when `to_device`), then waits for the device API, so the host memory is
 * free (or filled) on return, pinned memory included (CUDA copies
 * asynchronously on its stream). The copy runs on a private view of the
 * tensor's buffer, borrowing the host data, with the source side marked
 * dirty so that Halide copies: concurrent readers of `dev` never see a host
 * pointer or flags that are not theirs.
 */
static normrt_status_t copy_host(const char *what, normrt_device_tensor_t *dev,
                                 const normrt_tensor_t *host, int to_device) {
  normrt_bridge_context_t ctx;
  char message[NORMRT_INTERNAL_ERROR_CAPACITY];
  halide_buffer_t view;
  void *uc;
  int result;
  normrt_status_t status = check_host(what, dev, host);
  if (status != NORMRT_STATUS_OK) return status;
  view = dev->buf;
  view.host = (uint8_t *)host->data;
  view.flags = to_device ? halide_buffer_flag_host_dirty : halide_buffer_flag_device_dirty;
  uc = normrt_bridge_context_init(&ctx, message, sizeof(message));
  result = to_device ? halide_copy_to_device(uc, &view, dev->buf.device_interface)
                     : halide_copy_to_host(uc, &view);
  if (result == 0) result = api_sync(dev->api, &ctx, message, sizeof(message));
  if (result != 0) return device_failure(what, result, message);
  return NORMRT_STATUS_OK;
}

normrt_status_t normrt_device_copy_from_host(normrt_device_tensor_t *dst,
                                             const normrt_tensor_t *src) {
  return copy_host("normrt_device_copy_from_host", dst, src, 1);
}

normrt_status_t normrt_device_copy_to_host(normrt_device_tensor_t *src,
                                           const normrt_tensor_t *dst) {
  return copy_host("normrt_device_copy_to_host", src, dst, 0);
}

normrt_status_t normrt_device_synchronize(normrt_device_api_t api) {
  static const char kWhat[] = "normrt_device_synchronize";
  normrt_bridge_context_t ctx;
  char message[NORMRT_INTERNAL_ERROR_CAPACITY];
  int result;
  if (interface_for(api) == NULL || sync_for(api) == NULL) return unsupported(api, kWhat);
  result = api_sync(api, &ctx, message, sizeof(message));
  if (result != 0) return device_failure(kWhat, result, message);
  return NORMRT_STATUS_OK;
}
