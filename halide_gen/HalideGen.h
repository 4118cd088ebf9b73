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
  /// Not an output: when set, one of Halide 14's autoschedulers
  /// (tuning/Autoschedulers.h) schedules each function as one pipeline instead
  /// of normc's schedule backend; norm-tune measures them as reference
  /// points (normc --autoschedule).
  std::string autoscheduler;
};



/// A validated compilation target.
struct TargetInfo {
  std::string requested; ///< as the user spelled it, e.g. "host"
  std::string canonical; ///< Halide's full spelling, e.g. "x86-64-linux-avx2-..."
  /// The feature words as spelled, '_'-joined ("avx2", "host_avx512";
  /// "base" for none): a variant's suffix in a multitarget library.
  std::string suffix;
  bool isGpu = false;
  bool isCuda = false;   ///< the GPU API is CUDA (PTX can be emitted)
};

/// Parses a Halide target string ("host", "x86-64-linux-avx2",
/// "arm-64-linux", ...). On failure returns false and sets `error` to a
/// one-line message naming the offending part.
bool parseTarget(const std::string &spec, TargetInfo &out, std::string &error);

/// Checks that `targets` (two or more) can form one multitarget library:
/// CPU targets of one architecture, bits and OS, agreeing on the features
/// that are not instruction sets (sanitizers, debug, ...), each one
/// reachable (the dispatcher takes the first target the CPU supports, so a
/// target listed after one whose features are a subset of its own would
/// never run). On failure sets `error` to a one-line message.
bool checkMultitarget(const std::vector<TargetInfo> &targets, std::string &error);

/// Every architecture/OS/feature word Halide accepts, for --list-targets.
std::string describeTargets();

/// Compiles the exported function `variants[i]` (one copy per target: the
/// pipeline ran for each, so that each has its own target's knobs) into a
/// library <name>.a and header <name>.h in `outDir`.
///  - One target: a Halide AOT function named after the function.
///  - Several targets (checkMultitarget): one variant per target,
///    <name>__<suffix>, and a dispatcher <name> that runs the first variant
///    whose instruction sets the CPU has (the last one as the fallback, on
///    any CPU), chosen once and cached; <name>_variant() returns the index
///    it runs. The header declares the variants' entry points too.
/// stmt, asm, schedule: one file per variant, <name>__<suffix>.* with
/// several targets. Problems are reported as diagnostics on the offending
/// op.
/// With `objects` set, the library's object files are handed to the caller
/// instead of being archived as <name>.a (normc --library bundles several
/// functions into one archive with writeStaticLibrary).
mlir::LogicalResult compileKernelFunc(llvm::ArrayRef<mlir::func::FuncOp> variants,
                                      llvm::ArrayRef<TargetInfo> targets,
                                      const std::string &outDir,
                                      const KernelEmitOptions &emit,
                                      std::vector<std::string> *objects = nullptr);

/// Archives `objects` (from compileKernelFunc) as the static library `path`
/// for `targets` and removes them. On failure sets `error`.
bool writeStaticLibrary(const std::vector<std::string> &objects,
                        llvm::ArrayRef<TargetInfo> targets, const std::string &path,
                        std::string &error);

/// Writes the Halide runtime for `targets` as a static library at `path`:
/// built for the features all of them share, so that it runs wherever any
/// variant of a multitarget library does.
bool emitHalideRuntime(const std::vector<TargetInfo> &targets, const std::string &path,
                       std::string &error);

} // namespace normc

#endif // NORMC_HALIDE_GEN_HALIDEGEN_H_
