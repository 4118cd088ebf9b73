//===- impl_normc.cpp - normc-generated kernels (compiled at build time) --===//
#include "workloads.h"

#include "halide_call.h"

#include <map>
#include <stdexcept>

// One declaration per kernel of bench/normc_kernels.mlir; all share the
// signature (user_context, x, gamma, beta, y).
#define NORMC_BENCH_KERNELS(X)                                                 \
  X(in_1x64x256x256) X(in_1x128x128x128) X(in_8x64x128x128)                    \
  X(in_16x256x32x32) X(in_1x32x512x512) X(in_4x512x16x16)                      \
  X(in_2x3x1024x1024) X(in_3x5x7x13) X(gn32_1x64x256x256)                      \
  X(gn32_1x128x128x128) X(gn32_8x64x128x128) X(gn32_16x256x32x32)              \
  X(gn32_1x32x512x512) X(gn32_4x512x16x16) X(ln_1x64x256x256)                  \
  X(ln_1x128x128x128) X(ln_8x64x128x128) X(ln_16x256x32x32)                    \
  X(ln_1x32x512x512) X(ln_4x512x16x16)

extern "C" {
#define DECLARE(name)                                                          \
  int name(const void *, halide_buffer_t *, halide_buffer_t *,                 \
           halide_buffer_t *, halide_buffer_t *);
NORMC_BENCH_KERNELS(DECLARE)
#undef DECLARE
int halide_set_num_threads(int n);
}

namespace normc_bench {

namespace {
using KernelFn = int (*)(const void *, halide_buffer_t *, halide_buffer_t *,
                         halide_buffer_t *, halide_buffer_t *);

const std::map<std::string, KernelFn> &kernels() {
  static const std::map<std::string, KernelFn> table = {
#define ENTRY(name) {#name, name},
      NORMC_BENCH_KERNELS(ENTRY)
#undef ENTRY
  };
  return table;
}

class NormcRunner : public Runner {
public:
  NormcRunner(KernelFn fn, const Problem &p)
      : fn_(fn), x_(p.x), g_(p.gamma), b_(p.beta), y_(p.x.size()),
        xb_(x_, p.w.shape), gb_(g_, paramShape(p)), bb_(b_, paramShape(p)),
        yb_(y_, p.w.shape) {}
  void run() override {
    if (fn_(nullptr, xb_.get(), gb_.get(), bb_.get(), yb_.get()) != 0)
      throw std::runtime_error("normc kernel failed");
  }
  std::vector<float> output() override { return y_; }

private:
  static normc_test::Shape paramShape(const Problem &p) {
    if (p.w.op == Op::LayerNorm)
      return {p.w.shape[1], p.w.shape[2], p.w.shape[3]};
    return {p.w.shape[1]};
  }
  KernelFn fn_;
  std::vector<float> x_, g_, b_, y_;
  normc_test::HostBuffer xb_, gb_, bb_, yb_;
};
} // namespace

std::vector<NamedRunner> makeNormcRunners(const Problem &p) {
  std::vector<NamedRunner> out;
  auto it = kernels().find(p.w.normcKernel());
  if (it != kernels().end())
    out.push_back({"normc", std::make_unique<NormcRunner>(it->second, p)});
  return out;
}

void setNormcThreads(int threads) { halide_set_num_threads(threads); }

} // namespace normc_bench
