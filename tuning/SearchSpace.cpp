//===- SearchSpace.cpp - knob values and the cost model of norm-tune -------===//
#include "tuning/SearchSpace.h"

#include "tuning/Defaults.h"

#include <algorithm>
#include <cstdio>

namespace normc {

namespace {

/// Which knobs the schedules read for a group (beyond the schema's scope):
/// the NCHW conv tile knobs only for NCHW convs, the NHWC ones only for
/// NHWC convs, channels per task only for a fused conv -> norm, the
/// statistics knobs only where there are statistics (ScheduleConv.cpp and
/// ScheduleCpu.cpp read nothing else).
bool searched(const KnobInfo &k, const TunedGroup &g, const TargetFacts &facts, bool searchStats) {
  const bool gpu = facts.gpu;
  if (!scopeApplies(k.scope, g.role, gpu))
    return false;
  const std::string name = k.name;
  if (name == "streaming_stores") // applied to x86 code only (StreamingStores.h)
    return facts.arch == TargetFacts::Arch::X86;
  if (name == "stats" && !searchStats)
    return false; // a numerics choice, not only a speed one
  const bool hasStats = g.role == GroupRole::Norm || g.role == GroupRole::ConvNorm;
  if (!hasStats && (name == "stats" || name == "accumulators" || name == "placement" ||
                    name == "gpu_stats_threads" || name == "gpu_stats_chunk"))
    return false;
  if (name == "conv_k_tile" || name == "conv_x_vectors" || name == "conv_y_rows")
    return !g.channelsLast;
  if (name == "conv_nhwc_k_vectors" || name == "conv_nhwc_x_columns")
    return g.channelsLast;
  if (name == "conv_channels_per_task")
    return g.role == GroupRole::ConvNorm && !g.channelsLast;
  if (name == "conv_rows_per_task") {
    if (g.channelsLast)
      return false;
    if (g.role == GroupRole::Conv)
      return true;
    // A conv -> norm reads it only where it materializes the conv: a plane
    // too large to fuse with the largest K tile at least.
    int maxKTile = 1;
    for (const KnobInfo &other : knobSchema())
      if (std::string(other.name) == "conv_k_tile")
        maxKTile = other.max;
    return g.shape.size() == 4 && g.shape[2] > 0 && g.shape[3] > 0 &&
           convNormMaterializesPlane(maxKTile, g.shape[2] * g.shape[3], 0);
  }
  if (name == "planes_per_task")
    return g.role == GroupRole::Norm || g.role == GroupRole::Elementwise;
  return true;
}

/// The values tried for an int knob: every value of a range of at most 8,
/// else the powers of two and the midpoints between them (3, 6, 12, ...:
/// register tiles of 6 and 12 columns matter); 0 ("auto") first where the
/// range has it.
std::vector<std::string> intValues(const KnobInfo &k) {
  std::vector<std::string> out;
  if (k.min == 0)
    out.push_back("0");
  const int lo = std::max(1, k.min);
  if (k.max - lo < 8) {
    for (int v = lo; v <= k.max; ++v)
      out.push_back(std::to_string(v));
    return out;
  }
  for (long v = 1; v <= k.max; v *= 2) {
    if (v >= lo)
      out.push_back(std::to_string(v));
    if (v >= 2 && v + v / 2 >= lo && v + v / 2 <= k.max)
      out.push_back(std::to_string(v + v / 2));
  }
  return out;
}

} // namespace

SearchSpace::SearchSpace(const TunedGroup &group, const TargetFacts &facts, int cores,
                         bool searchStats)
    : group_(group), facts_(facts), cores_(std::max(1, cores)) {
  for (const KnobInfo &k : knobSchema()) {
    if (!searched(k, group_, facts_, searchStats))
      continue;
    KnobAxis axis{k.name, {}};
    if (k.type == KnobInfo::Type::Int)
      axis.values = intValues(k);
    else
      axis.values = k.values;
    // Values the cost model rejects whatever the other knobs are, so that
    // random draws are not wasted on them.
    std::vector<std::string> kept;
    for (const std::string &v : axis.values) {
      // Only the single-knob rules: the others depend on combinations.
      const std::string name = k.name;
      if (name == "vector_width") {
        int w = std::stoi(v);
        // Narrower than a register wastes lanes; more than 4 registers per
        // vector unrolls past the register file.
        if (w < facts_.f32Lanes() || w > 4 * facts_.f32Lanes() || w % facts_.f32Lanes())
          continue;
      }
      // GPU blocks come in warps of 32 threads.
      if ((name == "gpu_threads" || name == "gpu_stats_threads") && std::stoi(v) % 32)
        continue;
      if (name == "accumulators" && std::stoi(v) > 8)
        continue; // the two-pass reduction's partial sums: more than 8 spill
      kept.push_back(v);
    }
    // The default's own value always stays reachable.
    std::string def = getKnob(group_.defaults, k.name);
    if (std::find(kept.begin(), kept.end(), def) == kept.end())
      kept.insert(kept.begin(), def);
    axis.values = kept;
    if (axis.values.size() > 1)
      axes_.push_back(axis);
  }
}

uint64_t SearchSpace::rawSize() const {
  uint64_t n = 1;
  for (const KnobAxis &a : axes_) {
    if (n > (uint64_t(1) << 62) / a.values.size())
      return uint64_t(1) << 62;
    n *= a.values.size();
  }
  return n;
}

bool SearchSpace::plausible(const CpuKnobs &k, std::string *why) const {
  auto reject = [&](const std::string &reason) {
    if (why)
      *why = reason;
    return false;
  };
  if (facts_.gpu)
    return true; // the GPU knobs' ranges are the schema's; nothing to count
  const int64_t n = group_.shape.size() == 4 ? group_.shape[0] : 1;
  int64_t c = -1, h = -1, w = -1;
  if (group_.shape.size() == 4) {
    c = group_.channelsLast ? group_.shape[3] : group_.shape[1];
    h = group_.channelsLast ? group_.shape[1] : group_.shape[2];
    w = group_.channelsLast ? group_.shape[2] : group_.shape[3];
  }
  int64_t elements = 1;
  for (int64_t d : group_.shape)
    elements *= std::max<int64_t>(d, 1);
  const int registers = facts_.vectorRegisters;
  // Registers one vector of `vector_width` lanes takes.
  const int perVector = std::max(1, k.vectorWidth / std::max(1, facts_.f32Lanes()));

  // Serial loops over more than 64 K elements leave every other core idle.
  if (!k.parallel && cores_ > 1 && elements > 65536)
    return reject("serial over " + std::to_string(elements) + " elements with " +
                  std::to_string(cores_) + " cores");
  const bool conv = group_.role == GroupRole::Conv || group_.role == GroupRole::ConvNorm;
  if (!k.parallel && k.planesPerTask > 0)
    return reject("planes_per_task does nothing in serial loops");
  if ((group_.role == GroupRole::Norm || group_.role == GroupRole::Elementwise) && n > 0 &&
      c > 0 && k.planesPerTask > 0 && k.parallel) {
    // Fewer tasks than cores: some cores get no plane at all.
    int64_t planes = n * c;
    if (planes / k.planesPerTask < cores_)
      return reject("planes_per_task=" + std::to_string(k.planesPerTask) + " leaves fewer than " +
                    std::to_string(cores_) + " tasks");
  }
  if (group_.role == GroupRole::Norm || group_.role == GroupRole::ConvNorm) {
    if (k.accumulators * perVector > registers / 2)
      return reject("accumulators x vector registers exceed half the register file");
  }
  if (!conv)
    return true;
  // Register tiles: every accumulator in a register, plus the broadcast
  // input, the weights vector and a spare; fewer than 8 accumulators leave
  // the two FMA pipes (4-cycle latency) waiting on dependencies.
  int accumulators;
  if (!group_.channelsLast) {
    accumulators = k.convKTile * k.convXVectors * k.convYRows * perVector;
    // A fused conv -> norm computes tasks of whole channel tiles, so there
    // the tile divides the channels. A conv of its own shifts its last
    // channel tile inwards and recomputes the overlap: allowed while that
    // is at most 1/8 of the work (6 x 4 zmm on 64 channels, 11 tiles for
    // 64, recomputes 3% and was the fastest tile measured: docs/performance.md).
    if (c > 0 && c % k.convKTile != 0) {
      const int64_t tiles = (c + k.convKTile - 1) / k.convKTile;
      if (group_.role == GroupRole::ConvNorm)
        return reject("conv_k_tile=" + std::to_string(k.convKTile) + " does not divide " +
                      std::to_string(c) + " output channels");
      if (k.convKTile > c || tiles * k.convKTile * 8 > c * 9)
        return reject("conv_k_tile=" + std::to_string(k.convKTile) + " recomputes more than " +
                      "1/8 of " + std::to_string(c) + " output channels");
    }
    if (w > 0 && int64_t(k.convXVectors) * k.vectorWidth > w)
      return reject("the tile is wider than a row of " + std::to_string(w));
    if (h > 0 && k.convYRows > h)
      return reject("more tile rows than output rows");
    if (group_.role == GroupRole::ConvNorm && k.convChannelsPerTask > 0) {
      if (k.convChannelsPerTask % k.convKTile != 0 || (c > 0 && k.convChannelsPerTask > c))
        return reject("conv_channels_per_task is not a multiple of conv_k_tile within the "
                      "channels");
      if (c > 0 && n * (c / k.convChannelsPerTask) < cores_)
        return reject("conv_channels_per_task leaves fewer tasks than cores");
    }
    if (k.convRowsPerTask > 0) {
      // Read only where the conv is written to a buffer in row bands: a
      // static plane, and a conv -> norm only when it materializes the conv.
      if (h <= 0 || w <= 0)
        return reject("conv_rows_per_task applies to static planes only");
      if (group_.role == GroupRole::ConvNorm &&
          !convNormMaterializesPlane(k.convKTile, h * w, k.convChannelsPerTask))
        return reject("conv_rows_per_task is unused: this conv -> norm is fused per task of "
                      "channels");
      const int64_t rowTiles = (h + k.convYRows - 1) / k.convYRows;
      if (k.convRowsPerTask > rowTiles)
        return reject("more row tiles per task than a sample has");
      if (n * ((rowTiles + k.convRowsPerTask - 1) / k.convRowsPerTask) < cores_)
        return reject("conv_rows_per_task leaves fewer tasks than cores");
    }
  } else {
    accumulators = k.convNhwcKVectors * k.convNhwcXColumns * perVector;
    if (c > 0 && int64_t(k.convNhwcKVectors) * k.vectorWidth > c)
      return reject("more channel vectors than output channels");
    if (w > 0 && k.convNhwcXColumns > w)
      return reject("more tile columns than a row has");
  }
  if (accumulators > registers - 3)
    return reject("the conv tile needs " + std::to_string(accumulators) +
                  " accumulator registers; the target has " + std::to_string(registers));
  if (accumulators < 8)
    return reject("the conv tile has " + std::to_string(accumulators) +
                  " accumulators; 8 keep two FMA pipes busy");
  return true;
}

CpuKnobs SearchSpace::with(const CpuKnobs &base, const std::vector<size_t> &choice) const {
  CpuKnobs k = base;
  std::string error;
  for (size_t i = 0; i < axes_.size(); ++i)
    setKnob(k, axes_[i].name, axes_[i].values[choice[i]], error); // values came from the schema
  return k;
}

std::vector<CpuKnobs> SearchSpace::sample(size_t limit, std::mt19937 &rng,
                                          size_t *rejected) const {
  size_t rejectedHere = 0;
  if (!rejected)
    rejected = &rejectedHere;
  std::vector<CpuKnobs> out;
  std::set<std::string> seen{key(group_.defaults)};
  std::vector<size_t> choice(axes_.size(), 0);
  if (rawSize() <= limit) {
    // Exhaustive: walk the mixed-radix counter over every axis.
    for (uint64_t i = 0; i < rawSize(); ++i) {
      uint64_t rest = i;
      for (size_t a = 0; a < axes_.size(); ++a) {
        choice[a] = rest % axes_[a].values.size();
        rest /= axes_[a].values.size();
      }
      CpuKnobs k = with(group_.defaults, choice);
      if (!plausible(k))
        ++*rejected;
      else if (seen.insert(key(k)).second)
        out.push_back(k);
    }
    std::shuffle(out.begin(), out.end(), rng);
    return out;
  }
  // Random draws until `limit` plausible new points, or 50x as many tries.
  for (size_t tries = 0; out.size() < limit && tries < 50 * limit; ++tries) {
    for (size_t a = 0; a < axes_.size(); ++a)
      choice[a] = std::uniform_int_distribution<size_t>(0, axes_[a].values.size() - 1)(rng);
    CpuKnobs k = with(group_.defaults, choice);
    if (!plausible(k))
      ++*rejected;
    else if (seen.insert(key(k)).second)
      out.push_back(k);
  }
  return out;
}

std::vector<CpuKnobs> SearchSpace::neighbours(const CpuKnobs &from) const {
  std::vector<CpuKnobs> out;
  std::string error;
  for (const KnobAxis &a : axes_) {
    const std::string current = getKnob(from, a.name);
    auto it = std::find(a.values.begin(), a.values.end(), current);
    if (it == a.values.end())
      continue;
    size_t i = it - a.values.begin();
    for (size_t j : {i - 1, i + 1}) {
      if (j >= a.values.size()) // i - 1 wraps around for i = 0
        continue;
      CpuKnobs k = from;
      setKnob(k, a.name, a.values[j], error);
      if (plausible(k))
        out.push_back(k);
    }
  }
  return out;
}

std::string SearchSpace::key(const CpuKnobs &knobs) const {
  std::string out;
  for (const KnobAxis &a : axes_)
    out += (out.empty() ? "" : ",") + a.name + "=" + getKnob(knobs, a.name);
  return out.empty() ? std::string("(no knobs)") : out;
}

} // namespace normc
