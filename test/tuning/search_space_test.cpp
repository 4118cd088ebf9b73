// norm-tune's search space and cost model (tuning/SearchSpace.h) and its
// output check (tuning/Measure.h compareDumps), against facts written out
// here: which knobs a group searches, that every point the cost model keeps
// fits the register file and the cores, and that the check catches a single
// wrong element but not a reordered sum.
#include "tuning/Defaults.h"
#include "tuning/Measure.h"
#include "tuning/SearchSpace.h"

#include "llvm/Support/FileSystem.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <fstream>
#include <set>

using namespace normc;

namespace {

TargetFacts avx512() {
  TargetFacts f;
  f.arch = TargetFacts::Arch::X86;
  f.vectorBits = 512;
  f.vectorRegisters = 32;
  return f;
}
TargetFacts avx2() {
  TargetFacts f = avx512();
  f.vectorBits = 256;
  f.vectorRegisters = 16;
  return f;
}

TunedGroup convNorm(int64_t c, int64_t h, int64_t w, const TargetFacts &facts) {
  TunedGroup g;
  g.name = "conv_norm_test";
  g.role = GroupRole::ConvNorm;
  g.shape = {1, c, h, w};
  GroupShape s;
  s.rank4 = true, s.n = 1, s.c = c, s.h = h, s.w = w;
  g.defaults = scheduleDefaults(facts, g.role, s);
  return g;
}

std::set<std::string> axisNames(const SearchSpace &space) {
  std::set<std::string> out;
  for (const KnobAxis &a : space.axes())
    out.insert(a.name);
  return out;
}

TEST(SearchSpace, ConvNormSearchesTheNchwTileAndTheStatistics) {
  SearchSpace space(convNorm(64, 128, 128, avx512()), avx512(), 2);
  std::set<std::string> names = axisNames(space);
  for (const char *k : {"conv_k_tile", "conv_x_vectors", "conv_y_rows", "conv_channels_per_task",
                        "accumulators", "vector_width"})
    EXPECT_TRUE(names.count(k)) << k;
  // The statistics algorithm changes the numerics: searched only when asked.
  EXPECT_FALSE(names.count("stats"));
  EXPECT_TRUE(axisNames(SearchSpace(convNorm(64, 128, 128, avx512()), avx512(), 2, true))
                  .count("stats"));
  // NHWC tiles, planes per task and the GPU knobs do nothing for this group.
  for (const char *k : {"conv_nhwc_k_vectors", "conv_nhwc_x_columns", "planes_per_task",
                        "gpu_threads", "gpu_conv_k_tile"})
    EXPECT_FALSE(names.count(k)) << k;
}

TEST(SearchSpace, ElementwiseGroupsHaveNoStatisticsKnobs) {
  TunedGroup g;
  g.role = GroupRole::Elementwise;
  g.shape = {1, 32, 64, 64};
  SearchSpace space(g, avx2(), 2);
  std::set<std::string> names = axisNames(space);
  EXPECT_FALSE(names.count("stats"));
  EXPECT_FALSE(names.count("accumulators"));
  EXPECT_TRUE(names.count("planes_per_task"));
}

TEST(SearchSpace, EveryKeptPointFitsTheMachine) {
  for (const TargetFacts &facts : {avx2(), avx512()}) {
    const int lanes = facts.f32Lanes();
    TunedGroup g = convNorm(64, 64, 64, facts);
    SearchSpace space(g, facts, 2);
    std::mt19937 rng(7);
    size_t rejected = 0;
    std::vector<CpuKnobs> points = space.sample(2000, rng, &rejected);
    ASSERT_GT(points.size(), 20u);
    EXPECT_GT(rejected, 0u);
    for (const CpuKnobs &k : points) {
      const int perVector = k.vectorWidth / lanes;
      const int accumulators = k.convKTile * k.convXVectors * k.convYRows * perVector;
      EXPECT_EQ(k.vectorWidth % lanes, 0) << space.key(k);
      EXPECT_LE(accumulators, facts.vectorRegisters - 3) << space.key(k);
      EXPECT_GE(accumulators, 8) << space.key(k);
      EXPECT_EQ(64 % k.convKTile, 0) << space.key(k);
      EXPECT_LE(k.convXVectors * k.vectorWidth, 64) << space.key(k);
      if (k.convChannelsPerTask > 0) {
        EXPECT_EQ(k.convChannelsPerTask % k.convKTile, 0) << space.key(k);
        EXPECT_GE(64 / k.convChannelsPerTask, 2) << space.key(k);
      }
    }
    // The defaults are never drawn again, and no point twice.
    std::set<std::string> keys;
    for (const CpuKnobs &k : points)
      EXPECT_TRUE(keys.insert(space.key(k)).second);
    EXPECT_FALSE(keys.count(space.key(g.defaults)));
  }
}

TEST(SearchSpace, ACostModelRejectionSaysWhy) {
  TunedGroup g = convNorm(64, 64, 64, avx2());
  SearchSpace space(g, avx2(), 2);
  CpuKnobs k = g.defaults;
  k.convKTile = 8, k.convXVectors = 4; // 32 accumulators, 16 ymm registers
  std::string why;
  EXPECT_FALSE(space.plausible(k, &why));
  EXPECT_EQ(why, "the conv tile needs 32 accumulator registers; the target has 16");
  k = g.defaults;
  k.parallel = false;
  EXPECT_FALSE(space.plausible(k, &why));
  EXPECT_EQ(why, "serial over 262144 elements with 2 cores");
  EXPECT_TRUE(space.plausible(g.defaults, &why)) << why;
}

// A conv group of its own may shift its last channel tile inwards (6 x 4 on
// 64 channels: 11 tiles, 2 channels recomputed), up to 1/8 of the channels
// recomputed; a fused conv -> norm needs tiles that divide the channels.
TEST(SearchSpace, OnlyAnUnfusedConvTakesATileThatDoesNotDivideTheChannels) {
  TunedGroup g = convNorm(64, 128, 128, avx512());
  g.role = GroupRole::Conv;
  g.defaults.convChannelsPerTask = 0;
  SearchSpace conv(g, avx512(), 2);
  CpuKnobs k = g.defaults;
  k.convKTile = 6, k.convXVectors = 4, k.convYRows = 1;
  std::string why;
  EXPECT_TRUE(conv.plausible(k, &why)) << why;
  TunedGroup fused = convNorm(64, 128, 128, avx512());
  SearchSpace convNormSpace(fused, avx512(), 2);
  k.convChannelsPerTask = 0;
  EXPECT_FALSE(convNormSpace.plausible(k, &why));
  EXPECT_EQ(why, "conv_k_tile=6 does not divide 64 output channels");
  // 16 channels in tiles of 5 recompute 4 of 20 (more than 1/8).
  TunedGroup narrow = convNorm(16, 128, 128, avx512());
  narrow.role = GroupRole::Conv;
  SearchSpace narrowSpace(narrow, avx512(), 2);
  k.convKTile = 5;
  EXPECT_FALSE(narrowSpace.plausible(k, &why));
  EXPECT_EQ(why, "conv_k_tile=5 recomputes more than 1/8 of 16 output channels");
}

// Row bands per task are read where the conv is written to a buffer: a
// conv group, and a conv -> norm only on planes too large to fuse (one K
// tile over 512 KB). 128x128 fuses with any K tile; 256x256 materializes
// with the default 8-channel tile on AVX-512.
TEST(SearchSpace, RowsPerTaskOnlyWhereTheConvIsWrittenToABuffer) {
  TunedGroup conv = convNorm(64, 128, 128, avx512());
  conv.role = GroupRole::Conv;
  EXPECT_TRUE(axisNames(SearchSpace(conv, avx512(), 2)).count("conv_rows_per_task"));
  EXPECT_FALSE(axisNames(SearchSpace(convNorm(64, 128, 128, avx512()), avx512(), 2))
                   .count("conv_rows_per_task"));
  TunedGroup large = convNorm(32, 256, 256, avx512());
  SearchSpace largeSpace(large, avx512(), 2);
  EXPECT_TRUE(axisNames(largeSpace).count("conv_rows_per_task"));
  CpuKnobs k = large.defaults;
  std::string why;
  k.convRowsPerTask = 16; // 256 rows: 16 tasks
  EXPECT_TRUE(largeSpace.plausible(k, &why)) << why;
  k.convKTile = 2, k.convXVectors = 4; // 2 x 256 x 256 x 4 bytes: fused
  EXPECT_FALSE(largeSpace.plausible(k, &why));
  EXPECT_EQ(why, "conv_rows_per_task is unused: this conv -> norm is fused per task of channels");
  TunedGroup small = convNorm(64, 16, 64, avx512());
  small.role = GroupRole::Conv;
  SearchSpace smallSpace(small, avx512(), 2);
  k = small.defaults;
  k.convRowsPerTask = 32;
  EXPECT_FALSE(smallSpace.plausible(k, &why));
  EXPECT_EQ(why, "more row tiles per task than a sample has");
  k.convRowsPerTask = 12; // 16 rows: 2 tasks
  EXPECT_TRUE(smallSpace.plausible(k, &why)) << why;
  EXPECT_FALSE(SearchSpace(small, avx512(), 4).plausible(k, &why));
  EXPECT_EQ(why, "conv_rows_per_task leaves fewer tasks than cores");
}

// The default: 8 row tiles per task, halved while there would be fewer than
// 8 tasks; a request is capped at the rows there are.
TEST(ScheduleDefaults, ConvRowsPerTask) {
  EXPECT_EQ(convRowsPerTask(1, 128, 0), 8);  // 16 tasks
  EXPECT_EQ(convRowsPerTask(1, 32, 0), 4);   // 8 tasks
  EXPECT_EQ(convRowsPerTask(4, 16, 0), 8);   // 8 tasks over 4 samples
  EXPECT_EQ(convRowsPerTask(1, 5, 0), 1);    // 5 rows: one each
  EXPECT_EQ(convRowsPerTask(1, 128, 3), 3);
  EXPECT_EQ(convRowsPerTask(2, 6, 16), 6);
}

// A plane whose width is known only at run time: with 32 registers the
// tile is 32 columns wide on AVX-512 (8 x 2), so that 64-column planes run
// the register tiles; AVX2 keeps 4 x 3 (24 columns), NEON 4 x 5.
TEST(ScheduleDefaults, DynamicWidthConvTile) {
  GroupShape s;
  s.rank4 = true, s.n = 1, s.c = 128, s.h = -1, s.w = -1;
  CpuKnobs k = scheduleDefaults(avx512(), GroupRole::ConvNorm, s);
  EXPECT_EQ(k.convKTile, 8);
  EXPECT_EQ(k.convXVectors, 2);
  CpuKnobs k2 = scheduleDefaults(avx2(), GroupRole::ConvNorm, s);
  EXPECT_EQ(k2.convKTile, 4);
  EXPECT_EQ(k2.convXVectors, 3);
  // NEON (32 registers, not measured) keeps 4 x 5.
  TargetFacts neon = avx512();
  neon.arch = TargetFacts::Arch::Arm;
  neon.vectorBits = 128;
  CpuKnobs k3 = scheduleDefaults(neon, GroupRole::ConvNorm, s);
  EXPECT_EQ(k3.convKTile, 4);
  EXPECT_EQ(k3.convXVectors, 5);
}

TEST(SearchSpace, SmallSpacesAreEnumeratedWhole) {
  TunedGroup g;
  g.role = GroupRole::Elementwise;
  g.shape = {1, 4, 8, 8}; // 256 elements: serial is allowed
  g.defaults.vectorWidth = 8;
  SearchSpace space(g, avx2(), 2);
  std::mt19937 rng(1);
  std::vector<CpuKnobs> all = space.sample(100000, rng);
  // vector_width 8, 16, 24, 32 (whole ymm registers, at most 4);
  // parallel with planes_per_task 0, 1, 2 (4 planes, at least 2 tasks for 2
  // cores), or serial with planes_per_task 0; streaming stores or not (an
  // x86 target): 4 x (3 + 1) x 2 points, one of them the defaults.
  const size_t expected = 4 * (3 + 1) * 2;
  EXPECT_EQ(all.size(), expected - 1);
  // The defaults' neighbours: one step on one axis. From vector_width 8,
  // parallel, plain stores, planes_per_task 0: vector_width 16, serial,
  // streaming stores, planes_per_task 1.
  std::set<std::string> neighbours;
  for (const CpuKnobs &k : space.neighbours(g.defaults))
    neighbours.insert(space.key(k));
  EXPECT_EQ(neighbours,
            (std::set<std::string>{
                "vector_width=16,parallel=true,streaming_stores=false,planes_per_task=0",
                "vector_width=8,parallel=false,streaming_stores=false,planes_per_task=0",
                "vector_width=8,parallel=true,streaming_stores=true,planes_per_task=0",
                "vector_width=8,parallel=true,streaming_stores=false,planes_per_task=1"}));
}

std::string writeDump(const std::string &name, const std::vector<float> &values) {
  llvm::SmallString<128> path;
  llvm::sys::fs::createTemporaryFile(name, "bin", path);
  std::ofstream os(std::string(path), std::ios::binary);
  os.write(reinterpret_cast<const char *>(values.data()), values.size() * sizeof(float));
  return std::string(path);
}

TEST(CompareDumps, AReorderedSumPassesAWrongElementDoesNot) {
  std::vector<float> ref(1000);
  for (size_t i = 0; i < ref.size(); ++i)
    ref[i] = std::sin(0.1f * i) * 3;
  std::vector<RunnerOutput> outputs{{"y", "f32", 1000}};
  std::vector<float> close = ref;
  for (float &v : close)
    v *= 1 + 3e-6f; // what a different summation order does
  std::vector<float> wrong = ref;
  wrong[617] += 0.01f;
  std::string r = writeDump("ref", ref), c = writeDump("close", close), w = writeDump("wrong", wrong);
  EXPECT_EQ(compareDumps(r, c, outputs), "");
  EXPECT_EQ(compareDumps(r, w, outputs).rfind("output 'y' element 617: ", 0), 0u)
      << compareDumps(r, w, outputs);
  std::vector<float> nan = ref;
  nan[3] = NAN;
  std::string n = writeDump("nan", nan);
  EXPECT_NE(compareDumps(r, n, outputs), "");
  EXPECT_EQ(compareDumps(n, n, outputs), "");
  std::vector<RunnerOutput> longer{{"y", "f32", 2000}};
  EXPECT_EQ(compareDumps(r, c, longer), "output 'y' is missing from a dump");
  for (const std::string &p : {r, c, w, n})
    llvm::sys::fs::remove(p);
}

} // namespace
