//===- data.h - deterministic test and benchmark inputs --------------------===//
#ifndef NORMC_TEST_COMMON_DATA_H_
#define NORMC_TEST_COMMON_DATA_H_

#include "reference.h"

#include <cstdint>
#include <random>
#include <vector>

namespace normc_test {

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

#endif // NORMC_TEST_COMMON_DATA_H_
