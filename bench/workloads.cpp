//===- workloads.cpp - workload list, inputs and double references --------===//
#include "workloads.h"

#include "data.h"
#include "half.h"

#include <cmath>

namespace normc_bench {

namespace {
/// "" for f32, else "f16" / "bf16".
std::string storageName(Storage s) {
  return s == Storage::F16 ? "f16" : s == Storage::BF16 ? "bf16" : "";
}
} // namespace

std::string Workload::opName() const {
  const std::string type = storage == Storage::F32 ? "" : " " + storageName(storage);
  switch (op) {
  case Op::InstanceNorm:
    return (channelsLast ? "instance_norm NHWC" : "instance_norm") + type;
  case Op::GroupNorm:
    return "group_norm G=" + std::to_string(groups) + type;
  case Op::LayerNorm:
    return "layer_norm (C,H,W)" + type;
  case Op::ConvBlock:
    return "conv3x3->IN->ReLU";
  case Op::ResidualBlock:
    return "residual block";
  }
  return "?";
}

double Workload::convFlops() const {
  const double one = 2.0 * shape[1] * shape[1] * 9 * shape[2] * shape[3] * shape[0];
  return op == Op::ConvBlock ? one : op == Op::ResidualBlock ? 2 * one : 0;
}

std::string Workload::shapeName() const {
  std::string s = "(";
  for (size_t i = 0; i < shape.size(); ++i)
    s += (i ? "," : "") + std::to_string(shape[i]);
  return s + ")";
}

std::string Workload::normcKernel() const {
  std::string dims = storage == Storage::F32 ? "" : storageName(storage) + "_";
  for (size_t i = 0; i < shape.size(); ++i)
    dims += (i ? "x" : "") + std::to_string(shape[i]);
  switch (op) {
  case Op::InstanceNorm:
    return (channelsLast ? "in_nhwc_" : "in_") + dims;
  case Op::GroupNorm:
    return "gn" + std::to_string(groups) + "_" + dims;
  case Op::LayerNorm:
    return "ln_" + dims;
  case Op::ConvBlock:
    return "block_fused_" + dims; // and block_unfused_<dims>
  case Op::ResidualBlock:
    return "residual_" + dims;
  }
  return "";
}

std::vector<Workload> allWorkloads() {
  const std::vector<Shape> norm = {{1, 64, 256, 256}, {1, 128, 128, 128},
                                   {8, 64, 128, 128}, {16, 256, 32, 32},
                                   {1, 32, 512, 512}, {4, 512, 16, 16},
                                   {2, 3, 1024, 1024}, {3, 5, 7, 13}};
  std::vector<Workload> out;
  for (const Shape &s : norm)
    out.push_back({Op::InstanceNorm, s});
  for (size_t i = 0; i < 6; ++i)
    out.push_back({Op::GroupNorm, norm[i], 32});
  for (size_t i = 0; i < 6; ++i)
    out.push_back({Op::LayerNorm, norm[i]});
  for (const Shape &s : {Shape{1, 64, 256, 256}, Shape{8, 64, 128, 128},
                         Shape{16, 256, 32, 32}, Shape{3, 5, 7, 13}})
    out.push_back({Op::InstanceNorm, s, 1, /*channelsLast=*/true});
  for (const Shape &s : {Shape{1, 64, 128, 128}, Shape{1, 128, 64, 64},
                         Shape{1, 32, 256, 256}, Shape{4, 64, 64, 64}})
    out.push_back({Op::ConvBlock, s});
  // 16-bit storage: the IN shapes of 1-16 MiB in f32 (8-32 MiB of traffic
  // in f16), and one shape each of GN, LN and NHWC IN.
  for (Storage st : {Storage::F16, Storage::BF16}) {
    for (const Shape &s : {Shape{1, 64, 256, 256}, Shape{8, 64, 128, 128}, Shape{16, 256, 32, 32}})
      out.push_back({Op::InstanceNorm, s, 1, false, st});
    const Shape s{8, 64, 128, 128};
    out.push_back({Op::GroupNorm, s, 32, false, st});
    out.push_back({Op::LayerNorm, s, 1, false, st});
    out.push_back({Op::InstanceNorm, s, 1, /*channelsLast=*/true, st});
  }
  // TransformerNet's residual blocks: 128 channels at a quarter of a 256x256
  // image, and 64 channels at 128x128.
  for (const Shape &s : {Shape{1, 128, 64, 64}, Shape{1, 64, 128, 128}})
    out.push_back({Op::ResidualBlock, s});
  return out;
}

std::vector<Workload> checkWorkloads() {
  return {{Op::InstanceNorm, {3, 5, 7, 13}},
          {Op::InstanceNorm, {1, 64, 256, 256}},
          {Op::InstanceNorm, {3, 5, 7, 13}, 1, /*channelsLast=*/true},
          {Op::GroupNorm, {1, 64, 256, 256}, 32},
          {Op::LayerNorm, {4, 512, 16, 16}},
          {Op::InstanceNorm, {8, 64, 128, 128}, 1, false, Storage::BF16},
          {Op::InstanceNorm, {8, 64, 128, 128}, 1, /*channelsLast=*/true, Storage::F16},
          {Op::ConvBlock, {1, 32, 64, 64}},
          {Op::ResidualBlock, {1, 16, 24, 24}}};
}

namespace {
/// conv3x3, stride 1, padding 1 (zeros, or the reflection of the border
/// when `reflect`), C -> K = C, with bias; double result.
std::vector<double> conv3x3Ref(const std::vector<float> &x, const Shape &s,
                               const std::vector<float> &w,
                               const std::vector<float> &bias, bool reflect = false) {
  const int64_t N = s[0], C = s[1], H = s[2], W = s[3], K = C;
  std::vector<double> y(N * K * H * W);
  std::vector<double> acc(H * W);
  for (int64_t n = 0; n < N; ++n)
    for (int64_t k = 0; k < K; ++k) {
      std::fill(acc.begin(), acc.end(), static_cast<double>(bias[k]));
      for (int64_t c = 0; c < C; ++c) {
        const float *xp = &x[(n * C + c) * H * W];
        for (int64_t r = 0; r < 3; ++r)
          for (int64_t q = 0; q < 3; ++q) {
            const double wv = w[((k * C + c) * 3 + r) * 3 + q];
            for (int64_t h = 0; h < H; ++h) {
              int64_t ih = h + r - 1;
              if (reflect) // -1 -> 1, H -> H - 2 (PyTorch's ReflectionPad2d)
                ih = ih < 0 ? -ih : ih >= H ? 2 * H - 2 - ih : ih;
              if (ih < 0 || ih >= H)
                continue;
              for (int64_t ww = 0; ww < W; ++ww) {
                int64_t iw = ww + q - 1;
                if (reflect)
                  iw = iw < 0 ? -iw : iw >= W ? 2 * W - 2 - iw : iw;
                if (iw >= 0 && iw < W)
                  acc[h * W + ww] += wv * xp[ih * W + iw];
              }
            }
          }
      }
      std::copy(acc.begin(), acc.end(), y.begin() + (n * K + k) * H * W);
    }
  return y;
}
} // namespace

Problem makeProblem(const Workload &w, bool withReference) {
  Problem p;
  p.w = w;
  const Shape &s = w.shape;
  const int64_t C = s[1];
  int64_t plane = s[2] * s[3];
  if (w.op == Op::GroupNorm)
    plane *= C / w.groups;
  if (w.op == Op::LayerNorm)
    plane *= C;
  p.x = normc_test::randomPlanes(s, plane, 2.0, 1.5, 1234);
  const int64_t params = w.op == Op::LayerNorm ? C * s[2] * s[3] : C;
  p.gamma = normc_test::randomVector(params, 0.5, 1.5, 1);
  p.beta = normc_test::randomVector(params, -0.5, 0.5, 2);
  if (w.storage != Storage::F32)
    for (std::vector<float> *v : {&p.x, &p.gamma, &p.beta})
      *v = fromStorage16(toStorage16(*v, w.storage).data(), v->size(), w.storage);
  if (w.op == Op::ConvBlock || w.op == Op::ResidualBlock) {
    const double bound = 1.0 / std::sqrt(9.0 * C); // PyTorch's default init
    p.weight = normc_test::randomVector(C * C * 9, -bound, bound, 3);
    p.convBias = normc_test::randomVector(C, -bound, bound, 4);
  }
  if (w.op == Op::ResidualBlock) {
    const double bound = 1.0 / std::sqrt(9.0 * C);
    p.weight2 = normc_test::randomVector(C * C * 9, -bound, bound, 5);
    p.convBias2 = normc_test::randomVector(C, -bound, bound, 6);
    p.gamma2 = normc_test::randomVector(C, 0.5, 1.5, 7);
    p.beta2 = normc_test::randomVector(C, -0.5, 0.5, 8);
  }
  if (!withReference)
    return p;
  switch (w.op) {
  case Op::InstanceNorm:
    p.ref = normc_test::instanceNormRef(p.x, s, &p.gamma, &p.beta, 1e-5);
    break;
  case Op::GroupNorm:
    p.ref = normc_test::groupNormRef(p.x, s, w.groups, &p.gamma, &p.beta, 1e-5);
    break;
  case Op::LayerNorm:
    p.ref = normc_test::layerNormRef(p.x, s, 1, &p.gamma, &p.beta, 1e-5);
    break;
  case Op::ConvBlock: {
    p.convRef = conv3x3Ref(p.x, s, p.weight, p.convBias);
    std::vector<float> conv(p.convRef.begin(), p.convRef.end());
    p.ref = normc_test::instanceNormRef(conv, s, &p.gamma, &p.beta, 1e-5);
    for (double &v : p.ref)
      v = v > 0 ? v : 0;
    break;
  }
  case Op::ResidualBlock: {
    // Each stage's double result rounded to f32 for the next, as the
    // kernels store f32 between the two halves.
    auto toFloat = [](const std::vector<double> &v) {
      return std::vector<float>(v.begin(), v.end());
    };
    auto h = normc_test::instanceNormRef(
        toFloat(conv3x3Ref(p.x, s, p.weight, p.convBias, /*reflect=*/true)), s, &p.gamma,
        &p.beta, 1e-5);
    for (double &v : h)
      v = v > 0 ? v : 0;
    p.ref = normc_test::instanceNormRef(
        toFloat(conv3x3Ref(toFloat(h), s, p.weight2, p.convBias2, /*reflect=*/true)), s,
        &p.gamma2, &p.beta2, 1e-5);
    for (size_t i = 0; i < p.ref.size(); ++i)
      p.ref[i] += p.x[i];
    break;
  }
  }
  return p;
}

std::vector<uint16_t> toStorage16(const std::vector<float> &v, Storage s) {
  return s == Storage::F16 ? normc_test::encode(v, normc_test::toF16)
                           : normc_test::encode(v, normc_test::toBf16);
}

std::vector<float> fromStorage16(const uint16_t *v, size_t n, Storage s) {
  std::vector<float> out(n);
  for (size_t i = 0; i < n; ++i)
    out[i] = s == Storage::F16 ? normc_test::fromF16(v[i]) : normc_test::fromBf16(v[i]);
  return out;
}

} // namespace normc_bench
