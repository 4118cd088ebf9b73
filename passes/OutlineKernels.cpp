//===- OutlineKernels.cpp - kernel groups become isolated functions -------===//
//
// Each norm.kernel region becomes a private func.func and a func.call. The
// function's name is `<role>_<hash>`, the hash taken over the function as
// printed in generic form without locations and with a placeholder name:
// its ops, attributes, argument and result types. It therefore depends on
// nothing outside the group, and identical groups get the same name and
// share one function.
//
//===----------------------------------------------------------------------===//
#include "passes/Passes.h"
#include "tuning/Knobs.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/IRMapping.h"
#include "mlir/IR/SymbolTable.h"
#include "llvm/ADT/SetVector.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/xxhash.h"

namespace normc {
#define GEN_PASS_DEF_NORMOUTLINEKERNELS
#include "passes/Passes.h.inc"
} // namespace normc

using namespace mlir;
using namespace normc;
using namespace normc::norm;

namespace {

/// The group's text as hashed: generic form, no locations, fixed name.
std::string structuralText(func::FuncOp fn) {
  std::string text;
  llvm::raw_string_ostream os(text);
  OpPrintingFlags flags;
  // Local scope: value numbers start at 0 in the function, wherever the
  // function sits in the module.
  flags.printGenericOpForm().enableDebugInfo(false).useLocalScope();
  fn->print(os, flags);
  return text;
}

LogicalResult outline(KernelOp kernel, ModuleOp module, SymbolTable &symbols) {
  Region &body = kernel.getBody();
  // Values from above, in order of first use; constants are cloned in.
  llvm::SetVector<Value> captures;
  SmallVector<Operation *> constants;
  llvm::SmallPtrSet<Operation *, 8> constantSet;
  WalkResult walk = body.walk([&](Operation *op) {
    for (Value v : op->getOperands()) {
      if (v.getParentRegion() == &body || body.isAncestor(v.getParentRegion()))
        continue;
      Operation *def = v.getDefiningOp();
      if (def && def->getNumOperands() == 0 && def->hasTrait<OpTrait::ConstantLike>()) {
        if (constantSet.insert(def).second)
          constants.push_back(def);
        continue;
      }
      if (!isa<RankedTensorType>(v.getType())) {
        op->emitOpError() << "uses a " << v.getType()
                          << " value from outside its kernel group; groups take tensors only";
        return WalkResult::interrupt();
      }
      captures.insert(v);
    }
    return WalkResult::advance();
  });
  if (walk.wasInterrupted())
    return failure();

  auto yield = cast<YieldOp>(body.front().getTerminator());
  SmallVector<Type> argTypes;
  for (Value v : captures)
    argTypes.push_back(v.getType());
  OpBuilder builder(module.getBodyRegion());
  builder.setInsertionPointToEnd(module.getBody());
  auto fnType = builder.getFunctionType(argTypes, yield.getValues().getTypes());
  auto fn = builder.create<func::FuncOp>(kernel.getLoc(), "group", fnType);
  fn.setPrivate();
  StringRef role = kernel.getRole() ? *kernel.getRole() : "elementwise";
  fn->setAttr("norm.role", builder.getStringAttr(role));
  Block *entry = fn.addEntryBlock();
  IRMapping mapping;
  for (auto [v, arg] : llvm::zip(captures, entry->getArguments()))
    mapping.map(v, arg);
  builder.setInsertionPointToStart(entry);
  for (Operation *c : constants)
    builder.clone(*c, mapping);
  for (Operation &op : body.front().without_terminator())
    builder.clone(op, mapping);
  SmallVector<Value> results;
  for (Value v : yield.getValues())
    results.push_back(mapping.lookupOrDefault(v));
  builder.create<func::ReturnOp>(yield.getLoc(), results);

  // Name from the structure; identical groups share the first function.
  std::string text = structuralText(fn);
  uint64_t hash = llvm::xxh3_64bits(llvm::StringRef(text));
  std::string name;
  llvm::raw_string_ostream(name) << role << "_" << llvm::format_hex_no_prefix(hash, 16);
  func::FuncOp target = fn;
  const std::string base = name;
  for (int suffix = 1;; ++suffix) {
    auto existing = symbols.lookup<func::FuncOp>(name);
    if (!existing)
      break;
    // Same name: the same group, unless the 64-bit hash collided.
    std::string previous = existing.getSymName().str();
    existing.setSymName("group");
    bool same = structuralText(existing) == text;
    existing.setSymName(previous);
    if (same) {
      fn.erase();
      target = existing;
      break;
    }
    name = base + "_c" + std::to_string(suffix);
  }
  if (target == fn) {
    fn.setSymName(name);
    symbols.insert(fn);
  }

  builder.setInsertionPoint(kernel);
  auto call = builder.create<func::CallOp>(kernel.getLoc(), target, captures.getArrayRef());
  kernel.replaceAllUsesWith(call.getResults());
  kernel.erase();
  return success();
}

struct NormOutlineKernelsPass
    : public normc::impl::NormOutlineKernelsBase<NormOutlineKernelsPass> {
  void runOnOperation() override {
    ModuleOp module = getOperation();
    SymbolTable symbols(module);
    SmallVector<KernelOp> kernels;
    for (auto fn : module.getOps<func::FuncOp>())
      fn.walk([&](KernelOp k) { kernels.push_back(k); });
    for (KernelOp k : kernels)
      if (failed(outline(k, module, symbols)))
        return signalPassFailure();
    // Constants that only the groups used are now dead in the callers.
    for (auto fn : module.getOps<func::FuncOp>()) {
      if (fn->hasAttr("norm.role") || fn.isExternal())
        continue;
      SmallVector<Operation *> dead;
      for (Operation &op : fn.getBody().front())
        if (op.use_empty() && op.getNumOperands() == 0 &&
            op.hasTrait<OpTrait::ConstantLike>())
          dead.push_back(&op);
      for (Operation *op : dead)
        op->erase();
    }
  }
};

} // namespace
