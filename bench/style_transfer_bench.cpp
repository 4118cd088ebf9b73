//===- style_transfer_bench.cpp - TransformerNet: normc vs libtorch ---------===//
//
//   style-transfer-bench [--threads=N] [--rounds=R] [--sizes=256,512]
//
// Times one image through TransformerNet (examples/style_transfer) per call:
// normc's dynamic-shape build (the one examples/style_transfer links, but
// without the profiler), normc's static builds for the image size
// (gen_transformer_net.py --height/--width), and libtorch 1.13 running the
// same layers with the same weights through ATen (reflection_pad2d, conv2d,
// instance_norm, relu, upsample_nearest2d: what torch.nn's modules call).
// Before timing, every normc build's output is compared with libtorch's.
// Calls are interleaved, one of each per round after a warm-up call, so
// machine noise hits all alike; the table gives medians of wall time and
// CPU time / wall time. Results: bench/RESULTS.md.
//
//===----------------------------------------------------------------------===//
#include "normrt.h"
#include "transformer_net.h"
#include "transformer_net_256x256.h"
#include "transformer_net_512x512.h"

#include <ATen/ATen.h>
#include <ATen/Parallel.h>
#include <c10/core/InferenceMode.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <functional>
#include <map>
#include <string>
#include <vector>

namespace {

/// The parameters, by kernel argument name, in PyTorch's default init
/// ranges (uniform +-1/sqrt(fan_in)); values do not change the timing, only
/// keep the activations finite and comparable.
struct Weights {
  std::map<std::string, at::Tensor> byName;
  at::Tensor get(const std::string &name) const { return byName.at(name); }
};

void addConv(Weights &w, const std::string &prefix, int64_t cin, int64_t cout, int64_t k) {
  double bound = 1.0 / std::sqrt(static_cast<double>(cin * k * k));
  w.byName[prefix + "_conv2d_weight"] = at::rand({cout, cin, k, k}) * (2 * bound) - bound;
  w.byName[prefix + "_conv2d_bias"] = at::rand({cout}) * (2 * bound) - bound;
}

void addNorm(Weights &w, const std::string &prefix, int64_t c) {
  w.byName[prefix + "_weight"] = at::rand({c}) + 0.5;
  w.byName[prefix + "_bias"] = at::rand({c}) - 0.5;
}

Weights makeWeights() {
  at::manual_seed(0);
  Weights w;
  addConv(w, "conv1", 3, 32, 9);
  addNorm(w, "in1", 32);
  addConv(w, "conv2", 32, 64, 3);
  addNorm(w, "in2", 64);
  addConv(w, "conv3", 64, 128, 3);
  addNorm(w, "in3", 128);
  for (int r = 1; r <= 5; ++r) {
    std::string p = "res" + std::to_string(r);
    addConv(w, p + "_conv1", 128, 128, 3);
    addNorm(w, p + "_in1", 128);
    addConv(w, p + "_conv2", 128, 128, 3);
    addNorm(w, p + "_in2", 128);
  }
  addConv(w, "deconv1", 128, 64, 3);
  addNorm(w, "in4", 64);
  addConv(w, "deconv2", 64, 32, 3);
  addNorm(w, "in5", 32);
  addConv(w, "deconv3", 32, 3, 9);
  return w;
}

// --- libtorch: the layers of examples/style_transfer/transformer_net.py ---
at::Tensor convLayer(const Weights &w, const at::Tensor &x, const std::string &p, int64_t k,
                     int64_t stride) {
  at::Tensor padded = at::reflection_pad2d(x, {k / 2, k / 2, k / 2, k / 2});
  return at::conv2d(padded, w.get(p + "_conv2d_weight"), w.get(p + "_conv2d_bias"), {stride});
}

at::Tensor instanceNorm(const Weights &w, const at::Tensor &x, const std::string &p) {
  return at::instance_norm(x, w.get(p + "_weight"), w.get(p + "_bias"), {}, {},
                           /*use_input_stats=*/true, 0.1, 1e-5, /*cudnn_enabled=*/false);
}

at::Tensor torchForward(const Weights &w, const at::Tensor &image) {
  at::Tensor y = at::relu(instanceNorm(w, convLayer(w, image, "conv1", 9, 1), "in1"));
  y = at::relu(instanceNorm(w, convLayer(w, y, "conv2", 3, 2), "in2"));
  y = at::relu(instanceNorm(w, convLayer(w, y, "conv3", 3, 2), "in3"));
  for (int r = 1; r <= 5; ++r) {
    std::string p = "res" + std::to_string(r);
    at::Tensor t = at::relu(instanceNorm(w, convLayer(w, y, p + "_conv1", 3, 1), p + "_in1"));
    y = y + instanceNorm(w, convLayer(w, t, p + "_conv2", 3, 1), p + "_in2");
  }
  y = at::upsample_nearest2d(y, {2 * y.size(2), 2 * y.size(3)});
  y = at::relu(instanceNorm(w, convLayer(w, y, "deconv1", 3, 1), "in4"));
  y = at::upsample_nearest2d(y, {2 * y.size(2), 2 * y.size(3)});
  y = at::relu(instanceNorm(w, convLayer(w, y, "deconv2", 3, 1), "in5"));
  return convLayer(w, y, "deconv3", 9, 1);
}

// --- normc: arguments bound by name through the kernel's metadata ---
normrt_tensor_t viewOf(const at::Tensor &t) {
  normrt_tensor_t v;
  int64_t shape[8];
  for (int64_t d = 0; d < t.dim(); ++d)
    shape[d] = t.size(d);
  if (normrt_tensor_init(&v, t.data_ptr<float>(), NORMRT_DTYPE_F32, static_cast<int32_t>(t.dim()),
                         shape, nullptr) != NORMRT_STATUS_OK) {
    std::fprintf(stderr, "%s\n", normrt_last_error());
    std::exit(1);
  }
  return v;
}

struct NormcCall {
  normrt_kernel_t kernel;
  std::vector<normrt_tensor_t> tensors;
  std::vector<const normrt_tensor_t *> args;
  bool run() {
    if (normrt_kernel_call(&kernel, args.data(), static_cast<int32_t>(args.size())) !=
        NORMRT_STATUS_OK) {
      std::fprintf(stderr, "%s: %s\n", kernel.name, normrt_last_error());
      return false;
    }
    return true;
  }
};

NormcCall bindNormc(normrt_kernel_t kernel, const Weights &w, const at::Tensor &image,
                    const at::Tensor &out) {
  NormcCall call{kernel, {}, {}};
  int32_t n = normrt_kernel_num_args(&kernel);
  call.tensors.reserve(n);
  for (int32_t i = 0; i < n; ++i) {
    const char *name;
    int32_t isOutput;
    normrt_kernel_arg_info(&kernel, i, &name, &isOutput, nullptr, nullptr);
    std::string s = name;
    call.tensors.push_back(viewOf(isOutput ? out : s == "image" ? image : w.get(s)));
  }
  for (const normrt_tensor_t &t : call.tensors)
    call.args.push_back(&t);
  return call;
}

double now(clockid_t clock) {
  timespec t;
  clock_gettime(clock, &t);
  return t.tv_sec + 1e-9 * t.tv_nsec;
}

struct Impl {
  std::string name;
  std::function<bool()> run;
  std::vector<double> wall, cpu;
};

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

} // namespace

int main(int argc, char **argv) {
  int threads = 2, rounds = 7;
  std::vector<int> sizes = {256, 512};
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a.rfind("--threads=", 0) == 0)
      threads = std::atoi(a.c_str() + 10);
    else if (a.rfind("--rounds=", 0) == 0)
      rounds = std::atoi(a.c_str() + 9);
    else if (a.rfind("--sizes=", 0) == 0) {
      sizes.clear();
      for (const char *p = a.c_str() + 8; *p;) {
        sizes.push_back(std::atoi(p));
        while (*p && *p != ',')
          ++p;
        if (*p == ',')
          ++p;
      }
    } else {
      std::fprintf(stderr,
                   "usage: style-transfer-bench [--threads=N] [--rounds=R] [--sizes=256,512]\n");
      return a == "--help" ? 0 : 2;
    }
  }
  if (threads < 1 || rounds < 1) {
    std::fprintf(stderr, "style-transfer-bench: --threads and --rounds must be >= 1\n");
    return 2;
  }
  c10::InferenceMode guard;
  at::set_num_threads(threads);
  normrt_set_num_threads(threads);
  Weights w = makeWeights();

  std::printf("| image | implementation | ms per image (median) | CPU time / wall | vs libtorch |\n"
              "|---|---|---|---|---|\n");
  int status = 0;
  for (int size : sizes) {
    at::Tensor image = at::rand({1, 3, size, size}) * 255;
    at::Tensor ref = torchForward(w, image);
    std::vector<Impl> impls;
    impls.push_back({"libtorch 1.13 (ATen ops)", [&] { torchForward(w, image); return true; }});
    std::vector<std::pair<std::string, normrt_kernel_t>> builds = {
        {"normc, dynamic H, W", NORMRT_KERNEL(transformer_net)}};
    if (size == 256)
      builds.push_back({"normc, static 256x256", NORMRT_KERNEL(transformer_net_256x256)});
    if (size == 512)
      builds.push_back({"normc, static 512x512", NORMRT_KERNEL(transformer_net_512x512)});
    std::vector<at::Tensor> outs;
    std::vector<NormcCall> calls;
    calls.reserve(builds.size());
    for (auto &[name, kernel] : builds) {
      outs.push_back(at::empty_like(ref));
      calls.push_back(bindNormc(kernel, w, image, outs.back()));
      NormcCall *call = &calls.back();
      if (!call->run())
        return 1;
      double scale = (ref.abs().max()).item<double>();
      double err = ((outs.back() - ref).abs().max()).item<double>() / scale;
      // f32 on both sides, 16 conv layers: the example's test bounds normc
      // at 2e-4 of the output's spread against float64 PyTorch.
      if (!(err <= 1e-3)) {
        std::printf("| %dx%d | %s | WRONG: max error %.2e of max |out| | | |\n", size, size,
                    name.c_str(), err);
        status = 1;
        continue;
      }
      impls.push_back({name, [call] { return call->run(); }});
    }
    for (Impl &impl : impls)
      impl.run(); // warm-up: first-touch allocations, thread pools
    for (int r = 0; r < rounds; ++r)
      for (Impl &impl : impls) {
        double w0 = now(CLOCK_MONOTONIC), c0 = now(CLOCK_PROCESS_CPUTIME_ID);
        if (!impl.run())
          return 1;
        impl.wall.push_back(now(CLOCK_MONOTONIC) - w0);
        impl.cpu.push_back(now(CLOCK_PROCESS_CPUTIME_ID) - c0);
      }
    double torchMs = 1e3 * median(impls[0].wall);
    for (Impl &impl : impls) {
      double ms = 1e3 * median(impl.wall);
      std::printf("| %dx%d | %s | %.1f | %.2f | %.2fx |\n", size, size, impl.name.c_str(), ms,
                  median(impl.cpu) / median(impl.wall), torchMs / ms);
    }
    std::fflush(stdout);
  }
  std::printf("\n%d thread(s), %d interleaved rounds after one warm-up call each.\n", threads,
              rounds);
  return status;
}
