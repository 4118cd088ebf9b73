// A target string Halide cannot parse gets one LLVM-style line that quotes the
// value and names the expected form, not Halide's multi-line error text.
// RUN: not normc %S/Inputs/relu.mlir -o %t --target=x86-64 2>&1 | FileCheck %s
// RUN: not ls %t

// CHECK: {{^}}normc: error: invalid target 'x86-64'{{.*$}}
// CHECK-NOT: Error:
// CHECK-NOT: {{.}}
