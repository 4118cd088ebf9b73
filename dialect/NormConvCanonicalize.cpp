//===- NormConvCanonicalize.cpp - convolution simplifications that matter ---===//
//
// Two rewrites of a convolution and the normalization that consumes it:
//  - a conv bias directly followed by a normalization whose statistics are
//    per channel cancels exactly: the bias is constant over each set (an
//    (n, k) plane, or channel k over the batch), so the mean absorbs it and
//    the variance does not see it. Dropping it saves a load and an add per
//    output element. (Not so for group norm with several channels per group
//    or layer norm, whose sets span channels with different biases, nor for
//    the training ops whose running mean would see it.)
//  - batch norm with running statistics after a conv is an affine per output
//    channel and folds into the conv's weights and bias.
//
//===----------------------------------------------------------------------===//
#include "dialect/NormOps.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/PatternMatch.h"

using namespace mlir;
using namespace normc::norm;

namespace {

/// The conv that produces `x`, if `x` is its only use and it has `layout`.
Conv2DOp singleUseConv(Value x, bool channelsLast) {
  auto conv = x.getDefiningOp<Conv2DOp>();
  if (!conv || !x.hasOneUse() || conv.getChannelsLast() != channelsLast)
    return nullptr;
  return conv;
}

/// Replaces `conv` by the same conv with `weight` and `bias`.
void rebuildConv(PatternRewriter &rewriter, Conv2DOp conv, Value weight,
                 Value bias) {
  rewriter.replaceOpWithNewOp<Conv2DOp>(
      conv, conv.getType(), conv.getX(), weight, bias, conv.getStridesAttr(),
      conv.getPaddingAttr(), conv.getDilationsAttr(), conv.getGroupsAttr(),
      conv.getChannelsLastAttr());
}

/// norm(conv(x, w, b)) -> norm(conv(x, w)) for per-plane statistics.
template <typename NormOp>
struct DropConvBiasBeforePlaneNorm : OpRewritePattern<NormOp> {
  using OpRewritePattern<NormOp>::OpRewritePattern;
  LogicalResult matchAndRewrite(NormOp op, PatternRewriter &rewriter) const override {
    // Group norm cancels it only with one channel per group (then it is
    // instance norm); SPADE's batch statistics are per channel over N and
    // space, where the bias is constant too.
    if constexpr (std::is_same_v<NormOp, GroupNormOp>) {
      int64_t channels = op.getX().getType().getDimSize(op.getChannelsLast() ? 3 : 1);
      if (op.getX().getType().getRank() != 4 || ShapedType::isDynamic(channels) ||
          op.getGroups() != channels)
        return failure();
    }
    Conv2DOp conv = singleUseConv(op.getX(), op.getChannelsLast());
    if (!conv || !conv.getBias())
      return failure();
    rebuildConv(rewriter, conv, conv.getWeight(), Value());
    return success();
  }
};

/// batch_norm(conv(x, w, b), mean, var, gamma, beta)
///   -> conv(x, w * s[k], (b - mean) * s + beta), s = gamma / sqrt(var + eps).
/// Only when every operand has one element type, so the fold rounds nothing
/// the unfolded ops would not.
struct FoldBatchNormIntoConv : OpRewritePattern<BatchNormOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(BatchNormOp op, PatternRewriter &rewriter) const override {
    Conv2DOp conv = singleUseConv(op.getX(), op.getChannelsLast());
    if (!conv)
      return failure();
    auto wType = conv.getWeight().getType();
    Type element = wType.getElementType();
    for (Value v : {conv.getBias(), op.getRunningMean(), op.getRunningVar(),
                    op.getScale(), op.getBias()})
      if (v && cast<RankedTensorType>(v.getType()).getElementType() != element)
        return failure();
    if (cast<RankedTensorType>(op.getType()).getElementType() != element)
      return failure();

    Location loc = op.getLoc();
    auto vecType = cast<RankedTensorType>(op.getRunningMean().getType());
    auto splat = [&](double value) -> Value {
      auto type = RankedTensorType::get({1}, element);
      return rewriter.create<arith::ConstantOp>(
          loc, DenseElementsAttr::get(type, rewriter.getFloatAttr(element, value)));
    };
    auto add = [&](Value a, Value b) -> Value {
      return rewriter.create<AddOp>(loc, vecType, a, b);
    };
    auto mul = [&](Value a, Value b) -> Value {
      return rewriter.create<MulOp>(loc, vecType, a, b);
    };
    Value eps = splat(op.getEpsilon().convertToDouble());
    Value s = rewriter.create<ReciprocalOp>(
        loc, rewriter.create<SqrtOp>(loc, add(op.getRunningVar(), eps)).getResult());
    if (op.getScale())
      s = mul(s, op.getScale());
    // w' = w * s expanded to [K, 1, 1, 1].
    SmallVector<OpFoldResult> outShape = {tensor::getMixedSize(rewriter, loc, s, 0),
                                          rewriter.getIndexAttr(1),
                                          rewriter.getIndexAttr(1),
                                          rewriter.getIndexAttr(1)};
    auto s4Type = RankedTensorType::get({vecType.getDimSize(0), 1, 1, 1}, element);
    Value s4 = rewriter.create<tensor::ExpandShapeOp>(
        loc, s4Type, s, SmallVector<ReassociationIndices>{{0, 1, 2, 3}}, outShape);
    Value weight = rewriter.create<MulOp>(loc, wType, conv.getWeight(), s4);
    // b' = (b - mean) * s + beta.
    Value centered = mul(op.getRunningMean(), splat(-1.0));
    if (conv.getBias())
      centered = add(conv.getBias(), centered);
    Value bias = mul(centered, s);
    if (op.getBias())
      bias = add(bias, op.getBias());
    rewriter.setInsertionPoint(conv);
    auto folded = rewriter.create<Conv2DOp>(
        loc, op.getType(), conv.getX(), weight, bias, conv.getStridesAttr(),
        conv.getPaddingAttr(), conv.getDilationsAttr(), conv.getGroupsAttr(),
        conv.getChannelsLastAttr());
    // The new conv needs the folded parameters, which are defined after the
    // old conv: build it at the batch norm instead.
    folded->moveBefore(op);
    rewriter.replaceOp(op, folded.getResult());
    rewriter.eraseOp(conv);
    return success();
  }
};

} // namespace

void Conv2DOp::getCanonicalizationPatterns(RewritePatternSet &results,
                                           MLIRContext *context) {
  results.add<DropConvBiasBeforePlaneNorm<InstanceNormOp>,
              DropConvBiasBeforePlaneNorm<ConditionalInstanceNormOp>,
              DropConvBiasBeforePlaneNorm<SpadeOp>,
              DropConvBiasBeforePlaneNorm<GroupNormOp>, FoldBatchNormIntoConv>(context);
}
