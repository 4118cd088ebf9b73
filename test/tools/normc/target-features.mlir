// Target features that would remove the checks normrt relies on, change the
// ABI it calls, or make no sense for normc are refused up front, each with
// its reason (halide_gen/Target.cpp); nothing is written.
// RUN: rm -rf %t && mkdir -p %t
// RUN: not normc %S/Inputs/relu.mlir -o %t/out --target=host-no_asserts 2>&1 | FileCheck %s --check-prefix=NOASSERTS
// RUN: not ls %t/out
// NOASSERTS: normc: error: target 'host-no_asserts': normc does not accept the feature 'no_asserts': it removes the kernel's shape checks, and normrt's calls rely on them
// RUN: not normc %S/Inputs/relu.mlir -o %t/out --target=x86-64-linux-avx2-no_bounds_query 2>&1 | FileCheck %s --check-prefix=NOBQ
// NOBQ: does not accept the feature 'no_bounds_query': it removes the bounds queries
// RUN: not normc %S/Inputs/relu.mlir -o %t/out --target=host-no_runtime 2>&1 | FileCheck %s --check-prefix=NORUNTIME
// NORUNTIME: does not accept the feature 'no_runtime': normc sets it itself
// RUN: not normc %S/Inputs/relu.mlir -o %t/out --target=host-user_context 2>&1 | FileCheck %s --check-prefix=USERCONTEXT
// USERCONTEXT: does not accept the feature 'user_context': normc sets it itself
// RUN: not normc %S/Inputs/relu.mlir -o %t/out --target=host-jit 2>&1 | FileCheck %s --check-prefix=JIT
// JIT: does not accept the feature 'jit': normc compiles ahead of time
// RUN: not normc %S/Inputs/relu.mlir -o %t/out --target=host-matlab 2>&1 | FileCheck %s --check-prefix=MATLAB
// MATLAB: does not accept the feature 'matlab'
// RUN: not normc %S/Inputs/relu.mlir -o %t/out --target=host-c_plus_plus_name_mangling 2>&1 | FileCheck %s --check-prefix=MANGLING
// MANGLING: does not accept the feature 'c_plus_plus_name_mangling': normrt and the generated headers call the kernels by their C names
// RUN: not normc %S/Inputs/relu.mlir -o %t/out --target=host-large_buffers 2>&1 | FileCheck %s --check-prefix=LARGE
// LARGE: does not accept the feature 'large_buffers': normc's kernels and normrt address at most 2^31 - 1 bytes per tensor
// RUN: not normc %S/Inputs/relu.mlir -o %t/out --target=host-fuzz_float_stores 2>&1 | FileCheck %s --check-prefix=FUZZ
// FUZZ: does not accept the feature 'fuzz_float_stores'
// RUN: not normc %S/Inputs/relu.mlir -o %t/out --target=arm-64-linux-hvx 2>&1 | FileCheck %s --check-prefix=HVX
// HVX: does not accept the feature 'hvx': it belongs to an architecture or GPU API that normc does not schedule
// RUN: not normc %S/Inputs/relu.mlir -o %t/out --target=x86-64-osx 2>&1 | FileCheck %s --check-prefix=OSX
// OSX: normc: error: target 'x86-64-osx' is for another OS than Linux
// RUN: not normc %S/Inputs/relu.mlir -o %t/out --target=arm-64-android 2>&1 | FileCheck %s --check-prefix=ANDROID
// ANDROID: normc: error: target 'arm-64-android' is for another OS than Linux
// RUN: not ls %t/out
// Instrumentation that keeps the checks is accepted.
// RUN: normc %S/Inputs/relu.mlir -o %t/ok --target=x86-64-linux-avx2-profile-debug-strict_float --emit=header
// RUN: ls %t/ok | FileCheck %s --check-prefix=OK
// OK: f.h

// The host target never claims AVX512-FP16 the CPU lacks: Halide 14 takes
// any CPU with AVX512-BF16 (AMD Zen 4) for a Sapphire Rapids, whose code
// uses FP16 instructions (vmovw) and died with SIGILL.
// RUN: normc --list-targets | head -1 > %t.host
// RUN: grep -qw avx512_fp16 /proc/cpuinfo || not grep sapphirerapids %t.host
