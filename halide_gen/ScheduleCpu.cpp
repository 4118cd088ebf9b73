//===- ScheduleCpu.cpp - CPU schedules for normalization kernel groups ----===//
//
// The common case is one output that depends on one moments op whose reduced
// dimensions are the innermost ones (instance norm: H, W; layer norm: C, H, W;
// group norm: H, W plus the channels of a group). Then all outer dimensions
// are fused into one parallel loop over "planes", and each plane's statistics
// are computed right before the plane is normalized: x is read from DRAM once
// for the sums and the second read (normalize) mostly hits L2.
//
// The sums are vectorized by factoring the innermost reduction variable into
// `vectorWidth * accumulators` independent partial sums (rfactor), which also
// shortens the serial f32 accumulation chains (better accuracy).
//
//===----------------------------------------------------------------------===//
#include "Schedule.h"

#include <algorithm>

using namespace Halide;

namespace normc {

CpuNormKnobs defaultCpuKnobs(const Target &target) {
  CpuNormKnobs knobs;
  knobs.vectorWidth = std::max(4, target.natural_vector_size<float>());
  return knobs;
}

namespace {

/// Vectorized partial sums for one reduction. With a null `level` the
/// reduction runs as its own parallel pass (compute_root).
void scheduleReduction(Reduction &red, const CpuNormKnobs &knobs,
                       const LoopLevel *level, int rank) {
  const auto &hv = halideVars(rank);
  if (Halide::Internal::is_const_one(red.rdom.x.extent())) {
    // Halide drops reduction variables of extent 1 (1x1 planes): nothing
    // to vectorize, just place the plain reduction.
    if (level) {
      red.func.compute_at(*level);
    } else {
      red.func.compute_root();
      if (knobs.parallel && rank > 1)
        red.func.update().parallel(hv[rank - 1]);
    }
    return;
  }
  RVar rxo("rxo"), rxi("rxi");
  Var u("u");
  const int lanes = knobs.vectorWidth * knobs.accumulators;
  red.func.update().split(red.rdom.x, rxo, rxi, lanes);
  Func partial = red.func.update().rfactor(rxi, u);
  partial.vectorize(u, knobs.vectorWidth);
  if (knobs.accumulators > 1) {
    // The accumulators are the unrolled outer part of u.
    Var uo("uo"), ui("ui");
    partial.update().split(u, uo, ui, knobs.vectorWidth).vectorize(ui).unroll(uo);
  } else {
    partial.update().vectorize(u);
  }
  if (level) {
    red.func.compute_at(*level);
    partial.compute_at(*level);
    return;
  }
  // Fuse every pure var of the final sum into one parallel loop; the partial
  // sums of each point are computed inside it.
  red.func.compute_root();
  Stage update = red.func.update();
  VarOrRVar fused = hv[0];
  for (int k = 1; k < rank; ++k) {
    Var next("p" + std::to_string(k));
    update.fuse(fused, hv[k], next);
    fused = next;
  }
  if (knobs.parallel)
    update.parallel(fused);
  partial.compute_at(LoopLevel(red.func, fused));
}

/// True when the moments reduce a suffix of the dimensions (possibly with
/// channel groups), so statistics can be computed per outer index.
int outerDimsOf(const MomentsInfo &m) {
  for (int d = 0; d < m.rank; ++d)
    if (std::find(m.dims.begin(), m.dims.end(), d) != m.dims.end()) {
      for (int e = d; e < m.rank; ++e)
        if (std::find(m.dims.begin(), m.dims.end(), e) == m.dims.end())
          return -1; // a non-reduced dim inside the reduced ones
      return d;      // dims [0, d) are outer
    }
  return -1;
}

void scheduleElementwiseOutput(Func out, int rank, const CpuNormKnobs &knobs) {
  const auto &hv = halideVars(rank);
  out.vectorize(hv[0], knobs.vectorWidth, TailStrategy::GuardWithIf);
  if (rank > 1 && knobs.parallel)
    out.parallel(hv[rank - 1]);
}

} // namespace

void applyCpuSchedule(LoweredKernel &kernel, CpuNormKnobs &knobs) {
  bool perPlane = knobs.placement == StatsPlacement::PerPlane &&
                  kernel.outputs.size() == 1 && kernel.moments.size() == 1 &&
                  outerDimsOf(kernel.moments[0]) > 0 &&
                  kernel.outputTensors[0].rank() == kernel.moments[0].rank;
  // With channel groups the plane loop splits the channel dimension, which
  // must then be the innermost of the outer dimensions (reduced dims from 2).
  if (perPlane && kernel.moments[0].groups > 1 &&
      outerDimsOf(kernel.moments[0]) != 2)
    perPlane = false;

  if (!perPlane) {
    knobs.placement = StatsPlacement::Root; // what the record should say
    for (MomentsInfo &m : kernel.moments) {
      m.stats.compute_root();
      for (Reduction &red : m.reductions)
        scheduleReduction(red, knobs, nullptr, m.rank);
    }
    for (size_t i = 0; i < kernel.outputs.size(); ++i)
      scheduleElementwiseOutput(kernel.outputs[i],
                                kernel.outputTensors[i].rank(), knobs);
    return;
  }

  MomentsInfo &m = kernel.moments[0];
  Func out = kernel.outputs[0];
  const int rank = m.rank;
  const auto &hv = halideVars(rank);
  const int outer = outerDimsOf(m); // NCHW dims [0, outer) index planes
  // Halide index of the innermost outer dim.
  int firstOuter = rank - outer;

  out.vectorize(hv[0], knobs.vectorWidth, TailStrategy::GuardWithIf);
  VarOrRVar plane = hv[firstOuter];
  int next = firstOuter + 1;
  if (m.groups > 1) {
    // Loop over groups, then channels within the group, so each group's
    // statistics are computed once, right before its channels.
    Var g("g"), ci("ci");
    out.split(hv[firstOuter], g, ci, m.channelsPerGroup,
              TailStrategy::GuardWithIf);
    plane = g;
  }
  for (int k = next; k < rank; ++k) {
    Var fused("plane" + std::to_string(k));
    out.fuse(plane, hv[k], fused);
    plane = fused;
  }
  // Small planes: several per parallel task (about 256 KB of input each),
  // so that the thread pool's per-task cost does not rival the work: a
  // 32x32 plane is 4 KB. Measured on (16,256,32,32), 2 threads: 1 plane per
  // task 50-69% of copy bandwidth, 16 planes 84-93%, 64 planes 89-103%.
  // The statistics stay per plane, at the inner loop.
  int perTask = knobs.planesPerTask;
  if (perTask == 0) {
    perTask = 1;
    Expr planeElems = 1, planes = 1;
    for (int d = 0; d < rank; ++d)
      (d < outer ? planes : planeElems) *= kernel.outputTensors[0].shape[d];
    planeElems = Halide::Internal::simplify(planeElems);
    planes = Halide::Internal::simplify(planes);
    auto elems = Halide::Internal::as_const_int(planeElems);
    auto count = Halide::Internal::as_const_int(planes);
    if (elems && *elems > 0) {
      perTask = static_cast<int>(std::max<int64_t>(1, std::min<int64_t>(256, 65536 / *elems)));
      if (count) // keep at least 16 tasks for load balance
        perTask = static_cast<int>(std::max<int64_t>(1, std::min<int64_t>(perTask, *count / 16)));
    }
  }
  knobs.planesPerTask = perTask;
  VarOrRVar inner = plane;
  if (perTask > 1) {
    Var po("plane_task"), pi("plane_in_task");
    out.split(plane, po, pi, perTask, TailStrategy::GuardWithIf);
    plane = po;
    inner = pi;
  }
  if (knobs.parallel)
    out.parallel(plane);

  LoopLevel level(out, inner);
  m.stats.compute_at(level);
  for (Reduction &red : m.reductions)
    scheduleReduction(red, knobs, &level, rank);
}

} // namespace normc
