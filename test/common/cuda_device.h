//===- cuda_device.h - skip every test when no CUDA device answers ---------===//
//
// Included by the CUDA builds of the numerics suites (NORMC_TEST_CUDA): a
// global environment asks the CUDA driver (loaded at run time, as Halide's
// CUDA runtime does) for a device before any test runs, and skips them all,
// visibly, when there is none.
//
//===----------------------------------------------------------------------===//
#ifndef NORMC_TEST_COMMON_CUDA_DEVICE_H_
#define NORMC_TEST_COMMON_CUDA_DEVICE_H_

#include <gtest/gtest.h>

#include <cstdio>
#include <dlfcn.h>
#include <string>

namespace normc_test {

/// "" when CUDA device 0 exists, else why not.
inline std::string cudaDeviceMissing() {
  void *cuda = dlopen("libcuda.so.1", RTLD_NOW | RTLD_LOCAL);
  if (!cuda)
    return "no CUDA driver (libcuda.so.1 not found)";
  using InitFn = int (*)(unsigned);
  using CountFn = int (*)(int *);
  auto init = reinterpret_cast<InitFn>(dlsym(cuda, "cuInit"));
  auto count = reinterpret_cast<CountFn>(dlsym(cuda, "cuDeviceGetCount"));
  int n = 0;
  if (!init || !count || init(0) != 0 || count(&n) != 0 || n == 0)
    return "no CUDA device (cuInit / cuDeviceGetCount)";
  return "";
}

class CudaDeviceEnvironment : public ::testing::Environment {
public:
  void SetUp() override {
    std::string why = cudaDeviceMissing();
    if (!why.empty()) {
      // gtest counts the tests as passed after a skip here; ctest reads
      // this line (SKIP_REGULAR_EXPRESSION) and reports them skipped.
      std::fprintf(stderr, "SKIPPED: %s: the CUDA tests did not run\n", why.c_str());
      GTEST_SKIP() << why;
    }
  }
};

inline ::testing::Environment *const kCudaDeviceEnvironment =
    ::testing::AddGlobalTestEnvironment(new CudaDeviceEnvironment);

} // namespace normc_test

#endif // NORMC_TEST_COMMON_CUDA_DEVICE_H_
