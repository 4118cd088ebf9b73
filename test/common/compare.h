//===- compare.h - tolerance checks with a readable first mismatch ---------===//
#ifndef NORMC_TEST_COMMON_COMPARE_H_
#define NORMC_TEST_COMMON_COMPARE_H_

#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>
#include <iostream>
#include <cstdint>
#include <sstream>
#include <string>
#include <vector>

#include "data.h"
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

/// Set NORMC_PRINT_ERRORS=1 to print the measured max error of each check
/// (how the tolerances in these tests were chosen).
inline void reportError(const char *what, const ::testing::AssertionResult &r) {
  if (std::getenv("NORMC_PRINT_ERRORS"))
    std::cout << "[ERROR] " << what << ": " << r.message() << "\n";
}

} // namespace normc_test

#endif // NORMC_TEST_COMMON_COMPARE_H_
