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
  /// Independent vector accumulators in the statistics reduction. 4 (two
  /// sums each, 8 registers) cover the add latency: on the 2-core AMD EPYC
  /// (Zen 3) CI machine, instance norm (1,64,256,256) ran ~10% faster than
  /// with 2 and (16,256,32,32) ~6% faster, larger planes unchanged (noisy,
  /// same-run medians; see bench/RESULTS.md for the current figures).
  int accumulators = 4;
  /// Two-pass by default: exact for any data (a far outlier as the shift
  /// costs the one-pass variant up to log10(plane size) digits: 0.6 absolute
  /// error on a 256x256 plane in test/halide_gen, vs 1e-5 two-pass). The second
  /// pass reads the plane from cache: +4% on 256x256 planes, +10-20% on planes
  /// larger than L2 (measured on the 2-core Zen 3 machine).
  StatsStrategy stats = StatsStrategy::TwoPass;
  StatsPlacement placement = StatsPlacement::PerPlane;
  /// Run the loop over planes in parallel on Halide's thread pool.
  bool parallel = true;

  /// Serializes the knobs as a one-line JSON object (schedule records).
  std::string toJson() const;
};

/// Applies "key=value,key=value" overrides (keys: vector_width,
/// accumulators, stats=shifted_one_pass|two_pass, placement=per_plane|root,
/// parallel=true|false). Returns false with a one-line `error` naming the
/// offending key or value.
bool applyKnobOverrides(CpuNormKnobs &knobs, const std::string &spec,
                        std::string &error);

const char *toString(StatsStrategy s);
const char *toString(StatsPlacement p);

} // namespace normc

#endif // NORMC_HALIDE_GEN_SCHEDULEKNOBS_H_
