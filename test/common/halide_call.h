//===- halide_call.h - wrap std::vector data as halide_buffer_t ------------===//
//
// The numerics tests call generated kernels directly (not through normrt) so
// that a runtime bug cannot hide or cause a numerics failure. callKernel
// works for CPU and GPU builds alike: a GPU kernel copies host data to the
// device itself and leaves its results there (device_dirty), and
// callKernel brings them back.
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
  HostBuffer(const HostBuffer &) = delete;
  HostBuffer &operator=(const HostBuffer &) = delete;
  HostBuffer(HostBuffer &&other) : buf_(other.buf_), dims_(std::move(other.dims_)) {
    buf_.dim = dims_.data();
    other.buf_.device = 0;
    other.buf_.device_interface = nullptr;
  }
  /// Frees the device copy a GPU kernel made (none for CPU kernels).
  ~HostBuffer() {
    if (buf_.device) {
      // Dirty bits would make the free's validation fail (and leak).
      buf_.set_host_dirty(false);
      buf_.set_device_dirty(false);
      halide_device_free(nullptr, &buf_);
    }
  }
  halide_buffer_t *get() { return &buf_; }

private:
  halide_buffer_t buf_{};
  std::vector<halide_dimension_t> dims_;
};

/// Calls `kernel(user_context = nullptr, bufs...)`. For GPU kernels: the host
/// data of every buffer is marked newer than any device copy first (Halide
/// copies an input to the device only when it is host_dirty, and tests
/// refill inputs between calls), and every result left on the device is
/// copied back before returning. CPU kernels ignore the flag. Returns the
/// kernel's (or the copy's) status.
template <typename... Bufs>
int callKernel(int (*kernel)(const void *, Bufs...), Bufs... bufs) {
  halide_buffer_t *all[] = {bufs...};
  for (halide_buffer_t *b : all)
    b->set_host_dirty(true);
  int status = kernel(nullptr, bufs...);
  if (status != 0)
    return status;
  // Every result is brought back even if one copy fails (the first
  // failure is returned).
  for (halide_buffer_t *b : all)
    if (b->device_dirty()) {
      int copied = halide_copy_to_host(nullptr, b);
      if (copied != 0 && status == 0)
        status = copied;
    }
  return status;
}

} // namespace normc_test

#endif // NORMC_TEST_COMMON_HALIDE_CALL_H_
