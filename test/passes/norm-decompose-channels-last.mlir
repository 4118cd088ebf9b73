// --norm-decompose with `channels_last` (NHWC): statistics reduce the spatial
// dims 1 .. rank-2, per-channel parameters line up with the last dim, and
// per-(n, c) parameters with dims 0 and rank-1.
// RUN: norm-opt %s --norm-decompose -split-input-file | FileCheck %s

// CHECK-LABEL: func.func @instance_norm_nhwc
// CHECK-SAME: (%[[X:[a-z0-9]+]]: tensor<2x5x7x8xf32>, %[[G:[a-z0-9]+]]: tensor<8xf32>, %[[B:[a-z0-9]+]]: tensor<8xf32>)
// CHECK-DAG: %[[G4:.*]] = tensor.expand_shape %[[G]] {{\[}}[0, 1, 2, 3]] output_shape [1, 1, 1, 8] : tensor<8xf32> into tensor<1x1x1x8xf32>
// CHECK-DAG: %[[B4:.*]] = tensor.expand_shape %[[B]] {{\[}}[0, 1, 2, 3]] output_shape [1, 1, 1, 8] : tensor<8xf32> into tensor<1x1x1x8xf32>
// CHECK-DAG: %[[MEAN:.*]], %[[RSTD:.*]] = norm.moments %[[X]] dims = [1, 2] groups = 1
// CHECK-SAME: : tensor<2x5x7x8xf32> -> tensor<2x1x1x8xf32>, tensor<2x1x1x8xf32>
// CHECK: norm.modulate %[[X]], %[[MEAN]], %[[RSTD]] scale(%[[G4]]) shift(%[[B4]])
func.func @instance_norm_nhwc(%x: tensor<2x5x7x8xf32>, %g: tensor<8xf32>,
                              %b: tensor<8xf32>) -> tensor<2x5x7x8xf32> {
  %y = norm.instance_norm %x scale(%g) bias(%b) eps = 1.0e-05 channels_last
      : (tensor<2x5x7x8xf32>, tensor<8xf32>, tensor<8xf32>) -> tensor<2x5x7x8xf32>
  return %y : tensor<2x5x7x8xf32>
}

// -----

// Group norm keeps the layout on moments: its channel groups are in the last dim.
// CHECK-LABEL: func.func @group_norm_nhwc
// CHECK: norm.moments %{{.*}} dims = [1, 2] groups = 4 eps = {{.*}} channels_last : tensor<2x5x7x8xf16> -> tensor<2x1x1x8xf32>, tensor<2x1x1x8xf32>
func.func @group_norm_nhwc(%x: tensor<2x5x7x8xf16>) -> tensor<2x5x7x8xf16> {
  %y = norm.group_norm %x groups = 4 eps = 1.0e-05 channels_last
      : (tensor<2x5x7x8xf16>) -> tensor<2x5x7x8xf16>
  return %y : tensor<2x5x7x8xf16>
}

// -----

// Batch statistics reduce everything but the last dim.
// CHECK-LABEL: func.func @batch_norm_train_nhwc
// CHECK-DAG: norm.moments %{{.*}} dims = [0, 1, 2] groups = 1 eps = {{.*}} : tensor<4x3x3x16xf32> -> tensor<1x1x1x16xf32>
// CHECK-DAG: norm.moments %{{.*}} dims = [0, 1, 2] groups = 1 eps = {{.*}} unbiased return_variance : tensor<4x3x3x16xf32>
// CHECK: tensor.collapse_shape %{{.*}} {{\[}}[0, 1, 2, 3]] : tensor<1x1x1x16xf32> into tensor<16xf32>
func.func @batch_norm_train_nhwc(%x: tensor<4x3x3x16xf32>, %m: tensor<16xf32>, %v: tensor<16xf32>)
    -> (tensor<4x3x3x16xf32>, tensor<16xf32>, tensor<16xf32>) {
  %y, %nm, %nv = norm.batch_norm_train %x, %m, %v eps = 1.0e-05 momentum = 0.1 channels_last
      : (tensor<4x3x3x16xf32>, tensor<16xf32>, tensor<16xf32>)
      -> (tensor<4x3x3x16xf32>, tensor<16xf32>, tensor<16xf32>)
  return %y, %nm, %nv : tensor<4x3x3x16xf32>, tensor<16xf32>, tensor<16xf32>
}

// -----

// Mixed style parameters [N, C] go to dims 0 and 3.
// CHECK-LABEL: func.func @conditional_nhwc
// CHECK: %[[G:.*]] = norm.matmul
// CHECK: tensor.expand_shape %[[G]] {{\[}}[0], [1, 2, 3]] output_shape [2, 1, 1, 8] : tensor<2x8xf32> into tensor<2x1x1x8xf32>
// CHECK: norm.moments %{{.*}} dims = [1, 2]
func.func @conditional_nhwc(%x: tensor<2x5x7x8xf32>, %w: tensor<2x3xf32>, %gt: tensor<3x8xf32>, %bt: tensor<3x8xf32>) -> tensor<2x5x7x8xf32> {
  %y = norm.conditional_instance_norm %x, %w, %gt, %bt eps = 1.0e-05 channels_last
      : (tensor<2x5x7x8xf32>, tensor<2x3xf32>, tensor<3x8xf32>, tensor<3x8xf32>) -> tensor<2x5x7x8xf32>
  return %y : tensor<2x5x7x8xf32>
}

// -----

// CHECK-LABEL: func.func @adain_nhwc
// CHECK-DAG: norm.moments %{{.*}} dims = [1, 2] groups = 1 eps = {{.*}} unbiased : tensor<1x6x6x4xf32>
// CHECK-DAG: norm.moments %{{.*}} dims = [1, 2] groups = 1 eps = {{.*}} unbiased : tensor<1x3x5x4xf32>
func.func @adain_nhwc(%c: tensor<1x6x6x4xf32>, %s: tensor<1x3x5x4xf32>) -> tensor<1x6x6x4xf32> {
  %y = norm.adain %c, %s alpha = 1.0 eps = 1.0e-05 channels_last
      : (tensor<1x6x6x4xf32>, tensor<1x3x5x4xf32>) -> tensor<1x6x6x4xf32>
  return %y : tensor<1x6x6x4xf32>
}
