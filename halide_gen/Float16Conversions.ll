; f16 <-> f32 conversions that normc's CPU kernels call (halide_gen/Float16.h).
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

attributes #0 = { alwaysinline nounwind readnone }
