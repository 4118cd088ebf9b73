//===- ScheduleConv.cpp - CPU schedules for groups with a convolution -----===//
//
// Register tiling (both paths): the output is split into tiles of
// convKTile output channels x convXVectors vectors of columns; the conv is
// computed per tile with the reduction over (input channel, kernel row,
// kernel column) outside the unrolled tile, so the tile's partial sums live
// in registers and every loaded input vector feeds convKTile FMAs.
//
// Fused conv -> normalization -> activation (-> add): the output loop runs
// over tasks of convChannelsPerTask output channels of one sample. A task
// computes the conv of its channels over the whole plane into a scratch
// buffer (up to ~1 MB: L2/L3), the statistics of those channels from the
// scratch, then normalizes, activates and writes the output once. The conv
// result never goes to DRAM.
//
// Unfused (a conv group of its own, or a conv -> norm whose plane is too
// large to fuse): the same register tiles, written to a buffer, in tasks of
// bands of rows; each task stages the padded input rows its band reads
// itself, only the new rows for each row tile, so the padded copy of x
// never goes to DRAM. A fused task shares one staged copy of x made first.
//
//===----------------------------------------------------------------------===//
#include "Schedule.h"

#include "tuning/Defaults.h"

#include <algorithm>

using namespace Halide;

namespace normc {

namespace {

int64_t constantOr(const Expr &e, int64_t fallback) {
  auto v = Halide::Internal::as_const_int(Halide::Internal::simplify(e));
  return v ? *v : fallback;
}

/// Schedules a staged conv input: columns in vectors, rows aligned; with
/// `root`, materialized first for the whole group with (channel, sample)
/// in parallel (otherwise the caller places it).
void scheduleStagedInput(ConvInfo &c, const CpuKnobs &knobs, bool root = true) {
  if (!c.stageInput)
    return;
  const auto &hv = halideVars(4);
  c.input.vectorize(hv[0], knobs.vectorWidth, TailStrategy::GuardWithIf);
  // Rows start on a 64-byte line, so fewer of the conv's unaligned vector
  // loads straddle two cache lines.
  c.input.align_storage(hv[0], 16);
  if (!root)
    return;
  c.input.compute_root();
  Var task("in_task");
  c.input.fuse(hv[2], hv[3], task);
  if (knobs.parallel)
    c.input.parallel(task);
}

/// The tile loops of `s` (a stage of an NCHW Func of the conv's output
/// shape): tiles of kt channels x xv vectors x yt rows, the reduction inside.
/// `tail` is the strategy for columns and rows: ShiftInwards (recompute a few
/// outputs; needs extents >= the tile) or GuardWithIf (any extent).
void splitTiles(Stage s, const CpuKnobs &knobs, TailStrategy tail) {
  const auto &hv = halideVars(4);
  const int vw = knobs.vectorWidth, xv = knobs.convXVectors, kt = knobs.convKTile;
  const int yt = knobs.convYRows;
  Var xo("xo"), xi("xi"), ko("ko"), ki("ki"), xvo("xvo"), xvi("xvi"), yo("yo"), yi("yi");
  s.split(hv[0], xo, xi, vw * xv, tail)
      .split(hv[2], ko, ki, kt, TailStrategy::ShiftInwards)
      .split(hv[1], yo, yi, yt, tail)
      .split(xi, xvo, xvi, vw)
      .reorder(xvi, xvo, ki, yi, xo, ko, yo, hv[3])
      .vectorize(xvi)
      .unroll(xvo)
      .unroll(ki)
      .unroll(yi);
}

/// The conv computed per register tile of `f` (whose tile loops exist):
/// pure init and update, the reduction outside the unrolled tile so that the
/// accumulators stay in registers. `tail` splits the tile's columns into
/// vectors: the default rounds a partial tile up (static planes have none),
/// GuardWithIf never reads past the tile (a dynamic plane's last tile can be
/// narrower than a vector, and in a group of its own the conv's input is
/// exactly the plane plus the kernel's halo).
void convPerTile(Func f, ConvInfo &c, const CpuKnobs &knobs,
                 TailStrategy tail = TailStrategy::Auto) {
  const auto &hv = halideVars(4);
  const int vw = knobs.vectorWidth, yt = knobs.convYRows;
  Func conv = c.conv;
  conv.compute_at(f, Var("xo"));
  Var cxo("cxo"), cxi("cxi");
  conv.split(hv[0], cxo, cxi, vw, tail).vectorize(cxi).unroll(cxo).unroll(hv[2]);
  Stage update = conv.update();
  RVar rs = c.rdom.x, rr = c.rdom.y, rc = c.rdom.z;
  conv.unroll(hv[1]);
  update.split(hv[0], cxo, cxi, vw, tail)
      .reorder({cxi, cxo, hv[2], hv[1], rs, rr, rc, hv[3]})
      .vectorize(cxi)
      .unroll(cxo)
      .unroll(hv[2])
      .unroll(hv[1]);
  if (constantOr(c.rdom.x.extent(), 0) > 0 && constantOr(c.rdom.x.extent(), 0) <= 5)
    update.unroll(rs);
  // With several output rows per tile, the kernel rows are unrolled too, so
  // that the rows of input that two output rows share are loaded once.
  if (yt > 1 && constantOr(c.rdom.y.extent(), 0) > 0 && constantOr(c.rdom.y.extent(), 0) <= 5)
    update.unroll(rr);
}

/// Tiles `f` into register tiles and computes the conv per tile.
void registerTiles(Func f, ConvInfo &c, const CpuKnobs &knobs) {
  splitTiles(f, knobs, TailStrategy::ShiftInwards);
  convPerTile(f, c, knobs);
}

/// Register tiles of `f` (static NCHW, N samples of rowTiles row tiles),
/// the conv written to f's own buffer, with tasks over (bands of
/// conv_rows_per_task row tiles, samples) in parallel. A staged input is
/// computed per task, only the rows each row tile adds as the task slides
/// down its band (Halide's sliding window; the rows kept are folded into a
/// small ring), so the padded copy of x stays in L1/L2 instead of
/// going to DRAM and back. Sets knobs.convRowsPerTask to the count used.
void tilesInParallel(Func f, ConvInfo &c, CpuKnobs &knobs, int64_t N, int64_t rowTiles) {
  registerTiles(f, c, knobs);
  const int rows = convRowsPerTask(N, rowTiles, knobs.convRowsPerTask);
  knobs.convRowsPerTask = rows;
  Var band("conv_band"), rowInBand("yo_in_band"), task("conv_task");
  f.split(Var("yo"), band, rowInBand, rows, TailStrategy::ShiftInwards)
      .fuse(band, halideVars(4)[3], task);
  if (knobs.parallel)
    f.parallel(task);
  if (c.stageInput) {
    scheduleStagedInput(c, knobs, /*root=*/false);
    c.input.store_at(f, task).compute_at(f, rowInBand);
  }
}

/// The same for a plane whose extents are known only at run time: the tiles
/// of ShiftInwards specialized for planes of at least one tile (W >= the
/// tile's columns, H >= its rows), and the same loop nest with guarded tails
/// for smaller ones. Both branches have the same loops, so the conv is
/// computed per tile in either.
void tilesInParallelDynamic(Func f, ConvInfo &c, const CpuKnobs &knobs, const Expr &H,
                            const Expr &W) {
  Var task("conv_task");
  auto tiles = [&](Stage s, TailStrategy tail) {
    splitTiles(s, knobs, tail);
    s.fuse(Var("yo"), halideVars(4)[3], task);
    if (knobs.parallel)
      s.parallel(task);
  };
  tiles(f.specialize(W >= knobs.vectorWidth * knobs.convXVectors && H >= knobs.convYRows),
        TailStrategy::ShiftInwards);
  tiles(f, TailStrategy::GuardWithIf);
  convPerTile(f, c, knobs, TailStrategy::GuardWithIf);
}

/// Channels-last convs (static shapes, K a multiple of 2 vectors): the
/// output channels are the vector lanes. Tiles of 2 vectors of output
/// channels x 6 columns (12 accumulators); per (input channel, kernel tap)
/// 2 weight vectors are loaded (the staged weights are stored with K
/// innermost) and 6 input values broadcast. The conv is written to its own
/// buffer (the group output, or a materialized copy that the group's
/// normalization then reads with the channels-last statistics schedule).
/// Returns false when the kernel does not have that shape.
bool channelsLastTiles(LoweredKernel &kernel, const CpuKnobs &knobs) {
  if (kernel.convs.size() != 1 || !kernel.convs[0].channelsLast ||
      kernel.outputs.size() != 1 || kernel.outputTensors[0].rank() != 4)
    return false;
  const HTensor &out0 = kernel.outputTensors[0];
  const int vw = knobs.vectorWidth, kv = knobs.convNhwcKVectors, xt = knobs.convNhwcXColumns;
  int64_t K = constantOr(out0.shape[3], -1), W = constantOr(out0.shape[2], -1);
  if (K <= 0 || K % (vw * kv) != 0 || W < xt)
    return false;
  ConvInfo &c = kernel.convs[0];
  const auto &hv = halideVars(4); // (k, x, y, n)
  c.weights.reorder_storage(hv[3], hv[0], hv[1], hv[2]);
  Func f = kernel.outputs[0];
  if (!kernel.moments.empty()) {
    f = c.conv.in();
    f.compute_root();
  }
  Var ko("ko"), ki("ki"), xo("xo"), xi("xi"), kvo("kvo"), kvi("kvi"), rows("conv_rows");
  f.split(hv[0], ko, ki, vw * kv)
      .split(hv[1], xo, xi, xt, TailStrategy::ShiftInwards)
      .split(ki, kvo, kvi, vw)
      .reorder(kvi, kvo, xi, xo, ko, hv[2], hv[3])
      .vectorize(kvi)
      .unroll(kvo)
      .unroll(xi)
      .fuse(hv[2], hv[3], rows);
  if (knobs.parallel)
    f.parallel(rows);
  c.conv.compute_at(f, xo);
  Var cko("cko"), cki("cki");
  c.conv.split(hv[0], cko, cki, vw).vectorize(cki).unroll(cko).unroll(hv[1]);
  c.conv.update()
      .split(hv[0], cko, cki, vw)
      .reorder({cki, cko, hv[1], c.rdom.x, c.rdom.y, c.rdom.z, hv[2], hv[3]})
      .vectorize(cki)
      .unroll(cko)
      .unroll(hv[1]);
  return true;
}

/// Output channels per task: a multiple of the K tile, dividing K, whose
/// scratch (channels x plane floats) stays within ~1 MB, keeping >= 4
/// tasks when the channels allow. Larger is better up to there: the K tiles
/// of a task share each row band of input, which then comes from L2 instead
/// of L3 (measured (1,64,128,128): 16 channels per task 9.5-10.5 ms, 8
/// channels 10.2-11.5, 4 channels with an L2-sized scratch 11.6-12.5); and a multiple of `groupSize` (channels
/// of a normalization group).
/// Returns -1 when no count fits (or the requested one does not): the caller
/// then materializes the conv instead of fusing.
int channelsPerTask(int64_t K, int64_t N, int64_t plane, int kTile, int64_t groupSize,
                    int requested) {
  auto valid = [&](int64_t b) {
    return b > 0 && b % kTile == 0 && b % groupSize == 0 && K % b == 0;
  };
  if (requested > 0)
    return valid(requested) ? requested : -1;
  int64_t unit = std::max<int64_t>(kTile, groupSize);
  if (unit % kTile != 0 || unit % groupSize != 0)
    unit = kTile * groupSize;
  if (!valid(unit))
    return -1;
  int64_t best = unit;
  for (int64_t b = unit; b <= K; b += unit) {
    if (K % b != 0)
      continue;
    if (b * plane * 4 > 1024 * 1024 && b > unit)
      break;
    if (N * (K / b) < 4 && b > unit)
      break;
    best = b;
  }
  return static_cast<int>(best);
}

} // namespace

bool applyConvSchedule(LoweredKernel &kernel, CpuKnobs &knobs,
                       std::vector<std::string> &notes) {
  if (kernel.convs.empty())
    return false;
  for (Func &table : kernel.smallTables)
    table.compute_root();
  // The unfused static NCHW conv stages its input per task (below); every
  // other path materializes it at the root.
  auto stageAtRoot = [&] {
    for (ConvInfo &c : kernel.convs)
      scheduleStagedInput(c, knobs);
  };

  const HTensor &out0 = kernel.outputTensors[0];
  bool staticNchw = kernel.convs.size() == 1 && !kernel.convs[0].channelsLast &&
                    kernel.outputs.size() == 1 && out0.rank() == 4;
  int64_t N = -1, K = -1, H = -1, W = -1;
  if (staticNchw) {
    N = constantOr(out0.shape[0], -1);
    K = constantOr(out0.shape[1], -1);
    H = constantOr(out0.shape[2], -1);
    W = constantOr(out0.shape[3], -1);
    staticNchw = N > 0 && K > 0 && H > 0 && W >= knobs.vectorWidth * knobs.convXVectors &&
                 K >= knobs.convKTile && H >= knobs.convYRows;
  }
  ConvInfo &c = kernel.convs[0];
  const auto &hv = halideVars(4);

  // The normalization must be per sample (statistics over the plane, or
  // over channel groups): batch statistics span every task.
  bool fusable = staticNchw && kernel.moments.size() <= 1;
  int64_t groupSize = 1;
  if (fusable && kernel.moments.size() == 1) {
    const MomentsInfo &m = kernel.moments[0];
    std::vector<int64_t> spatial = {2, 3};
    fusable = m.dims == spatial && m.channelDim == 1 && m.rank == 4;
    if (m.groups > 1)
      groupSize = constantOr(m.channelsPerGroup, -1);
    fusable = fusable && groupSize > 0 && K % groupSize == 0;
  }

  if (channelsLastTiles(kernel, knobs)) {
    stageAtRoot();
    notes.push_back("conv: NHWC register tiles (conv_nhwc_* knobs; the NCHW tile knobs are unused)");
    return kernel.moments.empty();
  }

  // Image extents known only at run time (a network compiled for any image
  // size): register tiles specialized on the plane's size, the conv
  // materialized (fusing needs the plane size to size the scratch).
  bool dynamicPlane = kernel.convs.size() == 1 && !kernel.convs[0].channelsLast &&
                      kernel.outputs.size() == 1 && out0.rank() == 4 && (H < 0 || W < 0) &&
                      constantOr(out0.shape[1], -1) >= knobs.convKTile &&
                      constantOr(out0.shape[0], -1) > 0;
  if (dynamicPlane) {
    stageAtRoot();
    notes.push_back("conv: register tiles specialized for planes of at least one tile (guarded "
                    "tails below), the conv materialized: the plane's size is dynamic");
    Func tiled = kernel.outputs[0];
    if (!kernel.moments.empty()) {
      tiled = c.conv.in();
      tiled.compute_root();
    }
    tilesInParallelDynamic(tiled, c, knobs, out0.shape[2], out0.shape[3]);
    return kernel.moments.empty();
  }

  if (!fusable) {
    stageAtRoot();
    notes.push_back("conv: not register-tiled (dynamic or NHWC shape, several convs, W < "
                    "vector_width x conv_x_vectors, or statistics across samples): tile "
                    "knobs unused");
    // General fallback: the conv materialized with vectorized columns and
    // parallel planes, then the rest of the group as a normalization group.
    Func conv = c.conv;
    conv.compute_root().vectorize(hv[0], knobs.vectorWidth, TailStrategy::GuardWithIf);
    Stage update = conv.update();
    update.reorder({hv[0], c.rdom.x, c.rdom.y, c.rdom.z, hv[1], hv[2], hv[3]})
        .vectorize(hv[0], knobs.vectorWidth, TailStrategy::GuardWithIf);
    Var plane("conv_plane");
    update.fuse(hv[2], hv[3], plane);
    if (knobs.parallel)
      update.parallel(plane);
    for (size_t i = 1; i < kernel.convs.size(); ++i) {
      ConvInfo &other = kernel.convs[i];
      other.conv.compute_root().vectorize(hv[0], knobs.vectorWidth, TailStrategy::GuardWithIf);
      other.conv.update()
          .reorder({hv[0], other.rdom.x, other.rdom.y, other.rdom.z, hv[1], hv[2], hv[3]})
          .vectorize(hv[0], knobs.vectorWidth, TailStrategy::GuardWithIf);
    }
    return false; // the caller schedules the rest
  }

  Func out = kernel.outputs[0];
  if (kernel.moments.empty()) {
    // Unfused conv (possibly with elementwise consumers): register tiles
    // written straight to the output, tasks over (row bands, samples).
    tilesInParallel(out, c, knobs, N, (H + knobs.convYRows - 1) / knobs.convYRows);
    return true;
  }

  // Planes so large that even one K tile of them overflows L2 (256x256 and
  // up): the scratch would live in L3 and the statistics passes over it cost
  // more than they save (measured (1,32,256,256): fused 19.3 ms, the conv
  // materialized 15.3 ms). Materialize the register-tiled conv and schedule
  // the normalization as its own per-plane pass. The same when no channel
  // count per task fits K, the K tile and the normalization's groups.
  MomentsInfo &m = kernel.moments[0];
  int B = channelsPerTask(K, N, H * W, knobs.convKTile, groupSize,
                          knobs.convChannelsPerTask);
  bool largePlane =
      convNormMaterializesPlane(knobs.convKTile, H * W, knobs.convChannelsPerTask);
  if (largePlane || B < 0) {
    notes.push_back(largePlane ? "conv: materialized, not fused: one K tile of the plane "
                                 "overflows L2"
                               : "conv: materialized, not fused: no conv_channels_per_task "
                                 "fits K, conv_k_tile and the norm's groups");
    Func stored = c.conv.in();
    stored.compute_root();
    tilesInParallel(stored, c, knobs, N, (H + knobs.convYRows - 1) / knobs.convYRows);
    return false;
  }

  // Fused conv -> norm -> ...: a task = B output channels of one sample.
  if (knobs.convChannelsPerTask == 0)
    notes.push_back("conv_channels_per_task: chosen from the plane size");
  knobs.convChannelsPerTask = B;
  Var bo("k_task"), bi("k_in_task"), task("conv_norm_task");
  out.split(hv[2], bo, bi, B, TailStrategy::GuardWithIf)
      .reorder(hv[0], hv[1], bi, bo, hv[3])
      .vectorize(hv[0], knobs.vectorWidth, TailStrategy::GuardWithIf)
      .fuse(bo, hv[3], task);
  if (knobs.parallel)
    out.parallel(task);
  LoopLevel level(out, task);

  // The conv of the task's channels over the whole plane, in a scratch
  // buffer that every consumer (statistics, normalize) reads.
  Func scratch = c.conv.in();
  scratch.compute_at(level);
  registerTiles(scratch, c, knobs);
  // Every task reads every input channel over the whole plane: the staged
  // input is shared at the root. (Staging it per task instead, sliding down
  // the rows, measured mixed on the 2-core Xeon, 2 threads, interleaved,
  // per task vs root: (1,64,128,128) 4.39 vs 4.30 ms, (4,64,64,64) 4.04 vs
  // 4.25.)
  stageAtRoot();

  m.stats.compute_at(level);
  // The statistics read the task's scratch, whose rows lie end to end, and
  // any input an elementwise op between the conv and the norm adds (a
  // residual): where rows end in a partial vector, the sums run over each
  // plane as one run (scheduleReductionAt), specialized on such inputs'
  // strides if there are any.
  auto scratchIsDense = [&](const Reduction &red) {
    Expr inputs = denseRowsCondition(kernel, red);
    return inputs.defined() ? inputs : Halide::Internal::const_true();
  };
  if (m.slice.defined()) {
    m.slice.compute_at(level);
    for (Func &merge : m.merges)
      merge.compute_at(level);
    LoopLevel sliceLevel(m.slice, hv[3 - m.sliceDim]);
    for (Reduction &red : m.reductions)
      scheduleReductionAt(red, knobs, sliceLevel, scratchIsDense(red));
  } else {
    for (Reduction &red : m.reductions)
      scheduleReductionAt(red, knobs, level, scratchIsDense(red));
  }
  if (knobs.placement != StatsPlacement::PerPlane)
    notes.push_back("placement: per_plane: a fused conv -> norm computes the statistics in "
                    "its task");
  knobs.placement = StatsPlacement::PerPlane;
  return true;
}

} // namespace normc
