//===- HalfBits.h - f16 and bf16 bit patterns to double --------------------===//
//
// Header-only and dependency-free: the ONNX importer reads f16/bf16
// initializers with it, norm-tune compares f16/bf16 outputs with it.
//
//===----------------------------------------------------------------------===//
#ifndef NORMC_TUNING_HALFBITS_H_
#define NORMC_TUNING_HALFBITS_H_

#include <cmath>
#include <cstdint>
#include <cstring>

namespace normc {

/// An IEEE binary16 bit pattern's value (subnormals, infinities, NaN included).
inline double halfBitsToDouble(uint16_t h) {
  int sign = h >> 15, exp = (h >> 10) & 0x1f, mant = h & 0x3ff;
  double v;
  if (exp == 0)
    v = std::ldexp(double(mant), -24);
  else if (exp == 31)
    v = mant ? NAN : INFINITY;
  else
    v = std::ldexp(double(mant | 0x400), exp - 25);
  return sign ? -v : v;
}

/// A bfloat16 bit pattern's value: the upper half of an f32.
inline double bfloat16BitsToDouble(uint16_t b) {
  uint32_t bits = uint32_t(b) << 16;
  float f;
  std::memcpy(&f, &bits, 4);
  return f;
}

} // namespace normc

#endif // NORMC_TUNING_HALFBITS_H_
