// --norm-pipeline (what normc runs): canonicalize, decompose, canonicalize,
// CSE, form kernels.
// RUN: norm-opt %s --norm-pipeline | FileCheck %s
// RUN: norm-opt %examples/instance_norm.mlir --norm-pipeline | FileCheck %s --check-prefix=EXAMPLE

// The constant identity affine is reshaped by the decomposition, folded, and
// dropped from the modulate; relu(relu(x)) folds to one relu.
// CHECK-LABEL: func.func @identity_affine
// CHECK-SAME: (%[[X:[a-z0-9]+]]: tensor<1x8x4x4xf32>)
// CHECK-NEXT: %[[K:.*]] = norm.kernel "identity_affine" -> tensor<1x8x4x4xf32> {
// CHECK-NOT: arith.constant
// CHECK-NOT: tensor.expand_shape
// CHECK:   %[[MEAN:.*]], %[[RSTD:.*]] = norm.moments %[[X]] dims = [2, 3] groups = 1
// CHECK-NEXT:   %[[Y:.*]] = norm.modulate %[[X]], %[[MEAN]], %[[RSTD]] : (tensor<1x8x4x4xf32>, tensor<1x8x1x1xf32>, tensor<1x8x1x1xf32>) -> tensor<1x8x4x4xf32>
// CHECK-NEXT:   %[[R:.*]] = norm.relu %[[Y]]
// CHECK-NEXT:   norm.yield %[[R]]
// CHECK-NEXT: }
// CHECK-NEXT: return %[[K]]
func.func @identity_affine(%x: tensor<1x8x4x4xf32>) -> tensor<1x8x4x4xf32> {
  %one = arith.constant dense<1.0> : tensor<8xf32>
  %zero = arith.constant dense<0.0> : tensor<8xf32>
  %y = norm.instance_norm %x scale(%one) bias(%zero) eps = 1.0e-05
      : (tensor<1x8x4x4xf32>, tensor<8xf32>, tensor<8xf32>) -> tensor<1x8x4x4xf32>
  %a = norm.relu %y : tensor<1x8x4x4xf32>
  %b = norm.relu %a : tensor<1x8x4x4xf32>
  return %b : tensor<1x8x4x4xf32>
}

// The same parameter used as scale and bias is reshaped once (CSE).
// CHECK-LABEL: func.func @shared_parameter
// CHECK-SAME: (%[[X:[a-z0-9]+]]: tensor<4x64x8x8xf32>, %[[G:[a-z0-9]+]]: tensor<8x8xf32>)
// CHECK: norm.kernel "shared_parameter"
// CHECK: %[[G4:.*]] = tensor.expand_shape %[[G]] {{\[}}[0, 1, 2], [3]] output_shape [1, 1, 8, 8]
// CHECK-NOT: tensor.expand_shape
// CHECK: norm.modulate %[[X]], %{{[a-z0-9_]+}}, %{{[a-z0-9_]+}} scale(%[[G4]]) shift(%[[G4]])
func.func @shared_parameter(%x: tensor<4x64x8x8xf32>, %g: tensor<8x8xf32>)
    -> tensor<4x64x8x8xf32> {
  %y = norm.layer_norm %x axis = 2 scale(%g) bias(%g) eps = 1.0e-05
      : (tensor<4x64x8x8xf32>, tensor<8x8xf32>, tensor<8x8xf32>) -> tensor<4x64x8x8xf32>
  return %y : tensor<4x64x8x8xf32>
}

// Private helpers are decomposed but get no kernel.
// CHECK-LABEL: func.func private @negative_private_helper
// CHECK-NOT: norm.kernel
// CHECK-NOT: norm.layer_norm
// CHECK: norm.moments %{{[a-z0-9]+}} dims = [0] groups = 1
// CHECK-NEXT: norm.modulate
// CHECK-NEXT: return
func.func private @negative_private_helper(%x: tensor<4xf32>) -> tensor<4xf32> {
  %y = norm.layer_norm %x axis = 0 eps = 1.0e-05 : (tensor<4xf32>) -> tensor<4xf32>
  return %y : tensor<4xf32>
}

// EXAMPLE-LABEL: func.func @instance_norm_relu
// EXAMPLE-SAME: (%[[X:[a-z0-9]+]]: tensor<2x16x64x64xf32> {norm.name = "x"}, %[[G:[a-z0-9]+]]: tensor<16xf32> {norm.name = "gamma"}, %[[B:[a-z0-9]+]]: tensor<16xf32> {norm.name = "beta"})
// EXAMPLE-NEXT: %[[K:.*]] = norm.kernel "instance_norm_relu" -> tensor<2x16x64x64xf32> {
// EXAMPLE-DAG:    %[[G4:.*]] = tensor.expand_shape %[[G]]
// EXAMPLE-DAG:    %[[B4:.*]] = tensor.expand_shape %[[B]]
// EXAMPLE-DAG:    %[[MEAN:.*]], %[[RSTD:.*]] = norm.moments %[[X]] dims = [2, 3] groups = 1
// EXAMPLE:        %[[N:.*]] = norm.modulate %[[X]], %[[MEAN]], %[[RSTD]] scale(%[[G4]]) shift(%[[B4]])
// EXAMPLE-NEXT:   %[[Y:.*]] = norm.relu %[[N]]
// EXAMPLE-NEXT:   norm.yield %[[Y]] : tensor<2x16x64x64xf32>
// EXAMPLE-NEXT: }
// EXAMPLE-NEXT: return %[[K]] : tensor<2x16x64x64xf32>
