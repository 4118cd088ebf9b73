//===- ExportedNames.h - which names an exported kernel may take ----------===//
//
// normc's rule for the names users give: an exported function becomes an
// external C symbol of their program (and of derived ones: <f>_argv,
// <f>_metadata, <f>__<variant>, ...), its argument and result names become
// parameter names of a C header. A name that would clash there is rejected
// up front with a diagnostic on the function, before anything is compiled.
//
//===----------------------------------------------------------------------===//
#ifndef NORMC_DIALECT_EXPORTEDNAMES_H_
#define NORMC_DIALECT_EXPORTEDNAMES_H_

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/BuiltinOps.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"

#include <string>

namespace normc {

/// The longest exported name: file names (<f>.schedule.json) and derived
/// symbols (<f>__<group>) must stay far below the 255-byte file-name limit.
constexpr size_t kMaxExportedNameLength = 128;

enum class ExportedNameKind { Function, Parameter };

/// Why `name` cannot be an exported function or parameter name, or "" when
/// it can.
std::string exportedNameProblem(llvm::StringRef name, ExportedNameKind kind);

/// Checks the names of the functions normc is about to compile, of their
/// arguments and results, and the symbols derived from them, against each
/// other and against `libraryName` (--library; may be empty). Emits an error
/// on the offending function.
mlir::LogicalResult verifyExportedNames(llvm::ArrayRef<mlir::func::FuncOp> funcs,
                                        bool multitarget, llvm::StringRef libraryName);

} // namespace normc

#endif // NORMC_DIALECT_EXPORTEDNAMES_H_
