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
// reorder. The conv is created with explicit blocked source and destination
// descriptors (with format_tag::any oneDNN may pick a different layout of the
// same size); the batch norm runs on a (1, k*C, H, W) view of the blocked conv
// output, k = N when C is a multiple of the channel block, else k = 1 (one
// call per sample), and the view is checked element by element against the
// conv output's descriptor. Every layout the code relies on is compared with
// memory::desc ==; a mismatch throws instead of computing garbage.
//
//===----------------------------------------------------------------------===//
#include "workloads.h"

#include "layout.h"

#include <oneapi/dnnl/dnnl.hpp>

#include <cstdint>
#include <cstdio>
#include <cstring>
#include <functional>
#include <set>
#include <stdexcept>
#include <string>

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

std::string dimsString(const memory::dims &d) {
  std::string out;
  for (size_t i = 0; i < d.size(); ++i)
    out += (i ? "x" : "") + std::to_string(d[i]);
  return out;
}

/// A memory descriptor's layout in words, for error messages.
std::string describe(const memory::desc &md) {
  const dnnl_memory_desc_t &d = md.data;
  std::string out = "dims " + dimsString(md.dims());
  if (d.format_kind != dnnl_blocked)
    return out + ", not a plain blocked layout (format kind " +
           std::to_string(static_cast<int>(d.format_kind)) + ")";
  const auto &b = d.format_desc.blocking;
  out += ", strides " + dimsString(memory::dims(b.strides, b.strides + d.ndims));
  for (int i = 0; i < b.inner_nblks; ++i)
    out += (i ? " " : ", inner blocks ") + std::to_string(b.inner_blks[i]) + "@dim" +
           std::to_string(b.inner_idxs[i]);
  if (d.offset0)
    out += ", offset " + std::to_string(d.offset0);
  return out;
}

/// Throws unless oneDNN picked exactly the layout the code then reads.
void requireLayout(const memory::desc &got, const memory::desc &want, const char *what) {
  if (!(got == want))
    throw std::runtime_error(std::string("oneDNN: unexpected layout of the ") + what +
                             ": got " + describe(got) + ", expected " + describe(want));
}

/// Element offset of logical index `idx` in a blocked memory descriptor (as
/// oneDNN's memory_desc_wrapper::off_v computes it).
int64_t elementOffset(const dnnl_memory_desc_t &d, const int64_t *idx) {
  const auto &b = d.format_desc.blocking;
  int64_t pos[DNNL_MAX_NDIMS];
  for (int i = 0; i < d.ndims; ++i)
    pos[i] = idx[i] + d.padded_offsets[i];
  int64_t off = d.offset0, blockStride = 1;
  for (int i = b.inner_nblks - 1; i >= 0; --i) {
    const int dim = b.inner_idxs[i];
    off += pos[dim] % b.inner_blks[i] * blockStride;
    pos[dim] /= b.inner_blks[i];
    blockStride *= b.inner_blks[i];
  }
  for (int i = 0; i < d.ndims; ++i)
    off += pos[i] * b.strides[i];
  return off;
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

/// oneDNN's data type for x and y of a workload's storage.
dt dataType(Storage st) {
  return st == Storage::F16 ? dt::f16 : st == Storage::BF16 ? dt::bf16 : dt::f32;
}

/// `v` into `dst` in storage type `st` (f32 copied; 16-bit encoded exactly).
void fillAs(void *dst, const std::vector<float> &v, Storage st) {
  if (st == Storage::F32) {
    std::memcpy(dst, v.data(), v.size() * sizeof(float));
    return;
  }
  std::vector<uint16_t> bits = toStorage16(v, st);
  std::memcpy(dst, bits.data(), bits.size() * sizeof(uint16_t));
}

/// `n` elements of storage type `st` at `src` as floats.
std::vector<float> readAs(const void *src, size_t n, Storage st) {
  if (st == Storage::F32) {
    const float *f = static_cast<const float *>(src);
    return std::vector<float>(f, f + n);
  }
  return fromStorage16(static_cast<const uint16_t *>(src), n, st);
}

/// The memory a oneDNN memory object holds (Runner::buffers()).
Span spanOf(const memory &m) { return {m.get_data_handle(), m.get_desc().get_size()}; }

/// Batch-norm-as-instance-norm in one of the three layouts.
class DnnlInstanceNorm : public Runner {
public:
  enum class Mode { Plain, Blocked, BlockedWithReorders };
  DnnlInstanceNorm(const Problem &p, Mode mode) : mode_(mode), strm_(cpuEngine()) {
    const auto &s = p.w.shape;
    // (1, N*C, H, W) in nchw is exactly the (N, C, H, W) nchw input, so x is
    // copied in as is; the blocked modes reorder that plain view into the
    // blocked layout (and back), never reinterpreting blocked memory.
    dims_ = {1, s[0] * s[1], s[2], s[3]};
    const dt type = dataType(p.w.storage); // scale and shift are f32 in oneDNN 2.6
    memory::desc plainMd(dims_, type, tag::nchw);
    memory::desc md = mode == Mode::Plain ? plainMd
                                          : memory::desc(dims_, type, blockedTag());
    auto d = batch_normalization_forward::desc(
        prop_kind::forward_training, md, 1e-5f, normalization_flags::use_scale_shift);
    pd_ = batch_normalization_forward::primitive_desc(d, cpuEngine());
    requireLayout(pd_.src_desc(), md, "bnorm source");
    requireLayout(pd_.dst_desc(), md, "bnorm destination");
    bn_ = batch_normalization_forward(pd_);
    xPlain_ = memory(plainMd, cpuEngine());
    yPlain_ = memory(plainMd, cpuEngine());
    fillAs(xPlain_.get_data_handle(), p.x, p.w.storage);
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
  std::vector<Span> buffers() override {
    return {spanOf(xPlain_), spanOf(yPlain_), spanOf(src_), spanOf(dst_),
            spanOf(mean_),   spanOf(var_),    spanOf(ss_)};
  }

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
      : strm_(cpuEngine()), shape_(p.w.shape), storage_(p.w.storage),
        x_(p.x.size() * p.w.elemBytes()), y_(x_.size()) {
    const auto &s = p.w.shape;
    fillAs(x_.data(), normc_test::nchwToNhwc(p.x, p.w.shape), storage_);
    memory::desc md({1, s[1], s[2], s[3]}, dataType(storage_), tag::nhwc);
    auto d = batch_normalization_forward::desc(
        prop_kind::forward_training, md, 1e-5f, normalization_flags::use_scale_shift);
    pd_ = batch_normalization_forward::primitive_desc(d, cpuEngine());
    requireLayout(pd_.src_desc(), md, "bnorm source");
    requireLayout(pd_.dst_desc(), md, "bnorm destination");
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
  std::vector<float> output() override {
    const size_t n = x_.size() / (storage_ == Storage::F32 ? 4 : 2);
    return normc_test::nhwcToNchw(readAs(y_.data(), n, storage_), shape_);
  }
  std::vector<Span> buffers() override {
    return {{x_.data(), x_.size()}, {y_.data(), y_.size()},
            spanOf(mean_), spanOf(var_), spanOf(ss_)};
  }

private:
  stream strm_;
  normc_test::Shape shape_;
  Storage storage_;
  std::vector<unsigned char> x_, y_; ///< NHWC, in the storage type
  batch_normalization_forward::primitive_desc pd_;
  batch_normalization_forward bn_;
  memory src_, dst_, mean_, var_, ss_;
};

class DnnlLayerNorm : public Runner {
public:
  explicit DnnlLayerNorm(const Problem &p) : strm_(cpuEngine()), storage_(p.w.storage) {
    const auto &s = p.w.shape;
    dims_ = {s[0], s[1] * s[2] * s[3]};
    memory::desc md(dims_, dataType(storage_), tag::nc); // scale and shift: f32
    auto d = layer_normalization_forward::desc(
        prop_kind::forward_training, md, 1e-5f, normalization_flags::use_scale_shift);
    pd_ = layer_normalization_forward::primitive_desc(d, cpuEngine());
    requireLayout(pd_.src_desc(), md, "layer norm source");
    requireLayout(pd_.dst_desc(), md, "layer norm destination");
    ln_ = layer_normalization_forward(pd_);
    src_ = memory(md, cpuEngine());
    dst_ = memory(md, cpuEngine());
    fillAs(src_.get_data_handle(), p.x, storage_);
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
    return readAs(dst_.get_data_handle(), dims_[0] * dims_[1], storage_);
  }
  std::vector<Span> buffers() override {
    return {spanOf(src_), spanOf(dst_), spanOf(mean_), spanOf(var_), spanOf(ss_)};
  }

private:
  stream strm_;
  Storage storage_;
  memory::dims dims_;
  layer_normalization_forward::primitive_desc pd_;
  layer_normalization_forward ln_;
  memory src_, dst_, mean_, var_, ss_;
};

/// conv3x3 in the blocked layout (nChw8c / nChw16c, asked for explicitly;
/// weights in the layout oneDNN prefers, prepacked once); optionally the
/// whole block: reorder -> conv -> bnorm+relu -> reorder.
class DnnlConvBlock : public Runner {
public:
  DnnlConvBlock(const Problem &p, bool convOnly)
      : convOnly_(convOnly), strm_(cpuEngine()) {
    const auto &s = p.w.shape;
    const int64_t N = s[0], C = s[1], H = s[2], W = s[3];
    dims_ = {N, C, H, W};
    // Source and destination in the blocked layout, not format_tag::any:
    // with `any` oneDNN may choose another layout of the same size (e.g.
    // nhwc for its brgemm convolutions on AVX-512), which the batch norm
    // below would misread.
    const memory::desc blockedMd(dims_, dt::f32, blockedTag());
    memory::desc wAny({C, C, 3, 3}, dt::f32, tag::any);
    memory::desc bMd({C}, dt::f32, tag::x);
    auto cd = convolution_forward::desc(prop_kind::forward_inference,
                                        algorithm::convolution_direct, blockedMd, wAny,
                                        bMd, blockedMd, {1, 1}, {1, 1}, {1, 1});
    cpd_ = convolution_forward::primitive_desc(cd, cpuEngine());
    requireLayout(cpd_.src_desc(), blockedMd, "conv source");
    requireLayout(cpd_.dst_desc(), blockedMd, "conv destination");
    requireLayout(cpd_.bias_desc(), bMd, "conv bias");
    conv_ = convolution_forward(cpd_);
    xPlain_ = memory({dims_, dt::f32, tag::nchw}, cpuEngine());
    yPlain_ = memory({dims_, dt::f32, tag::nchw}, cpuEngine());
    fill(xPlain_, p.x);
    src_ = memory(blockedMd, cpuEngine());
    convDst_ = memory(blockedMd, cpuEngine());
    bias_ = memory(bMd, cpuEngine());
    fill(bias_, p.convBias);
    memory wPlain({{C, C, 3, 3}, dt::f32, tag::oihw}, cpuEngine());
    fill(wPlain, p.weight);
    weights_ = memory(cpd_.weights_desc(), cpuEngine());
    reorder(wPlain, weights_).execute(strm_, wPlain, weights_); // prepacked once
    reorder(xPlain_, src_).execute(strm_, xPlain_, src_);
    if (!convOnly_)
      initNorm(p, blockedMd);
    strm_.wait();
  }
  void run() override {
    if (!convOnly_)
      reorder(xPlain_, src_).execute(strm_, xPlain_, src_);
    conv_.execute(strm_, {{DNNL_ARG_SRC, src_}, {DNNL_ARG_WEIGHTS, weights_},
                          {DNNL_ARG_BIAS, bias_}, {DNNL_ARG_DST, convDst_}});
    if (!convOnly_) {
      for (int64_t call = 0; call < calls_; ++call) {
        if (calls_ > 1) {
          bnSrcView_.set_data_handle(static_cast<float *>(convDst_.get_data_handle()) +
                                     call * callStride_);
          bnDstView_.set_data_handle(static_cast<float *>(bnDst_.get_data_handle()) +
                                     call * callStride_);
        }
        bn_.execute(strm_, {{DNNL_ARG_SRC, bnSrcView_}, {DNNL_ARG_DST, bnDstView_},
                            {DNNL_ARG_SCALE_SHIFT, ss_}, {DNNL_ARG_MEAN, mean_},
                            {DNNL_ARG_VARIANCE, var_}, {DNNL_ARG_WORKSPACE, ws_}});
      }
      reorder(bnDst_, yPlain_).execute(strm_, bnDst_, yPlain_);
    }
    strm_.wait();
  }
  std::vector<float> output() override {
    return toPlain(convOnly_ ? convDst_ : bnDst_, dims_, tag::nchw);
  }
  std::vector<Span> buffers() override {
    std::vector<Span> out = {spanOf(xPlain_), spanOf(src_), spanOf(convDst_), spanOf(bias_),
                             spanOf(weights_)};
    if (!convOnly_)
      for (const memory *m : {&yPlain_, &bnDst_, &mean_, &var_, &ws_, &ss_})
        out.push_back(spanOf(*m));
    return out;
  }
  bool convOnly() const override { return convOnly_; }

private:
  /// Instance norm = batch norm (batch statistics) over the channels of the
  /// conv output viewed as (1, k*C, H, W) in the same blocked layout, k
  /// consecutive samples per call. In nChw{b}c sample n's channel block j is
  /// block n*ceil(C/b) + j, so the view of k > 1 samples is the same memory
  /// only when C % b == 0 (no padding channels between samples): then one
  /// call covers all N samples (k = N); otherwise one call per sample (k = 1:
  /// the view is the sample's own (1, C, H, W) block). The view is verified
  /// element by element against the conv output's descriptor below.
  void initNorm(const Problem &p, const memory::desc &convMd) {
    const auto &s = p.w.shape;
    const int64_t N = s[0], C = s[1], H = s[2], W = s[3];
    const int64_t b = blockedTag() == tag::nChw16c ? 16 : 8;
    const int64_t k = C % b == 0 ? N : 1;
    calls_ = N / k;
    const memory::desc view({1, k * C, H, W}, dt::f32, blockedTag());
    checkView(convMd, view, k);
    auto bd = batch_normalization_forward::desc(
        prop_kind::forward_training, view, 1e-5f,
        normalization_flags::use_scale_shift | normalization_flags::fuse_norm_relu);
    bpd_ = batch_normalization_forward::primitive_desc(bd, cpuEngine());
    requireLayout(bpd_.src_desc(), view, "bnorm source");
    requireLayout(bpd_.dst_desc(), view, "bnorm destination");
    bn_ = batch_normalization_forward(bpd_);
    bnDst_ = memory(convMd, cpuEngine());
    bnSrcView_ = memory(view, cpuEngine(), convDst_.get_data_handle());
    bnDstView_ = memory(view, cpuEngine(), bnDst_.get_data_handle());
    mean_ = memory(bpd_.mean_desc(), cpuEngine());
    var_ = memory(bpd_.variance_desc(), cpuEngine());
    ws_ = memory(bpd_.workspace_desc(), cpuEngine());
    ss_ = memory(bpd_.weights_desc(), cpuEngine());
    // Row 0: scale, row 1: shift, per (sample, c) channel of the view.
    float *w = static_cast<float *>(ss_.get_data_handle());
    const int64_t KC = k * C;
    for (int64_t i = 0; i < KC; ++i) {
      w[i] = p.gamma[i % C];
      w[KC + i] = p.beta[i % C];
    }
  }

  /// Throws unless element (0, (n % k)*C + c, h, w) of `view`, placed at
  /// call n / k, is element (n, c, h, w) of `md`, for every element, and the
  /// calls' views tile md's memory exactly (so the batch norm's writes of
  /// padding channels land on padding).
  void checkView(const memory::desc &md, const memory::desc &view, int64_t k) {
    const dnnl_memory_desc_t &d = md.data, &v = view.data;
    if (d.format_kind != dnnl_blocked || v.format_kind != dnnl_blocked || d.ndims != 4 ||
        v.ndims != 4)
      throw std::runtime_error("oneDNN conv block: not a blocked 4-d layout: " +
                               describe(md) + " / " + describe(view));
    const int64_t N = dims_[0], C = dims_[1], H = dims_[2], W = dims_[3];
    const int64_t sampleStride = d.format_desc.blocking.strides[0];
    callStride_ = k * sampleStride;
    if (md.get_size() != static_cast<size_t>(N * sampleStride) * sizeof(float) ||
        view.get_size() != static_cast<size_t>(callStride_) * sizeof(float))
      throw std::runtime_error("oneDNN conv block: the (1, " + std::to_string(k * C) +
                               ", H, W) view does not tile the conv output: " +
                               describe(md) + " / " + describe(view));
    for (int64_t n = 0; n < N; ++n)
      for (int64_t c = 0; c < C; ++c)
        for (int64_t h = 0; h < H; ++h)
          for (int64_t x = 0; x < W; ++x) {
            const int64_t orig[4] = {n, c, h, x}, inView[4] = {0, n % k * C + c, h, x};
            if (elementOffset(d, orig) != n / k * callStride_ + elementOffset(v, inView))
              throw std::runtime_error(
                  "oneDNN conv block: the (1, " + std::to_string(k * C) +
                  ", H, W) batch-norm view is not the conv output's memory (element " +
                  dimsString({n, c, h, x}) + "): " + describe(md) + " / " + describe(view));
          }
  }

  bool convOnly_;
  stream strm_;
  memory::dims dims_;
  int64_t calls_ = 1;      ///< batch norm calls per run (samples / samples per call)
  int64_t callStride_ = 0; ///< floats between the views of consecutive calls
  convolution_forward::primitive_desc cpd_;
  convolution_forward conv_;
  batch_normalization_forward::primitive_desc bpd_;
  batch_normalization_forward bn_;
  memory xPlain_, yPlain_, src_, convDst_, bias_, weights_, bnDst_, bnSrcView_,
      bnDstView_, mean_, var_, ws_, ss_;
};
} // namespace

namespace {
/// A runner made later: each is created on its own, so that one missing
/// kernel (16-bit storage) drops its own row only.
struct RunnerMaker {
  std::string name;
  std::function<std::unique_ptr<Runner>()> make;
};

std::vector<RunnerMaker> dnnlRunnerMakers(const Problem &p) {
  using M = DnnlInstanceNorm::Mode;
  auto instanceNorm = [&p](M mode) {
    return [&p, mode]() -> std::unique_ptr<Runner> {
      return std::make_unique<DnnlInstanceNorm>(p, mode);
    };
  };
  switch (p.w.op) {
  case Op::InstanceNorm:
    if (p.w.channelsLast)
      return {{"oneDNN nhwc (bnorm per sample)",
               [&p] { return std::make_unique<DnnlInstanceNormNhwc>(p); }}};
    return {{"oneDNN nchw", instanceNorm(M::Plain)},
            {"oneDNN blocked", instanceNorm(M::Blocked)},
            {"oneDNN blocked+reorders", instanceNorm(M::BlockedWithReorders)}};
  case Op::LayerNorm:
    return {{"oneDNN", [&p] { return std::make_unique<DnnlLayerNorm>(p); }}};
  case Op::GroupNorm:
    return {}; // oneDNN 2.6 has no group normalization
  case Op::ConvBlock:
    return {{"oneDNN conv only (blocked)",
             [&p] { return std::make_unique<DnnlConvBlock>(p, true); }},
            {"oneDNN reorder->conv->bnorm+relu->reorder",
             [&p] { return std::make_unique<DnnlConvBlock>(p, false); }}};
  case Op::ResidualBlock:
    return {}; // libtorch's sequence is the comparison (bench/README.md)
  }
  return {};
}
} // namespace

std::vector<NamedRunner> makeDnnlRunners(const Problem &p) {
  std::vector<NamedRunner> out;
  for (RunnerMaker &maker : dnnlRunnerMakers(p)) {
    try {
      out.push_back({maker.name, maker.make()});
    } catch (const dnnl::error &e) {
      // 16-bit storage: oneDNN 2.6 has bf16 normalizations on AVX-512
      // machines (none on AVX2) and f16 ones on none of these CPUs; without
      // a kernel, creating the primitive descriptor fails with
      // dnnl_unimplemented and the row is left out. Any other failure (or
      // a missing f32 kernel) is an error of the benchmark.
      if (e.status != dnnl_unimplemented || p.w.storage == Storage::F32)
        throw;
      static std::set<std::string> told;
      if (told.insert(maker.name + "|" + p.w.opName()).second)
        std::printf("  oneDNN: no %s kernel for '%s' on this CPU (%s): row left out\n",
                    p.w.opName().c_str(), maker.name.c_str(), e.what());
    }
  }
  return out;
}

} // namespace normc_bench
