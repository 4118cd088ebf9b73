// libnormrt's device API (normrt_device.h) through OpenCL: PoCL runs the
// kernels on the CPU in CI, so allocation, copies, kernel calls on device
// tensors, host tensors given to a GPU kernel, and every error path run on
// every CI machine. The numerics are checked against the double reference
// of test/common (same tolerances as the CPU numerics suite: 2e-5 absolute
// and relative, f32 rounding of a two-pass normalization).
#include <gtest/gtest.h>

#include <vector>

#include "compare.h"
#include "data.h"
#include "normrt.h"
#include "reference.h"

#include "dev_in.h"   // host-opencl
#include "dev_relu.h" // the host CPU

using namespace normc_test;

namespace {

constexpr double kAtol = 2e-5, kRtol = 2e-5;
const normrt_kernel_t kIn = NORMRT_KERNEL(dev_in);
const normrt_kernel_t kRelu = NORMRT_KERNEL(dev_relu);

/// A device tensor freed at scope exit.
struct DeviceTensor {
  normrt_device_tensor_t *t = nullptr;
  ~DeviceTensor() { normrt_device_tensor_free(t); }
};

normrt_tensor_t hostView(std::vector<float> &v, const Shape &s) {
  normrt_tensor_t t;
  EXPECT_EQ(normrt_tensor_init(&t, v.data(), NORMRT_DTYPE_F32, static_cast<int32_t>(s.size()),
                               s.data(), nullptr),
            NORMRT_STATUS_OK);
  return t;
}

void create(DeviceTensor &d, const Shape &s) {
  ASSERT_EQ(normrt_device_tensor_create(NORMRT_DEVICE_OPENCL, NORMRT_DTYPE_F32,
                                        static_cast<int32_t>(s.size()), s.data(), &d.t),
            NORMRT_STATUS_OK)
      << normrt_last_error();
}

void upload(DeviceTensor &d, std::vector<float> &v, const Shape &s) {
  normrt_tensor_t h = hostView(v, s);
  ASSERT_EQ(normrt_device_copy_from_host(d.t, &h), NORMRT_STATUS_OK) << normrt_last_error();
}

std::vector<float> download(DeviceTensor &d, const Shape &s) {
  std::vector<float> v(numel(s), -999.0f);
  normrt_tensor_t h = hostView(v, s);
  EXPECT_EQ(normrt_device_copy_to_host(d.t, &h), NORMRT_STATUS_OK) << normrt_last_error();
  return v;
}

void expectClose(const char *what, const std::vector<float> &got, const std::vector<double> &ref,
                 const Shape &s) {
  auto result = allClose(got, ref, s, kAtol, kRtol);
  reportError(what, result);
  EXPECT_TRUE(result) << what;
}

} // namespace

TEST(Device, OnlyTheLinkedApisAreAvailable) {
  EXPECT_EQ(normrt_device_api_linked(NORMRT_DEVICE_OPENCL), 1);
  EXPECT_EQ(normrt_device_api_linked(NORMRT_DEVICE_CUDA), 0);
  const Shape s{4};
  normrt_device_tensor_t *t = nullptr;
  EXPECT_EQ(normrt_device_tensor_create(NORMRT_DEVICE_CUDA, NORMRT_DTYPE_F32, 1, s.data(), &t),
            NORMRT_STATUS_UNSUPPORTED);
  EXPECT_EQ(t, nullptr);
  EXPECT_NE(std::string(normrt_last_error()).find("no cuda support"), std::string::npos)
      << normrt_last_error();
  EXPECT_STREQ(normrt_status_string(NORMRT_STATUS_UNSUPPORTED), "unsupported");
  EXPECT_STREQ(normrt_device_api_name(NORMRT_DEVICE_OPENCL), "opencl");
}

TEST(Device, CopiesRoundTripAndDescribe) {
  const Shape s{2, 3, 5, 7};
  auto x = randomPlanes(s, 35, 3.0, 2.0, 11);
  DeviceTensor d;
  create(d, s);
  upload(d, x, s);
  EXPECT_EQ(download(d, s), x);
  normrt_device_api_t api;
  normrt_dtype_t dtype;
  int32_t rank;
  int64_t shape[NORMRT_MAX_RANK];
  ASSERT_EQ(normrt_device_tensor_describe(d.t, &api, &dtype, &rank, shape), NORMRT_STATUS_OK);
  EXPECT_EQ(api, NORMRT_DEVICE_OPENCL);
  EXPECT_EQ(dtype, NORMRT_DTYPE_F32);
  ASSERT_EQ(rank, 4);
  EXPECT_EQ(Shape(shape, shape + 4), s);
}

TEST(Device, KernelOnDeviceTensorsAndChained) {
  const Shape s{2, 3, 9, 11}, p{3};
  auto x = randomPlanes(s, 99, 50.0, 4.0, 21);
  auto g = randomVector(3, 0.5, 2.0, 22), b = randomVector(3, -1.0, 1.0, 23);
  DeviceTensor dx, dg, db, dy, dz;
  create(dx, s);
  create(dg, p);
  create(db, p);
  create(dy, s);
  create(dz, s);
  upload(dx, x, s);
  upload(dg, g, p);
  upload(db, b, p);
  normrt_device_tensor_t *first[] = {dx.t, dg.t, db.t, dy.t};
  ASSERT_EQ(normrt_kernel_call_device(&kIn, first, 4), NORMRT_STATUS_OK) << normrt_last_error();
  // The second call reads the first one's output where it is, on the device.
  normrt_device_tensor_t *second[] = {dy.t, dg.t, db.t, dz.t};
  ASSERT_EQ(normrt_kernel_call_device(&kIn, second, 4), NORMRT_STATUS_OK) << normrt_last_error();
  ASSERT_EQ(normrt_device_synchronize(NORMRT_DEVICE_OPENCL), NORMRT_STATUS_OK) << normrt_last_error();
  auto y = download(dy, s), z = download(dz, s);
  expectClose("device instance norm", y, instanceNormRef(x, s, &g, &b, 1e-5), s);
  expectClose("device instance norm of its output", z, instanceNormRef(y, s, &g, &b, 1e-5), s);
}

TEST(Device, HostTensorsThroughAGpuKernel) {
  const Shape s{1, 2, 16, 16}, p{2};
  auto x = randomPlanes(s, 256, -7.0, 0.5, 31);
  auto g = randomVector(2, 0.5, 2.0, 32), b = randomVector(2, -1.0, 1.0, 33);
  std::vector<float> y(numel(s), -999.0f);
  normrt_tensor_t hx = hostView(x, s), hg = hostView(g, p), hb = hostView(b, p),
                  hy = hostView(y, s);
  const normrt_tensor_t *args[] = {&hx, &hg, &hb, &hy};
  // Twice: the second call must see new input data, not a stale device copy.
  ASSERT_EQ(normrt_kernel_call(&kIn, args, 4), NORMRT_STATUS_OK) << normrt_last_error();
  expectClose("host tensors, first call", y, instanceNormRef(x, s, &g, &b, 1e-5), s);
  for (float &v : x)
    v = 2.0f * v + 1.0f;
  ASSERT_EQ(normrt_kernel_call(&kIn, args, 4), NORMRT_STATUS_OK) << normrt_last_error();
  expectClose("host tensors, second call", y, instanceNormRef(x, s, &g, &b, 1e-5), s);
}

TEST(Device, ErrorsLeaveTensorsAlone) {
  const Shape s{2, 3, 5, 7}, wrong{2, 3, 5, 6}, p{3};
  DeviceTensor dx, dg, db, dy, dw;
  create(dx, s);
  create(dg, p);
  create(db, p);
  create(dy, s);
  create(dw, wrong);
  auto x = randomPlanes(s, 35, 0.0, 1.0, 41);
  upload(dx, x, s);
  upload(dy, x, s);

  // Shape mismatch between arguments: the kernel's own requirement.
  normrt_device_tensor_t *mismatched[] = {dx.t, dg.t, db.t, dw.t};
  EXPECT_EQ(normrt_kernel_call_device(&kIn, mismatched, 4), NORMRT_STATUS_SHAPE_MISMATCH);
  // Wrong count, NULL tensor.
  normrt_device_tensor_t *withNull[] = {dx.t, nullptr, db.t, dy.t};
  EXPECT_EQ(normrt_kernel_call_device(&kIn, withNull, 4), NORMRT_STATUS_INVALID_ARGUMENT);
  EXPECT_EQ(normrt_kernel_call_device(&kIn, mismatched, 3), NORMRT_STATUS_INVALID_ARGUMENT);
  // A CPU kernel cannot take device tensors; nothing ran, so y is untouched.
  normrt_device_tensor_t *relu[] = {dx.t, dy.t};
  EXPECT_EQ(normrt_kernel_call_device(&kRelu, relu, 2), NORMRT_STATUS_INCOMPATIBLE_DEVICE);
  EXPECT_NE(std::string(normrt_last_error()).find("the kernel runs on the host"),
            std::string::npos)
      << normrt_last_error();
  EXPECT_EQ(download(dy, s), x);

  // Copies: shape, dtype, contiguity.
  std::vector<float> small(numel(wrong));
  normrt_tensor_t hw = hostView(small, wrong);
  EXPECT_EQ(normrt_device_copy_from_host(dx.t, &hw), NORMRT_STATUS_SHAPE_MISMATCH);
  std::vector<float> big(numel(s));
  normrt_tensor_t hi = hostView(big, s);
  hi.dtype = NORMRT_DTYPE_I32;
  EXPECT_EQ(normrt_device_copy_to_host(dx.t, &hi), NORMRT_STATUS_DTYPE_MISMATCH);
  normrt_tensor_t strided = hostView(big, s);
  std::swap(strided.strides[2], strided.strides[3]);
  EXPECT_EQ(normrt_device_copy_to_host(dx.t, &strided), NORMRT_STATUS_INVALID_ARGUMENT);
  EXPECT_EQ(normrt_device_copy_to_host(nullptr, &hi), NORMRT_STATUS_INVALID_ARGUMENT);

  // Creation arguments.
  normrt_device_tensor_t *t = nullptr;
  const Shape zero{0, 3};
  EXPECT_EQ(normrt_device_tensor_create(NORMRT_DEVICE_OPENCL, NORMRT_DTYPE_F32, 2, zero.data(), &t),
            NORMRT_STATUS_INVALID_ARGUMENT);
  EXPECT_EQ(normrt_device_tensor_create(NORMRT_DEVICE_OPENCL, NORMRT_DTYPE_F32, 0, s.data(), &t),
            NORMRT_STATUS_INVALID_ARGUMENT);
  EXPECT_EQ(normrt_device_tensor_create(static_cast<normrt_device_api_t>(9), NORMRT_DTYPE_F32, 1,
                                        s.data(), &t),
            NORMRT_STATUS_INVALID_ARGUMENT);
  EXPECT_EQ(t, nullptr);
  normrt_device_tensor_free(nullptr); // a no-op
}
