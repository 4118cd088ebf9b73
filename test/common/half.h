//===- half.h - f16 / bf16 conversions for tests ---------------------------===//
//
// Written out (not _Float16) so that the tests build with any C++17 compiler.
// Both conversions from f32 round to nearest even.
//
//===----------------------------------------------------------------------===//
#ifndef NORMC_TEST_COMMON_HALF_H_
#define NORMC_TEST_COMMON_HALF_H_

#include <cmath>
#include <cstdint>
#include <cstring>
#include <vector>

namespace normc_test {

inline uint32_t bitsOf(float f) {
  uint32_t u;
  std::memcpy(&u, &f, 4);
  return u;
}
inline float floatOf(uint32_t u) {
  float f;
  std::memcpy(&f, &u, 4);
  return f;
}

inline uint16_t toBf16(float f) {
  uint32_t u = bitsOf(f);
  u += 0x7FFF + ((u >> 16) & 1); // round to nearest even (finite inputs)
  return static_cast<uint16_t>(u >> 16);
}
inline float fromBf16(uint16_t h) { return floatOf(static_cast<uint32_t>(h) << 16); }

/// IEEE binary16 from f32, rounded to nearest even over the whole range:
/// subnormal results, overflow to infinity (from 65520 up), NaN kept quiet.
inline uint16_t toF16(float f) {
  uint32_t u = bitsOf(f);
  uint16_t sign = static_cast<uint16_t>((u >> 16) & 0x8000);
  int32_t exp = static_cast<int32_t>((u >> 23) & 0xFF) - 127 + 15;
  uint32_t mant = u & 0x7FFFFF;
  if ((u & 0x7FFFFFFF) > 0x7F800000)
    return static_cast<uint16_t>(sign | 0x7E00); // NaN
  if (exp >= 31)
    return static_cast<uint16_t>(sign | 0x7C00); // infinity or too large
  if (exp <= 0) {
    // Subnormal: the 24-bit significand shifted to units of 2^-24.
    int shift = 14 - exp;
    if (shift > 24)
      return sign; // below half the smallest subnormal (f32 subnormals too)
    uint32_t full = mant | 0x800000;
    uint32_t q = full >> shift, rest = full & ((1u << shift) - 1), halfway = 1u << (shift - 1);
    if (rest > halfway || (rest == halfway && (q & 1)))
      ++q; // may carry into the smallest normal, which is its encoding
    return static_cast<uint16_t>(sign | q);
  }
  uint32_t half = (static_cast<uint32_t>(exp) << 10) | (mant >> 13);
  uint32_t rest = mant & 0x1FFF;
  if (rest > 0x1000 || (rest == 0x1000 && (half & 1)))
    ++half; // may carry into the next exponent, up to infinity
  return static_cast<uint16_t>(sign | half);
}
inline float fromF16(uint16_t h) {
  uint32_t sign = (h & 0x8000u) << 16;
  uint32_t exp = (h >> 10) & 0x1F, mant = h & 0x3FF;
  if (exp == 0)
    return floatOf(sign) + (sign ? -1.0f : 1.0f) * std::ldexp(static_cast<float>(mant), -24);
  if (exp == 31)
    return floatOf(sign | 0x7F800000u | (mant << 13));
  return floatOf(sign | ((exp - 15 + 127) << 23) | (mant << 13));
}

template <typename To>
std::vector<uint16_t> encode(const std::vector<float> &v, To to) {
  std::vector<uint16_t> out(v.size());
  for (size_t i = 0; i < v.size(); ++i)
    out[i] = to(v[i]);
  return out;
}
template <typename From>
std::vector<float> decode(const std::vector<uint16_t> &v, From from) {
  std::vector<float> out(v.size());
  for (size_t i = 0; i < v.size(); ++i)
    out[i] = from(v[i]);
  return out;
}

} // namespace normc_test

#endif // NORMC_TEST_COMMON_HALF_H_
