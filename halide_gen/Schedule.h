//===- Schedule.h - schedules for lowered kernel groups --------------------===//
#ifndef NORMC_HALIDE_GEN_SCHEDULE_H_
#define NORMC_HALIDE_GEN_SCHEDULE_H_

#include "Lowering.h"
#include "ScheduleKnobs.h"

namespace normc {

/// Knob defaults for a CPU target (x86-64 or ARM64).
CpuNormKnobs defaultCpuKnobs(const Halide::Target &target);

/// Applies the CPU schedule described by `knobs` to every Func of `kernel`.
/// Knobs that cannot apply to this kernel are updated to what was used (e.g.
/// per-plane placement falls back to root for general graphs).
void applyCpuSchedule(LoweredKernel &kernel, CpuNormKnobs &knobs);

/// Schedules the convolutions of a kernel group (ScheduleConv.cpp). Returns
/// true when the whole group is scheduled (fused conv -> norm, or a conv
/// with elementwise consumers); false when only the convs are and the
/// caller must schedule the rest with applyCpuSchedule.
bool applyConvSchedule(LoweredKernel &kernel, CpuNormKnobs &knobs);

/// Vectorized partial sums of one reduction computed at `level`
/// (ScheduleCpu.cpp; shared with the fused conv schedule).
void scheduleReductionAt(Reduction &red, const CpuNormKnobs &knobs,
                         const Halide::LoopLevel &level);

} // namespace normc

#endif // NORMC_HALIDE_GEN_SCHEDULE_H_
