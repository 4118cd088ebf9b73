//===- SearchSpace.h - the knob values norm-tune tries for a group --------===//
//
// The search space of a kernel group is the knob schema (Knobs.def) cut to
// the knobs that apply to the group's role and layout on its target, each
// knob's range cut to the values worth measuring, and the combinations that
// a cost model calls hopeless (register tiles that spill or leave the FMA
// pipes idle, fewer parallel tasks than cores, vectors narrower than a
// register) left out before anything is compiled. Halide-free and
// MLIR-free, so that it is unit-tested on its own.
//
//===----------------------------------------------------------------------===//
#ifndef NORMC_TUNING_SEARCHSPACE_H_
#define NORMC_TUNING_SEARCHSPACE_H_

#include "tuning/Knobs.h"
#include "tuning/TargetFacts.h"

#include <cstdint>
#include <random>
#include <set>
#include <string>
#include <vector>

namespace normc {

/// A kernel group as normc reports it (--emit=schedule): its stable name,
/// role, first result's shape (as typed: NHWC order when channelsLast) and
/// the knobs normc's defaults give it.
struct TunedGroup {
  std::string name;
  GroupRole role = GroupRole::Norm;
  std::vector<int64_t> shape;
  bool channelsLast = false;
  CpuKnobs defaults;
};

/// One knob of a group's space and the values tried for it, spelled as in
/// --schedule overrides.
struct KnobAxis {
  std::string name;
  std::vector<std::string> values;
};

class SearchSpace {
public:
  /// The space of `group` on a target with `facts`, for a machine with
  /// `cores` threads. The statistics algorithm (`stats`) is searched only
  /// with `searchStats`: shifted_one_pass is faster but loses digits when a
  /// plane's first element is a far outlier, a trade the user must choose.
  SearchSpace(const TunedGroup &group, const TargetFacts &facts, int cores,
              bool searchStats = false);

  const std::vector<KnobAxis> &axes() const { return axes_; }
  /// Number of combinations before the cost model (saturates at 2^62).
  uint64_t rawSize() const;

  /// Whether the cost model keeps `knobs`; otherwise `why` says which rule
  /// rejected them ("conv tile needs 40 accumulators, the target has 32
  /// vector registers").
  bool plausible(const CpuKnobs &knobs, std::string *why = nullptr) const;

  /// Every plausible combination when the raw space has at most `limit`
  /// points, else `limit` random draws that pass (deduplicated). The
  /// defaults are not included. `rejected` (optional) counts the points the
  /// cost model left out.
  std::vector<CpuKnobs> sample(size_t limit, std::mt19937 &rng, size_t *rejected = nullptr) const;

  /// The plausible knobs one step from `from` on one axis (the next
  /// smaller or larger value), for local refinement.
  std::vector<CpuKnobs> neighbours(const CpuKnobs &from) const;

  /// A stable spelling of the searched knobs ("conv_k_tile=4,..."): the key
  /// of `tried` sets and of progress lines.
  std::string key(const CpuKnobs &knobs) const;

private:
  CpuKnobs with(const CpuKnobs &base, const std::vector<size_t> &choice) const;

  TunedGroup group_;
  TargetFacts facts_;
  int cores_;
  std::vector<KnobAxis> axes_;
};

} // namespace normc

#endif // NORMC_TUNING_SEARCHSPACE_H_
