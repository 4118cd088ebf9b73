/*
 * normrt.h - umbrella header of the normc C runtime (libnormrt).
 *
 * Include this one header to call normc-generated kernels from C or C++:
 * status codes (normrt_status.h), tensor views (normrt_tensor.h), kernel
 * calls (normrt_kernel.h), the kernel tables of normc libraries
 * (normrt_registry.h) and device tensors (normrt_device.h). See
 * docs/runtime.md for the reference and for how to link (libnormrt.a, the
 * kernel archives, normc_halide_runtime.a, -lpthread -ldl).
 */
#ifndef NORMC_RUNTIME_NORMRT_H_
#define NORMC_RUNTIME_NORMRT_H_

#include "normrt_device.h"
#include "normrt_kernel.h"
#include "normrt_registry.h"
#include "normrt_status.h"
#include "normrt_tensor.h"

#endif /* NORMC_RUNTIME_NORMRT_H_ */
