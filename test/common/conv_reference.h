//===- conv_reference.h - double references for conv, pad, upsample -------===//
//
// Written independently of normc's lowering, as reference.h: plain loops over
// NCHW data, every stage computed and returned in double. The stages take
// float (kernel inputs) or double (the result of a previous reference stage)
// data, so a chain such as pad -> conv -> instance norm -> relu is computed in
// double end to end, with no rounding to float between stages.
//
//  - conv2dRef: PyTorch's conv2d (cross-correlation), zero padding
//    [top, left, bottom, right], strides, dilations and groups (depthwise
//    when groups = C = K); weights [K, C / groups, R, S], optional bias [K].
//  - padRef: "reflect" (mirrored without repeating the edge, PyTorch's
//    ReflectionPad), "replicate" (edge repeated) or "zero", over every dim.
//  - upsampleRef: integer factors per dim; "nearest" (src = dst / scale) or
//    "bilinear" with PyTorch's align_corners=False source coordinates
//    src = max((dst + 0.5) / scale - 0.5, 0), i0 = floor(src),
//    i1 = min(i0 + 1, n - 1), lambda = src - i0, separable over every dim
//    with scale > 1.
//  - instanceNormRefD, groupNormRefD, batchNormRefD, reluD, siluD, addD:
//    the normalization / activation stages of reference.h on double data
//    (same formulas: two-pass biased variance, 1 / sqrt(var + eps)).
//
//===----------------------------------------------------------------------===//
#ifndef NORMC_TEST_COMMON_CONV_REFERENCE_H_
#define NORMC_TEST_COMMON_CONV_REFERENCE_H_

#include "reference.h"

#include <algorithm>
#include <array>
#include <cassert>
#include <cmath>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

namespace normc_test {

/// A dense row-major (NCHW for rank 4) tensor of doubles: what every
/// reference stage here returns, with its shape.
struct TensorD {
  std::vector<double> data;
  Shape shape;
};

/// Float data (e.g. a kernel input) as a TensorD, exactly.
inline TensorD toTensorD(const std::vector<float> &x, const Shape &shape) {
  assert(static_cast<int64_t>(x.size()) == numel(shape));
  return TensorD{std::vector<double>(x.begin(), x.end()), shape};
}

// ---- conv2d -------------------------------------------------------------------

/// y[n,k,i,j] = bias[k] + sum_{c < C/groups, r, s} w[k,c,r,s]
///              * x[n, g*C/groups + c, i*sh + r*dh - top, j*sw + s*dw - left]
/// with g = k / (K / groups) and x = 0 outside its bounds.
/// x [N, C, H, W], w [K, C / groups, R, S]; `padding` is {top, left, bottom,
/// right}. T is float or double.
template <typename T>
TensorD conv2dRef(const std::vector<T> &x, const Shape &xShape,
                  const std::vector<float> &w, const Shape &wShape,
                  const std::vector<float> *bias,
                  std::array<int64_t, 2> strides,
                  std::array<int64_t, 4> padding,
                  std::array<int64_t, 2> dilations, int64_t groups) {
  if (xShape.size() != 4 || wShape.size() != 4)
    throw std::invalid_argument("conv2dRef: x and w must have rank 4");
  const int64_t N = xShape[0], C = xShape[1], H = xShape[2], W = xShape[3];
  const int64_t K = wShape[0], Cg = wShape[1], R = wShape[2], S = wShape[3];
  if (groups < 1 || C % groups != 0 || K % groups != 0 || Cg != C / groups)
    throw std::invalid_argument("conv2dRef: inconsistent channels / groups");
  if (static_cast<int64_t>(x.size()) != numel(xShape) ||
      static_cast<int64_t>(w.size()) != numel(wShape) ||
      (bias && static_cast<int64_t>(bias->size()) != K))
    throw std::invalid_argument("conv2dRef: data size does not match shape");
  const int64_t sh = strides[0], sw = strides[1];
  const int64_t top = padding[0], left = padding[1], bottom = padding[2],
                right = padding[3];
  const int64_t dh = dilations[0], dw = dilations[1];
  const int64_t OH = (H + top + bottom - dh * (R - 1) - 1) / sh + 1;
  const int64_t OW = (W + left + right - dw * (S - 1) - 1) / sw + 1;
  const int64_t Kg = K / groups;

  TensorD y{std::vector<double>(N * K * OH * OW), Shape{N, K, OH, OW}};
  for (int64_t n = 0; n < N; ++n)
    for (int64_t k = 0; k < K; ++k) {
      const int64_t g = k / Kg;
      for (int64_t i = 0; i < OH; ++i)
        for (int64_t j = 0; j < OW; ++j) {
          double acc = bias ? static_cast<double>((*bias)[k]) : 0.0;
          for (int64_t c = 0; c < Cg; ++c)
            for (int64_t r = 0; r < R; ++r) {
              const int64_t ih = i * sh + r * dh - top;
              if (ih < 0 || ih >= H)
                continue;
              for (int64_t s = 0; s < S; ++s) {
                const int64_t iw = j * sw + s * dw - left;
                if (iw < 0 || iw >= W)
                  continue;
                const double wv = w[((k * Cg + c) * R + r) * S + s];
                const double xv = x[((n * C + g * Cg + c) * H + ih) * W + iw];
                acc += wv * xv;
              }
            }
          y.data[((n * K + k) * OH + i) * OW + j] = acc;
        }
    }
  return y;
}

inline TensorD conv2dRef(const TensorD &x, const std::vector<float> &w,
                         const Shape &wShape, const std::vector<float> *bias,
                         std::array<int64_t, 2> strides,
                         std::array<int64_t, 4> padding,
                         std::array<int64_t, 2> dilations, int64_t groups) {
  return conv2dRef(x.data, x.shape, w, wShape, bias, strides, padding,
                   dilations, groups);
}

// ---- pad ----------------------------------------------------------------------

/// The source index of padded index `i` (in [-lo, n + hi)) of a dimension of
/// size n, or -1 for a zero.
inline int64_t padSourceIndex(int64_t i, int64_t n, const std::string &mode) {
  if (i >= 0 && i < n)
    return i;
  if (mode == "zero")
    return -1;
  if (mode == "replicate")
    return i < 0 ? 0 : n - 1;
  if (mode == "reflect") {
    // Mirror about the edge element without repeating it: -1 -> 1, n -> n - 2.
    // (PyTorch requires pad < n, so one reflection is enough.)
    const int64_t src = i < 0 ? -i : 2 * (n - 1) - i;
    if (src < 0 || src >= n)
      throw std::invalid_argument("padRef: reflect padding must be < the dim");
    return src;
  }
  throw std::invalid_argument("padRef: unknown mode " + mode);
}

/// Pads every dim d of x with low[d] elements before and high[d] after.
template <typename T>
TensorD padRef(const std::vector<T> &x, const Shape &shape, const Shape &low,
               const Shape &high, const std::string &mode) {
  const size_t rank = shape.size();
  if (low.size() != rank || high.size() != rank ||
      static_cast<int64_t>(x.size()) != numel(shape))
    throw std::invalid_argument("padRef: rank or size mismatch");
  Shape out(rank);
  for (size_t d = 0; d < rank; ++d)
    out[d] = shape[d] + low[d] + high[d];
  TensorD y{std::vector<double>(numel(out)), out};
  std::vector<int64_t> idx(rank);
  for (int64_t flat = 0; flat < numel(out); ++flat) {
    int64_t rest = flat;
    for (size_t d = rank; d-- > 0;) {
      idx[d] = rest % out[d];
      rest /= out[d];
    }
    int64_t src = 0;
    bool zero = false;
    for (size_t d = 0; d < rank; ++d) {
      const int64_t s = padSourceIndex(idx[d] - low[d], shape[d], mode);
      if (s < 0) {
        zero = true;
        break;
      }
      src = src * shape[d] + s;
    }
    y.data[flat] = zero ? 0.0 : static_cast<double>(x[src]);
  }
  return y;
}

inline TensorD padRef(const TensorD &x, const Shape &low, const Shape &high,
                      const std::string &mode) {
  return padRef(x.data, x.shape, low, high, mode);
}

// ---- upsample -----------------------------------------------------------------

/// Upsamples dim d of x by the integer `scale` (one separable pass).
inline TensorD upsampleDim(const TensorD &x, size_t d, int64_t scale,
                           const std::string &mode) {
  int64_t outer = 1, inner = 1;
  for (size_t k = 0; k < d; ++k)
    outer *= x.shape[k];
  for (size_t k = d + 1; k < x.shape.size(); ++k)
    inner *= x.shape[k];
  const int64_t n = x.shape[d], m = n * scale;
  TensorD y{std::vector<double>(outer * m * inner), x.shape};
  y.shape[d] = m;
  for (int64_t o = 0; o < outer; ++o)
    for (int64_t j = 0; j < m; ++j) {
      const double *src = &x.data[o * n * inner];
      double *dst = &y.data[(o * m + j) * inner];
      if (mode == "nearest") {
        const int64_t i = j / scale;
        for (int64_t t = 0; t < inner; ++t)
          dst[t] = src[i * inner + t];
      } else if (mode == "bilinear") {
        const double s = std::max((j + 0.5) / static_cast<double>(scale) - 0.5, 0.0);
        const int64_t i0 = static_cast<int64_t>(std::floor(s));
        const int64_t i1 = std::min(i0 + 1, n - 1);
        const double lambda = s - static_cast<double>(i0);
        for (int64_t t = 0; t < inner; ++t)
          dst[t] = (1.0 - lambda) * src[i0 * inner + t] + lambda * src[i1 * inner + t];
      } else {
        throw std::invalid_argument("upsampleRef: unknown mode " + mode);
      }
    }
  return y;
}

/// Scales every dim d of x by scale[d] ("nearest" or "bilinear",
/// align_corners=False), one separable pass per dim with scale > 1.
template <typename T>
TensorD upsampleRef(const std::vector<T> &x, const Shape &shape,
                    const Shape &scale, const std::string &mode) {
  if (scale.size() != shape.size() ||
      static_cast<int64_t>(x.size()) != numel(shape))
    throw std::invalid_argument("upsampleRef: rank or size mismatch");
  if (mode != "nearest" && mode != "bilinear")
    throw std::invalid_argument("upsampleRef: unknown mode " + mode);
  TensorD y{std::vector<double>(x.begin(), x.end()), shape};
  for (size_t d = 0; d < shape.size(); ++d)
    if (scale[d] > 1)
      y = upsampleDim(y, d, scale[d], mode);
  return y;
}

inline TensorD upsampleRef(const TensorD &x, const Shape &scale,
                           const std::string &mode) {
  return upsampleRef(x.data, x.shape, scale, mode);
}

// ---- normalizations and activations on double data ------------------------------

/// Normalizes every contiguous run of `inner` elements of x (two-pass biased
/// variance) and applies the per-channel affine of channel
/// (flat index / plane) % C; either parameter may be null.
inline TensorD normalizeSetsD(const TensorD &x, int64_t inner, int64_t plane,
                              int64_t C, const std::vector<float> *scale,
                              const std::vector<float> *bias, double eps) {
  TensorD y{std::vector<double>(x.data.size()), x.shape};
  const int64_t sets = static_cast<int64_t>(x.data.size()) / inner;
  for (int64_t s = 0; s < sets; ++s) {
    const double *p = &x.data[s * inner];
    double mean = 0;
    for (int64_t i = 0; i < inner; ++i)
      mean += p[i];
    mean /= static_cast<double>(inner);
    double var = 0;
    for (int64_t i = 0; i < inner; ++i)
      var += (p[i] - mean) * (p[i] - mean);
    var /= static_cast<double>(inner);
    const double rstd = 1.0 / std::sqrt(var + eps);
    for (int64_t i = 0; i < inner; ++i) {
      const int64_t flat = s * inner + i;
      const int64_t c = (flat / plane) % C;
      double v = (p[i] - mean) * rstd;
      if (scale)
        v *= (*scale)[c];
      if (bias)
        v += (*bias)[c];
      y.data[flat] = v;
    }
  }
  return y;
}

/// Instance norm of x [N, C, spatial...]: statistics per (n, c) plane.
inline TensorD instanceNormRefD(const TensorD &x, const std::vector<float> *scale,
                                const std::vector<float> *bias, double eps) {
  const int64_t C = x.shape[1];
  const int64_t plane = numel(x.shape) / (x.shape[0] * C);
  return normalizeSetsD(x, plane, plane, C, scale, bias, eps);
}

/// Group norm of x [N, C, spatial...]: statistics per (n, group of C / groups
/// consecutive channels), contiguous in NCHW.
inline TensorD groupNormRefD(const TensorD &x, int64_t groups,
                             const std::vector<float> *scale,
                             const std::vector<float> *bias, double eps) {
  const int64_t C = x.shape[1];
  if (C % groups != 0)
    throw std::invalid_argument("groupNormRefD: groups does not divide C");
  const int64_t plane = numel(x.shape) / (x.shape[0] * C);
  return normalizeSetsD(x, plane * (C / groups), plane, C, scale, bias, eps);
}

/// Batch norm inference: (x - mean[c]) / sqrt(var[c] + eps) * scale[c] + bias[c].
inline TensorD batchNormRefD(const TensorD &x, const std::vector<float> &mean,
                             const std::vector<float> &var,
                             const std::vector<float> *scale,
                             const std::vector<float> *bias, double eps) {
  const int64_t C = x.shape[1];
  const int64_t plane = numel(x.shape) / (x.shape[0] * C);
  TensorD y{std::vector<double>(x.data.size()), x.shape};
  for (size_t i = 0; i < x.data.size(); ++i) {
    const int64_t c = (static_cast<int64_t>(i) / plane) % C;
    double v = (x.data[i] - static_cast<double>(mean[c])) /
               std::sqrt(static_cast<double>(var[c]) + eps);
    if (scale)
      v *= (*scale)[c];
    if (bias)
      v += (*bias)[c];
    y.data[i] = v;
  }
  return y;
}

inline TensorD reluD(TensorD x) {
  for (double &v : x.data)
    v = reluRef(v);
  return x;
}

inline TensorD siluD(TensorD x) {
  for (double &v : x.data)
    v = siluRef(v);
  return x;
}

/// Elementwise a + b of two tensors of the same shape.
inline TensorD addD(const TensorD &a, const TensorD &b) {
  if (a.shape != b.shape)
    throw std::invalid_argument("addD: shape mismatch");
  TensorD y = a;
  for (size_t i = 0; i < y.data.size(); ++i)
    y.data[i] += b.data[i];
  return y;
}

} // namespace normc_test

#endif // NORMC_TEST_COMMON_CONV_REFERENCE_H_
