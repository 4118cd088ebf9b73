//===- ScheduleGpu.cpp - GPU schedules (CUDA, OpenCL) for kernel groups ---===//
//
// One schedule for both GPU APIs: Halide compiles it to PTX for CUDA and to
// OpenCL C, and CI runs the OpenCL build on the CPU through PoCL, so every
// loop nest here is executed on every CI run, not only assembled.
//
// Every Func the schedule materializes is a GPU kernel (a Func left to the
// host would bounce its buffers between device and host on every call):
//
// - Elementwise outputs: the innermost dimension (fused with the next ones
//   while they are static and shorter than a block) is split into blocks of
//   gpu_threads x gpu_vector_width x gpu_elements_per_thread elements;
//   consecutive threads touch consecutive vectors (coalesced), each thread
//   handles gpu_elements_per_thread vectors a block's width apart, and
//   every other dimension becomes part of the one-dimensional grid (CUDA
//   limits grid y and z to 65535 blocks, N*C*H exceeds that).
// - Statistics sums: a plane's reduction is split into chunks of
//   gpu_stats_chunk elements, one block per (chunk, plane), so even N*C = 1
//   fills every SM. Inside a block each of gpu_stats_threads threads sums a
//   strided slice (coalesced), 16 threads add 16 lane sums each, and one
//   thread adds those: the serial chains stay short (f32 accuracy, too). A
//   second kernel adds a plane's chunk sums. The algorithm is unchanged:
//   shifted sums, two passes (AlgorithmMoments.cpp), f32 for f16/bf16 data.
// - Channels-last statistics: threads across channels (coalesced), blocks
//   over runs of positions, the same second kernel.
// - Convolutions: one output position per thread and gpu_conv_k_tile
//   output channels accumulated in registers; blocks of gpu_conv_block_x x
//   gpu_conv_block_y positions.
// - Small Funcs (statistics formulas, per-channel tables, merges of slices):
//   every point one thread, 64 per block.
//
//===----------------------------------------------------------------------===//
#include "Schedule.h"

#include <algorithm>

using namespace Halide;

namespace normc {

namespace {

int64_t constantOr(const Expr &e, int64_t fallback) {
  if (!e.defined())
    return fallback;
  auto v = Halide::Internal::as_const_int(Halide::Internal::simplify(e));
  return v ? *v : fallback;
}

/// Fuses the pure variables `vars` of `s` (innermost first) into one loop,
/// each fused name being the outer variable's with `suffix`.
template <typename StageT>
VarOrRVar fuseAll(StageT s, const std::vector<VarOrRVar> &vars, const std::string &suffix) {
  VarOrRVar all = vars[0];
  for (size_t k = 1; k < vars.size(); ++k) {
    Var next(vars[k].name() + suffix);
    s.fuse(all, vars[k], next);
    all = next;
  }
  return all;
}

/// Every point of the stage one thread, `threads` per block: for small Funcs
/// whose extents the schedule does not know (statistics formulas, tables).
/// `vars` are the stage's pure variables, innermost first.
template <typename StageT>
void gpuEveryPoint(StageT s, const std::vector<VarOrRVar> &vars, int threads) {
  VarOrRVar all = fuseAll(s, vars, "_f");
  Var blk("gpu_blk"), thr("gpu_thr");
  s.split(all, blk, thr, threads, TailStrategy::GuardWithIf)
      .gpu_blocks(blk)
      .gpu_threads(thr);
}

std::vector<VarOrRVar> pureVars(int rank) {
  const auto &hv = halideVars(rank);
  return std::vector<VarOrRVar>(hv.begin(), hv.end());
}

std::vector<VarOrRVar> argsOf(const Func &f) {
  std::vector<Var> args = f.args();
  return std::vector<VarOrRVar>(args.begin(), args.end());
}

/// Both stages (if any) of a small Func, every point one thread.
void gpuSmallFunc(Func f) {
  f.compute_root();
  gpuEveryPoint(f, argsOf(f), 64);
  for (int u = 0; u < f.num_update_definitions(); ++u)
    gpuEveryPoint(f.update(u), argsOf(f), 64);
}

/// An elementwise output (or any pure Func of `shape`, NCHW extents).
void gpuElementwise(Func f, const std::vector<Expr> &shape, CpuKnobs &knobs,
                    std::vector<std::string> &notes) {
  const int rank = static_cast<int>(shape.size());
  const auto &hv = halideVars(rank);
  // Dims of static extent fused while shorter than a block: planes of 7x13
  // or 1x1 would otherwise leave most of a block's threads idle. Division
  // by static extents is a multiply and shift.
  int inner = 1; // Halide dims [0, inner) are fused into `x`
  int64_t fusedExtent = constantOr(shape[rank - 1], -1);
  while (inner < rank && fusedExtent > 0 && fusedExtent < knobs.gpuThreads) {
    int64_t next = constantOr(shape[rank - 1 - inner], -1);
    if (next < 0)
      break;
    fusedExtent *= next;
    ++inner;
  }
  VarOrRVar x = hv[0];
  for (int k = 1; k < inner; ++k) {
    Var next("x_f" + std::to_string(k));
    f.fuse(x, hv[k], next);
    x = next;
  }
  int vector = knobs.gpuVectorWidth;
  if (vector > 1 && (fusedExtent <= 0 || fusedExtent % vector != 0)) {
    notes.push_back("gpu_vector_width: " + std::to_string(vector) +
                    " -> 1: the innermost extent is not a static multiple of it");
    vector = knobs.gpuVectorWidth = 1;
  }
  // A block wider than the whole (static) extent only adds idle threads;
  // PoCL also crashed running such kernels (420 elements, 256 threads x 4
  // lanes), so the block is cut to whole warps covering the extent.
  int threads = knobs.gpuThreads;
  if (fusedExtent > 0 && int64_t(threads) * vector > fusedExtent) {
    int64_t needed = (fusedExtent + vector - 1) / vector;
    int fit = static_cast<int>(std::max<int64_t>(32, (needed + 31) / 32 * 32));
    if (fit < threads) {
      notes.push_back("gpu_threads: " + std::to_string(threads) + " -> " + std::to_string(fit) +
                      ": the innermost extent needs no more");
      threads = knobs.gpuThreads = fit;
    }
  }
  // A row shorter than a block's span would leave unrolled iterations that
  // are provably out of range; Halide 14's vectorizer then drops the whole
  // pipeline's body (seen: an empty PTX module), so the span is cut to fit.
  int perThread = knobs.gpuElementsPerThread;
  if (fusedExtent > 0) {
    int64_t fit = (fusedExtent + int64_t(threads) * vector - 1) / (int64_t(threads) * vector);
    if (fit < perThread) {
      notes.push_back("gpu_elements_per_thread: " + std::to_string(perThread) + " -> " +
                      std::to_string(fit) + ": one block covers the innermost extent");
      perThread = knobs.gpuElementsPerThread = static_cast<int>(fit);
    }
  }
  // The vectors first (the extent is a static multiple of their width), so
  // the tail guard tests whole vectors: Halide 14 dropped the predicate of
  // a guard that cut through vector lanes in OpenCL code (writes past the
  // end of the buffer, found with valgrind on PoCL).
  Var xq("gpu_xq"), xo("gpu_xo"), xr("gpu_xr"), e("gpu_e"), t("gpu_t"), v("gpu_v");
  VarOrRVar vectors = x;
  if (vector > 1) {
    f.split(x, xq, v, vector, TailStrategy::RoundUp);
    vectors = xq;
  }
  f.split(vectors, xo, xr, threads * perThread, TailStrategy::GuardWithIf)
      .split(xr, e, t, threads);
  if (vector > 1)
    f.reorder(v, e, t, xo).vectorize(v);
  else
    f.reorder(e, t, xo);
  if (perThread > 1)
    f.unroll(e);
  std::vector<VarOrRVar> outer = {xo};
  outer.insert(outer.end(), hv.begin() + inner, hv.end());
  f.gpu_blocks(fuseAll(f, outer, "_b")).gpu_threads(t);
}

/// The reduction variables Halide keeps (it drops those of static extent 1).
std::vector<RVar> liveRVars(const Reduction &red) {
  std::vector<RVar> out;
  for (int k = 0; k < red.rdom.dimensions(); ++k)
    if (!Halide::Internal::is_const_one(red.rdom[k].extent()))
      out.push_back(red.rdom[k]);
  return out;
}

/// The first step of both statistics schedules: the reduction becomes a
/// root kernel adding, one thread per point, the partial sums `perChunk`
/// (indexed by `blockVar`) of chunks of `chunk` consecutive points of its
/// domain (all reduction variables fused, innermost first, so a chunk is a
/// contiguous run of memory); `inChunk` is the partials' reduction
/// variable. Returns false, with the reduction scheduled as it is, when
/// there is nothing to reduce (1x1 planes).
bool splitIntoChunks(Reduction &red, int rank, int chunk, Func &perChunk, Var &blockVar,
                     RVar &inChunk) {
  red.func.compute_root();
  gpuEveryPoint(red.func, pureVars(rank), 64);
  std::vector<RVar> rvars = liveRVars(red);
  if (rvars.empty()) {
    gpuEveryPoint(red.func.update(), pureVars(rank), 64);
    return false;
  }
  Stage update = red.func.update();
  RVar all = rvars[0];
  for (size_t k = 1; k < rvars.size(); ++k) {
    RVar next("r_f" + std::to_string(k));
    update.fuse(all, rvars[k], next);
    all = next;
  }
  RVar chunkIdx("r_chunk");
  inChunk = RVar("r_in");
  update.split(all, chunkIdx, inChunk, chunk);
  blockVar = Var("stats_chunk");
  perChunk = update.rfactor(chunkIdx, blockVar);
  gpuEveryPoint(red.func.update(), pureVars(rank), 64);
  perChunk.compute_root();
  return true;
}

/// Adds the lane sums of `stage` (a reduction over `lane` of extent
/// `threads`) in two steps inside the block: 16-lane groups summed by one
/// thread each, then the group sums by one thread. Returns the group Func
/// to be placed in the block; `groupVar` is its thread variable, `inGroup`
/// its serial loop over a group's lanes.
Func groupLaneSums(Stage stage, RVar lane, int threads, Var &groupVar, RVar &inGroup) {
  const int group = threads >= 64 ? 16 : 8;
  RVar go("lane_go");
  inGroup = RVar("lane_gi");
  stage.split(lane, go, inGroup, group);
  groupVar = Var("lane_group");
  return stage.rfactor(go, groupVar);
}

/// A statistics sum over the innermost dims (NCHW planes, layer-norm rows):
/// blocks of gpu_stats_chunk elements of a plane, then the chunk sums.
void gpuPlaneReduction(Reduction &red, int rank, CpuKnobs &knobs,
                       std::vector<std::string> &notes) {
  const int threads = knobs.gpuStatsThreads;
  int chunk = knobs.gpuStatsChunk;
  if (chunk == 0) {
    chunk = threads * 16;
    notes.push_back("gpu_stats_chunk: gpu_stats_threads x 16 = " + std::to_string(chunk));
    knobs.gpuStatsChunk = chunk;
  }
  if (chunk % threads != 0) {
    int rounded = std::max(1, chunk / threads) * threads;
    notes.push_back("gpu_stats_chunk: " + std::to_string(chunk) + " -> " +
                    std::to_string(rounded) + ": a multiple of gpu_stats_threads");
    chunk = knobs.gpuStatsChunk = rounded;
  }
  Func perChunk;
  Var blockVar;
  RVar inChunk;
  if (!splitIntoChunks(red, rank, chunk, perChunk, blockVar, inChunk))
    return;
  RVar strideIdx("r_stride"), lane("r_lane");
  Stage chunkUpdate = perChunk.update();
  chunkUpdate.split(inChunk, strideIdx, lane, threads);
  Var laneVar("stats_lane");
  Func lanes = chunkUpdate.rfactor(lane, laneVar);
  Var groupVar;
  RVar inGroup;
  Func groups = groupLaneSums(perChunk.update(), lane, threads, groupVar, inGroup);

  // One block per (chunk, plane point).
  std::vector<VarOrRVar> chunkVars = {blockVar};
  for (const Var &v : halideVars(rank))
    chunkVars.push_back(v);
  gpuEveryPoint(perChunk, chunkVars, 64);
  Stage blockStage = perChunk.update();
  VarOrRVar block = fuseAll(blockStage, chunkVars, "_b");
  blockStage.gpu_blocks(block);
  LoopLevel inBlock(perChunk, block);
  // Each thread runs its own serial loop over its strided slice (the thread
  // loop outside the serial one: one barrier per stage, not per stride).
  lanes.compute_at(inBlock).gpu_threads(laneVar);
  lanes.update().reorder(strideIdx, laneVar).gpu_threads(laneVar);
  groups.compute_at(inBlock).gpu_threads(groupVar);
  groups.update().reorder(inGroup, groupVar).gpu_threads(groupVar);
}

/// Channels-last statistics (channels innermost and kept): threads across
/// channels, blocks over runs of positions and channel ranges.
void gpuChannelsLastReduction(Reduction &red, int rank, CpuKnobs &knobs,
                              std::vector<std::string> &notes) {
  const int threads = std::min(knobs.gpuStatsThreads, 64);
  int positions = std::max(1, (knobs.gpuStatsChunk ? knobs.gpuStatsChunk
                                                    : knobs.gpuStatsThreads * 16) / 16);
  Func perChunk;
  Var blockVar;
  RVar inChunk;
  if (!splitIntoChunks(red, rank, positions, perChunk, blockVar, inChunk))
    return;
  notes.push_back("channels-last statistics: " + std::to_string(threads) +
                  " channels per block, " + std::to_string(positions) + " positions per block");
  const auto &hv = halideVars(rank);
  std::vector<VarOrRVar> chunkVars = {hv[0], blockVar};
  for (int k = 1; k < rank; ++k)
    chunkVars.push_back(hv[k]);
  gpuEveryPoint(perChunk, chunkVars, 64);
  // Channels split into thread ranges; the reduction over the chunk's
  // positions runs inside each thread, channels innermost.
  Stage s = perChunk.update();
  Var co("c_blk"), ci("c_thr");
  s.split(hv[0], co, ci, threads, TailStrategy::GuardWithIf);
  std::vector<VarOrRVar> order = {inChunk, ci, co, blockVar};
  for (int k = 1; k < rank; ++k)
    order.push_back(hv[k]);
  s.reorder(order);
  VarOrRVar block = fuseAll(s, std::vector<VarOrRVar>(order.begin() + 2, order.end()), "_b");
  s.gpu_blocks(block).gpu_threads(ci);
}

/// A conv: gpu_conv_k_tile output channels per thread in registers.
void gpuConv(ConvInfo &c, CpuKnobs &knobs, std::vector<std::string> &notes) {
  const auto &hv = halideVars(4);
  if (c.stageInput)
    gpuSmallFunc(c.input);
  // Output channels are dim 2 (NCHW: x, y, k, n) or dim 0 (NHWC: k, x, y, n).
  const int kDim = c.channelsLast ? 0 : 2;
  Func conv = c.conv;
  Func out = conv.in();
  out.compute_root();
  // The register tile must divide the channel count: the conv computed per
  // thread covers the whole tile, and reads of weights past K would fail
  // their bounds checks. Dynamic K: one channel per thread.
  int kt = knobs.gpuConvKTile;
  const int64_t channels = constantOr(c.outChannels, -1);
  int fitted = channels > 0 ? kt : 1;
  while (channels > 0 && fitted > 1 && channels % fitted != 0)
    --fitted;
  if (fitted != kt) {
    notes.push_back("gpu_conv_k_tile: " + std::to_string(kt) + " -> " + std::to_string(fitted) +
                    (channels > 0 ? ": the largest that divides the output channels"
                                  : ": the output channels are dynamic"));
    kt = knobs.gpuConvKTile = fitted;
  }
  const Var &kv = hv[kDim];
  Var ko("k_o"), ki("k_i"), xo("x_o"), xi("x_i"), yo("y_o"), yi("y_i");
  const Var &x = c.channelsLast ? hv[1] : hv[0];
  const Var &y = c.channelsLast ? hv[2] : hv[1];
  const Var &n = hv[3];
  // At most 1024 threads per block (CUDA's limit): rows are cut first.
  int blockY = knobs.gpuConvBlockY;
  while (blockY > 1 && knobs.gpuConvBlockX * blockY > 1024)
    blockY /= 2;
  if (blockY != knobs.gpuConvBlockY) {
    notes.push_back("gpu_conv_block_y: " + std::to_string(knobs.gpuConvBlockY) + " -> " +
                    std::to_string(blockY) + ": at most 1024 threads per block");
    knobs.gpuConvBlockY = blockY;
  }
  out.split(kv, ko, ki, kt, TailStrategy::GuardWithIf)
      .split(x, xo, xi, knobs.gpuConvBlockX, TailStrategy::GuardWithIf)
      .split(y, yo, yi, blockY, TailStrategy::GuardWithIf);
  // (channel tiles, batch) on grid x, which has no 65535 limit; columns and
  // rows of blocks on y and z.
  Var kn("kn");
  out.fuse(ko, n, kn)
      .reorder(ki, xi, yi, kn, xo, yo)
      .unroll(ki)
      .gpu_blocks(kn, xo, yo)
      .gpu_threads(xi, yi);
  conv.compute_at(out, xi).store_in(MemoryType::Register);
  conv.unroll(kv);
  std::vector<VarOrRVar> order = {kv};
  for (int d = 0; d < c.rdom.dimensions(); ++d)
    order.push_back(c.rdom[d]);
  conv.update().reorder(order).unroll(kv);
  notes.push_back("conv: " + std::to_string(kt) + " output channels per thread, blocks of " +
                  std::to_string(knobs.gpuConvBlockX) + "x" + std::to_string(knobs.gpuConvBlockY) +
                  " positions");
}

void gpuMoments(MomentsInfo &m, CpuKnobs &knobs, std::vector<std::string> &notes) {
  gpuSmallFunc(m.stats);
  if (m.slice.defined())
    gpuSmallFunc(m.slice);
  for (Func &merge : m.merges)
    gpuSmallFunc(merge);
  for (Reduction &red : m.reductions) {
    // Channels-last statistics keep the innermost dim: threads go across
    // it; otherwise the reduced dims are the innermost (contiguous) ones.
    if (m.innermostKept)
      gpuChannelsLastReduction(red, m.rank, knobs, notes);
    else
      gpuPlaneReduction(red, m.rank, knobs, notes);
  }
}

/// CUDA and OpenCL: statistics, convs and tables as their own kernels, then
/// the outputs.
class GpuBackend final : public ScheduleBackend {
public:
  const char *name() const override { return "gpu"; }
  void apply(LoweredKernel &kernel, GroupRole, CpuKnobs &knobs,
             std::vector<std::string> &notes) const override {
    for (Func &table : kernel.smallTables)
      gpuSmallFunc(table);
    // What a schedule changes for one Func (a tile that does not divide its
    // channels, a block cut to a short extent) stays with that Func: every
    // other one starts from the requested knobs again. The record keeps
    // the first one's (the group's main conv and output).
    const CpuKnobs requested = knobs;
    for (size_t i = 0; i < kernel.convs.size(); ++i) {
      CpuKnobs own = requested;
      gpuConv(kernel.convs[i], i == 0 ? knobs : own, notes);
    }
    for (MomentsInfo &m : kernel.moments)
      gpuMoments(m, knobs, notes);
    CpuKnobs first = knobs;
    for (size_t i = 0; i < kernel.outputs.size(); ++i) {
      CpuKnobs own = requested;
      own.gpuStatsChunk = knobs.gpuStatsChunk;
      gpuElementwise(kernel.outputs[i], kernel.outputTensors[i].shape, own, notes);
      if (i == 0)
        first = own;
    }
    knobs.gpuThreads = first.gpuThreads;
    knobs.gpuElementsPerThread = first.gpuElementsPerThread;
    knobs.gpuVectorWidth = first.gpuVectorWidth;
  }
};

} // namespace

const ScheduleBackend &gpuScheduleBackend() {
  static const GpuBackend gpu;
  return gpu;
}

} // namespace normc
