/*
 * normrt_device.h - tensors in GPU memory, copies between host and device,
 * and kernel calls on device tensors (kernels compiled for a CUDA or OpenCL
 * target).
 *
 * A kernel compiled for a GPU target can be called two ways:
 *  - normrt_kernel_call() with host tensors: every input is copied to the
 *    device, the kernel runs, every output is copied back, and the device
 *    memory is freed before the call returns (simple; copies every call);
 *  - normrt_kernel_call_device() with device tensors: nothing is copied;
 *    outputs stay on the device for the next kernel (copy them back with
 *    normrt_device_copy_to_host()).
 *
 * Kernel launches are asynchronous on CUDA; copies to the host and
 * normrt_device_synchronize() wait for them. The device API's driver is
 * loaded when first used (libcuda.so / libOpenCL.so), so a program linked
 * for CUDA runs (and reports NORMRT_STATUS_DEVICE_ERROR) on a machine
 * without the driver. A program has the device APIs whose Halide runtime it
 * links (normc --emit=runtime for a target with cuda or opencl); the others
 * report NORMRT_STATUS_UNSUPPORTED.
 *
 *   normrt_device_tensor_t *x, *y;
 *   normrt_device_tensor_create(NORMRT_DEVICE_CUDA, NORMRT_DTYPE_F32, 4, shape, &x);
 *   normrt_device_tensor_create(NORMRT_DEVICE_CUDA, NORMRT_DTYPE_F32, 4, shape, &y);
 *   normrt_device_copy_from_host(x, &host_x);
 *   normrt_device_tensor_t *args[] = {x, y};
 *   normrt_kernel_call_device(&kNorm, args, 2);
 *   normrt_device_copy_to_host(y, &host_y);
 *   normrt_device_tensor_free(x);
 *   normrt_device_tensor_free(y);
 */
#ifndef NORMC_RUNTIME_NORMRT_DEVICE_H_
#define NORMC_RUNTIME_NORMRT_DEVICE_H_

#include <stdint.h>

#include "normrt_kernel.h"
#include "normrt_status.h"
#include "normrt_tensor.h"

#ifdef __cplusplus
extern "C" {
#endif

/* GPU APIs. Values are stable and part of the ABI. */
typedef enum normrt_device_api_t {
  NORMRT_DEVICE_CUDA = 1,
  NORMRT_DEVICE_OPENCL = 2
} normrt_device_api_t;

/* "cuda", "opencl"; "invalid device api" for other values. Never NULL; a
 * static constant. */
const char *normrt_device_api_name(normrt_device_api_t api);

/* 1 when the Halide runtime linked into the program supports `api` (a
 * device may still be absent: creating a tensor tells), else 0. */
int normrt_device_api_linked(normrt_device_api_t api);

/* A dense row-major tensor in device memory. Opaque; owned by whoever
 * created it, freed with normrt_device_tensor_free(). */
typedef struct normrt_device_tensor_t normrt_device_tensor_t;

/*
 * Allocates a dense tensor of `dtype` and `shape` (`rank` extents, outermost
 * first, read during the call only) in the memory of the first device of
 * `api`, and stores it in `*out` (written only on success; the caller owns
 * the tensor). The contents are undefined until written.
 *
 * Returns NORMRT_STATUS_OK; INVALID_ARGUMENT for a NULL out, a bad dtype,
 * rank outside 1..NORMRT_MAX_RANK, NULL shape, an extent < 1 or one that
 * does not fit in int32; UNSUPPORTED when the program has no Halide runtime
 * for `api`; OUT_OF_MEMORY when the host-side record cannot be allocated;
 * DEVICE_ERROR when the device or its memory is not available (the message
 * says which).
 */
normrt_status_t normrt_device_tensor_create(normrt_device_api_t api,
                                            normrt_dtype_t dtype, int32_t rank,
                                            const int64_t *shape,
                                            normrt_device_tensor_t **out);

/* Frees the device memory and the record; NULL is a no-op. Must not be
 * called while a kernel using the tensor runs. Calls that only read a
 * tensor (copies to the host, kernel inputs) may run concurrently; a
 * tensor must not be written by two calls at once, or while read. */
void normrt_device_tensor_free(normrt_device_tensor_t *tensor);

/* The tensor's device API, dtype, rank and extents (`shape` receives `rank`
 * entries; it may be NULL, as may any out-parameter). Returns
 * INVALID_ARGUMENT for a NULL tensor. */
normrt_status_t normrt_device_tensor_describe(const normrt_device_tensor_t *tensor,
                                              normrt_device_api_t *api,
                                              normrt_dtype_t *dtype, int32_t *rank,
                                              int64_t *shape);

/*
 * Copies host tensor `src` (dense row-major, same dtype and shape as `dst`;
 * borrowed for the call) into device tensor `dst`. Returns when the copy
 * has finished (it synchronizes the device API), so `src` may be reused.
 * INVALID_ARGUMENT for NULL arguments or a non-contiguous `src`;
 * DTYPE_MISMATCH / SHAPE_MISMATCH when they differ; DEVICE_ERROR when the
 * copy fails.
 */
normrt_status_t normrt_device_copy_from_host(normrt_device_tensor_t *dst,
                                             const normrt_tensor_t *src);

/*
 * Copies device tensor `src` into host tensor `dst` (dense row-major, same
 * dtype and shape; its data is written), after the kernels that wrote `src`
 * have finished; returns when `dst` holds the data. Same status codes as
 * normrt_device_copy_from_host().
 */
normrt_status_t normrt_device_copy_to_host(normrt_device_tensor_t *src,
                                           const normrt_tensor_t *dst);

/* Waits until every kernel and copy issued on `api` has finished.
 * UNSUPPORTED without that API's runtime; DEVICE_ERROR on failure. */
normrt_status_t normrt_device_synchronize(normrt_device_api_t api);

/*
 * Runs `kernel` (compiled for a GPU target) on device tensors, in the
 * kernel's buffer-argument order, with the same checks as
 * normrt_kernel_call() (count, dtype, rank, static extents). Outputs stay on
 * the device. INCOMPATIBLE_DEVICE when a tensor lives on another device API
 * than the kernel's; the kernel's own failures map as in
 * normrt_kernel_call(). `kernel`, `args` and the tensors are borrowed for the
 * call.
 */
normrt_status_t normrt_kernel_call_device(const normrt_kernel_t *kernel,
                                          normrt_device_tensor_t *const *args,
                                          int32_t num_args);

#ifdef __cplusplus
} /* extern "C" */
#endif

#endif /* NORMC_RUNTIME_NORMRT_DEVICE_H_ */
