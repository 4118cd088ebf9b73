//===- AssignSchedules.cpp - knobs for every outlined kernel group --------===//
//
// requested = backend defaults for (target, group)
//             <- best tuning record for (group, target, this hardware)
//             <- --schedule overrides
// written as norm.schedule = {requested = {...}, source = "..."} on each
// group function. One note per group says where its knobs came from when a
// tuning database was given.
//
//===----------------------------------------------------------------------===//
#include "passes/Passes.h"
#include "tuning/Defaults.h"
#include "tuning/TuningDb.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/Diagnostics.h"

#include <cstdio>
#include "llvm/Support/Format.h"

namespace normc {
#define GEN_PASS_DEF_NORMASSIGNSCHEDULES
#include "passes/Passes.h.inc"
} // namespace normc

using namespace mlir;
using namespace normc;

namespace {

GroupShape shapeOf(func::FuncOp fn) {
  GroupShape shape;
  if (fn.getNumResults() == 0)
    return shape;
  auto type = dyn_cast<RankedTensorType>(fn.getResultTypes()[0]);
  if (type && type.hasStaticShape() && type.getElementType().isIntOrFloat())
    shape.resultBytes = type.getNumElements() *
                        static_cast<int64_t>((type.getElementTypeBitWidth() + 7) / 8);
  if (!type || type.getRank() != 4)
    return shape;
  shape.rank4 = true;
  // A channels_last op anywhere in the group makes it an NHWC group.
  fn.walk([&](Operation *op) {
    if (op->hasAttr("channels_last"))
      shape.channelsLast = true;
  });
  auto dim = [&](int d) { return type.isDynamicDim(d) ? int64_t(-1) : type.getDimSize(d); };
  shape.n = dim(0);
  // An argument with the result's shape less the batch dim (layer norm's
  // scale and bias over (C, H, W)): a parameter every sample reads whole.
  if (type.hasStaticShape())
    shape.sampleSizedParameter = llvm::any_of(fn.getArgumentTypes(), [&](Type arg) {
      auto argType = dyn_cast<RankedTensorType>(arg);
      return argType && argType.getShape() == type.getShape().drop_front();
    });
  if (shape.channelsLast) {
    shape.h = dim(1), shape.w = dim(2), shape.c = dim(3);
  } else {
    shape.c = dim(1), shape.h = dim(2), shape.w = dim(3);
  }
  return shape;
}

DictionaryAttr toAttr(Builder &b, const llvm::json::Object &knobs) {
  SmallVector<NamedAttribute> entries;
  for (const auto &[key, value] : knobs) {
    Attribute a;
    if (auto i = value.getAsInteger())
      a = b.getI64IntegerAttr(*i);
    else if (auto flag = value.getAsBoolean())
      a = b.getBoolAttr(*flag);
    else
      a = b.getStringAttr(*value.getAsString());
    entries.push_back(b.getNamedAttr(key.str(), a));
  }
  return b.getDictionaryAttr(entries);
}

struct NormAssignSchedulesPass
    : public normc::impl::NormAssignSchedulesBase<NormAssignSchedulesPass> {
  using NormAssignSchedulesBase::NormAssignSchedulesBase;

  void runOnOperation() override {
    ModuleOp module = getOperation();
    std::string error;
    CpuKnobs probe;
    if (!applyKnobOverrides(probe, overrides, error)) {
      module.emitError() << error << " in '--schedule=" << overrides << "'";
      return signalPassFailure();
    }
    TuningDb db;
    bool haveDb = !tuningDb.empty();
    if (haveDb && !loadTuningDb(tuningDb, db, error)) {
      module.emitError() << error;
      return signalPassFailure();
    }
    const TargetFacts facts = targetFacts(target);
    const HardwareFingerprint host = hostFingerprint();
    Builder b(&getContext());

    for (auto fn : module.getOps<func::FuncOp>()) {
      auto roleAttr = fn->getAttrOfType<StringAttr>("norm.role");
      if (!roleAttr)
        continue;
      GroupRole role;
      if (!parseRole(roleAttr.str(), role)) {
        fn.emitError() << "norm.role '" << roleAttr.getValue()
                       << "' is not a kernel group role (expected " << roleNames() << ")";
        return signalPassFailure();
      }
      CpuKnobs knobs = scheduleDefaults(facts, role, shapeOf(fn));
      std::string source = "defaults";
      if (haveDb) {
        const TuningRecord *record = db.best(fn.getSymName().str(), target, host);
        if (record) {
          if (!knobsFromJson(record->knobs, knobs, error)) {
            fn.emitError() << "tuning record for @" << fn.getSymName() << ": " << error;
            return signalPassFailure();
          }
          source = "tuning-db";
          std::string where = record->hardware.sameMachineKind(host)
                                  ? std::string("this machine's kind")
                                  : "'" + record->hardware.cpu + "' (" +
                                        record->hardware.features + ")";
          char time[32];
          std::snprintf(time, sizeof(time), "%.3g", record->timeMs);
          fn.emitRemark() << "@" << fn.getSymName() << ": tuning record applied (" << time
                              << " ms, measured on " << where << ")";
        } else {
          fn.emitRemark() << "@" << fn.getSymName() << ": no tuning record for target '"
                              << target << "', using defaults";
        }
      }
      if (!overrides.empty()) {
        applyKnobOverrides(knobs, overrides, error); // validated above
        source += "+overrides";
      }
      fn->setAttr("norm.schedule",
                  b.getDictionaryAttr({b.getNamedAttr("requested", toAttr(b, knobsToJson(knobs, role, facts.gpu))),
                                       b.getNamedAttr("source", b.getStringAttr(source))}));
    }
  }
};

} // namespace
