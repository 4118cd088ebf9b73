// --norm-decompose on batch-instance norm: the gate is clipped, and the batch
// and instance parts are two modulates (each subtracting its own mean from x)
// added together.
// RUN: norm-opt %s --norm-decompose | FileCheck %s

// CHECK-LABEL: func.func @bin
// CHECK-NOT: norm.batch_instance_norm
// CHECK-DAG: %[[RHO:.*]] = norm.clamp %{{.*}} min = 0.000000e+00 max = 1.000000e+00 : tensor<1x4x1x1xf32>
// CHECK-DAG: %[[BM:.*]], %[[BR:.*]] = norm.moments %arg0 dims = [0, 2, 3]
// CHECK-DAG: %[[IM:.*]], %[[IR:.*]] = norm.moments %arg0 dims = [2, 3]
// CHECK-DAG: %[[BN:.*]] = norm.modulate %arg0, %[[BM]], %[[BR]] scale(
// CHECK-DAG: %[[IN:.*]] = norm.modulate %arg0, %[[IM]], %[[IR]] scale(
// CHECK: norm.add %[[BN]], %[[IN]] : (tensor<2x4x8x8xf32>, tensor<2x4x8x8xf32>) -> tensor<2x4x8x8xf32>
func.func @bin(%x: tensor<2x4x8x8xf32>, %rho: tensor<4xf32>) -> tensor<2x4x8x8xf32> {
  %y = norm.batch_instance_norm %x, %rho eps = 1.0e-05 : (tensor<2x4x8x8xf32>, tensor<4xf32>) -> tensor<2x4x8x8xf32>
  return %y : tensor<2x4x8x8xf32>
}

// CHECK-LABEL: func.func @bin_running
// CHECK-NOT: dims = [0, 2, 3]
// CHECK: norm.sqrt
// CHECK: norm.reciprocal
func.func @bin_running(%x: tensor<2x4x8x8xf32>, %rho: tensor<4xf32>, %m: tensor<4xf32>, %v: tensor<4xf32>) -> tensor<2x4x8x8xf32> {
  %y = norm.batch_instance_norm %x, %rho running(%m, %v) eps = 1.0e-05 : (tensor<2x4x8x8xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>) -> tensor<2x4x8x8xf32>
  return %y : tensor<2x4x8x8xf32>
}
