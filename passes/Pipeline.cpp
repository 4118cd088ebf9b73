//===- Pipeline.cpp - the pass pipeline shared by normc and norm-opt ------===//
#include "passes/Passes.h"

#include "mlir/Pass/PassRegistry.h"
#include "mlir/Transforms/Passes.h"

namespace normc {
#define GEN_PASS_REGISTRATION
#include "passes/Passes.h.inc"
} // namespace normc

void normc::buildNormcPipeline(mlir::OpPassManager &pm,
                               const std::string &fusionPolicy) {
  // Canonicalize first: the conv simplifications (bias before instance norm,
  // batch norm folded into the conv) change what there is to fuse.
  pm.addPass(mlir::createCanonicalizerPass());
  // Groups are formed on the high-level ops, whose roles (conv, norm,
  // activation) the fusion rules name; decomposition then happens inside.
  NormFormKernelsOptions options;
  options.policy = fusionPolicy;
  pm.addPass(createNormFormKernels(options));
  pm.addNestedPass<mlir::func::FuncOp>(createNormDecompose());
  pm.addPass(mlir::createCanonicalizerPass());
  pm.addPass(mlir::createCSEPass());
}

void normc::registerAllNormcPasses() {
  registerNormcPasses();
  mlir::PassPipelineRegistration<>(
      "norm-pipeline",
      "normc's full pipeline: canonicalize, form fused kernel groups, decompose",
      [](mlir::OpPassManager &pm) { buildNormcPipeline(pm); });
}
