//===- halide_call.h - wrap std::vector data as halide_buffer_t ------------===//
//
// The numerics tests call generated kernels directly (not through normrt) so
// that a runtime bug cannot hide or cause a numerics failure.
//
//===----------------------------------------------------------------------===//
#ifndef NORMC_TEST_COMMON_HALIDE_CALL_H_
#define NORMC_TEST_COMMON_HALIDE_CALL_H_

#include "HalideRuntime.h"
#include "reference.h"

#include <vector>

namespace normc_test {

/// A dense NCHW float tensor viewed as a Halide buffer (dims reversed).
class HostBuffer {
public:
  HostBuffer(std::vector<float> &data, const Shape &shape)
      : HostBuffer(data.data(), shape) {}
  HostBuffer(float *data, const Shape &shape)
      : HostBuffer(data, shape, halide_type_t{halide_type_float, 32, 1}) {}
  /// 16-bit storage: f16 is {halide_type_float, 16}, bf16 {halide_type_bfloat, 16}.
  HostBuffer(std::vector<uint16_t> &data, const Shape &shape, halide_type_t type)
      : HostBuffer(data.data(), shape, type) {}
  HostBuffer(void *data, const Shape &shape, halide_type_t type)
      : dims_(shape.size()) {
    int32_t stride = 1;
    const int rank = static_cast<int>(shape.size());
    for (int k = 0; k < rank; ++k) {
      int32_t extent = static_cast<int32_t>(shape[rank - 1 - k]);
      dims_[k] = halide_dimension_t{0, extent, stride, 0};
      stride *= extent;
    }
    buf_.host = static_cast<uint8_t *>(data);
    buf_.type = type;
    buf_.dimensions = rank;
    buf_.dim = dims_.data();
  }
  halide_buffer_t *get() { return &buf_; }

private:
  halide_buffer_t buf_{};
  std::vector<halide_dimension_t> dims_;
};

} // namespace normc_test

#endif // NORMC_TEST_COMMON_HALIDE_CALL_H_
