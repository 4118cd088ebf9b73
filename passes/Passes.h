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
/// canonicalize, decompose, canonicalize + CSE, form kernels.
void buildNormcPipeline(mlir::OpPassManager &pm);

/// Registers every normc pass and the `norm-pipeline` pipeline.
void registerAllNormcPasses();

} // namespace normc

#endif // NORMC_PASSES_PASSES_H_
