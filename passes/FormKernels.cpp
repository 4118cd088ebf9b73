//===- FormKernels.cpp - one norm.kernel per exported function ------------===//
#include "passes/Passes.h"

#include "mlir/IR/Builders.h"

namespace normc {
#define GEN_PASS_DEF_NORMFORMKERNELS
#include "passes/Passes.h.inc"
} // namespace normc

using namespace mlir;
using namespace normc;
using namespace normc::norm;

namespace {

/// Moves every op of `func` except the return into a new norm.kernel.
void formKernel(func::FuncOp func) {
  Block &body = func.getBody().front();
  auto ret = cast<func::ReturnOp>(body.getTerminator());
  if (&body.front() == ret.getOperation() ||
      llvm::any_of(body.without_terminator(),
                   [](Operation &op) { return isa<KernelOp>(op); }))
    return; // nothing to group, or already formed

  OpBuilder builder(ret);
  auto kernel = builder.create<KernelOp>(func.getLoc(), ret.getOperandTypes(),
                                         func.getSymName());
  Block *kernelBody = builder.createBlock(&kernel.getBody());
  // Move everything between the function entry and the kernel op.
  kernelBody->getOperations().splice(kernelBody->end(), body.getOperations(),
                                     body.begin(), kernel->getIterator());
  builder.setInsertionPointToEnd(kernelBody);
  builder.create<YieldOp>(ret.getLoc(), ret.getOperands());
  ret->setOperands(kernel.getResults());
}

struct NormFormKernelsPass
    : public normc::impl::NormFormKernelsBase<NormFormKernelsPass> {
  void runOnOperation() override {
    for (auto func : getOperation().getOps<func::FuncOp>())
      if (func.isPublic() && !func.isExternal())
        formKernel(func);
  }
};

} // namespace
