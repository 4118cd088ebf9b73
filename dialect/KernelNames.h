//===- KernelNames.h - the names of a kernel's arguments and results ------===//
//
// One rule for every place that names them (the Halide parameters and
// metadata in halide_gen, the kernel table normc writes): norm.name when
// the attribute is there, else arg<i> / result<i>.
//
//===----------------------------------------------------------------------===//
#ifndef NORMC_DIALECT_KERNELNAMES_H_
#define NORMC_DIALECT_KERNELNAMES_H_

#include "mlir/Dialect/Func/IR/FuncOps.h"

#include <string>

namespace normc {

inline std::string kernelArgName(mlir::func::FuncOp func, unsigned i) {
  if (auto name = func.getArgAttrOfType<mlir::StringAttr>(i, "norm.name"))
    return name.str();
  return "arg" + std::to_string(i);
}

inline std::string kernelResultName(mlir::func::FuncOp func, unsigned i) {
  if (auto name = func.getResultAttrOfType<mlir::StringAttr>(i, "norm.name"))
    return name.str();
  return "result" + std::to_string(i);
}

/// The name argument `i` (or result `i`) has in the model it was imported
/// from (norm.onnx_name), or "" when that is its kernel name.
inline std::string kernelSourceName(mlir::func::FuncOp func, unsigned i, bool result) {
  auto name = result ? func.getResultAttrOfType<mlir::StringAttr>(i, "norm.onnx_name")
                     : func.getArgAttrOfType<mlir::StringAttr>(i, "norm.onnx_name");
  return name ? name.str() : std::string();
}

} // namespace normc

#endif // NORMC_DIALECT_KERNELNAMES_H_
