//===- reference.h - double-precision reference implementations -----------===//
//
// Written independently of normc's lowering: direct loops over NCHW tensors in
// double precision with the textbook two-pass variance. Used as ground truth
// by the numerics and end-to-end tests.
//
//===----------------------------------------------------------------------===//
#ifndef NORMC_TEST_COMMON_REFERENCE_H_
#define NORMC_TEST_COMMON_REFERENCE_H_

#include <cmath>
#include <cstdint>
#include <vector>

namespace normc_test {

using Shape = std::vector<int64_t>;

inline int64_t numel(const Shape &s) {
  int64_t n = 1;
  for (int64_t d : s)
    n *= d;
  return n;
}

/// Normalizes `x` viewed as [outer, groupsPerOuter, inner]: every contiguous
/// run of `inner` elements is one normalization set. Returns doubles.
/// `paramOf(i)` maps a flat element index to the index of its affine
/// parameter (or -1 when there is none).
template <typename ParamIndex>
std::vector<double> normalizeSets(const std::vector<float> &x, int64_t sets,
                                  int64_t inner, const std::vector<float> *scale,
                                  const std::vector<float> *bias, double eps,
                                  ParamIndex paramOf) {
  std::vector<double> y(x.size());
  for (int64_t s = 0; s < sets; ++s) {
    const int64_t base = s * inner;
    double mean = 0;
    for (int64_t i = 0; i < inner; ++i)
      mean += x[base + i];
    mean /= static_cast<double>(inner);
    double var = 0;
    for (int64_t i = 0; i < inner; ++i) {
      double d = x[base + i] - mean;
      var += d * d;
    }
    var /= static_cast<double>(inner);
    const double rstd = 1.0 / std::sqrt(var + eps);
    for (int64_t i = 0; i < inner; ++i) {
      double v = (x[base + i] - mean) * rstd;
      int64_t p = paramOf(base + i);
      if (scale)
        v *= (*scale)[p];
      if (bias)
        v += (*bias)[p];
      y[base + i] = v;
    }
  }
  return y;
}

/// Instance norm of x [N, C, spatial...] with optional per-channel affine.
inline std::vector<double> instanceNormRef(const std::vector<float> &x,
                                           const Shape &shape,
                                           const std::vector<float> *scale,
                                           const std::vector<float> *bias,
                                           double eps) {
  const int64_t C = shape[1];
  const int64_t plane = numel(shape) / (shape[0] * C);
  return normalizeSets(x, shape[0] * C, plane, scale, bias, eps,
                       [&](int64_t i) { return (i / plane) % C; });
}

/// Group norm: channels of a group are contiguous with their planes in NCHW,
/// so each (n, group) is one contiguous set.
inline std::vector<double> groupNormRef(const std::vector<float> &x,
                                        const Shape &shape, int64_t groups,
                                        const std::vector<float> *scale,
                                        const std::vector<float> *bias,
                                        double eps) {
  const int64_t C = shape[1];
  const int64_t plane = numel(shape) / (shape[0] * C);
  const int64_t setSize = plane * (C / groups);
  return normalizeSets(x, shape[0] * groups, setSize, scale, bias, eps,
                       [&](int64_t i) { return (i / plane) % C; });
}

/// Layer norm over dims [axis, rank): parameters have shape shape[axis:].
inline std::vector<double> layerNormRef(const std::vector<float> &x,
                                        const Shape &shape, int axis,
                                        const std::vector<float> *scale,
                                        const std::vector<float> *bias,
                                        double eps) {
  int64_t inner = 1;
  for (size_t d = axis; d < shape.size(); ++d)
    inner *= shape[d];
  return normalizeSets(x, numel(shape) / inner, inner, scale, bias, eps,
                       [&](int64_t i) { return i % inner; });
}

/// Per-(n, c) mean and 1/sqrt(var + eps) of x [N, C, H, W].
inline void planeMomentsRef(const std::vector<float> &x, const Shape &shape,
                            double eps, std::vector<double> &mean,
                            std::vector<double> &rstd) {
  const int64_t sets = shape[0] * shape[1];
  const int64_t plane = numel(shape) / sets;
  mean.assign(sets, 0);
  rstd.assign(sets, 0);
  for (int64_t s = 0; s < sets; ++s) {
    double m = 0, v = 0;
    for (int64_t i = 0; i < plane; ++i)
      m += x[s * plane + i];
    m /= static_cast<double>(plane);
    for (int64_t i = 0; i < plane; ++i)
      v += (x[s * plane + i] - m) * (x[s * plane + i] - m);
    mean[s] = m;
    rstd[s] = 1.0 / std::sqrt(v / static_cast<double>(plane) + eps);
  }
}

/// Normalization with batch statistics: per channel over N and the spatial
/// dims (biased variance), no affine.
inline std::vector<double> batchStatsNormRef(const std::vector<float> &x,
                                             const Shape &shape, double eps) {
  const int64_t N = shape[0], C = shape[1];
  const int64_t plane = numel(shape) / (N * C);
  std::vector<double> y(x.size());
  for (int64_t c = 0; c < C; ++c) {
    double mean = 0, m2 = 0;
    for (int64_t n = 0; n < N; ++n)
      for (int64_t i = 0; i < plane; ++i)
        mean += x[(n * C + c) * plane + i];
    mean /= static_cast<double>(N * plane);
    for (int64_t n = 0; n < N; ++n)
      for (int64_t i = 0; i < plane; ++i) {
        double d = x[(n * C + c) * plane + i] - mean;
        m2 += d * d;
      }
    const double rstd = 1.0 / std::sqrt(m2 / static_cast<double>(N * plane) + eps);
    for (int64_t n = 0; n < N; ++n)
      for (int64_t i = 0; i < plane; ++i) {
        const int64_t k = (n * C + c) * plane + i;
        y[k] = (x[k] - mean) * rstd;
      }
  }
  return y;
}

/// AdaIN (Huang & Belongie), as their reference code computes it: per-(n, c)
/// mean and std = sqrt(var + eps) with the unbiased variance (biased with
/// `biased`), style batch N or 1, blended with the content by alpha.
inline std::vector<double> adainRef(const std::vector<float> &content,
                                    const Shape &cs,
                                    const std::vector<float> &style,
                                    const Shape &ss, double alpha, double eps,
                                    bool biased) {
  auto stats = [&](const std::vector<float> &t, const Shape &s, int64_t n,
                   int64_t c, double &mean, double &std) {
    const int64_t plane = numel(s) / (s[0] * s[1]);
    const float *p = &t[(n * s[1] + c) * plane];
    mean = 0;
    for (int64_t i = 0; i < plane; ++i)
      mean += p[i];
    mean /= static_cast<double>(plane);
    double m2 = 0;
    for (int64_t i = 0; i < plane; ++i)
      m2 += (p[i] - mean) * (p[i] - mean);
    std = std::sqrt(m2 / static_cast<double>(biased ? plane : plane - 1) + eps);
  };
  std::vector<double> y(content.size());
  const int64_t plane = numel(cs) / (cs[0] * cs[1]);
  for (int64_t n = 0; n < cs[0]; ++n)
    for (int64_t c = 0; c < cs[1]; ++c) {
      double cm, csd, sm, ssd;
      stats(content, cs, n, c, cm, csd);
      stats(style, ss, ss[0] == 1 ? 0 : n, c, sm, ssd);
      for (int64_t i = 0; i < plane; ++i) {
        const int64_t k = (n * cs[1] + c) * plane + i;
        double ada = (content[k] - cm) / csd * ssd + sm;
        y[k] = alpha * ada + (1.0 - alpha) * content[k];
      }
    }
  return y;
}

inline double reluRef(double v) { return v > 0 ? v : 0; }
inline double leakyReluRef(double v, double a) { return v >= 0 ? v : a * v; }
inline double sigmoidRef(double v) { return 1.0 / (1.0 + std::exp(-v)); }
inline double siluRef(double v) { return v * sigmoidRef(v); }
inline double geluRef(double v) { return 0.5 * v * (1.0 + std::erf(v / std::sqrt(2.0))); }
inline double geluTanhRef(double v) {
  const double k = std::sqrt(2.0 / M_PI);
  return 0.5 * v * (1.0 + std::tanh(k * (v + 0.044715 * v * v * v)));
}

} // namespace normc_test

#endif // NORMC_TEST_COMMON_REFERENCE_H_
