//===- VerifyUtils.h - helpers shared by the op verifiers -------------------===//
#ifndef NORMC_DIALECT_VERIFYUTILS_H_
#define NORMC_DIALECT_VERIFYUTILS_H_

#include "mlir/IR/BuiltinTypes.h"

#include <string>

namespace normc::norm {

/// Two dimension sizes agree unless both are static and differ.
inline bool dimsCompatible(int64_t a, int64_t b) {
  return mlir::ShapedType::isDynamic(a) || mlir::ShapedType::isDynamic(b) || a == b;
}

/// "?" for a dynamic size, else the number.
inline std::string dimString(int64_t d) {
  return mlir::ShapedType::isDynamic(d) ? std::string("?") : std::to_string(d);
}

} // namespace normc::norm

#endif // NORMC_DIALECT_VERIFYUTILS_H_
