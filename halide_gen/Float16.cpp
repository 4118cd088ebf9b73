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
constexpr const char *kBf16NarrowName = "normc_f32_to_bf16";
} // namespace

bool nativeFloat16Conversions(const Halide::Target &target) {
#ifdef NORMC_HAVE_FLOAT16_BITCODE
  // AVX2 and AVX-512 imply F16C: Halide 14 compiles them for LLVM CPUs
  // that have it (haswell, skylake-avx512, knl, cannonlake,
  // sapphirerapids; +avx512f implies it too), and its runtime reports avx2
  // and every avx512 feature available only on CPUs with AVX, F16C and
  // RDRAND (runtime/x86_cpu_features.cpp), so the multitarget dispatcher
  // never picks such a variant on a CPU without F16C. 'x86-64-linux-avx2'
  // therefore gets the instructions as '...-avx2-f16c' does.
  const bool f16c = target.has_feature(Halide::Target::F16C) ||
                    target.has_feature(Halide::Target::AVX2) ||
                    target.has_feature(Halide::Target::AVX512) ||
                    target.has_feature(Halide::Target::AVX512_KNL) ||
                    target.has_feature(Halide::Target::AVX512_Skylake) ||
                    target.has_feature(Halide::Target::AVX512_Cannonlake) ||
                    target.has_feature(Halide::Target::AVX512_SapphireRapids);
  return target.arch == Halide::Target::X86 && target.bits == 64 && f16c &&
         !target.has_gpu_feature();
#else
  (void)target;
  return false;
#endif
}

bool nativeBfloat16Narrowing(const Halide::Target &target) {
#ifdef NORMC_HAVE_FLOAT16_BITCODE
  // Halide's run-time check reports avx512_sapphirerapids only on CPUs with
  // AVX512-BF16 (runtime/x86_cpu_features.cpp), and normc drops the
  // feature from host targets whose CPU lacks AVX512-FP16 (Target.cpp).
  return target.arch == Halide::Target::X86 && target.bits == 64 &&
         target.has_feature(Halide::Target::AVX512_SapphireRapids) && !target.has_gpu_feature();
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

Halide::Expr isNanOnBits(const Halide::Expr &value) {
  Halide::Expr bits = Halide::reinterpret(Halide::UInt(32, value.type().lanes()), value);
  return (bits & 0x7fffffff) > 0x7f800000;
}

Halide::Expr f32ToFloat16(const Halide::Expr &value, const Halide::Target &target) {
  Halide::Expr f = Halide::cast<float>(value);
  const int lanes = f.type().lanes();
  if (!nativeFloat16Conversions(target)) {
    Halide::Expr rounded = Halide::cast(Halide::Float(16, lanes), f);
    // Native narrowing keeps NaN: OpenCL C (f16 needs cl_khr_fp16, whose
    // conversions are native) and ARM with arm_fp16 (fcvt).
    if (target.has_feature(Halide::Target::OpenCL) ||
        (target.arch == Halide::Target::ARM && target.has_feature(Halide::Target::ARMFp16)))
      return rounded;
    // Halide 14's emulated narrowing (EmulateFloat16Math.cpp, used by every
    // LLVM target without native f16: x86 without F16C or AVX2, ARM
    // without arm_fp16, PTX) tests for infinity before NaN, and NaN's bits pass the
    // infinity test: NaN became infinity (HalfPrecision.F16SpecialValuesKept
    // on the multitarget's SSE4.1 variant). NaN is kept quiet here.
    Halide::Expr quietNan = Halide::reinterpret(
        Halide::Float(16, lanes), Halide::cast(Halide::UInt(16, lanes), 0x7E00));
    return Halide::select(isNanOnBits(f), quietNan, rounded);
  }
  Halide::Expr bits = Halide::Internal::Call::make(
      Halide::UInt(16, lanes), kNarrowName, {f}, Halide::Internal::Call::PureExtern);
  return Halide::reinterpret(Halide::Float(16, lanes), bits);
}

Halide::Expr bfloat16ToF32(const Halide::Expr &value) {
  return Halide::reinterpret<float>(Halide::cast<uint32_t>(Halide::reinterpret<uint16_t>(value))
                                    << 16);
}

Halide::Expr f32ToBfloat16(const Halide::Expr &value, const Halide::Target &target) {
  Halide::Expr f = Halide::cast<float>(value);
  const int lanes = f.type().lanes();
  const Halide::Type bf16 = Halide::BFloat(16, lanes);
  if (nativeBfloat16Narrowing(target))
    return Halide::reinterpret(
        bf16, Halide::Internal::Call::make(Halide::UInt(16, lanes), kBf16NarrowName, {f},
                                           Halide::Internal::Call::PureExtern));
  // Round to nearest even on the bits; NaN stays a quiet NaN.
  Halide::Expr bits = Halide::reinterpret<uint32_t>(f);
  Halide::Expr rounded = (bits + (0x7fff + ((bits >> 16) & 1))) >> 16;
  Halide::Expr upper = Halide::select(isNanOnBits(f), (bits >> 16) | 0x40, rounded);
  return Halide::reinterpret(bf16, Halide::cast<uint16_t>(upper));
}

void addFloat16Conversions(Halide::Module &module, const Halide::Target &target) {
#ifdef NORMC_HAVE_FLOAT16_BITCODE
  // The calls come from 16-bit float arguments and results only (widened
  // on load, narrowed on store), so modules without one get no copy.
  bool usesFloat16 = false, usesBfloat16 = false;
  for (const Halide::Internal::LoweredFunc &f : module.functions())
    for (const Halide::Internal::LoweredArgument &a : f.args) {
      usesFloat16 |= a.type.is_float() && !a.type.is_bfloat() && a.type.bits() == 16;
      usesBfloat16 |= a.type.is_bfloat();
    }
  if (!(usesFloat16 && nativeFloat16Conversions(target)) &&
      !(usesBfloat16 && nativeBfloat16Narrowing(target)))
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
