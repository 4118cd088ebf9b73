//===- Schedule.h - schedules for lowered kernel groups --------------------===//
#ifndef NORMC_HALIDE_GEN_SCHEDULE_H_
#define NORMC_HALIDE_GEN_SCHEDULE_H_

#include "Lowering.h"
#include "tuning/Knobs.h"

namespace normc {

/// A schedule backend: applies a group's knobs to its lowered Funcs. One per
/// target family; the knob defaults of each live Halide-free in
/// tuning/Defaults.cpp so that norm-assign-schedules can choose them.
/// The CPU backend (x86-64, ARM64) and the GPU backend (CUDA, OpenCL).
class ScheduleBackend {
public:
  virtual ~ScheduleBackend() = default;
  virtual const char *name() const = 0;
  /// Schedules every Func of `kernel`, a group of `role`. `knobs` come in
  /// as requested and leave as effectively used; `notes` get one line per
  /// difference or decision worth recording (why it differs).
  virtual void apply(LoweredKernel &kernel, GroupRole role, CpuKnobs &knobs,
                     std::vector<std::string> &notes) const = 0;
};

/// The backend for `target`: the GPU backend (ScheduleGpu.cpp) for targets
/// with cuda or opencl, the CPU backend for x86 and ARM.
const ScheduleBackend &scheduleBackendFor(const Halide::Target &target);
/// The GPU backend (CUDA and OpenCL share it).
const ScheduleBackend &gpuScheduleBackend();

/// The CPU backend's normalization schedule (ScheduleCpu.cpp): statistics
/// per plane inside the output's parallel loop, or as their own passes.
void applyCpuSchedule(LoweredKernel &kernel, CpuKnobs &knobs,
                      std::vector<std::string> &notes);

/// The CPU backend's schedule of groups with convolutions
/// (ScheduleConv.cpp). Returns true when the whole group is scheduled
/// (fused conv -> norm, or a conv with elementwise consumers); false when
/// only the convs are and the caller must schedule the rest with
/// applyCpuSchedule.
bool applyConvSchedule(LoweredKernel &kernel, CpuKnobs &knobs,
                       std::vector<std::string> &notes);

/// Vectorized partial sums of one reduction computed at `level`
/// (ScheduleCpu.cpp; shared with the fused conv schedule). With
/// `denseRows` defined, a specialization for when it holds sums the two
/// innermost reduced dims as one run of elements (see denseRowsCondition).
void scheduleReductionAt(Reduction &red, const CpuKnobs &knobs,
                         const Halide::LoopLevel &level,
                         const Halide::Expr &denseRows = Halide::Expr());

/// When `red` sums over at least two dims of static extents and some input
/// of `kernel` has that plane shape: the condition under which its two
/// innermost reduced dims lie end to end in memory in every such input
/// (the row stride equals the width); undefined otherwise. Callers pass it
/// only for reductions over a suffix of the dims (the plane's W, H first).
Halide::Expr denseRowsCondition(const LoweredKernel &kernel, const Reduction &red);

} // namespace normc

#endif // NORMC_HALIDE_GEN_SCHEDULE_H_
