// Acceptance check: the shipped example decomposes into the moments/modulate
// core, keeping the argument attributes and the trailing relu.
// RUN: norm-opt %examples/instance_norm.mlir --norm-decompose | FileCheck %s

// CHECK-LABEL: func.func @instance_norm_relu
// CHECK-SAME: (%[[X:[a-z0-9]+]]: tensor<2x16x64x64xf32> {norm.name = "x"}, %[[G:[a-z0-9]+]]: tensor<16xf32> {norm.name = "gamma"}, %[[B:[a-z0-9]+]]: tensor<16xf32> {norm.name = "beta"})
// CHECK-SAME: -> (tensor<2x16x64x64xf32> {norm.name = "y"})
// CHECK-NOT: norm.instance_norm
// CHECK-DAG: %[[G4:.*]] = tensor.expand_shape %[[G]] {{\[}}[0, 1, 2, 3]] output_shape [1, 16, 1, 1] : tensor<16xf32> into tensor<1x16x1x1xf32>
// CHECK-DAG: %[[B4:.*]] = tensor.expand_shape %[[B]] {{\[}}[0, 1, 2, 3]] output_shape [1, 16, 1, 1] : tensor<16xf32> into tensor<1x16x1x1xf32>
// CHECK-DAG: %[[MEAN:.*]], %[[RSTD:.*]] = norm.moments %[[X]] dims = [2, 3] groups = 1 eps = 9.99999974E-6 : tensor<2x16x64x64xf32> -> tensor<2x16x1x1xf32>, tensor<2x16x1x1xf32>
// CHECK: %[[N:.*]] = norm.modulate %[[X]], %[[MEAN]], %[[RSTD]] scale(%[[G4]]) shift(%[[B4]])
// CHECK-SAME: : (tensor<2x16x64x64xf32>, tensor<2x16x1x1xf32>, tensor<2x16x1x1xf32>, tensor<1x16x1x1xf32>, tensor<1x16x1x1xf32>) -> tensor<2x16x64x64xf32>
// CHECK: %[[Y:.*]] = norm.relu %[[N]] : tensor<2x16x64x64xf32>
// CHECK-NOT: norm.instance_norm
// CHECK: return %[[Y]]
