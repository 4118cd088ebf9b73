//===- Autoschedulers.h - Halide 14's autoschedulers, by name -------------===//
//
// The one list of the autoschedulers normc can hand a function to
// (normc --autoschedule, halide_gen) and that norm-tune measures as
// reference points (--autoschedulers). Halide-free.
//
//===----------------------------------------------------------------------===//
#ifndef NORMC_TUNING_AUTOSCHEDULERS_H_
#define NORMC_TUNING_AUTOSCHEDULERS_H_

#include <algorithm>
#include <iterator>
#include <string>

namespace normc {

/// Plugin names as Halide 14 registers them; the plugin file is
/// libautoschedule_<lowercase name>.so.
inline constexpr const char *kAutoschedulers[] = {"Mullapudi2016", "Adams2019", "Li2018"};

inline bool isAutoscheduler(const std::string &name) {
  return std::find(std::begin(kAutoschedulers), std::end(kAutoschedulers), name) !=
         std::end(kAutoschedulers);
}

/// "Mullapudi2016, Adams2019, Li2018" (`separator` between names).
inline std::string autoschedulerNames(const char *separator = ", ") {
  std::string out;
  for (const char *n : kAutoschedulers)
    out += (out.empty() ? "" : separator) + std::string(n);
  return out;
}

} // namespace normc

#endif // NORMC_TUNING_AUTOSCHEDULERS_H_
