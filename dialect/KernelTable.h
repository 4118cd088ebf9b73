//===- KernelTable.h - normc's C table of a kernel's arguments ------------===//
//
// The one writer of the table that the runtime checks calls against
// (normrt_arg_info_t, runtime/normrt_kernel.h): each function's header
// (<f>_kernel_info()) and the registry of `normc --library` use it.
//
//===----------------------------------------------------------------------===//
#ifndef NORMC_DIALECT_KERNELTABLE_H_
#define NORMC_DIALECT_KERNELTABLE_H_

#include "mlir/Dialect/Func/IR/FuncOps.h"

#include <string>

namespace normc {

/// C99 definitions, for a block scope, of the extents of every argument
/// and result of `func` and of `static const normrt_arg_info_t
/// <prefix>__args[]` (inputs then outputs, the order calls take).
std::string kernelArgTable(mlir::func::FuncOp func, const std::string &prefix);

/// A C string literal of `s` (names are C identifiers, targets plain words:
/// only '"' and '\' need escapes).
std::string cStringLiteral(llvm::StringRef s);

/// A C string literal of any bytes (a model's own value names): octal
/// escapes outside printable ASCII, '?' escaped against trigraphs.
std::string cStringLiteralBytes(llvm::StringRef s);

} // namespace normc

#endif // NORMC_DIALECT_KERNELTABLE_H_
