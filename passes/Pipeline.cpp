//===- Pipeline.cpp - the pass pipeline shared by normc and norm-opt ------===//
#include "passes/Passes.h"

#include "mlir/Pass/PassRegistry.h"
#include "mlir/Transforms/Passes.h"

namespace normc {
#define GEN_PASS_REGISTRATION
#include "passes/Passes.h.inc"
} // namespace normc

void normc::buildNormcPipeline(mlir::OpPassManager &pm) {
  pm.addPass(mlir::createCanonicalizerPass());
  pm.addNestedPass<mlir::func::FuncOp>(createNormDecompose());
  pm.addPass(mlir::createCanonicalizerPass());
  pm.addPass(mlir::createCSEPass());
  pm.addPass(createNormFormKernels());
}

void normc::registerAllNormcPasses() {
  registerNormcPasses();
  mlir::PassPipelineRegistration<>(
      "norm-pipeline", "normc's full pipeline: decompose and form kernels",
      [](mlir::OpPassManager &pm) { buildNormcPipeline(pm); });
}
