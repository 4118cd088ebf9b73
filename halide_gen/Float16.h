//===- Float16.h - f16 <-> f32 conversions of normc's CPU kernels ---------===//
//
// Halide 14 emulates every f16 cast with integer code on x86, whether or not
// the CPU has F16C (CodeGen_LLVM lowers casts of types it widens for
// arithmetic through EmulateFloat16Math): about 20 vector instructions per
// conversion, which made f16 kernels 3x slower than bf16 ones
// (bench/RESULTS.md). On x86-64 targets with F16C normc instead calls
// conversion functions of its own (Float16Conversions.ll, LLVM's fpext /
// fptrunc: one vcvtph2ps / vcvtps2ph each) that it links into the module as
// external code; Halide finds their N-lane versions by name and inlines
// them. The results are the same: round to nearest even, NaN, infinity and
// subnormals kept. The f32 -> bf16 narrowing uses AVX512-BF16's
// vcvtneps2bf16 the same way where the target has it (which, unlike the
// integer rounding elsewhere, stores f32 subnormals as zero).
//
//===----------------------------------------------------------------------===//
#ifndef NORMC_HALIDE_GEN_FLOAT16_H_
#define NORMC_HALIDE_GEN_FLOAT16_H_

#include "Halide.h"

namespace normc {

/// True when `target`'s f16 conversions use the CPU's F16C instructions:
/// an x86-64 CPU target (no GPU feature: device code cannot call them) with
/// F16C, AVX2 or AVX-512 (each implies F16C), and this normc was built
/// with LLVM 14's llvm-as.
bool nativeFloat16Conversions(const Halide::Target &target);

/// f16 `value` widened to f32 (F16C where nativeFloat16Conversions, else
/// Halide's cast).
Halide::Expr float16ToF32(const Halide::Expr &value, const Halide::Target &target);

/// True where the f32 `value` is a NaN, tested on its bits: Halide compiles
/// float arithmetic with LLVM's no-NaNs flag, so LLVM deletes a
/// floating-point NaN test of a computed value. The narrowings to f16 and
/// bf16 use it to keep NaN results NaN.
Halide::Expr isNanOnBits(const Halide::Expr &value);

/// f32 `value` rounded to f16 once (to nearest even).
Halide::Expr f32ToFloat16(const Halide::Expr &value, const Halide::Target &target);

/// True when `target`'s f32 -> bf16 narrowing is AVX512-BF16's
/// vcvtneps2bf16 (x86-64 CPU targets with avx512_sapphirerapids): one
/// instruction instead of ~8 of integer rounding. The same results, round
/// to nearest even and NaN kept quiet, except that f32 subnormals (|x| <
/// 2^-126) become zero.
bool nativeBfloat16Narrowing(const Halide::Target &target);

/// bf16 conversions are spelled out on the bits for every target (LLVM 14's
/// NVPTX back end aborts the process, "Copy one register into another with
/// a different width", on Halide's own bf16 casts). Widening: bf16 is the
/// upper half of an f32, a shift of its bits.
Halide::Expr bfloat16ToF32(const Halide::Expr &value);

/// f32 `value` rounded to bf16 once (to nearest even, NaN kept quiet):
/// vcvtneps2bf16 where nativeBfloat16Narrowing, else integer rounding on
/// the bits.
Halide::Expr f32ToBfloat16(const Halide::Expr &value, const Halide::Target &target);

/// Links the conversion functions into `module` when `target` uses them and
/// one of its functions has an argument of the 16-bit type they convert (a
/// no-op otherwise); every module whose code calls them needs this.
void addFloat16Conversions(Halide::Module &module, const Halide::Target &target);

} // namespace normc

#endif // NORMC_HALIDE_GEN_FLOAT16_H_
