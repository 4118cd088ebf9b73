//===- FormKernels.cpp - partition functions into fused kernel groups -----===//
//
// Each public function's ops are partitioned into kernel groups
// (`norm.kernel` regions, compiled by halide_gen into one Halide pipeline per
// function, one fused loop nest per group). Rules of the default "chains"
// policy, applied to the ops in order:
//
//  - an op joins the group of one of its operands' producers when that
//    value has no other use (besides being returned), so every value that a
//    later group reads is materialized exactly once;
//  - pad and upsample join only groups of pads and upsamples; a conv2d joins
//    such a group through its input; a normalization (any variant, or
//    norm.moments) joins a group that has a conv and no normalization yet;
//    norm.modulate joins the group that computes its statistics;
//    activations and the other elementwise ops (add, mul, ...) join any
//    group: the chain pad/upsample -> conv -> norm -> activation -> add is one
//    group. A join that would make two groups read each other's values is
//    skipped;
//  - a group of elementwise ops on arguments only (weights scaled by a
//    folded batch norm, reshaped affine parameters) joins the one group that
//    reads it;
//  - groups run in a topological order of the values they pass;
//  - operand-less ops (constants) are cloned into every group that uses them.
//
// "none" puts every op in its own group (for comparing fused and unfused
// builds), "single" puts the whole function in one group.
//
//===----------------------------------------------------------------------===//
#include "passes/Passes.h"
#include "tuning/Knobs.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/IRMapping.h"
#include "llvm/ADT/DenseSet.h"


namespace normc {
#define GEN_PASS_DEF_NORMFORMKERNELS
#include "passes/Passes.h.inc"
} // namespace normc

using namespace mlir;
using namespace normc;
using namespace normc::norm;

namespace {

enum class OpKind { Producer, Conv, Norm, Modulate, Elementwise };

OpKind kindOf(Operation *op) {
  if (isa<PadOp, UpsampleOp>(op))
    return OpKind::Producer;
  if (isa<Conv2DOp>(op))
    return OpKind::Conv;
  if (isa<ModulateOp>(op))
    return OpKind::Modulate;
  if (isa<InstanceNormOp, GroupNormOp, LayerNormOp, AdaINOp, SpadeOp,
          ConditionalInstanceNormOp, BatchNormOp, BatchNormTrainOp,
          BatchInstanceNormOp, InstanceNormTrainOp, MomentsOp>(op))
    return OpKind::Norm;
  return OpKind::Elementwise;
}

struct Group {
  SmallVector<Operation *> ops;
  llvm::DenseSet<Operation *> members;
  bool hasConv = false, hasNorm = false, onlyProducers = true;

  void add(Operation *op) {
    ops.push_back(op);
    members.insert(op);
    OpKind k = kindOf(op);
    hasConv |= k == OpKind::Conv;
    hasNorm |= k == OpKind::Norm || k == OpKind::Modulate;
    onlyProducers &= k == OpKind::Producer;
  }
  bool produces(Value v) const {
    return v.getDefiningOp() && members.contains(v.getDefiningOp());
  }
};

/// Whether `op` may join `g` through its operand `via` (produced by g).
bool canJoin(const Group &g, Operation *op, Value via) {
  switch (kindOf(op)) {
  case OpKind::Producer:
    return g.onlyProducers;
  case OpKind::Conv:
    return g.onlyProducers && via == op->getOperand(0);
  case OpKind::Norm:
    return g.hasConv && !g.hasNorm && via == op->getOperand(0);
  case OpKind::Modulate:
    // Its statistics come from this group, or it is the normalization after
    // a conv (a user's own moments + modulate).
    return isa_and_nonnull<MomentsOp>(via.getDefiningOp()) ||
           (g.hasConv && !g.hasNorm && via == op->getOperand(0));
  case OpKind::Elementwise:
    return true;
  }
  return false;
}

/// `v` may carry `op` into v's group: its only uses are `op` and the
/// function's return (a returned value is written anyway).
bool singleUse(Value v, Operation *op) {
  return llvm::all_of(v.getUsers(), [&](Operation *user) {
    return user == op || isa<func::ReturnOp>(user);
  });
}

/// Partitions `body`'s ops into groups listed in an execution order;
/// operand-less ops go to `freeOps`.
std::vector<Group> partition(Block &body, StringRef policy,
                             SmallVectorImpl<Operation *> &freeOps) {
  std::vector<Group> groups;
  llvm::DenseMap<Operation *, int> groupOf, position;
  // deps[g]: the groups whose values g reads.
  std::vector<llvm::DenseSet<int>> deps;
  auto producerGroup = [&](Value v) -> int {
    Operation *def = v.getDefiningOp();
    auto it = def ? groupOf.find(def) : groupOf.end();
    return it == groupOf.end() ? -1 : it->second;
  };
  // Whether group `from` reads, directly or not, a value of group `to`: a
  // walk of the group graph that visits each group once (a recursion over
  // every path is exponential in the depth of a residual stack).
  auto dependsOn = [&](int from, int to) {
    llvm::SmallVector<int> work = {from};
    llvm::DenseSet<int> seen = {from};
    while (!work.empty()) {
      int g = work.pop_back_val();
      if (g == to)
        return true;
      for (int d : deps[g])
        if (seen.insert(d).second)
          work.push_back(d);
    }
    return false;
  };

  for (Operation &opRef : body.without_terminator()) {
    Operation *op = &opRef;
    position[op] = static_cast<int>(position.size());
    if (op->getNumOperands() == 0) {
      freeOps.push_back(op);
      continue;
    }
    int target = -1;
    if (policy == "single" && !groups.empty()) {
      target = 0;
    } else if (policy == "chains") {
      for (Value v : op->getOperands()) {
        int g = producerGroup(v);
        if (g < 0 || !singleUse(v, op) || !canJoin(groups[g], op, v))
          continue;
        // Joining must not make g read a value computed from g's own
        // results by another group (a cycle between kernels).
        bool cycle = llvm::any_of(op->getOperands(), [&](Value u) {
          int h = producerGroup(u);
          return h >= 0 && h != g && dependsOn(h, g);
        });
        if (!cycle) {
          target = g;
          break;
        }
      }
    }
    if (target < 0) {
      target = static_cast<int>(groups.size());
      groups.emplace_back();
      deps.emplace_back();
    }
    groups[target].add(op);
    groupOf[op] = target;
    for (Value v : op->getOperands()) {
      int h = producerGroup(v);
      if (h >= 0 && h != target)
        deps[target].insert(h);
    }
  }

  // Parameter preparation (elementwise ops on arguments only, e.g. weights
  // scaled by a folded batch norm, reshaped affine parameters) joins the one
  // group that reads it: computed there once, not materialized in between.
  // A group is parameter preparation when it holds only elementwise ops and
  // reads only such groups; merging repeats until nothing changes, so a
  // value shared by two preparation chains (a folded batch norm's scale,
  // read by the weight and the bias chains) follows them once both have
  // joined their reader.
  std::vector<int> mergedInto(groups.size(), -1);
  if (policy == "chains") {
    std::vector<bool> param(groups.size());
    for (size_t g = 0; g < groups.size(); ++g)
      param[g] = llvm::all_of(groups[g].ops, [](Operation *op) {
        return kindOf(op) == OpKind::Elementwise;
      });
    for (bool changed = true; changed;) {
      changed = false;
      for (size_t g = 0; g < groups.size(); ++g)
        if (param[g] && llvm::any_of(deps[g], [&](int h) { return !param[h]; })) {
          param[g] = false;
          changed = true;
        }
    }
    for (bool changed = true; changed;) {
      changed = false;
      for (size_t g = 0; g < groups.size(); ++g) {
        if (!param[g] || mergedInto[g] >= 0)
          continue;
        llvm::DenseSet<int> readers;
        bool returned = false;
        for (Operation *op : groups[g].ops)
          for (Operation *user : op->getUsers()) {
            if (isa<func::ReturnOp>(user))
              returned = true;
            else if (groupOf.count(user) && groupOf[user] != static_cast<int>(g))
              readers.insert(groupOf[user]);
          }
        if (returned || readers.size() != 1)
          continue;
        int into = *readers.begin(); // groupOf follows merges: already live
        for (Operation *op : groups[g].ops) {
          groups[into].add(op);
          groupOf[op] = into;
        }
        mergedInto[g] = into; // readers of g now read `into`: see below
        changed = true;
      }
    }
  }

  // Execution order: a topological order of the group graph, earliest first
  // op first; each group's ops keep their order in the function.
  std::vector<int> live;
  for (size_t g = 0; g < groups.size(); ++g)
    if (mergedInto[g] < 0)
      live.push_back(static_cast<int>(g));
  for (int g : live) {
    llvm::DenseSet<int> resolved;
    for (int d : deps[g]) {
      while (mergedInto[d] >= 0)
        d = mergedInto[d];
      if (d != g)
        resolved.insert(d);
    }
    deps[g] = resolved;
    llvm::sort(groups[g].ops, [&](Operation *a, Operation *b) {
      return position[a] < position[b];
    });
  }
  std::vector<Group> ordered;
  llvm::DenseSet<int> done;
  while (ordered.size() < live.size()) {
    int next = -1;
    for (int g : live)
      if (!done.contains(g) &&
          llvm::all_of(deps[g], [&](int d) { return done.contains(d); }) &&
          (next < 0 || position[groups[g].ops.front()] <
                           position[groups[next].ops.front()]))
        next = g;
    done.insert(next);
    ordered.push_back(std::move(groups[next]));
  }
  return ordered;
}

/// Moves `group`'s ops into a new norm.kernel before `ret`; values used
/// outside the group become the kernel's results.
/// The group's role, decided here once for the schedules and the records.
GroupRole roleOf(const Group &group) {
  if (group.hasConv)
    return group.hasNorm ? GroupRole::ConvNorm : GroupRole::Conv;
  return group.hasNorm ? GroupRole::Norm : GroupRole::Elementwise;
}

void buildKernel(func::ReturnOp ret, const Group &group, StringRef name, GroupRole role,
                 ArrayRef<Operation *> freeOps) {
  SmallVector<Value> results;
  for (Operation *op : group.ops)
    for (Value v : op->getResults())
      if (llvm::any_of(v.getUsers(), [&](Operation *user) {
            return !group.members.contains(user);
          }))
        results.push_back(v);
  SmallVector<Type> types;
  for (Value v : results)
    types.push_back(v.getType());

  OpBuilder builder(ret);
  auto kernel = builder.create<KernelOp>(ret.getLoc(), types, builder.getStringAttr(name),
                                         builder.getStringAttr(roleName(role)));
  Block *kernelBody = builder.createBlock(&kernel.getBody());
  builder.setInsertionPointToEnd(kernelBody);
  auto yield = builder.create<YieldOp>(ret.getLoc(), results);
  // Constants used by the group are cloned in, so the group is self-contained.
  builder.setInsertionPointToStart(kernelBody);
  IRMapping cloned;
  for (Operation *free : freeOps)
    if (llvm::any_of(free->getUsers(), [&](Operation *user) {
          return group.members.contains(user);
        }))
      builder.clone(*free, cloned);
  for (Operation *op : group.ops) {
    op->moveBefore(yield);
    for (OpOperand &operand : op->getOpOperands())
      if (Value mapped = cloned.lookupOrNull(operand.get()))
        operand.set(mapped);
  }
  for (auto [value, result] : llvm::zip(results, kernel.getResults()))
    value.replaceUsesWithIf(result, [&](OpOperand &use) {
      return !kernel->isProperAncestor(use.getOwner());
    });
}

void formKernels(func::FuncOp func, StringRef policy) {
  Block &body = func.getBody().front();
  auto ret = cast<func::ReturnOp>(body.getTerminator());
  if (&body.front() == ret.getOperation() ||
      llvm::any_of(body.without_terminator(),
                   [](Operation &op) { return isa<KernelOp>(op); }))
    return; // nothing to group, or already formed

  SmallVector<Operation *> freeOps;
  std::vector<Group> groups = partition(body, policy, freeOps);
  for (auto [i, group] : llvm::enumerate(groups)) {
    std::string name = func.getSymName().str();
    if (groups.size() > 1)
      name += "_g" + std::to_string(i);
    buildKernel(ret, group, name, roleOf(group), freeOps);
  }
  for (Operation *free : freeOps)
    if (free->use_empty())
      free->erase();
}

struct NormFormKernelsPass
    : public normc::impl::NormFormKernelsBase<NormFormKernelsPass> {
  using NormFormKernelsBase::NormFormKernelsBase;
  void runOnOperation() override {
    if (policy != "chains" && policy != "none" && policy != "single") {
      getOperation().emitError()
          << "norm-form-kernels: unknown policy '" << policy
          << "' (expected chains, none or single)";
      return signalPassFailure();
    }
    for (auto func : getOperation().getOps<func::FuncOp>()) {
      if (!func.isPublic() || func.isExternal())
        continue;
      // A function may choose its own policy: {norm.fuse = "none"}.
      std::string funcPolicy = policy;
      if (Attribute raw = func->getAttr("norm.fuse")) {
        auto attr = dyn_cast<StringAttr>(raw);
        if (!attr) {
          func.emitError() << "norm.fuse must be a string (chains, none or single)";
          return signalPassFailure();
        }
        funcPolicy = attr.str();
        if (funcPolicy != "chains" && funcPolicy != "none" && funcPolicy != "single") {
          func.emitError() << "norm.fuse = \"" << funcPolicy
                           << "\" is not a fusion policy (expected chains, none "
                              "or single)";
          return signalPassFailure();
        }
      }
      formKernels(func, funcPolicy);
    }
  }
};

} // namespace
