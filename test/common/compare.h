//===- compare.h - tolerance checks with a readable first mismatch ---------===//
#ifndef NORMC_TEST_COMMON_COMPARE_H_
#define NORMC_TEST_COMMON_COMPARE_H_

#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "reference.h"

namespace normc_test {

/// "y(n=0,c=3,h=7,w=12)" for a flat index into an NCHW tensor.
inline std::string formatIndex(const char *name, int64_t flat, const Shape &shape) {
  static const char *nchw[] = {"n", "c"};
  static const char *spatial3[] = {"d", "h", "w"};
  std::vector<int64_t> idx(shape.size());
  for (int d = static_cast<int>(shape.size()) - 1; d >= 0; --d) {
    idx[d] = flat % shape[d];
    flat /= shape[d];
  }
  std::ostringstream os;
  os << name << "(";
  for (size_t d = 0; d < shape.size(); ++d) {
    size_t fromEnd = shape.size() - 1 - d;
    const char *label = d < 2 && shape.size() > 2 ? nchw[d]
                        : fromEnd < 3             ? spatial3[2 - fromEnd]
                                                  : "i";
    os << (d ? "," : "") << label << "=" << idx[d];
  }
  os << ")";
  return os.str();
}

/// Every element must satisfy |got - ref| <= atol + rtol * |ref|. Reports the
/// first mismatch with its NCHW index and the largest error seen.
inline ::testing::AssertionResult allClose(const std::vector<float> &got,
                                           const std::vector<double> &ref,
                                           const Shape &shape, double atol,
                                           double rtol) {
  if (got.size() != ref.size())
    return ::testing::AssertionFailure()
           << "size " << got.size() << " instead of " << ref.size();
  int64_t first = -1, bad = 0;
  double maxErr = 0;
  for (size_t i = 0; i < got.size(); ++i) {
    double err = std::fabs(static_cast<double>(got[i]) - ref[i]);
    if (!(err <= atol + rtol * std::fabs(ref[i]))) { // NaN fails too
      if (first < 0)
        first = static_cast<int64_t>(i);
      ++bad;
    }
    if (err > maxErr || std::isnan(err))
      maxErr = err;
  }
  if (first < 0)
    return ::testing::AssertionSuccess() << "max abs error " << maxErr;
  return ::testing::AssertionFailure()
         << formatIndex("y", first, shape) << " = " << got[first]
         << " instead of " << ref[first] << " (" << bad << " of " << got.size()
         << " elements outside atol " << atol << " + rtol " << rtol
         << "; max abs error " << maxErr << ")";
}

/// Deterministic data: each normalization plane gets its own mean and spread
/// so that per-plane statistics are actually exercised.
inline std::vector<float> randomPlanes(const Shape &shape, int64_t planeSize,
                                       double meanScale, double stdScale,
                                       uint32_t seed) {
  std::mt19937 rng(seed);
  std::normal_distribution<double> normal(0.0, 1.0);
  std::uniform_real_distribution<double> uni(0.5, 1.5);
  std::vector<float> x(numel(shape));
  double mean = 0, sd = 1;
  for (size_t i = 0; i < x.size(); ++i) {
    if (static_cast<int64_t>(i) % planeSize == 0) {
      mean = meanScale * normal(rng);
      sd = stdScale * uni(rng);
    }
    x[i] = static_cast<float>(mean + sd * normal(rng));
  }
  return x;
}

inline std::vector<float> randomVector(int64_t n, double lo, double hi,
                                       uint32_t seed) {
  std::mt19937 rng(seed);
  std::uniform_real_distribution<double> uni(lo, hi);
  std::vector<float> v(n);
  for (float &f : v)
    f = static_cast<float>(uni(rng));
  return v;
}

} // namespace normc_test

#endif // NORMC_TEST_COMMON_COMPARE_H_
