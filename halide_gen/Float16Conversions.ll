; f16 <-> f32 conversions and the f32 -> bf16 narrowing that normc's CPU
; kernels call (halide_gen/Float16.h).
;
; Halide 14 emulates every f16 cast with integer code on x86, F16C or not
; (about 20 instructions per vector each way); fpext and fptrunc here are
; single vcvtph2ps / vcvtps2ph instructions where the CPU has F16C, with
; the same results (round to nearest even; NaN, infinity and subnormals
; kept). Halide finds the N-lane versions by their "xN" suffix and inlines
; them. weak_odr: every object that uses them has a copy, and linking
; several kernels into one program must not clash.
;
; Built with LLVM 14's llvm-as (Halide 14's LLVM) into bitcode that normc
; embeds; no target triple, so that it links into any x86-64 module.
target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-f80:128-n8:16:32:64-S128"

define weak_odr hidden float @normc_f16_to_f32(i16 %bits) #0 {
  %h = bitcast i16 %bits to half
  %f = fpext half %h to float
  ret float %f
}

define weak_odr hidden i16 @normc_f32_to_f16(float %f) #0 {
  %h = fptrunc float %f to half
  %bits = bitcast half %h to i16
  ret i16 %bits
}

define weak_odr hidden <4 x float> @normc_f16_to_f32x4(<4 x i16> %bits) #0 {
  %h = bitcast <4 x i16> %bits to <4 x half>
  %f = fpext <4 x half> %h to <4 x float>
  ret <4 x float> %f
}

define weak_odr hidden <4 x i16> @normc_f32_to_f16x4(<4 x float> %f) #0 {
  %h = fptrunc <4 x float> %f to <4 x half>
  %bits = bitcast <4 x half> %h to <4 x i16>
  ret <4 x i16> %bits
}

define weak_odr hidden <8 x float> @normc_f16_to_f32x8(<8 x i16> %bits) #0 {
  %h = bitcast <8 x i16> %bits to <8 x half>
  %f = fpext <8 x half> %h to <8 x float>
  ret <8 x float> %f
}

define weak_odr hidden <8 x i16> @normc_f32_to_f16x8(<8 x float> %f) #0 {
  %h = fptrunc <8 x float> %f to <8 x half>
  %bits = bitcast <8 x half> %h to <8 x i16>
  ret <8 x i16> %bits
}

define weak_odr hidden <16 x float> @normc_f16_to_f32x16(<16 x i16> %bits) #0 {
  %h = bitcast <16 x i16> %bits to <16 x half>
  %f = fpext <16 x half> %h to <16 x float>
  ret <16 x float> %f
}

define weak_odr hidden <16 x i16> @normc_f32_to_f16x16(<16 x float> %f) #0 {
  %h = fptrunc <16 x float> %f to <16 x half>
  %bits = bitcast <16 x half> %h to <16 x i16>
  ret <16 x i16> %bits
}

define weak_odr hidden <32 x float> @normc_f16_to_f32x32(<32 x i16> %bits) #0 {
  %h = bitcast <32 x i16> %bits to <32 x half>
  %f = fpext <32 x half> %h to <32 x float>
  ret <32 x float> %f
}

define weak_odr hidden <32 x i16> @normc_f32_to_f16x32(<32 x float> %f) #0 {
  %h = fptrunc <32 x float> %f to <32 x half>
  %bits = bitcast <32 x half> %h to <32 x i16>
  ret <32 x i16> %bits
}

; f32 -> bf16 with AVX512-BF16's vcvtneps2bf16 (round to nearest even, NaN
; kept quiet; unlike the integer rounding of other targets it flushes f32
; subnormals, |x| < 2^-126, to zero: bf16 has f32's exponent range, so no
; other value changes). Called only for targets with
; avx512_sapphirerapids, whose CPUs have it (Halide's run-time check
; requires AVX512-BF16 for that feature); the functions carry the features
; themselves so that the module compiles for any x86-64 CPU.
declare <16 x i16> @llvm.x86.avx512bf16.cvtneps2bf16.512(<16 x float>)
declare <8 x i16> @llvm.x86.avx512bf16.cvtneps2bf16.256(<8 x float>)
declare <8 x i16> @llvm.x86.avx512bf16.mask.cvtneps2bf16.128(<4 x float>, <8 x i16>, <4 x i1>)

define weak_odr hidden i16 @normc_f32_to_bf16(float %f) #1 {
  %v = insertelement <4 x float> undef, float %f, i32 0
  %r = call <8 x i16> @llvm.x86.avx512bf16.mask.cvtneps2bf16.128(<4 x float> %v, <8 x i16> zeroinitializer, <4 x i1> <i1 1, i1 1, i1 1, i1 1>)
  %bits = extractelement <8 x i16> %r, i32 0
  ret i16 %bits
}

define weak_odr hidden <4 x i16> @normc_f32_to_bf16x4(<4 x float> %f) #1 {
  %r = call <8 x i16> @llvm.x86.avx512bf16.mask.cvtneps2bf16.128(<4 x float> %f, <8 x i16> zeroinitializer, <4 x i1> <i1 1, i1 1, i1 1, i1 1>)
  %bits = shufflevector <8 x i16> %r, <8 x i16> undef, <4 x i32> <i32 0, i32 1, i32 2, i32 3>
  ret <4 x i16> %bits
}

define weak_odr hidden <8 x i16> @normc_f32_to_bf16x8(<8 x float> %f) #1 {
  %bits = call <8 x i16> @llvm.x86.avx512bf16.cvtneps2bf16.256(<8 x float> %f)
  ret <8 x i16> %bits
}

define weak_odr hidden <16 x i16> @normc_f32_to_bf16x16(<16 x float> %f) #1 {
  %bits = call <16 x i16> @llvm.x86.avx512bf16.cvtneps2bf16.512(<16 x float> %f)
  ret <16 x i16> %bits
}

define weak_odr hidden <32 x i16> @normc_f32_to_bf16x32(<32 x float> %f) #1 {
  %lo = shufflevector <32 x float> %f, <32 x float> undef, <16 x i32> <i32 0, i32 1, i32 2, i32 3, i32 4, i32 5, i32 6, i32 7, i32 8, i32 9, i32 10, i32 11, i32 12, i32 13, i32 14, i32 15>
  %hi = shufflevector <32 x float> %f, <32 x float> undef, <16 x i32> <i32 16, i32 17, i32 18, i32 19, i32 20, i32 21, i32 22, i32 23, i32 24, i32 25, i32 26, i32 27, i32 28, i32 29, i32 30, i32 31>
  %blo = call <16 x i16> @llvm.x86.avx512bf16.cvtneps2bf16.512(<16 x float> %lo)
  %bhi = call <16 x i16> @llvm.x86.avx512bf16.cvtneps2bf16.512(<16 x float> %hi)
  %bits = shufflevector <16 x i16> %blo, <16 x i16> %bhi, <32 x i32> <i32 0, i32 1, i32 2, i32 3, i32 4, i32 5, i32 6, i32 7, i32 8, i32 9, i32 10, i32 11, i32 12, i32 13, i32 14, i32 15, i32 16, i32 17, i32 18, i32 19, i32 20, i32 21, i32 22, i32 23, i32 24, i32 25, i32 26, i32 27, i32 28, i32 29, i32 30, i32 31>
  ret <32 x i16> %bits
}

attributes #0 = { alwaysinline nounwind readnone }
attributes #1 = { alwaysinline nounwind readnone "target-features"="+avx512bf16,+avx512vl,+avx512bw,+avx512f" }
