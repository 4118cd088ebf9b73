//===- Pipeline.cpp - the pass pipeline shared by normc and norm-opt ------===//
#include "passes/Passes.h"

#include "mlir/Pass/PassOptions.h"
#include "mlir/Pass/PassRegistry.h"
#include "mlir/Transforms/Passes.h"

namespace normc {
#define GEN_PASS_REGISTRATION
#include "passes/Passes.h.inc"
} // namespace normc

void normc::buildNormcPipeline(mlir::OpPassManager &pm, const NormcPipelineConfig &config) {
  // Canonicalize first: the conv simplifications (bias before instance norm,
  // batch norm folded into the conv) change what there is to fuse.
  pm.addPass(mlir::createCanonicalizerPass());
  // Groups are formed on the high-level ops, whose roles (conv, norm,
  // activation) the fusion rules name; decomposition then happens inside.
  NormFormKernelsOptions form;
  form.policy = config.fusionPolicy;
  pm.addPass(createNormFormKernels(form));
  pm.addNestedPass<mlir::func::FuncOp>(createNormDecompose());
  pm.addPass(mlir::createCanonicalizerPass());
  pm.addPass(mlir::createCSEPass());
  // Each group becomes an isolated function with a stable name, then gets
  // its schedule for the target.
  pm.addPass(createNormOutlineKernels());
  NormAssignSchedulesOptions assign;
  assign.target = config.target;
  assign.overrides = config.scheduleOverrides;
  assign.tuningDb = config.tuningDb;
  pm.addPass(createNormAssignSchedules(assign));
}

namespace {
/// norm-opt --norm-pipeline="fuse=none target=arm-64-linux schedule=... tuning-db=..."
struct PipelineOptions : public mlir::PassPipelineOptions<PipelineOptions> {
  Option<std::string> fuse{*this, "fuse",
                           llvm::cl::desc("Fusion policy: chains, none or single (normc --fuse)"),
                           llvm::cl::init("chains")};
  Option<std::string> target{*this, "target",
                             llvm::cl::desc("Target whose schedules are assigned (normc --target)"),
                             llvm::cl::init("host")};
  Option<std::string> schedule{*this, "schedule",
                               llvm::cl::desc("Knob overrides key=value,... (normc --schedule)"),
                               llvm::cl::init("")};
  Option<std::string> tuningDb{*this, "tuning-db",
                               llvm::cl::desc("Tuning database (normc --tuning-db)"),
                               llvm::cl::init("")};
};
} // namespace

void normc::registerAllNormcPasses() {
  registerNormcPasses();
  mlir::PassPipelineRegistration<PipelineOptions>(
      "norm-pipeline",
      "normc's full pipeline: canonicalize, form fused kernel groups, decompose, "
      "outline the groups, assign their schedules (options as normc's flags)",
      [](mlir::OpPassManager &pm, const PipelineOptions &options) {
        NormcPipelineConfig config;
        config.fusionPolicy = options.fuse;
        config.target = options.target;
        config.scheduleOverrides = options.schedule;
        config.tuningDb = options.tuningDb;
        buildNormcPipeline(pm, config);
      });
}
