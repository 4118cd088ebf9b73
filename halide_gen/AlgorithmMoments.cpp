//===- AlgorithmMoments.cpp - statistics over reduced dimensions ----------===//
//
// The algorithm only: which values are summed and how mean/rstd follow from
// the sums. Where and how the sums run (vectorized partial sums, placement
// per plane) is ScheduleCpu.cpp's business.
//
// Numerics: plain f32 E[x^2] - E[x]^2 loses every digit for inputs with a
// large mean and small spread (mean 1e4, std 1e-2: x^2 ~ 1e8 has an ulp of 8,
// while var ~ 1e-4). Both strategies below sum values that are already
// centered, so the sums stay at the scale of the spread.
//
//===----------------------------------------------------------------------===//
#include "Algorithm.h"

using namespace Halide;
using namespace normc::norm;

namespace normc {

HTensor buildMoments(MomentsOp op, const HTensor &x, LoweredKernel &kernel,
                     StatsStrategy strategy, HTensor &rstdOut) {
  const int rank = x.rank();
  const std::string tag = std::to_string(kernel.moments.size());
  MomentsInfo info;
  info.dims.assign(op.getDims().begin(), op.getDims().end());
  info.rank = rank;
  info.groups = op.getGroups();

  // Reduction domain, innermost dimension first so that the first RVar walks
  // contiguous memory; the channel-within-group index (if any) is outermost.
  std::vector<Range> ranges;
  for (auto it = info.dims.rbegin(); it != info.dims.rend(); ++it)
    ranges.emplace_back(0, x.shape[*it]);
  if (info.groups > 1) {
    info.channelsPerGroup = x.shape[1] / static_cast<int>(info.groups);
    ranges.emplace_back(0, info.channelsPerGroup);
    kernel.requirements.push_back(
        {x.shape[1] % static_cast<int>(info.groups) == 0,
         {std::string("shape mismatch: groups = ") +
              std::to_string(info.groups) + " must divide the channels of x, which are",
          x.shape[1], "in " + describeOp(op)}});
  }
  RDom r(ranges, "r" + tag);

  // Index of x visited by the reduction at the statistics point `vars`; with
  // groups the channel variable of the statistics is the group index.
  std::vector<Expr> vars = nchwVars(rank);
  auto elementAt = [&](bool first) {
    std::vector<Expr> idx = vars;
    for (size_t k = 0; k < info.dims.size(); ++k)
      idx[info.dims[info.dims.size() - 1 - k]] = first ? Expr(0) : Expr(r[k]);
    if (info.groups > 1)
      idx[1] = vars[1] * info.channelsPerGroup +
               (first ? Expr(0) : Expr(r[r.dimensions() - 1]));
    return x.at(idx);
  };

  // Elements per statistic (dims may be empty when only channel groups are
  // pooled, as in group norm of an [N, C] tensor).
  Expr count = 1.0f;
  for (int64_t d : info.dims)
    count = count * cast<float>(x.shape[d]);
  if (info.groups > 1)
    count = count * cast<float>(info.channelsPerGroup);

  const auto &hv = halideVars(rank);
  std::vector<Var> pure(hv.begin(), hv.end());
  Expr eps = op.getEpsilon().convertToFloat();
  Func stats("stats" + tag);
  // Both strategies sum deviations from a shift s, the first element of the
  // reduction: s is one of the samples, so the deviations are at the scale of
  // the spread and neither sum loses digits to a large mean.
  Expr shift = elementAt(true);
  if (strategy == StatsStrategy::ShiftedOnePass) {
    Func sums("sums" + tag);
    sums(pure) = Tuple(0.0f, 0.0f);
    // strict_float keeps the subtraction next to its operands: reassociated
    // into (sum + x) - shift the sum would grow to the scale of the mean.
    Expr d = strict_float(elementAt(false) - shift);
    sums(pure) = Tuple(sums(pure)[0] + d, sums(pure)[1] + d * d);
    Expr m1 = sums(pure)[0] / count;
    Expr var = max(sums(pure)[1] / count - m1 * m1, 0.0f);
    stats(pure) = Tuple(shift, m1, 1.0f / sqrt(var + eps));
    info.reductions.push_back({sums, r});
  } else {
    Func sum("sum" + tag), sumSq("sum_sq" + tag);
    RDom r2(ranges, "r2_" + tag);
    sum(pure) = 0.0f;
    sum(pure) += strict_float(elementAt(false) - shift);
    Expr m1 = sum(pure) / count;
    // Second pass over the same elements with its own domain so that both
    // reductions can be scheduled independently.
    std::vector<Expr> idx = vars;
    for (size_t k = 0; k < info.dims.size(); ++k)
      idx[info.dims[info.dims.size() - 1 - k]] = r2[k];
    if (info.groups > 1)
      idx[1] = vars[1] * info.channelsPerGroup + r2[r2.dimensions() - 1];
    // Corrected two-pass (Chan, Golub & LeVeque): summing the deviations as
    // well as their squares cancels, to first order, whatever error the first
    // pass left in m1 (e.g. when the shift is a far outlier).
    Expr dev = strict_float((x.at(idx) - shift) - m1);
    sumSq(pure) = Tuple(0.0f, 0.0f);
    sumSq(pure) = Tuple(sumSq(pure)[0] + dev, sumSq(pure)[1] + dev * dev);
    Expr m2 = sumSq(pure)[0] / count;
    Expr var = max(sumSq(pure)[1] / count - m2 * m2, 0.0f);
    stats(pure) = Tuple(shift, m1 + m2, 1.0f / sqrt(var + eps));
    info.reductions.push_back({sum, r});
    info.reductions.push_back({sumSq, r2});
  }
  info.stats = stats;

  // Per-channel views: every channel reads its group's statistics.
  std::vector<Expr> statsIdx = vars;
  if (info.groups > 1)
    statsIdx[1] = vars[1] / info.channelsPerGroup;
  std::vector<Expr> statsArgs(statsIdx.rbegin(), statsIdx.rend());
  Func mean("mean" + tag), rstd("rstd" + tag);
  Func shiftPart("mean_shift" + tag), offsetPart("mean_offset" + tag);
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
