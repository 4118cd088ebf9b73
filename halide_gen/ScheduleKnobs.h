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
  /// deviations of the mean, which holds because s is one of the samples.
  ShiftedOnePass,
  /// Mean first, then the sum of squared deviations: reads x twice more.
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
  /// Independent vector accumulators in the statistics reduction; 2 hide the
  /// add latency on the machines we measured without spilling registers.
  int accumulators = 2;
  StatsStrategy stats = StatsStrategy::ShiftedOnePass;
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
