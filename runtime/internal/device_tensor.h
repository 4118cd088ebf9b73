/*
 * internal/device_tensor.h - the layout of normrt_device_tensor_t, shared by
 * halide_device.c (which owns it) and halide_bridge.c (which passes it to
 * kernels). Includes HalideRuntime.h; not public.
 */
#ifndef NORMC_RUNTIME_INTERNAL_DEVICE_TENSOR_H_
#define NORMC_RUNTIME_INTERNAL_DEVICE_TENSOR_H_

#include "HalideRuntime.h"
#include "normrt_device.h"

struct normrt_device_tensor_t {
  normrt_device_api_t api;
  normrt_dtype_t dtype;
  int32_t rank;
  int64_t shape[NORMRT_MAX_RANK]; /* tensor order, outermost first */
  halide_dimension_t dims[NORMRT_MAX_RANK]; /* Halide order, dense */
  /* host is NULL except during a copy; device and device_interface own the
   * allocation; flags carry Halide's dirty bits between calls. */
  halide_buffer_t buf;
};

#endif /* NORMC_RUNTIME_INTERNAL_DEVICE_TENSOR_H_ */
