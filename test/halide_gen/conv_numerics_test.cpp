//===- conv_numerics_test.cpp - conv, pad, upsample and chains vs double ---===//
//
// The kernels of conv_kernels.mlir (conv2d variants, pad, upsample, and the
// fused chains of style-transfer / GAN generator blocks) against the double
// references of conv_reference.h. The same tests run against the kernels
// compiled fused and with --no-fuse (see CMakeLists.txt).
//
// Data: inputs with per-plane means ~N(0, 2^2) and spreads U(0.5, 1.5)
// (randomPlanes(shape, H*W, 2.0, 1.0, seed), so |x| reaches ~8); weights and
// biases ~U(-1/sqrt(fan_in), 1/sqrt(fan_in)) with fan_in = C/groups * R * S,
// PyTorch's default init; gamma ~U(0.5, 2), beta ~U(-1, 1). Outputs are
// filled with NaN before every call, so an element the kernel does not
// write fails. The chain references run in double end to end (no rounding
// to float between stages); only the kernel's own error is measured.
//
// Tolerances (|got - ref| <= atol + rtol * |ref|):
//  - conv outputs: atol 1e-4, rtol 1e-4. Each output is an f32 sum of
//    fan_in = C/groups * R * S products (up to 16*3*3 = 144 here) whose
//    magnitudes add up to sum |w * x| ~ 1.25 * sqrt(fan_in) ~ 15. Each
//    addition rounds by up to 2^-24 (6e-8) of the running sum: a random walk
//    gives ~sqrt(144) * 6e-8 * 15 ~ 1e-5, the deterministic worst case
//    144 * 6e-8 * 15 ~ 1.3e-4. The generated code may sum in any order
//    (split / vectorized reductions, padding folded into the loop bounds),
//    so the bound is ~10x the expected error and about the worst case;
//    outputs are O(1..5), for which the relative part adds 1e-4..5e-4.
//  - normalized chain outputs (conv -> instance / group / batch norm ->
//    activation, residual block): atol 2e-4, rtol 2e-4. The normalization
//    divides by the conv output's standard deviation (per plane ~
//    sqrt(fan_in * E[w^2]) * sd(x) = sd(x) / sqrt(3), i.e. 0.3..0.9) and
//    multiplies by gamma (up to 2), so the conv's absolute error (~1e-5,
//    up to 1e-4) is amplified by up to ~7x; the f32 statistics add their
//    own ~2e-5 (numerics_test.cpp). Batch norm divides by
//    sqrt(running_var) >= sqrt(0.5) instead. The residual block's output
//    is x + IN(...), |x| up to ~8, covered by the relative part.
//  - pad and nearest upsampling: atol 1e-6, rtol 0: pure copies (and
//    zeros), bit-exact in any correct implementation; 1e-6 is about one
//    ulp of the largest values (|x| ~ 8, ulp 9.5e-7), nothing more.
//  - bilinear upsampling: atol 1e-5, rtol 1e-6. With scale 2 the weights
//    (0.25, 0.75) are exact in binary; the f32 products and sum round by a
//    few ulps of |x| <= 8 (ulp(8) ~ 1e-6), and an implementation that
//    computes the source coordinate in f32 for other scales is off by
//    ~1e-7 * |x1 - x0|.
// A plain f32 emulation of these kernels (serial sums in the reference's
// loop order, two-pass f32 statistics) measured max errors of 2e-6 (conv),
// 9e-6 (chains), 2.5e-7 (bilinear) and 0 (pad, nearest) against these
// references. Run with NORMC_PRINT_ERRORS=1 to print the generated kernels'.
//
//===----------------------------------------------------------------------===//
#include "compare.h"
#include "conv_reference.h"
#include "data.h"
#include "halide_call.h"
#if NORMC_TEST_CUDA
#include "cuda_device.h"
#endif
#include "layout.h"
#include "reference.h"

#include "block_dynamic_plane.h"
#include "block_in_relu.h"
#include "block_in_relu_odd.h"
#include "block_in_relu_w40.h"
#include "conv_1x1.h"
#include "conv_5x5_wide.h"
#include "conv_basic.h"
#include "conv_bn_relu.h"
#include "conv_depthwise.h"
#include "conv_dilated.h"
#include "conv_dynamic.h"
#include "conv_gn_silu.h"
#include "conv_gn_materialized.h"
#include "conv_row_bands.h"
#include "conv_stride2_bands.h"
#include "up_conv_bands.h"
#include "block_large_plane.h"
#include "returned_and_reused.h"
#include "conv_grouped.h"
#include "conv_nhwc.h"
#include "conv_nhwc_tiled.h"
#include "block_nhwc.h"
#include "conv_stride_asym.h"
#include "pad_reflect.h"
#include "pad_replicate.h"
#include "pad_zero.h"
#include "residual_block.h"
#include "residual_block_dynamic.h"
#include "residual_stack.h"
#include "up_bilinear.h"
#include "up_block.h"
#include "up_nearest.h"

#include <array>
#include <cmath>
#include <limits>
#include <string>
#include <utility>
#include <vector>

using namespace normc_test;

namespace {

constexpr double kConvAtol = 1e-4, kConvRtol = 1e-4;
constexpr double kChainAtol = 2e-4, kChainRtol = 2e-4;
constexpr double kCopyAtol = 1e-6, kCopyRtol = 0.0;
constexpr double kBilinearAtol = 1e-5, kBilinearRtol = 1e-6;
constexpr double kEps = 1e-5;

std::string shapeName(const Shape &s) {
  std::string out = "(";
  for (size_t i = 0; i < s.size(); ++i)
    out += (i ? "," : "") + std::to_string(s[i]);
  return out + ")";
}

void check(const std::string &what, const std::vector<float> &got,
           const TensorD &ref, double atol, double rtol) {
  auto result = allClose(got, ref.data, ref.shape, atol, rtol);
  reportError(what.c_str(), result);
  EXPECT_TRUE(result) << what;
}

/// One kernel input: float data and its (kernel-side) shape.
struct Arg {
  std::vector<float> data;
  Shape shape;
};

template <typename Kernel, size_t... I>
int invoke(Kernel k, std::vector<HostBuffer> &in, halide_buffer_t *out,
           std::index_sequence<I...>) {
  return callKernel(k, in[I].get()..., out);
}

/// Calls kernel `k` (user_context, inputs..., result) on `args` and returns
/// its result of shape `outShape`, which starts out as NaN.
template <typename... Bufs>
std::vector<float> runKernel(int (*k)(const void *, Bufs...), std::vector<Arg> args,
                             const Shape &outShape) {
  constexpr size_t numInputs = sizeof...(Bufs) - 1;
  EXPECT_EQ(args.size(), numInputs) << "wrong number of kernel arguments";
  std::vector<float> y(numel(outShape), std::numeric_limits<float>::quiet_NaN());
  if (args.size() != numInputs)
    return y;
  std::vector<HostBuffer> in;
  in.reserve(args.size()); // HostBuffer points into itself: never reallocate
  for (Arg &a : args)
    in.emplace_back(a.data, a.shape);
  HostBuffer yb(y, outShape);
  EXPECT_EQ(invoke(k, in, yb.get(), std::make_index_sequence<numInputs>{}), 0);
  return y;
}

/// Input activations: one mean and spread per (n, c) plane.
std::vector<float> activations(const Shape &nchw, uint32_t seed) {
  return randomPlanes(nchw, nchw[2] * nchw[3], 2.0, 1.0, seed);
}

/// PyTorch's default init: U(-1/sqrt(fan_in), 1/sqrt(fan_in)) for the
/// weights [K, C/groups, R, S] and the bias [K].
double fanInBound(const Shape &w) {
  return 1.0 / std::sqrt(static_cast<double>(w[1] * w[2] * w[3]));
}
std::vector<float> convWeights(const Shape &w, uint32_t seed) {
  const double b = fanInBound(w);
  return randomVector(numel(w), -b, b, seed);
}
std::vector<float> convBias(const Shape &w, uint32_t seed) {
  const double b = fanInBound(w);
  return randomVector(w[0], -b, b, seed);
}
std::vector<float> gammas(int64_t c, uint32_t seed) {
  return randomVector(c, 0.5, 2.0, seed);
}
std::vector<float> betas(int64_t c, uint32_t seed) {
  return randomVector(c, -1.0, 1.0, seed);
}

/// A conv kernel with signature (x, w, bias) or (x, w) in NCHW.
template <typename Kernel>
void checkConv(const char *name, Kernel k, const Shape &xs, const Shape &ws,
               bool withBias, std::array<int64_t, 2> strides,
               std::array<int64_t, 4> padding, std::array<int64_t, 2> dilations,
               int64_t groups, uint32_t seed) {
  auto x = activations(xs, seed);
  auto w = convWeights(ws, seed + 1);
  auto b = convBias(ws, seed + 2);
  auto ref = conv2dRef(x, xs, w, ws, withBias ? &b : nullptr, strides, padding,
                       dilations, groups);
  std::vector<Arg> args{{x, xs}, {w, ws}};
  if (withBias)
    args.push_back({b, {ws[0]}});
  check(std::string(name) + " " + shapeName(xs), runKernel(k, args, ref.shape),
        ref, kConvAtol, kConvRtol);
}

} // namespace

// ---- conv2d -------------------------------------------------------------------

TEST(Conv2D, Basic3x3Padding1) {
  checkConv("conv_basic", conv_basic, {1, 3, 9, 11}, {4, 3, 3, 3}, true, {1, 1},
            {1, 1, 1, 1}, {1, 1}, 1, 10);
}

TEST(Conv2D, Stride2AsymmetricPadding) {
  // padding [top 1, left 0, bottom 2, right 1]: output 7x5.
  checkConv("conv_stride_asym", conv_stride_asym, {2, 4, 13, 10}, {6, 4, 3, 3},
            true, {2, 2}, {1, 0, 2, 1}, {1, 1}, 1, 20);
}

TEST(Conv2D, DilatedNoBias) {
  checkConv("conv_dilated", conv_dilated, {1, 5, 12, 12}, {3, 5, 3, 3}, false,
            {1, 1}, {2, 2, 2, 2}, {2, 2}, 1, 30);
}

TEST(Conv2D, Grouped) {
  checkConv("conv_grouped", conv_grouped, {1, 8, 9, 9}, {6, 4, 3, 3}, true,
            {1, 1}, {1, 1, 1, 1}, {1, 1}, 2, 40);
}

TEST(Conv2D, Depthwise) {
  checkConv("conv_depthwise", conv_depthwise, {2, 6, 10, 7}, {6, 1, 3, 3}, true,
            {1, 1}, {1, 1, 1, 1}, {1, 1}, 6, 50);
}

TEST(Conv2D, Pointwise1x1NoBias) {
  checkConv("conv_1x1", conv_1x1, {1, 16, 8, 8}, {8, 16, 1, 1}, false, {1, 1},
            {0, 0, 0, 0}, {1, 1}, 1, 60);
}

TEST(Conv2D, FiveByFiveWidePlane) {
  checkConv("conv_5x5_wide", conv_5x5_wide, {1, 3, 17, 40}, {8, 3, 5, 5}, true,
            {1, 1}, {2, 2, 2, 2}, {1, 1}, 1, 70);
}

TEST(Conv2D, DynamicShapes) {
  // (x shape, K): tiny planes, a single row (every tap of a 3x3 window but
  // the middle row reads the zero padding), and a 16-channel layer.
  const std::pair<Shape, int64_t> cases[] = {
      {{1, 3, 5, 7}, 2}, {{3, 5, 1, 9}, 7}, {{2, 16, 20, 24}, 16}};
  uint32_t seed = 80;
  for (const auto &[xs, K] : cases) {
    checkConv("conv_dynamic", conv_dynamic, xs, {K, xs[1], 3, 3}, true, {1, 1},
              {1, 1, 1, 1}, {1, 1}, 1, seed);
    seed += 3;
  }
}

// Row bands that stage their own input rows (ScheduleConv.cpp): a band
// count that does not divide the rows, stride 2, an upsampled input.
TEST(Conv2D, RowBandsStagingTheirInput) {
  checkConv("conv_row_bands", conv_row_bands, {2, 16, 21, 64}, {16, 16, 3, 3}, true,
            {1, 1}, {1, 1, 1, 1}, {1, 1}, 1, 84);
  checkConv("conv_stride2_bands", conv_stride2_bands, {1, 8, 34, 64}, {8, 8, 3, 3}, true,
            {2, 2}, {1, 1, 1, 1}, {1, 1}, 1, 87);
}

TEST(Conv2D, RowBandsOfAnUpsampledInput) {
  const Shape xs{1, 8, 12, 16}, ws{8, 8, 3, 3};
  auto x = activations(xs, 88);
  auto w = convWeights(ws, 89);
  auto b = convBias(ws, 90);
  auto u = upsampleRef(x, xs, {1, 1, 2, 2}, "nearest");
  auto ref = conv2dRef(u, w, ws, &b, {1, 1}, {1, 1, 1, 1}, {1, 1}, 1);
  check("up_conv_bands " + shapeName(xs),
        runKernel(up_conv_bands, {{x, xs}, {w, ws}, {b, {8}}}, ref.shape), ref, kConvAtol,
        kConvRtol);
}

namespace {
/// A channels-last 3x3 conv (padding 1, bias) against the NCHW reference:
/// x is transposed in, the result transposed back.
template <typename Kernel>
void checkChannelsLastConv(const char *name, Kernel k, const Shape &xs, const Shape &ws,
                           uint32_t seed) {
  auto x = activations(xs, seed);
  auto w = convWeights(ws, seed + 1);
  auto b = convBias(ws, seed + 2);
  auto ref = conv2dRef(x, xs, w, ws, &b, {1, 1}, {1, 1, 1, 1}, {1, 1}, 1);
  auto y = runKernel(k, {{nchwToNhwc(x, xs), nhwcShape(xs)}, {w, ws}, {b, {ws[0]}}},
                     nhwcShape(ref.shape));
  check(std::string(name) + " (channels_last)", nhwcToNchw(y, ref.shape), ref, kConvAtol,
        kConvRtol);
}
} // namespace

// Shapes are NCHW; the kernels take [N, H, W, C].
TEST(Conv2D, ChannelsLast) {
  checkChannelsLastConv("conv_nhwc", conv_nhwc, {1, 3, 9, 11}, {4, 3, 3, 3}, 90);
}

TEST(Conv2D, ChannelsLastRegisterTiles) {
  checkChannelsLastConv("conv_nhwc_tiled", conv_nhwc_tiled, {2, 8, 9, 14}, {16, 8, 3, 3}, 93);
}

TEST(Chains, ChannelsLastConvInstanceNormRelu) {
  const Shape xs{1, 16, 12, 13}, ws{32, 16, 3, 3};
  auto x = activations(xs, 96);
  auto w = convWeights(ws, 97);
  auto b = convBias(ws, 98);
  auto g = gammas(32, 99), be = betas(32, 100);
  auto c = conv2dRef(x, xs, w, ws, &b, {1, 1}, {1, 1, 1, 1}, {1, 1}, 1);
  auto ref = reluD(instanceNormRefD(c, &g, &be, kEps));
  auto y = runKernel(block_nhwc,
                     {{nchwToNhwc(x, xs), nhwcShape(xs)}, {w, ws}, {b, {32}}, {g, {32}},
                      {be, {32}}},
                     nhwcShape(ref.shape));
  check("block_nhwc (channels_last)", nhwcToNchw(y, ref.shape), ref, kChainAtol,
        kChainRtol);
}

// ---- pad ----------------------------------------------------------------------

namespace {
template <typename Kernel>
void checkPad(const char *mode, Kernel k, uint32_t seed) {
  const Shape xs{1, 3, 7, 9}, low{0, 0, 2, 1}, high{0, 0, 1, 2};
  auto x = activations(xs, seed);
  auto ref = padRef(x, xs, low, high, mode);
  check(std::string("pad ") + mode, runKernel(k, {{x, xs}}, ref.shape), ref,
        kCopyAtol, kCopyRtol);
}
} // namespace

TEST(Pad, Reflect) { checkPad("reflect", pad_reflect, 100); }
TEST(Pad, Replicate) { checkPad("replicate", pad_replicate, 101); }
TEST(Pad, Zero) { checkPad("zero", pad_zero, 102); }

// ---- upsample -----------------------------------------------------------------

TEST(Upsample, NearestBy2x3) {
  const Shape xs{1, 3, 5, 7};
  auto x = activations(xs, 110);
  auto ref = upsampleRef(x, xs, {1, 1, 2, 3}, "nearest");
  check("upsample nearest", runKernel(up_nearest, {{x, xs}}, ref.shape), ref,
        kCopyAtol, kCopyRtol);
}

TEST(Upsample, BilinearBy2) {
  const Shape xs{1, 2, 5, 7};
  auto x = activations(xs, 111);
  auto ref = upsampleRef(x, xs, {1, 1, 2, 2}, "bilinear");
  check("upsample bilinear", runKernel(up_bilinear, {{x, xs}}, ref.shape), ref,
        kBilinearAtol, kBilinearRtol);
}

// ---- fused chains -------------------------------------------------------------

namespace {
/// reflect pad 1 -> conv 3x3 (no padding, bias) -> instance norm (affine)
/// -> relu, the kernel's arguments (x, w, b, gamma, beta).
template <typename Kernel>
void checkPadConvInRelu(const char *name, Kernel k, const Shape &xs, uint32_t seed) {
  const int64_t C = xs[1];
  const Shape ws{C, C, 3, 3};
  auto x = activations(xs, seed);
  auto w = convWeights(ws, seed + 1);
  auto b = convBias(ws, seed + 2);
  auto g = gammas(C, seed + 3), be = betas(C, seed + 4);
  auto p = padRef(x, xs, {0, 0, 1, 1}, {0, 0, 1, 1}, "reflect");
  auto c = conv2dRef(p, w, ws, &b, {1, 1}, {0, 0, 0, 0}, {1, 1}, 1);
  auto ref = reluD(instanceNormRefD(c, &g, &be, kEps));
  auto y = runKernel(k, {{x, xs}, {w, ws}, {b, {C}}, {g, {C}}, {be, {C}}}, ref.shape);
  check(std::string(name) + " " + shapeName(xs), y, ref, kChainAtol, kChainRtol);
}
} // namespace

TEST(Chains, ReflectPadConvInstanceNormRelu) {
  checkPadConvInRelu("block_in_relu", block_in_relu, {1, 16, 32, 32}, 200);
}

TEST(Chains, ReflectPadConvInstanceNormReluOddPlanes) {
  checkPadConvInRelu("block_in_relu_odd", block_in_relu_odd, {2, 8, 17, 13}, 210);
}

// Rows of 40: 2.5 AVX-512 vectors, the fused statistics over each scratch
// plane as one run (ScheduleConv.cpp).
TEST(Chains, ReflectPadConvInstanceNormReluPartialVectorRows) {
  checkPadConvInRelu("block_in_relu_w40", block_in_relu_w40, {2, 8, 9, 40}, 215);
}

TEST(Chains, UpsampleConvInstanceNormRelu) {
  const Shape xs{1, 8, 16, 16}, ws{8, 8, 3, 3};
  auto x = activations(xs, 220);
  auto w = convWeights(ws, 221);
  auto b = convBias(ws, 222);
  auto g = gammas(8, 223), be = betas(8, 224);
  auto u = upsampleRef(x, xs, {1, 1, 2, 2}, "nearest");
  auto c = conv2dRef(u, w, ws, &b, {1, 1}, {1, 1, 1, 1}, {1, 1}, 1);
  auto ref = reluD(instanceNormRefD(c, &g, &be, kEps));
  auto y = runKernel(up_block, {{x, xs}, {w, ws}, {b, {8}}, {g, {8}}, {be, {8}}},
                     ref.shape);
  check("up_block " + shapeName(xs), y, ref, kChainAtol, kChainRtol);
}

// A plane too large to fuse: the conv materialized in row bands, then the
// instance norm and ReLU over it.
TEST(Chains, LargePlaneConvMaterialized) {
  const Shape xs{1, 8, 192, 192}, ws{8, 8, 3, 3};
  auto x = activations(xs, 230);
  auto w = convWeights(ws, 231);
  auto b = convBias(ws, 232);
  auto g = gammas(8, 233), be = betas(8, 234);
  auto c = conv2dRef(x, xs, w, ws, &b, {1, 1}, {1, 1, 1, 1}, {1, 1}, 1);
  auto ref = reluD(instanceNormRefD(c, &g, &be, kEps));
  auto y = runKernel(block_large_plane, {{x, xs}, {w, ws}, {b, {8}}, {g, {8}}, {be, {8}}},
                     ref.shape);
  check("block_large_plane " + shapeName(xs), y, ref, kChainAtol, kChainRtol);
}

namespace {
// x + IN2(conv2(pad(relu(IN1(conv1(pad(x))))))), in double end to end.
template <typename Kernel>
void checkResidualBlock(const char *name, Kernel k, const Shape &xs, uint32_t seed) {
  const int64_t C = xs[1];
  const Shape ws{C, C, 3, 3}, ps{C};
  const Shape low{0, 0, 1, 1}, high{0, 0, 1, 1};
  auto x = activations(xs, seed);
  auto w1 = convWeights(ws, seed + 1), b1 = convBias(ws, seed + 2);
  auto g1 = gammas(C, seed + 3), be1 = betas(C, seed + 4);
  auto w2 = convWeights(ws, seed + 5), b2 = convBias(ws, seed + 6);
  auto g2 = gammas(C, seed + 7), be2 = betas(C, seed + 8);

  auto c1 = conv2dRef(padRef(x, xs, low, high, "reflect"), w1, ws, &b1, {1, 1},
                      {0, 0, 0, 0}, {1, 1}, 1);
  auto r1 = reluD(instanceNormRefD(c1, &g1, &be1, kEps));
  auto c2 = conv2dRef(padRef(r1, low, high, "reflect"), w2, ws, &b2, {1, 1},
                      {0, 0, 0, 0}, {1, 1}, 1);
  auto ref = addD(toTensorD(x, xs), instanceNormRefD(c2, &g2, &be2, kEps));
  auto y = runKernel(k,
                     {{x, xs}, {w1, ws}, {b1, ps}, {g1, ps}, {be1, ps},
                      {w2, ws}, {b2, ps}, {g2, ps}, {be2, ps}},
                     ref.shape);
  check(std::string(name) + " " + shapeName(xs), y, ref, kChainAtol, kChainRtol);
}
} // namespace

// A reflect pad -> conv chain on a dynamic plane: the GPU backend's conv
// schedule reads the input at negative channel indices (Halide's bounds
// check stops the call, nothing is corrupted). Found with these tests; to be
// fixed in the GPU backend, so the GPU builds report them skipped.
#ifdef NORMC_TEST_GPU
#define SKIP_DYNAMIC_PLANE_ON_GPU()                                                        \
  GTEST_SKIP() << "known bug of the GPU backend: its reflect-pad conv on a dynamic plane " \
                  "reads before the input's start (the bounds check stops the call)"
#else
#define SKIP_DYNAMIC_PLANE_ON_GPU() (void)0
#endif

// Dynamic planes of one register tile and more, with partial tiles in both
// directions.
TEST(Chains, DynamicPlaneConvInstanceNormRelu) {
  SKIP_DYNAMIC_PLANE_ON_GPU();
  const Shape shapes[] = {{1, 8, 24, 24}, {1, 8, 37, 30}, {1, 8, 33, 61}};
  uint32_t seed = 300;
  for (const Shape &xs : shapes)
    checkPadConvInRelu("block_dynamic_plane", block_dynamic_plane, xs, seed += 5);
}

TEST(Chains, DynamicPlaneResidualBlockComposedSeparately) {
  SKIP_DYNAMIC_PLANE_ON_GPU();
  const Shape shapes[] = {{1, 8, 33, 40}, {1, 8, 26, 29}};
  uint32_t seed = 330;
  for (const Shape &xs : shapes)
    checkResidualBlock("residual_block_dynamic", residual_block_dynamic, xs, seed += 10);
}

// Planes smaller than one tile (the CPU's guarded tails), down to one row
// or column more than the reflection pad needs.
TEST(Chains, DynamicPlaneSmallerThanATile) {
  SKIP_DYNAMIC_PLANE_ON_GPU();
  const Shape shapes[] = {{1, 8, 5, 7}, {1, 8, 2, 50}, {1, 8, 40, 2}};
  uint32_t seed = 360;
  for (const Shape &xs : shapes)
    checkPadConvInRelu("block_dynamic_plane", block_dynamic_plane, xs, seed += 5);
  const Shape blocks[] = {{1, 8, 9, 13}, {1, 8, 2, 3}};
  for (const Shape &xs : blocks)
    checkResidualBlock("residual_block_dynamic", residual_block_dynamic, xs, seed += 10);
}

TEST(Chains, ResidualBlock) {
  checkResidualBlock("residual_block", residual_block, {1, 16, 24, 24}, 230);
}

TEST(Chains, ResidualStackOfSixBlocks) {
  // Six blocks y = y + IN2(conv2(pad(relu(IN1(conv1(pad(y))))))), in double:
  // the fused build compiles the 12 groups as separate pipelines, the first
  // 8 calls as one chunk (halide_gen/HalideGen.cpp).
  const Shape xs{1, 8, 16, 16}, ws{8, 8, 3, 3}, ps{8};
  const Shape low{0, 0, 1, 1}, high{0, 0, 1, 1};
  auto x = activations(xs, 240);
  std::vector<Arg> args = {{x, xs}};
  std::vector<std::vector<float>> params;
  params.reserve(36);
  for (int i = 0; i < 36; ++i) {
    uint32_t seed = 241 + static_cast<uint32_t>(i);
    switch (i % 3) {
    case 0:
      params.push_back(convWeights(ws, seed));
      args.push_back({params.back(), ws});
      break;
    case 1:
      params.push_back(gammas(8, seed));
      args.push_back({params.back(), ps});
      break;
    default:
      params.push_back(betas(8, seed));
      args.push_back({params.back(), ps});
    }
  }
  auto y = toTensorD(x, xs);
  for (int b = 0; b < 6; ++b) {
    auto convIn = [&](const auto &in, int k) {
      const auto &w = params[6 * b + 3 * k], &g = params[6 * b + 3 * k + 1],
                 &be = params[6 * b + 3 * k + 2];
      auto c = conv2dRef(padRef(in, low, high, "reflect"), w, ws, nullptr, {1, 1},
                         {0, 0, 0, 0}, {1, 1}, 1);
      return instanceNormRefD(c, &g, &be, kEps);
    };
    y = addD(y, convIn(reluD(convIn(y, 0)), 1));
  }
  auto out = runKernel(residual_stack, args, y.shape);
  check("residual_stack " + shapeName(xs), out, y, kChainAtol, kChainRtol);
}

TEST(Chains, ConvBatchNormRelu) {
  const Shape xs{2, 8, 12, 12}, ws{12, 8, 3, 3}, ps{12};
  auto x = activations(xs, 240);
  auto w = convWeights(ws, 241);
  auto b = convBias(ws, 242);
  auto m = randomVector(12, -1.0, 1.0, 243), v = randomVector(12, 0.5, 3.0, 244);
  auto g = gammas(12, 245), be = betas(12, 246);
  auto c = conv2dRef(x, xs, w, ws, &b, {1, 1}, {1, 1, 1, 1}, {1, 1}, 1);
  auto ref = reluD(batchNormRefD(c, m, v, &g, &be, kEps));
  auto y = runKernel(conv_bn_relu,
                     {{x, xs}, {w, ws}, {b, ps}, {m, ps}, {v, ps}, {g, ps}, {be, ps}},
                     ref.shape);
  check("conv_bn_relu " + shapeName(xs), y, ref, kChainAtol, kChainRtol);
}

TEST(Chains, ConvGroupNormSilu) {
  const Shape xs{1, 16, 20, 20}, ws{16, 16, 3, 3}, ps{16};
  auto x = activations(xs, 250);
  auto w = convWeights(ws, 251);
  auto b = convBias(ws, 252);
  auto g = gammas(16, 253), be = betas(16, 254);
  auto c = conv2dRef(x, xs, w, ws, &b, {1, 1}, {1, 1, 1, 1}, {1, 1}, 1);
  auto ref = siluD(groupNormRefD(c, 4, &g, &be, kEps));
  auto y = runKernel(conv_gn_silu, {{x, xs}, {w, ws}, {b, ps}, {g, ps}, {be, ps}},
                     ref.shape);
  check("conv_gn_silu " + shapeName(xs), y, ref, kChainAtol, kChainRtol);
}

TEST(Chains, ConvGroupNormGroupsWiderThanTheTile) {
  const Shape xs{1, 8, 10, 24}, ws{12, 8, 3, 3}, ps{12};
  auto x = activations(xs, 255);
  auto w = convWeights(ws, 256);
  auto b = convBias(ws, 257);
  auto g = gammas(12, 258), be = betas(12, 259);
  auto c = conv2dRef(x, xs, w, ws, &b, {1, 1}, {1, 1, 1, 1}, {1, 1}, 1);
  auto ref = groupNormRefD(c, 2, &g, &be, kEps);
  auto y = runKernel(conv_gn_materialized, {{x, xs}, {w, ws}, {b, ps}, {g, ps}, {be, ps}},
                     ref.shape);
  check("conv_gn_materialized " + shapeName(xs), y, ref, kChainAtol, kChainRtol);
}

TEST(Chains, ReturnedValueReadByALaterGroup) {
  // relu(x) is returned and is the input of the conv's group: that group
  // reads the returned buffer. Both results are checked.
  const Shape xs{1, 8, 11, 13}, ws{8, 8, 3, 3};
  auto x = activations(xs, 260);
  auto w = convWeights(ws, 261);
  auto r = reluD(toTensorD(x, xs));
  auto ref = instanceNormRefD(conv2dRef(r, w, ws, nullptr, {1, 1}, {1, 1, 1, 1}, {1, 1}, 1),
                              nullptr, nullptr, kEps);
  std::vector<float> yr(numel(xs), std::numeric_limits<float>::quiet_NaN()), yn = yr;
  HostBuffer xb(x, xs), wb(w, ws), rb(yr, xs), nb(yn, xs);
  ASSERT_EQ(callKernel(returned_and_reused, xb.get(), wb.get(), rb.get(), nb.get()), 0);
  check("returned relu", yr, r, kCopyAtol, kCopyRtol);
  check("conv -> instance norm of the returned relu", yn, ref, kChainAtol, kChainRtol);
}

// ---- the references themselves ----------------------------------------------------
// Hand-computed cases, so that a reference bug cannot pass as a kernel bug.

TEST(ConvReferences, PadModesOnARow) {
  const std::vector<float> x{0, 1, 2, 3};
  const Shape s{1, 4}, low{0, 2}, high{0, 3};
  const auto r = padRef(x, s, low, high, "reflect");
  const auto p = padRef(x, s, low, high, "replicate");
  const auto z = padRef(x, s, low, high, "zero");
  EXPECT_EQ(r.shape, (Shape{1, 9}));
  EXPECT_EQ(r.data, (std::vector<double>{2, 1, 0, 1, 2, 3, 2, 1, 0}));
  EXPECT_EQ(p.data, (std::vector<double>{0, 0, 0, 1, 2, 3, 3, 3, 3}));
  EXPECT_EQ(z.data, (std::vector<double>{0, 0, 0, 1, 2, 3, 0, 0, 0}));
}

TEST(ConvReferences, UpsampleRows) {
  const std::vector<float> x{0, 4, 8};
  const Shape s{1, 3};
  EXPECT_EQ(upsampleRef(x, s, {1, 2}, "nearest").data,
            (std::vector<double>{0, 0, 4, 4, 8, 8}));
  // align_corners=False, scale 2: src = max(j/2 - 0.25, 0).
  EXPECT_EQ(upsampleRef(x, s, {1, 2}, "bilinear").data,
            (std::vector<double>{0, 1, 3, 5, 7, 8}));
  // Separable over both dims: [[0, 4], [8, 12]] x2 in both.
  const auto b2 = upsampleRef(std::vector<float>{0, 4, 8, 12}, {2, 2}, {2, 2}, "bilinear");
  EXPECT_EQ(b2.data, (std::vector<double>{0, 1, 3, 4, 2, 3, 5, 6, 6, 7, 9, 10,
                                          8, 9, 11, 12}));
}

TEST(ConvReferences, ConvSmallCases) {
  // 1x1x3x3 input 1..9, one 3x3 kernel of ones with padding 1: the sums of
  // the 3x3 neighbourhoods (zero outside).
  std::vector<float> x{1, 2, 3, 4, 5, 6, 7, 8, 9}, ones(9, 1.0f), bias{0.5f};
  const auto y = conv2dRef(x, {1, 1, 3, 3}, ones, {1, 1, 3, 3}, &bias, {1, 1},
                           {1, 1, 1, 1}, {1, 1}, 1);
  EXPECT_EQ(y.shape, (Shape{1, 1, 3, 3}));
  EXPECT_EQ(y.data, (std::vector<double>{12.5, 21.5, 16.5, 27.5, 45.5, 33.5,
                                         24.5, 39.5, 28.5}));
  // Stride 2, asymmetric padding [top 1, left 0, bottom 0, right 1], 2x2
  // kernel [[1, 2], [3, 4]]: windows at rows {-1, 0} and {1, 2}, columns
  // {0, 1} and {2, 3}.
  std::vector<float> k{1, 2, 3, 4};
  const auto s = conv2dRef(x, {1, 1, 3, 3}, k, {1, 1, 2, 2}, nullptr, {2, 2},
                           {1, 0, 0, 1}, {1, 1}, 1);
  EXPECT_EQ(s.shape, (Shape{1, 1, 2, 2}));
  EXPECT_EQ(s.data, (std::vector<double>{3 * 1 + 4 * 2, 3 * 3, // row -1 is zero
                                         1 * 4 + 2 * 5 + 3 * 7 + 4 * 8,
                                         1 * 6 + 3 * 9}));
  // Dilation 2, no padding: the four corners.
  const auto d = conv2dRef(x, {1, 1, 3, 3}, k, {1, 1, 2, 2}, nullptr, {1, 1},
                           {0, 0, 0, 0}, {2, 2}, 1);
  EXPECT_EQ(d.shape, (Shape{1, 1, 1, 1}));
  EXPECT_EQ(d.data, (std::vector<double>{1 * 1 + 2 * 3 + 3 * 7 + 4 * 9}));
  // Depthwise, 2 channels, 1x1 kernels {2, -1}: each channel scaled by its own.
  std::vector<float> x2{1, 2, 3, 4}, k2{2, -1};
  const auto dw = conv2dRef(x2, {1, 2, 1, 2}, k2, {2, 1, 1, 1}, nullptr, {1, 1},
                            {0, 0, 0, 0}, {1, 1}, 2);
  EXPECT_EQ(dw.data, (std::vector<double>{2, 4, -3, -4}));
  // Groups 2 with 2 input channels per group and 1 output each: output k
  // sums channels 2k, 2k+1.
  std::vector<float> x4{1, 10, 100, 1000}, k4{1, 2, 3, 4};
  const auto g = conv2dRef(x4, {1, 4, 1, 1}, k4, {2, 2, 1, 1}, nullptr, {1, 1},
                           {0, 0, 0, 0}, {1, 1}, 2);
  EXPECT_EQ(g.data, (std::vector<double>{1 * 1 + 2 * 10, 3 * 100 + 4 * 1000}));
}

TEST(ConvReferences, DoubleNormsMatchTheFloatReferences) {
  // On float-representable data the double stages equal reference.h's.
  const Shape s{2, 6, 5, 7};
  auto x = activations(s, 300);
  auto g = gammas(6, 301), b = betas(6, 302);
  auto m = randomVector(6, -1, 1, 303), v = randomVector(6, 0.5, 3, 304);
  const auto xd = toTensorD(x, s);
  auto near = [](const std::vector<double> &a, const std::vector<double> &b) {
    ASSERT_EQ(a.size(), b.size());
    for (size_t i = 0; i < a.size(); ++i)
      ASSERT_NEAR(a[i], b[i], 1e-12) << "at " << i;
  };
  near(instanceNormRefD(xd, &g, &b, kEps).data, instanceNormRef(x, s, &g, &b, kEps));
  near(groupNormRefD(xd, 3, &g, &b, kEps).data, groupNormRef(x, s, 3, &g, &b, kEps));
  near(batchNormRefD(xd, m, v, &g, &b, kEps).data, batchNormRef(x, s, m, v, &g, &b, kEps));
}
