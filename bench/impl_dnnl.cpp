//===- impl_dnnl.cpp - oneDNN 2.6 anchors ----------------------------------===//
//
// oneDNN has no instance norm: it is a batch normalization (training mode,
// batch statistics) over the tensor viewed as (1, N*C, H, W), with gamma and
// beta replicated per sample. Three rows per workload:
//  - "oneDNN nchw": plain layout in and out: what a user with NCHW tensors
//    gets without touching layouts;
//  - "oneDNN blocked": oneDNN's preferred nChw8c (AVX2) / nChw16c (AVX-512)
//    layout, data already blocked (reorders not timed);
//  - "oneDNN blocked+reorders": NCHW in and out through the blocked kernel,
//    the realistic cost of the fast path for an NCHW user.
// NHWC instance norm: one batch normalization per sample on (1, C, H, W) in
// the nhwc layout (oneDNN's channels-last kernel), called N times.
// Layer norm is layer_normalization over (N, C*H*W). Conv blocks: the conv
// alone (blocked, weights prepacked) and reorder -> conv -> bnorm+relu ->
// reorder.
//
//===----------------------------------------------------------------------===//
#include "workloads.h"

#include "layout.h"

#include <oneapi/dnnl/dnnl.hpp>

#include <cstring>
#include <stdexcept>

namespace normc_bench {

namespace {
using namespace dnnl;
using tag = memory::format_tag;
using dt = memory::data_type;

engine &cpuEngine() {
  static engine eng(engine::kind::cpu, 0);
  return eng;
}

tag blockedTag() {
  return __builtin_cpu_supports("avx512f") ? tag::nChw16c : tag::nChw8c;
}

std::vector<float> toPlain(const memory &m, const memory::dims &dims,
                           tag plainTag) {
  stream s(cpuEngine());
  memory plain({dims, dt::f32, plainTag}, cpuEngine());
  reorder(m, plain).execute(s, const_cast<memory &>(m), plain);
  s.wait();
  size_t n = 1;
  for (auto d : dims)
    n *= static_cast<size_t>(d);
  const float *p = static_cast<const float *>(plain.get_data_handle());
  return std::vector<float>(p, p + n);
}

void fill(memory &m, const std::vector<float> &v) {
  std::memcpy(m.get_data_handle(), v.data(), v.size() * sizeof(float));
}

/// Batch-norm-as-instance-norm in one of the three layouts.
class DnnlInstanceNorm : public Runner {
public:
  enum class Mode { Plain, Blocked, BlockedWithReorders };
  DnnlInstanceNorm(const Problem &p, Mode mode) : mode_(mode), strm_(cpuEngine()) {
    const auto &s = p.w.shape;
    dims_ = {1, s[0] * s[1], s[2], s[3]};
    memory::desc plainMd(dims_, dt::f32, tag::nchw);
    memory::desc md = mode == Mode::Plain ? plainMd
                                          : memory::desc(dims_, dt::f32, blockedTag());
    auto d = batch_normalization_forward::desc(
        prop_kind::forward_training, md, 1e-5f, normalization_flags::use_scale_shift);
    pd_ = batch_normalization_forward::primitive_desc(d, cpuEngine());
    bn_ = batch_normalization_forward(pd_);
    xPlain_ = memory(plainMd, cpuEngine());
    yPlain_ = memory(plainMd, cpuEngine());
    fill(xPlain_, p.x);
    src_ = memory(md, cpuEngine());
    dst_ = memory(md, cpuEngine());
    mean_ = memory(pd_.mean_desc(), cpuEngine());
    var_ = memory(pd_.variance_desc(), cpuEngine());
    ss_ = memory(pd_.weights_desc(), cpuEngine());
    // Row 0: scale, row 1: shift, per (n, c) channel of the flattened view.
    float *w = static_cast<float *>(ss_.get_data_handle());
    const int64_t NC = dims_[1], C = s[1];
    for (int64_t i = 0; i < NC; ++i) {
      w[i] = p.gamma[i % C];
      w[NC + i] = p.beta[i % C];
    }
    reorder(xPlain_, src_).execute(strm_, xPlain_, src_);
    strm_.wait();
  }
  void run() override {
    if (mode_ == Mode::BlockedWithReorders)
      reorder(xPlain_, src_).execute(strm_, xPlain_, src_);
    bn_.execute(strm_, {{DNNL_ARG_SRC, src_}, {DNNL_ARG_DST, dst_},
                        {DNNL_ARG_SCALE_SHIFT, ss_}, {DNNL_ARG_MEAN, mean_},
                        {DNNL_ARG_VARIANCE, var_}});
    if (mode_ == Mode::BlockedWithReorders)
      reorder(dst_, yPlain_).execute(strm_, dst_, yPlain_);
    strm_.wait();
  }
  std::vector<float> output() override { return toPlain(dst_, dims_, tag::nchw); }

private:
  Mode mode_;
  stream strm_;
  memory::dims dims_;
  batch_normalization_forward::primitive_desc pd_;
  batch_normalization_forward bn_;
  memory xPlain_, yPlain_, src_, dst_, mean_, var_, ss_;
};

/// Instance norm of channels-last data: per-sample batch normalization.
class DnnlInstanceNormNhwc : public Runner {
public:
  explicit DnnlInstanceNormNhwc(const Problem &p)
      : strm_(cpuEngine()), shape_(p.w.shape),
        x_(normc_test::nchwToNhwc(p.x, p.w.shape)), y_(p.x.size()) {
    const auto &s = p.w.shape;
    memory::desc md({1, s[1], s[2], s[3]}, dt::f32, tag::nhwc);
    auto d = batch_normalization_forward::desc(
        prop_kind::forward_training, md, 1e-5f, normalization_flags::use_scale_shift);
    pd_ = batch_normalization_forward::primitive_desc(d, cpuEngine());
    bn_ = batch_normalization_forward(pd_);
    src_ = memory(md, cpuEngine(), x_.data());
    dst_ = memory(md, cpuEngine(), y_.data());
    mean_ = memory(pd_.mean_desc(), cpuEngine());
    var_ = memory(pd_.variance_desc(), cpuEngine());
    ss_ = memory(pd_.weights_desc(), cpuEngine());
    float *w = static_cast<float *>(ss_.get_data_handle());
    std::memcpy(w, p.gamma.data(), s[1] * sizeof(float));
    std::memcpy(w + s[1], p.beta.data(), s[1] * sizeof(float));
  }
  void run() override {
    const size_t sample = x_.size() / static_cast<size_t>(shape_[0]);
    for (int64_t n = 0; n < shape_[0]; ++n) {
      src_.set_data_handle(x_.data() + n * sample);
      dst_.set_data_handle(y_.data() + n * sample);
      bn_.execute(strm_, {{DNNL_ARG_SRC, src_}, {DNNL_ARG_DST, dst_},
                          {DNNL_ARG_SCALE_SHIFT, ss_}, {DNNL_ARG_MEAN, mean_},
                          {DNNL_ARG_VARIANCE, var_}});
    }
    strm_.wait();
  }
  std::vector<float> output() override { return normc_test::nhwcToNchw(y_, shape_); }

private:
  stream strm_;
  normc_test::Shape shape_;
  std::vector<float> x_, y_;
  batch_normalization_forward::primitive_desc pd_;
  batch_normalization_forward bn_;
  memory src_, dst_, mean_, var_, ss_;
};

class DnnlLayerNorm : public Runner {
public:
  explicit DnnlLayerNorm(const Problem &p) : strm_(cpuEngine()) {
    const auto &s = p.w.shape;
    dims_ = {s[0], s[1] * s[2] * s[3]};
    memory::desc md(dims_, dt::f32, tag::nc);
    auto d = layer_normalization_forward::desc(
        prop_kind::forward_training, md, 1e-5f, normalization_flags::use_scale_shift);
    pd_ = layer_normalization_forward::primitive_desc(d, cpuEngine());
    ln_ = layer_normalization_forward(pd_);
    src_ = memory(md, cpuEngine());
    dst_ = memory(md, cpuEngine());
    fill(src_, p.x);
    mean_ = memory(pd_.mean_desc(), cpuEngine());
    var_ = memory(pd_.variance_desc(), cpuEngine());
    ss_ = memory(pd_.weights_desc(), cpuEngine());
    float *w = static_cast<float *>(ss_.get_data_handle());
    const size_t n = p.gamma.size();
    std::memcpy(w, p.gamma.data(), n * sizeof(float));
    std::memcpy(w + n, p.beta.data(), n * sizeof(float));
  }
  void run() override {
    ln_.execute(strm_, {{DNNL_ARG_SRC, src_}, {DNNL_ARG_DST, dst_},
                        {DNNL_ARG_SCALE_SHIFT, ss_}, {DNNL_ARG_MEAN, mean_},
                        {DNNL_ARG_VARIANCE, var_}});
    strm_.wait();
  }
  std::vector<float> output() override {
    const float *p = static_cast<const float *>(dst_.get_data_handle());
    return std::vector<float>(p, p + dims_[0] * dims_[1]);
  }

private:
  stream strm_;
  memory::dims dims_;
  layer_normalization_forward::primitive_desc pd_;
  layer_normalization_forward ln_;
  memory src_, dst_, mean_, var_, ss_;
};

/// conv3x3 with oneDNN's preferred layouts; optionally the whole block.
class DnnlConvBlock : public Runner {
public:
  DnnlConvBlock(const Problem &p, bool convOnly)
      : convOnly_(convOnly), strm_(cpuEngine()) {
    const auto &s = p.w.shape;
    const int64_t C = s[1];
    dims_ = {s[0], C, s[2], s[3]};
    memory::desc anyMd(dims_, dt::f32, tag::any);
    memory::desc wAny({C, C, 3, 3}, dt::f32, tag::any);
    memory::desc bMd({C}, dt::f32, tag::x);
    auto cd = convolution_forward::desc(prop_kind::forward_inference,
                                        algorithm::convolution_direct, anyMd, wAny,
                                        bMd, anyMd, {1, 1}, {1, 1}, {1, 1});
    cpd_ = convolution_forward::primitive_desc(cd, cpuEngine());
    conv_ = convolution_forward(cpd_);
    xPlain_ = memory({dims_, dt::f32, tag::nchw}, cpuEngine());
    yPlain_ = memory({dims_, dt::f32, tag::nchw}, cpuEngine());
    fill(xPlain_, p.x);
    src_ = memory(cpd_.src_desc(), cpuEngine());
    convDst_ = memory(cpd_.dst_desc(), cpuEngine());
    bias_ = memory(bMd, cpuEngine());
    fill(bias_, p.convBias);
    memory wPlain({{C, C, 3, 3}, dt::f32, tag::oihw}, cpuEngine());
    fill(wPlain, p.weight);
    weights_ = memory(cpd_.weights_desc(), cpuEngine());
    reorder(wPlain, weights_).execute(strm_, wPlain, weights_); // prepacked once
    reorder(xPlain_, src_).execute(strm_, xPlain_, src_);

    // Instance norm = batch norm over (1, N*C, H, W): the same memory in
    // the blocked layout (blocks of channels within each sample).
    memory::desc statsView({1, s[0] * C, s[2], s[3]}, dt::f32, blockedTag());
    if (cpd_.dst_desc().get_size() != statsView.get_size())
      throw std::runtime_error("conv output is not in the blocked layout");
    auto bd = batch_normalization_forward::desc(
        prop_kind::forward_training, statsView, 1e-5f,
        normalization_flags::use_scale_shift | normalization_flags::fuse_norm_relu);
    bpd_ = batch_normalization_forward::primitive_desc(bd, cpuEngine());
    bn_ = batch_normalization_forward(bpd_);
    bnDst_ = memory(cpd_.dst_desc(), cpuEngine());
    bnSrcView_ = memory(statsView, cpuEngine(), convDst_.get_data_handle());
    bnDstView_ = memory(statsView, cpuEngine(), bnDst_.get_data_handle());
    mean_ = memory(bpd_.mean_desc(), cpuEngine());
    var_ = memory(bpd_.variance_desc(), cpuEngine());
    ws_ = memory(bpd_.workspace_desc(), cpuEngine());
    ss_ = memory(bpd_.weights_desc(), cpuEngine());
    float *w = static_cast<float *>(ss_.get_data_handle());
    const int64_t NC = s[0] * C;
    for (int64_t i = 0; i < NC; ++i) {
      w[i] = p.gamma[i % C];
      w[NC + i] = p.beta[i % C];
    }
    strm_.wait();
  }
  void run() override {
    if (!convOnly_)
      reorder(xPlain_, src_).execute(strm_, xPlain_, src_);
    conv_.execute(strm_, {{DNNL_ARG_SRC, src_}, {DNNL_ARG_WEIGHTS, weights_},
                          {DNNL_ARG_BIAS, bias_}, {DNNL_ARG_DST, convDst_}});
    if (!convOnly_) {
      bn_.execute(strm_, {{DNNL_ARG_SRC, bnSrcView_}, {DNNL_ARG_DST, bnDstView_},
                          {DNNL_ARG_SCALE_SHIFT, ss_}, {DNNL_ARG_MEAN, mean_},
                          {DNNL_ARG_VARIANCE, var_}, {DNNL_ARG_WORKSPACE, ws_}});
      reorder(bnDst_, yPlain_).execute(strm_, bnDst_, yPlain_);
    }
    strm_.wait();
  }
  std::vector<float> output() override {
    return toPlain(convOnly_ ? convDst_ : bnDst_, dims_, tag::nchw);
  }
  bool convOnly() const override { return convOnly_; }

private:
  bool convOnly_;
  stream strm_;
  memory::dims dims_;
  convolution_forward::primitive_desc cpd_;
  convolution_forward conv_;
  batch_normalization_forward::primitive_desc bpd_;
  batch_normalization_forward bn_;
  memory xPlain_, yPlain_, src_, convDst_, bias_, weights_, bnDst_, bnSrcView_,
      bnDstView_, mean_, var_, ws_, ss_;
};
} // namespace

std::vector<NamedRunner> makeDnnlRunners(const Problem &p) {
  std::vector<NamedRunner> out;
  using M = DnnlInstanceNorm::Mode;
  switch (p.w.op) {
  case Op::InstanceNorm:
    if (p.w.channelsLast) {
      out.push_back({"oneDNN nhwc (bnorm per sample)",
                     std::make_unique<DnnlInstanceNormNhwc>(p)});
      break;
    }
    out.push_back({"oneDNN nchw", std::make_unique<DnnlInstanceNorm>(p, M::Plain)});
    out.push_back({"oneDNN blocked", std::make_unique<DnnlInstanceNorm>(p, M::Blocked)});
    out.push_back({"oneDNN blocked+reorders",
                   std::make_unique<DnnlInstanceNorm>(p, M::BlockedWithReorders)});
    break;
  case Op::LayerNorm:
    out.push_back({"oneDNN", std::make_unique<DnnlLayerNorm>(p)});
    break;
  case Op::GroupNorm:
    break; // oneDNN 2.6 has no group normalization
  case Op::ConvBlock:
    out.push_back({"oneDNN conv only (blocked)", std::make_unique<DnnlConvBlock>(p, true)});
    out.push_back({"oneDNN reorder->conv->bnorm+relu->reorder",
                   std::make_unique<DnnlConvBlock>(p, false)});
    break;
  }
  return out;
}

} // namespace normc_bench
