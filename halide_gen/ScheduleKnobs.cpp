//===- ScheduleKnobs.cpp - knob names and serialization -------------------===//
#include "ScheduleKnobs.h"

#include <cstdlib>
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
     << ", \"accumulators\": " << accumulators
     << ", \"planes_per_task\": " << planesPerTask << ", \"stats\": \""
     << toString(stats) << "\", \"placement\": \"" << toString(placement)
     << "\", \"parallel\": " << (parallel ? "true" : "false")
     << ", \"conv_k_tile\": " << convKTile << ", \"conv_x_vectors\": " << convXVectors
     << ", \"conv_y_rows\": " << convYRows
     << ", \"conv_channels_per_task\": " << convChannelsPerTask << "}";
  return os.str();
}

bool applyKnobOverrides(CpuNormKnobs &knobs, const std::string &spec,
                        std::string &error) {
  std::stringstream items(spec);
  std::string item;
  while (std::getline(items, item, ',')) {
    if (item.empty())
      continue;
    size_t eq = item.find('=');
    if (eq == std::string::npos) {
      error = "schedule knob '" + item + "' needs a value (key=value)";
      return false;
    }
    std::string key = item.substr(0, eq), value = item.substr(eq + 1);
    auto badValue = [&](const char *expected) {
      error = "invalid value '" + value + "' for schedule knob '" + key +
              "' (expected " + expected + ")";
      return false;
    };
    auto positiveInt = [&](int &out, int max) {
      char *end = nullptr;
      long v = std::strtol(value.c_str(), &end, 10);
      if (value.empty() || *end != '\0' || v < 1 || v > max)
        return false;
      out = static_cast<int>(v);
      return true;
    };
    if (key == "vector_width") {
      if (!positiveInt(knobs.vectorWidth, 64))
        return badValue("an integer in 1..64");
    } else if (key == "accumulators") {
      if (!positiveInt(knobs.accumulators, 16))
        return badValue("an integer in 1..16");
    } else if (key == "planes_per_task") {
      if (value == "0")
        knobs.planesPerTask = 0;
      else if (!positiveInt(knobs.planesPerTask, 4096))
        return badValue("0 (auto) or an integer in 1..4096");
    } else if (key == "stats") {
      if (value == "shifted_one_pass")
        knobs.stats = StatsStrategy::ShiftedOnePass;
      else if (value == "two_pass")
        knobs.stats = StatsStrategy::TwoPass;
      else
        return badValue("shifted_one_pass or two_pass");
    } else if (key == "placement") {
      if (value == "per_plane")
        knobs.placement = StatsPlacement::PerPlane;
      else if (value == "root")
        knobs.placement = StatsPlacement::Root;
      else
        return badValue("per_plane or root");
    } else if (key == "parallel") {
      if (value == "true" || value == "false")
        knobs.parallel = value == "true";
      else
        return badValue("true or false");
    } else if (key == "conv_k_tile") {
      if (!positiveInt(knobs.convKTile, 8))
        return badValue("an integer in 1..8");
    } else if (key == "conv_y_rows") {
      if (!positiveInt(knobs.convYRows, 8))
        return badValue("an integer in 1..8");
    } else if (key == "conv_x_vectors") {
      if (!positiveInt(knobs.convXVectors, 8))
        return badValue("an integer in 1..8");
    } else if (key == "conv_channels_per_task") {
      if (value == "0")
        knobs.convChannelsPerTask = 0;
      else if (!positiveInt(knobs.convChannelsPerTask, 4096))
        return badValue("0 (auto) or an integer in 1..4096");
    } else {
      error = "unknown schedule knob '" + key +
              "' (expected vector_width, accumulators, planes_per_task, stats, "
              "placement, parallel, conv_k_tile, conv_x_vectors, conv_y_rows, "
              "conv_channels_per_task)";
      return false;
    }
  }
  return true;
}

} // namespace normc
