//===- impl_torch.cpp - libtorch 1.13 (ATen) anchors ------------------------===//
//
// What a PyTorch C++ user would call: at::instance_norm / group_norm /
// layer_norm on a contiguous NCHW tensor (channels_last for the NHWC rows;
// bf16 tensors, parameters included, for the bf16 rows), and conv2d -> instance_norm -> relu
// for the blocks. Outputs are allocated by ATen on every call, as in eager
// PyTorch.
//
//===----------------------------------------------------------------------===//
#include "workloads.h"

#include <ATen/ATen.h>
#include <ATen/Parallel.h>
#include <c10/core/InferenceMode.h>

namespace normc_bench {

namespace {
at::Tensor wrap(const std::vector<float> &v, at::IntArrayRef shape,
                Storage st = Storage::F32) {
  // from_blob does not copy; clone (or convert) so ATen owns aligned memory
  // like a user's tensor would. 16-bit values convert exactly (makeProblem
  // made them representable).
  at::Tensor t = at::from_blob(const_cast<float *>(v.data()), shape, at::kFloat);
  return st == Storage::BF16 ? t.to(at::kBFloat16) : t.clone();
}

class TorchRunner : public Runner {
public:
  explicit TorchRunner(const Problem &p, bool convOnly = false)
      : op_(p.w.op), groups_(p.w.groups), convOnly_(convOnly) {
    c10::InferenceMode guard;
    const auto &s = p.w.shape;
    const Storage st = p.w.storage;
    x_ = wrap(p.x, {s[0], s[1], s[2], s[3]}, st);
    if (p.w.channelsLast) // a channels_last tensor, as torch.channels_last gives
      x_ = x_.contiguous(at::MemoryFormat::ChannelsLast);
    if (op_ == Op::LayerNorm) {
      g_ = wrap(p.gamma, {s[1], s[2], s[3]}, st);
      b_ = wrap(p.beta, {s[1], s[2], s[3]}, st);
    } else {
      g_ = wrap(p.gamma, {s[1]}, st);
      b_ = wrap(p.beta, {s[1]}, st);
    }
    if (op_ == Op::ConvBlock || op_ == Op::ResidualBlock) {
      w_ = wrap(p.weight, {s[1], s[1], 3, 3});
      cb_ = wrap(p.convBias, {s[1]});
    }
    if (op_ == Op::ResidualBlock) {
      w2_ = wrap(p.weight2, {s[1], s[1], 3, 3});
      cb2_ = wrap(p.convBias2, {s[1]});
      g2_ = wrap(p.gamma2, {s[1]});
      b2_ = wrap(p.beta2, {s[1]});
    }
  }
  void run() override {
    c10::InferenceMode guard;
    switch (op_) {
    case Op::InstanceNorm:
      y_ = at::instance_norm(x_, g_, b_, {}, {}, /*use_input_stats=*/true, 0.1,
                             1e-5, /*cudnn_enabled=*/false);
      break;
    case Op::GroupNorm:
      y_ = at::group_norm(x_, groups_, g_, b_, 1e-5, false);
      break;
    case Op::LayerNorm:
      y_ = at::layer_norm(x_, {x_.size(1), x_.size(2), x_.size(3)}, g_, b_, 1e-5,
                          false);
      break;
    case Op::ConvBlock: {
      at::Tensor c = at::conv2d(x_, w_, cb_, 1, 1);
      if (convOnly_) {
        y_ = c;
      } else {
        y_ = at::instance_norm(c, g_, b_, {}, {}, true, 0.1, 1e-5, false);
        y_.relu_();
      }
      break;
    }
    case Op::ResidualBlock: {
      // TransformerNet's ResidualBlock.forward, eager.
      at::Tensor h = at::conv2d(at::reflection_pad2d(x_, {1, 1, 1, 1}), w_, cb_);
      h = at::instance_norm(h, g_, b_, {}, {}, true, 0.1, 1e-5, false);
      h.relu_();
      h = at::conv2d(at::reflection_pad2d(h, {1, 1, 1, 1}), w2_, cb2_);
      h = at::instance_norm(h, g2_, b2_, {}, {}, true, 0.1, 1e-5, false);
      y_ = h + x_;
      break;
    }
    }
  }
  std::vector<float> output() override {
    at::Tensor c = y_.contiguous().to(at::kFloat);
    return std::vector<float>(c.data_ptr<float>(), c.data_ptr<float>() + c.numel());
  }
  bool convOnly() const override { return convOnly_; }
  /// The inputs, parameters and the last result (ATen allocates a new one
  /// per call; the flush covers the memory the previous call returned).
  std::vector<Span> buffers() override {
    std::vector<Span> out;
    for (const at::Tensor *t : {&x_, &g_, &b_, &w_, &cb_, &w2_, &cb2_, &g2_, &b2_, &y_})
      if (t->defined())
        out.push_back({t->data_ptr(), t->nbytes()});
    return out;
  }

private:
  Op op_;
  int groups_;
  bool convOnly_;
  at::Tensor x_, g_, b_, w_, cb_, w2_, cb2_, g2_, b2_, y_;
};
} // namespace

std::vector<NamedRunner> makeTorchRunners(const Problem &p) {
  std::vector<NamedRunner> out;
  // libtorch 1.13 has no CPU kernel for f16 normalizations ("batch_norm" /
  // "GroupNormKernelImpl" / "LayerNormKernelImpl" not implemented for
  // 'Half'); bf16 it has, with bf16 scale and bias.
  if (p.w.storage == Storage::F16)
    return out;
  out.push_back({"libtorch", std::make_unique<TorchRunner>(p)});
  if (p.w.op == Op::ConvBlock)
    out.push_back({"libtorch conv only", std::make_unique<TorchRunner>(p, true)});
  return out;
}

void setTorchThreads(int threads) { at::set_num_threads(threads); }

} // namespace normc_bench
