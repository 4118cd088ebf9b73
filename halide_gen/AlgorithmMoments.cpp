//===- AlgorithmMoments.cpp - statistics over reduced dimensions ----------===//
//
// The algorithm only: which values are summed and how mean/rstd follow from
// the sums. Where and how the sums run (vectorized partial sums, placement
// per plane, parallel slices) is ScheduleCpu.cpp's business.
//
// Numerics: plain f32 E[x^2] - E[x]^2 loses every digit for inputs with a
// large mean and small spread (mean 1e4, std 1e-2: x^2 ~ 1e8 has an ulp of 8,
// while var ~ 1e-4). Every sum below is over values already centered on a
// sample of the same data, so the sums stay at the scale of the spread; the
// mean is kept as shift + offset and never rounded to f32 as a whole.
//
//===----------------------------------------------------------------------===//
#include "Algorithm.h"

#include <algorithm>

using namespace Halide;
using namespace normc::norm;

namespace normc {

namespace {

/// Statistics of x over `dims` (NCHW; pooled over channel groups when
/// groups > 1) at every point of the pure variables, as
/// Tuple(shift, offset, variance): mean = shift + offset, biased variance.
/// Appends its reductions to `info.reductions`.
Func buildSetStats(const HTensor &x, const std::vector<int64_t> &dims,
                   int64_t groups, const Expr &channelsPerGroup,
                   StatsStrategy strategy, const std::string &tag,
                   MomentsInfo &info) {
  const int channelDim = info.channelDim;
  const int rank = x.rank();
  // Reduction domain, innermost dimension first so that the first RVar walks
  // contiguous memory; the channel-within-group index (if any) is outermost.
  std::vector<Range> ranges;
  for (auto it = dims.rbegin(); it != dims.rend(); ++it)
    ranges.emplace_back(0, x.shape[*it]);
  if (groups > 1)
    ranges.emplace_back(0, channelsPerGroup);

  // Index of x visited by reduction `r` at the statistics point `vars`; with
  // groups the channel variable of the statistics is the group index.
  std::vector<Expr> vars = nchwVars(rank);
  auto elementAt = [&](const RDom *r) {
    std::vector<Expr> idx = vars;
    for (size_t k = 0; k < dims.size(); ++k)
      idx[dims[dims.size() - 1 - k]] = r ? Expr((*r)[k]) : Expr(0);
    if (groups > 1)
      idx[channelDim] = vars[channelDim] * channelsPerGroup +
               (r ? Expr((*r)[r->dimensions() - 1]) : Expr(0));
    return x.at(idx);
  };

  // Elements per statistic (dims may be empty when only channel groups are
  // pooled, as in group norm of an [N, C] tensor).
  Expr count = 1.0f;
  for (int64_t d : dims)
    count = count * cast<float>(x.shape[d]);
  if (groups > 1)
    count = count * cast<float>(channelsPerGroup);

  const auto &hv = halideVars(rank);
  std::vector<Var> pure(hv.begin(), hv.end());
  Func stats = groupFunc("stats" + tag);
  // The shift s is the first element of the set: a sample of the same data.
  Expr shift = elementAt(nullptr);
  RDom r(ranges, "r" + tag);
  if (strategy == StatsStrategy::ShiftedOnePass) {
    Func sums = groupFunc("sums" + tag);
    sums(pure) = Tuple(0.0f, 0.0f);
    // strict_float keeps the subtraction next to its operands: reassociated
    // into (sum + x) - shift the sum would grow to the scale of the mean.
    Expr d = strict_float(elementAt(&r) - shift);
    sums(pure) = Tuple(sums(pure)[0] + d, sums(pure)[1] + d * d);
    Expr m1 = sums(pure)[0] / count;
    stats(pure) = Tuple(shift, m1, max(sums(pure)[1] / count - m1 * m1, 0.0f));
    info.reductions.push_back({sums, r});
    return stats;
  }
  Func sum = groupFunc("sum" + tag);
  Func sumSq = groupFunc("sum_sq" + tag);
  sum(pure) = 0.0f;
  sum(pure) += strict_float(elementAt(&r) - shift);
  Expr m1 = sum(pure) / count;
  // Second pass with its own domain so both reductions schedule
  // independently. Corrected two-pass (Chan, Golub & LeVeque): summing the
  // deviations as well as their squares cancels, to first order, whatever
  // error the first pass left in m1 (e.g. when the shift is a far outlier).
  RDom r2(ranges, "r2_" + tag);
  Expr dev = strict_float((elementAt(&r2) - shift) - m1);
  sumSq(pure) = Tuple(0.0f, 0.0f);
  sumSq(pure) = Tuple(sumSq(pure)[0] + dev, sumSq(pure)[1] + dev * dev);
  Expr m2 = sumSq(pure)[0] / count;
  stats(pure) = Tuple(shift, m1 + m2, max(sumSq(pure)[1] / count - m2 * m2, 0.0f));
  info.reductions.push_back({sum, r});
  info.reductions.push_back({sumSq, r2});
  return stats;
}

/// Merges per-slice statistics over NCHW dim `sliceDim` (Chan et al.'s
/// pairwise formula, all slices of equal size): the mean of the slice means,
/// and the mean of the slice variances plus the variance of the slice means.
/// Two passes over the K slice statistics, centered on slice 0's shift. With
/// `groupSize` set, the slices are the channels of a channel group: the
/// statistics' channel variable is the group index and slice s of group g is
/// channel g * groupSize + s.
Func mergeSlices(const Func &slice, int sliceDim, const Expr &slices, int rank,
                 const std::string &tag, MomentsInfo &info,
                 const Expr &groupSize = Expr()) {
  const auto &hv = halideVars(rank);
  std::vector<Var> pure(hv.begin(), hv.end());
  std::vector<Expr> vars = nchwVars(rank);
  auto at = [&](Expr s) {
    std::vector<Expr> idx = vars;
    idx[sliceDim] = groupSize.defined() ? vars[sliceDim] * groupSize + s : s;
    return std::vector<Expr>(idx.rbegin(), idx.rend());
  };
  RDom k(0, slices, "k" + tag);
  Expr shift = slice(at(0))[0];
  // Slice mean relative to the common shift: (s_k - s_0) + offset_k. The
  // whole merge is strict: with fast-math, LLVM rewrote (s_k - s_0) + o_k
  // into (s_k + o_k) - s_0, rounding each slice mean to f32 (measured: a
  // 4e-4 relative variance error for mean 1e4, std 1e-2). It is a few
  // operations per slice, so strictness costs nothing.
  auto rel = [&](Expr s) {
    return strict_float((slice(at(s))[0] - shift) + slice(at(s))[1]);
  };
  Func meanSum = groupFunc("slice_mean_sum" + tag);
  Func spread = groupFunc("slice_spread" + tag);
  meanSum(pure) = 0.0f;
  meanSum(pure) = strict_float(meanSum(pure) + rel(k));
  Expr n = cast<float>(slices);
  Expr offset = strict_float(meanSum(pure) / n);
  spread(pure) = 0.0f;
  Expr dm = strict_float(rel(k) - offset);
  spread(pure) = strict_float(spread(pure) + (slice(at(k))[2] + dm * dm));
  Func stats = groupFunc("stats" + tag);
  stats(pure) = Tuple(shift, offset, spread(pure) / n);
  info.merges.push_back(meanSum);
  info.merges.push_back(spread);
  return stats;
}

/// True when statistics over the two innermost NCHW dims (H, W) are better
/// computed per row and merged: static planes of at least 1 M elements (4
/// MiB of f32, more than the L2 of the x86 and ARM cores normc targets) with
/// rows of at least 256 elements (so each row's merge is a small share of
/// its work). Measured on (2,3,1024,1024): bench/RESULTS.md.
bool rowSlices(const HTensor &x, const MomentsInfo &info) {
  const int rank = info.rank;
  if (rank < 2 || info.dims[0] != rank - 2 || info.dims[1] != rank - 1 ||
      info.channelDim == rank - 1)
    return false;
  auto h = Halide::Internal::as_const_int(Halide::Internal::simplify(x.shape[rank - 2]));
  auto w = Halide::Internal::as_const_int(Halide::Internal::simplify(x.shape[rank - 1]));
  return h && w && *w >= 256 && *h * *w >= (int64_t(1) << 20);
}

/// The same for channels-last statistics over (H, W) of (N, H, W, C) data:
/// per row (W x C elements, each row's second pass from L1 or L2) when a
/// static sample has at least 1 M elements (4 MiB of f32, more than L2).
/// Otherwise each sample's two statistics passes and its normalize pass
/// all read it from memory (measured (8,128,128,64): bench/RESULTS.md).
bool channelsLastRowSlices(const HTensor &x, const MomentsInfo &info) {
  const int rank = info.rank;
  // (The moments of an instance norm name no channel dim: the innermost
  // dim kept is what makes them channels-last.)
  if (rank < 3 || !info.innermostKept || info.dims[0] != rank - 3 || info.dims[1] != rank - 2)
    return false;
  int64_t sample = 1;
  for (int d = rank - 3; d < rank; ++d) {
    auto e = Halide::Internal::as_const_int(Halide::Internal::simplify(x.shape[d]));
    if (!e)
      return false;
    sample *= *e;
  }
  return sample >= (int64_t(1) << 20);
}

} // namespace

HTensor buildMoments(MomentsOp op, const HTensor &x, LoweredKernel &kernel,
                     StatsStrategy strategy, HTensor &rstdOut) {
  const int rank = x.rank();
  const std::string tag = std::to_string(kernel.moments.size());
  MomentsInfo info;
  info.dims.assign(op.getDims().begin(), op.getDims().end());
  info.rank = rank;
  info.groups = op.getGroups();
  info.channelDim = op.getChannelsLast() ? rank - 1 : 1;
  const int cd = info.channelDim;
  if (info.groups > 1) {
    info.channelsPerGroup = x.shape[cd] / static_cast<int>(info.groups);
    kernel.requirements.push_back(
        {x.shape[cd] % static_cast<int>(info.groups) == 0,
         {std::string("shape mismatch: groups = ") +
              std::to_string(info.groups) + " must divide the channels of x, which are",
          x.shape[cd], "in " + describeOp(op)}});
  }
  // Channels-last statistics: the innermost dim is kept (not reduced) and
  // not a broadcast unit dim, so the sums vectorize across it.
  info.innermostKept =
      std::find(info.dims.begin(), info.dims.end(), rank - 1) == info.dims.end() &&
      !x.unit[rank - 1];

  // Statistics over three or more dims (layer norm over C, H, W; 3-d
  // instance norm) are computed per slice of the outermost reduced dim and
  // merged: each slice is small enough to stay in cache for its second
  // pass, and slices can run on different cores.
  // Moments of the same tensor over the same dims share their sums (the
  // training ops ask for the biased rstd and the unbiased variance of x):
  // only the final formula differs.
  auto key = std::make_tuple(op.getX().getAsOpaquePointer(), info.dims, info.groups);
  Func varStats;
  auto cached = kernel.setStatsCache.find(key);
  if (cached != kernel.setStatsCache.end()) {
    varStats = cached->second;
  } else if (info.groups > 1 && !info.dims.empty()) {
    // Group norm: per-channel statistics (each channel plane stays in cache
    // for its second pass), merged over the channels of each group.
    info.sliceDim = cd;
    info.slice = buildSetStats(x, info.dims, 1, Expr(), strategy, tag + "_slice", info);
    varStats = mergeSlices(info.slice, cd, info.channelsPerGroup, rank, tag, info,
                           info.channelsPerGroup);
  } else if (info.groups == 1 && info.dims.size() == 2 &&
             (rowSlices(x, info) || channelsLastRowSlices(x, info))) {
    // Instance norm of planes (NCHW) or samples (NHWC) larger than L2 (4 MiB
    // and up): statistics per image row (its second pass reads the row from
    // L1 or L2), merged over the rows, so the data is read twice from memory
    // instead of three times.
    info.sliceDim = static_cast<int>(info.dims[0]);
    info.channelsLastRows = info.innermostKept;
    info.slice = buildSetStats(x, {info.dims[1]}, 1, Expr(), strategy, tag + "_slice", info);
    varStats = mergeSlices(info.slice, info.sliceDim, x.shape[info.sliceDim], rank, tag, info);
  } else if (info.groups == 1 && info.dims.size() >= 3) {
    info.sliceDim = static_cast<int>(info.dims[0]);
    std::vector<int64_t> inner(info.dims.begin() + 1, info.dims.end());
    info.slice = buildSetStats(x, inner, 1, Expr(), strategy, tag + "_slice", info);
    varStats = mergeSlices(info.slice, info.sliceDim, x.shape[info.sliceDim], rank,
                           tag, info);
  } else {
    varStats = buildSetStats(x, info.dims, info.groups, info.channelsPerGroup,
                             strategy, tag, info);
  }
  kernel.setStatsCache.emplace(key, varStats);

  const auto &hv = halideVars(rank);
  std::vector<Var> pure(hv.begin(), hv.end());
  Expr eps = op.getEpsilon().convertToFloat();
  Expr variance = varStats(pure)[2];
  if (op.getUnbiased()) {
    // Bessel's correction on the biased variance: * n / (n - 1).
    Expr n = 1.0f;
    for (int64_t d : info.dims)
      n = n * cast<float>(x.shape[d]);
    if (info.groups > 1)
      n = n * cast<float>(info.channelsPerGroup);
    variance = variance * (n / (n - 1.0f));
  }
  Func stats = groupFunc("moments" + tag);
  stats(pure) = Tuple(varStats(pure)[0], varStats(pure)[1],
                      op.getReturnVariance() ? variance
                                             : 1.0f / sqrt(variance + eps));
  info.stats = stats;
  info.setStats = varStats;

  // Per-channel views: every channel reads its group's statistics.
  std::vector<Expr> vars = nchwVars(rank);
  std::vector<Expr> statsIdx = vars;
  if (info.groups > 1)
    statsIdx[cd] = vars[cd] / info.channelsPerGroup;
  std::vector<Expr> statsArgs(statsIdx.rbegin(), statsIdx.rend());
  Func mean = groupFunc("mean" + tag);
  Func rstd = groupFunc("rstd" + tag);
  Func shiftPart = groupFunc("mean_shift" + tag);
  Func offsetPart = groupFunc("mean_offset" + tag);
  shiftPart(pure) = stats(statsArgs)[0];
  offsetPart(pure) = stats(statsArgs)[1];
  mean(pure) = stats(statsArgs)[0] + stats(statsArgs)[1];
  rstd(pure) = stats(statsArgs)[2];

  HTensor meanT{mean, x.shape, std::vector<bool>(rank, false)};
  for (int64_t d : info.dims) {
    meanT.shape[d] = 1;
    meanT.unit[d] = true;
  }
  rstdOut = meanT;
  rstdOut.func = rstd;
  meanT.splitMean = true;
  meanT.shiftPart = shiftPart;
  meanT.offsetPart = offsetPart;
  kernel.moments.push_back(info);
  return meanT;
}

} // namespace normc
