//===- Decompose.cpp - high-level norms -> moments + modulate --------------===//
//
// Every normalization variant is expressed through two core ops so that
// halide_gen (and later fusion and every target) handle one shape of problem:
// statistics over some dimensions, then an elementwise affine.
//
//===----------------------------------------------------------------------===//
#include "passes/Passes.h"

#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/PatternMatch.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"

namespace normc {
#define GEN_PASS_DEF_NORMDECOMPOSE
#include "passes/Passes.h.inc"
} // namespace normc

using namespace mlir;
using namespace normc;
using namespace normc::norm;

namespace {

/// Reshapes `param`, whose dimension j lines up with x's dimension
/// `positions[j]` (increasing), to the rank of x by inserting unit
/// dimensions, so that it broadcasts in norm.modulate.
Value expandInto(PatternRewriter &rewriter, Location loc, Value param,
                 RankedTensorType xType, ArrayRef<int64_t> positions) {
  if (!param)
    return param;
  auto type = cast<RankedTensorType>(param.getType());
  int64_t rank = xType.getRank(), k = type.getRank();
  if (k == rank)
    return param;
  SmallVector<int64_t> shape(rank, 1);
  SmallVector<OpFoldResult> outputShape(rank, rewriter.getIndexAttr(1));
  SmallVector<ReassociationIndices> groups(k);
  for (int64_t j = 0; j < k; ++j) {
    shape[positions[j]] = type.getDimSize(j);
    outputShape[positions[j]] = tensor::getMixedSize(rewriter, loc, param, j);
    // Each group is one parameter dim plus the unit dims before it; the
    // trailing unit dims join the last group.
    int64_t begin = j == 0 ? 0 : positions[j - 1] + 1;
    int64_t end = j == k - 1 ? rank : positions[j] + 1;
    for (int64_t d = begin; d < end; ++d)
      groups[j].push_back(d);
  }
  auto resultType = RankedTensorType::get(shape, type.getElementType());
  return rewriter.create<tensor::ExpandShapeOp>(loc, resultType, param, groups,
                                                outputShape);
}

/// expandInto for a parameter lining up with x's dims [firstDim, ...).
Value expandToRankOf(PatternRewriter &rewriter, Location loc, Value param,
                     RankedTensorType xType, int64_t firstDim) {
  if (!param)
    return param;
  SmallVector<int64_t> positions;
  for (int64_t j = 0; j < cast<RankedTensorType>(param.getType()).getRank(); ++j)
    positions.push_back(firstDim + j);
  return expandInto(rewriter, loc, param, xType, positions);
}

/// The channel dimension of x: 1 (NCHW) or the last one (channels-last).
int64_t channelDim(RankedTensorType xType, bool channelsLast) {
  return channelsLast ? xType.getRank() - 1 : 1;
}

/// A per-channel [C] parameter reshaped to broadcast against x.
Value expandChannelParam(PatternRewriter &rewriter, Location loc, Value param,
                         RankedTensorType xType, bool channelsLast) {
  return expandToRankOf(rewriter, loc, param, xType,
                        channelDim(xType, channelsLast));
}

/// Type of the keep-dims statistics of x reduced over `dims`: always f32,
/// whatever x's element type.
RankedTensorType statsType(RankedTensorType xType, ArrayRef<int64_t> dims) {
  SmallVector<int64_t> shape(xType.getShape());
  for (int64_t d : dims)
    shape[d] = 1;
  return RankedTensorType::get(shape, Float32Type::get(xType.getContext()));
}

/// The one place decompositions build norm.moments: keep-dims f32 results;
/// `unbiased` divides by n - 1, `returnVariance` makes the second result the
/// variance instead of the rstd.
MomentsOp createMoments(PatternRewriter &rewriter, Location loc, Value x,
                        ArrayRef<int64_t> dims, int64_t groups, FloatAttr epsilon,
                        bool unbiased = false, bool returnVariance = false,
                        bool channelsLast = false) {
  auto sType = statsType(cast<RankedTensorType>(x.getType()), dims);
  auto flag = [&](bool on) { return on ? rewriter.getUnitAttr() : UnitAttr(); };
  // Only channel groups need to know where the channels are.
  return rewriter.create<MomentsOp>(
      loc, sType, sType, x, rewriter.getDenseI64ArrayAttr(dims),
      rewriter.getI64IntegerAttr(groups), epsilon, flag(unbiased),
      flag(returnVariance), flag(channelsLast && groups > 1));
}

/// Emits moments over `dims` (pooled over `groups` channel groups) followed by
/// modulate with the already-expanded scale and shift.
Value emitCore(PatternRewriter &rewriter, Location loc, Value x,
               ArrayRef<int64_t> dims, int64_t groups, FloatAttr epsilon,
               Value scale, Value shift, bool channelsLast = false) {
  auto moments = createMoments(rewriter, loc, x, dims, groups, epsilon,
                               /*unbiased=*/false, /*returnVariance=*/false,
                               channelsLast);
  return rewriter.create<ModulateOp>(loc, x.getType(), x, moments.getMean(),
                                     moments.getRstd(), scale, shift);
}

SmallVector<int64_t> dimsFrom(int64_t first, int64_t rank) {
  SmallVector<int64_t> dims;
  for (int64_t d = first; d < rank; ++d)
    dims.push_back(d);
  return dims;
}

/// Instance statistics reduce the spatial dims: [2, ...] (NCHW) or
/// [1, ..., rank - 2] (channels-last).
SmallVector<int64_t> spatialDims(int64_t rank, bool channelsLast) {
  SmallVector<int64_t> dims = dimsFrom(channelsLast ? 1 : 2, rank);
  if (channelsLast)
    dims.pop_back();
  return dims;
}

/// Batch statistics reduce everything but the channels: [0, 2, 3, ...]
/// (NCHW) or [0, ..., rank - 2] (channels-last).
SmallVector<int64_t> batchDims(int64_t rank, bool channelsLast) {
  SmallVector<int64_t> dims = spatialDims(rank, channelsLast);
  dims.insert(dims.begin(), 0);
  return dims;
}

struct DecomposeInstanceNorm : OpRewritePattern<InstanceNormOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(InstanceNormOp op,
                                PatternRewriter &rewriter) const override {
    auto xType = op.getX().getType();
    Location loc = op.getLoc();
    bool cl = op.getChannelsLast();
    Value scale = expandChannelParam(rewriter, loc, op.getScale(), xType, cl);
    Value shift = expandChannelParam(rewriter, loc, op.getBias(), xType, cl);
    rewriter.replaceOp(op, emitCore(rewriter, loc, op.getX(),
                                    spatialDims(xType.getRank(), cl), 1,
                                    op.getEpsilonAttr(), scale, shift));
    return success();
  }
};

struct DecomposeGroupNorm : OpRewritePattern<GroupNormOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(GroupNormOp op,
                                PatternRewriter &rewriter) const override {
    auto xType = op.getX().getType();
    Location loc = op.getLoc();
    int64_t groups = op.getGroups();
    bool cl = op.getChannelsLast();
    int64_t channels = xType.getDimSize(channelDim(xType, cl));
    // One group pools every channel (layer norm over C and the spatial dims);
    // one channel per group with spatial dims is instance norm. Both need no
    // channel pooling in moments, which is cheaper to schedule. A rank-2
    // [N, C] input has no spatial dims: only the channel groups are pooled.
    SmallVector<int64_t> dims = groups == 1 ? dimsFrom(1, xType.getRank())
                                            : spatialDims(xType.getRank(), cl);
    if (groups == 1 || (groups == channels && !dims.empty()))
      groups = 1;
    Value scale = expandChannelParam(rewriter, loc, op.getScale(), xType, cl);
    Value shift = expandChannelParam(rewriter, loc, op.getBias(), xType, cl);
    rewriter.replaceOp(op, emitCore(rewriter, loc, op.getX(), dims, groups,
                                    op.getEpsilonAttr(), scale, shift, cl));
    return success();
  }
};

struct DecomposeLayerNorm : OpRewritePattern<LayerNormOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(LayerNormOp op,
                                PatternRewriter &rewriter) const override {
    auto xType = op.getX().getType();
    Location loc = op.getLoc();
    int64_t axis = op.getAxis();
    Value scale = expandToRankOf(rewriter, loc, op.getScale(), xType, axis);
    Value shift = expandToRankOf(rewriter, loc, op.getBias(), xType, axis);
    rewriter.replaceOp(op, emitCore(rewriter, loc, op.getX(),
                                    dimsFrom(axis, xType.getRank()), 1,
                                    op.getEpsilonAttr(), scale, shift));
    return success();
  }
};

/// Type of the broadcast of two same-rank tensors (dims equal or 1).
RankedTensorType broadcastType(Value a, Value b) {
  auto ta = cast<RankedTensorType>(a.getType());
  auto tb = cast<RankedTensorType>(b.getType());
  SmallVector<int64_t> shape;
  for (int64_t i = 0; i < ta.getRank(); ++i)
    shape.push_back(ta.getDimSize(i) == 1 ? tb.getDimSize(i) : ta.getDimSize(i));
  return RankedTensorType::get(shape, ta.getElementType());
}

/// A rank-`rank` all-ones-shape f32 constant, broadcastable everywhere.
Value splatScalar(PatternRewriter &rewriter, Location loc, int64_t rank,
                  float value) {
  auto type = RankedTensorType::get(SmallVector<int64_t>(rank, 1),
                                    rewriter.getF32Type());
  return rewriter.create<arith::ConstantOp>(
      loc, DenseElementsAttr::get(type, rewriter.getF32FloatAttr(value)));
}

/// adain(c, s) = (c - mean_c) * rstd_c * std_s + mean_s, blended with the
/// content by alpha as (c - mean_c) * rstd_c * (alpha std_s + (1 - alpha)
/// std_c) + alpha mean_s + (1 - alpha) mean_c: still one modulate.
struct DecomposeAdaIN : OpRewritePattern<AdaINOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(AdaINOp op,
                                PatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    auto cType = op.getContent().getType();
    SmallVector<int64_t> dims = spatialDims(cType.getRank(), op.getChannelsLast());
    bool unbiased = !op.getBiased();
    auto c = createMoments(rewriter, loc, op.getContent(), dims, 1,
                           op.getEpsilonAttr(), unbiased);
    auto s = createMoments(rewriter, loc, op.getStyle(), dims, 1,
                           op.getEpsilonAttr(), unbiased);
    Value sStd = rewriter.create<ReciprocalOp>(loc, s.getRstd());
    Value scale = sStd, shift = s.getMean();
    float alpha = op.getAlpha().convertToFloat();
    if (alpha != 1.0f) {
      int64_t rank = cType.getRank();
      Value a = splatScalar(rewriter, loc, rank, alpha);
      Value b = splatScalar(rewriter, loc, rank, 1.0f - alpha);
      Value cStd = rewriter.create<ReciprocalOp>(loc, c.getRstd());
      auto mul = [&](Value x, Value y) -> Value {
        return rewriter.create<MulOp>(loc, broadcastType(x, y), x, y);
      };
      auto add = [&](Value x, Value y) -> Value {
        return rewriter.create<AddOp>(loc, broadcastType(x, y), x, y);
      };
      scale = add(mul(sStd, a), mul(cStd, b));
      shift = add(mul(s.getMean(), a), mul(c.getMean(), b));
    }
    rewriter.replaceOpWithNewOp<ModulateOp>(op, cType, op.getContent(), c.getMean(),
                                            c.getRstd(), scale, shift);
    return success();
  }
};

/// spade(x, g, b) = modulate(x, moments(x), scale = 1 + g, shift = b).
struct DecomposeSpade : OpRewritePattern<SpadeOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(SpadeOp op,
                                PatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    auto xType = op.getX().getType();
    int64_t rank = xType.getRank();
    bool cl = op.getChannelsLast();
    SmallVector<int64_t> dims =
        op.getBatchStats() ? batchDims(rank, cl) : spatialDims(rank, cl);
    Value one = splatScalar(rewriter, loc, rank, 1.0f);
    Value scale = rewriter.create<AddOp>(loc, xType, op.getGamma(), one);
    rewriter.replaceOp(op, emitCore(rewriter, loc, op.getX(), dims, 1,
                                    op.getEpsilonAttr(), scale, op.getBeta()));
    return success();
  }
};

/// rstd = 1 / sqrt(var + eps) for a variance given as a tensor (running
/// statistics), with eps as a broadcastable splat.
Value rstdFromVariance(PatternRewriter &rewriter, Location loc, Value var,
                       FloatAttr epsilon) {
  auto vType = cast<RankedTensorType>(var.getType());
  Value eps = splatScalar(rewriter, loc, vType.getRank(),
                          epsilon.getValue().convertToFloat());
  Value sum = rewriter.create<AddOp>(loc, vType, var, eps);
  return rewriter.create<ReciprocalOp>(loc,
                                       rewriter.create<SqrtOp>(loc, sum).getResult());
}

/// Batch norm with running statistics: the statistics are inputs, so the
/// core's modulate gets mean = running_mean and rstd = 1 / sqrt(var + eps).
struct DecomposeBatchNorm : OpRewritePattern<BatchNormOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(BatchNormOp op,
                                PatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    auto xType = op.getX().getType();
    bool cl = op.getChannelsLast();
    Value mean = expandChannelParam(rewriter, loc, op.getRunningMean(), xType, cl);
    Value rstd = rstdFromVariance(
        rewriter, loc,
        expandChannelParam(rewriter, loc, op.getRunningVar(), xType, cl),
        op.getEpsilonAttr());
    Value scale = expandChannelParam(rewriter, loc, op.getScale(), xType, cl);
    Value shift = expandChannelParam(rewriter, loc, op.getBias(), xType, cl);
    rewriter.replaceOpWithNewOp<ModulateOp>(op, xType, op.getX(), mean, rstd,
                                            scale, shift);
    return success();
  }
};

/// new = (1 - momentum) * running + momentum * batchValue, with `running`
/// [C] expanded to the rank of x and the result collapsed back to [C].
Value runningUpdate(PatternRewriter &rewriter, Location loc, Value running,
                    Value batchValue, RankedTensorType xType, float momentum,
                    bool channelsLast) {
  int64_t rank = xType.getRank();
  Value m = splatScalar(rewriter, loc, rank, momentum);
  Value keep = splatScalar(rewriter, loc, rank, 1.0f - momentum);
  Value r = expandChannelParam(rewriter, loc, running, xType, channelsLast);
  auto rType = cast<RankedTensorType>(r.getType());
  Value a = rewriter.create<MulOp>(loc, rType, r, keep);
  Value b = rewriter.create<MulOp>(loc, rType, batchValue, m);
  Value sum = rewriter.create<AddOp>(loc, rType, a, b);
  SmallVector<ReassociationIndices> all(1);
  for (int64_t d = 0; d < rank; ++d)
    all[0].push_back(d);
  return rewriter.create<tensor::CollapseShapeOp>(loc, running.getType(), sum, all);
}

/// The training ops (instance_norm_train, batch_norm_train): y normalized
/// with the biased statistics over `dims`, and the running statistics moved
/// towards the batch values of the mean and the unbiased variance (the
/// biased one with batch_norm_train's biased_running_var):
/// new = (1 - momentum) * running + momentum * batch, reshaped back to [C].
/// Per-plane statistics (instance norm) are first averaged over the batch (a
/// moments over dim 0 of each); batch statistics already are per channel.
template <typename TrainOp>
void decomposeTraining(TrainOp op, PatternRewriter &rewriter,
                       ArrayRef<int64_t> dims, bool averageOverBatch,
                       bool biasedRunningVar = false) {
  Location loc = op.getLoc();
  auto xType = op.getX().getType();
  bool cl = op.getChannelsLast();
  auto biased = createMoments(rewriter, loc, op.getX(), dims, 1, op.getEpsilonAttr());
  // The variance the running statistic moves towards: unbiased (PyTorch)
  // or, with biased_running_var, biased (ONNX).
  auto runningTarget = createMoments(rewriter, loc, op.getX(), dims, 1,
                                     op.getEpsilonAttr(), /*unbiased=*/!biasedRunningVar,
                                     /*returnVariance=*/true);
  Value scale = expandChannelParam(rewriter, loc, op.getScale(), xType, cl);
  Value shift = expandChannelParam(rewriter, loc, op.getBias(), xType, cl);
  Value y = rewriter.create<ModulateOp>(loc, xType, op.getX(), biased.getMean(),
                                        biased.getRstd(), scale, shift);
  auto batchValue = [&](Value stat) -> Value {
    if (!averageOverBatch)
      return stat;
    return createMoments(rewriter, loc, stat, {0}, 1, op.getEpsilonAttr()).getMean();
  };
  float momentum = op.getMomentum().convertToFloat();
  Value newMean = runningUpdate(rewriter, loc, op.getRunningMean(),
                                batchValue(biased.getMean()), xType, momentum, cl);
  Value newVar = runningUpdate(rewriter, loc, op.getRunningVar(),
                               batchValue(runningTarget.getRstd()), xType, momentum, cl);
  rewriter.replaceOp(op, {y, newMean, newVar});
}

/// Training instance norm with running statistics (track_running_stats):
/// per-plane statistics, their batch averages for the update.
struct DecomposeInstanceNormTrain : OpRewritePattern<InstanceNormTrainOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(InstanceNormTrainOp op,
                                PatternRewriter &rewriter) const override {
    decomposeTraining(op, rewriter,
                      spatialDims(op.getX().getType().getRank(), op.getChannelsLast()),
                      /*averageOverBatch=*/true);
    return success();
  }
};

/// Training batch norm: batch statistics per channel.
struct DecomposeBatchNormTrain : OpRewritePattern<BatchNormTrainOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(BatchNormTrainOp op,
                                PatternRewriter &rewriter) const override {
    decomposeTraining(op, rewriter,
                      batchDims(op.getX().getType().getRank(), op.getChannelsLast()),
                      /*averageOverBatch=*/false, op.getBiasedRunningVar());
    return success();
  }
};

/// Conditional IN: mix the style tables per sample (two [N, S] x [S, C]
/// products), reshape to [N, C, 1, ...] and modulate with them.
struct DecomposeConditionalInstanceNorm
    : OpRewritePattern<ConditionalInstanceNormOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(ConditionalInstanceNormOp op,
                                PatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    auto xType = op.getX().getType();
    auto w = op.getWeights().getType();
    auto t = op.getGammaTable().getType();
    // Mixed parameters are computed (and typed) in f32 whatever the storage.
    auto mixedType = RankedTensorType::get({w.getDimSize(0), t.getDimSize(1)},
                                           rewriter.getF32Type());
    Value gamma = rewriter.create<MatmulOp>(loc, mixedType, op.getWeights(),
                                            op.getGammaTable());
    Value beta = rewriter.create<MatmulOp>(loc, mixedType, op.getWeights(),
                                           op.getBetaTable());
    bool cl = op.getChannelsLast();
    SmallVector<int64_t> nc = {0, channelDim(xType, cl)};
    Value scale = expandInto(rewriter, loc, gamma, xType, nc);
    Value shift = expandInto(rewriter, loc, beta, xType, nc);
    rewriter.replaceOp(op, emitCore(rewriter, loc, op.getX(),
                                    spatialDims(xType.getRank(), cl), 1,
                                    op.getEpsilonAttr(), scale, shift));
    return success();
  }
};

/// BIN: y = modulate(x, batch stats, scale = rho * g) +
///          modulate(x, instance stats, scale = (1 - rho) * g, shift = b),
/// rho clipped to [0, 1]. Two modulates (rather than one with combined
/// coefficients) keep each subtraction of a mean next to x, which stays
/// accurate for a large mean.
struct DecomposeBatchInstanceNorm : OpRewritePattern<BatchInstanceNormOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(BatchInstanceNormOp op,
                                PatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    auto xType = op.getX().getType();
    int64_t rank = xType.getRank();
    auto mul = [&](Value x, Value y) -> Value {
      return rewriter.create<MulOp>(loc, broadcastType(x, y), x, y);
    };
    auto add = [&](Value x, Value y) -> Value {
      return rewriter.create<AddOp>(loc, broadcastType(x, y), x, y);
    };
    bool cl = op.getChannelsLast();
    auto channelParam = [&](Value p) {
      return expandChannelParam(rewriter, loc, p, xType, cl);
    };
    Value rho = channelParam(op.getRho());
    rho = rewriter.create<ClampOp>(loc, rho, rewriter.getF32FloatAttr(0.0f),
                                   rewriter.getF32FloatAttr(1.0f));
    Value oneMinusRho = add(mul(rho, splatScalar(rewriter, loc, rank, -1.0f)),
                            splatScalar(rewriter, loc, rank, 1.0f));
    Value gamma = channelParam(op.getScale());
    Value bnScale = gamma ? mul(rho, gamma) : rho;
    Value inScale = gamma ? mul(oneMinusRho, gamma) : oneMinusRho;
    Value shift = channelParam(op.getBias());

    // Batch part: running statistics (inference) or batch statistics.
    Value bnMean, bnRstd;
    if (op.getRunningMean()) {
      bnMean = channelParam(op.getRunningMean());
      bnRstd = rstdFromVariance(rewriter, loc, channelParam(op.getRunningVar()),
                                op.getEpsilonAttr());
    } else {
      auto batch = createMoments(rewriter, loc, op.getX(), batchDims(rank, cl), 1,
                                 op.getEpsilonAttr());
      bnMean = batch.getMean();
      bnRstd = batch.getRstd();
    }
    Value bn = rewriter.create<ModulateOp>(loc, xType, op.getX(), bnMean, bnRstd,
                                           bnScale, Value());
    Value in = emitCore(rewriter, loc, op.getX(), spatialDims(rank, cl), 1,
                        op.getEpsilonAttr(), inScale, shift);
    rewriter.replaceOpWithNewOp<AddOp>(op, xType, bn, in);
    return success();
  }
};

struct NormDecomposePass
    : public normc::impl::NormDecomposeBase<NormDecomposePass> {
  void runOnOperation() override {
    RewritePatternSet patterns(&getContext());
    populateNormDecomposePatterns(patterns);
    if (failed(applyPatternsAndFoldGreedily(getOperation(), std::move(patterns))))
      signalPassFailure();
  }
};

} // namespace

void normc::populateNormDecomposePatterns(RewritePatternSet &patterns) {
  patterns.add<DecomposeInstanceNorm, DecomposeGroupNorm, DecomposeLayerNorm,
               DecomposeAdaIN, DecomposeSpade, DecomposeBatchNorm,
               DecomposeBatchNormTrain, DecomposeConditionalInstanceNorm,
               DecomposeBatchInstanceNorm, DecomposeInstanceNormTrain>(
      patterns.getContext());
}
