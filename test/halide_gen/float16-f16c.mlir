// f16 conversions use F16C on x86 targets that have it (halide_gen/Float16.h):
// Halide 14 would emulate each with integer code. The conversion functions
// normc links in are inlined (no calls remain), in functions composed inline
// and in separately composed ones (two results: each group its own pipeline,
// linked into one module). AVX2 implies F16C (every AVX2 CPU has it, and
// Halide compiles AVX2 for LLVM's haswell). Targets without F16C (AVX only)
// keep Halide's emulation; bf16 storage never uses the f16 instructions.
// bf16 results are narrowed by AVX512-BF16's vcvtneps2bf16 on Sapphire
// Rapids targets (inlined, no calls remain) and by integer rounding
// elsewhere (AVX2 above; AVX-512 Skylake).
// RUN: rm -rf %t && normc %s -o %t --emit=asm,schedule --target=x86-64-linux-avx2-fma-f16c-sse41
// RUN: FileCheck %s --check-prefix=F16C < %t/in_f16.s
// RUN: FileCheck %s --check-prefix=BF16 < %t/in_bf16.s
// RUN: FileCheck %s --check-prefix=SEPARATE-SCHEDULE < %t/two_f16.schedule.json
// RUN: FileCheck %s --check-prefix=SEPARATE < %t/two_f16.s
// RUN: rm -rf %t.avx2 && normc %s -o %t.avx2 --emit=asm --functions=in_f16 --target=x86-64-linux-avx2-fma-sse41
// RUN: FileCheck %s --check-prefix=F16C < %t.avx2/in_f16.s
// RUN: rm -rf %t.no && normc %s -o %t.no --emit=asm --functions=in_f16 --target=x86-64-linux-avx-sse41
// RUN: FileCheck %s --check-prefix=NOF16C < %t.no/in_f16.s
// RUN: rm -rf %t.spr && normc %s -o %t.spr --emit=asm --functions=in_bf16 --target=x86-64-linux-avx512_sapphirerapids
// RUN: FileCheck %s --check-prefix=BF16-NATIVE < %t.spr/in_bf16.s
// RUN: rm -rf %t.skx && normc %s -o %t.skx --emit=asm --functions=in_bf16 --target=x86-64-linux-avx512_skylake
// RUN: FileCheck %s --check-prefix=BF16 < %t.skx/in_bf16.s
// The library links: every object has its own (weak) copy of the functions.
// RUN: rm -rf %t.lib && normc %s -o %t.lib --emit=lib,header --target=x86-64-linux-avx2-fma-f16c-sse41
// RUN: test -s %t.lib/in_f16.a && test -s %t.lib/in_f16.h

// The object also holds out-of-line (weak) copies of the conversion
// functions, which contain these instructions themselves: look in the
// kernel's own code, after its label, for loads converted from memory.
// F16C-LABEL: {{^}}in_f16:
// F16C: vcvtph2ps {{[0-9]*}}(%
// F16C: vcvtps2ph
// F16C-NOT: call{{.*}}normc_f

// SEPARATE-SCHEDULE: "composition": "separate"
// SEPARATE-NOT: call{{.*}}normc_f
// SEPARATE: vcvtph2ps {{[0-9]*}}(%
// SEPARATE-NOT: call{{.*}}normc_f

// NOF16C-NOT: vcvtph2ps
// NOF16C-NOT: vcvtps2ph

// BF16-NOT: vcvtph2ps
// BF16-NOT: vcvtps2ph
// BF16-NOT: vcvtneps2bf16

// BF16-NATIVE-LABEL: {{^}}in_bf16:
// BF16-NATIVE: vcvtneps2bf16
// BF16-NATIVE-NOT: call{{.*}}normc_f

func.func @in_f16(%x: tensor<2x8x16x16xf16>, %g: tensor<8xf16>, %b: tensor<8xf16>) -> tensor<2x8x16x16xf16> {
  %y = norm.instance_norm %x scale(%g) bias(%b) eps = 1.0e-05 : (tensor<2x8x16x16xf16>, tensor<8xf16>, tensor<8xf16>) -> tensor<2x8x16x16xf16>
  return %y : tensor<2x8x16x16xf16>
}
func.func @in_bf16(%x: tensor<2x8x16x16xbf16>, %g: tensor<8xbf16>, %b: tensor<8xbf16>) -> tensor<2x8x16x16xbf16> {
  %y = norm.instance_norm %x scale(%g) bias(%b) eps = 1.0e-05 : (tensor<2x8x16x16xbf16>, tensor<8xbf16>, tensor<8xbf16>) -> tensor<2x8x16x16xbf16>
  return %y : tensor<2x8x16x16xbf16>
}
// Two results, both of x: two groups, composed separately.
func.func @two_f16(%x: tensor<2x8x16x16xf16>, %g: tensor<8xf16>, %b: tensor<8xf16>) -> (tensor<2x8x16x16xf16>, tensor<2x8x16x16xf16>) {
  %y = norm.instance_norm %x scale(%g) bias(%b) eps = 1.0e-05 : (tensor<2x8x16x16xf16>, tensor<8xf16>, tensor<8xf16>) -> tensor<2x8x16x16xf16>
  %z = norm.instance_norm %x scale(%g) bias(%b) eps = 1.0e-03 : (tensor<2x8x16x16xf16>, tensor<8xf16>, tensor<8xf16>) -> tensor<2x8x16x16xf16>
  return %y, %z : tensor<2x8x16x16xf16>, tensor<2x8x16x16xf16>
}
