// --help shows every normc flag with an example and hides the options of the
// libraries normc links (MLIR, LLVM); --list-targets prints the host target.
// RUN: normc --help | FileCheck %s
// RUN: normc --list-targets | FileCheck %s --check-prefix=TARGETS

// CHECK: USAGE: normc [options] <input.mlir | model.onnx>
// CHECK-NOT: --mlir-
// CHECK-NOT: --debug-only
// CHECK: normc options:
// CHECK-DAG: --emit=<string> {{.*}}lib (<func>.a), header (<func>.h), runtime (normc_halide_runtime.a){{.*}}Default: --emit=lib,header,runtime
// CHECK-DAG: --list-targets {{.*}}Print the accepted target spellings
// CHECK-DAG: --fuse=<chains|none|single> {{.*}}chains (default: pad/upsample -> conv -> norm -> activation -> add chains are one loop nest each{{.*}}none (every op its own group{{.*}}single (a whole function in one group)
// CHECK-DAG: --no-fuse {{.*}}Same as --fuse=none
// CHECK-DAG: -o <dir> {{.*}}e.g. -o out/
// CHECK-DAG: --target=<string> {{.*}}e.g. --target=host
// CHECK-NOT: --mlir-

// TARGETS: {{^}}host target: {{(x86|arm)}}-64-{{[a-z]+}}
// TARGETS: examples: {{.*}}x86-64-linux-avx2{{.*}}arm-64-linux
// TARGETS: features normc accepts:
// TARGETS: avx2
// TARGETS: Halide features normc refuses (and why):
// TARGETS-DAG: no_asserts: it removes the kernel's shape checks
// TARGETS-DAG: jit: normc compiles ahead of time
