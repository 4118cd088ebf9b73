//===- Float16.cpp - f16 <-> f32 conversions of normc's CPU kernels -------===//
#include "Float16.h"

#include <cstddef>
#include <vector>

#ifdef NORMC_HAVE_FLOAT16_BITCODE
// Float16Conversions.ll as LLVM 14 bitcode (generated at build time).
extern const unsigned char kNormcFloat16Bitcode[];
extern const size_t kNormcFloat16BitcodeSize;
#endif

namespace normc {

namespace {
// The names Float16Conversions.ll defines (with xN for N lanes).
constexpr const char *kWidenName = "normc_f16_to_f32";
constexpr const char *kNarrowName = "normc_f32_to_f16";
} // namespace

bool nativeFloat16Conversions(const Halide::Target &target) {
#ifdef NORMC_HAVE_FLOAT16_BITCODE
  return target.arch == Halide::Target::X86 && target.bits == 64 &&
         target.has_feature(Halide::Target::F16C) && !target.has_gpu_feature();
#else
  (void)target;
  return false;
#endif
}

Halide::Expr float16ToF32(const Halide::Expr &value, const Halide::Target &target) {
  if (!nativeFloat16Conversions(target))
    return Halide::cast<float>(value);
  return Halide::Internal::Call::make(Halide::Float(32, value.type().lanes()), kWidenName,
                                      {Halide::reinterpret<uint16_t>(value)},
                                      Halide::Internal::Call::PureExtern);
}

Halide::Expr f32ToFloat16(const Halide::Expr &value, const Halide::Target &target) {
  if (!nativeFloat16Conversions(target))
    return Halide::cast(Halide::Float(16), value);
  Halide::Expr f = Halide::cast<float>(value);
  Halide::Expr bits = Halide::Internal::Call::make(
      Halide::UInt(16, f.type().lanes()), kNarrowName, {f}, Halide::Internal::Call::PureExtern);
  return Halide::reinterpret(Halide::Float(16, f.type().lanes()), bits);
}

void addFloat16Conversions(Halide::Module &module, const Halide::Target &target) {
#ifdef NORMC_HAVE_FLOAT16_BITCODE
  if (!nativeFloat16Conversions(target))
    return;
  // The calls come from f16 arguments and results only (widened on load,
  // narrowed on store), so modules without one get no copy.
  bool usesFloat16 = false;
  for (const Halide::Internal::LoweredFunc &f : module.functions())
    for (const Halide::Internal::LoweredArgument &a : f.args)
      usesFloat16 |= a.type.is_float() && !a.type.is_bfloat() && a.type.bits() == 16;
  if (!usesFloat16)
    return;
  std::vector<uint8_t> code(kNormcFloat16Bitcode, kNormcFloat16Bitcode + kNormcFloat16BitcodeSize);
  // The CPU of the bitcode: x86-64 Linux, features ignored by Halide's match.
  Halide::Target cpu(Halide::Target::Linux, Halide::Target::X86, 64);
  module.append(Halide::ExternalCode::bitcode_wrapper(cpu, code, "normc_float16_conversions"));
#else
  (void)module;
  (void)target;
#endif
}

} // namespace normc
