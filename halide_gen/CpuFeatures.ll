; Run-time CPU checks that normc's multitarget dispatchers make beyond
; Halide's own (halide_gen/Library.cpp). Halide 14's runtime reports
; avx512_sapphirerapids on any CPU with AVX512-BF16 and VNNI, but code for
; that target (LLVM's sapphirerapids CPU) also uses AVX512-FP16 (vmovw,
; vcvtph2psx): AMD Zen 4 has BF16 and no FP16, and would run such a
; variant into SIGILL. The dispatcher asks this function as well.
;
; Built with LLVM 14's llvm-as (Halide 14's LLVM) into bitcode that normc
; embeds; no target triple, so that it links into any x86-64 module. weak_odr:
; every dispatcher object has a copy, and several in one program must not
; clash.
target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-f80:128-n8:16:32:64-S128"

; 1 when CPUID leaf 7, sub-leaf 0 sets EDX bit 23 (AVX512-FP16), else 0.
; The dispatcher ANDs it with Halide's check for the variant (which tests
; the OS support for AVX-512 state and that leaf 7 exists); Halide's && does
; not short-circuit, so it runs on every CPU, where a missing leaf 7 only
; returns some other leaf's bits. On its own the bit says nothing about the
; OS saving the AVX-512 state.
define weak_odr hidden i32 @normc_x86_cpu_has_avx512_fp16() {
  %r = call { i32, i32, i32, i32 } asm sideeffect "cpuid", "={ax},={bx},={cx},={dx},{ax},{cx},~{dirflag},~{fpsr},~{flags}"(i32 7, i32 0)
  %edx = extractvalue { i32, i32, i32, i32 } %r, 3
  %shifted = lshr i32 %edx, 23
  %bit = and i32 %shifted, 1
  ret i32 %bit
}
