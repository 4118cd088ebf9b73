//===- NormOps.cpp - verifiers, folders and canonicalizations -------------===//
#include "dialect/NormOps.h"
#include "dialect/VerifyUtils.h"
#include "tuning/Knobs.h"

#include "mlir/IR/Matchers.h"
#include "mlir/IR/TypeUtilities.h"
#include "mlir/IR/PatternMatch.h"
#include "llvm/ADT/STLExtras.h"

using namespace mlir;
using namespace normc::norm;

namespace {

/// The channel dimension: 1 for NCHW, the last one for channels-last
/// (NHWC) tensors.
int64_t channelDim(RankedTensorType x, bool channelsLast) {
  return channelsLast ? x.getRank() - 1 : 1;
}

/// Checks the rank of an `[N, C, spatial...]` (or channels-last
/// `[N, spatial..., C]`) input.
LogicalResult verifyNchwRank(Operation *op, RankedTensorType x, int64_t minRank,
                             int64_t maxRank, bool channelsLast) {
  if (x.getRank() < minRank || x.getRank() > maxRank)
    return op->emitOpError() << "expects x of rank " << minRank << " to "
                             << maxRank
                             << (channelsLast ? " ([N, spatial..., C])"
                                              : " ([N, C, spatial...])")
                             << ", got rank " << x.getRank();
  return success();
}

/// Checks a per-channel parameter of shape [C] against x's channel count.
LogicalResult verifyChannelParam(Operation *op, Value param, StringRef name,
                                 RankedTensorType x, bool channelsLast) {
  if (!param)
    return success();
  int64_t len = cast<RankedTensorType>(param.getType()).getDimSize(0);
  int64_t channels = x.getDimSize(channelDim(x, channelsLast));
  if (!dimsCompatible(len, channels))
    return op->emitOpError() << name << " has " << len
                             << " elements but x has " << channels
                             << " channels";
  return success();
}

/// Checks that `operand` broadcasts against `x`: same rank, each dimension 1
/// or equal to x's.
LogicalResult verifyBroadcastable(Operation *op, Value operand, StringRef name,
                                  RankedTensorType x, StringRef target = "x") {
  if (!operand)
    return success();
  auto type = cast<RankedTensorType>(operand.getType());
  if (type.getRank() != x.getRank())
    return op->emitOpError() << name << " must have the rank of " << target << " ("
                             << x.getRank() << "), got rank "
                             << type.getRank();
  for (int64_t i = 0; i < x.getRank(); ++i) {
    int64_t d = type.getDimSize(i);
    if (d != 1 && !dimsCompatible(d, x.getDimSize(i)))
      return op->emitOpError()
             << name << " dimension " << i << " is " << dimString(d)
             << ", expected 1 or " << dimString(x.getDimSize(i))
             << " to broadcast against " << target;
  }
  return success();
}

LogicalResult verifyGroupsDivideChannels(Operation *op, int64_t groups,
                                         RankedTensorType x, bool channelsLast) {
  int64_t channels = x.getDimSize(channelDim(x, channelsLast));
  if (!ShapedType::isDynamic(channels) && channels % groups != 0)
    return op->emitOpError() << "groups = " << groups
                             << " does not divide the " << channels
                             << " channels of x";
  return success();
}

} // namespace

//===----------------------------------------------------------------------===//
// High-level ops
//===----------------------------------------------------------------------===//

LogicalResult InstanceNormOp::verify() {
  auto x = getX().getType();
  bool cl = getChannelsLast();
  if (failed(verifyNchwRank(*this, x, 3, 5, cl)) ||
      failed(verifyChannelParam(*this, getScale(), "scale", x, cl)) ||
      failed(verifyChannelParam(*this, getBias(), "bias", x, cl)))
    return failure();
  return success();
}

LogicalResult GroupNormOp::verify() {
  auto x = getX().getType();
  bool cl = getChannelsLast();
  if (failed(verifyNchwRank(*this, x, 2, 5, cl)) ||
      failed(verifyGroupsDivideChannels(*this, getGroups(), x, cl)) ||
      failed(verifyChannelParam(*this, getScale(), "scale", x, cl)) ||
      failed(verifyChannelParam(*this, getBias(), "bias", x, cl)))
    return failure();
  return success();
}

LogicalResult LayerNormOp::verify() {
  auto x = getX().getType();
  int64_t axis = getAxis();
  if (x.getRank() < 1 || x.getRank() > 8)
    return emitOpError() << "expects x of rank 1 to 8, got rank "
                         << x.getRank();
  if (axis >= x.getRank())
    return emitOpError() << "axis = " << axis << " is out of range for x of rank "
                         << x.getRank();
  ArrayRef<int64_t> normalized = x.getShape().drop_front(axis);
  for (auto [param, name] : {std::pair<Value, StringRef>{getScale(), "scale"},
                             {getBias(), "bias"}}) {
    if (!param)
      continue;
    auto type = cast<RankedTensorType>(param.getType());
    if (type.getRank() != static_cast<int64_t>(normalized.size()))
      return emitOpError() << name << " must have rank " << normalized.size()
                           << " (the dimensions of x from axis " << axis
                           << "), got rank " << type.getRank();
    for (auto [i, d] : llvm::enumerate(type.getShape()))
      if (!dimsCompatible(d, normalized[i]))
        return emitOpError() << name << " dimension " << i << " is "
                             << dimString(d) << " but x dimension "
                             << axis + i << " is " << dimString(normalized[i]);
  }
  return success();
}

//===----------------------------------------------------------------------===//
// Core ops
//===----------------------------------------------------------------------===//

LogicalResult MomentsOp::verify() {
  auto x = getX().getType();
  ArrayRef<int64_t> dims = getDims();
  if (dims.empty() && getGroups() == 1)
    return emitOpError()
           << "needs at least one dimension to reduce (or groups > 1)";
  for (auto [i, d] : llvm::enumerate(dims)) {
    if (d < 0 || d >= x.getRank())
      return emitOpError() << "reduced dimension " << d
                           << " is out of range for x of rank " << x.getRank();
    if (i > 0 && dims[i - 1] >= d)
      return emitOpError() << "reduced dimensions must be strictly increasing";
  }
  int64_t groups = getGroups();
  if (groups > 1) {
    bool cl = getChannelsLast();
    if (x.getRank() < 2 || llvm::is_contained(dims, channelDim(x, cl)))
      return emitOpError() << "groups = " << groups << " needs a channel dimension "
                           << (x.getRank() < 2 ? 1 : channelDim(x, cl))
                           << " that is not reduced";
    if (failed(verifyGroupsDivideChannels(*this, groups, x, cl)))
      return failure();
  }
  auto result = getMean().getType();
  if (getRstd().getType() != result)
    return emitOpError() << "mean and rstd must have the same type";
  if (result.getRank() != x.getRank())
    return emitOpError() << "results must have the rank of x (" << x.getRank()
                         << "), got rank " << result.getRank();
  for (int64_t i = 0; i < x.getRank(); ++i) {
    int64_t d = result.getDimSize(i);
    if (llvm::is_contained(dims, i)) {
      if (d != 1)
        return emitOpError() << "result dimension " << i
                             << " is reduced and must be 1, got "
                             << dimString(d);
    } else if (!dimsCompatible(d, x.getDimSize(i))) {
      return emitOpError() << "result dimension " << i << " is "
                           << dimString(d) << " but x dimension " << i
                           << " is " << dimString(x.getDimSize(i));
    }
  }
  return success();
}

LogicalResult ModulateOp::verify() {
  auto x = getX().getType();
  if (failed(verifyBroadcastable(*this, getMean(), "mean", x)) ||
      failed(verifyBroadcastable(*this, getRstd(), "rstd", x)) ||
      failed(verifyBroadcastable(*this, getScale(), "scale", x)) ||
      failed(verifyBroadcastable(*this, getShift(), "shift", x)))
    return failure();
  return success();
}

namespace {
/// True if `v` is a constant whose elements all equal `expected`.
bool isSplatConstant(Value v, double expected) {
  DenseFPElementsAttr attr;
  if (!v || !matchPattern(v, m_Constant(&attr)) || !attr.isSplat())
    return false;
  return attr.getSplatValue<APFloat>().convertToDouble() == expected;
}

/// modulate(x, m, r, scale = 1, shift = 0) -> modulate(x, m, r): an identity
/// affine costs a load and a multiply-add per element in the generated code.
struct DropIdentityAffine : OpRewritePattern<ModulateOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(ModulateOp op,
                                PatternRewriter &rewriter) const override {
    bool dropScale = isSplatConstant(op.getScale(), 1.0);
    bool dropShift = isSplatConstant(op.getShift(), 0.0);
    if (!dropScale && !dropShift)
      return failure();
    rewriter.replaceOpWithNewOp<ModulateOp>(
        op, op.getType(), op.getX(), op.getMean(), op.getRstd(),
        dropScale ? Value() : op.getScale(),
        dropShift ? Value() : op.getShift());
    return success();
  }
};
} // namespace

void ModulateOp::getCanonicalizationPatterns(RewritePatternSet &results,
                                             MLIRContext *context) {
  results.add<DropIdentityAffine>(context);
}

LogicalResult AdaINOp::verify() {
  auto content = getContent().getType();
  auto style = getStyle().getType();
  bool cl = getChannelsLast();
  if (failed(verifyNchwRank(*this, content, 3, 5, cl)))
    return failure();
  int64_t cd = channelDim(content, cl);
  if (style.getRank() != content.getRank())
    return emitOpError() << "style must have the rank of content ("
                         << content.getRank() << "), got rank "
                         << style.getRank();
  if (!dimsCompatible(style.getDimSize(cd), content.getDimSize(cd)))
    return emitOpError() << "style has " << dimString(style.getDimSize(cd))
                         << " channels but content has "
                         << dimString(content.getDimSize(cd));
  int64_t sn = style.getDimSize(0);
  if (sn != 1 && !dimsCompatible(sn, content.getDimSize(0)))
    return emitOpError() << "style batch is " << dimString(sn)
                         << ", expected 1 or the content batch "
                         << dimString(content.getDimSize(0));
  return success();
}

LogicalResult ConditionalInstanceNormOp::verify() {
  auto x = getX().getType();
  bool cl = getChannelsLast();
  if (failed(verifyNchwRank(*this, x, 3, 5, cl)))
    return failure();
  int64_t cd = channelDim(x, cl);
  auto w = getWeights().getType();
  auto t = getGammaTable().getType();
  if (w.getRank() != 2 || t.getRank() != 2)
    return emitOpError() << "weights [N, S] and tables [S, C] must have rank 2, got "
                         << w.getRank() << " and " << t.getRank();
  if (!dimsCompatible(w.getDimSize(0), x.getDimSize(0)))
    return emitOpError() << "weights have " << dimString(w.getDimSize(0))
                         << " rows but x has a batch of "
                         << dimString(x.getDimSize(0));
  if (!dimsCompatible(t.getDimSize(1), x.getDimSize(cd)))
    return emitOpError() << "style tables have width " << dimString(t.getDimSize(1))
                         << " but x has " << dimString(x.getDimSize(cd))
                         << " channels";
  if (!dimsCompatible(w.getDimSize(1), t.getDimSize(0)))
    return emitOpError() << "weights mix " << dimString(w.getDimSize(1))
                         << " styles but the tables have "
                         << dimString(t.getDimSize(0)) << " rows";
  return success();
}

LogicalResult MatmulOp::verify() {
  auto l = getLhs().getType(), r = getRhs().getType(), y = getY().getType();
  if (l.getRank() != 2 || r.getRank() != 2 || y.getRank() != 2)
    return emitOpError() << "operands and result must have rank 2";
  if (!dimsCompatible(l.getDimSize(1), r.getDimSize(0)))
    return emitOpError() << "contracts " << dimString(l.getDimSize(1))
                         << " columns with " << dimString(r.getDimSize(0))
                         << " rows";
  if (!dimsCompatible(y.getDimSize(0), l.getDimSize(0)) ||
      !dimsCompatible(y.getDimSize(1), r.getDimSize(1)))
    return emitOpError() << "result must be " << dimString(l.getDimSize(0))
                         << "x" << dimString(r.getDimSize(1));
  return success();
}

template <typename BatchNormLike>
static LogicalResult verifyBatchNorm(BatchNormLike op) {
  auto x = op.getX().getType();
  bool cl = op.getChannelsLast();
  if (failed(verifyNchwRank(op, x, 2, 5, cl)))
    return failure();
  for (auto [param, name] :
       {std::pair<Value, StringRef>{op.getRunningMean(), "running_mean"},
        {op.getRunningVar(), "running_var"},
        {op.getScale(), "scale"},
        {op.getBias(), "bias"}})
    if (failed(verifyChannelParam(op, param, name, x, cl)))
      return failure();
  return success();
}

LogicalResult BatchNormOp::verify() { return verifyBatchNorm(*this); }

LogicalResult BatchInstanceNormOp::verify() {
  auto x = getX().getType();
  bool cl = getChannelsLast();
  if (failed(verifyNchwRank(*this, x, 3, 5, cl)))
    return failure();
  if ((getRunningMean() == nullptr) != (getRunningVar() == nullptr))
    return emitOpError() << "needs both running_mean and running_var, or neither";
  for (auto [param, name] :
       {std::pair<Value, StringRef>{getRho(), "rho"},
        {getRunningMean(), "running_mean"},
        {getRunningVar(), "running_var"},
        {getScale(), "scale"},
        {getBias(), "bias"}})
    if (failed(verifyChannelParam(*this, param, name, x, cl)))
      return failure();
  return success();
}

LogicalResult ClampOp::verify() {
  if (getMin().convertToDouble() > getMax().convertToDouble())
    return emitOpError() << "min (" << getMin().convertToDouble()
                         << ") is greater than max ("
                         << getMax().convertToDouble() << ")";
  return success();
}
LogicalResult BatchNormTrainOp::verify() { return verifyBatchNorm(*this); }
LogicalResult InstanceNormTrainOp::verify() {
  if (failed(verifyNchwRank(*this, getX().getType(), 3, 5, getChannelsLast())))
    return failure();
  return verifyBatchNorm(*this);
}

LogicalResult SpadeOp::verify() {
  return verifyNchwRank(*this, getX().getType(), 3, 5, getChannelsLast());
}

/// Shared by add, mul, sub and div: operands broadcast to the result.
static LogicalResult verifyBinaryBroadcast(Operation *op, Value lhs, Value rhs,
                                           RankedTensorType result) {
  for (auto [operand, name] : {std::pair<Value, StringRef>{lhs, "lhs"}, {rhs, "rhs"}})
    if (failed(verifyBroadcastable(op, operand, name, result, "the result")))
      return failure();
  auto l = cast<RankedTensorType>(lhs.getType());
  auto r = cast<RankedTensorType>(rhs.getType());
  for (int64_t i = 0; i < result.getRank(); ++i) {
    int64_t expected = l.getDimSize(i) == 1 ? r.getDimSize(i) : l.getDimSize(i);
    if (!dimsCompatible(expected, result.getDimSize(i)))
      return op->emitOpError() << "result dimension " << i << " is "
                               << dimString(result.getDimSize(i))
                               << " but the operands broadcast to "
                               << dimString(expected);
  }
  return success();
}

LogicalResult AddOp::verify() {
  return verifyBinaryBroadcast(*this, getLhs(), getRhs(), getY().getType());
}
LogicalResult MulOp::verify() {
  return verifyBinaryBroadcast(*this, getLhs(), getRhs(), getY().getType());
}
LogicalResult SubOp::verify() {
  return verifyBinaryBroadcast(*this, getLhs(), getRhs(), getY().getType());
}
LogicalResult DivOp::verify() {
  return verifyBinaryBroadcast(*this, getLhs(), getRhs(), getY().getType());
}

//===----------------------------------------------------------------------===//
// Activations
//===----------------------------------------------------------------------===//

OpFoldResult ReluOp::fold(FoldAdaptor) {
  // relu is idempotent: relu(relu(x)) == relu(x).
  if (auto inner = getX().getDefiningOp<ReluOp>())
    return inner.getResult();
  return {};
}

//===----------------------------------------------------------------------===//
// Kernel groups
//===----------------------------------------------------------------------===//

LogicalResult KernelOp::verify() {
  auto yield = cast<YieldOp>(getBody().front().getTerminator());
  if (yield.getValues().getTypes() != getResultTypes())
    return emitOpError() << "yields " << yield.getValues().size()
                         << " values whose types differ from its "
                         << getNumResults() << " results";
  GroupRole role;
  if (getRole() && !parseRole(getRole()->str(), role))
    return emitOpError() << "role '" << *getRole() << "' is not a kernel group role (expected "
                         << roleNames() << ")";
  return success();
}

#define GET_OP_CLASSES
#include "dialect/NormOps.cpp.inc"
