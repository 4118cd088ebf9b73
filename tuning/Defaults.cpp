//===- Defaults.cpp - the schedule backends' knob defaults ----------------===//
//
// Defaults follow from facts about the target (vector width, vector
// register count) and the group (its role and shape). What was measured is
// said next to each choice; what is derived by counting registers and not
// yet measured on such a machine says so.
//
//===----------------------------------------------------------------------===//
#include "tuning/Defaults.h"

#include <algorithm>

namespace normc {

CpuKnobs scheduleDefaults(const TargetFacts &facts, GroupRole role, const GroupShape &shape) {
  CpuKnobs k;
  // GPU targets: the GPU knobs are the schema's (256 threads per block, 16
  // elements per thread and block of a plane's statistics, 4-channel conv
  // tiles in registers); they are not measured on a GPU yet
  // (bench/RESULTS.md says when they are). The CPU knobs stay as they are:
  // the GPU backend does not read them.
  if (facts.gpu)
    return k;
  // Halide's natural vector size: 8 f32 lanes on AVX2, 16 on AVX-512, 4 on
  // NEON and SSE.
  k.vectorWidth = std::max(4, facts.f32Lanes());

  // Statistics: 2 accumulators and two-pass statistics (Knobs.def
  // defaults). With two-pass statistics, 2 and 4 accumulators measured the
  // same within noise on the 2-core AMD EPYC (Zen 3, AVX2); 2 uses fewer
  // registers. Two-pass is exact for any data (a far outlier as the shift
  // costs the one-pass variant up to log10(plane size) digits) and cost +4%
  // on 256x256 planes, +10-20% on planes larger than L2 (same machine).

  // Streaming (non-temporal) stores for results of 16 MiB or more, on x86.
  // Measured on the 2-core Xeon (AVX-512, 2 threads; docs/performance.md,
  // "Streaming stores"): a copy with streaming stores, followed by a pass
  // that reads the result, took 0.69x the time of the same with plain stores
  // at 16 MiB, 0.68x at 32 MiB, 0.73x at 256 MiB, but 1.28x at 4 MiB and
  // 3.4x at 1 MiB, where the plain-stored result was still in cache for the
  // reader. Not yet measured on AVX2 machines or ARM (not applied there).
  k.streamingStores = facts.arch == TargetFacts::Arch::X86 &&
                      shape.resultBytes >= (int64_t(16) << 20);

  // Statistics as their own pass when several samples read a parameter the
  // size of a sample (layer norm's scale and bias over (C, H, W)): the
  // normalize pass then runs over every sample of a plane before the next
  // plane, and reads the parameter once instead of once per sample, at the
  // cost of reading x a second time. Measured on the 2-core Xeon (AVX-512),
  // 2 threads, interleaved, per_plane vs root: LN (8,64,128,128) 2.20 vs
  // 2.00 ms, (16,256,32,32) 1.01-1.09 vs 0.94-1.02 ms, (4,512,16,16) 0.185
  // vs 0.10-0.12 ms. Not yet measured on AVX2 machines.
  if (role == GroupRole::Norm && shape.rank4 && shape.sampleSizedParameter && shape.n >= 2)
    k.placement = StatsPlacement::Root;

  if (role != GroupRole::Conv && role != GroupRole::ConvNorm)
    return k;

  // NCHW conv register tile: convKTile output channels x convXVectors
  // vectors of columns, all accumulators in registers, plus one register
  // for the input vector, one for the broadcast weight and two spare.
  // AVX2 (16 ymm): 4 x 3 = 12 accumulators, the measured best on Zen 3
  // (bench/RESULTS.md conv rows). 32 registers (AVX-512 zmm, NEON):
  // 4 x 5 = 20, as Halide's conv_layer app does for 32-register targets
  // (derived by counting registers; not yet measured on such a machine).
  // norm-tune on a 2-core Xeon with AVX-512 chose 4 x 4 for five of the
  // eight bench/ conv groups; those functions ran 1.00-1.24x faster (bench/RESULTS.md, "Tuned vs
  // default"); the default stays until it is measured on AVX2 and NEON too.
  const int registers = facts.vectorRegisters;
  int xVectors = registers >= 32 ? 5 : 3;
  // A plane whose width is known only at run time gets 4 vectors on
  // AVX-512 (8 x 2 after the rule below, 32 columns), as static widths that
  // are multiples of the vector do: the dynamic schedule's fast branch
  // (ShiftInwards tiles) needs planes at least a tile wide, narrower ones
  // take the branch with guarded tails, and 4 x 5 zmm (80 columns) sent
  // TransformerNet's 64-column residual planes at 256x256 there (dynamic
  // 256x256 267-286 -> 96-105 ms per image, bench/RESULTS.md). NEON keeps
  // 4 x 5 (not measured).
  if (facts.arch == TargetFacts::Arch::X86 && registers >= 32 && shape.rank4 &&
      !shape.channelsLast && shape.w <= 0)
    xVectors = 4;
  // A tile must fit in a row: the schedule needs W >= lanes x vectors.
  if (shape.rank4 && !shape.channelsLast && shape.w > 0)
    xVectors = static_cast<int>(std::max<int64_t>(
        1, std::min<int64_t>(xVectors, shape.w / k.vectorWidth)));
  // With 32 registers, the widest tile whose vectors divide the row: the
  // last tile of a row that is not a whole number of tiles is shifted inwards
  // and recomputes columns (5 zmm vectors on 128 columns: 2 tiles of 80, 25%
  // more FMAs). Measured on a 2-core Xeon (AVX-512), conv 3x3 64->64 on
  // 128x128, interleaved: 4 x 5 5.02 ms, 4 x 4 4.34 ms (1.16x). AVX2 keeps
  // 4 x 3, the measured best on Zen 3 (not re-measured with this rule).
  if (registers >= 32 && shape.rank4 && !shape.channelsLast && shape.w > 0 &&
      shape.w % k.vectorWidth == 0) {
    const int64_t rowVectors = shape.w / k.vectorWidth;
    while (xVectors > 1 && rowVectors % xVectors != 0)
      --xVectors;
  }
  int kTile = 1;
  while (kTile * 2 * xVectors <= registers - 4 && kTile * 2 <= 8)
    kTile *= 2; // powers of two: they divide the usual channel counts
  if (shape.rank4 && !shape.channelsLast && shape.c > 0)
    while (kTile > 1 && shape.c % kTile != 0)
      kTile /= 2;
  // AVX-512: of two tiles with as many accumulators, the one with twice the
  // channels and half the column vectors. Each column vector is a load per
  // kernel tap, and two of every three (kernel columns 1 and 2) are
  // unaligned and split across cache lines; a channel costs a broadcast.
  // Measured on a 2-core Xeon, 2 threads, interleaved, 8 x 2 against 4 x 4:
  // fused conv3x3 -> IN -> ReLU (1,64,128,128) 4.11 vs 4.43 ms, (1,128,64,64)
  // 4.11 vs 4.45, (4,64,64,64) 4.06 vs 4.25, (1,32,256,256) 5.41 vs 5.44;
  // the conv alone (1,64,128,128) 4.16 vs 4.45, (1,32,256,256) 4.49 vs 4.65,
  // (1,128,64,64) 4.26 vs 4.28. NEON (no split-load penalty measured) keeps
  // the wider tile.
  if (facts.arch == TargetFacts::Arch::X86 && registers >= 32)
    while (xVectors % 2 == 0 && kTile * 2 <= 8 &&
           (!shape.rank4 || shape.channelsLast || shape.c <= 0 || shape.c % (kTile * 2) == 0)) {
      kTile *= 2;
      xVectors /= 2;
    }
  k.convKTile = kTile;
  k.convXVectors = xVectors;
  // Several output rows per tile (conv_y_rows) measured slower than 1 on
  // Zen 3: the extra accumulators spill.
  k.convYRows = 1;

  // NHWC conv tile: 2 vectors of output channels x N columns. AVX2: 2 x 6 =
  // 12 accumulators (bench NHWC conv rows); with 32 registers 2 x 12 = 24
  // (derived, not measured).
  k.convNhwcKVectors = 2;
  k.convNhwcXColumns = std::min(16, (registers - 4 - 2) / 2 / 2 * 2);
  if (registers < 32)
    k.convNhwcXColumns = 6;
  return k;
}

bool convNormMaterializesPlane(int kTile, int64_t planeElements, int channelsPerTask) {
  // Planes of 256x256 and up: the scratch of a fused task would live in L3
  // and the statistics passes over it cost more than they save (measured
  // (1,32,256,256): fused 19.3 ms, the conv materialized 15.3 ms).
  return channelsPerTask == 0 && int64_t(kTile) * planeElements * 4 > 512 * 1024;
}

int convRowsPerTask(int64_t n, int64_t rowTiles, int requested) {
  rowTiles = std::max<int64_t>(1, rowTiles);
  if (requested > 0)
    return static_cast<int>(std::min<int64_t>(requested, rowTiles));
  // A task stages its own rows of input (the padded copy of x the conv
  // reads) and slides down its band, so that copy stays in a few rows of
  // L1/L2 instead of going to DRAM and back; the first two rows of a band
  // are staged twice (once per neighbouring band). 8 row tiles, halved
  // while there would be fewer than 8 tasks (2 threads get 4 each).
  // Measured on the 2-core Xeon (AVX-512), 2 threads, interleaved, conv
  // 3x3 alone, the whole input staged first vs bands of 4 / 8 / 16 rows:
  // (1,64,128,128) 4.32 vs 4.00 / 4.02 / 4.13 ms; (1,32,256,256) 5.04 vs
  // 4.11 / 4.06 / 4.16 ms; the same convs on a pre-padded x (no staging)
  // 4.00 and 4.08 ms. Not yet measured on AVX2 machines.
  int64_t rows = std::min<int64_t>(8, rowTiles);
  while (rows > 1 && std::max<int64_t>(n, 1) * ((rowTiles + rows - 1) / rows) < 8)
    rows /= 2;
  return static_cast<int>(rows);
}

} // namespace normc
