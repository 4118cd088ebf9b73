//===- AlgorithmElementwise.cpp - modulate, activations, reshapes ---------===//
#include "Algorithm.h"

#include "llvm/Support/raw_ostream.h"

using namespace Halide;
using namespace mlir;
using namespace normc::norm;

namespace normc {

HTensor buildModulate(ModulateOp op, llvm::DenseMap<Value, HTensor> &values,
                      LoweredKernel &kernel) {
  const HTensor &x = values.at(op.getX());
  const int rank = x.rank();
  std::vector<Expr> v = nchwVars(rank);

  // Operands that do not broadcast must match x at run time (dynamic dims).
  auto checked = [&](Value operand, const char *role) -> const HTensor * {
    if (!operand)
      return nullptr;
    const HTensor &t = values.at(operand);
    for (int d = 0; d < rank; ++d)
      if (!t.unit[d])
        requireEqual(kernel, t.shape[d], x.shape[d],
                     {std::string("shape mismatch: dimension ") +
                          std::to_string(d) + " of the " + role + " of " +
                          describeOp(op) + " is",
                      t.shape[d], "but dimension " + std::to_string(d) +
                                      " of its x is",
                      x.shape[d]});
    return &t;
  };
  const HTensor *mean = checked(op.getMean(), "mean");
  const HTensor *rstd = checked(op.getRstd(), "rstd");
  const HTensor *scale = checked(op.getScale(), "scale");
  const HTensor *shift = checked(op.getShift(), "shift");

  // (x - mean) * (rstd * scale) + shift. The subtraction comes first on
  // purpose: folding the mean into the shift (x * a + (shift - mean * a))
  // cancels catastrophically when the mean is large relative to the spread.
  // With moments' split mean (shift s + offset o) it is (x - s) - o: x - s is
  // exact or nearly (s is a sample of the same data) and the mean is never
  // rounded to f32 as a whole. strict_float stops Halide's simplifier and
  // LLVM's fast-math from reassociating it back into x - (s + o).
  Expr centered = mean->splitMean
                      ? strict_float((x.at(v) - mean->at(mean->shiftPart, v)) -
                                     mean->at(mean->offsetPart, v))
                      : x.at(v) - mean->at(v);
  Expr a = rstd->at(v);
  if (scale)
    a = a * scale->at(v);
  Expr y = centered * a;
  if (shift)
    y = y + shift->at(v);

  Func f = groupFunc("modulate" + std::to_string(kernel.moments.size()));
  f(halideVars(rank)) = y;
  return HTensor{f, x.shape, std::vector<bool>(rank, false)};
}

bool buildActivation(Operation *op, const HTensor &x, HTensor &out) {
  std::vector<Expr> v = nchwVars(x.rank());
  Expr e = x.at(v);
  Expr y;
  if (isa<ReluOp>(op)) {
    y = max(e, 0.0f);
  } else if (auto leaky = dyn_cast<LeakyReluOp>(op)) {
    y = select(e >= 0.0f, e, e * leaky.getAlpha().convertToFloat());
  } else if (isa<SigmoidOp>(op)) {
    y = 1.0f / (1.0f + exp(-e));
  } else if (isa<SiluOp>(op)) {
    y = e / (1.0f + exp(-e));
  } else if (isa<TanhOp>(op)) {
    y = tanh(e);
  } else if (isa<ReciprocalOp>(op)) {
    y = 1.0f / e;
  } else if (isa<SqrtOp>(op)) {
    y = sqrt(e);
  } else if (auto clampOp = dyn_cast<ClampOp>(op)) {
    y = clamp(e, clampOp.getMin().convertToFloat(), clampOp.getMax().convertToFloat());
  } else if (auto gelu = dyn_cast<GeluOp>(op)) {
    if (gelu.getTanhApproximation())
      y = 0.5f * e *
          (1.0f + tanh(0.7978845608028654f * (e + 0.044715f * e * e * e)));
    else
      y = 0.5f * e * (1.0f + erf(e * 0.7071067811865476f));
  } else {
    return false;
  }
  Func f(op->getName().stripDialect().str());
  f(halideVars(x.rank())) = y;
  out = HTensor{f, x.shape, std::vector<bool>(x.rank(), false)};
  for (int d = 0; d < x.rank(); ++d)
    out.unit[d] = x.unit[d];
  return true;
}

HTensor buildMatmul(MatmulOp op, const HTensor &lhs, const HTensor &rhs,
                    LoweredKernel &kernel) {
  requireEqual(kernel, lhs.shape[1], rhs.shape[0],
               {"shape mismatch: " + describeOp(op) + " contracts", lhs.shape[1],
                std::string("columns with"), rhs.shape[0], std::string("rows")});
  RDom k(0, lhs.shape[1], "k_matmul");
  std::vector<Expr> v = nchwVars(2);
  Func f = groupFunc("matmul");
  f(halideVars(2)) = 0.0f;
  f(halideVars(2)) += lhs.at({v[0], Expr(k)}) * rhs.at({Expr(k), v[1]});
  kernel.smallTables.push_back(f);
  HTensor out{f, {lhs.shape[0], rhs.shape[1]}, {lhs.unit[0], rhs.unit[1]}};
  return out;
}

HTensor buildBinary(Operation *op, const HTensor &a, const HTensor &b,
                    LoweredKernel &kernel) {
  const int rank = a.rank();
  HTensor out;
  for (int d = 0; d < rank; ++d) {
    out.shape.push_back(a.unit[d] ? b.shape[d] : a.shape[d]);
    out.unit.push_back(a.unit[d] && b.unit[d]);
    if (!a.unit[d] && !b.unit[d])
      requireEqual(kernel, a.shape[d], b.shape[d],
                   {"shape mismatch: dimension " + std::to_string(d) +
                        " of the operands of " + describeOp(op) + " is",
                    a.shape[d], std::string("and"), b.shape[d]});
  }
  std::vector<Expr> v = nchwVars(rank);
  Expr l = a.at(v), r = b.at(v);
  Expr y = isa<AddOp>(op)   ? l + r
           : isa<SubOp>(op) ? l - r
           : isa<DivOp>(op) ? l / r
                            : l * r;
  Func f(op->getName().stripDialect().str());
  f(halideVars(rank)) = y;
  out.func = f;
  return out;
}

HTensor buildExpandShape(tensor::ExpandShapeOp op, const HTensor &src) {
  auto type = op.getResultType();
  const int rank = type.getRank();
  HTensor out;
  out.shape.resize(rank);
  out.unit.assign(rank, false);
  std::vector<Expr> v = nchwVars(rank);
  std::vector<Expr> srcIdx(src.rank(), Expr(0));
  // normc only inserts unit dimensions: in each reassociation group at most
  // one result dimension is not statically 1, and it carries the source dim.
  for (auto [j, group] : llvm::enumerate(op.getReassociationIndices())) {
    for (int64_t d : group) {
      int64_t size = type.getDimSize(d);
      out.unit[d] = size == 1;
      out.shape[d] = ShapedType::isDynamic(size) ? src.shape[j]
                                                 : Expr(static_cast<int>(size));
      if (size != 1)
        srcIdx[j] = v[d];
    }
  }
  Func f = groupFunc("expand");
  f(halideVars(rank)) = src.at(srcIdx);
  out.func = f;
  return out;
}

HTensor buildCollapseShape(tensor::CollapseShapeOp op, const HTensor &src) {
  // The inverse of buildExpandShape: each group of source dimensions (at most
  // one of them not statically 1) becomes one result dimension.
  auto srcType = op.getSrcType();
  const int rank = op.getResultType().getRank();
  std::vector<Expr> v = nchwVars(rank);
  std::vector<Expr> srcIdx(src.rank(), Expr(0));
  HTensor out;
  for (auto [j, group] : llvm::enumerate(op.getReassociationIndices())) {
    Expr extent = 1;
    bool unit = true;
    for (int64_t d : group)
      if (srcType.getDimSize(d) != 1) {
        srcIdx[d] = v[j];
        extent = src.shape[d];
        unit = false;
      }
    out.shape.push_back(extent);
    out.unit.push_back(unit);
  }
  Func f = groupFunc("collapse");
  f(halideVars(rank)) = src.at(srcIdx);
  out.func = f;
  return out;
}

bool buildSplatConstant(arith::ConstantOp op, HTensor &out) {
  auto attr = dyn_cast<DenseFPElementsAttr>(op.getValue());
  auto type = dyn_cast<RankedTensorType>(op.getType());
  if (!attr || !attr.isSplat() || !type || !type.hasStaticShape())
    return false;
  Func f = groupFunc("constant");
  f(halideVars(type.getRank())) =
      Expr(attr.getSplatValue<APFloat>().convertToFloat());
  out.func = f;
  for (int64_t size : type.getShape()) {
    out.shape.push_back(Expr(static_cast<int>(size)));
    out.unit.push_back(size == 1);
  }
  return true;
}

} // namespace normc
