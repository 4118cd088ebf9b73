//===- runtime_e2e_test.cpp - normrt calling real normc kernels -----------===//
//
// The kernels are compiled by normc at build time; every call goes through
// normrt_kernel_call, so these tests cover validation, Halide error routing
// and strided tensors on real generated code.
//
//===----------------------------------------------------------------------===//
#include "compare.h"
#include "reference.h"

#include "gn4_dynamic.h"
#include "gn_rows13.h"
#include "half.h"
#include "in_f16_e2e.h"
#include "in_rows13.h"
#include "instance_norm_relu.h"
#include "ln_rows13.h"
#include "normrt.h"
#include "normrt_view.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <functional>
#include <string>
#include <time.h>

using namespace normc_test;

namespace {

const normrt_kernel_t kStatic = NORMRT_KERNEL(instance_norm_relu);
const normrt_kernel_t kDynamic = NORMRT_KERNEL(gn4_dynamic);

struct GnCase {
  Shape shape;
  std::vector<float> x, g, b, y;
  explicit GnCase(Shape s) : shape(std::move(s)) {
    x = randomPlanes(shape, numel(shape) / shape[0] / 4, 1.0, 2.0, 5);
    g = randomVector(shape[1], 0.5, 1.5, 6);
    b = randomVector(shape[1], -1, 1, 7);
    y.assign(x.size(), -1.0f);
  }
};

std::string shapeString(const Shape &s) {
  std::string text;
  for (int64_t e : s)
    text += (text.empty() ? "" : "x") + std::to_string(e);
  return text;
}

normrt_status_t callGn(GnCase &c, const Shape &gShape, const Shape &yShape) {
  normrt_tensor_t tx = tensorOf(c.x, c.shape), tg = tensorOf(c.g, gShape),
                  tb = tensorOf(c.b, {c.shape[1]}), ty = tensorOf(c.y, yShape);
  const normrt_tensor_t *args[] = {&tx, &tg, &tb, &ty};
  return normrt_kernel_call(&kDynamic, args, 4);
}

} // namespace

TEST(RuntimeE2E, StaticKernelMatchesReference) {
  Shape s{2, 16, 64, 64};
  auto x = randomPlanes(s, 4096, 3.0, 1.0, 1);
  auto g = randomVector(16, 0.5, 1.5, 2), b = randomVector(16, -1, 1, 3);
  std::vector<float> y(x.size());
  normrt_tensor_t tx = tensorOf(x, s), tg = tensorOf(g, {16}),
                  tb = tensorOf(b, {16}), ty = tensorOf(y, s);
  const normrt_tensor_t *args[] = {&tx, &tg, &tb, &ty};
  ASSERT_EQ(normrt_kernel_call(&kStatic, args, 4), NORMRT_STATUS_OK)
      << normrt_last_error();
  auto ref = instanceNormRef(x, s, &g, &b, 1e-5);
  for (double &v : ref)
    v = v > 0 ? v : 0;
  EXPECT_TRUE(allClose(y, ref, s, 2e-5, 2e-5));
}

TEST(RuntimeE2E, DynamicKernelAcceptsSeveralShapes) {
  for (const Shape &s : {Shape{1, 4, 1, 1}, Shape{2, 8, 7, 13}, Shape{1, 32, 64, 64}}) {
    GnCase c(s);
    ASSERT_EQ(callGn(c, {s[1]}, s), NORMRT_STATUS_OK) << normrt_last_error();
    EXPECT_TRUE(allClose(c.y, groupNormRef(c.x, s, 4, &c.g, &c.b, 1e-5), s,
                         2e-5, 2e-5));
  }
}

TEST(RuntimeE2E, StaticExtentMismatchIsRejectedBeforeTheCall) {
  Shape s{2, 16, 64, 63};
  std::vector<float> x(numel(s)), y(numel(s)), g(16), b(16);
  normrt_tensor_t tx = tensorOf(x, s), tg = tensorOf(g, {16}),
                  tb = tensorOf(b, {16}), ty = tensorOf(y, s);
  const normrt_tensor_t *args[] = {&tx, &tg, &tb, &ty};
  EXPECT_EQ(normrt_kernel_call(&kStatic, args, 4), NORMRT_STATUS_SHAPE_MISMATCH);
  EXPECT_NE(std::string(normrt_last_error()).find("argument 'x' dim 3"),
            std::string::npos)
      << normrt_last_error();
}

TEST(RuntimeE2E, DynamicGammaLengthMismatchIsFoundByTheBoundsQuery) {
  // normrt asks the kernel (Halide's bounds query) which region of each
  // tensor a call would touch before making it: this holds even for a kernel
  // built without its own checks.
  GnCase c({1, 8, 4, 4});
  EXPECT_EQ(callGn(c, {7}, c.shape), NORMRT_STATUS_SHAPE_MISMATCH);
  std::string msg = normrt_last_error();
  EXPECT_NE(msg.find("kernel 'gn4_dynamic' argument 'gamma' (args[1]) dim 0: the kernel "
                     "would read indices 0..7, the tensor has extent 7"),
            std::string::npos)
      << msg;
  EXPECT_TRUE(std::all_of(c.y.begin(), c.y.end(), [](float v) { return v == -1.0f; }))
      << "output written";
}

TEST(RuntimeE2E, EmptyTensorsReturnOkWithoutTouchingMemory) {
  // N = 0, H = 0, W = 0 and C = 0 (with gamma and beta of length 0): valid
  // calls with nothing to compute.
  for (const Shape &s : {Shape{0, 8, 4, 4}, Shape{2, 8, 0, 4}, Shape{2, 8, 4, 0},
                         Shape{2, 0, 4, 4}}) {
    std::vector<float> x(8, 1.0f), g(8, 1.0f), b(8, 0.0f), y(8, -1.0f);
    normrt_tensor_t tx = tensorOf(x, s), tg = tensorOf(g, {s[1]}), tb = tensorOf(b, {s[1]}),
                    ty = tensorOf(y, s);
    const normrt_tensor_t *args[] = {&tx, &tg, &tb, &ty};
    EXPECT_EQ(normrt_kernel_call(&kDynamic, args, 4), NORMRT_STATUS_OK)
        << shapeString(s) << ": " << normrt_last_error();
    EXPECT_TRUE(std::all_of(y.begin(), y.end(), [](float v) { return v == -1.0f; }))
        << shapeString(s) << ": memory touched";
  }
}

TEST(RuntimeE2E, InPlaceAndOverlappingOutputsAreRejected) {
  GnCase c({2, 8, 4, 4});
  normrt_tensor_t tx = tensorOf(c.x, c.shape), tg = tensorOf(c.g, {8}), tb = tensorOf(c.b, {8});
  const std::vector<float> before = c.x;
  // y is x.
  normrt_tensor_t ty = tensorOf(c.x, c.shape);
  const normrt_tensor_t *args[] = {&tx, &tg, &tb, &ty};
  EXPECT_EQ(normrt_kernel_call(&kDynamic, args, 4), NORMRT_STATUS_ALIASED);
  EXPECT_NE(std::string(normrt_last_error()).find("output 'y' (args[3]) overlaps argument 'x'"),
            std::string::npos)
      << normrt_last_error();
  // gamma lies inside y.
  std::vector<float> y(c.x.size() + 8);
  ty = tensorOf(y, c.shape);
  normrt_tensor_t inside;
  const int64_t extent = 8;
  ASSERT_EQ(normrt_tensor_init(&inside, y.data() + 16, NORMRT_DTYPE_F32, 1, &extent, nullptr),
            NORMRT_STATUS_OK);
  const normrt_tensor_t *gammaInY[] = {&tx, &inside, &tb, &ty};
  EXPECT_EQ(normrt_kernel_call(&kDynamic, gammaInY, 4), NORMRT_STATUS_ALIASED);
  EXPECT_NE(std::string(normrt_last_error()).find("overlaps argument 'gamma'"), std::string::npos)
      << normrt_last_error();
  // A zero batch stride on y: both batches would land on the same memory.
  const int64_t zeroBatch[4] = {0, 16, 4, 1};
  ASSERT_EQ(normrt_tensor_init(&ty, y.data(), NORMRT_DTYPE_F32, 4, c.shape.data(), zeroBatch),
            NORMRT_STATUS_OK);
  EXPECT_EQ(normrt_kernel_call(&kDynamic, args, 4), NORMRT_STATUS_ALIASED);
  EXPECT_NE(std::string(normrt_last_error()).find("map several elements to one address"),
            std::string::npos)
      << normrt_last_error();
  EXPECT_EQ(c.x, before) << "input modified";
  // Inputs may share memory: x used as gamma's storage is only read.
  std::vector<float> out(c.x.size());
  normrt_tensor_t tout = tensorOf(out, c.shape), gFromX;
  ASSERT_EQ(normrt_tensor_init(&gFromX, c.x.data(), NORMRT_DTYPE_F32, 1, &extent, nullptr),
            NORMRT_STATUS_OK);
  const normrt_tensor_t *shared[] = {&tx, &gFromX, &tb, &tout};
  EXPECT_EQ(normrt_kernel_call(&kDynamic, shared, 4), NORMRT_STATUS_OK) << normrt_last_error();
}

TEST(RuntimeE2E, OutputShapeMismatchIsReported) {
  GnCase c({1, 8, 4, 4});
  c.y.resize(8 * 4 * 3);
  // The kernel computes y over x's plane (4 wide): the bounds query says it
  // would write one column past y's extent.
  EXPECT_EQ(callGn(c, {8}, {1, 8, 4, 3}), NORMRT_STATUS_SHAPE_MISMATCH);
  EXPECT_NE(std::string(normrt_last_error())
                .find("argument 'y' (args[3]) dim 3: the kernel would write indices 0..3, "
                      "the tensor has extent 3"),
            std::string::npos)
      << normrt_last_error();
}

TEST(RuntimeE2E, ChannelsNotDivisibleByGroupsIsReported) {
  GnCase c({1, 6, 4, 4});
  EXPECT_EQ(callGn(c, {6}, c.shape), NORMRT_STATUS_SHAPE_MISMATCH);
  EXPECT_NE(std::string(normrt_last_error()).find("groups = 4 must divide"),
            std::string::npos)
      << normrt_last_error();
}

TEST(RuntimeE2E, WrongDtypeIsRejected) {
  GnCase c({1, 8, 4, 4});
  normrt_tensor_t tx = tensorOf(c.x, c.shape), tg = tensorOf(c.g, {8}),
                  tb = tensorOf(c.b, {8}), ty = tensorOf(c.y, c.shape);
  tx.dtype = NORMRT_DTYPE_F16;
  const normrt_tensor_t *args[] = {&tx, &tg, &tb, &ty};
  EXPECT_EQ(normrt_kernel_call(&kDynamic, args, 4), NORMRT_STATUS_DTYPE_MISMATCH);
  EXPECT_NE(std::string(normrt_last_error()).find("expected f32, got f16"),
            std::string::npos)
      << normrt_last_error();
}

TEST(RuntimeE2E, StridedInputIsNormalizedCorrectly) {
  // x lives inside a wider row buffer (row stride 10 for W = 7): a view, not
  // a dense tensor. The kernel must read through the strides.
  const Shape s{1, 4, 5, 7};
  std::vector<float> storage(1 * 4 * 5 * 10);
  auto dense = randomPlanes(s, 35, 2.0, 1.0, 9);
  for (int64_t c = 0; c < 4; ++c)
    for (int64_t h = 0; h < 5; ++h)
      for (int64_t w = 0; w < 7; ++w)
        storage[(c * 5 + h) * 10 + w] = dense[(c * 5 + h) * 7 + w];
  const int64_t strides[4] = {200, 50, 10, 1};
  auto g = randomVector(4, 0.5, 1.5, 10), b = randomVector(4, -1, 1, 11);
  std::vector<float> y(numel(s));
  normrt_tensor_t tx = tensorOf(storage, s, strides), tg = tensorOf(g, {4}),
                  tb = tensorOf(b, {4}), ty = tensorOf(y, s);
  const normrt_tensor_t *args[] = {&tx, &tg, &tb, &ty};
  ASSERT_EQ(normrt_kernel_call(&kDynamic, args, 4), NORMRT_STATUS_OK)
      << normrt_last_error();
  EXPECT_TRUE(allClose(y, groupNormRef(dense, s, 4, &g, &b, 1e-5), s, 2e-5, 2e-5));
}

namespace {

/// Element strides of an NCHW tensor whose rows are `rowStride` elements
/// apart (the rest dense on top of that).
std::array<int64_t, 4> rowStrided(const Shape &s, int64_t rowStride) {
  return {s[1] * s[2] * rowStride, s[2] * rowStride, rowStride, 1};
}

/// `dense` (NCHW, dense) copied into storage with rows `rowStride` apart;
/// the gaps hold NaN, which a kernel reading them would spread.
std::vector<float> spreadRows(const std::vector<float> &dense, const Shape &s,
                              int64_t rowStride) {
  std::vector<float> out(numel(s) / s[3] * rowStride, NAN);
  for (int64_t row = 0; row < numel(s) / s[3]; ++row)
    std::copy_n(dense.begin() + row * s[3], s[3], out.begin() + row * rowStride);
  return out;
}

std::vector<float> gatherRows(const std::vector<float> &spread, const Shape &s,
                              int64_t rowStride) {
  std::vector<float> out(numel(s));
  for (int64_t row = 0; row < numel(s) / s[3]; ++row)
    std::copy_n(spread.begin() + row * rowStride, s[3], out.begin() + row * s[3]);
  return out;
}

/// Calls `kernel` (x, gamma, beta -> y, all f32, x and y of shape `s`,
/// gamma and beta of `paramShape`) with x and y dense, x with padded rows,
/// and y with padded rows, and compares each result with `ref`.
void checkRowLayouts(const normrt_kernel_t &kernel, const Shape &s, const Shape &paramShape,
                     const std::function<std::vector<double>(const std::vector<float> &,
                                                             const std::vector<float> &,
                                                             const std::vector<float> &)> &ref) {
  // Mean 50, std 2: the statistics must be computed around the data.
  auto x = randomPlanes(s, numel(s) / (s[0] * s[1]), 50.0, 2.0, 21);
  auto g = randomVector(numel(paramShape), 0.5, 1.5, 22);
  auto b = randomVector(numel(paramShape), -1, 1, 23);
  const std::vector<double> expected = ref(x, g, b);
  const int64_t padded = s[3] + 3;
  const auto strides = rowStrided(s, padded);
  for (int layout = 0; layout < 3; ++layout) {
    SCOPED_TRACE(layout == 0 ? "dense" : layout == 1 ? "x rows padded" : "y rows padded");
    std::vector<float> xs = layout == 1 ? spreadRows(x, s, padded) : x;
    std::vector<float> ys(layout == 2 ? numel(s) / s[3] * padded : numel(s), -1.0f);
    normrt_tensor_t tx = tensorOf(xs, s, layout == 1 ? strides.data() : nullptr),
                    tg = tensorOf(g, paramShape), tb = tensorOf(b, paramShape),
                    ty = tensorOf(ys, s, layout == 2 ? strides.data() : nullptr);
    const normrt_tensor_t *args[] = {&tx, &tg, &tb, &ty};
    ASSERT_EQ(normrt_kernel_call(&kernel, args, 4), NORMRT_STATUS_OK) << normrt_last_error();
    std::vector<float> y = layout == 2 ? gatherRows(ys, s, padded) : ys;
    // f32 sums of 91..273 deviations of std 2 around a mean of 50: errors
    // of a few 1e-7 relative to |y| <= ~4; 2e-5 leaves room for the
    // rsqrt and the affine step without hiding a wrong or skipped element.
    EXPECT_TRUE(allClose(y, expected, s, 2e-5, 2e-5));
    if (layout == 2)
      for (int64_t row = 0; row < numel(s) / s[3]; ++row)
        for (int64_t w = s[3]; w < padded; ++w)
          ASSERT_EQ(ys[row * padded + w], -1.0f) << "gap of row " << row << " written";
  }
}

} // namespace

TEST(RuntimeE2E, StaticPlanesWithPartialVectorRowsInEveryLayout) {
  const Shape s{2, 3, 7, 13};
  checkRowLayouts(NORMRT_KERNEL(in_rows13), s, {3}, [&](auto &x, auto &g, auto &b) {
    return instanceNormRef(x, s, &g, &b, 1e-5);
  });
}

TEST(RuntimeE2E, StaticGroupNormWithPartialVectorRowsInEveryLayout) {
  const Shape s{2, 8, 7, 13};
  checkRowLayouts(NORMRT_KERNEL(gn_rows13), s, {8}, [&](auto &x, auto &g, auto &b) {
    return groupNormRef(x, s, 4, &g, &b, 1e-5);
  });
}

TEST(RuntimeE2E, StaticLayerNormWithPartialVectorRowsInEveryLayout) {
  const Shape s{2, 3, 7, 13};
  checkRowLayouts(NORMRT_KERNEL(ln_rows13), s, {3, 7, 13}, [&](auto &x, auto &g, auto &b) {
    return layerNormRef(x, s, 1, &g, &b, 1e-5);
  });
}

TEST(RuntimeE2E, NonUnitInnermostStrideIsRejected) {
  GnCase c({1, 8, 4, 4});
  const int64_t strides[4] = {256, 32, 8, 2};
  std::vector<float> wide(256);
  normrt_tensor_t tx = tensorOf(wide, c.shape, strides), tg = tensorOf(c.g, {8}),
                  tb = tensorOf(c.b, {8}), ty = tensorOf(c.y, c.shape);
  const normrt_tensor_t *args[] = {&tx, &tg, &tb, &ty};
  EXPECT_EQ(normrt_kernel_call(&kDynamic, args, 4), NORMRT_STATUS_INVALID_ARGUMENT);
}

TEST(RuntimeE2E, WrongArgumentCountIsRejected) {
  GnCase c({1, 8, 4, 4});
  normrt_tensor_t tx = tensorOf(c.x, c.shape);
  const normrt_tensor_t *args[] = {&tx};
  EXPECT_EQ(normrt_kernel_call(&kDynamic, args, 1), NORMRT_STATUS_INVALID_ARGUMENT);
  EXPECT_NE(std::string(normrt_last_error()).find("gn4_dynamic"), std::string::npos);
}

TEST(RuntimeE2E, F16TensorsThroughTheRuntime) {
  const Shape s{2, 3, 16, 16};
  auto xf = randomPlanes(s, 256, 500.0, 20.0, 12);
  auto x = encode(xf, toF16);
  std::vector<uint16_t> y(x.size(), 0);
  normrt_tensor_t tx, ty;
  ASSERT_EQ(normrt_tensor_init(&tx, x.data(), NORMRT_DTYPE_F16, 4, s.data(), nullptr),
            NORMRT_STATUS_OK);
  ASSERT_EQ(normrt_tensor_init(&ty, y.data(), NORMRT_DTYPE_F16, 4, s.data(), nullptr),
            NORMRT_STATUS_OK);
  const normrt_kernel_t k = NORMRT_KERNEL(in_f16_e2e);
  const normrt_tensor_t *args[] = {&tx, &ty};
  ASSERT_EQ(normrt_kernel_call(&k, args, 2), NORMRT_STATUS_OK) << normrt_last_error();
  // One f16 output step (2^-11 relative) on values up to ~4.
  EXPECT_TRUE(allClose(decode(y, fromF16),
                       instanceNormRef(decode(x, fromF16), s, nullptr, nullptr, 1e-5), s,
                       4e-3, 1e-3));
  // An f32 tensor where the kernel stores f16 is a dtype error.
  std::vector<float> wrong(x.size());
  normrt_tensor_t tw = tensorOf(wrong, s);
  const normrt_tensor_t *bad[] = {&tw, &ty};
  EXPECT_EQ(normrt_kernel_call(&k, bad, 2), NORMRT_STATUS_DTYPE_MISMATCH);
  EXPECT_NE(std::string(normrt_last_error()).find("expected f16, got f32"),
            std::string::npos)
      << normrt_last_error();
}

namespace {
/// Process CPU time / wall time over `calls` calls of the (1,64,256,256)
/// group norm (16 MiB of f32 in, 16 MiB out).
double cpuPerWall(GnCase &c, int calls) {
  timespec cpu0, cpu1, wall0, wall1;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &cpu0);
  clock_gettime(CLOCK_MONOTONIC, &wall0);
  for (int i = 0; i < calls; ++i)
    EXPECT_EQ(callGn(c, {c.shape[1]}, c.shape), NORMRT_STATUS_OK) << normrt_last_error();
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &cpu1);
  clock_gettime(CLOCK_MONOTONIC, &wall1);
  auto seconds = [](const timespec &a, const timespec &b) {
    return static_cast<double>(b.tv_sec - a.tv_sec) + 1e-9 * static_cast<double>(b.tv_nsec - a.tv_nsec);
  };
  return seconds(cpu0, cpu1) / seconds(wall0, wall1);
}
} // namespace

// One thread asked for is one thread used, even after Halide's pool has
// started: process CPU time / wall time over the calls stays near 1 (it was
// ~1.97 on 2 cores when only Halide's pool size was set). Not a timing
// threshold: the ratio is independent of how fast the machine is; 1.3
// leaves room for the test harness and the kernel's own thread starting to
// sleep, and is far below the 2 of two busy cores.
TEST(RuntimeE2E, OneThreadMeansOneThread) {
  GnCase c({1, 64, 256, 256});
  ASSERT_EQ(normrt_set_num_threads(0), NORMRT_STATUS_OK);
  for (int i = 0; i < 3; ++i) // the pool is up and has worked
    ASSERT_EQ(callGn(c, {64}, c.shape), NORMRT_STATUS_OK) << normrt_last_error();
  ASSERT_EQ(normrt_set_num_threads(1), NORMRT_STATUS_OK);
  double ratio = cpuPerWall(c, 40);
  EXPECT_LT(ratio, 1.3) << "CPU time / wall time with one thread";
  // Still correct on one thread.
  EXPECT_TRUE(allClose(c.y, groupNormRef(c.x, c.shape, 4, &c.g, &c.b, 1e-5), c.shape,
                       2e-5, 2e-5));
  ASSERT_EQ(normrt_set_num_threads(0), NORMRT_STATUS_OK);
  // Back on the pool: also still correct.
  std::fill(c.y.begin(), c.y.end(), -1.0f);
  ASSERT_EQ(callGn(c, {64}, c.shape), NORMRT_STATUS_OK) << normrt_last_error();
  EXPECT_TRUE(allClose(c.y, groupNormRef(c.x, c.shape, 4, &c.g, &c.b, 1e-5), c.shape,
                       2e-5, 2e-5));
}

TEST(RuntimeE2E, NegativeThreadCountIsRejected) {
  EXPECT_EQ(normrt_set_num_threads(-1), NORMRT_STATUS_INVALID_ARGUMENT);
  EXPECT_NE(std::string(normrt_last_error()).find("negative"), std::string::npos);
}
