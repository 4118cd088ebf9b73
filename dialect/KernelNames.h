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

} // namespace normc

#endif // NORMC_DIALECT_KERNELNAMES_H_
