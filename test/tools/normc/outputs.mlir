// What normc writes: one library and header per public function, one Halide
// runtime per target, the optional debugging outputs, and one subdirectory per
// target when several are given. The private helper produces nothing.

// Default: --target=host --emit=lib,header,runtime.
// RUN: rm -rf %t && normc %s -o %t/default
// RUN: ls %t/default | FileCheck %s --check-prefix=DEFAULT
// RUN: ls %t | FileCheck %s --check-prefix=NOTMP
// DEFAULT-NOT: helper
// DEFAULT:      {{^}}inorm_relu.a{{$}}
// DEFAULT-NEXT: {{^}}inorm_relu.h{{$}}
// DEFAULT-NEXT: {{^}}lnorm_gelu.a{{$}}
// DEFAULT-NEXT: {{^}}lnorm_gelu.h{{$}}
// DEFAULT-NEXT: {{^}}normc_halide_runtime.a{{$}}
// DEFAULT-NOT: {{.}}
// The temporary directory next to the output is gone.
// NOTMP-NOT: normc-tmp
// NOTMP: {{^}}default{{$}}
// NOTMP-NOT: normc-tmp

// The kernel library defines the entry points and leaves the runtime to
// normc_halide_runtime.a (compiled with no_runtime).
// RUN: llvm-nm %t/default/inorm_relu.a | FileCheck %s --check-prefix=SYMS
// SYMS-DAG: U halide_error_bad_type
// SYMS-DAG: T inorm_relu{{$}}
// SYMS-DAG: T inorm_relu_argv{{$}}
// SYMS-DAG: T inorm_relu_metadata{{$}}
// RUN: llvm-nm %t/default/normc_halide_runtime.a | FileCheck %s --check-prefix=RUNTIME
// RUNTIME: halide_error_bad_type

// The header declares the user_context entry point with one buffer per
// argument and result, named by norm.name (argN / resultN otherwise), plus
// the _argv and _metadata variants; its include guard does not leak the
// temporary directory the file was written in.
// RUN: FileCheck %s --check-prefix=HEADER < %t/default/inorm_relu.h
// HEADER-NOT: normc-tmp
// HEADER: #ifndef NORMC_KERNEL_inorm_relu_H_
// HEADER: int inorm_relu(void const *__user_context, struct halide_buffer_t *_x_buffer, struct halide_buffer_t *_gamma_buffer, struct halide_buffer_t *_beta_buffer, struct halide_buffer_t *_y_buffer);
// HEADER: int inorm_relu_argv(void **args);
// HEADER: const struct halide_filter_metadata_t *inorm_relu_metadata();
// normc's table of the arguments, which NORMRT_KERNEL(inorm_relu) carries.
// HEADER: static inline const normrt_kernel_info_t *inorm_relu_kernel_info(void) {
// HEADER: static const int64_t inorm_relu__arg0[] = {1, 8, 16, 16};
// HEADER: {"x", 0, NORMRT_DTYPE_F32, 4, inorm_relu__arg0, NULL},
// HEADER-NEXT: {"gamma", 0, NORMRT_DTYPE_F32, 1, inorm_relu__arg1, NULL},
// HEADER-NEXT: {"beta", 0, NORMRT_DTYPE_F32, 1, inorm_relu__arg2, NULL},
// HEADER-NEXT: {"y", 1, NORMRT_DTYPE_F32, 4, inorm_relu__result0, NULL},
// HEADER: static const normrt_kernel_info_t info = {"inorm_relu", "host", 4, inorm_relu__args};
// HEADER-NOT: normc-tmp
// RUN: FileCheck %s --check-prefix=HEADER2 < %t/default/lnorm_gelu.h
// HEADER2: int lnorm_gelu(void const *__user_context, struct halide_buffer_t *_arg0_buffer, struct halide_buffer_t *_result0_buffer);
// HEADER2: int lnorm_gelu_argv(void **args);
// HEADER2: const struct halide_filter_metadata_t *lnorm_gelu_metadata();

// --emit=header writes headers only: no library, no runtime.
// RUN: normc %s -o %t/header --emit=header
// RUN: ls %t/header | FileCheck %s --check-prefix=HEADERONLY
// HEADERONLY-NOT: .a
// HEADERONLY:      {{^}}inorm_relu.h{{$}}
// HEADERONLY-NEXT: {{^}}lnorm_gelu.h{{$}}
// HEADERONLY-NOT: {{.}}

// Debugging outputs: the loop nest, the IR after the passes, the knobs used.
// RUN: normc %s -o %t/debug --emit=stmt,mlir,schedule
// RUN: ls %t/debug | FileCheck %s --check-prefix=DEBUG
// DEBUG-NOT: .a
// DEBUG-NOT: .h
// DEBUG:      {{^}}inorm_relu.schedule.json{{$}}
// DEBUG-NEXT: {{^}}inorm_relu.stmt{{$}}
// DEBUG-NEXT: {{^}}lnorm_gelu.schedule.json{{$}}
// DEBUG-NEXT: {{^}}lnorm_gelu.stmt{{$}}
// DEBUG-NEXT: {{^}}outputs.kernels.mlir{{$}}
// DEBUG-NOT: {{.}}
// RUN: FileCheck %s --check-prefix=SCHEDULE < %t/debug/inorm_relu.schedule.json
// SCHEDULE: "function": "inorm_relu"
// SCHEDULE: "effective": {
// SCHEDULE: "vector_width": {{[0-9]+}}
// SCHEDULE: "requested": {
// SCHEDULE: "target": "{{(x86|arm)}}-64-
// RUN: FileCheck %s --check-prefix=STMT < %t/debug/inorm_relu.stmt
// STMT: module name=inorm_relu, target={{.*}}user_context
// RUN: FileCheck %s --check-prefix=KERNELS < %t/debug/outputs.kernels.mlir
// KERNELS-LABEL: func.func @inorm_relu
// KERNELS: call @[[IN:norm_[0-9a-f]{16}]]
// KERNELS-LABEL: func.func @lnorm_gelu
// KERNELS: call @[[LN:norm_[0-9a-f]{16}]]
// KERNELS-LABEL: func.func private @helper
// KERNELS-NOT: call
// KERNELS: func.func private @[[IN]]
// KERNELS-SAME: norm.role = "norm", norm.schedule = {requested = {
// KERNELS: norm.moments
// KERNELS: norm.modulate
// KERNELS: norm.relu
// KERNELS: return
// KERNELS: func.func private @[[LN]]

// Target features reach code generation: AVX2 uses ymm registers, plain
// x86-64 (SSE) does not.
// RUN: normc %s -o %t/avx2 --target=x86-64-linux-avx2 --emit=asm
// RUN: FileCheck %s --check-prefix=AVX2 < %t/avx2/inorm_relu.s
// AVX2: ymm
// RUN: normc %s -o %t/sse --target=x86-64-linux --emit=asm
// RUN: FileCheck %s --check-prefix=SSE < %t/sse/inorm_relu.s
// SSE-NOT: ymm
// SSE: xmm
// SSE-NOT: ymm

// Cross-compilation to 64-bit ARM.
// RUN: normc %s -o %t/arm --target=arm-64-linux --emit=lib,header
// RUN: ls %t/arm | FileCheck %s --check-prefix=ARM
// ARM:      {{^}}inorm_relu.a{{$}}
// ARM-NEXT: {{^}}inorm_relu.h{{$}}
// ARM-NEXT: {{^}}lnorm_gelu.a{{$}}
// ARM-NEXT: {{^}}lnorm_gelu.h{{$}}
// ARM-NOT: {{.}}
// RUN: llvm-readelf -h %t/arm/inorm_relu.a | FileCheck %s --check-prefix=AARCH64
// AARCH64: Machine: AArch64

// Several x86 targets: one library per function holding a variant per
// target (<f>__<suffix>) and a dispatcher <f> (plus <f>_variant, the query);
// one runtime for the features they share; one schedule file per variant.
// RUN: normc %s -o %t/multi --target=x86-64-linux-avx512_skylake,x86-64-linux-avx2,x86-64-linux --emit=lib,header,runtime,schedule,mlir
// RUN: ls %t/multi | FileCheck %s --check-prefix=MULTI
// MULTI:      {{^}}inorm_relu.a{{$}}
// MULTI-NEXT: {{^}}inorm_relu.h{{$}}
// MULTI-NEXT: {{^}}inorm_relu__avx2.schedule.json{{$}}
// MULTI-NEXT: {{^}}inorm_relu__avx512_skylake.schedule.json{{$}}
// MULTI-NEXT: {{^}}inorm_relu__base.schedule.json{{$}}
// MULTI-NEXT: {{^}}lnorm_gelu.a{{$}}
// MULTI:      {{^}}normc_halide_runtime.a{{$}}
// MULTI-NEXT: {{^}}outputs.avx2.kernels.mlir{{$}}
// MULTI-NEXT: {{^}}outputs.avx512_skylake.kernels.mlir{{$}}
// MULTI-NEXT: {{^}}outputs.base.kernels.mlir{{$}}
// MULTI-NOT: {{.}}
// RUN: llvm-nm %t/multi/inorm_relu.a | FileCheck %s --check-prefix=MULTI-SYMS
// MULTI-SYMS-DAG: T inorm_relu{{$}}
// MULTI-SYMS-DAG: T inorm_relu_variant{{$}}
// MULTI-SYMS-DAG: T inorm_relu_argv{{$}}
// MULTI-SYMS-DAG: T inorm_relu__avx512_skylake{{$}}
// MULTI-SYMS-DAG: T inorm_relu__avx2{{$}}
// MULTI-SYMS-DAG: T inorm_relu__base{{$}}
// MULTI-SYMS-DAG: U halide_can_use_target_features
// RUN: FileCheck %s --check-prefix=MULTI-H < %t/multi/inorm_relu.h
// MULTI-H: #define inorm_relu_VARIANT_COUNT 3
// MULTI-H: int inorm_relu_variant(void);
// MULTI-H: "x86-64-linux-avx512_skylake",
// MULTI-H-NEXT: "x86-64-linux-avx2",
// MULTI-H-NEXT: "x86-64-linux",
// MULTI-H: int inorm_relu__avx512_skylake(void const *__user_context,
// MULTI-H: int inorm_relu__base_argv(void **args);
// The variants share the function's table.
// MULTI-H: static const normrt_kernel_info_t info = {"inorm_relu", "x86-64-linux-avx512_skylake,x86-64-linux-avx2,x86-64-linux", 4, inorm_relu__args};
// MULTI-H: #define inorm_relu__avx2_kernel_info inorm_relu_kernel_info
// Each variant has its own ISA's defaults: 16, 8 and 4 f32 lanes.
// RUN: FileCheck %s --check-prefix=W16 < %t/multi/inorm_relu__avx512_skylake.schedule.json
// W16: "vector_width": 16
// RUN: FileCheck %s --check-prefix=W8 < %t/multi/inorm_relu__avx2.schedule.json
// W8: "vector_width": 8
// RUN: FileCheck %s --check-prefix=W4 < %t/multi/inorm_relu__base.schedule.json
// W4: "vector_width": 4

// A Sapphire Rapids variant is chosen only on CPUs with AVX512-FP16 as well:
// Halide's run-time check reports avx512_sapphirerapids on CPUs with BF16
// alone (AMD Zen 4), and the variant's code uses FP16 instructions. The
// dispatcher carries normc's own cpuid test (halide_gen/CpuFeatures.ll).
// RUN: normc %s -o %t/spr --target=x86-64-linux-avx512_sapphirerapids,x86-64-linux --emit=lib
// RUN: llvm-nm %t/spr/inorm_relu.a | FileCheck %s --check-prefix=SPR-SYMS
// SPR-SYMS-DAG: T inorm_relu__avx512_sapphirerapids{{$}}
// SPR-SYMS-DAG: W normc_x86_cpu_has_avx512_fp16{{$}}
// RUN: llvm-objdump -d %t/spr/inorm_relu.a | FileCheck %s --check-prefix=SPR-CPUID
// SPR-CPUID-LABEL: <normc_x86_cpu_has_avx512_fp16>:
// SPR-CPUID: movl {{\$(0x7|7)}}, %eax
// SPR-CPUID: cpuid
// SPR-CPUID-NEXT: movl %edx, %eax
// SPR-CPUID-NEXT: shrl {{\$(0x17|23)}}, %eax
// The dispatcher's variant query runs the test (inlined: the FP16 bit of
// leaf 7's EDX).
// SPR-CPUID-LABEL: <inorm_relu_variant>:
// SPR-CPUID: cpuid
// SPR-CPUID: testl {{\$(0x800000|8388608)}}, %edx
// Without such a variant the dispatcher needs no test of its own.
// RUN: llvm-nm %t/multi/inorm_relu.a | FileCheck %s --check-prefix=NO-FP16-TEST
// NO-FP16-TEST-NOT: normc_x86_cpu_has_avx512_fp16

// Several targets must make one library for one CPU family.
// RUN: not normc %s -o %t/mixed --target=x86-64-linux-avx2,arm-64-linux 2>&1 | FileCheck %s --check-prefix=MIXED
// MIXED: {{^}}normc: error: targets 'x86-64-linux-avx2' and 'arm-64-linux' differ in architecture, bits or OS: several targets make one library for one of them (run normc once per architecture){{$}}
// RUN: not normc %s -o %t/order --target=x86-64-linux,x86-64-linux-avx2 2>&1 | FileCheck %s --check-prefix=ORDER
// ORDER: {{^}}normc: error: target 'x86-64-linux-avx2' could never run: the library runs the first target the CPU supports, and 'x86-64-linux', listed before it, runs wherever it does (list the most capable target first and the baseline last){{$}}
// RUN: not normc %s -o %t/gpu --target=host-opencl,host 2>&1 | FileCheck %s --check-prefix=MULTI-GPU
// MULTI-GPU: {{^}}normc: error: target 'host-opencl' is a GPU target: several targets make one library that picks a CPU variant at run time; compile GPU targets in a normc run of their own{{$}}
// RUN: not normc %s -o %t/asan --target=x86-64-linux-avx2-asan,x86-64-linux 2>&1 | FileCheck %s --check-prefix=MUSTMATCH
// MUSTMATCH: {{^}}normc: error: targets 'x86-64-linux-avx2-asan' and 'x86-64-linux' differ in 'asan': the variants of one library must agree on every feature that is not an instruction set{{$}}
// RUN: not ls %t/mixed %t/order %t/gpu %t/asan

// --library bundles every function into one archive and an umbrella header.
// RUN: normc %s -o %t/lib --library=outputs_kernels
// RUN: ls %t/lib | FileCheck %s --check-prefix=LIB
// LIB:      {{^}}inorm_relu.h{{$}}
// LIB-NEXT: {{^}}lnorm_gelu.h{{$}}
// LIB-NEXT: {{^}}normc_halide_runtime.a{{$}}
// LIB-NEXT: {{^}}outputs_kernels.a{{$}}
// LIB-NEXT: {{^}}outputs_kernels.h{{$}}
// LIB-NOT: {{.}}
// RUN: llvm-nm %t/lib/outputs_kernels.a | FileCheck %s --check-prefix=LIB-SYMS
// LIB-SYMS-DAG: T inorm_relu{{$}}
// LIB-SYMS-DAG: T lnorm_gelu{{$}}
// RUN: FileCheck %s --check-prefix=LIB-H < %t/lib/outputs_kernels.h
// LIB-H: #include "inorm_relu.h"
// LIB-H-NEXT: #include "lnorm_gelu.h"
// LIB-H: #define outputs_kernels_KERNEL_COUNT 2
// LIB-H: static inline const normrt_registry_t *outputs_kernels_registry(void) {
// LIB-H: static const int64_t inorm_relu__arg0[] = {1, 8, 16, 16};
// LIB-H: {"x", 0, NORMRT_DTYPE_F32, 4, inorm_relu__arg0, NULL},
// LIB-H: {NORMRT_KERNEL(inorm_relu), "host", 4, inorm_relu__args, 0},
// LIB-H: {NORMRT_KERNEL(lnorm_gelu), "host", 2, lnorm_gelu__args, 0},
// LIB-H: static const normrt_registry_t registry = {"outputs_kernels", 2, kernels};
// A multitarget library's table points at each kernel's variant query.
// RUN: normc %s -o %t/libmt --library=mt_kernels --target=x86-64-linux-avx2,x86-64-linux --emit=header
// RUN: FileCheck %s --check-prefix=LIB-MT < %t/libmt/mt_kernels.h
// LIB-MT: {NORMRT_KERNEL(inorm_relu), "x86-64-linux-avx2,x86-64-linux", 4, inorm_relu__args, inorm_relu_variant},
// RUN: not normc %s -o %t/badlib --library=my-kernels 2>&1 | FileCheck %s --check-prefix=LIB-NAME
// LIB-NAME: {{^}}normc: error: '--library=my-kernels': the library name must be a C identifier (it names <name>.a, <name>.h and the header's include guard){{$}}
// RUN: not normc %s -o %t/clash --library=inorm_relu 2>&1 | FileCheck %s --check-prefix=LIB-CLASH
// LIB-CLASH: error: function @inorm_relu clashes with the library ('--library=inorm_relu': inorm_relu.a, inorm_relu.h, inorm_relu_registry())
// RUN: not ls %t/badlib %t/clash

// The runtime alone needs no input file.
// RUN: normc -o %t/runtime --emit=runtime --target=arm-64-linux
// RUN: ls %t/runtime | FileCheck %s --check-prefix=RTONLY
// RTONLY:      {{^}}normc_halide_runtime.a{{$}}
// RTONLY-NOT: {{.}}
// RUN: llvm-readelf -h %t/runtime/normc_halide_runtime.a | FileCheck %s --check-prefix=AARCH64

func.func @inorm_relu(%x: tensor<1x8x16x16xf32> {norm.name = "x"},
                      %g: tensor<8xf32> {norm.name = "gamma"},
                      %b: tensor<8xf32> {norm.name = "beta"})
    -> (tensor<1x8x16x16xf32> {norm.name = "y"}) {
  %n = norm.instance_norm %x scale(%g) bias(%b) eps = 1.0e-05
      : (tensor<1x8x16x16xf32>, tensor<8xf32>, tensor<8xf32>) -> tensor<1x8x16x16xf32>
  %y = norm.relu %n : tensor<1x8x16x16xf32>
  return %y : tensor<1x8x16x16xf32>
}

func.func @lnorm_gelu(%x: tensor<4x32xf32>) -> tensor<4x32xf32> {
  %y = norm.layer_norm %x axis = 1 eps = 1.0e-05 : (tensor<4x32xf32>) -> tensor<4x32xf32>
  %z = norm.gelu %y : tensor<4x32xf32>
  return %z : tensor<4x32xf32>
}

func.func private @helper(%x: tensor<4xf32>) -> tensor<4xf32> {
  %y = norm.silu %x : tensor<4xf32>
  return %y : tensor<4xf32>
}
