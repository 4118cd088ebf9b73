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

/// The pass pipeline shared by `normc` and `norm-opt --norm-pipeline`:
/// canonicalize, form kernel groups with the fusion `policy` (chains, none
/// or single), decompose inside the groups, canonicalize + CSE.
void buildNormcPipeline(mlir::OpPassManager &pm,
                        const std::string &fusionPolicy = "chains");

/// Registers every normc pass and the `norm-pipeline` pipeline.
void registerAllNormcPasses();

} // namespace normc

#endif // NORMC_PASSES_PASSES_H_
