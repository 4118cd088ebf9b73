//===- normrt_view.h - normrt tensor views of test data --------------------===//
#ifndef NORMC_TEST_COMMON_NORMRT_VIEW_H_
#define NORMC_TEST_COMMON_NORMRT_VIEW_H_

#include "normrt.h"
#include "reference.h"

#include <gtest/gtest.h>

#include <vector>

namespace normc_test {

/// An f32 normrt tensor viewing `data` (dense row-major, or `strides`).
inline normrt_tensor_t tensorOf(std::vector<float> &data, const Shape &shape,
                                const int64_t *strides = nullptr) {
  normrt_tensor_t t;
  EXPECT_EQ(normrt_tensor_init(&t, data.data(), NORMRT_DTYPE_F32,
                               static_cast<int32_t>(shape.size()), shape.data(), strides),
            NORMRT_STATUS_OK)
      << normrt_last_error();
  return t;
}

} // namespace normc_test

#endif // NORMC_TEST_COMMON_NORMRT_VIEW_H_
