//===- HalideGen.h - compile kernel groups with Halide (no Halide types) --===//
//
// The boundary between the MLIR half of normc and the Halide half. Nothing in
// this header mentions Halide, so MLIR code (compiled without exceptions) can
// include it; the implementation catches every Halide exception and turns it
// into an MLIR diagnostic.
//
//===----------------------------------------------------------------------===//
#ifndef NORMC_HALIDE_GEN_HALIDEGEN_H_
#define NORMC_HALIDE_GEN_HALIDEGEN_H_

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Support/LogicalResult.h"

#include <string>
#include <vector>

namespace normc {

/// Extra artifacts a kernel compilation can produce besides the library.
struct KernelEmitOptions {
  bool library = true;   ///< <name>.a
  bool header = true;    ///< <name>.h
  bool stmt = false;     ///< <name>.stmt: Halide's lowered loop nest
  bool assembly = false; ///< <name>.s
  bool schedule = false; ///< <name>.schedule.json: requested and effective knobs per group
  bool ptx = false;      ///< <name>.ptx: the CUDA kernels' PTX (CUDA targets only)
};

/// A validated compilation target.
struct TargetInfo {
  std::string requested; ///< as the user spelled it, e.g. "host"
  std::string canonical; ///< Halide's full spelling, e.g. "x86-64-linux-avx2-..."
  bool isGpu = false;
  bool isCuda = false;   ///< the GPU API is CUDA (PTX can be emitted)
};

/// Parses a Halide target string ("host", "x86-64-linux-avx2",
/// "arm-64-linux", ...). On failure returns false and sets `error` to a
/// one-line message naming the offending part.
bool parseTarget(const std::string &spec, TargetInfo &out, std::string &error);

/// Every architecture/OS/feature word Halide accepts, for --list-targets.
std::string describeTargets();

/// Compiles the exported function `func`, a sequence of calls to outlined
/// kernel groups (norm-outline-kernels) whose knobs norm-assign-schedules
/// chose, into a Halide AOT function named after it, writing the requested
/// files into `outDir`. Problems are reported as diagnostics on the
/// offending op.
mlir::LogicalResult compileKernelFunc(mlir::func::FuncOp func,
                                      const TargetInfo &target,
                                      const std::string &outDir,
                                      const KernelEmitOptions &emit);

/// Writes the Halide runtime for `target` as a static library at `path`.
bool emitHalideRuntime(const TargetInfo &target, const std::string &path,
                       std::string &error);

} // namespace normc

#endif // NORMC_HALIDE_GEN_HALIDEGEN_H_
