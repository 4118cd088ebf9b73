//===- LibraryHeader.h - <lib>.h of normc --library -----------------------===//
#ifndef NORMC_TOOLS_NORMC_LIBRARYHEADER_H_
#define NORMC_TOOLS_NORMC_LIBRARYHEADER_H_

#include "mlir/Dialect/Func/IR/FuncOps.h"

#include <string>
#include <vector>

namespace normc {

/// Writes <lib>.h at `path`: includes the header of every function in
/// `funcs`, defines <lib>_KERNEL_COUNT and <lib>_registry(), the library's
/// kernel table (runtime/normrt_registry.h) as static data in an inline
/// accessor. `targets` is the --target as spelled; `multitarget` says
/// whether each function has a <f>_variant() query.
bool writeLibraryHeader(const std::string &path, const std::string &library,
                        const std::string &input, const std::vector<mlir::func::FuncOp> &funcs,
                        const std::string &targets, bool multitarget);

} // namespace normc

#endif // NORMC_TOOLS_NORMC_LIBRARYHEADER_H_
