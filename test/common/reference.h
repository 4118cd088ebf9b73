//===- reference.h - double-precision reference implementations -----------===//
//
// Written independently of normc's lowering: direct loops over NCHW tensors in
// double precision with the textbook two-pass variance. Used as ground truth
// by the numerics and end-to-end tests.
//
//===----------------------------------------------------------------------===//
#ifndef NORMC_TEST_COMMON_REFERENCE_H_
#define NORMC_TEST_COMMON_REFERENCE_H_

#include <algorithm>
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

/// Per-(n, c) mean and sum of squared deviations from it (two-pass) of x
/// [N, C, spatial...].
inline void planeSumsRef(const std::vector<float> &x, const Shape &shape,
                         std::vector<double> &mean, std::vector<double> &m2) {
  const int64_t sets = shape[0] * shape[1];
  const int64_t plane = numel(shape) / sets;
  mean.assign(sets, 0);
  m2.assign(sets, 0);
  for (int64_t s = 0; s < sets; ++s) {
    double m = 0, v = 0;
    for (int64_t i = 0; i < plane; ++i)
      m += x[s * plane + i];
    m /= static_cast<double>(plane);
    for (int64_t i = 0; i < plane; ++i)
      v += (x[s * plane + i] - m) * (x[s * plane + i] - m);
    mean[s] = m;
    m2[s] = v;
  }
}

/// Per-(n, c) mean and 1/sqrt(var + eps) of x [N, C, H, W].
inline void planeMomentsRef(const std::vector<float> &x, const Shape &shape,
                            double eps, std::vector<double> &mean,
                            std::vector<double> &rstd) {
  const int64_t plane = numel(shape) / (shape[0] * shape[1]);
  std::vector<double> m2;
  planeSumsRef(x, shape, mean, m2);
  rstd.resize(m2.size());
  for (size_t s = 0; s < m2.size(); ++s)
    rstd[s] = 1.0 / std::sqrt(m2[s] / static_cast<double>(plane) + eps);
}

/// Per-channel mean and sum of squared deviations (two-pass) over N and the
/// spatial dims of x [N, C, spatial...].
inline void channelSumsRef(const std::vector<float> &x, const Shape &shape,
                           std::vector<double> &mean, std::vector<double> &m2) {
  const int64_t N = shape[0], C = shape[1];
  const int64_t plane = numel(shape) / (N * C);
  mean.assign(C, 0);
  m2.assign(C, 0);
  for (int64_t c = 0; c < C; ++c) {
    for (int64_t n = 0; n < N; ++n)
      for (int64_t i = 0; i < plane; ++i)
        mean[c] += x[(n * C + c) * plane + i];
    mean[c] /= static_cast<double>(N * plane);
    for (int64_t n = 0; n < N; ++n)
      for (int64_t i = 0; i < plane; ++i) {
        double d = x[(n * C + c) * plane + i] - mean[c];
        m2[c] += d * d;
      }
  }
}

/// Normalization with batch statistics: per channel over N and the spatial
/// dims (biased variance), no affine.
inline std::vector<double> batchStatsNormRef(const std::vector<float> &x,
                                             const Shape &shape, double eps) {
  const int64_t N = shape[0], C = shape[1];
  const int64_t plane = numel(shape) / (N * C);
  std::vector<double> mean, m2;
  channelSumsRef(x, shape, mean, m2);
  std::vector<double> y(x.size());
  for (int64_t c = 0; c < C; ++c) {
    const double rstd = 1.0 / std::sqrt(m2[c] / static_cast<double>(N * plane) + eps);
    for (int64_t n = 0; n < N; ++n)
      for (int64_t i = 0; i < plane; ++i) {
        const int64_t k = (n * C + c) * plane + i;
        y[k] = (x[k] - mean[c]) * rstd;
      }
  }
  return y;
}

/// y[n,c,...] = y * scale[c] + bias[c] in place, for y [N, C, spatial...];
/// either parameter may be null.
inline void channelAffineRef(std::vector<double> &y, const Shape &shape,
                             const std::vector<float> *scale,
                             const std::vector<float> *bias) {
  const int64_t C = shape[1];
  const int64_t plane = numel(shape) / (shape[0] * C);
  for (size_t i = 0; i < y.size(); ++i) {
    const int64_t c = (static_cast<int64_t>(i) / plane) % C;
    if (scale)
      y[i] *= (*scale)[c];
    if (bias)
      y[i] += (*bias)[c];
  }
}

/// Batch norm inference: per-channel given (running) mean and variance, then
/// the optional affine.
inline std::vector<double> batchNormRef(const std::vector<float> &x,
                                        const Shape &shape,
                                        const std::vector<float> &mean,
                                        const std::vector<float> &var,
                                        const std::vector<float> *scale,
                                        const std::vector<float> *bias,
                                        double eps) {
  const int64_t C = shape[1];
  const int64_t plane = numel(shape) / (shape[0] * C);
  std::vector<double> y(x.size());
  for (size_t i = 0; i < x.size(); ++i) {
    const int64_t c = (static_cast<int64_t>(i) / plane) % C;
    y[i] = (x[i] - static_cast<double>(mean[c])) / std::sqrt(var[c] + eps);
  }
  channelAffineRef(y, shape, scale, bias);
  return y;
}

/// Running-statistics update of batch norm in training mode (PyTorch):
/// new = (1 - momentum) * old + momentum * batch statistic, where the batch
/// variance is unbiased (divides by N * spatial - 1).
inline void batchNormRunningUpdateRef(const std::vector<float> &x,
                                      const Shape &shape,
                                      const std::vector<float> &runMean,
                                      const std::vector<float> &runVar,
                                      double momentum,
                                      std::vector<double> &newMean,
                                      std::vector<double> &newVar) {
  const double count = static_cast<double>(numel(shape) / shape[1]);
  std::vector<double> mean, m2;
  channelSumsRef(x, shape, mean, m2);
  newMean.resize(mean.size());
  newVar.resize(mean.size());
  for (size_t c = 0; c < mean.size(); ++c) {
    newMean[c] = (1 - momentum) * runMean[c] + momentum * mean[c];
    newVar[c] = (1 - momentum) * runVar[c] + momentum * m2[c] / (count - 1);
  }
}

/// Running-statistics update of instance norm in training mode (PyTorch's
/// track_running_stats): the batch averages of the per-plane means and of the
/// per-plane unbiased variances, weighted by momentum.
inline void instanceNormRunningUpdateRef(const std::vector<float> &x,
                                         const Shape &shape,
                                         const std::vector<float> &runMean,
                                         const std::vector<float> &runVar,
                                         double momentum,
                                         std::vector<double> &newMean,
                                         std::vector<double> &newVar) {
  const int64_t N = shape[0], C = shape[1];
  const double plane = static_cast<double>(numel(shape) / (N * C));
  std::vector<double> mean, m2;
  planeSumsRef(x, shape, mean, m2);
  newMean.assign(C, 0);
  newVar.assign(C, 0);
  for (int64_t c = 0; c < C; ++c) {
    double meanOfMeans = 0, meanOfVars = 0;
    for (int64_t n = 0; n < N; ++n) {
      meanOfMeans += mean[n * C + c] / static_cast<double>(N);
      meanOfVars += m2[n * C + c] / (plane - 1) / static_cast<double>(N);
    }
    newMean[c] = (1 - momentum) * runMean[c] + momentum * meanOfMeans;
    newVar[c] = (1 - momentum) * runVar[c] + momentum * meanOfVars;
  }
}

/// Conditional instance norm (Dumoulin et al.): affine parameters per (n, c)
/// mixed from S style tables [S, C] by weights [N, S].
inline std::vector<double> conditionalInstanceNormRef(
    const std::vector<float> &x, const Shape &shape,
    const std::vector<float> &weights, int64_t S,
    const std::vector<float> &gammaTable, const std::vector<float> &betaTable,
    double eps) {
  const int64_t C = shape[1];
  const int64_t plane = numel(shape) / (shape[0] * C);
  auto y = instanceNormRef(x, shape, nullptr, nullptr, eps);
  for (size_t i = 0; i < y.size(); ++i) {
    const int64_t n = static_cast<int64_t>(i) / (C * plane);
    const int64_t c = (static_cast<int64_t>(i) / plane) % C;
    double g = 0, b = 0;
    for (int64_t j = 0; j < S; ++j) {
      g += static_cast<double>(weights[n * S + j]) * gammaTable[j * C + c];
      b += static_cast<double>(weights[n * S + j]) * betaTable[j * C + c];
    }
    y[i] = y[i] * g + b;
  }
  return y;
}

/// SPADE (Park et al.): instance norm (or, with batchStats, batch-statistics
/// norm) without affine, then y * (1 + gamma) + beta with per-element maps of
/// the shape of x.
inline std::vector<double> spadeRef(const std::vector<float> &x,
                                    const Shape &shape,
                                    const std::vector<float> &gamma,
                                    const std::vector<float> &beta, double eps,
                                    bool batchStats) {
  auto y = batchStats ? batchStatsNormRef(x, shape, eps)
                      : instanceNormRef(x, shape, nullptr, nullptr, eps);
  for (size_t i = 0; i < y.size(); ++i)
    y[i] = y[i] * (1.0 + gamma[i]) + beta[i];
  return y;
}

/// Batch-instance norm (Nam & Kim): rho[c] clipped to [0, 1] mixes the batch
/// normalized x (batch statistics, or the running ones when given) with the
/// instance normalized x, then the optional affine.
inline std::vector<double> batchInstanceNormRef(
    const std::vector<float> &x, const Shape &shape,
    const std::vector<float> &rho, const std::vector<float> *runMean,
    const std::vector<float> *runVar, const std::vector<float> *scale,
    const std::vector<float> *bias, double eps) {
  const int64_t C = shape[1];
  const int64_t plane = numel(shape) / (shape[0] * C);
  auto bn = runMean ? batchNormRef(x, shape, *runMean, *runVar, nullptr, nullptr, eps)
                    : batchStatsNormRef(x, shape, eps);
  auto y = instanceNormRef(x, shape, nullptr, nullptr, eps);
  for (size_t i = 0; i < y.size(); ++i) {
    const int64_t c = (static_cast<int64_t>(i) / plane) % C;
    const double r = std::min(1.0, std::max(0.0, static_cast<double>(rho[c])));
    y[i] = r * bn[i] + (1 - r) * y[i];
  }
  channelAffineRef(y, shape, scale, bias);
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
