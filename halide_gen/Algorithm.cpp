//===- Algorithm.cpp - dispatch from MLIR ops to algorithm builders -------===//
#include "Algorithm.h"

#include "mlir/IR/Diagnostics.h"
#include "llvm/Support/raw_ostream.h"

using namespace mlir;
using namespace normc::norm;

namespace normc {

namespace {
// Per thread: normc lowers on one thread, but nothing here needs it to.
thread_local std::string currentGroupPrefix;
} // namespace

Halide::Func groupFunc(const std::string &base) {
  return Halide::Func(currentGroupPrefix + base);
}

GroupNameScope::GroupNameScope(std::string prefix) : saved(std::move(currentGroupPrefix)) {
  currentGroupPrefix = std::move(prefix);
}

GroupNameScope::~GroupNameScope() { currentGroupPrefix = std::move(saved); }

const std::vector<Halide::Var> &halideVars(int rank) {
  // Named after the NCHW role of each dimension so that stmt output and
  // schedules read naturally: rank 4 gives (w, h, c, n) in Halide order.
  // Built once, in a function-local static (thread-safe initialization):
  // several threads may lower kernel groups at once (the tuner).
  static const std::vector<std::vector<Halide::Var>> cache = [] {
    static const char *spatial[] = {"w", "h", "d", "s3", "s4", "s5"};
    std::vector<std::vector<Halide::Var>> all(9);
    for (int r = 1; r <= 8; ++r)
      for (int k = 0; k < r; ++k) {
        int nchw = r - 1 - k;
        std::string name = nchw == 0 ? "n" : nchw == 1 ? "c" : spatial[k];
        all[r].emplace_back(name);
      }
    return all;
  }();
  return cache.at(rank);
}

std::vector<Halide::Expr> nchwVars(int rank) {
  const auto &vars = halideVars(rank);
  return std::vector<Halide::Expr>(vars.rbegin(), vars.rend());
}

Halide::Expr HTensor::at(const std::vector<Halide::Expr> &index) const {
  return at(func, index);
}

Halide::Expr HTensor::at(const Halide::Func &f,
                         const std::vector<Halide::Expr> &index) const {
  std::vector<Halide::Expr> args;
  for (int k = 0; k < rank(); ++k) {
    int d = rank() - 1 - k;
    args.push_back(unit[d] ? Halide::Expr(0) : index[d]);
  }
  return f(args);
}

std::string describeOp(Operation *op) {
  std::string text;
  llvm::raw_string_ostream os(text);
  os << op->getName();
  if (auto loc = dyn_cast<FileLineColLoc>(op->getLoc()))
    os << " at " << loc.getFilename().getValue() << ":" << loc.getLine() << ":"
       << loc.getColumn();
  return os.str();
}

void requireEqual(LoweredKernel &kernel, const Halide::Expr &a,
                  const Halide::Expr &b, std::vector<Halide::Expr> message) {
  if (Halide::Internal::equal(a, b))
    return;
  if (Halide::Internal::is_const(a) && Halide::Internal::is_const(b) &&
      Halide::Internal::can_prove(a == b))
    return;
  kernel.requirements.emplace_back(a == b, std::move(message));
}

/// True when every reassociation group of the expanded side holds at most
/// one dimension that is not statically 1: the reshape then only inserts or
/// removes unit dimensions, an index remapping halide_gen implements.
static bool onlyUnitDimsChange(ArrayRef<ReassociationIndices> groups,
                               RankedTensorType expanded) {
  return llvm::all_of(groups, [&](const ReassociationIndices &group) {
    return llvm::count_if(group, [&](int64_t d) {
             return expanded.getDimSize(d) != 1;
           }) <= 1;
  });
}

bool lowerOp(Operation *op, llvm::DenseMap<Value, HTensor> &values,
             LoweredKernel &kernel, StatsStrategy statsStrategy) {
  if (auto moments = dyn_cast<MomentsOp>(op)) {
    HTensor rstd;
    values[moments.getMean()] = buildMoments(
        moments, values.at(moments.getX()), kernel, statsStrategy, rstd);
    values[moments.getRstd()] = rstd;
    return true;
  }
  if (auto modulate = dyn_cast<ModulateOp>(op)) {
    values[modulate.getY()] = buildModulate(modulate, values, kernel);
    return true;
  }
  if (auto conv = dyn_cast<Conv2DOp>(op)) {
    const HTensor *bias = conv.getBias() ? &values.at(conv.getBias()) : nullptr;
    values[conv.getY()] = buildConv2D(conv, values.at(conv.getX()),
                                      values.at(conv.getWeight()), bias,
                                      // already a buffer: an argument of the
                                      // outlined group (a function argument
                                      // or a value an earlier group stored)
                                      isa<BlockArgument>(conv.getX()),
                                      kernel);
    return true;
  }
  if (auto pad = dyn_cast<PadOp>(op)) {
    values[pad.getY()] = buildPad(pad, values.at(pad.getX()), kernel);
    return true;
  }
  if (auto up = dyn_cast<UpsampleOp>(op)) {
    values[up.getY()] = buildUpsample(up, values.at(up.getX()));
    return true;
  }
  if (auto matmul = dyn_cast<MatmulOp>(op)) {
    values[matmul.getY()] = buildMatmul(matmul, values.at(matmul.getLhs()),
                                        values.at(matmul.getRhs()), kernel);
    return true;
  }
  if (isa<AddOp, MulOp, SubOp, DivOp>(op)) {
    values[op->getResult(0)] = buildBinary(op, values.at(op->getOperand(0)),
                                           values.at(op->getOperand(1)), kernel);
    return true;
  }
  if (auto expand = dyn_cast<tensor::ExpandShapeOp>(op)) {
    // Only reshapes that insert unit dimensions are index remappings that
    // halide_gen implements; anything else would need flattened indexing.
    if (!onlyUnitDimsChange(expand.getReassociationIndices(),
                            expand.getResultType())) {
      expand.emitOpError()
          << "splits a dimension into several non-unit dimensions; "
             "halide_gen only supports expand_shape that inserts unit "
             "dimensions";
      return false;
    }
    values[expand.getResult()] = buildExpandShape(expand, values.at(expand.getSrc()));
    return true;
  }
  if (auto collapse = dyn_cast<tensor::CollapseShapeOp>(op)) {
    if (!onlyUnitDimsChange(collapse.getReassociationIndices(),
                            collapse.getSrcType())) {
      collapse.emitOpError()
          << "merges several non-unit dimensions; halide_gen only supports "
             "collapse_shape that removes unit dimensions";
      return false;
    }
    values[collapse.getResult()] =
        buildCollapseShape(collapse, values.at(collapse.getSrc()));
    return true;
  }
  if (auto constant = dyn_cast<arith::ConstantOp>(op)) {
    HTensor t;
    if (buildSplatConstant(constant, t)) {
      values[constant.getResult()] = t;
      return true;
    }
    op->emitOpError() << "non-splat tensor constants are not supported by "
                         "halide_gen yet; pass them as function arguments";
    return false;
  }
  if (op->getNumOperands() == 1 && op->getNumResults() == 1) {
    HTensor out;
    auto it = values.find(op->getOperand(0));
    if (it != values.end() && buildActivation(op, it->second, out)) {
      values[op->getResult(0)] = out;
      return true;
    }
  }
  if (isa<InstanceNormOp, GroupNormOp, LayerNormOp, AdaINOp, SpadeOp,
          BatchNormOp, BatchNormTrainOp, ConditionalInstanceNormOp,
          BatchInstanceNormOp, InstanceNormTrainOp>(op)) {
    op->emitOpError() << "must be decomposed before code generation (run "
                         "--norm-decompose)";
    return false;
  }
  op->emitOpError() << "cannot be compiled by halide_gen";
  return false;
}

} // namespace normc
