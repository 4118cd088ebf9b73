//===- ScheduleKnobs.cpp - knob names and serialization -------------------===//
#include "ScheduleKnobs.h"

#include <sstream>

namespace normc {

const char *toString(StatsStrategy s) {
  switch (s) {
  case StatsStrategy::ShiftedOnePass:
    return "shifted_one_pass";
  case StatsStrategy::TwoPass:
    return "two_pass";
  }
  return "unknown";
}

const char *toString(StatsPlacement p) {
  switch (p) {
  case StatsPlacement::PerPlane:
    return "per_plane";
  case StatsPlacement::Root:
    return "root";
  }
  return "unknown";
}

std::string CpuNormKnobs::toJson() const {
  std::ostringstream os;
  os << "{\"kind\": \"cpu_norm\", \"vector_width\": " << vectorWidth
     << ", \"accumulators\": " << accumulators << ", \"stats\": \""
     << toString(stats) << "\", \"placement\": \"" << toString(placement)
     << "\", \"parallel\": " << (parallel ? "true" : "false") << "}";
  return os.str();
}

} // namespace normc
