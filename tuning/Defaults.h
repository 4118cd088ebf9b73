//===- Defaults.h - knob defaults derived from target facts ---------------===//
#ifndef NORMC_TUNING_DEFAULTS_H_
#define NORMC_TUNING_DEFAULTS_H_

#include "tuning/Knobs.h"
#include "tuning/TargetFacts.h"

#include <cstdint>

namespace normc {

/// What the defaults need to know of a group: its first result's shape
/// (NCHW order, or NHWC when channelsLast; -1 for dynamic dims).
struct GroupShape {
  int64_t n = -1, c = -1, h = -1, w = -1;
  bool rank4 = false, channelsLast = false;
  /// An argument has the shape of one sample of the result (a rank-4
  /// result's shape without N): a parameter all samples read whole.
  bool sampleSizedParameter = false;
  /// Bytes of the group's first result (-1 when its shape is dynamic).
  int64_t resultBytes = -1;
};

/// The defaults for a group of `role` and `shape` on a target with `facts`:
/// the CPU backend's knobs (vector width, register tiles) follow the CPU's
/// facts, the GPU backend's knobs keep the schema's defaults (Knobs.def).
/// Each choice and the measurement behind it is written next to it in
/// Defaults.cpp.
CpuKnobs scheduleDefaults(const TargetFacts &facts, GroupRole role, const GroupShape &shape);

/// Whether a conv -> norm group materializes its conv instead of fusing it
/// per task of output channels: one K tile of a plane of `planeElements`
/// f32 overflows L2, and no channel count per task was requested. The
/// schedule (halide_gen/ScheduleConv.cpp) and the tuner's cost model
/// (SearchSpace.cpp) read this one rule.
bool convNormMaterializesPlane(int kTile, int64_t planeElements, int channelsPerTask);

/// Output row tiles per task of an NCHW conv written to a buffer (a conv
/// group, or a conv -> norm group that materializes its conv): `requested`
/// (the conv_rows_per_task knob) when > 0, capped at `rowTiles` (the
/// tiles of one sample's rows); 0 chooses from the shape (Defaults.cpp).
int convRowsPerTask(int64_t n, int64_t rowTiles, int requested);

} // namespace normc

#endif // NORMC_TUNING_DEFAULTS_H_
