// --norm-decompose on conditional instance norm: the style tables are mixed by
// the per-sample weights (norm.matmul), reshaped to [N, C, 1, 1] and used as
// the modulate's per-(n, c) scale and shift.
// RUN: norm-opt %s --norm-decompose | FileCheck %s

// CHECK-LABEL: func.func @cin
// CHECK-NOT: norm.conditional_instance_norm
// CHECK-DAG: %[[G:.*]] = norm.matmul %arg1, %arg2 : (tensor<2x3xf32>, tensor<3x4xf32>) -> tensor<2x4xf32>
// CHECK-DAG: %[[B:.*]] = norm.matmul %arg1, %arg3
// CHECK-DAG: %[[GE:.*]] = tensor.expand_shape %[[G]] {{\[}}[0], [1, 2, 3]] output_shape [2, 4, 1, 1]
// CHECK-DAG: %[[BE:.*]] = tensor.expand_shape %[[B]] {{\[}}[0], [1, 2, 3]]
// CHECK-DAG: %[[M:.*]], %[[R:.*]] = norm.moments %arg0 dims = [2, 3] groups = 1
// CHECK: norm.modulate %arg0, %[[M]], %[[R]] scale(%[[GE]]) shift(%[[BE]])
func.func @cin(%x: tensor<2x4x8x8xf32>, %w: tensor<2x3xf32>, %gt: tensor<3x4xf32>, %bt: tensor<3x4xf32>) -> tensor<2x4x8x8xf32> {
  %y = norm.conditional_instance_norm %x, %w, %gt, %bt eps = 1.0e-05 : (tensor<2x4x8x8xf32>, tensor<2x3xf32>, tensor<3x4xf32>, tensor<3x4xf32>) -> tensor<2x4x8x8xf32>
  return %y : tensor<2x4x8x8xf32>
}
