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

namespace {

/// Fuses `loop` with the dims hv[from], ..., hv[to - 1] of `stage`, each
/// outside the one before, into one loop (a parallel loop over all of them,
/// typically) and returns it. Fused loops are named prefix + the dim's
/// index, so that loop names in stmt and profiles say what they hold.
VarOrRVar fuseOuterDims(Stage stage, VarOrRVar loop, const std::vector<Var> &hv, int from,
                        int to, const std::string &prefix) {
  for (int k = from; k < to; ++k) {
    Var next(prefix + std::to_string(k));
    stage.fuse(loop, hv[k], next);
    loop = next;
  }
  return loop;
}

/// Splits `stage`'s innermost reduction variable into vectorWidth *
/// accumulators independent lanes (rfactor) and returns the Func holding the
/// lane partial sums, vectorized, not yet placed.
Func vectorizedLanes(Stage stage, RVar innermost, const CpuKnobs &knobs) {
  RVar rxo("rxo"), rxi("rxi");
  Var u("u");
  stage.split(innermost, rxo, rxi, knobs.vectorWidth * knobs.accumulators);
  Func lanes = stage.rfactor(rxi, u);
  // rfactor appends u as the outermost dimension. Stored so, a lane
  // Func computed for several points at once (the channels of a fused
  // conv -> norm task) strides its vectors by the point count: every
  // update became a gather and a scatter. Lanes innermost keeps each
  // point's partial sums one dense vector (measured (1,64,128,128)
  // conv3x3 -> IN -> ReLU on one Xeon thread: the statistics took 24% of
  // the fused kernel's cycles before).
  std::vector<Var> storage{u};
  for (const Var &v : lanes.args())
    if (v.name() != u.name())
      storage.push_back(v);
  lanes.reorder_storage(storage);
  // The sum over the lanes as a vector reduction (a shuffle tree) instead
  // of a serial scalar chain of vectorWidth * accumulators adds.
  stage.atomic().vectorize(rxi);
  lanes.vectorize(u, knobs.vectorWidth);
  if (knobs.accumulators > 1) {
    // The accumulators are the unrolled outer part of u.
    Var uo("uo"), ui("ui");
    lanes.update().split(u, uo, ui, knobs.vectorWidth).vectorize(ui).unroll(uo);
  } else {
    lanes.update().vectorize(u);
  }
  return lanes;
}


/// The reduction as its own pass before the output. With several reduction
/// variables, the outermost one (channels for layer norm) is factored into
/// independent chunks computed in parallel, so one statistic over a whole
/// sample still uses every core; the chunk sums are then added up.
void scheduleReductionRoot(Reduction &red, const CpuKnobs &knobs, int rank) {
  const auto &hv = halideVars(rank);
  red.func.compute_root();
  if (Halide::Internal::is_const_one(red.rdom.x.extent())) {
    if (knobs.parallel && rank > 1)
      red.func.update().parallel(hv[rank - 1]);
    return;
  }
  if (red.rdom.dimensions() >= 2) {
    Var chunk("chunk");
    Func perChunk =
        red.func.update().rfactor(red.rdom[red.rdom.dimensions() - 1], chunk);
    perChunk.compute_root();
    if (knobs.parallel)
      perChunk.update().parallel(chunk);
    vectorizedLanes(perChunk.update(), red.rdom.x, knobs)
        .compute_at(perChunk, chunk);
    return;
  }
  // One reduction variable: parallel over the statistics' own points.
  Func lanes = vectorizedLanes(red.func.update(), red.rdom.x, knobs);
  Stage update = red.func.update();
  VarOrRVar fused = fuseOuterDims(update, hv[0], hv, 1, rank, "p");
  if (knobs.parallel)
    update.parallel(fused);
  lanes.compute_at(LoopLevel(red.func, fused));
}

/// Splits the channel dim `c` of a channels-last reduction stage into blocks
/// of `accumulators` vectors (unrolled, vectorized) and returns the block
/// index; the caller puts the block loop outside the reduction variables.
Var channelBlocks(Stage stage, const Var &c, const CpuKnobs &knobs) {
  Var co("cblock"), ci("cin"), cv("cvec"), cl("clane");
  stage.split(c, co, ci, knobs.vectorWidth * knobs.accumulators, TailStrategy::GuardWithIf)
      .split(ci, cv, cl, knobs.vectorWidth)
      .vectorize(cl)
      .unroll(cv);
  return co;
}

/// Channels-last statistics (the innermost dim, channels, is kept): the sums
/// vectorize across channels, one lane per channel, so no rfactor into lanes
/// is needed. When `channels` (the static channel count, -1 if dynamic) is
/// a multiple of `accumulators` vectors, the channels are cut into blocks
/// of that many vectors and each block walks the whole line before the next
/// one starts, so its sums stay in registers (with all channels innermost
/// every element costs a load and a store of its accumulator). Other
/// channel counts keep the channels innermost: Halide 14 drops the guard of
/// an unrolled, guarded tail vector in this nest (the second vector of a
/// 16-channel block over 24 channels was added twice).
/// Every reduction variable but the innermost becomes a "row"
/// of partial sums (rfactor), rows run in parallel, and a short serial pass
/// adds the rows up: with N = 1 the rows (image lines) still give every core
/// work, and each serial f32 chain is only one line long.
void scheduleReductionChannelsLast(Reduction &red, const CpuKnobs &knobs,
                                   int rank, const LoopLevel &level,
                                   bool parallel, int64_t channels) {
  const auto &hv = halideVars(rank);
  const Var &c = hv[0];
  const bool blocks =
      channels > 0 && channels % (int64_t(knobs.vectorWidth) * knobs.accumulators) == 0;
  // The loops inside a line: channel lanes and vectors, then the walk along
  // the line (`along`), then the channel blocks.
  auto inner = [&](Stage stage, const RVar &along) {
    if (!blocks) {
      stage.vectorize(c, knobs.vectorWidth, TailStrategy::GuardWithIf);
      return std::vector<VarOrRVar>{c, along};
    }
    Var block = channelBlocks(stage, c, knobs);
    return std::vector<VarOrRVar>{Var("clane"), Var("cvec"), along, block};
  };
  red.func.compute_at(level);
  red.func.vectorize(c, knobs.vectorWidth, TailStrategy::GuardWithIf);
  Stage update = red.func.update();
  // Halide drops reduction variables of static extent 1.
  std::vector<RVar> rvars;
  for (int k = 0; k < red.rdom.dimensions(); ++k)
    if (!Halide::Internal::is_const_one(red.rdom[k].extent()))
      rvars.push_back(red.rdom[k]);
  if (rvars.size() >= 2) {
    std::vector<std::pair<RVar, Var>> rows;
    for (size_t k = 1; k < rvars.size(); ++k)
      rows.emplace_back(rvars[k], Var("row" + std::to_string(k)));
    Func partial = update.rfactor(rows);
    partial.compute_at(level).vectorize(c, knobs.vectorWidth, TailStrategy::GuardWithIf);
    // Every loop named: channels innermost, then along the line, then the
    // kept dims, the rows outermost (and parallel). Halide's default puts
    // the reduction variable outside the pure ones, which would walk x
    // with a stride of a whole line.
    Stage pu = partial.update();
    std::vector<VarOrRVar> order = inner(pu, rvars[0]);
    for (int k = 1; k < rank; ++k)
      order.push_back(hv[k]);
    for (auto &row : rows)
      order.push_back(row.second);
    pu.reorder(order);
    if (parallel)
      pu.parallel(rows.back().second);
    // The sum over rows: channels innermost as well.
    std::vector<VarOrRVar> sumOrder = {c};
    for (size_t k = 1; k < rvars.size(); ++k)
      sumOrder.push_back(rvars[k]);
    for (int k = 1; k < rank; ++k)
      sumOrder.push_back(hv[k]);
    update.reorder(sumOrder);
  } else if (rvars.size() == 1) {
    std::vector<VarOrRVar> order = inner(update, rvars[0]);
    for (int k = 1; k < rank; ++k)
      order.push_back(hv[k]);
    update.reorder(order);
    if (parallel && rank > 1)
      update.parallel(hv[rank - 1]);
    return;
  }
  // The remaining update (the sum over rows, or the whole reduction when it
  // has one variable): channels in lanes, the other kept dims in parallel.
  update.vectorize(c, knobs.vectorWidth, TailStrategy::GuardWithIf);
  if (parallel && rank > 1)
    update.parallel(hv[rank - 1]);
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

/// Product of `tensor`'s extents over NCHW dims [begin, end) when all are
/// static, else -1.
int64_t staticExtentOf(const HTensor &tensor, int begin, int end) {
  Expr product = 1;
  for (int d = begin; d < end; ++d)
    product *= tensor.shape[d];
  auto value = Halide::Internal::as_const_int(Halide::Internal::simplify(product));
  return value ? *value : -1;
}

/// The same for the kernel's first output.
int64_t staticExtent(const LoweredKernel &kernel, int begin, int end) {
  return staticExtentOf(kernel.outputTensors[0], begin, end);
}

/// Number of outer points (planes) when every outer dim is static, else -1.
int64_t staticPlaneCount(const LoweredKernel &kernel, int outer) {
  return staticExtent(kernel, 0, outer);
}

/// Iterations of a parallel loop to give each task: about 64K elements
/// (256 KB of f32) per task, at most 256 iterations, and at least 16 tasks
/// for load balance. 1 when either count is unknown (-1). Small iterations
/// (a 32x32 plane is 4 KB) would otherwise each pay the thread pool's
/// per-task cost: measured on IN (16,256,32,32), 2 threads, 1 plane per
/// task 50-69% of copy bandwidth, 16 planes 84-93%, 64 planes 89-103%.
int itersPerTask(int64_t elemsPerIter, int64_t iters) {
  if (elemsPerIter <= 0)
    return 1;
  int64_t perTask = std::max<int64_t>(1, std::min<int64_t>(256, 65536 / elemsPerIter));
  if (iters > 0)
    perTask = std::max<int64_t>(1, std::min<int64_t>(perTask, iters / 16));
  return static_cast<int>(perTask);
}

/// Makes `p`, a loop of `f` over `iters` iterations of `elemsPerIter`
/// elements, the parallel loop of tasks of itersPerTask() iterations (or
/// `requested`, the planes_per_task knob, when it is set); returns the loop
/// inside a task (p itself with one iteration per task).
VarOrRVar parallelTasks(Func f, VarOrRVar p, int64_t elemsPerIter, int64_t iters,
                        int requested, const std::string &name) {
  int perTask = requested > 0 ? requested : itersPerTask(elemsPerIter, iters);
  if (perTask <= 1) {
    f.parallel(p);
    return p;
  }
  Var outer(name + "_task"), inner(name + "_in_task");
  f.split(p, outer, inner, perTask, TailStrategy::GuardWithIf).parallel(outer);
  return inner;
}

/// Outputs that do not own a statistics loop: vectorize the innermost dim and
/// run the rest in parallel (all dims outside the two innermost fused, so
/// N = 1 still gives one task per channel), small planes several per task.
void scheduleElementwiseOutput(Func out, const HTensor &tensor, const CpuKnobs &knobs) {
  const int rank = tensor.rank();
  const auto &hv = halideVars(rank);
  out.vectorize(hv[0], knobs.vectorWidth, TailStrategy::GuardWithIf);
  if (!knobs.parallel || rank < 2)
    return;
  // One iteration of the parallel loop: a plane (the two innermost dims),
  // or a row of a matrix.
  const int inside = rank == 2 ? 1 : 2;
  const int64_t planeElems = staticExtentOf(tensor, rank - inside, rank);
  const int64_t planes = staticExtentOf(tensor, 0, rank - inside);
  if (rank > 3) {
    // The batch dim inside the other parallel dims: a parameter the size of
    // a sample (layer norm's scale and bias over (C, H, W)) is then read
    // once per task for all of the task's samples instead of once per
    // sample. Measured on LN (8,64,128,128) with root statistics, 2 threads,
    // interleaved: 2.20 ms with the batch outermost, 2.00 ms inside.
    std::vector<VarOrRVar> order{hv[0], hv[1], hv[rank - 1]};
    for (int k = 2; k < rank - 1; ++k)
      order.push_back(hv[k]);
    out.reorder(order);
    VarOrRVar p = fuseOuterDims(out, hv[rank - 1], hv, 2, rank - 1, "q");
    parallelTasks(out, p, planeElems, planes, knobs.planesPerTask, "planes");
    return;
  }
  parallelTasks(out, hv[inside], planeElems, planes, knobs.planesPerTask, "planes");
}

/// Channels-last statistics per image row (MomentsInfo::channelsLastRows):
/// the row statistics computed at `level`, or at the root (`root`: every
/// row of every sample, rows in parallel when `parallel`), each row's sums
/// inside the slice's row loop so that the row's second pass reads it from
/// L1 or L2, then the merge over the rows (a few operations per row and
/// channel).
void scheduleChannelsLastRows(MomentsInfo &m, const CpuKnobs &knobs, bool root,
                              const LoopLevel &level, bool parallel, int64_t channels) {
  const int rank = m.rank;
  const auto &hv = halideVars(rank);
  VarOrRVar row = hv[rank - 1 - m.sliceDim];
  m.slice.compute_at(level).vectorize(hv[0], knobs.vectorWidth, TailStrategy::GuardWithIf);
  if (root && parallel) {
    // The rows of all samples as one parallel loop.
    row = fuseOuterDims(m.slice, row, hv, rank - m.sliceDim, rank, "rows");
    m.slice.parallel(row);
  }
  for (Func &merge : m.merges)
    merge.compute_at(level);
  LoopLevel rowLevel(m.slice, row);
  for (Reduction &red : m.reductions)
    scheduleReductionChannelsLast(red, knobs, rank, rowLevel, /*parallel=*/false, channels);
}

/// Channels-last instance statistics with enough samples (N >= 4, static):
/// each parallel task normalizes one sample right after computing its
/// statistics, so the second and third reads of the sample come from cache
/// instead of DRAM. Measured on (16,256,32,32) NHWC, 2 threads: 29% of copy
/// with the statistics as separate parallel passes. Returns false when the
/// kernel does not have that shape.
bool scheduleChannelsLastPerSample(LoweredKernel &kernel, CpuKnobs &knobs,
                                   std::vector<std::string> &notes) {
  MomentsInfo &m = kernel.moments[0];
  const int rank = m.rank;
  if (!m.innermostKept || (m.slice.defined() && !m.channelsLastRows) || m.groups > 1 ||
      kernel.outputTensors[0].rank() != rank ||
      std::find(m.dims.begin(), m.dims.end(), 0) != m.dims.end())
    return false;
  int64_t samples = staticExtent(kernel, 0, 1);
  if (samples < 4)
    return false;
  const auto &hv = halideVars(rank);
  Func out = kernel.outputs[0];
  out.vectorize(hv[0], knobs.vectorWidth, TailStrategy::GuardWithIf);
  int64_t total = staticExtent(kernel, 0, rank);
  if (total >= 0 && total < 16384 && knobs.parallel) {
    knobs.parallel = false; // tiny: the thread pool costs more than the work
    notes.push_back("parallel: false: fewer than 16384 elements run on the calling thread");
  }
  notes.push_back("placement: channels-last statistics computed per sample (N >= 4)");
  if (knobs.parallel)
    out.parallel(hv[rank - 1]);
  LoopLevel level(out, hv[rank - 1]);
  m.stats.compute_at(level);
  if (m.channelsLastRows) {
    scheduleChannelsLastRows(m, knobs, /*root=*/false, level, /*parallel=*/false,
                             staticExtent(kernel, rank - 1, rank));
    return true;
  }
  for (Reduction &red : m.reductions)
    scheduleReductionChannelsLast(red, knobs, rank, level, /*parallel=*/false,
                                  staticExtent(kernel, rank - 1, rank));
  return true;
}

} // namespace

namespace {
/// The condition that every input of `kernel` whose two innermost extents
/// are statically (width, height) has rows of `width` elements end to end;
/// undefined when no input has that shape (the plane is computed inside
/// the group, and nothing says how it is stored). Inputs of other shapes
/// (scale vectors, broadcast tensors) do not take part: their accesses do
/// not run along the plane's rows.
Expr inputsHaveDenseRows(const LoweredKernel &kernel, int64_t width, int64_t height) {
  Expr dense;
  for (const ImageParam &p : kernel.inputs) {
    if (p.dimensions() < 2)
      continue;
    const Halide::Internal::Parameter &param = p.parameter();
    auto w = Halide::Internal::as_const_int(param.extent_constraint(0));
    auto h = Halide::Internal::as_const_int(param.extent_constraint(1));
    if (w && h && *w == width && *h == height) {
      Expr rows = p.dim(1).stride() == static_cast<int>(width);
      dense = dense.defined() ? dense && rows : rows;
    }
  }
  return dense;
}
} // namespace

Expr denseRowsCondition(const LoweredKernel &kernel, const Reduction &red) {
  if (red.rdom.dimensions() < 2)
    return Expr();
  auto width = Halide::Internal::as_const_int(Halide::Internal::simplify(red.rdom.x.extent()));
  auto height = Halide::Internal::as_const_int(Halide::Internal::simplify(red.rdom.y.extent()));
  if (!width || !height || *height < 2)
    return Expr();
  return inputsHaveDenseRows(kernel, *width, *height);
}

/// Vectorized partial sums for one reduction, computed at `level` (inside
/// the output's loop over planes).
void scheduleReductionAt(Reduction &red, const CpuKnobs &knobs, const LoopLevel &level,
                         const Expr &denseRows) {
  red.func.compute_at(level);
  // Halide drops reduction variables of extent 1 (1x1 planes): nothing to
  // vectorize then.
  if (Halide::Internal::is_const_one(red.rdom.x.extent()))
    return;
  // Rows that are not a whole number of vectors end in a predicated
  // (masked) update of the lane sums, which LLVM then keeps in memory:
  // every masked store stalls the next row's load of the same lanes (no
  // store forwarding). Where the rows lie end to end in memory, the
  // reduction runs over the plane as one row instead: one tail per plane
  // (the per-plane output loop does the same for the normalize pass).
  // Measured on a 2-core Xeon (AVX-512, 16 x 2 lanes), IN, 2 threads,
  // interleaved with the per-row code: (3,5,7,13) 2.13 -> 0.96 us,
  // (4,64,100,100) 631 -> 509-521 us (590 us with the sums alone flat).
  // Rows of whole vectors (112 = 3.5 x 32 lanes: the half block is an
  // unmasked vector) keep the per-row sums, 1-7% faster there.
  auto width = Halide::Internal::as_const_int(Halide::Internal::simplify(red.rdom.x.extent()));
  auto height = red.rdom.dimensions() >= 2 ? Halide::Internal::as_const_int(Halide::Internal::simplify(red.rdom.y.extent())) : nullptr;
  const bool flatten = denseRows.defined() && width && height && *height >= 2 &&
                       *width % knobs.vectorWidth != 0 &&
                       !Halide::Internal::is_const_zero(denseRows);
  RVar plane("r_plane");
  if (flatten && Halide::Internal::is_const_one(denseRows)) {
    // Dense by construction (a scratch buffer of the group): no other code.
    Stage stage = red.func.update();
    stage.fuse(red.rdom.x, red.rdom.y, plane);
    vectorizedLanes(stage, plane, knobs).compute_at(level);
    return;
  }
  if (flatten) {
    Stage dense = red.func.update().specialize(denseRows);
    dense.fuse(red.rdom.x, red.rdom.y, plane);
    vectorizedLanes(dense, plane, knobs).compute_at(level);
  }
  vectorizedLanes(red.func.update(), red.rdom.x, knobs).compute_at(level);
}

void applyCpuSchedule(LoweredKernel &kernel, CpuKnobs &knobs,
                      std::vector<std::string> &notes) {
  for (Func &table : kernel.smallTables)
    table.compute_root();
  bool perPlane = knobs.placement == StatsPlacement::PerPlane &&
                  kernel.outputs.size() == 1 && kernel.moments.size() == 1 &&
                  outerDimsOf(kernel.moments[0]) > 0 &&
                  kernel.outputTensors[0].rank() == kernel.moments[0].rank;
  // With channel groups the plane loop splits the channel dimension, which
  // must then be the innermost of the outer dimensions (reduced dims from 2).
  if (perPlane && kernel.moments[0].groups > 1 &&
      outerDimsOf(kernel.moments[0]) != 2)
    perPlane = false;
  // Fewer planes than a few per core (layer norm of one sample): computing
  // each plane's statistics serially would leave cores idle; the root
  // schedule splits the reduction itself across cores instead.
  if (perPlane && kernel.moments[0].groups == 1) {
    int64_t planes = staticPlaneCount(kernel, outerDimsOf(kernel.moments[0]));
    if (planes >= 0 && planes < 4)
      perPlane = false;
  }

  if (!perPlane && knobs.placement == StatsPlacement::PerPlane &&
      kernel.outputs.size() == 1 && kernel.moments.size() == 1 &&
      scheduleChannelsLastPerSample(kernel, knobs, notes))
    return;

  if (!perPlane) {
    if (knobs.placement != StatsPlacement::Root)
      notes.push_back("placement: root: the group's statistics cannot be computed per plane "
                      "(several outputs or statistics, reduced dims not innermost, or fewer "
                      "than 4 planes)");
    knobs.placement = StatsPlacement::Root; // what the record should say
    // Tiny static tensors on the calling thread, as in the per-plane path.
    int64_t total = staticExtent(kernel, 0, kernel.outputTensors[0].rank());
    if (total >= 0 && total < 16384 && knobs.parallel) {
      knobs.parallel = false;
      notes.push_back("parallel: false: fewer than 16384 elements run on the calling thread");
    }
    for (MomentsInfo &m : kernel.moments) {
      m.stats.compute_root();
      if (m.channelsLastRows) {
        scheduleChannelsLastRows(m, knobs, /*root=*/true, LoopLevel::root(), knobs.parallel,
                                 staticExtent(kernel, m.rank - 1, m.rank));
        continue;
      }
      if (m.innermostKept) {
        // Slices (per channel for group norm, per sample for batch
        // statistics) are channels-last statistics themselves; their
        // merges are small serial passes.
        if (m.slice.defined())
          m.slice.compute_root();
        for (Func &merge : m.merges)
          merge.compute_root();
        for (Reduction &red : m.reductions)
          scheduleReductionChannelsLast(red, knobs, m.rank, LoopLevel::root(),
                                        knobs.parallel,
                                        staticExtent(kernel, m.rank - 1, m.rank));
        continue;
      }
      if (!m.slice.defined()) {
        for (Reduction &red : m.reductions)
          scheduleReductionRoot(red, knobs, m.rank);
        continue;
      }
      // Slices (and the outer dims) in parallel, each slice's reductions
      // inside its task; the merge is a small serial pass.
      for (Func &merge : m.merges)
        merge.compute_root();
      const auto &hv = halideVars(m.rank);
      m.slice.compute_root();
      // All pure vars of the slice statistics (the reduced ones have extent
      // 1): slices of every outer index, and of every channel when the
      // slices run over the batch (batch statistics), become tasks.
      VarOrRVar p = fuseOuterDims(m.slice, hv[0], hv, 1, m.rank, "s");
      VarOrRVar inTask = p;
      if (knobs.parallel) {
        // Several small slices per task (layer norm's (C, H, W) slices are
        // planes): the elements of one slice are those of the reduced dims
        // inside the slice dim.
        int64_t sliceElems = -1, slices = -1;
        const HTensor &shape = kernel.outputTensors[0];
        if (shape.rank() == m.rank) {
          sliceElems = 1;
          for (int64_t d : m.dims)
            if (d > m.sliceDim) {
              int64_t e = staticExtentOf(shape, d, d + 1);
              sliceElems = e > 0 && sliceElems > 0 ? sliceElems * e : -1;
            }
          int64_t total = staticExtentOf(shape, 0, m.rank);
          slices = sliceElems > 0 && total > 0 ? total / sliceElems : -1;
        }
        inTask = parallelTasks(m.slice, p, sliceElems, slices, knobs.planesPerTask, "slices");
      }
      for (Reduction &red : m.reductions)
        scheduleReductionAt(red, knobs, LoopLevel(m.slice, inTask),
                            denseRowsCondition(kernel, red));
    }
    for (size_t i = 0; i < kernel.outputs.size(); ++i)
      scheduleElementwiseOutput(kernel.outputs[i], kernel.outputTensors[i], knobs);
    return;
  }

  MomentsInfo &m = kernel.moments[0];
  Func out = kernel.outputs[0];
  const int rank = m.rank;
  const auto &hv = halideVars(rank);
  const int outer = outerDimsOf(m); // NCHW dims [0, outer) index planes
  // Halide index of the innermost outer dim.
  int firstOuter = rank - outer;

  // Planes whose rows end in a partial vector (masked loads and stores per
  // row): where input and output rows lie end to end, a specialization
  // normalizes the plane as one row (one masked vector per plane). The loops
  // outside the plane are the same in both, so the statistics' compute_at
  // levels exist in each.
  std::vector<Stage> stages;
  bool hasFlatStage = false;
  if (outer == rank - 2 && m.groups == 1) {
    int64_t width = staticExtent(kernel, rank - 1, rank);
    int64_t height = staticExtent(kernel, rank - 2, rank - 1);
    Expr inputsDense = inputsHaveDenseRows(kernel, width, height);
    if (width > 0 && height >= 2 && width % knobs.vectorWidth != 0 && inputsDense.defined()) {
      Expr dense = inputsDense && out.output_buffer().dim(1).stride() == static_cast<int>(width);
      stages.push_back(out.specialize(dense));
      hasFlatStage = true;
    }
  }
  stages.push_back(out);

  // Small planes: several per parallel task (itersPerTask). The statistics
  // stay per plane, at the inner loop.
  int perTask = knobs.planesPerTask;
  if (perTask == 0) {
    int64_t elems = staticExtent(kernel, outer, rank);
    int64_t count = staticPlaneCount(kernel, outer);
    if (m.groups > 1) {
      // The loop runs over groups: a task's unit is C / groups channels.
      auto cpg = Halide::Internal::as_const_int(
          Halide::Internal::simplify(m.channelsPerGroup));
      elems = cpg && elems > 0 ? elems * *cpg : -1;
      count = cpg && count > 0 ? count / *cpg : -1;
    }
    perTask = itersPerTask(elems, count);
  }
  if (knobs.planesPerTask == 0)
    notes.push_back("planes_per_task: chosen from the plane size");
  knobs.planesPerTask = perTask;
  // A whole tensor of a few thousand elements costs less than waking the
  // thread pool: (3,5,7,13) ran in 5 us with 15 tasks, the copy of the same
  // bytes in 1 us. Tiny static tensors run on the calling thread.
  int64_t total = staticExtent(kernel, 0, rank);
  bool tiny = total >= 0 && total < 16384;
  if (tiny && knobs.parallel) {
    knobs.parallel = false; // the record says what ran
    notes.push_back("parallel: false: fewer than 16384 elements run on the calling thread");
  }
  if (hasFlatStage)
    notes.push_back("planes with rows end to end in memory run as one row (a specialization)");

  VarOrRVar inner = hv[firstOuter];
  for (size_t k = 0; k < stages.size(); ++k) {
    Stage stage = stages[k];
    if (hasFlatStage && k == 0) {
      Var flat("wh");
      stage.fuse(hv[0], hv[1], flat).vectorize(flat, knobs.vectorWidth, TailStrategy::GuardWithIf);
    } else {
      stage.vectorize(hv[0], knobs.vectorWidth, TailStrategy::GuardWithIf);
    }
    VarOrRVar plane = hv[firstOuter];
    int next = firstOuter + 1;
    if (m.groups > 1) {
      // Loop over groups, then channels within the group, so each group's
      // statistics are computed once, right before its channels.
      Var g("g"), ci("ci");
      stage.split(hv[firstOuter], g, ci, m.channelsPerGroup, TailStrategy::GuardWithIf);
      plane = g;
    }
    plane = fuseOuterDims(stage, plane, hv, next, rank, "plane");
    inner = plane;
    if (perTask > 1) {
      Var po("plane_task"), pi("plane_in_task");
      stage.split(plane, po, pi, perTask, TailStrategy::GuardWithIf);
      plane = po;
      inner = pi;
    }
    if (knobs.parallel)
      stage.parallel(plane);
  }

  LoopLevel level(out, inner);
  m.stats.compute_at(level);
  if (m.slice.defined()) {
    // Per-slice statistics of this plane, then their merge.
    m.slice.compute_at(level);
    for (Func &merge : m.merges)
      merge.compute_at(level);
    LoopLevel sliceLevel(m.slice, halideVars(rank)[rank - 1 - m.sliceDim]);
    for (Reduction &red : m.reductions)
      scheduleReductionAt(red, knobs, sliceLevel, denseRowsCondition(kernel, red));
    return;
  }
  for (Reduction &red : m.reductions)
    scheduleReductionAt(red, knobs, level, denseRowsCondition(kernel, red));
}

} // namespace normc

namespace normc {
namespace {
/// x86-64 and ARM64: the conv schedule first (groups with convolutions),
/// then the normalization schedule for whatever it left.
class CpuBackend final : public ScheduleBackend {
public:
  const char *name() const override { return "cpu"; }
  void apply(LoweredKernel &kernel, GroupRole role, CpuKnobs &knobs,
             std::vector<std::string> &notes) const override {
    bool hasConv = role == GroupRole::Conv || role == GroupRole::ConvNorm;
    if (hasConv && applyConvSchedule(kernel, knobs, notes))
      return;
    applyCpuSchedule(kernel, knobs, notes);
  }
};
} // namespace

const ScheduleBackend &scheduleBackendFor(const Halide::Target &target) {
  static const CpuBackend cpu;
  if (target.has_gpu_feature()) // parseTarget admits cuda and opencl only
    return gpuScheduleBackend();
  return cpu;
}
} // namespace normc
