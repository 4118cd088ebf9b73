//===- ScheduleKnobs.h - the named knobs of normc's schedules -------------===//
//
// One struct per kernel kind and target family. Defaults are derived from the
// target (see ScheduleCpu.cpp); the autotuner (norm-tune) will set the same
// fields and store them as JSON records. No Halide types here.
//
//===----------------------------------------------------------------------===//
#ifndef NORMC_HALIDE_GEN_SCHEDULEKNOBS_H_
#define NORMC_HALIDE_GEN_SCHEDULEKNOBS_H_

#include <string>

namespace normc {

/// How moments computes its statistics.
enum class StatsStrategy {
  /// One pass of sums of (x - s) and (x - s)^2 with s the first element of the
  /// reduction: reads x once; accurate while s is within a few standard
  /// deviations of the mean (a large common mean is fine), loses digits when
  /// s is a far outlier.
  ShiftedOnePass,
  /// Shifted mean first, then the sums of deviations and squared deviations
  /// from it (corrected two-pass): accurate for any data; reads x once more.
  TwoPass,
};

/// Where the statistics are computed relative to the normalized output.
enum class StatsPlacement {
  /// Inside the parallel loop over planes (or groups, or rows for layer norm),
  /// right before the plane is normalized, so the second read of x hits cache.
  PerPlane,
  /// In a separate parallel pass before the output (general fallback).
  Root,
};

/// Knobs of the CPU schedule for normalization kernels (x86-64 and ARM64).
struct CpuNormKnobs {
  /// f32 lanes per vector: the target's natural vector size (8 for AVX2,
  /// 16 for AVX-512, 4 for NEON).
  int vectorWidth = 8;
  /// Independent vector accumulators in the statistics reduction. With the
  /// two-pass statistics, 2 and 4 measured the same within noise on the
  /// 2-core AMD EPYC (Zen 3) machine (4 was ~10% faster with the one-pass
  /// statistics on 256x256 planes); 2 uses fewer registers.
  int accumulators = 2;
  /// Planes (or groups, or rows) per parallel task; 0 picks from the static
  /// plane size: enough planes for ~256 KB of input per task, at least 16
  /// tasks. 1 for dynamic shapes.
  int planesPerTask = 0;
  /// Two-pass by default: exact for any data (a far outlier as the shift
  /// costs the one-pass variant up to log10(plane size) digits: 0.6 absolute
  /// error on a 256x256 plane in test/halide_gen, vs 1e-5 two-pass). The second
  /// pass reads the plane from cache: +4% on 256x256 planes, +10-20% on planes
  /// larger than L2 (measured on the 2-core Zen 3 machine).
  StatsStrategy stats = StatsStrategy::TwoPass;
  StatsPlacement placement = StatsPlacement::PerPlane;
  /// Run the loop over planes in parallel on Halide's thread pool.
  bool parallel = true;

  // Convolutions in a kernel group (ScheduleConv.cpp). The output is tiled
  // into convKTile output channels x convXVectors vectors of vectorWidth
  // columns, whose partial sums stay in registers across the whole
  // reduction over input channels and kernel taps: 4 x 3 = 12 of AVX2's 16
  // ymm registers, leaving room for the input vector and the broadcast
  // weight; each input load then feeds 4 FMAs and each weight 3.
  int convKTile = 4;
  int convXVectors = 3;
  /// Output rows per register tile (the kernel rows are then unrolled so
  /// rows of input shared by the tile's output rows are loaded once).
  int convYRows = 1;
  /// Output channels per parallel task in a fused conv -> norm group (the
  /// conv of those channels over the whole plane is kept in a scratch
  /// buffer for the statistics); 0 picks from the plane size: the largest
  /// multiple of convKTile whose scratch stays within ~1 MB, while leaving
  /// at least 4 tasks where the channels allow (the tiles of a task share
  /// their input rows; see ScheduleConv.cpp).
  int convChannelsPerTask = 0;

  /// Serializes the knobs as a one-line JSON object (schedule records).
  std::string toJson() const;
};

/// Applies "key=value,key=value" overrides (keys: vector_width,
/// accumulators, planes_per_task, stats=shifted_one_pass|two_pass,
/// placement=per_plane|root, parallel=true|false, conv_k_tile,
/// conv_x_vectors, conv_channels_per_task). Returns false with a one-line `error` naming the
/// offending key or value.
bool applyKnobOverrides(CpuNormKnobs &knobs, const std::string &spec,
                        std::string &error);

const char *toString(StatsStrategy s);
const char *toString(StatsPlacement p);

} // namespace normc

#endif // NORMC_HALIDE_GEN_SCHEDULEKNOBS_H_
