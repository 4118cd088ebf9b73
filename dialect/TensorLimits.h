//===- TensorLimits.h - the largest tensor a kernel can address -----------===//
//
// normc's kernels index every tensor with 32-bit offsets (Halide without
// large_buffers): a tensor of more than 2^31 - 1 bytes cannot be addressed.
// Static shapes beyond that are rejected at compile time, on the op that
// produces the tensor; the runtime rejects dynamic ones with
// NORMRT_STATUS_TOO_LARGE.
//
//===----------------------------------------------------------------------===//
#ifndef NORMC_DIALECT_TENSORLIMITS_H_
#define NORMC_DIALECT_TENSORLIMITS_H_

#include "mlir/IR/BuiltinOps.h"

#include <cstdint>

namespace normc {

constexpr int64_t kMaxTensorBytes = 2147483647; // INT32_MAX

/// Emits an error on every op (or function argument) whose tensor type has
/// static extents that already need more than kMaxTensorBytes.
mlir::LogicalResult verifyTensorSizes(mlir::ModuleOp module);

} // namespace normc

#endif // NORMC_DIALECT_TENSORLIMITS_H_
