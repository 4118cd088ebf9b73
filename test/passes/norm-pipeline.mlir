// --norm-pipeline (what normc runs): canonicalize, form kernels, decompose,
// canonicalize, CSE, outline the groups, assign their schedules.
// RUN: norm-opt %s --norm-pipeline | FileCheck %s
// RUN: norm-opt %examples/instance_norm.mlir --norm-pipeline | FileCheck %s --check-prefix=EXAMPLE

// The exported functions call their outlined groups...
// CHECK-LABEL: func.func @identity_affine
// CHECK-SAME: (%[[X:[a-z0-9]+]]: tensor<1x8x4x4xf32>)
// CHECK-NEXT: %[[K:.*]] = call @[[IDENTITY:norm_[0-9a-f]{16}]](%[[X]])
// CHECK-NEXT: return %[[K]]

// CHECK-LABEL: func.func @shared_parameter
// CHECK-SAME: (%[[X:[a-z0-9]+]]: tensor<4x64x8x8xf32>, %[[G:[a-z0-9]+]]: tensor<8x8xf32>)
// CHECK-NEXT: call @[[SHARED:norm_[0-9a-f]{16}]](%[[G]], %[[X]])

// Private helpers are decomposed but get no kernel.
// CHECK-LABEL: func.func private @negative_private_helper
// CHECK-NOT: call
// CHECK-NOT: norm.layer_norm
// CHECK: norm.moments %{{[a-z0-9]+}} dims = [0] groups = 1
// CHECK-NEXT: norm.modulate
// CHECK-NEXT: return

// ...which are private functions with a role and a schedule. The constant
// identity affine is reshaped by the decomposition, folded, and dropped from
// the modulate; relu(relu(x)) folds to one relu.
// CHECK: func.func private @[[IDENTITY]]
// CHECK-SAME: (%[[X:[a-z0-9]+]]: tensor<1x8x4x4xf32>) -> tensor<1x8x4x4xf32>
// CHECK-SAME: norm.role = "norm"
// CHECK-SAME: norm.schedule = {requested = {accumulators = 2 : i64, parallel = true, placement = "per_plane", planes_per_task = 0 : i64, stats = "two_pass", streaming_stores = false, vector_width = {{8|16}} : i64}, source = "defaults"}
// CHECK-NOT: arith.constant
// CHECK-NOT: tensor.expand_shape
// CHECK:   %[[MEAN:.*]], %[[RSTD:.*]] = norm.moments %[[X]] dims = [2, 3] groups = 1
// CHECK-NEXT:   %[[Y:.*]] = norm.modulate %[[X]], %[[MEAN]], %[[RSTD]] : (tensor<1x8x4x4xf32>, tensor<1x8x1x1xf32>, tensor<1x8x1x1xf32>) -> tensor<1x8x4x4xf32>
// CHECK-NEXT:   %[[R:.*]] = norm.relu %[[Y]]
// CHECK-NEXT:   return %[[R]]

// The same parameter used as scale and bias is reshaped once (CSE).
// CHECK: func.func private @[[SHARED]]
// CHECK-SAME: (%[[G:[a-z0-9]+]]: tensor<8x8xf32>, %[[X:[a-z0-9]+]]: tensor<4x64x8x8xf32>)
// CHECK: %[[G4:.*]] = tensor.expand_shape %[[G]] {{\[}}[0, 1, 2], [3]] output_shape [1, 1, 8, 8]
// CHECK-NOT: tensor.expand_shape
// CHECK: norm.modulate %[[X]], %{{[a-z0-9_]+}}, %{{[a-z0-9_]+}} scale(%[[G4]]) shift(%[[G4]])

func.func @identity_affine(%x: tensor<1x8x4x4xf32>) -> tensor<1x8x4x4xf32> {
  %one = arith.constant dense<1.0> : tensor<8xf32>
  %zero = arith.constant dense<0.0> : tensor<8xf32>
  %y = norm.instance_norm %x scale(%one) bias(%zero) eps = 1.0e-05
      : (tensor<1x8x4x4xf32>, tensor<8xf32>, tensor<8xf32>) -> tensor<1x8x4x4xf32>
  %a = norm.relu %y : tensor<1x8x4x4xf32>
  %b = norm.relu %a : tensor<1x8x4x4xf32>
  return %b : tensor<1x8x4x4xf32>
}

func.func @shared_parameter(%x: tensor<4x64x8x8xf32>, %g: tensor<8x8xf32>)
    -> tensor<4x64x8x8xf32> {
  %y = norm.layer_norm %x axis = 2 scale(%g) bias(%g) eps = 1.0e-05
      : (tensor<4x64x8x8xf32>, tensor<8x8xf32>, tensor<8x8xf32>) -> tensor<4x64x8x8xf32>
  return %y : tensor<4x64x8x8xf32>
}

func.func private @negative_private_helper(%x: tensor<4xf32>) -> tensor<4xf32> {
  %y = norm.layer_norm %x axis = 0 eps = 1.0e-05 : (tensor<4xf32>) -> tensor<4xf32>
  return %y : tensor<4xf32>
}

// EXAMPLE-LABEL: func.func @instance_norm_relu
// EXAMPLE-SAME: (%[[X:[a-z0-9]+]]: tensor<2x16x64x64xf32> {norm.name = "x"}, %[[G:[a-z0-9]+]]: tensor<16xf32> {norm.name = "gamma"}, %[[B:[a-z0-9]+]]: tensor<16xf32> {norm.name = "beta"})
// EXAMPLE-NEXT: %[[K:.*]] = call @[[GROUP:norm_[0-9a-f]{16}]](%[[G]], %[[B]], %[[X]])
// EXAMPLE-NEXT: return %[[K]] : tensor<2x16x64x64xf32>
// EXAMPLE: func.func private @[[GROUP]]
// EXAMPLE-SAME: (%[[G:[a-z0-9]+]]: tensor<16xf32>, %[[B:[a-z0-9]+]]: tensor<16xf32>, %[[X:[a-z0-9]+]]: tensor<2x16x64x64xf32>)
// EXAMPLE-SAME: norm.role = "norm"
// EXAMPLE-DAG:    %[[G4:.*]] = tensor.expand_shape %[[G]]
// EXAMPLE-DAG:    %[[B4:.*]] = tensor.expand_shape %[[B]]
// EXAMPLE-DAG:    %[[MEAN:.*]], %[[RSTD:.*]] = norm.moments %[[X]] dims = [2, 3] groups = 1
// EXAMPLE:        %[[N:.*]] = norm.modulate %[[X]], %[[MEAN]], %[[RSTD]] scale(%[[G4]]) shift(%[[B4]])
// EXAMPLE-NEXT:   %[[Y:.*]] = norm.relu %[[N]]
// EXAMPLE-NEXT:   return %[[Y]] : tensor<2x16x64x64xf32>
