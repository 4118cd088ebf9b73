//===- Passes.h - normc passes and the shared pipeline --------------------===//
#ifndef NORMC_PASSES_PASSES_H_
#define NORMC_PASSES_PASSES_H_

#include "dialect/NormOps.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Pass/Pass.h"
#include "mlir/Pass/PassManager.h"

namespace normc {

#define GEN_PASS_DECL
#include "passes/Passes.h.inc"

/// Adds the patterns that rewrite instance/group/layer norm into
/// moments + modulate.
void populateNormDecomposePatterns(mlir::RewritePatternSet &patterns);

/// What normc's flags decide about the pass pipeline.
struct NormcPipelineConfig {
  std::string fusionPolicy = "chains"; ///< chains, none or single (--fuse)
  std::string target = "host";         ///< Halide spelling; normc passes the canonical one
  std::string scheduleOverrides;       ///< --schedule key=value,...
  std::string tuningDb;                ///< --tuning-db file, or empty
};

/// The pass pipeline shared by `normc` and `norm-opt --norm-pipeline`:
/// canonicalize, form kernel groups with the fusion policy, decompose
/// inside the groups, canonicalize + CSE, outline each group into a
/// function with a stable name, assign each group's schedule knobs.
void buildNormcPipeline(mlir::OpPassManager &pm, const NormcPipelineConfig &config = {});

/// Registers every normc pass and the `norm-pipeline` pipeline.
void registerAllNormcPasses();

} // namespace normc

#endif // NORMC_PASSES_PASSES_H_
