// Tensors of more than 2^31 - 1 bytes cannot be addressed by normc's
// kernels (32-bit offsets): static shapes that need more are rejected on the
// op that produces them (dialect/TensorLimits.cpp), before Halide sees them.
// RUN: rm -rf %t && split-file %s %t
// RUN: not normc %t/square.mlir -o %t/out 2>&1 | FileCheck %s --check-prefix=SQUARE
// RUN: not ls %t/out
// SQUARE: square.mlir:2:8: error: 'norm.relu' op result #0: tensor<46341x46341xf32> needs more than 2147483647 bytes; normc's kernels address at most 2^31 - 1 bytes per tensor
// RUN: not normc %t/planes.mlir -o %t/out 2>&1 | FileCheck %s --check-prefix=PLANES
// PLANES: planes.mlir:2:8: error: 'norm.relu' op result #0: tensor<1x8x65535x65535xf32> needs more
// The static part of a partly dynamic shape already counts.
// RUN: not normc %t/dynamic.mlir -o %t/out 2>&1 | FileCheck %s --check-prefix=DYNAMIC
// DYNAMIC: dynamic.mlir:2:8: error: 'norm.relu' op result #0: tensor<?x2147483647xf32> needs more
// An argument alone (returned through an op of a smaller result) is named
// on the function.
// RUN: not normc %t/argument.mlir -o %t/out 2>&1 | FileCheck %s --check-prefix=ARGUMENT
// ARGUMENT: argument.mlir:1:1: error: argument #0 of @argument: tensor<2x1073741824xf16> needs more
// The largest f32 tensor that fits is accepted (compiling it needs no memory).
// RUN: normc %t/fits.mlir -o %t/fits --emit=header
// RUN: ls %t/fits | FileCheck %s --check-prefix=FITS
// FITS: fits.h

//--- square.mlir
func.func @square(%x: tensor<46341x46341xf32>) -> tensor<46341x46341xf32> {
  %y = norm.relu %x : tensor<46341x46341xf32>
  return %y : tensor<46341x46341xf32>
}
//--- planes.mlir
func.func @planes(%x: tensor<1x8x65535x65535xf32>) -> tensor<1x8x65535x65535xf32> {
  %y = norm.relu %x : tensor<1x8x65535x65535xf32>
  return %y : tensor<1x8x65535x65535xf32>
}
//--- dynamic.mlir
func.func @dynamic(%x: tensor<?x2147483647xf32>) -> tensor<?x2147483647xf32> {
  %y = norm.relu %x : tensor<?x2147483647xf32>
  return %y : tensor<?x2147483647xf32>
}
//--- argument.mlir
func.func @argument(%x: tensor<2x1073741824xf16>, %y: tensor<4xf32>) -> tensor<4xf32> {
  %z = norm.relu %y : tensor<4xf32>
  return %z : tensor<4xf32>
}
//--- fits.mlir
func.func @fits(%x: tensor<536870911xf32>) -> tensor<536870911xf32> {
  %y = norm.relu %x : tensor<536870911xf32>
  return %y : tensor<536870911xf32>
}
