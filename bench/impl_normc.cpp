//===- impl_normc.cpp - normc-generated kernels (compiled at build time) --===//
#include "workloads.h"

#include "halide_call.h"
#include "layout.h"

#include <algorithm>
#include <cstdlib>
#include <map>
#include <memory>
#include <new>
#include <stdexcept>

// One declaration per kernel of bench/normc_kernels.mlir; all share the
// signature (user_context, x, gamma, beta, y); the 16-bit kernels take all
// four in their storage type.
#define NORMC_BENCH_KERNELS(X)                                                 \
  X(in_1x64x256x256) X(in_1x128x128x128) X(in_8x64x128x128)                    \
  X(in_16x256x32x32) X(in_1x32x512x512) X(in_4x512x16x16)                      \
  X(in_2x3x1024x1024) X(in_3x5x7x13) X(gn32_1x64x256x256)                      \
  X(gn32_1x128x128x128) X(gn32_8x64x128x128) X(gn32_16x256x32x32)              \
  X(gn32_1x32x512x512) X(gn32_4x512x16x16) X(ln_1x64x256x256)                  \
  X(ln_1x128x128x128) X(ln_8x64x128x128) X(ln_16x256x32x32)                    \
  X(ln_1x32x512x512) X(ln_4x512x16x16) X(in_nhwc_1x64x256x256)                \
  X(in_nhwc_8x64x128x128) X(in_nhwc_16x256x32x32) X(in_nhwc_3x5x7x13)          \
  X(in_f16_1x64x256x256) X(in_f16_8x64x128x128) X(in_f16_16x256x32x32)         \
  X(gn32_f16_8x64x128x128) X(ln_f16_8x64x128x128) X(in_nhwc_f16_8x64x128x128)  \
  X(in_bf16_1x64x256x256) X(in_bf16_8x64x128x128) X(in_bf16_16x256x32x32)      \
  X(gn32_bf16_8x64x128x128) X(ln_bf16_8x64x128x128)                            \
  X(in_nhwc_bf16_8x64x128x128)

// Conv blocks: (user_context, x, weight, conv bias, gamma, beta, y).
#define NORMC_BENCH_BLOCKS(X)                                                  \
  X(block_fused_1x64x128x128) X(block_unfused_1x64x128x128)                    \
  X(block_fused_1x128x64x64) X(block_unfused_1x128x64x64)                      \
  X(block_fused_1x32x256x256) X(block_unfused_1x32x256x256)                    \
  X(block_fused_4x64x64x64) X(block_unfused_4x64x64x64)

// Residual blocks: (user_context, x, w1, conv bias 1, gamma 1, beta 1, w2,
// conv bias 2, gamma 2, beta 2, y).
#define NORMC_BENCH_RESIDUALS(X) X(residual_1x128x64x64) X(residual_1x64x128x128)

extern "C" {
#define DECLARE(name)                                                          \
  int name(const void *, halide_buffer_t *, halide_buffer_t *,                 \
           halide_buffer_t *, halide_buffer_t *);
NORMC_BENCH_KERNELS(DECLARE)
#undef DECLARE
#define DECLARE_BLOCK(name)                                                    \
  int name(const void *, halide_buffer_t *, halide_buffer_t *,                 \
           halide_buffer_t *, halide_buffer_t *, halide_buffer_t *,            \
           halide_buffer_t *);
NORMC_BENCH_BLOCKS(DECLARE_BLOCK)
#undef DECLARE_BLOCK
#define DECLARE_RESIDUAL(name)                                                 \
  int name(const void *, halide_buffer_t *, halide_buffer_t *,                 \
           halide_buffer_t *, halide_buffer_t *, halide_buffer_t *,            \
           halide_buffer_t *, halide_buffer_t *, halide_buffer_t *,            \
           halide_buffer_t *, halide_buffer_t *);
NORMC_BENCH_RESIDUALS(DECLARE_RESIDUAL)
#undef DECLARE_RESIDUAL
int halide_set_num_threads(int n);
void halide_shutdown_thread_pool();
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

/// 64-byte aligned storage of f32 or 16-bit elements, as PyTorch's and
/// oneDNN's allocators give (std::vector's large blocks start 16 bytes into
/// a page).
class AlignedTensor {
public:
  explicit AlignedTensor(const std::vector<float> &init, Storage st = Storage::F32)
      : AlignedTensor(init.size(), st) {
    if (st == Storage::F32) {
      std::copy(init.begin(), init.end(), static_cast<float *>(data()));
    } else {
      std::vector<uint16_t> bits = toStorage16(init, st);
      std::copy(bits.begin(), bits.end(), static_cast<uint16_t *>(data()));
    }
  }
  explicit AlignedTensor(size_t n, Storage st = Storage::F32)
      : n_(n), storage_(st), data_(std::aligned_alloc(64, roundUp(n * elemBytes())), &std::free) {
    if (!data_)
      throw std::bad_alloc();
  }
  void *data() { return data_.get(); }
  halide_type_t type() const {
    switch (storage_) {
    case Storage::F16:
      return {halide_type_float, 16, 1};
    case Storage::BF16:
      return {halide_type_bfloat, 16, 1};
    case Storage::F32:
      break;
    }
    return {halide_type_float, 32, 1};
  }
  Span span() const { return {data_.get(), n_ * elemBytes()}; }
  std::vector<float> toVector() const {
    if (storage_ != Storage::F32)
      return fromStorage16(static_cast<const uint16_t *>(data_.get()), n_, storage_);
    const float *f = static_cast<const float *>(data_.get());
    return std::vector<float>(f, f + n_);
  }

private:
  size_t elemBytes() const { return storage_ == Storage::F32 ? 4 : 2; }
  static size_t roundUp(size_t bytes) { return (bytes + 63) / 64 * 64; }
  size_t n_;
  Storage storage_;
  std::unique_ptr<void, decltype(&std::free)> data_;
};

class NormcRunner : public Runner {
public:
  NormcRunner(KernelFn fn, const Problem &p)
      : fn_(fn), shape_(p.w.shape), channelsLast_(p.w.channelsLast),
        x_(channelsLast_ ? normc_test::nchwToNhwc(p.x, shape_) : p.x, p.w.storage),
        g_(p.gamma, p.w.storage), b_(p.beta, p.w.storage), y_(p.x.size(), p.w.storage),
        xb_(x_.data(), dataShape(p), x_.type()), gb_(g_.data(), paramShape(p), g_.type()),
        bb_(b_.data(), paramShape(p), b_.type()), yb_(y_.data(), dataShape(p), y_.type()) {}
  void run() override {
    if (fn_(nullptr, xb_.get(), gb_.get(), bb_.get(), yb_.get()) != 0)
      throw std::runtime_error("normc kernel failed");
  }
  std::vector<float> output() override {
    return channelsLast_ ? normc_test::nhwcToNchw(y_.toVector(), shape_)
                         : y_.toVector();
  }
  std::vector<Span> buffers() override { return {x_.span(), g_.span(), b_.span(), y_.span()}; }

private:
  static normc_test::Shape dataShape(const Problem &p) {
    return p.w.channelsLast ? normc_test::nhwcShape(p.w.shape) : p.w.shape;
  }
  static normc_test::Shape paramShape(const Problem &p) {
    if (p.w.op == Op::LayerNorm)
      return {p.w.shape[1], p.w.shape[2], p.w.shape[3]};
    return {p.w.shape[1]};
  }
  KernelFn fn_;
  normc_test::Shape shape_;
  bool channelsLast_;
  AlignedTensor x_, g_, b_, y_;
  normc_test::HostBuffer xb_, gb_, bb_, yb_;
};
using BlockFn = int (*)(const void *, halide_buffer_t *, halide_buffer_t *,
                        halide_buffer_t *, halide_buffer_t *, halide_buffer_t *,
                        halide_buffer_t *);

const std::map<std::string, BlockFn> &blocks() {
  static const std::map<std::string, BlockFn> table = {
#define ENTRY(name) {#name, name},
      NORMC_BENCH_BLOCKS(ENTRY)
#undef ENTRY
  };
  return table;
}

/// conv3x3 -> instance norm -> ReLU compiled by normc, fused or not.
class NormcBlockRunner : public Runner {
public:
  NormcBlockRunner(BlockFn fn, const Problem &p)
      : fn_(fn), x_(p.x), w_(p.weight), cb_(p.convBias), g_(p.gamma), b_(p.beta),
        y_(p.x.size()), xb_(x_.data(), p.w.shape, x_.type()),
        wb_(w_.data(), {p.w.shape[1], p.w.shape[1], 3, 3}, w_.type()),
        cbb_(cb_.data(), {p.w.shape[1]}, cb_.type()), gb_(g_.data(), {p.w.shape[1]}, g_.type()),
        bb_(b_.data(), {p.w.shape[1]}, b_.type()), yb_(y_.data(), p.w.shape, y_.type()) {}
  void run() override {
    if (fn_(nullptr, xb_.get(), wb_.get(), cbb_.get(), gb_.get(), bb_.get(),
            yb_.get()) != 0)
      throw std::runtime_error("normc block kernel failed");
  }
  std::vector<float> output() override { return y_.toVector(); }
  std::vector<Span> buffers() override {
    return {x_.span(), w_.span(), cb_.span(), g_.span(), b_.span(), y_.span()};
  }

private:
  BlockFn fn_;
  AlignedTensor x_, w_, cb_, g_, b_, y_;
  normc_test::HostBuffer xb_, wb_, cbb_, gb_, bb_, yb_;
};
using ResidualFn = int (*)(const void *, halide_buffer_t *, halide_buffer_t *,
                           halide_buffer_t *, halide_buffer_t *, halide_buffer_t *,
                           halide_buffer_t *, halide_buffer_t *, halide_buffer_t *,
                           halide_buffer_t *, halide_buffer_t *);

const std::map<std::string, ResidualFn> &residuals() {
  static const std::map<std::string, ResidualFn> table = {
#define ENTRY(name) {#name, name},
      NORMC_BENCH_RESIDUALS(ENTRY)
#undef ENTRY
  };
  return table;
}

/// TransformerNet's residual block compiled by normc (its default fusion).
class NormcResidualRunner : public Runner {
public:
  NormcResidualRunner(ResidualFn fn, const Problem &p)
      : fn_(fn), x_(p.x), w1_(p.weight), cb1_(p.convBias), g1_(p.gamma), b1_(p.beta),
        w2_(p.weight2), cb2_(p.convBias2), g2_(p.gamma2), b2_(p.beta2), y_(p.x.size()),
        xb_(x_.data(), p.w.shape, x_.type()), w1b_(w1_.data(), weightShape(p), w1_.type()),
        cb1b_(cb1_.data(), channels(p), cb1_.type()), g1b_(g1_.data(), channels(p), g1_.type()),
        b1b_(b1_.data(), channels(p), b1_.type()), w2b_(w2_.data(), weightShape(p), w2_.type()),
        cb2b_(cb2_.data(), channels(p), cb2_.type()), g2b_(g2_.data(), channels(p), g2_.type()),
        b2b_(b2_.data(), channels(p), b2_.type()), yb_(y_.data(), p.w.shape, y_.type()) {}
  void run() override {
    if (fn_(nullptr, xb_.get(), w1b_.get(), cb1b_.get(), g1b_.get(), b1b_.get(), w2b_.get(),
            cb2b_.get(), g2b_.get(), b2b_.get(), yb_.get()) != 0)
      throw std::runtime_error("normc residual block kernel failed");
  }
  std::vector<float> output() override { return y_.toVector(); }
  std::vector<Span> buffers() override {
    return {x_.span(),  w1_.span(), cb1_.span(), g1_.span(), b1_.span(),
            w2_.span(), cb2_.span(), g2_.span(), b2_.span(), y_.span()};
  }

private:
  static normc_test::Shape weightShape(const Problem &p) {
    return {p.w.shape[1], p.w.shape[1], 3, 3};
  }
  static normc_test::Shape channels(const Problem &p) { return {p.w.shape[1]}; }
  ResidualFn fn_;
  AlignedTensor x_, w1_, cb1_, g1_, b1_, w2_, cb2_, g2_, b2_, y_;
  normc_test::HostBuffer xb_, w1b_, cb1b_, g1b_, b1b_, w2b_, cb2b_, g2b_, b2b_, yb_;
};
} // namespace

std::vector<NamedRunner> makeNormcRunners(const Problem &p) {
  std::vector<NamedRunner> out;
  if (p.w.op == Op::ResidualBlock) {
    auto it = residuals().find(p.w.normcKernel());
    if (it != residuals().end())
      out.push_back({"normc", std::make_unique<NormcResidualRunner>(it->second, p)});
    return out;
  }
  if (p.w.op == Op::ConvBlock) {
    std::string fused = p.w.normcKernel();
    std::string unfused = "block_unfused_" + fused.substr(std::string("block_fused_").size());
    for (auto [name, kernel] : {std::pair<const char *, std::string>{"normc fused", fused},
                                {"normc unfused (same conv schedule)", unfused}}) {
      auto it = blocks().find(kernel);
      if (it != blocks().end())
        out.push_back({name, std::make_unique<NormcBlockRunner>(it->second, p)});
    }
    return out;
  }
  auto it = kernels().find(p.w.normcKernel());
  if (it != kernels().end())
    out.push_back({"normc", std::make_unique<NormcRunner>(it->second, p)});
  return out;
}

// halide_set_num_threads alone only limits which workers are woken: workers
// that are already awake keep taking tasks (measured: after a 2-thread run,
// "1 thread" still ran on both cores). Restarting the pool with the new
// count makes it exact.
void setNormcThreads(int threads) {
  halide_shutdown_thread_pool();
  halide_set_num_threads(threads);
}

} // namespace normc_bench
