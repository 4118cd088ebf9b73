// --norm-decompose: instance/group/layer norm -> moments + modulate, with the
// 1-D (or trailing) affine parameters reshaped by tensor.expand_shape so that
// they broadcast against x.
// RUN: norm-opt %s --norm-decompose -split-input-file | FileCheck %s

// CHECK-LABEL: func.func @instance_norm_2d
// CHECK-SAME: (%[[X:[a-z0-9]+]]: tensor<1x8x4x4xf32>, %[[G:[a-z0-9]+]]: tensor<8xf32>, %[[B:[a-z0-9]+]]: tensor<8xf32>)
// CHECK-NOT: norm.instance_norm
// CHECK-DAG: %[[G4:.*]] = tensor.expand_shape %[[G]] {{\[}}[0, 1, 2, 3]] output_shape [1, 8, 1, 1] : tensor<8xf32> into tensor<1x8x1x1xf32>
// CHECK-DAG: %[[B4:.*]] = tensor.expand_shape %[[B]] {{\[}}[0, 1, 2, 3]] output_shape [1, 8, 1, 1] : tensor<8xf32> into tensor<1x8x1x1xf32>
// CHECK-DAG: %[[MEAN:.*]], %[[RSTD:.*]] = norm.moments %[[X]] dims = [2, 3] groups = 1 eps = 9.99999974E-6
// CHECK-SAME: : tensor<1x8x4x4xf32> -> tensor<1x8x1x1xf32>, tensor<1x8x1x1xf32>
// CHECK: %[[Y:.*]] = norm.modulate %[[X]], %[[MEAN]], %[[RSTD]] scale(%[[G4]]) shift(%[[B4]])
// CHECK-SAME: -> tensor<1x8x4x4xf32>
// CHECK-NOT: norm.instance_norm
// CHECK: return %[[Y]]
func.func @instance_norm_2d(%x: tensor<1x8x4x4xf32>, %g: tensor<8xf32>,
                            %b: tensor<8xf32>) -> tensor<1x8x4x4xf32> {
  %y = norm.instance_norm %x scale(%g) bias(%b) eps = 1.0e-05
      : (tensor<1x8x4x4xf32>, tensor<8xf32>, tensor<8xf32>) -> tensor<1x8x4x4xf32>
  return %y : tensor<1x8x4x4xf32>
}

// -----

// Without affine parameters there is nothing to reshape.
// CHECK-LABEL: func.func @instance_norm_no_affine
// CHECK-SAME: (%[[X:[a-z0-9]+]]: tensor<2x3x5x7xf32>)
// CHECK-NOT: tensor.expand_shape
// CHECK: %[[MEAN:.*]], %[[RSTD:.*]] = norm.moments %[[X]] dims = [2, 3] groups = 1 eps = 1.000000e-03
// CHECK: %[[Y:.*]] = norm.modulate %[[X]], %[[MEAN]], %[[RSTD]] : (tensor<2x3x5x7xf32>, tensor<2x3x1x1xf32>, tensor<2x3x1x1xf32>) -> tensor<2x3x5x7xf32>
// CHECK: return %[[Y]]
func.func @instance_norm_no_affine(%x: tensor<2x3x5x7xf32>) -> tensor<2x3x5x7xf32> {
  %y = norm.instance_norm %x eps = 1.0e-03 : (tensor<2x3x5x7xf32>) -> tensor<2x3x5x7xf32>
  return %y : tensor<2x3x5x7xf32>
}

// -----

// CHECK-LABEL: func.func @instance_norm_1d
// CHECK-SAME: (%[[X:[a-z0-9]+]]: tensor<2x8x100xf32>, %[[G:[a-z0-9]+]]: tensor<8xf32>)
// CHECK: %[[G3:.*]] = tensor.expand_shape %[[G]] {{\[}}[0, 1, 2]] output_shape [1, 8, 1] : tensor<8xf32> into tensor<1x8x1xf32>
// CHECK: %[[MEAN:.*]], %[[RSTD:.*]] = norm.moments %[[X]] dims = [2] groups = 1
// CHECK-SAME: : tensor<2x8x100xf32> -> tensor<2x8x1xf32>, tensor<2x8x1xf32>
// CHECK: norm.modulate %[[X]], %[[MEAN]], %[[RSTD]] scale(%[[G3]]) :
func.func @instance_norm_1d(%x: tensor<2x8x100xf32>, %g: tensor<8xf32>) -> tensor<2x8x100xf32> {
  %y = norm.instance_norm %x scale(%g) eps = 1.0e-05
      : (tensor<2x8x100xf32>, tensor<8xf32>) -> tensor<2x8x100xf32>
  return %y : tensor<2x8x100xf32>
}

// -----

// CHECK-LABEL: func.func @instance_norm_3d
// CHECK-SAME: (%[[X:[a-z0-9]+]]: tensor<1x4x6x6x6xf32>, %[[B:[a-z0-9]+]]: tensor<4xf32>)
// CHECK: %[[B5:.*]] = tensor.expand_shape %[[B]] {{\[}}[0, 1, 2, 3, 4]] output_shape [1, 4, 1, 1, 1] : tensor<4xf32> into tensor<1x4x1x1x1xf32>
// CHECK: %[[MEAN:.*]], %[[RSTD:.*]] = norm.moments %[[X]] dims = [2, 3, 4] groups = 1
// CHECK-SAME: : tensor<1x4x6x6x6xf32> -> tensor<1x4x1x1x1xf32>, tensor<1x4x1x1x1xf32>
// CHECK: norm.modulate %[[X]], %[[MEAN]], %[[RSTD]] shift(%[[B5]]) :
func.func @instance_norm_3d(%x: tensor<1x4x6x6x6xf32>, %b: tensor<4xf32>) -> tensor<1x4x6x6x6xf32> {
  %y = norm.instance_norm %x bias(%b) eps = 1.0e-05
      : (tensor<1x4x6x6x6xf32>, tensor<4xf32>) -> tensor<1x4x6x6x6xf32>
  return %y : tensor<1x4x6x6x6xf32>
}

// -----

// CHECK-LABEL: func.func @group_norm
// CHECK-SAME: (%[[X:[a-z0-9]+]]: tensor<2x64x16x16xf32>, %[[G:[a-z0-9]+]]: tensor<64xf32>, %[[B:[a-z0-9]+]]: tensor<64xf32>)
// CHECK-NOT: norm.group_norm
// CHECK-DAG: %[[G4:.*]] = tensor.expand_shape %[[G]] {{\[}}[0, 1, 2, 3]] output_shape [1, 64, 1, 1] : tensor<64xf32> into tensor<1x64x1x1xf32>
// CHECK-DAG: %[[B4:.*]] = tensor.expand_shape %[[B]] {{\[}}[0, 1, 2, 3]] output_shape [1, 64, 1, 1] : tensor<64xf32> into tensor<1x64x1x1xf32>
// CHECK-DAG: %[[MEAN:.*]], %[[RSTD:.*]] = norm.moments %[[X]] dims = [2, 3] groups = 32 eps = 9.99999974E-6
// CHECK-SAME: : tensor<2x64x16x16xf32> -> tensor<2x64x1x1xf32>, tensor<2x64x1x1xf32>
// CHECK: %[[Y:.*]] = norm.modulate %[[X]], %[[MEAN]], %[[RSTD]] scale(%[[G4]]) shift(%[[B4]])
// CHECK-NOT: norm.group_norm
// CHECK: return %[[Y]]
func.func @group_norm(%x: tensor<2x64x16x16xf32>, %g: tensor<64xf32>,
                      %b: tensor<64xf32>) -> tensor<2x64x16x16xf32> {
  %y = norm.group_norm %x groups = 32 scale(%g) bias(%b) eps = 1.0e-05
      : (tensor<2x64x16x16xf32>, tensor<64xf32>, tensor<64xf32>) -> tensor<2x64x16x16xf32>
  return %y : tensor<2x64x16x16xf32>
}

// -----

// CHECK-LABEL: func.func @group_norm_1d
// CHECK: norm.moments %{{[a-z0-9]+}} dims = [2] groups = 4
// CHECK-SAME: : tensor<3x8x10xf32> -> tensor<3x8x1xf32>, tensor<3x8x1xf32>
// CHECK-NOT: norm.group_norm
func.func @group_norm_1d(%x: tensor<3x8x10xf32>) -> tensor<3x8x10xf32> {
  %y = norm.group_norm %x groups = 4 eps = 1.0e-05 : (tensor<3x8x10xf32>) -> tensor<3x8x10xf32>
  return %y : tensor<3x8x10xf32>
}

// -----

// Layer norm from axis 1: the [C, H, W] parameter gets one leading unit dim,
// which joins the first reassociation group.
// CHECK-LABEL: func.func @layer_norm_axis1
// CHECK-SAME: (%[[X:[a-z0-9]+]]: tensor<4x64x8x8xf32>, %[[G:[a-z0-9]+]]: tensor<64x8x8xf32>)
// CHECK-NOT: norm.layer_norm
// CHECK: %[[G4:.*]] = tensor.expand_shape %[[G]] {{\[}}[0, 1], [2], [3]] output_shape [1, 64, 8, 8] : tensor<64x8x8xf32> into tensor<1x64x8x8xf32>
// CHECK: %[[MEAN:.*]], %[[RSTD:.*]] = norm.moments %[[X]] dims = [1, 2, 3] groups = 1
// CHECK-SAME: : tensor<4x64x8x8xf32> -> tensor<4x1x1x1xf32>, tensor<4x1x1x1xf32>
// CHECK: %[[Y:.*]] = norm.modulate %[[X]], %[[MEAN]], %[[RSTD]] scale(%[[G4]]) :
// CHECK-SAME: (tensor<4x64x8x8xf32>, tensor<4x1x1x1xf32>, tensor<4x1x1x1xf32>, tensor<1x64x8x8xf32>) -> tensor<4x64x8x8xf32>
// CHECK: return %[[Y]]
func.func @layer_norm_axis1(%x: tensor<4x64x8x8xf32>, %g: tensor<64x8x8xf32>)
    -> tensor<4x64x8x8xf32> {
  %y = norm.layer_norm %x axis = 1 scale(%g) eps = 1.0e-05
      : (tensor<4x64x8x8xf32>, tensor<64x8x8xf32>) -> tensor<4x64x8x8xf32>
  return %y : tensor<4x64x8x8xf32>
}

// -----

// Layer norm from axis 2: two leading unit dims.
// CHECK-LABEL: func.func @layer_norm_axis2
// CHECK-SAME: (%[[X:[a-z0-9]+]]: tensor<4x64x8x8xf32>, %[[G:[a-z0-9]+]]: tensor<8x8xf32>, %[[B:[a-z0-9]+]]: tensor<8x8xf32>)
// CHECK-DAG: %[[G4:.*]] = tensor.expand_shape %[[G]] {{\[}}[0, 1, 2], [3]] output_shape [1, 1, 8, 8] : tensor<8x8xf32> into tensor<1x1x8x8xf32>
// CHECK-DAG: %[[B4:.*]] = tensor.expand_shape %[[B]] {{\[}}[0, 1, 2], [3]] output_shape [1, 1, 8, 8] : tensor<8x8xf32> into tensor<1x1x8x8xf32>
// CHECK-DAG: %[[MEAN:.*]], %[[RSTD:.*]] = norm.moments %[[X]] dims = [2, 3] groups = 1
// CHECK-SAME: : tensor<4x64x8x8xf32> -> tensor<4x64x1x1xf32>, tensor<4x64x1x1xf32>
// CHECK: norm.modulate %[[X]], %[[MEAN]], %[[RSTD]] scale(%[[G4]]) shift(%[[B4]]) :
func.func @layer_norm_axis2(%x: tensor<4x64x8x8xf32>, %g: tensor<8x8xf32>,
                            %b: tensor<8x8xf32>) -> tensor<4x64x8x8xf32> {
  %y = norm.layer_norm %x axis = 2 scale(%g) bias(%b) eps = 1.0e-05
      : (tensor<4x64x8x8xf32>, tensor<8x8xf32>, tensor<8x8xf32>) -> tensor<4x64x8x8xf32>
  return %y : tensor<4x64x8x8xf32>
}

// -----

// Layer norm from axis 0: the parameters already have the rank of x.
// CHECK-LABEL: func.func @layer_norm_axis0
// CHECK-SAME: (%[[X:[a-z0-9]+]]: tensor<4x64xf32>, %[[G:[a-z0-9]+]]: tensor<4x64xf32>)
// CHECK-NOT: tensor.expand_shape
// CHECK: %[[MEAN:.*]], %[[RSTD:.*]] = norm.moments %[[X]] dims = [0, 1] groups = 1
// CHECK-SAME: : tensor<4x64xf32> -> tensor<1x1xf32>, tensor<1x1xf32>
// CHECK: norm.modulate %[[X]], %[[MEAN]], %[[RSTD]] scale(%[[G]]) :
func.func @layer_norm_axis0(%x: tensor<4x64xf32>, %g: tensor<4x64xf32>) -> tensor<4x64xf32> {
  %y = norm.layer_norm %x axis = 0 scale(%g) eps = 1.0e-05
      : (tensor<4x64xf32>, tensor<4x64xf32>) -> tensor<4x64xf32>
  return %y : tensor<4x64xf32>
}

// -----

// Dynamic shapes: the parameter's size comes from tensor.dim.
// CHECK-LABEL: func.func @instance_norm_dynamic
// CHECK-SAME: (%[[X:[a-z0-9]+]]: tensor<?x?x?x?xf32>, %[[G:[a-z0-9]+]]: tensor<?xf32>)
// CHECK: %[[C0:.*]] = arith.constant 0 : index
// CHECK: %[[DIM:.*]] = tensor.dim %[[G]], %[[C0]] : tensor<?xf32>
// CHECK: %[[G4:.*]] = tensor.expand_shape %[[G]] {{\[}}[0, 1, 2, 3]] output_shape [1, %[[DIM]], 1, 1] : tensor<?xf32> into tensor<1x?x1x1xf32>
// CHECK: %[[MEAN:.*]], %[[RSTD:.*]] = norm.moments %[[X]] dims = [2, 3] groups = 1
// CHECK-SAME: : tensor<?x?x?x?xf32> -> tensor<?x?x1x1xf32>, tensor<?x?x1x1xf32>
// CHECK: norm.modulate %[[X]], %[[MEAN]], %[[RSTD]] scale(%[[G4]]) :
// CHECK-SAME: (tensor<?x?x?x?xf32>, tensor<?x?x1x1xf32>, tensor<?x?x1x1xf32>, tensor<1x?x1x1xf32>) -> tensor<?x?x?x?xf32>
func.func @instance_norm_dynamic(%x: tensor<?x?x?x?xf32>, %g: tensor<?xf32>)
    -> tensor<?x?x?x?xf32> {
  %y = norm.instance_norm %x scale(%g) eps = 1.0e-05
      : (tensor<?x?x?x?xf32>, tensor<?xf32>) -> tensor<?x?x?x?xf32>
  return %y : tensor<?x?x?x?xf32>
}

// -----

// CHECK-LABEL: func.func @layer_norm_dynamic
// CHECK-SAME: (%[[X:[a-z0-9]+]]: tensor<?x?x?xf32>, %[[G:[a-z0-9]+]]: tensor<?xf32>)
// CHECK: %[[DIM:.*]] = tensor.dim %[[G]], %{{.*}} : tensor<?xf32>
// CHECK: %[[G3:.*]] = tensor.expand_shape %[[G]] {{\[}}[0, 1, 2]] output_shape [1, 1, %[[DIM]]] : tensor<?xf32> into tensor<1x1x?xf32>
// CHECK: %[[MEAN:.*]], %[[RSTD:.*]] = norm.moments %[[X]] dims = [2] groups = 1
// CHECK-SAME: : tensor<?x?x?xf32> -> tensor<?x?x1xf32>, tensor<?x?x1xf32>
// CHECK: norm.modulate %[[X]], %[[MEAN]], %[[RSTD]] scale(%[[G3]]) :
func.func @layer_norm_dynamic(%x: tensor<?x?x?xf32>, %g: tensor<?xf32>) -> tensor<?x?x?xf32> {
  %y = norm.layer_norm %x axis = 2 scale(%g) eps = 1.0e-05
      : (tensor<?x?x?xf32>, tensor<?xf32>) -> tensor<?x?x?xf32>
  return %y : tensor<?x?x?xf32>
}

// -----

// Mixed static/dynamic parameter of a layer norm: static sizes stay constants.
// CHECK-LABEL: func.func @layer_norm_mixed_dynamic
// CHECK-SAME: %[[G:[a-z0-9]+]]: tensor<?x8xf32>)
// CHECK: %[[DIM:.*]] = tensor.dim %[[G]], %{{.*}} : tensor<?x8xf32>
// CHECK: tensor.expand_shape %[[G]] {{\[}}[0, 1], [2]] output_shape [1, %[[DIM]], 8] : tensor<?x8xf32> into tensor<1x?x8xf32>
func.func @layer_norm_mixed_dynamic(%x: tensor<2x?x8xf32>, %g: tensor<?x8xf32>)
    -> tensor<2x?x8xf32> {
  %y = norm.layer_norm %x axis = 1 scale(%g) eps = 1.0e-05
      : (tensor<2x?x8xf32>, tensor<?x8xf32>) -> tensor<2x?x8xf32>
  return %y : tensor<2x?x8xf32>
}

// -----

// Activations are not normalizations: left untouched.
// CHECK-LABEL: func.func @negative_activations
// CHECK-SAME: (%[[X:[a-z0-9]+]]: tensor<1x8x4x4xf32>)
// CHECK-NOT: norm.moments
// CHECK-NOT: norm.modulate
// CHECK: %[[A:.*]] = norm.relu %[[X]]
// CHECK: %[[B:.*]] = norm.gelu %[[A]] tanh_approximation
// CHECK: %[[C:.*]] = norm.silu %[[B]]
// CHECK: return %[[C]]
func.func @negative_activations(%x: tensor<1x8x4x4xf32>) -> tensor<1x8x4x4xf32> {
  %a = norm.relu %x : tensor<1x8x4x4xf32>
  %b = norm.gelu %a tanh_approximation : tensor<1x8x4x4xf32>
  %c = norm.silu %b : tensor<1x8x4x4xf32>
  return %c : tensor<1x8x4x4xf32>
}

// -----

// The decomposed core is already the target form: left as is.
// CHECK-LABEL: func.func @negative_core_ops
// CHECK-SAME: (%[[X:[a-z0-9]+]]: tensor<2x64x4x4xf32>)
// CHECK-NOT: tensor.expand_shape
// CHECK: %[[MEAN:.*]], %[[RSTD:.*]] = norm.moments %[[X]] dims = [2, 3] groups = 8
// CHECK-NEXT: %[[Y:.*]] = norm.modulate %[[X]], %[[MEAN]], %[[RSTD]] :
// CHECK-NEXT: return %[[Y]]
func.func @negative_core_ops(%x: tensor<2x64x4x4xf32>) -> tensor<2x64x4x4xf32> {
  %mean, %rstd = norm.moments %x dims = [2, 3] groups = 8 eps = 1.0e-05
      : tensor<2x64x4x4xf32> -> tensor<2x64x1x1xf32>, tensor<2x64x1x1xf32>
  %y = norm.modulate %x, %mean, %rstd
      : (tensor<2x64x4x4xf32>, tensor<2x64x1x1xf32>, tensor<2x64x1x1xf32>)
      -> tensor<2x64x4x4xf32>
  return %y : tensor<2x64x4x4xf32>
}
