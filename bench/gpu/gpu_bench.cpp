// GPU benchmark of normc kernels through libnormrt's device API: instance,
// group and layer norm (effective bandwidth, i.e. the bytes a kernel must
// move -- read x once, write y once -- over its time, against the device's
// peak DRAM bandwidth) and the fused conv3x3 -> IN -> ReLU block (GFLOP/s).
//
// Built for CUDA by scripts/gpu-check.sh (-DNORMC_CUDA_TESTS=ON) and for
// OpenCL in every build, where ctest runs `--smoke` on PoCL so the program
// cannot rot. Timing: one warm-up call, then --reps calls each followed by
// normrt_device_synchronize(); the median is reported. Inputs stay on the
// device; no host copies are timed.
//
//   gpu_bench [--smoke] [--reps N]
#include "normrt.h"

#include "gb_block.h"
#include "gb_gn32.h"
#include "gb_in.h"
#include "gb_ln.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <dlfcn.h>
#include <random>
#include <string>
#include <vector>

#ifndef NORMC_GPU_API
#error "define NORMC_GPU_API to NORMRT_DEVICE_CUDA or NORMRT_DEVICE_OPENCL"
#endif

namespace {

using Shape = std::vector<int64_t>;

int64_t numel(const Shape &s) {
  int64_t n = 1;
  for (int64_t e : s)
    n *= e;
  return n;
}

[[noreturn]] void die(const char *what) {
  std::fprintf(stderr, "gpu_bench: %s: %s\n", what, normrt_last_error());
  std::exit(1);
}

struct DeviceTensor {
  normrt_device_tensor_t *t = nullptr;
  explicit DeviceTensor(const Shape &s, uint32_t seed) {
    if (normrt_device_tensor_create(NORMC_GPU_API, NORMRT_DTYPE_F32, static_cast<int32_t>(s.size()),
                                    s.data(), &t) != NORMRT_STATUS_OK)
      die("allocating a device tensor");
    std::vector<float> host(numel(s));
    std::mt19937 rng(seed);
    std::uniform_real_distribution<float> dist(-1.0f, 1.0f);
    for (float &v : host)
      v = dist(rng);
    normrt_tensor_t h;
    normrt_tensor_init(&h, host.data(), NORMRT_DTYPE_F32, static_cast<int32_t>(s.size()), s.data(),
                       nullptr);
    if (normrt_device_copy_from_host(t, &h) != NORMRT_STATUS_OK)
      die("copying inputs to the device");
  }
  DeviceTensor(const DeviceTensor &) = delete;
  ~DeviceTensor() { normrt_device_tensor_free(t); }
};

/// Median milliseconds of `reps` synchronized calls after one warm-up.
double timeKernel(const normrt_kernel_t &k, std::vector<normrt_device_tensor_t *> args, int reps) {
  auto once = [&] {
    if (normrt_kernel_call_device(&k, args.data(), static_cast<int32_t>(args.size())) !=
        NORMRT_STATUS_OK)
      die(k.name);
    if (normrt_device_synchronize(NORMC_GPU_API) != NORMRT_STATUS_OK)
      die("synchronize");
  };
  once();
  std::vector<double> ms;
  for (int i = 0; i < reps; ++i) {
    auto t0 = std::chrono::steady_clock::now();
    once();
    ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0)
                     .count());
  }
  std::sort(ms.begin(), ms.end());
  return ms[ms.size() / 2];
}

/// Peak DRAM bandwidth (GB/s), name and SM count of CUDA device 0, read
/// through the driver API; 0 when unknown (OpenCL, or no driver).
struct DeviceFacts {
  std::string name = "unknown device";
  double peakGBs = 0;
  int sms = 0;
};

DeviceFacts deviceFacts() {
  DeviceFacts f;
  if (NORMC_GPU_API != NORMRT_DEVICE_CUDA)
    return f;
  void *cuda = dlopen("libcuda.so.1", RTLD_NOW | RTLD_LOCAL);
  if (!cuda)
    return f;
  using InitFn = int (*)(unsigned);
  using GetFn = int (*)(int *, int);
  using AttrFn = int (*)(int *, int, int);
  using NameFn = int (*)(char *, int, int);
  auto init = reinterpret_cast<InitFn>(dlsym(cuda, "cuInit"));
  auto get = reinterpret_cast<GetFn>(dlsym(cuda, "cuDeviceGet"));
  auto attr = reinterpret_cast<AttrFn>(dlsym(cuda, "cuDeviceGetAttribute"));
  auto name = reinterpret_cast<NameFn>(dlsym(cuda, "cuDeviceGetName"));
  int dev = 0, clockKHz = 0, busBits = 0;
  if (!init || !get || !attr || init(0) != 0 || get(&dev, 0) != 0)
    return f;
  // CU_DEVICE_ATTRIBUTE_MEMORY_CLOCK_RATE = 36 (kHz), GLOBAL_MEMORY_BUS_WIDTH
  // = 37 (bits), MULTIPROCESSOR_COUNT = 16. DDR: two transfers per clock.
  attr(&clockKHz, 36, dev);
  attr(&busBits, 37, dev);
  attr(&f.sms, 16, dev);
  f.peakGBs = 2.0 * clockKHz * 1e3 * (busBits / 8.0) / 1e9;
  char buf[256] = {0};
  if (name && name(buf, sizeof(buf) - 1, dev) == 0)
    f.name = buf;
  return f;
}

} // namespace

int main(int argc, char **argv) {
  bool smoke = false;
  int reps = 20;
  for (int i = 1; i < argc; ++i) {
    if (!std::strcmp(argv[i], "--smoke"))
      smoke = true;
    else if (!std::strcmp(argv[i], "--reps") && i + 1 < argc)
      reps = std::max(1, std::atoi(argv[++i]));
    else {
      std::fprintf(stderr, "usage: gpu_bench [--smoke] [--reps N]\n");
      return 2;
    }
  }
  if (smoke)
    reps = 2;
  const DeviceFacts facts = deviceFacts();
  std::printf("# normc GPU benchmark: %s (%s), %d SMs, peak DRAM %.0f GB/s; median of %d\n",
              normrt_device_api_name(NORMC_GPU_API), facts.name.c_str(), facts.sms, facts.peakGBs,
              reps);
  std::printf("| workload | shape | median ms | GB/s (x read once, y written once) | %% of peak | GFLOP/s |\n");
  std::printf("|---|---|---|---|---|---|\n");

  struct Norm {
    const char *name;
    normrt_kernel_t kernel;
    bool affine;
  };
  const Norm norms[] = {{"instance_norm", NORMRT_KERNEL(gb_in), true},
                        {"group_norm G=32", NORMRT_KERNEL(gb_gn32), true},
                        {"layer_norm (C,H,W)", NORMRT_KERNEL(gb_ln), false}};
  const std::vector<Shape> shapes =
      smoke ? std::vector<Shape>{{2, 32, 9, 13}, {1, 64, 16, 16}}
            : std::vector<Shape>{{8, 64, 128, 128}, {1, 32, 512, 512}, {16, 256, 32, 32},
                                 {2, 3, 1024, 1024}, {1, 64, 256, 256}, {4, 512, 16, 16}};
  for (const Norm &n : norms) {
    for (const Shape &s : shapes) {
      if (std::string(n.name).rfind("group", 0) == 0 && s[1] % 32 != 0)
        continue; // G = 32 must divide C
      DeviceTensor x(s, 1), y(s, 2), g({s[1]}, 3), b({s[1]}, 4);
      std::vector<normrt_device_tensor_t *> args =
          n.affine ? std::vector<normrt_device_tensor_t *>{x.t, g.t, b.t, y.t}
                   : std::vector<normrt_device_tensor_t *>{x.t, y.t};
      double ms = timeKernel(n.kernel, args, reps);
      double gbs = 2.0 * numel(s) * sizeof(float) / (ms * 1e-3) / 1e9;
      std::printf("| %s | (%lld,%lld,%lld,%lld) | %.4f | %.1f | %s | |\n", n.name,
                  (long long)s[0], (long long)s[1], (long long)s[2], (long long)s[3], ms, gbs,
                  facts.peakGBs > 0 ? (std::to_string(int(100 * gbs / facts.peakGBs)) + "%").c_str()
                                    : "n/a");
    }
  }

  const normrt_kernel_t block = NORMRT_KERNEL(gb_block);
  const std::vector<Shape> blockShapes =
      smoke ? std::vector<Shape>{{1, 64, 12, 10}}
            : std::vector<Shape>{{1, 64, 128, 128}, {1, 64, 256, 256}, {4, 64, 64, 64}};
  for (const Shape &s : blockShapes) {
    DeviceTensor x(s, 5), w({64, 64, 3, 3}, 6), y(s, 7);
    double ms = timeKernel(block, {x.t, w.t, y.t}, reps);
    double flops = 2.0 * s[0] * 64 * 64 * 9 * s[2] * s[3];
    std::printf("| conv3x3 -> IN -> ReLU | (%lld,64,%lld,%lld) | %.4f | | | %.1f |\n",
                (long long)s[0], (long long)s[2], (long long)s[3], ms, flops / (ms * 1e-3) / 1e9);
  }
  return 0;
}
