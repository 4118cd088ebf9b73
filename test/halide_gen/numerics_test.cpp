//===- numerics_test.cpp - generated kernels vs the double reference ------===//
//
// Tolerances (|got - ref| <= atol + rtol * |ref|), for f32 kernels whose
// outputs are O(1) normalized values:
//  - kF32: atol 2e-5, rtol 2e-5. The statistics are f32 sums of
//    deviations from a shift, split over vectorWidth * accumulators partial
//    sums, so each serial chain is ~plane/16 long (plane/4 with the narrow
//    configuration); rounding drifts like sqrt(length) * 6e-8 relative, which
//    is a few 1e-6 for a 512x512 plane (measured max 7.7e-6; run with
//    NORMC_PRINT_ERRORS=1). The bound leaves ~2.5x headroom. The
//    narrow_serial configuration (4 chains) reaches 3.2e-5 on outputs of
//    magnitude ~8, inside the relative part of the bound.
//  - kLargeMean: mean 1e4, std 1e-2, same bound. x - shift is exact
//    (Sterbenz) and the mean is never rounded to f32 as a whole (shift and
//    offset stay apart), so these are as accurate as the normal case
//    (measured max 7e-7). A naive E[x^2] - E[x]^2 gives errors of O(1).
//  - Activations: atol 1e-5, rtol 1e-5 (Halide's exp/tanh/erf are
//    polynomial approximations accurate to a few f32 ulps).
//
//===----------------------------------------------------------------------===//
#include "compare.h"
#include "halide_call.h"
#if defined(__x86_64__)
#include "isa_variant.h"
#endif
#if NORMC_TEST_CUDA
#include "cuda_device.h"
#endif
#include "reference.h"

// f16/bf16 kernels: left out of builds for devices without 16-bit floats
// (the OpenCL suites on PoCL), whose tests then report themselves skipped.
#if !NORMC_TEST_NO_16BIT
#include "gn_f16.h"
#include "in_bf16.h"
#include "in_f16.h"
#include "ln_bf16.h"
#endif
#include "act_gelu.h"
#include "adain_dyn.h"
#include "adain_mix.h"
#include "bn_infer.h"
#include "bin_infer.h"
#include "bin_train.h"
#include "bn_train.h"
#include "half.h"
#include "in_nhwc_static.h"
#include "gn_nhwc_static.h"
#include "in_nhwc_rows.h"
#include "in_nhwc_rows_n1.h"
#include "layout.h"
#include "in_train.h"
#include "cin.h"
#include "spade_bn.h"
#include "spade_in.h"
#include "act_gelu_tanh.h"
#include "act_leaky_relu.h"
#include "act_relu.h"
#include "act_sigmoid.h"
#include "act_silu.h"
#include "act_tanh.h"
#include "gn1_affine.h"
#include "gn2_odd.h"
#include "gn32_affine.h"
#include "gn2_rank2.h"
#include "gn4_dyn_affine.h"
#include "in1d_dyn_affine.h"
#include "in2d_1x1_affine.h"
#include "in2d_512_affine.h"
#include "in2d_c1.h"
#include "in2d_dyn.h"
#include "in2d_dyn_affine.h"
#include "in2d_odd_affine.h"
#include "in2d_relu.h"
#include "in3d_dyn_affine.h"
#include "ln0.h"
#include "ln1_batched_affine.h"
#include "ln1_dyn_affine.h"
#include "ln3_affine.h"
#include "ln_rank2_dyn.h"
#include "modulate_maps.h"
#include "moments_hw.h"

#include <cstdio>
#include <cstdlib>
#include <functional>
#include <string>

using namespace normc_test;

namespace {

constexpr double kF32Atol = 2e-5, kF32Rtol = 2e-5;
constexpr double kLargeMeanAtol = 2e-5, kLargeMeanRtol = 2e-5;
constexpr double kActAtol = 1e-5, kActRtol = 1e-5;

std::string shapeName(const Shape &s) {
  std::string out = "(";
  for (size_t i = 0; i < s.size(); ++i)
    out += (i ? "," : "") + std::to_string(s[i]);
  return out + ")";
}

int64_t innerSize(const Shape &s, size_t from) {
  int64_t n = 1;
  for (size_t d = from; d < s.size(); ++d)
    n *= s[d];
  return n;
}

void check(const std::string &what, const std::vector<float> &got,
           const std::vector<double> &ref, const Shape &shape, double atol,
           double rtol) {
  auto result = allClose(got, ref, shape, atol, rtol);
  reportError(what.c_str(), result);
  EXPECT_TRUE(result) << what;
}

/// Runs an instance-norm style kernel with signature (x, gamma, beta, y).
using AffineKernel = int (*)(const void *, halide_buffer_t *, halide_buffer_t *,
                             halide_buffer_t *, halide_buffer_t *);
using PlainKernel = int (*)(const void *, halide_buffer_t *, halide_buffer_t *);

std::vector<float> runAffine(AffineKernel k, std::vector<float> x,
                             const Shape &shape, std::vector<float> g,
                             const Shape &paramShape, std::vector<float> b) {
  std::vector<float> y(x.size(), -999.0f);
  HostBuffer xb(x, shape), gb(g, paramShape), bb(b, paramShape), yb(y, shape);
  EXPECT_EQ(callKernel(k, xb.get(), gb.get(), bb.get(), yb.get()), 0);
  return y;
}

std::vector<float> runPlain(PlainKernel k, std::vector<float> x,
                            const Shape &shape) {
  std::vector<float> y(x.size(), -999.0f);
  HostBuffer xb(x, shape), yb(y, shape);
  EXPECT_EQ(callKernel(k, xb.get(), yb.get()), 0);
  return y;
}

void checkInstanceNorm(AffineKernel k, const Shape &shape, double meanScale,
                       double stdScale, double atol, double rtol,
                       uint32_t seed = 1) {
  auto x = randomPlanes(shape, innerSize(shape, 2), meanScale, stdScale, seed);
  auto g = randomVector(shape[1], 0.5, 2.0, seed + 1);
  auto b = randomVector(shape[1], -1.0, 1.0, seed + 2);
  auto y = runAffine(k, x, shape, g, {shape[1]}, b);
  check("instance_norm " + shapeName(shape), y,
        instanceNormRef(x, shape, &g, &b, 1e-5), shape, atol, rtol);
}

} // namespace

// ---- instance norm ----------------------------------------------------------

TEST(InstanceNorm, DynamicKernelManyShapes) {
  for (const Shape &s : {Shape{1, 1, 7, 13}, Shape{2, 3, 7, 13}, Shape{3, 5, 1, 1},
                         Shape{1, 3, 1, 40}, Shape{2, 4, 16, 16},
                         Shape{1, 2, 512, 512}, Shape{4, 2, 33, 31}})
    checkInstanceNorm(in2d_dyn_affine, s, 3.0, 2.0, kF32Atol, kF32Rtol);
}

TEST(InstanceNorm, DynamicKernelWithoutAffine) {
  for (const Shape &s : {Shape{1, 1, 7, 13}, Shape{2, 3, 9, 9}, Shape{1, 2, 64, 64}}) {
    auto x = randomPlanes(s, innerSize(s, 2), 1.0, 1.0, 7);
    check("instance_norm no affine " + shapeName(s), runPlain(in2d_dyn, x, s),
          instanceNormRef(x, s, nullptr, nullptr, 1e-5), s, kF32Atol, kF32Rtol);
  }
}

TEST(InstanceNorm, StaticOddPlanes) {
  checkInstanceNorm(in2d_odd_affine, {3, 5, 7, 13}, 2.0, 3.0, kF32Atol, kF32Rtol);
}

TEST(InstanceNorm, StaticSingleChannel) {
  Shape s{2, 1, 7, 13};
  auto x = randomPlanes(s, 91, 0.5, 0.1, 3);
  check("instance_norm C=1", runPlain(in2d_c1, x, s),
        instanceNormRef(x, s, nullptr, nullptr, 1e-3), s, kF32Atol, kF32Rtol);
}

TEST(InstanceNorm, OneByOnePlanesGiveTheBias) {
  // A single element per plane has zero variance: y = 0 * rstd * g + b = b.
  checkInstanceNorm(in2d_1x1_affine, {2, 3, 1, 1}, 5.0, 1.0, kF32Atol, kF32Rtol);
}

TEST(InstanceNorm, StaticLargePlane) {
  checkInstanceNorm(in2d_512_affine, {1, 2, 512, 512}, 1.0, 4.0, kF32Atol, kF32Rtol);
}

TEST(InstanceNorm, ResultAtEveryAlignment) {
  // The result starts at each f32 offset of a 64-byte line: with
  // streaming_stores (the "streaming" build of this suite) the stores are
  // non-temporal exactly where a vector is aligned, plain elsewhere, and
  // every element must come out the same either way; nothing outside the
  // result may be written.
  const Shape s{1, 2, 512, 512};
  const size_t n = 2 * 512 * 512;
  auto x = randomPlanes(s, 512 * 512, 1.0, 4.0, 11);
  auto g = randomVector(2, 0.5, 2.0, 12);
  auto b = randomVector(2, -1.0, 1.0, 13);
  const auto ref = instanceNormRef(x, s, &g, &b, 1e-5);
  const size_t pad = 16;
  float *base = static_cast<float *>(std::aligned_alloc(64, (n + 2 * pad) * sizeof(float)));
  ASSERT_NE(base, nullptr);
  for (size_t offset = 0; offset < 16; ++offset) {
    std::fill(base, base + n + 2 * pad, -999.0f);
    float *y = base + offset;
    HostBuffer xb(x, s), gb(g, {2}), bb(b, {2}), yb(y, s);
    ASSERT_EQ(callKernel(in2d_512_affine, xb.get(), gb.get(), bb.get(), yb.get()), 0);
    std::vector<float> got(y, y + n);
    check("instance_norm result at f32 offset " + std::to_string(offset), got, ref, s,
          kF32Atol, kF32Rtol);
    for (float *p = y + n; p < base + n + 2 * pad; ++p)
      EXPECT_EQ(*p, -999.0f) << "written past the result at offset " << offset;
    for (float *p = base; p < y; ++p)
      EXPECT_EQ(*p, -999.0f) << "written before the result at offset " << offset;
  }
  std::free(base);
}

TEST(InstanceNorm, OneDimensional) {
  for (const Shape &s : {Shape{2, 3, 17}, Shape{1, 1, 1}, Shape{4, 2, 1000}})
    checkInstanceNorm(in1d_dyn_affine, s, 1.0, 1.0, kF32Atol, kF32Rtol);
}

TEST(InstanceNorm, ThreeDimensional) {
  for (const Shape &s : {Shape{1, 2, 3, 5, 7}, Shape{2, 1, 4, 4, 4}, Shape{1, 3, 8, 16, 16}})
    checkInstanceNorm(in3d_dyn_affine, s, 1.0, 1.0, kF32Atol, kF32Rtol);
}

TEST(InstanceNorm, FusedRelu) {
  Shape s{2, 4, 16, 16};
  auto x = randomPlanes(s, 256, 1.0, 1.0, 11);
  auto g = randomVector(4, 0.5, 2.0, 12), b = randomVector(4, -1, 1, 13);
  auto y = runAffine(in2d_relu, x, s, g, {4}, b);
  auto ref = instanceNormRef(x, s, &g, &b, 1e-5);
  for (double &v : ref)
    v = reluRef(v);
  check("instance_norm + relu", y, ref, s, kF32Atol, kF32Rtol);
}

TEST(InstanceNorm, LargeMeanSmallSpread) {
  // mean 1e4, std 1e-2: naive E[x^2] - E[x]^2 in f32 returns garbage here.
  for (const Shape &s : {Shape{1, 2, 64, 64}, Shape{1, 1, 512, 512}, Shape{2, 3, 7, 13}}) {
    auto x = randomPlanes(s, innerSize(s, 2), 0.0, 1e-2, 21);
    for (float &v : x)
      v += 1e4f;
    auto g = randomVector(s[1], 0.5, 2.0, 22), b = randomVector(s[1], -1, 1, 23);
    check("instance_norm large mean " + shapeName(s),
          runAffine(in2d_dyn_affine, x, s, g, {s[1]}, b),
          instanceNormRef(x, s, &g, &b, 1e-5), s, kLargeMeanAtol, kLargeMeanRtol);
  }
}

TEST(InstanceNorm, OutlierAtTheFirstElement) {
  // The statistics shift by a sample of the plane; make that sample a 100
  // sigma outlier so a shift-based variance would lose ~4 digits.
#ifdef NORMC_STATS_ONE_PASS
  GTEST_SKIP() << "stats=shifted_one_pass is documented to lose digits when "
                  "the shift (first element) is a far outlier";
#endif
  for (const Shape &s : {Shape{1, 2, 64, 64}, Shape{1, 1, 256, 256}}) {
    auto x = randomPlanes(s, innerSize(s, 2), 0.0, 1.0, 24);
    for (int64_t c = 0; c < s[1]; ++c)
      x[c * innerSize(s, 2)] = 100.0f;
    auto g = randomVector(s[1], 0.5, 2.0, 25), b = randomVector(s[1], -1, 1, 26);
    // Same bound as normal data (one-pass statistics: 0.6 here).
    check("instance_norm outlier first " + shapeName(s),
          runAffine(in2d_dyn_affine, x, s, g, {s[1]}, b),
          instanceNormRef(x, s, &g, &b, 1e-5), s, kF32Atol, kF32Rtol);
  }
}

TEST(InstanceNorm, ShiftAtOneSigmaEitherSide) {
  // The shift (the first element) about one standard deviation either
  // side of the mean (near 1e4 the f32 spacing is ~0.1 sigma here, so
  // +-0.99 and +-1.01 mostly round to the same value), on long planes (long serial f32 chains in the narrow_serial
  // build) of a large common mean whose f32 spacing (~1e-3) quantizes data
  // of std 1e-2. A variance from the first pass's shifted sums alone fails
  // here in the narrow_serial build (error 1.1e-3 at -0.99 sigma: the
  // mean's rounding enters it at first order), which is why two_pass runs
  // its correcting second pass for every set.
  const Shape s{1, 4, 512, 512};
  const int64_t plane = innerSize(s, 2);
  auto x = randomPlanes(s, plane, 0.0, 1e-2, 27);
  for (float &v : x)
    v += 1e4f;
  const double sigmas[] = {0.99, 1.01, -0.99, -1.01};
  for (int64_t c = 0; c < s[1]; ++c) {
    double sum = 0, sq = 0;
    for (int64_t i = 1; i < plane; ++i)
      sum += x[c * plane + i];
    const double mean = sum / (plane - 1);
    for (int64_t i = 1; i < plane; ++i)
      sq += (x[c * plane + i] - mean) * (x[c * plane + i] - mean);
    x[c * plane] = static_cast<float>(mean + sigmas[c] * std::sqrt(sq / (plane - 1)));
  }
  auto g = randomVector(s[1], 0.5, 2.0, 28), b = randomVector(s[1], -1, 1, 29);
  check("instance_norm shift at +-1 sigma", runAffine(in2d_dyn_affine, x, s, g, {s[1]}, b),
        instanceNormRef(x, s, &g, &b, 1e-5), s, kLargeMeanAtol, kLargeMeanRtol);
}

// ---- group norm -------------------------------------------------------------

TEST(GroupNorm, DynamicKernelManyShapes) {
  for (const Shape &s : {Shape{2, 8, 5, 7}, Shape{1, 4, 1, 1}, Shape{1, 32, 16, 16},
                         Shape{3, 12, 9, 3}}) {
    auto x = randomPlanes(s, innerSize(s, 1) / 4, 2.0, 1.5, 31);
    auto g = randomVector(s[1], 0.5, 2.0, 32), b = randomVector(s[1], -1, 1, 33);
    check("group_norm G=4 " + shapeName(s),
          runAffine(gn4_dyn_affine, x, s, g, {s[1]}, b),
          groupNormRef(x, s, 4, &g, &b, 1e-5), s, kF32Atol, kF32Rtol);
  }
}

TEST(GroupNorm, StaticOddWithoutAffine) {
  Shape s{2, 6, 5, 7};
  auto x = randomPlanes(s, 35, 1.0, 1.0, 34);
  check("group_norm G=2", runPlain(gn2_odd, x, s),
        groupNormRef(x, s, 2, nullptr, nullptr, 1e-5), s, kF32Atol, kF32Rtol);
}

TEST(GroupNorm, SingleGroup) {
  Shape s{1, 3, 4, 4};
  auto x = randomPlanes(s, 16, 1.0, 1.0, 35);
  auto g = randomVector(3, 0.5, 2.0, 36), b = randomVector(3, -1, 1, 37);
  check("group_norm G=1", runAffine(gn1_affine, x, s, g, {3}, b),
        groupNormRef(x, s, 1, &g, &b, 1e-5), s, kF32Atol, kF32Rtol);
}

TEST(GroupNorm, ThirtyTwoGroups) {
  Shape s{1, 64, 32, 32};
  auto x = randomPlanes(s, 1024, 1.0, 1.0, 38);
  auto g = randomVector(64, 0.5, 2.0, 39), b = randomVector(64, -1, 1, 40);
  check("group_norm G=32", runAffine(gn32_affine, x, s, g, {64}, b),
        groupNormRef(x, s, 32, &g, &b, 1e-5), s, kF32Atol, kF32Rtol);
}

TEST(GroupNorm, LargeMeanSmallSpread) {
  Shape s{1, 8, 32, 32};
  auto x = randomPlanes(s, 2048, 0.0, 1e-2, 41);
  for (float &v : x)
    v += 1e4f;
  auto g = randomVector(8, 0.5, 2.0, 42), b = randomVector(8, -1, 1, 43);
  check("group_norm large mean", runAffine(gn4_dyn_affine, x, s, g, {8}, b),
        groupNormRef(x, s, 4, &g, &b, 1e-5), s, kLargeMeanAtol, kLargeMeanRtol);
}

TEST(GroupNorm, RankTwoPoolsChannelGroupsOnly) {
  for (const Shape &s : {Shape{3, 8}, Shape{2, 2}, Shape{4, 64}}) {
    auto x = randomPlanes(s, s[1] / 2, 1.0, 1.0, 44);
    auto g = randomVector(s[1], 0.5, 2.0, 45), b = randomVector(s[1], -1, 1, 46);
    check("group_norm rank 2 " + shapeName(s),
          runAffine(gn2_rank2, x, s, g, {s[1]}, b),
          groupNormRef(x, s, 2, &g, &b, 1e-5), s, kF32Atol, kF32Rtol);
  }
}

// ---- layer norm -------------------------------------------------------------

TEST(LayerNorm, DynamicKernelManyShapes) {
  for (const Shape &s : {Shape{2, 3, 4, 5}, Shape{1, 8, 16, 16}, Shape{4, 1, 1, 1},
                         Shape{1, 16, 64, 64}}) {
    auto x = randomPlanes(s, innerSize(s, 1), 2.0, 1.0, 51);
    const Shape p(s.begin() + 1, s.end());
    auto g = randomVector(numel(p), 0.5, 2.0, 52), b = randomVector(numel(p), -1, 1, 53);
    check("layer_norm axis=1 " + shapeName(s),
          runAffine(ln1_dyn_affine, x, s, g, p, b),
          layerNormRef(x, s, 1, &g, &b, 1e-5), s, kF32Atol, kF32Rtol);
  }
}

TEST(LayerNorm, BatchedStaticSampleSizedParameters) {
  Shape s{40, 3, 11, 13};
  auto x = randomPlanes(s, innerSize(s, 1), 2.0, 1.0, 64);
  const Shape p{3, 11, 13};
  auto g = randomVector(numel(p), 0.5, 2.0, 65), b = randomVector(numel(p), -1, 1, 66);
  check("layer_norm axis=1 batched " + shapeName(s),
        runAffine(ln1_batched_affine, x, s, g, p, b),
        layerNormRef(x, s, 1, &g, &b, 1e-5), s, kF32Atol, kF32Rtol);
}

TEST(LayerNorm, LastAxis) {
  Shape s{2, 3, 4, 5};
  auto x = randomPlanes(s, 5, 1.0, 1.0, 54);
  auto g = randomVector(5, 0.5, 2.0, 55), b = randomVector(5, -1, 1, 56);
  check("layer_norm axis=3", runAffine(ln3_affine, x, s, g, {5}, b),
        layerNormRef(x, s, 3, &g, &b, 1e-5), s, kF32Atol, kF32Rtol);
}

TEST(LayerNorm, RankTwoDynamic) {
  for (const Shape &s : {Shape{5, 7}, Shape{1, 1000}, Shape{64, 768}}) {
    auto x = randomPlanes(s, s[1], 1.0, 1.0, 57);
    auto g = randomVector(s[1], 0.5, 2.0, 58), b = randomVector(s[1], -1, 1, 59);
    check("layer_norm rank 2 " + shapeName(s),
          runAffine(ln_rank2_dyn, x, s, g, {s[1]}, b),
          layerNormRef(x, s, 1, &g, &b, 1e-5), s, kF32Atol, kF32Rtol);
  }
}

TEST(LayerNorm, WholeTensor) {
  Shape s{3, 4, 5};
  auto x = randomPlanes(s, 60, 1.0, 1.0, 60);
  check("layer_norm axis=0", runPlain(ln0, x, s),
        layerNormRef(x, s, 0, nullptr, nullptr, 1e-5), s, kF32Atol, kF32Rtol);
}

TEST(LayerNorm, LargeMeanSmallSpread) {
  Shape s{2, 4, 16, 16};
  auto x = randomPlanes(s, 1024, 0.0, 1e-2, 61);
  for (float &v : x)
    v += 1e4f;
  const Shape p{4, 16, 16};
  auto g = randomVector(numel(p), 0.5, 2.0, 62), b = randomVector(numel(p), -1, 1, 63);
  check("layer_norm large mean", runAffine(ln1_dyn_affine, x, s, g, p, b),
        layerNormRef(x, s, 1, &g, &b, 1e-5), s, kLargeMeanAtol, kLargeMeanRtol);
}

// ---- decomposed core ----------------------------------------------------------

TEST(Moments, MeanAndRstdPerPlane) {
  Shape s{2, 3, 7, 13};
  auto x = randomPlanes(s, 91, 5.0, 2.0, 71);
  std::vector<float> mean(6, -1), rstd(6, -1);
  HostBuffer xb(x, s), mb(mean, {2, 3, 1, 1}), rb(rstd, {2, 3, 1, 1});
  ASSERT_EQ(callKernel(moments_hw, xb.get(), mb.get(), rb.get()), 0);
  std::vector<double> refMean, refRstd;
  planeMomentsRef(x, s, 1e-5, refMean, refRstd);
  check("moments mean", mean, refMean, {2, 3, 1, 1}, kF32Atol, kF32Rtol);
  check("moments rstd", rstd, refRstd, {2, 3, 1, 1}, kF32Atol, kF32Rtol);
}

TEST(Modulate, PerElementMaps) {
  // SPADE-style: y = norm(x) * s + t with full-size maps.
  Shape s{2, 3, 5, 6};
  auto x = randomPlanes(s, 30, 1.0, 1.0, 72);
  auto sc = randomVector(numel(s), 0.5, 2.0, 73), sh = randomVector(numel(s), -1, 1, 74);
  std::vector<float> y(x.size(), -999.0f);
  HostBuffer xb(x, s), sb(sc, s), tb(sh, s), yb(y, s);
  ASSERT_EQ(callKernel(modulate_maps, xb.get(), sb.get(), tb.get(), yb.get()), 0);
  auto ref = instanceNormRef(x, s, nullptr, nullptr, 1e-5);
  for (size_t i = 0; i < ref.size(); ++i)
    ref[i] = ref[i] * sc[i] + sh[i];
  check("modulate per-element", y, ref, s, kF32Atol, kF32Rtol);
}

// ---- AdaIN ------------------------------------------------------------------------

TEST(AdaIN, FullStyleSameShapes) {
  for (const Shape &s : {Shape{2, 3, 7, 13}, Shape{1, 8, 32, 32}, Shape{2, 2, 64, 64}}) {
    auto c = randomPlanes(s, innerSize(s, 2), 2.0, 1.0, 81);
    auto st = randomPlanes(s, innerSize(s, 2), 5.0, 3.0, 82);
    std::vector<float> y(c.size(), -999.0f);
    HostBuffer cb(c, s), sb(st, s), yb(y, s);
    ASSERT_EQ(callKernel(adain_dyn, cb.get(), sb.get(), yb.get()), 0);
    // Outputs take the style's scale (std up to ~5, means up to ~15).
    check("adain " + shapeName(s), y, adainRef(c, s, st, s, 1.0, 1e-5, false), s,
          1e-4, kF32Rtol);
  }
}

TEST(AdaIN, BroadcastStyleOtherSizeAlphaBiased) {
  const Shape cs{3, 4, 9, 11}, ss{1, 4, 6, 5};
  auto c = randomPlanes(cs, 99, 1.0, 2.0, 83);
  auto st = randomPlanes(ss, 30, 4.0, 0.5, 84);
  std::vector<float> y(c.size(), -999.0f);
  HostBuffer cb(c, cs), sb(st, ss), yb(y, cs);
  ASSERT_EQ(callKernel(adain_mix, cb.get(), sb.get(), yb.get()), 0);
  check("adain alpha 0.7", y, adainRef(c, cs, st, ss, 0.7, 1e-5, true), cs, 1e-4,
        kF32Rtol);
}

TEST(AdaIN, LargeMeanContent) {
  const Shape s{1, 2, 32, 32};
  auto c = randomPlanes(s, 1024, 0.0, 1e-2, 85);
  for (float &v : c)
    v += 1e4f;
  auto st = randomPlanes(s, 1024, 1.0, 1.0, 86);
  std::vector<float> y(c.size(), -999.0f);
  HostBuffer cb(c, s), sb(st, s), yb(y, s);
  ASSERT_EQ(callKernel(adain_dyn, cb.get(), sb.get(), yb.get()), 0);
  check("adain large-mean content", y, adainRef(c, s, st, s, 1.0, 1e-5, false), s,
        1e-4, kF32Rtol);
}

// ---- SPADE ------------------------------------------------------------------------

std::vector<float> runMaps(int (*k)(const void *, halide_buffer_t *, halide_buffer_t *,
                                    halide_buffer_t *, halide_buffer_t *),
                           std::vector<float> x, std::vector<float> g,
                           std::vector<float> b, const Shape &s) {
  std::vector<float> y(x.size(), -999.0f);
  HostBuffer xb(x, s), gb(g, s), bb(b, s), yb(y, s);
  EXPECT_EQ(callKernel(k, xb.get(), gb.get(), bb.get(), yb.get()), 0);
  return y;
}

TEST(Spade, InstanceNormBase) {
  for (const Shape &s : {Shape{2, 3, 7, 13}, Shape{1, 8, 32, 32}}) {
    auto x = randomPlanes(s, innerSize(s, 2), 2.0, 1.0, 91);
    auto g = randomVector(numel(s), -0.5, 0.5, 92), b = randomVector(numel(s), -1, 1, 93);
    check("spade instance " + shapeName(s), runMaps(spade_in, x, g, b, s),
          spadeRef(x, s, g, b, 1e-5, false), s, kF32Atol, kF32Rtol);
  }
}

TEST(Spade, BatchStatisticsBase) {
  const Shape s{3, 4, 9, 7};
  auto x = randomPlanes(s, 63, 3.0, 1.0, 94);
  auto g = randomVector(numel(s), -0.5, 0.5, 95), b = randomVector(numel(s), -1, 1, 96);
  check("spade batch stats", runMaps(spade_bn, x, g, b, s),
        spadeRef(x, s, g, b, 1e-5, true), s, kF32Atol, kF32Rtol);
}

// ---- batch norm -------------------------------------------------------------------

TEST(BatchNorm, InferenceWithRunningStatistics) {
  for (const Shape &s : {Shape{2, 3, 7, 13}, Shape{8, 16, 4, 4}}) {
    auto x = randomPlanes(s, innerSize(s, 2), 2.0, 1.5, 101);
    auto m = randomVector(s[1], -1, 1, 102), v = randomVector(s[1], 0.5, 3, 103);
    auto g = randomVector(s[1], 0.5, 2, 104), b = randomVector(s[1], -1, 1, 105);
    std::vector<float> y(x.size(), -999.0f);
    const Shape p{s[1]};
    HostBuffer xb(x, s), mb(m, p), vb(v, p), gb(g, p), bb(b, p), yb(y, s);
    ASSERT_EQ(callKernel(bn_infer, xb.get(), mb.get(), vb.get(), gb.get(), bb.get(), yb.get()), 0);
    // Inputs up to ~8 away from the running mean, rstd up to 1.4, gamma 2.
    check("batch_norm inference " + shapeName(s), y,
          batchNormRef(x, s, m, v, &g, &b, 1e-5), s, 1e-4, kF32Rtol);
  }
}

TEST(BatchNorm, TrainingBatchStatisticsAndRunningUpdate) {
  const Shape s{3, 4, 5, 7};
  auto x = randomPlanes(s, 35, 2.0, 1.5, 106);
  auto m = randomVector(4, -1, 1, 107), v = randomVector(4, 0.5, 3, 108);
  auto g = randomVector(4, 0.5, 2, 109), b = randomVector(4, -1, 1, 110);
  std::vector<float> y(x.size(), -999.0f), nm(4, -999.0f), nv(4, -999.0f);
  const Shape p{4};
  HostBuffer xb(x, s), mb(m, p), vb(v, p), gb(g, p), bb(b, p), yb(y, s), nmb(nm, p),
      nvb(nv, p);
  ASSERT_EQ(callKernel(bn_train, xb.get(), mb.get(), vb.get(), gb.get(), bb.get(),
                     yb.get(), nmb.get(), nvb.get()),
            0);
  auto ref = batchStatsNormRef(x, s, 1e-5);
  channelAffineRef(ref, s, &g, &b);
  // PyTorch: momentum 0.1, the unbiased batch variance in the update.
  std::vector<double> refM, refV;
  batchNormRunningUpdateRef(x, s, m, v, 0.1, refM, refV);
  check("batch_norm training y", y, ref, s, kF32Atol, kF32Rtol);
  check("batch_norm running mean", nm, refM, p, kF32Atol, kF32Rtol);
  check("batch_norm running var", nv, refV, p, kF32Atol, kF32Rtol);
}

// ---- conditional instance norm --------------------------------------------------

TEST(ConditionalInstanceNorm, OneHotAndMixedStyles) {
  const int64_t S = 3;
  for (const Shape &s : {Shape{2, 5, 7, 13}, Shape{3, 16, 16, 16}}) {
    const int64_t N = s[0], C = s[1];
    auto x = randomPlanes(s, innerSize(s, 2), 2.0, 1.0, 111);
    auto gt = randomVector(S * C, 0.5, 2.0, 112), bt = randomVector(S * C, -1, 1, 113);
    // Row 0 selects style 1, the other rows interpolate.
    std::vector<float> w = randomVector(N * S, 0.0, 1.0, 114);
    for (int64_t j = 0; j < S; ++j)
      w[j] = j == 1 ? 1.0f : 0.0f;
    std::vector<float> y(x.size(), -999.0f);
    HostBuffer xb(x, s), wb(w, {N, S}), gb(gt, {S, C}), bb(bt, {S, C}), yb(y, s);
    ASSERT_EQ(callKernel(cin, xb.get(), wb.get(), gb.get(), bb.get(), yb.get()), 0);
    check("conditional_instance_norm " + shapeName(s), y,
          conditionalInstanceNormRef(x, s, w, S, gt, bt, 1e-5), s, 1e-4, kF32Rtol);
  }
}

// ---- batch-instance norm ----------------------------------------------------------

TEST(BatchInstanceNorm, BatchStatisticsAndClippedGate) {
  const Shape s{3, 6, 7, 5};
  const int64_t C = 6, plane = 35;
  auto x = randomPlanes(s, plane, 2.0, 1.5, 121);
  // Gates outside [0, 1] must be clipped.
  std::vector<float> rho = {-0.5f, 0.0f, 0.25f, 0.5f, 1.0f, 1.75f};
  auto g = randomVector(C, 0.5, 2, 122), b = randomVector(C, -1, 1, 123);
  std::vector<float> y(x.size(), -999.0f);
  HostBuffer xb(x, s), rb(rho, {C}), gb(g, {C}), bb(b, {C}), yb(y, s);
  ASSERT_EQ(callKernel(bin_train, xb.get(), rb.get(), gb.get(), bb.get(), yb.get()), 0);
  check("batch_instance_norm batch stats", y,
        batchInstanceNormRef(x, s, rho, nullptr, nullptr, &g, &b, 1e-5), s, kF32Atol,
        kF32Rtol);
}

TEST(BatchInstanceNorm, RunningStatistics) {
  const Shape s{2, 6, 5, 7};
  const int64_t C = 6, plane = 35;
  auto x = randomPlanes(s, plane, 2.0, 1.5, 124);
  auto rho = randomVector(C, 0.0, 1.0, 125);
  auto m = randomVector(C, -1, 1, 126), v = randomVector(C, 0.5, 3, 127);
  std::vector<float> y(x.size(), -999.0f);
  HostBuffer xb(x, s), rb(rho, {C}), mb(m, {C}), vb(v, {C}), yb(y, s);
  ASSERT_EQ(callKernel(bin_infer, xb.get(), rb.get(), mb.get(), vb.get(), yb.get()), 0);
  check("batch_instance_norm running stats", y,
        batchInstanceNormRef(x, s, rho, &m, &v, nullptr, nullptr, 1e-5), s, 1e-4,
        kF32Rtol);
}

TEST(InstanceNorm, TrainingUpdatesRunningStatistics) {
  const Shape s{3, 4, 5, 7};
  const int64_t plane = 35;
  auto x = randomPlanes(s, plane, 2.0, 1.5, 141);
  auto m = randomVector(4, -1, 1, 142), v = randomVector(4, 0.5, 3, 143);
  auto g = randomVector(4, 0.5, 2, 144), b = randomVector(4, -1, 1, 145);
  std::vector<float> y(x.size(), -999.0f), nm(4, -999.0f), nv(4, -999.0f);
  const Shape p{4};
  HostBuffer xb(x, s), mb(m, p), vb(v, p), gb(g, p), bb(b, p), yb(y, s), nmb(nm, p),
      nvb(nv, p);
  ASSERT_EQ(callKernel(in_train, xb.get(), mb.get(), vb.get(), gb.get(), bb.get(),
                     yb.get(), nmb.get(), nvb.get()),
            0);
  std::vector<double> refM, refV; // per-plane variances unbiased, as PyTorch's update
  instanceNormRunningUpdateRef(x, s, m, v, 0.1, refM, refV);
  check("instance_norm_train y", y, instanceNormRef(x, s, &g, &b, 1e-5), s, kF32Atol,
        kF32Rtol);
  check("instance_norm_train running mean", nm, refM, p, kF32Atol, kF32Rtol);
  check("instance_norm_train running var", nv, refV, p, kF32Atol, kF32Rtol);
}

// ---- channels-last (NHWC) with static shapes --------------------------------------
// The variant matrix covers every op with dynamic shapes; static shapes select
// the per-sample statistics placement (N >= 4) and the grouped merge on the
// last dim, which these check against the NCHW reference.

TEST(ChannelsLast, StaticInstanceNormPerSample) {
  const Shape s{6, 24, 16, 16}; // NCHW view of the [6, 16, 16, 24] kernel
  auto x = randomPlanes(s, 256, 3.0, 1.5, 151);
  auto g = randomVector(24, 0.5, 2.0, 152), b = randomVector(24, -1, 1, 153);
  auto y = runAffine(in_nhwc_static, nchwToNhwc(x, s), nhwcShape(s), g, {24}, b);
  check("instance_norm channels_last static", nhwcToNchw(y, s),
        instanceNormRef(x, s, &g, &b, 1e-5), s, kF32Atol, kF32Rtol);
}

// Samples of 4 MiB: per-row statistics merged over the rows (Chan's formula),
// also with mean 1e4 and std 1e-2 (the kLargeMean bound), where a merge that
// lost the rows' shifts would show.
TEST(ChannelsLast, StaticInstanceNormRowSlices) {
  for (int64_t n : {4, 1}) {
    const Shape s{n, 256, 64, 64};
    auto g = randomVector(256, 0.5, 2.0, 158), b = randomVector(256, -1, 1, 159);
    auto kernel = n == 4 ? in_nhwc_rows : in_nhwc_rows_n1;
    auto x = randomPlanes(s, 64 * 64, 3.0, 1.5, 157);
    check("instance_norm channels_last row slices N=" + std::to_string(n),
          nhwcToNchw(runAffine(kernel, nchwToNhwc(x, s), nhwcShape(s), g, {256}, b), s),
          instanceNormRef(x, s, &g, &b, 1e-5), s, kF32Atol, kF32Rtol);
    x = randomPlanes(s, 64 * 64, 0.0, 1e-2, 160);
    for (float &v : x)
      v += 1e4f;
    check("instance_norm channels_last row slices large mean N=" + std::to_string(n),
          nhwcToNchw(runAffine(kernel, nchwToNhwc(x, s), nhwcShape(s), g, {256}, b), s),
          instanceNormRef(x, s, &g, &b, 1e-5), s, kLargeMeanAtol, kLargeMeanRtol);
  }
}

TEST(ChannelsLast, StaticGroupNorm) {
  const Shape s{2, 12, 9, 7};
  auto x = randomPlanes(s, 63 * 4, 3.0, 1.5, 154);
  auto g = randomVector(12, 0.5, 2.0, 155), b = randomVector(12, -1, 1, 156);
  auto y = runAffine(gn_nhwc_static, nchwToNhwc(x, s), nhwcShape(s), g, {12}, b);
  check("group_norm channels_last static", nhwcToNchw(y, s),
        groupNormRef(x, s, 3, &g, &b, 1e-5), s, kF32Atol, kF32Rtol);
}

// ---- f16 / bf16 storage -----------------------------------------------------------
// Inputs are rounded to the storage type first and the reference is computed
// from the rounded values, so only the kernel's own error is measured; the
// output is rounded once to its type: f16 has a relative step of 2^-11 and
// bf16 2^-8, so for outputs up to ~5 the bounds are atol 4e-3 (f16) and 3e-2
// (bf16) plus one step relative.

const halide_type_t kF16{halide_type_float, 16, 1};
const halide_type_t kBf16{halide_type_bfloat, 16, 1};

// NORMC_TEST_NO_16BIT: a build for a device without f16 (OpenCL on PoCL has
// no cl_khr_fp16, and Halide's OpenCL back end needs it for bf16 too),
// whose f16 and bf16 kernels are not compiled; those tests report
// themselves skipped.
TEST(HalfPrecision, F16InstanceNormWithLargeValues) {
#if NORMC_TEST_NO_16BIT
  GTEST_SKIP() << "this device build has no 16-bit float kernels (no cl_khr_fp16)";
#else
  // |x| ~ 1000: x^2 ~ 1e6 overflows f16, so statistics must be f32.
  for (const Shape &s : {Shape{2, 3, 7, 13}, Shape{1, 4, 32, 32}}) {
    auto xf = randomPlanes(s, innerSize(s, 2), 1000.0, 50.0, 131);
    auto x = encode(xf, toF16);
    auto g = encode(randomVector(s[1], 0.5, 2.0, 132), toF16);
    auto b = encode(randomVector(s[1], -1, 1, 133), toF16);
    std::vector<uint16_t> y(x.size(), 0x7E00);
    HostBuffer xb(x, s, kF16), gb(g, {s[1]}, kF16), bb(b, {s[1]}, kF16), yb(y, s, kF16);
    ASSERT_EQ(callKernel(in_f16, xb.get(), gb.get(), bb.get(), yb.get()), 0);
    auto gd = decode(g, fromF16), bd = decode(b, fromF16);
    check("instance_norm f16 " + shapeName(s), decode(y, fromF16),
          instanceNormRef(decode(x, fromF16), s, &gd, &bd, 1e-5), s, 4e-3, 1e-3);
  }
#endif
}

// f16's special values through the conversions (F16C instructions on x86,
// Halide's lowering elsewhere): a subnormal scale read and subnormal results
// written (a conversion flushing them would give zeros), results beyond
// 65504 rounded to infinity, and a NaN input spreading to its own plane only
// (NaN passes through the f32 arithmetic although Halide compiles it with
// LLVM's no-NaNs flag: the test pins the conversion's part, which is what
// turned NaN into infinity).
// Bound: one f16 step at the reference's magnitude (2^-24 for subnormals)
// plus the f32 arithmetic's error, 4e-6 of the terms |g * xhat| + |b| (they
// cancel where channel 1's g * xhat is near -b): the result is rounded once
// (half a step). Near the overflow edge 65520 a margin of 1e-5 relative
// covers that error.
TEST(HalfPrecision, F16SpecialValuesKept) {
#if NORMC_TEST_NO_16BIT
  GTEST_SKIP() << "this device build has no 16-bit float kernels (no cl_khr_fp16)";
#else
  const Shape s{2, 4, 8, 16};
  const int64_t plane = 8 * 16;
  auto x = encode(randomPlanes(s, plane, 0.0, 1.0, 171), toF16);
  x[2 * plane + 37] = 0x7E00; // NaN in sample 0, channel 2
  // Channel 0: scale 2^-20 (a subnormal); 1: scale and bias 2^15 (results
  // from 1 sigma up overflow); 2 and 3: scale 1.
  std::vector<uint16_t> g = {0x0010, 0x7800, 0x3C00, 0x3C00}, b = {0, 0x7800, 0, 0};
  std::vector<uint16_t> y(x.size(), 0x3C00);
  HostBuffer xb(x, s, kF16), gb(g, {4}, kF16), bb(b, {4}, kF16), yb(y, s, kF16);
  ASSERT_EQ(callKernel(in_f16, xb.get(), gb.get(), bb.get(), yb.get()), 0);
  auto gd = decode(g, fromF16), bd = decode(b, fromF16);
  ASSERT_EQ(gd[0], std::ldexp(1.0f, -20));
  auto ref = instanceNormRef(decode(x, fromF16), s, &gd, &bd, 1e-5);
  const double edge = 65520.0; // from here up f16 rounds to infinity
  int subnormals = 0, infinities = 0, nans = 0, bad = 0;
  for (size_t i = 0; i < y.size(); ++i) {
    const double r = ref[i];
    const double bias = bd[(i / plane) % 4];
    const float got = fromF16(y[i]);
    const bool sameSign = std::signbit(got) == std::signbit(r);
    bool ok;
    if (std::isnan(r)) {
      ok = std::isnan(got);
      ++nans;
    } else if (std::fabs(r) >= edge * (1 + 1e-5)) {
      ok = std::isinf(got) && sameSign;
      ++infinities;
    } else if (std::fabs(r) > edge * (1 - 1e-5)) {
      ok = (std::fabs(got) == 65504.0f || std::isinf(got)) && sameSign;
    } else if (std::fabs(r) > 65504.0) {
      ok = std::fabs(got) == 65504.0f && sameSign; // rounds down to the largest f16
    } else {
      const double step = std::fabs(r) < std::ldexp(1.0, -14)
                              ? std::ldexp(1.0, -24)
                              : std::ldexp(1.0, std::ilogb(r) - 10);
      const double f32Error = 4e-6 * (std::fabs(r - bias) + std::fabs(bias));
      ok = std::fabs(got - r) <= step + f32Error;
      subnormals += r != 0 && std::fabs(r) < std::ldexp(1.0, -14);
    }
    if (!ok && bad++ < 5)
      ADD_FAILURE() << "element " << i << ": got " << got << " (0x" << std::hex << y[i]
                    << std::dec << "), reference " << r;
  }
  EXPECT_EQ(bad, 0);
  // The inputs reach every case.
  EXPECT_EQ(nans, plane);
  EXPECT_GT(infinities, 10);
  EXPECT_GE(subnormals, 2 * plane);
#endif
}

TEST(HalfPrecision, Bf16InstanceNormWithF32Parameters) {
#if NORMC_TEST_NO_16BIT
  GTEST_SKIP() << "this device build has no 16-bit float kernels (no cl_khr_fp16)";
#else
  const Shape s{2, 5, 9, 11};
  auto x = encode(randomPlanes(s, 99, 20.0, 3.0, 134), toBf16);
  auto g = randomVector(5, 0.5, 2.0, 135), b = randomVector(5, -1, 1, 136);
  std::vector<uint16_t> y(x.size(), 0);
  HostBuffer xb(x, s, kBf16), gb(g, {5}), bb(b, {5}), yb(y, s, kBf16);
  ASSERT_EQ(callKernel(in_bf16, xb.get(), gb.get(), bb.get(), yb.get()), 0);
  check("instance_norm bf16", decode(y, fromBf16),
        instanceNormRef(decode(x, fromBf16), s, &g, &b, 1e-5), s, 3e-2, 8e-3);
#endif
}

// The narrowing to bf16 rounds to nearest even (within half a bf16 step
// of the f32 result, which is within the f32 error of the reference: a
// truncating narrowing is off by up to a whole step), keeps NaN, and
// rounds f32 subnormal results, except that where the narrowing is
// AVX512-BF16's vcvtneps2bf16 (bf16NarrowingMayFlush) it may flush them to
// zero (Float16.h). Per channel: scale 1; scale 1
// with a NaN; scale 2^-130 (subnormal results); bias 300; scale 2^100.
/// True where the kernels under test narrow to bf16 with vcvtneps2bf16,
/// which flushes subnormal results to zero: the avx512_sapphirerapids
/// variant, and host builds on CPUs that normc compiles for that target
/// (AVX512-BF16 and FP16, as isa_variant.h derives). Everywhere else the
/// narrowing must round subnormals too.
bool bf16NarrowingMayFlush() {
#if defined(NORMC_TEST_ISA_VARIANT)
  return std::string(NORMC_TEST_ISA_VARIANT) == "avx512_sapphirerapids";
#elif defined(__x86_64__) && !defined(NORMC_TEST_GPU)
  return normc_test::cpuLacksForVariant("avx512_sapphirerapids").empty();
#else
  return false;
#endif
}

TEST(HalfPrecision, Bf16RoundingAndSpecialValues) {
#if NORMC_TEST_NO_16BIT
  GTEST_SKIP() << "this device build has no 16-bit float kernels (no cl_khr_fp16)";
#else
  const Shape s{2, 5, 9, 11};
  const int64_t plane = 9 * 11;
  auto x = encode(randomPlanes(s, plane, 0.0, 1.0, 175), toBf16);
  x[plane + 40] = 0x7FC0; // NaN in sample 0, channel 1
  std::vector<float> g = {1.0f, 1.0f, std::ldexp(1.0f, -130), 1.0f, std::ldexp(1.0f, 100)};
  std::vector<float> b = {0.0f, 0.0f, 0.0f, 300.0f, 0.0f};
  std::vector<uint16_t> y(x.size(), 0x3F80);
  HostBuffer xb(x, s, kBf16), gb(g, {5}), bb(b, {5}), yb(y, s, kBf16);
  ASSERT_EQ(callKernel(in_bf16, xb.get(), gb.get(), bb.get(), yb.get()), 0);
  auto ref = instanceNormRef(decode(x, fromBf16), s, &g, &b, 1e-5);
  const bool mayFlush = bf16NarrowingMayFlush();
  std::printf("bf16 narrowing: subnormal results %s\n",
              mayFlush ? "rounded or flushed to zero" : "rounded");
  int nans = 0, subnormals = 0, bad = 0;
  for (size_t i = 0; i < y.size(); ++i) {
    const double r = ref[i];
    const double bias = b[(i / plane) % 5];
    const float got = fromBf16(y[i]);
    bool ok;
    if (std::isnan(r)) {
      ok = std::isnan(got);
      ++nans;
    } else if (std::fabs(r) < std::ldexp(1.0, -126)) {
      // bf16 subnormal step 2^-133; the f32 result's own step is 2^-149,
      // and its error grows with the products that underflow (a few steps).
      ok = (mayFlush && got == 0.0f) ||
           std::fabs(got - r) <= std::ldexp(1.0, -134) + std::ldexp(1.0, -145);
      subnormals += r != 0;
    } else {
      const double halfStep = std::ldexp(1.0, std::ilogb(r) - 8);
      // The f32 error of the terms, and near zero the absolute error of x -
      // mean (a few 2^-24 of |x| <= ~5, over sigma >= 0.5, times the
      // scale).
      const double scale = g[(i / plane) % 5];
      const double f32Error =
          4e-6 * (std::fabs(r - bias) + std::fabs(bias)) + 1e-6 * std::fabs(scale);
      ok = std::fabs(got - r) <= halfStep + f32Error;
    }
    if (!ok && bad++ < 5)
      ADD_FAILURE() << "element " << i << ": got " << got << " (0x" << std::hex << y[i]
                    << std::dec << "), reference " << r;
  }
  EXPECT_EQ(bad, 0);
  EXPECT_EQ(nans, plane);
  EXPECT_GE(subnormals, plane);
#endif
}

TEST(HalfPrecision, F16GroupNorm) {
#if NORMC_TEST_NO_16BIT
  GTEST_SKIP() << "this device build has no 16-bit float kernels (no cl_khr_fp16)";
#else
  const Shape gs{2, 8, 5, 7};
  auto xg = encode(randomPlanes(gs, 70, 300.0, 20.0, 137), toF16);
  std::vector<uint16_t> yg(xg.size(), 0);
  HostBuffer xgb(xg, gs, kF16), ygb(yg, gs, kF16);
  ASSERT_EQ(callKernel(gn_f16, xgb.get(), ygb.get()), 0);
  check("group_norm f16", decode(yg, fromF16),
        groupNormRef(decode(xg, fromF16), gs, 4, nullptr, nullptr, 1e-5), gs, 4e-3, 1e-3);
#endif
}

TEST(HalfPrecision, Bf16LayerNorm) {
#if NORMC_TEST_NO_16BIT
  GTEST_SKIP() << "this device build has no 16-bit float kernels (no cl_khr_fp16)";
#else
  const Shape ls{3, 4, 6, 6};
  auto xl = encode(randomPlanes(ls, 144, 5.0, 2.0, 138), toBf16);
  std::vector<uint16_t> yl(xl.size(), 0);
  HostBuffer xlb(xl, ls, kBf16), ylb(yl, ls, kBf16);
  ASSERT_EQ(callKernel(ln_bf16, xlb.get(), ylb.get()), 0);
  check("layer_norm bf16", decode(yl, fromBf16),
        layerNormRef(decode(xl, fromBf16), ls, 1, nullptr, nullptr, 1e-5), ls, 3e-2, 8e-3);
#endif
}

// ---- activations --------------------------------------------------------------

TEST(Activations, MatchReference) {
  Shape s{3, 1001};
  std::vector<float> x(numel(s));
  for (size_t i = 0; i < x.size(); ++i)
    x[i] = -8.0f + 16.0f * static_cast<float>(i) / static_cast<float>(x.size() - 1);
  struct Case {
    const char *name;
    PlainKernel kernel;
    std::function<double(double)> ref;
  };
  const Case cases[] = {
      {"relu", act_relu, reluRef},
      {"leaky_relu", act_leaky_relu, [](double v) { return leakyReluRef(v, 0.1); }},
      {"silu", act_silu, siluRef},
      {"gelu", act_gelu, geluRef},
      {"gelu_tanh", act_gelu_tanh, geluTanhRef},
      {"sigmoid", act_sigmoid, sigmoidRef},
      {"tanh", act_tanh, [](double v) { return std::tanh(v); }},
  };
  for (const Case &c : cases) {
    std::vector<double> ref(x.size());
    for (size_t i = 0; i < x.size(); ++i)
      ref[i] = c.ref(x[i]);
    check(c.name, runPlain(c.kernel, x, s), ref, s, kActAtol, kActRtol);
  }
}
