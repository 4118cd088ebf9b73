// Results of 16 MiB or more are written with streaming (non-temporal)
// stores on x86: Halide's LLVM IR is rewritten so that every full-vector
// store into the result is non-temporal where the address is aligned to the
// vector and plain where not, and each function that streams fences before
// it returns. Smaller results, --schedule=streaming_stores=false and
// non-x86 targets keep plain stores; the schedule report says why.
// RUN: rm -rf %t && normc %s -o %t --emit=asm,schedule --target=x86-64-linux-avx2-fma-sse41
// RUN: FileCheck %s --check-prefix=BIG < %t/big.s
// RUN: FileCheck %s --check-prefix=BIGJSON < %t/big.schedule.json
// RUN: FileCheck %s --check-prefix=SMALL < %t/small.s
// RUN: FileCheck %s --check-prefix=SMALLJSON < %t/small.schedule.json
// RUN: FileCheck %s --check-prefix=BIG < %t/later_big.s
// RUN: rm -rf %t.off && normc %s -o %t.off --emit=asm --functions=big --target=x86-64-linux-avx2-fma-sse41 --schedule=streaming_stores=false
// RUN: FileCheck %s --check-prefix=SMALL < %t.off/big.s
// RUN: rm -rf %t.on && normc %s -o %t.on --emit=asm --functions=small --target=x86-64-linux-avx512-avx512_skylake-avx2-fma-sse41 --schedule=streaming_stores=true
// RUN: FileCheck %s --check-prefix=ZMM < %t.on/small.s
// f16 results stream too where AVX512-FP16 makes f16 vectors a legal LLVM
// type (Sapphire Rapids): LLVM 14 has no non-temporal store of them and
// wrote plain vmovaps until the stores went out as i16 lanes. Where they
// are not legal (AVX2) a 16-bit float vector passed to the store's helper
// was split into scalars (vpextrw and movw per lane).
// RUN: rm -rf %t.f16 && normc %s -o %t.f16 --emit=asm --functions=big_f16 --target=x86-64-linux-avx512_sapphirerapids-avx512_cannonlake-avx512_skylake-avx512-avx2-fma-f16c-sse41
// RUN: FileCheck %s --check-prefix=F16 < %t.f16/big_f16.s
// RUN: rm -rf %t.f16avx2 && normc %s -o %t.f16avx2 --emit=asm --functions=big_f16 --target=x86-64-linux-avx2-fma-f16c-sse41
// RUN: FileCheck %s --check-prefix=F16AVX2 < %t.f16avx2/big_f16.s
// RUN: not grep -q vpextrw %t.f16avx2/big_f16.s
// RUN: rm -rf %t.arm && normc %s -o %t.arm --emit=schedule --functions=small --target=arm-64-linux --schedule=streaming_stores=true
// RUN: FileCheck %s --check-prefix=ARM < %t.arm/small.schedule.json
// The library (object through llc) links and has the function.
// RUN: rm -rf %t.lib && normc %s -o %t.lib --emit=lib,header --functions=big --target=x86-64-linux-avx2-fma-sse41
// RUN: nm %t.lib/big.a | FileCheck %s --check-prefix=LIB

// 8 x 64 x 128 x 128 f32 = 32 MiB.
func.func @big(%x: tensor<8x64x128x128xf32>, %g: tensor<64xf32>, %b: tensor<64xf32>) -> tensor<8x64x128x128xf32> {
  %y = norm.instance_norm %x scale(%g) bias(%b) eps = 1.0e-05 : (tensor<8x64x128x128xf32>, tensor<64xf32>, tensor<64xf32>) -> tensor<8x64x128x128xf32>
  return %y : tensor<8x64x128x128xf32>
}

// 1 x 64 x 64 x 64 f32 = 1 MiB.
func.func @small(%x: tensor<1x64x64x64xf32>, %g: tensor<64xf32>, %b: tensor<64xf32>) -> tensor<1x64x64x64xf32> {
  %y = norm.instance_norm %x scale(%g) bias(%b) eps = 1.0e-05 : (tensor<1x64x64x64xf32>, tensor<64xf32>, tensor<64xf32>) -> tensor<1x64x64x64xf32>
  return %y : tensor<1x64x64x64xf32>
}

// 8 x 64 x 128 x 128 f16 = 16 MiB.
func.func @big_f16(%x: tensor<8x64x128x128xf16>, %g: tensor<64xf16>, %b: tensor<64xf16>) -> tensor<8x64x128x128xf16> {
  %y = norm.instance_norm %x scale(%g) bias(%b) eps = 1.0e-05 : (tensor<8x64x128x128xf16>, tensor<64xf16>, tensor<64xf16>) -> tensor<8x64x128x128xf16>
  return %y : tensor<8x64x128x128xf16>
}

// A large result in a later function of the same file streams too (up to
// 6fd9581 normc matched the results by name, Halide's Func(name) had made
// the second function's "result0" into "result0$1", and every function
// after the first kept plain stores; results are now matched by identity).
// 1 x 32 x 512 x 512 f32 = 32 MiB.
func.func @later_big(%x: tensor<1x32x512x512xf32>, %g: tensor<32xf32>, %b: tensor<32xf32>) -> tensor<1x32x512x512xf32> {
  %y = norm.instance_norm %x scale(%g) bias(%b) eps = 1.0e-05 : (tensor<1x32x512x512xf32>, tensor<32xf32>, tensor<32xf32>) -> tensor<1x32x512x512xf32>
  return %y : tensor<1x32x512x512xf32>
}

// The aligned path streams, the other stores plainly; one fence per
// function that streams.
// BIG: vmovntps %ymm
// BIG: vmovups %ymm
// BIG: sfence
// BIGJSON: "streaming_stores": true
// SMALL-NOT: vmovnt
// SMALL-NOT: sfence
// SMALLJSON: "streaming_stores": false
// ZMM: vmovntps %zmm
// F16: vmovnt{{ps|dq}} %ymm
// F16: sfence
// F16AVX2: vmovnt{{ps|dq}} %xmm
// F16AVX2: sfence
// ARM: "streaming_stores": false
// ARM: "streaming_stores: false: x86 targets only"
// LIB: T big
