//===- TensorLimits.cpp - the largest tensor a kernel can address ---------===//
#include "dialect/TensorLimits.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/BuiltinTypes.h"

namespace normc {

namespace {

/// The bytes the static extents of `type` need at least (dynamic extents
/// count as 1), saturated just above kMaxTensorBytes; 0 for non-tensors.
int64_t minimumBytes(mlir::Type type) {
  auto tensor = mlir::dyn_cast<mlir::RankedTensorType>(type);
  if (!tensor)
    return 0;
  mlir::Type element = tensor.getElementType();
  int64_t bytes = element.isIntOrFloat() ? (element.getIntOrFloatBitWidth() + 7) / 8 : 8;
  for (int64_t extent : tensor.getShape()) {
    if (mlir::ShapedType::isDynamic(extent))
      continue;
    if (extent == 0)
      return 0;
    // Saturate instead of overflowing: any product above the limit fails.
    if (bytes > kMaxTensorBytes / extent)
      return kMaxTensorBytes + 1;
    bytes *= extent;
  }
  return bytes;
}

std::string tooLarge(mlir::Type type) {
  std::string text;
  llvm::raw_string_ostream os(text);
  os << type << " needs more than " << kMaxTensorBytes
     << " bytes; normc's kernels address at most 2^31 - 1 bytes per tensor (32-bit "
        "offsets): split the work into smaller tensors";
  return os.str();
}

} // namespace

mlir::LogicalResult verifyTensorSizes(mlir::ModuleOp module) {
  bool failed = false;
  module.walk([&](mlir::Operation *op) {
    if (auto func = mlir::dyn_cast<mlir::func::FuncOp>(op)) {
      for (auto [i, type] : llvm::enumerate(func.getArgumentTypes()))
        if (minimumBytes(type) > kMaxTensorBytes) {
          func.emitError() << "argument #" << i << " of @" << func.getSymName() << ": "
                           << tooLarge(type);
          failed = true;
        }
      return;
    }
    for (auto [i, type] : llvm::enumerate(op->getResultTypes()))
      if (minimumBytes(type) > kMaxTensorBytes) {
        op->emitOpError() << "result #" << i << ": " << tooLarge(type);
        failed = true;
      }
  });
  return mlir::failure(failed);
}

} // namespace normc
