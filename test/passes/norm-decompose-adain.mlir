// --norm-decompose on norm.adain: content and style moments (unbiased unless
// `biased`), the style std as a reciprocal of its rstd, one modulate; with
// alpha < 1 the blend folds into the modulate's scale and shift.
// RUN: norm-opt %s --norm-decompose | FileCheck %s

// CHECK-LABEL: func.func @adain_full
// CHECK-NOT: norm.adain
// CHECK-DAG: %[[CM:.*]], %[[CR:.*]] = norm.moments %arg0 dims = [2, 3] groups = 1 eps = {{.*}} unbiased
// CHECK-DAG: %[[SM:.*]], %[[SR:.*]] = norm.moments %arg1 dims = [2, 3] groups = 1 eps = {{.*}} unbiased
// CHECK: %[[STD:.*]] = norm.reciprocal %[[SR]]
// CHECK: norm.modulate %arg0, %[[CM]], %[[CR]] scale(%[[STD]]) shift(%[[SM]])
// CHECK-NOT: norm.add
func.func @adain_full(%c: tensor<2x4x8x8xf32>, %s: tensor<2x4x6x6xf32>) -> tensor<2x4x8x8xf32> {
  %y = norm.adain %c, %s alpha = 1.0 eps = 1.0e-05 : (tensor<2x4x8x8xf32>, tensor<2x4x6x6xf32>) -> tensor<2x4x8x8xf32>
  return %y : tensor<2x4x8x8xf32>
}

// CHECK-LABEL: func.func @adain_blend_biased
// CHECK-NOT: unbiased
// CHECK-DAG: arith.constant dense<2.500000e-01> : tensor<1x1x1x1xf32>
// CHECK-DAG: arith.constant dense<7.500000e-01> : tensor<1x1x1x1xf32>
// CHECK-DAG: norm.reciprocal
// CHECK-DAG: norm.mul
// CHECK: %[[SCALE:.*]] = norm.add {{.*}} -> tensor<2x4x1x1xf32>
// CHECK: %[[SHIFT:.*]] = norm.add {{.*}} -> tensor<2x4x1x1xf32>
// CHECK: norm.modulate %arg0, %{{.*}}, %{{.*}} scale(%[[SCALE]]) shift(%[[SHIFT]])
func.func @adain_blend_biased(%c: tensor<2x4x8x8xf32>, %s: tensor<1x4x8x8xf32>) -> tensor<2x4x8x8xf32> {
  %y = norm.adain %c, %s alpha = 0.25 eps = 1.0e-05 biased : (tensor<2x4x8x8xf32>, tensor<1x4x8x8xf32>) -> tensor<2x4x8x8xf32>
  return %y : tensor<2x4x8x8xf32>
}
