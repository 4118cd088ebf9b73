// --norm-decompose on norm.spade: parameter-free statistics (per plane, or
// per channel over the batch with batch_stats), then one modulate whose scale
// is 1 + gamma (a norm.add with a splat 1) and whose shift is beta.
// RUN: norm-opt %s --norm-decompose | FileCheck %s

// CHECK-LABEL: func.func @spade_instance
// CHECK-NOT: norm.spade
// CHECK-DAG: %[[ONE:.*]] = arith.constant dense<1.000000e+00> : tensor<1x1x1x1xf32>
// CHECK-DAG: %[[SCALE:.*]] = norm.add %arg1, %[[ONE]] : (tensor<2x4x8x8xf32>, tensor<1x1x1x1xf32>) -> tensor<2x4x8x8xf32>
// CHECK-DAG: %[[M:.*]], %[[R:.*]] = norm.moments %arg0 dims = [2, 3] groups = 1
// CHECK: norm.modulate %arg0, %[[M]], %[[R]] scale(%[[SCALE]]) shift(%arg2)
func.func @spade_instance(%x: tensor<2x4x8x8xf32>, %g: tensor<2x4x8x8xf32>, %b: tensor<2x4x8x8xf32>) -> tensor<2x4x8x8xf32> {
  %y = norm.spade %x, %g, %b eps = 1.0e-05 : tensor<2x4x8x8xf32>
  return %y : tensor<2x4x8x8xf32>
}

// CHECK-LABEL: func.func @spade_batch
// CHECK: norm.moments %arg0 dims = [0, 2, 3] groups = 1 eps = {{.*}} : tensor<2x4x8x8xf32> -> tensor<1x4x1x1xf32>, tensor<1x4x1x1xf32>
func.func @spade_batch(%x: tensor<2x4x8x8xf32>, %g: tensor<2x4x8x8xf32>, %b: tensor<2x4x8x8xf32>) -> tensor<2x4x8x8xf32> {
  %y = norm.spade %x, %g, %b eps = 1.0e-05 batch_stats : tensor<2x4x8x8xf32>
  return %y : tensor<2x4x8x8xf32>
}
