//===- Variant.h - one compiled variant of an exported function -----------===//
//
// Internal to halide_gen: HalideGen.cpp compiles an exported function for
// one target into object files (a variant); Library.cpp archives one
// variant into the function's library, or several variants plus a
// dispatcher that picks one at run time (a multitarget library).
//
//===----------------------------------------------------------------------===//
#ifndef NORMC_HALIDE_GEN_VARIANT_H_
#define NORMC_HALIDE_GEN_VARIANT_H_

#include "HalideGen.h"

#include "Halide.h"

#include <string>
#include <vector>

namespace normc {

struct CompiledVariant {
  /// Object files written (when the library is emitted); the caller
  /// archives and removes them.
  std::vector<std::string> objects;
  /// The entry point's arguments (__user_context and the buffers), which a
  /// dispatcher of the same signature takes.
  std::vector<Halide::Internal::LoweredArgument> args;
};

/// Compiles `func` for `target` into a Halide entry point named `symbol`,
/// writing `emit`'s files (other than the archive) as <outDir>/<symbol>.*.
mlir::LogicalResult compileVariant(mlir::func::FuncOp func, const TargetInfo &target,
                                   const std::string &outDir, const std::string &symbol,
                                   const KernelEmitOptions &emit, CompiledVariant &out);

/// Rewrites the include guard of the header at `path` (Halide derives it
/// from the temporary output path) to NORMC_KERNEL_<name>_H_.
bool fixHeaderGuard(const std::string &path, const std::string &name);

} // namespace normc

#endif // NORMC_HALIDE_GEN_VARIANT_H_
