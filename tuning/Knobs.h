//===- Knobs.h - schedule knobs, generated from Knobs.def ------------------===//
//
// Halide-free and MLIR-free: used by the passes (norm-assign-schedules), by
// halide_gen's schedule backends, by the drivers (--schedule, --help,
// --list-knobs) and by tuning records. Every list here is expanded from
// Knobs.def; nothing spells a knob name a second time.
//
//===----------------------------------------------------------------------===//
#ifndef NORMC_TUNING_KNOBS_H_
#define NORMC_TUNING_KNOBS_H_

#include "llvm/Support/JSON.h"

#include <string>
#include <vector>

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

/// Which knobs a row of the schema applies to.
enum class KnobScope { Common, Norm, Conv, Stats, Gpu, GpuNorm, GpuConv };

/// The role of a kernel group, decided once by kernel formation
/// (norm-form-kernels) and read by the schedule backends and the knob
/// records. The list of roles lives here, with their IR spellings.
enum class GroupRole {
  ConvNorm,    ///< a convolution and the normalization of its output
  Conv,        ///< a convolution (and elementwise consumers), no statistics
  Norm,        ///< statistics (any normalization) and elementwise ops
  Elementwise, ///< pads, upsamples, activations, arithmetic only
};
const char *roleName(GroupRole role);
/// Parses an IR spelling; false if `name` is not a role.
bool parseRole(const std::string &name, GroupRole &out);
/// "conv_norm, conv, norm, elementwise", for error messages.
std::string roleNames();
/// Whether knobs of `scope` affect a group of `role` compiled for a GPU
/// target (`gpu`) or a CPU one.
bool scopeApplies(KnobScope scope, GroupRole role, bool gpu);

/// The knobs of normc's schedules: the CPU backend's (x86-64, ARM64) and the
/// GPU backend's (CUDA, OpenCL) side by side; each backend reads its own.
/// Field defaults are the schema's; target- and group-dependent defaults
/// come from scheduleDefaults() (Defaults.h).
struct CpuKnobs {
#define NORMC_INT_KNOB(Scope, name, Field, Min, Max, Default, Doc) int Field = Default;
#define NORMC_BOOL_KNOB(Scope, name, Field, Default, Doc) bool Field = Default;
#define NORMC_ENUM_KNOB(Scope, name, Field, EnumType, Default, Doc) EnumType Field = Default;
#include "tuning/Knobs.def"

  bool operator==(const CpuKnobs &other) const;
  bool operator!=(const CpuKnobs &other) const { return !(*this == other); }
};

/// One row of the schema, for help texts, docs and the tuner.
struct KnobInfo {
  const char *name;
  KnobScope scope;
  enum class Type { Int, Bool, Enum } type;
  int min = 0, max = 0;            ///< Int: the accepted range
  std::vector<std::string> values; ///< Enum: the accepted spellings; Bool: false, true
  std::string defaultValue;        ///< the schema's default, spelled as in overrides
  const char *doc;
};
const std::vector<KnobInfo> &knobSchema();

/// Applies "key=value,key=value" overrides. Returns false with a one-line
/// `error` naming the offending key or value.
bool applyKnobOverrides(CpuKnobs &knobs, const std::string &spec, std::string &error);

/// Reads one knob from its spelling (as in overrides); false with `error`.
bool setKnob(CpuKnobs &knobs, const std::string &name, const std::string &value,
             std::string &error);
/// The knob's current value, spelled as in overrides ("8", "true", "two_pass").
std::string getKnob(const CpuKnobs &knobs, const std::string &name);

/// The knobs that apply to `role` on a GPU (`gpu`) or CPU target as a JSON
/// object {name: value}: ints and booleans as JSON numbers and booleans,
/// enums as strings.
llvm::json::Object knobsToJson(const CpuKnobs &knobs, GroupRole role, bool gpu);
/// Sets every knob named in `object` (others keep their value). Unknown
/// names and bad values are errors.
bool knobsFromJson(const llvm::json::Object &object, CpuKnobs &knobs, std::string &error);

/// "stats: two_pass -> ..." lines for the knobs that differ, applying to
/// role on a GPU (`gpu`) or CPU target.
std::vector<std::string> knobDifferences(const CpuKnobs &requested, const CpuKnobs &effective,
                                         GroupRole role, bool gpu);

/// The knob list for --help (one line each) and the docs table (markdown).
std::string knobHelpText();
std::string knobMarkdownTable();

} // namespace normc

#endif // NORMC_TUNING_KNOBS_H_
