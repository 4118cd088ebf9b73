//===- layout.h - NCHW <-> NHWC transposes for tests -----------------------===//
//
// The references work on NCHW data; channels_last kernels take and return
// [N, spatial..., C]. Both directions take the NCHW shape.
//
//===----------------------------------------------------------------------===//
#ifndef NORMC_TEST_COMMON_LAYOUT_H_
#define NORMC_TEST_COMMON_LAYOUT_H_

#include "reference.h"

#include <vector>

namespace normc_test {

/// [N, C, spatial...] -> [N, spatial..., C].
inline Shape nhwcShape(const Shape &nchw) {
  Shape s{nchw[0]};
  s.insert(s.end(), nchw.begin() + 2, nchw.end());
  s.push_back(nchw[1]);
  return s;
}

/// Moves the channels of x between position 1 ([N, C, spatial...]) and
/// last ([N, spatial..., C]); `nchw` is the NCHW shape either way.
template <typename T>
std::vector<T> moveChannels(const std::vector<T> &x, const Shape &nchw, bool toLast) {
  const int64_t N = nchw[0], C = nchw[1], plane = numel(nchw) / (N * C);
  std::vector<T> y(x.size());
  for (int64_t n = 0; n < N; ++n)
    for (int64_t c = 0; c < C; ++c)
      for (int64_t p = 0; p < plane; ++p) {
        const int64_t first = (n * C + c) * plane + p, last = (n * plane + p) * C + c;
        (toLast ? y[last] : y[first]) = toLast ? x[first] : x[last];
      }
  return y;
}

/// x laid out [N, C, spatial...] (shape `nchw`) reordered to [N, spatial..., C].
template <typename T>
std::vector<T> nchwToNhwc(const std::vector<T> &x, const Shape &nchw) {
  return moveChannels(x, nchw, /*toLast=*/true);
}

/// The inverse: x laid out [N, spatial..., C] back to [N, C, spatial...].
template <typename T>
std::vector<T> nhwcToNchw(const std::vector<T> &x, const Shape &nchw) {
  return moveChannels(x, nchw, /*toLast=*/false);
}

} // namespace normc_test

#endif // NORMC_TEST_COMMON_LAYOUT_H_
