// Round trip of every norm op through the custom assembly format, and through
// the generic form (which exercises the properties: operandSegmentSizes, dims,
// the unit attribute).
// RUN: norm-opt %s | norm-opt | FileCheck %s
// RUN: norm-opt -mlir-print-op-generic %s | norm-opt | FileCheck %s
// RUN: norm-opt -mlir-print-op-generic %s | FileCheck %s --check-prefix=GENERIC

//===----------------------------------------------------------------------===//
// norm.instance_norm
//===----------------------------------------------------------------------===//

// CHECK-LABEL: func.func @instance_norm_2d
// CHECK-SAME: (%[[X:[a-z0-9]+]]: tensor<1x64x32x32xf32>, %[[G:[a-z0-9]+]]: tensor<64xf32>, %[[B:[a-z0-9]+]]: tensor<64xf32>)
// CHECK: %[[Y:.*]] = norm.instance_norm %[[X]] scale(%[[G]]) bias(%[[B]]) eps = 9.99999974E-6
// CHECK-SAME: : (tensor<1x64x32x32xf32>, tensor<64xf32>, tensor<64xf32>) -> tensor<1x64x32x32xf32>
// CHECK: return %[[Y]]
// GENERIC-LABEL: sym_name = "instance_norm_2d"
// GENERIC: "norm.instance_norm"
// GENERIC-SAME: epsilon = 9.99999974E-6 : f32, operandSegmentSizes = array<i32: 1, 1, 1>
func.func @instance_norm_2d(%x: tensor<1x64x32x32xf32>, %g: tensor<64xf32>,
                            %b: tensor<64xf32>) -> tensor<1x64x32x32xf32> {
  %y = norm.instance_norm %x scale(%g) bias(%b) eps = 1.0e-05
      : (tensor<1x64x32x32xf32>, tensor<64xf32>, tensor<64xf32>)
      -> tensor<1x64x32x32xf32>
  return %y : tensor<1x64x32x32xf32>
}

// CHECK-LABEL: func.func @instance_norm_channels_last
// CHECK: norm.instance_norm %{{.*}} scale(%{{.*}}) eps = 9.99999974E-6 channels_last : (tensor<2x32x32x64xf16>, tensor<64xf16>)
// GENERIC-LABEL: sym_name = "instance_norm_channels_last"
// GENERIC: "norm.instance_norm"
// GENERIC-SAME: channels_last
func.func @instance_norm_channels_last(%x: tensor<2x32x32x64xf16>, %g: tensor<64xf16>) -> tensor<2x32x32x64xf16> {
  %y = norm.instance_norm %x scale(%g) eps = 1.0e-05 channels_last
      : (tensor<2x32x32x64xf16>, tensor<64xf16>) -> tensor<2x32x32x64xf16>
  return %y : tensor<2x32x32x64xf16>
}

// CHECK-LABEL: func.func @batch_norm_train_channels_last
// CHECK: norm.batch_norm_train %{{.*}} eps = 9.99999974E-6 momentum = 1.000000e-01 channels_last :
func.func @batch_norm_train_channels_last(%x: tensor<8x4x4x16xbf16>, %m: tensor<16xf32>, %v: tensor<16xf32>)
    -> (tensor<8x4x4x16xbf16>, tensor<16xf32>, tensor<16xf32>) {
  %y, %nm, %nv = norm.batch_norm_train %x, %m, %v eps = 1.0e-05 momentum = 0.1 channels_last
      : (tensor<8x4x4x16xbf16>, tensor<16xf32>, tensor<16xf32>) -> (tensor<8x4x4x16xbf16>, tensor<16xf32>, tensor<16xf32>)
  return %y, %nm, %nv : tensor<8x4x4x16xbf16>, tensor<16xf32>, tensor<16xf32>
}

// CHECK-LABEL: func.func @instance_norm_1d_no_affine
// CHECK-SAME: (%[[X:[a-z0-9]+]]: tensor<2x8x100xf32>)
// CHECK: norm.instance_norm %[[X]] eps = 1.000000e-03 : (tensor<2x8x100xf32>) -> tensor<2x8x100xf32>
// GENERIC-LABEL: sym_name = "instance_norm_1d_no_affine"
// GENERIC: "norm.instance_norm"
// GENERIC-SAME: operandSegmentSizes = array<i32: 1, 0, 0>
func.func @instance_norm_1d_no_affine(%x: tensor<2x8x100xf32>) -> tensor<2x8x100xf32> {
  %y = norm.instance_norm %x eps = 1.0e-03 : (tensor<2x8x100xf32>) -> tensor<2x8x100xf32>
  return %y : tensor<2x8x100xf32>
}

// CHECK-LABEL: func.func @instance_norm_3d_scale_only
// CHECK-SAME: (%[[X:[a-z0-9]+]]: tensor<1x4x8x8x8xf32>, %[[G:[a-z0-9]+]]: tensor<4xf32>)
// CHECK: norm.instance_norm %[[X]] scale(%[[G]]) eps
// CHECK-SAME: : (tensor<1x4x8x8x8xf32>, tensor<4xf32>) -> tensor<1x4x8x8x8xf32>
// GENERIC-LABEL: sym_name = "instance_norm_3d_scale_only"
// GENERIC: operandSegmentSizes = array<i32: 1, 1, 0>
func.func @instance_norm_3d_scale_only(%x: tensor<1x4x8x8x8xf32>, %g: tensor<4xf32>)
    -> tensor<1x4x8x8x8xf32> {
  %y = norm.instance_norm %x scale(%g) eps = 1.0e-05
      : (tensor<1x4x8x8x8xf32>, tensor<4xf32>) -> tensor<1x4x8x8x8xf32>
  return %y : tensor<1x4x8x8x8xf32>
}

// CHECK-LABEL: func.func @instance_norm_bias_only
// CHECK-SAME: (%[[X:[a-z0-9]+]]: tensor<1x4x8x8xf32>, %[[B:[a-z0-9]+]]: tensor<4xf32>)
// CHECK: norm.instance_norm %[[X]] bias(%[[B]]) eps
// CHECK-SAME: : (tensor<1x4x8x8xf32>, tensor<4xf32>) -> tensor<1x4x8x8xf32>
// GENERIC-LABEL: sym_name = "instance_norm_bias_only"
// GENERIC: operandSegmentSizes = array<i32: 1, 0, 1>
func.func @instance_norm_bias_only(%x: tensor<1x4x8x8xf32>, %b: tensor<4xf32>)
    -> tensor<1x4x8x8xf32> {
  %y = norm.instance_norm %x bias(%b) eps = 1.0e-05
      : (tensor<1x4x8x8xf32>, tensor<4xf32>) -> tensor<1x4x8x8xf32>
  return %y : tensor<1x4x8x8xf32>
}

// CHECK-LABEL: func.func @instance_norm_dynamic
// CHECK: norm.instance_norm %{{[a-z0-9]+}} scale(%{{[a-z0-9]+}}) bias(%{{[a-z0-9]+}}) eps
// CHECK-SAME: : (tensor<?x?x?x?xf32>, tensor<?xf32>, tensor<?xf32>) -> tensor<?x?x?x?xf32>
func.func @instance_norm_dynamic(%x: tensor<?x?x?x?xf32>, %g: tensor<?xf32>,
                                 %b: tensor<?xf32>) -> tensor<?x?x?x?xf32> {
  %y = norm.instance_norm %x scale(%g) bias(%b) eps = 1.0e-05
      : (tensor<?x?x?x?xf32>, tensor<?xf32>, tensor<?xf32>) -> tensor<?x?x?x?xf32>
  return %y : tensor<?x?x?x?xf32>
}

// A dynamic channel count accepts static parameters, and vice versa.
// CHECK-LABEL: func.func @instance_norm_mixed_dynamic
// CHECK: norm.instance_norm
// CHECK-SAME: : (tensor<?x16x?x?xf32>, tensor<?xf32>, tensor<16xf32>) -> tensor<?x16x?x?xf32>
func.func @instance_norm_mixed_dynamic(%x: tensor<?x16x?x?xf32>, %g: tensor<?xf32>,
                                       %b: tensor<16xf32>) -> tensor<?x16x?x?xf32> {
  %y = norm.instance_norm %x scale(%g) bias(%b) eps = 1.0e-05
      : (tensor<?x16x?x?xf32>, tensor<?xf32>, tensor<16xf32>) -> tensor<?x16x?x?xf32>
  return %y : tensor<?x16x?x?xf32>
}

//===----------------------------------------------------------------------===//
// norm.group_norm
//===----------------------------------------------------------------------===//

// CHECK-LABEL: func.func @group_norm
// CHECK-SAME: (%[[X:[a-z0-9]+]]: tensor<2x64x16x16xf32>, %[[G:[a-z0-9]+]]: tensor<64xf32>, %[[B:[a-z0-9]+]]: tensor<64xf32>)
// CHECK: %[[Y:.*]] = norm.group_norm %[[X]] groups = 32 scale(%[[G]]) bias(%[[B]]) eps = 9.99999974E-6
// CHECK-SAME: : (tensor<2x64x16x16xf32>, tensor<64xf32>, tensor<64xf32>) -> tensor<2x64x16x16xf32>
// CHECK: return %[[Y]]
// GENERIC-LABEL: sym_name = "group_norm"
// GENERIC: "norm.group_norm"
// GENERIC-SAME: groups = 32 : i64
func.func @group_norm(%x: tensor<2x64x16x16xf32>, %g: tensor<64xf32>,
                      %b: tensor<64xf32>) -> tensor<2x64x16x16xf32> {
  %y = norm.group_norm %x groups = 32 scale(%g) bias(%b) eps = 1.0e-05
      : (tensor<2x64x16x16xf32>, tensor<64xf32>, tensor<64xf32>)
      -> tensor<2x64x16x16xf32>
  return %y : tensor<2x64x16x16xf32>
}

// CHECK-LABEL: func.func @group_norm_no_affine_dynamic
// CHECK: norm.group_norm %{{[a-z0-9]+}} groups = 4 eps = 9.99999974E-6 : (tensor<?x?x?xf32>) -> tensor<?x?x?xf32>
func.func @group_norm_no_affine_dynamic(%x: tensor<?x?x?xf32>) -> tensor<?x?x?xf32> {
  %y = norm.group_norm %x groups = 4 eps = 1.0e-05 : (tensor<?x?x?xf32>) -> tensor<?x?x?xf32>
  return %y : tensor<?x?x?xf32>
}

//===----------------------------------------------------------------------===//
// norm.layer_norm
//===----------------------------------------------------------------------===//

// CHECK-LABEL: func.func @layer_norm_axis0
// CHECK-SAME: (%[[X:[a-z0-9]+]]: tensor<64x8x8xf32>, %[[G:[a-z0-9]+]]: tensor<64x8x8xf32>)
// CHECK: norm.layer_norm %[[X]] axis = 0 scale(%[[G]]) eps
// CHECK-SAME: : (tensor<64x8x8xf32>, tensor<64x8x8xf32>) -> tensor<64x8x8xf32>
func.func @layer_norm_axis0(%x: tensor<64x8x8xf32>, %g: tensor<64x8x8xf32>)
    -> tensor<64x8x8xf32> {
  %y = norm.layer_norm %x axis = 0 scale(%g) eps = 1.0e-05
      : (tensor<64x8x8xf32>, tensor<64x8x8xf32>) -> tensor<64x8x8xf32>
  return %y : tensor<64x8x8xf32>
}

// CHECK-LABEL: func.func @layer_norm_axis1
// CHECK-SAME: (%[[X:[a-z0-9]+]]: tensor<4x64x8x8xf32>, %[[G:[a-z0-9]+]]: tensor<64x8x8xf32>, %[[B:[a-z0-9]+]]: tensor<64x8x8xf32>)
// CHECK: %[[Y:.*]] = norm.layer_norm %[[X]] axis = 1 scale(%[[G]]) bias(%[[B]]) eps = 9.99999974E-6
// CHECK-SAME: : (tensor<4x64x8x8xf32>, tensor<64x8x8xf32>, tensor<64x8x8xf32>) -> tensor<4x64x8x8xf32>
// CHECK: return %[[Y]]
func.func @layer_norm_axis1(%x: tensor<4x64x8x8xf32>, %g: tensor<64x8x8xf32>,
                            %b: tensor<64x8x8xf32>) -> tensor<4x64x8x8xf32> {
  %y = norm.layer_norm %x axis = 1 scale(%g) bias(%b) eps = 1.0e-05
      : (tensor<4x64x8x8xf32>, tensor<64x8x8xf32>, tensor<64x8x8xf32>)
      -> tensor<4x64x8x8xf32>
  return %y : tensor<4x64x8x8xf32>
}

// Transformer style: normalize the hidden dimension of [batch, seq, hidden].
// CHECK-LABEL: func.func @layer_norm_axis2
// CHECK-SAME: (%[[X:[a-z0-9]+]]: tensor<2x128x768xf32>, %[[G:[a-z0-9]+]]: tensor<768xf32>, %[[B:[a-z0-9]+]]: tensor<768xf32>)
// CHECK: norm.layer_norm %[[X]] axis = 2 scale(%[[G]]) bias(%[[B]]) eps
// CHECK-SAME: : (tensor<2x128x768xf32>, tensor<768xf32>, tensor<768xf32>) -> tensor<2x128x768xf32>
func.func @layer_norm_axis2(%x: tensor<2x128x768xf32>, %g: tensor<768xf32>,
                            %b: tensor<768xf32>) -> tensor<2x128x768xf32> {
  %y = norm.layer_norm %x axis = 2 scale(%g) bias(%b) eps = 1.0e-05
      : (tensor<2x128x768xf32>, tensor<768xf32>, tensor<768xf32>)
      -> tensor<2x128x768xf32>
  return %y : tensor<2x128x768xf32>
}

// CHECK-LABEL: func.func @layer_norm_dynamic
// CHECK: norm.layer_norm %{{[a-z0-9]+}} axis = 1 scale(%{{[a-z0-9]+}}) eps
// CHECK-SAME: : (tensor<?x?x?xf32>, tensor<?x?xf32>) -> tensor<?x?x?xf32>
func.func @layer_norm_dynamic(%x: tensor<?x?x?xf32>, %g: tensor<?x?xf32>)
    -> tensor<?x?x?xf32> {
  %y = norm.layer_norm %x axis = 1 scale(%g) eps = 1.0e-05
      : (tensor<?x?x?xf32>, tensor<?x?xf32>) -> tensor<?x?x?xf32>
  return %y : tensor<?x?x?xf32>
}

// CHECK-LABEL: func.func @layer_norm_rank1_no_affine
// CHECK: norm.layer_norm %{{[a-z0-9]+}} axis = 0 eps = 1.000000e-01 : (tensor<10xf32>) -> tensor<10xf32>
func.func @layer_norm_rank1_no_affine(%x: tensor<10xf32>) -> tensor<10xf32> {
  %y = norm.layer_norm %x axis = 0 eps = 0.1 : (tensor<10xf32>) -> tensor<10xf32>
  return %y : tensor<10xf32>
}

//===----------------------------------------------------------------------===//
// norm.moments
//===----------------------------------------------------------------------===//

// CHECK-LABEL: func.func @moments_instance
// CHECK-SAME: (%[[X:[a-z0-9]+]]: tensor<1x64x32x32xf32>)
// CHECK: %[[MEAN:.*]], %[[RSTD:.*]] = norm.moments %[[X]] dims = [2, 3] groups = 1 eps = 9.99999974E-6
// CHECK-SAME: : tensor<1x64x32x32xf32> -> tensor<1x64x1x1xf32>, tensor<1x64x1x1xf32>
// CHECK: return %[[MEAN]], %[[RSTD]]
// GENERIC-LABEL: sym_name = "moments_instance"
// GENERIC: "norm.moments"
// GENERIC-SAME: dims = array<i64: 2, 3>
// GENERIC-SAME: groups = 1 : i64
func.func @moments_instance(%x: tensor<1x64x32x32xf32>)
    -> (tensor<1x64x1x1xf32>, tensor<1x64x1x1xf32>) {
  %mean, %rstd = norm.moments %x dims = [2, 3] groups = 1 eps = 1.0e-05
      : tensor<1x64x32x32xf32> -> tensor<1x64x1x1xf32>, tensor<1x64x1x1xf32>
  return %mean, %rstd : tensor<1x64x1x1xf32>, tensor<1x64x1x1xf32>
}

// Grouped statistics keep all C channels.
// CHECK-LABEL: func.func @moments_groups
// CHECK: norm.moments %{{[a-z0-9]+}} dims = [2, 3] groups = 8 eps
// CHECK-SAME: : tensor<2x64x16x16xf32> -> tensor<2x64x1x1xf32>, tensor<2x64x1x1xf32>
func.func @moments_groups(%x: tensor<2x64x16x16xf32>)
    -> (tensor<2x64x1x1xf32>, tensor<2x64x1x1xf32>) {
  %mean, %rstd = norm.moments %x dims = [2, 3] groups = 8 eps = 1.0e-05
      : tensor<2x64x16x16xf32> -> tensor<2x64x1x1xf32>, tensor<2x64x1x1xf32>
  return %mean, %rstd : tensor<2x64x1x1xf32>, tensor<2x64x1x1xf32>
}

// Layer-norm statistics over dims 1..3 of a dynamic tensor.
// CHECK-LABEL: func.func @moments_dynamic
// CHECK: norm.moments %{{[a-z0-9]+}} dims = [1, 2, 3] groups = 1 eps
// CHECK-SAME: : tensor<?x?x?x?xf32> -> tensor<?x1x1x1xf32>, tensor<?x1x1x1xf32>
func.func @moments_dynamic(%x: tensor<?x?x?x?xf32>)
    -> (tensor<?x1x1x1xf32>, tensor<?x1x1x1xf32>) {
  %mean, %rstd = norm.moments %x dims = [1, 2, 3] groups = 1 eps = 1.0e-05
      : tensor<?x?x?x?xf32> -> tensor<?x1x1x1xf32>, tensor<?x1x1x1xf32>
  return %mean, %rstd : tensor<?x1x1x1xf32>, tensor<?x1x1x1xf32>
}

//===----------------------------------------------------------------------===//
// norm.modulate
//===----------------------------------------------------------------------===//

// Per-channel scale and shift ([1, C, 1, 1]).
// CHECK-LABEL: func.func @modulate_per_channel
// CHECK-SAME: (%[[X:[a-z0-9]+]]: tensor<1x64x32x32xf32>, %[[M:[a-z0-9]+]]: tensor<1x64x1x1xf32>, %[[R:[a-z0-9]+]]: tensor<1x64x1x1xf32>, %[[G:[a-z0-9]+]]: tensor<1x64x1x1xf32>, %[[B:[a-z0-9]+]]: tensor<1x64x1x1xf32>)
// CHECK: %[[Y:.*]] = norm.modulate %[[X]], %[[M]], %[[R]] scale(%[[G]]) shift(%[[B]])
// CHECK-SAME: : (tensor<1x64x32x32xf32>, tensor<1x64x1x1xf32>, tensor<1x64x1x1xf32>, tensor<1x64x1x1xf32>, tensor<1x64x1x1xf32>) -> tensor<1x64x32x32xf32>
// CHECK: return %[[Y]]
// GENERIC-LABEL: sym_name = "modulate_per_channel"
// GENERIC: "norm.modulate"
// GENERIC-SAME: operandSegmentSizes = array<i32: 1, 1, 1, 1, 1>
func.func @modulate_per_channel(%x: tensor<1x64x32x32xf32>, %m: tensor<1x64x1x1xf32>,
                                %r: tensor<1x64x1x1xf32>, %g: tensor<1x64x1x1xf32>,
                                %b: tensor<1x64x1x1xf32>) -> tensor<1x64x32x32xf32> {
  %y = norm.modulate %x, %m, %r scale(%g) shift(%b)
      : (tensor<1x64x32x32xf32>, tensor<1x64x1x1xf32>, tensor<1x64x1x1xf32>,
         tensor<1x64x1x1xf32>, tensor<1x64x1x1xf32>) -> tensor<1x64x32x32xf32>
  return %y : tensor<1x64x32x32xf32>
}

// No affine at all.
// CHECK-LABEL: func.func @modulate_no_affine
// CHECK: norm.modulate %{{[^ ]+}}, %{{[^ ]+}}, %{{[^ ]+}} :
// CHECK-SAME: (tensor<2x8x4x4xf32>, tensor<2x8x1x1xf32>, tensor<2x8x1x1xf32>) -> tensor<2x8x4x4xf32>
// GENERIC-LABEL: sym_name = "modulate_no_affine"
// GENERIC: operandSegmentSizes = array<i32: 1, 1, 1, 0, 0>
func.func @modulate_no_affine(%x: tensor<2x8x4x4xf32>, %m: tensor<2x8x1x1xf32>,
                              %r: tensor<2x8x1x1xf32>) -> tensor<2x8x4x4xf32> {
  %y = norm.modulate %x, %m, %r
      : (tensor<2x8x4x4xf32>, tensor<2x8x1x1xf32>, tensor<2x8x1x1xf32>)
      -> tensor<2x8x4x4xf32>
  return %y : tensor<2x8x4x4xf32>
}

// Shift only; per-(n, c) shift as in AdaIN.
// CHECK-LABEL: func.func @modulate_shift_only_per_nc
// CHECK-SAME: %[[S:[a-z0-9]+]]: tensor<2x8x1x1xf32>)
// CHECK: norm.modulate %{{[a-z0-9]+}}, %{{[a-z0-9]+}}, %{{[a-z0-9]+}} shift(%[[S]]) :
// CHECK-SAME: -> tensor<2x8x4x4xf32>
// GENERIC-LABEL: sym_name = "modulate_shift_only_per_nc"
// GENERIC: operandSegmentSizes = array<i32: 1, 1, 1, 0, 1>
func.func @modulate_shift_only_per_nc(%x: tensor<2x8x4x4xf32>, %m: tensor<2x8x1x1xf32>,
                                      %r: tensor<2x8x1x1xf32>, %s: tensor<2x8x1x1xf32>)
    -> tensor<2x8x4x4xf32> {
  %y = norm.modulate %x, %m, %r shift(%s)
      : (tensor<2x8x4x4xf32>, tensor<2x8x1x1xf32>, tensor<2x8x1x1xf32>,
         tensor<2x8x1x1xf32>) -> tensor<2x8x4x4xf32>
  return %y : tensor<2x8x4x4xf32>
}

// Per-element scale and shift (SPADE): the full shape of x.
// CHECK-LABEL: func.func @modulate_per_element
// CHECK: norm.modulate %{{[a-z0-9]+}}, %{{[a-z0-9]+}}, %{{[a-z0-9]+}} scale(%{{[a-z0-9]+}}) shift(%{{[a-z0-9]+}})
// CHECK-SAME: : (tensor<1x8x4x4xf32>, tensor<1x8x1x1xf32>, tensor<1x8x1x1xf32>, tensor<1x8x4x4xf32>, tensor<1x8x4x4xf32>) -> tensor<1x8x4x4xf32>
func.func @modulate_per_element(%x: tensor<1x8x4x4xf32>, %m: tensor<1x8x1x1xf32>,
                                %r: tensor<1x8x1x1xf32>, %g: tensor<1x8x4x4xf32>,
                                %b: tensor<1x8x4x4xf32>) -> tensor<1x8x4x4xf32> {
  %y = norm.modulate %x, %m, %r scale(%g) shift(%b)
      : (tensor<1x8x4x4xf32>, tensor<1x8x1x1xf32>, tensor<1x8x1x1xf32>,
         tensor<1x8x4x4xf32>, tensor<1x8x4x4xf32>) -> tensor<1x8x4x4xf32>
  return %y : tensor<1x8x4x4xf32>
}

// Scalar-like statistics (all ones) and a dynamic x.
// CHECK-LABEL: func.func @modulate_dynamic
// CHECK: norm.modulate
// CHECK-SAME: : (tensor<?x?x?xf32>, tensor<1x1x1xf32>, tensor<1x1x1xf32>, tensor<1x?x1xf32>) -> tensor<?x?x?xf32>
func.func @modulate_dynamic(%x: tensor<?x?x?xf32>, %m: tensor<1x1x1xf32>,
                            %r: tensor<1x1x1xf32>, %g: tensor<1x?x1xf32>)
    -> tensor<?x?x?xf32> {
  %y = norm.modulate %x, %m, %r scale(%g)
      : (tensor<?x?x?xf32>, tensor<1x1x1xf32>, tensor<1x1x1xf32>, tensor<1x?x1xf32>)
      -> tensor<?x?x?xf32>
  return %y : tensor<?x?x?xf32>
}

//===----------------------------------------------------------------------===//
// Activations
//===----------------------------------------------------------------------===//

// CHECK-LABEL: func.func @activations
// CHECK-SAME: (%[[X:[a-z0-9]+]]: tensor<1x8x4x4xf32>)
// CHECK: %[[A:.*]] = norm.relu %[[X]] : tensor<1x8x4x4xf32>
// CHECK: %[[B:.*]] = norm.leaky_relu %[[A]] alpha = 2.000000e-01 : tensor<1x8x4x4xf32>
// CHECK: %[[C:.*]] = norm.silu %[[B]] : tensor<1x8x4x4xf32>
// CHECK: %[[D:.*]] = norm.gelu %[[C]] : tensor<1x8x4x4xf32>
// CHECK: %[[E:.*]] = norm.gelu %[[D]] tanh_approximation : tensor<1x8x4x4xf32>
// CHECK: %[[F:.*]] = norm.sigmoid %[[E]] : tensor<1x8x4x4xf32>
// CHECK: %[[G:.*]] = norm.tanh %[[F]] : tensor<1x8x4x4xf32>
// CHECK: return %[[G]]
// GENERIC-LABEL: sym_name = "activations"
// GENERIC: "norm.leaky_relu"
// GENERIC-SAME: alpha = 2.000000e-01 : f32
// GENERIC: "norm.gelu"
// GENERIC-NOT: tanh_approximation
// GENERIC-SAME: -> tensor<1x8x4x4xf32>
// GENERIC: "norm.gelu"
// GENERIC-SAME: <{tanh_approximation}>
func.func @activations(%x: tensor<1x8x4x4xf32>) -> tensor<1x8x4x4xf32> {
  %a = norm.relu %x : tensor<1x8x4x4xf32>
  %b = norm.leaky_relu %a alpha = 0.2 : tensor<1x8x4x4xf32>
  %c = norm.silu %b : tensor<1x8x4x4xf32>
  %d = norm.gelu %c : tensor<1x8x4x4xf32>
  %e = norm.gelu %d tanh_approximation : tensor<1x8x4x4xf32>
  %f = norm.sigmoid %e : tensor<1x8x4x4xf32>
  %g = norm.tanh %f : tensor<1x8x4x4xf32>
  return %g : tensor<1x8x4x4xf32>
}

// CHECK-LABEL: func.func @activations_dynamic
// CHECK: norm.silu %{{[a-z0-9]+}} : tensor<?x?xf32>
// CHECK: norm.leaky_relu %{{[a-z0-9]+}} alpha = -1.000000e+00 : tensor<?x?xf32>
func.func @activations_dynamic(%x: tensor<?x?xf32>) -> tensor<?x?xf32> {
  %a = norm.silu %x : tensor<?x?xf32>
  %b = norm.leaky_relu %a alpha = -1.0 : tensor<?x?xf32>
  return %b : tensor<?x?xf32>
}

//===----------------------------------------------------------------------===//
// norm.kernel / norm.yield
//===----------------------------------------------------------------------===//

// The region captures %x from above and yields two results.
// CHECK-LABEL: func.func @kernel
// CHECK-SAME: (%[[X:[a-z0-9]+]]: tensor<1x8x4x4xf32>)
// CHECK: %[[K:.*]]:2 = norm.kernel "kernel" -> tensor<1x8x4x4xf32>, tensor<1x8x4x4xf32> {
// CHECK:   %[[R:.*]] = norm.relu %[[X]] : tensor<1x8x4x4xf32>
// CHECK:   %[[S:.*]] = norm.sigmoid %[[R]] : tensor<1x8x4x4xf32>
// CHECK:   norm.yield %[[R]], %[[S]] : tensor<1x8x4x4xf32>, tensor<1x8x4x4xf32>
// CHECK: }
// CHECK: return %[[K]]#0, %[[K]]#1
// GENERIC-LABEL: sym_name = "kernel"
// GENERIC: "norm.kernel"() <{group_name = "kernel"}> ({
// GENERIC: "norm.yield"
func.func @kernel(%x: tensor<1x8x4x4xf32>) -> (tensor<1x8x4x4xf32>, tensor<1x8x4x4xf32>) {
  %r:2 = norm.kernel "kernel" -> tensor<1x8x4x4xf32>, tensor<1x8x4x4xf32> {
    %a = norm.relu %x : tensor<1x8x4x4xf32>
    %b = norm.sigmoid %a : tensor<1x8x4x4xf32>
    norm.yield %a, %b : tensor<1x8x4x4xf32>, tensor<1x8x4x4xf32>
  }
  return %r#0, %r#1 : tensor<1x8x4x4xf32>, tensor<1x8x4x4xf32>
}

// A kernel without results, with a discardable attribute after `attributes`.
// CHECK-LABEL: func.func @kernel_no_results
// The operand-less terminator is implicit and elided.
// CHECK: norm.kernel "empty" attributes {note = "x"} {
// CHECK-NEXT: }
// CHECK-NEXT: return
func.func @kernel_no_results() {
  norm.kernel "empty" attributes {note = "x"} {
    norm.yield
  }
  return
}

// CHECK-LABEL: func.func @adain_and_arith
// CHECK: norm.adain %{{.*}}, %{{.*}} alpha = 1.000000e+00 eps = 9.99999974E-6 :
// CHECK: norm.adain %{{.*}}, %{{.*}} alpha = 5.000000e-01 eps = 9.99999974E-6 biased :
// CHECK-SAME: (tensor<2x4x8x8xf32>, tensor<1x4x3x5xf32>) -> tensor<2x4x8x8xf32>
// CHECK: norm.moments %{{.*}} dims = [2, 3] groups = 1 eps = 9.99999974E-6 unbiased :
// CHECK: norm.reciprocal %{{.*}} : tensor<2x4x1x1xf32>
// CHECK: norm.add %{{.*}}, %{{.*}} : (tensor<2x4x1x1xf32>, tensor<1x4x1x1xf32>) -> tensor<2x4x1x1xf32>
// CHECK: norm.mul %{{.*}}, %{{.*}} : (tensor<1x1x1x1xf32>, tensor<2x4x1x1xf32>) -> tensor<2x4x1x1xf32>
func.func @adain_and_arith(%c: tensor<2x4x8x8xf32>, %s: tensor<2x4x8x8xf32>, %s1: tensor<1x4x3x5xf32>,
                           %p: tensor<1x4x1x1xf32>, %k: tensor<1x1x1x1xf32>) -> tensor<2x4x1x1xf32> {
  %a = norm.adain %c, %s alpha = 1.0 eps = 1.0e-05 : (tensor<2x4x8x8xf32>, tensor<2x4x8x8xf32>) -> tensor<2x4x8x8xf32>
  %b = norm.adain %a, %s1 alpha = 0.5 eps = 1.0e-05 biased : (tensor<2x4x8x8xf32>, tensor<1x4x3x5xf32>) -> tensor<2x4x8x8xf32>
  %m, %r = norm.moments %b dims = [2, 3] groups = 1 eps = 1.0e-05 unbiased : tensor<2x4x8x8xf32> -> tensor<2x4x1x1xf32>, tensor<2x4x1x1xf32>
  %std = norm.reciprocal %r : tensor<2x4x1x1xf32>
  %sum = norm.add %std, %p : (tensor<2x4x1x1xf32>, tensor<1x4x1x1xf32>) -> tensor<2x4x1x1xf32>
  %prod = norm.mul %k, %sum : (tensor<1x1x1x1xf32>, tensor<2x4x1x1xf32>) -> tensor<2x4x1x1xf32>
  return %prod : tensor<2x4x1x1xf32>
}

// CHECK-LABEL: func.func @spade_forms
// CHECK: norm.spade %arg0, %arg1, %arg2 eps = 9.99999974E-6 : tensor<2x4x8x8xf32>
// CHECK: norm.spade %{{.*}}, %arg1, %arg2 eps = 9.99999974E-6 batch_stats : tensor<2x4x8x8xf32>
func.func @spade_forms(%x: tensor<2x4x8x8xf32>, %g: tensor<2x4x8x8xf32>, %b: tensor<2x4x8x8xf32>) -> tensor<2x4x8x8xf32> {
  %y = norm.spade %x, %g, %b eps = 1.0e-05 : tensor<2x4x8x8xf32>
  %z = norm.spade %y, %g, %b eps = 1.0e-05 batch_stats : tensor<2x4x8x8xf32>
  return %z : tensor<2x4x8x8xf32>
}

// CHECK-LABEL: func.func @batch_norm_forms
// CHECK: norm.batch_norm %arg0, %arg1, %arg2 scale(%arg3) bias(%arg4) eps = 9.99999974E-6 :
// CHECK: norm.batch_norm_train %arg0, %arg1, %arg2 eps = 9.99999974E-6 momentum = 1.000000e-01 :
// CHECK-SAME: -> (tensor<2x4x8x8xf32>, tensor<4xf32>, tensor<4xf32>)
// CHECK: norm.moments %arg0 dims = [0, 2, 3] groups = 1 eps = 9.99999974E-6 unbiased return_variance :
// CHECK: norm.sqrt %{{.*}} : tensor<1x4x1x1xf32>
func.func @batch_norm_forms(%x: tensor<2x4x8x8xf32>, %m: tensor<4xf32>, %v: tensor<4xf32>,
                            %g: tensor<4xf32>, %b: tensor<4xf32>) -> (tensor<2x4x8x8xf32>, tensor<1x4x1x1xf32>) {
  %y = norm.batch_norm %x, %m, %v scale(%g) bias(%b) eps = 1.0e-05 : (tensor<2x4x8x8xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>) -> tensor<2x4x8x8xf32>
  %t, %nm, %nv = norm.batch_norm_train %x, %m, %v eps = 1.0e-05 momentum = 0.1 : (tensor<2x4x8x8xf32>, tensor<4xf32>, tensor<4xf32>) -> (tensor<2x4x8x8xf32>, tensor<4xf32>, tensor<4xf32>)
  %mean, %var = norm.moments %x dims = [0, 2, 3] groups = 1 eps = 1.0e-05 unbiased return_variance : tensor<2x4x8x8xf32> -> tensor<1x4x1x1xf32>, tensor<1x4x1x1xf32>
  %s = norm.sqrt %var : tensor<1x4x1x1xf32>
  return %y, %s : tensor<2x4x8x8xf32>, tensor<1x4x1x1xf32>
}

// CHECK-LABEL: func.func @conditional_forms
// CHECK: norm.conditional_instance_norm %arg0, %arg1, %arg2, %arg3 eps = 9.99999974E-6 :
// CHECK-SAME: (tensor<2x4x8x8xf32>, tensor<2x3xf32>, tensor<3x4xf32>, tensor<3x4xf32>) -> tensor<2x4x8x8xf32>
// CHECK: norm.matmul %arg1, %arg2 : (tensor<2x3xf32>, tensor<3x4xf32>) -> tensor<2x4xf32>
func.func @conditional_forms(%x: tensor<2x4x8x8xf32>, %w: tensor<2x3xf32>, %gt: tensor<3x4xf32>, %bt: tensor<3x4xf32>) -> (tensor<2x4x8x8xf32>, tensor<2x4xf32>) {
  %y = norm.conditional_instance_norm %x, %w, %gt, %bt eps = 1.0e-05 : (tensor<2x4x8x8xf32>, tensor<2x3xf32>, tensor<3x4xf32>, tensor<3x4xf32>) -> tensor<2x4x8x8xf32>
  %m = norm.matmul %w, %gt : (tensor<2x3xf32>, tensor<3x4xf32>) -> tensor<2x4xf32>
  return %y, %m : tensor<2x4x8x8xf32>, tensor<2x4xf32>
}

// CHECK-LABEL: func.func @bin_forms
// CHECK: norm.batch_instance_norm %arg0, %arg1 scale(%arg2) bias(%arg3) eps = 9.99999974E-6 :
// CHECK: norm.batch_instance_norm %{{.*}}, %arg1 running(%arg2, %arg3) eps = 9.99999974E-6 :
// CHECK: norm.clamp %arg1 min = 0.000000e+00 max = 1.000000e+00 : tensor<4xf32>
func.func @bin_forms(%x: tensor<2x4x8x8xf32>, %rho: tensor<4xf32>, %g: tensor<4xf32>, %b: tensor<4xf32>) -> (tensor<2x4x8x8xf32>, tensor<4xf32>) {
  %y = norm.batch_instance_norm %x, %rho scale(%g) bias(%b) eps = 1.0e-05 : (tensor<2x4x8x8xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>) -> tensor<2x4x8x8xf32>
  %z = norm.batch_instance_norm %y, %rho running(%g, %b) eps = 1.0e-05 : (tensor<2x4x8x8xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>) -> tensor<2x4x8x8xf32>
  %c = norm.clamp %rho min = 0.0 max = 1.0 : tensor<4xf32>
  return %z, %c : tensor<2x4x8x8xf32>, tensor<4xf32>
}

// CHECK-LABEL: func.func @instance_norm_train_form
// CHECK: norm.instance_norm_train %arg0, %arg1, %arg2 eps = 9.99999974E-6 momentum = 1.000000e-01 :
// CHECK-SAME: -> (tensor<2x4x8x8xf16>, tensor<4xf32>, tensor<4xf32>)
func.func @instance_norm_train_form(%x: tensor<2x4x8x8xf16>, %m: tensor<4xf32>, %v: tensor<4xf32>) -> tensor<2x4x8x8xf16> {
  %y, %nm, %nv = norm.instance_norm_train %x, %m, %v eps = 1.0e-05 momentum = 0.1 : (tensor<2x4x8x8xf16>, tensor<4xf32>, tensor<4xf32>) -> (tensor<2x4x8x8xf16>, tensor<4xf32>, tensor<4xf32>)
  return %y : tensor<2x4x8x8xf16>
}

//===----------------------------------------------------------------------===//
// norm.conv2d, norm.pad, norm.upsample
//===----------------------------------------------------------------------===//

// CHECK-LABEL: func.func @conv2d_bias
// CHECK-SAME: (%[[X:[a-z0-9]+]]: tensor<1x64x32x32xf32>, %[[W:[a-z0-9]+]]: tensor<32x64x3x3xf32>, %[[B:[a-z0-9]+]]: tensor<32xf32>)
// CHECK: %[[Y:.*]] = norm.conv2d %[[X]], %[[W]] bias(%[[B]]) strides = [1, 1] padding = [1, 1, 1, 1] dilations = [1, 1] groups = 1 :
// CHECK-SAME: (tensor<1x64x32x32xf32>, tensor<32x64x3x3xf32>, tensor<32xf32>) -> tensor<1x32x32x32xf32>
// CHECK: return %[[Y]]
// GENERIC-LABEL: sym_name = "conv2d_bias"
// GENERIC: "norm.conv2d"(%{{.*}}, %{{.*}}, %{{.*}}) <{dilations = array<i64: 1, 1>, groups = 1 : i64, padding = array<i64: 1, 1, 1, 1>, strides = array<i64: 1, 1>}>
func.func @conv2d_bias(%x: tensor<1x64x32x32xf32>, %w: tensor<32x64x3x3xf32>,
                       %b: tensor<32xf32>) -> tensor<1x32x32x32xf32> {
  %y = norm.conv2d %x, %w bias(%b) strides = [1, 1] padding = [1, 1, 1, 1]
      dilations = [1, 1] groups = 1
      : (tensor<1x64x32x32xf32>, tensor<32x64x3x3xf32>, tensor<32xf32>)
      -> tensor<1x32x32x32xf32>
  return %y : tensor<1x32x32x32xf32>
}

// No bias; strides, asymmetric padding, dilations and groups = 2; a dynamic
// batch.
// CHECK-LABEL: func.func @conv2d_no_bias_grouped
// CHECK-SAME: (%[[X:[a-z0-9]+]]: tensor<?x8x17x16xf32>, %[[W:[a-z0-9]+]]: tensor<6x4x3x3xf32>)
// CHECK: norm.conv2d %[[X]], %[[W]] strides = [2, 1] padding = [1, 0, 2, 3] dilations = [1, 2] groups = 2 :
// CHECK-SAME: (tensor<?x8x17x16xf32>, tensor<6x4x3x3xf32>) -> tensor<?x6x9x15xf32>
// GENERIC-LABEL: sym_name = "conv2d_no_bias_grouped"
// GENERIC: "norm.conv2d"(%{{[a-z0-9]+}}, %{{[a-z0-9]+}}) <{dilations = array<i64: 1, 2>, groups = 2 : i64, padding = array<i64: 1, 0, 2, 3>, strides = array<i64: 2, 1>}>
func.func @conv2d_no_bias_grouped(%x: tensor<?x8x17x16xf32>, %w: tensor<6x4x3x3xf32>)
    -> tensor<?x6x9x15xf32> {
  %y = norm.conv2d %x, %w strides = [2, 1] padding = [1, 0, 2, 3] dilations = [1, 2]
      groups = 2 : (tensor<?x8x17x16xf32>, tensor<6x4x3x3xf32>) -> tensor<?x6x9x15xf32>
  return %y : tensor<?x6x9x15xf32>
}

// Depthwise (groups = C = K), channels-last, f16.
// CHECK-LABEL: func.func @conv2d_depthwise_channels_last
// CHECK: norm.conv2d %{{[a-z0-9]+}}, %{{[a-z0-9]+}} bias(%{{[a-z0-9]+}}) strides = [2, 2] padding = [1, 1, 1, 1] dilations = [1, 1] groups = 8 channels_last :
// CHECK-SAME: (tensor<2x16x16x8xf16>, tensor<8x1x3x3xf16>, tensor<8xf16>) -> tensor<2x8x8x8xf16>
// GENERIC-LABEL: sym_name = "conv2d_depthwise_channels_last"
// GENERIC: "norm.conv2d"
// GENERIC-SAME: <{channels_last, dilations = array<i64: 1, 1>, groups = 8 : i64,
func.func @conv2d_depthwise_channels_last(%x: tensor<2x16x16x8xf16>, %w: tensor<8x1x3x3xf16>,
                                          %b: tensor<8xf16>) -> tensor<2x8x8x8xf16> {
  %y = norm.conv2d %x, %w bias(%b) strides = [2, 2] padding = [1, 1, 1, 1]
      dilations = [1, 1] groups = 8 channels_last
      : (tensor<2x16x16x8xf16>, tensor<8x1x3x3xf16>, tensor<8xf16>) -> tensor<2x8x8x8xf16>
  return %y : tensor<2x8x8x8xf16>
}

// CHECK-LABEL: func.func @pad_modes
// CHECK-SAME: (%[[X:[a-z0-9]+]]: tensor<1x8x4x4xf32>)
// CHECK: %[[R:.*]] = norm.pad %[[X]] low = [0, 0, 1, 3] high = [0, 0, 3, 1] mode = "reflect" : (tensor<1x8x4x4xf32>) -> tensor<1x8x8x8xf32>
// CHECK: %[[E:.*]] = norm.pad %[[R]] low = [0, 0, 5, 0] high = [0, 0, 0, 5] mode = "replicate" : (tensor<1x8x8x8xf32>) -> tensor<1x8x13x13xf32>
// CHECK: %[[Z:.*]] = norm.pad %[[E]] low = [1, 0, 0, 2] high = [0, 2, 1, 0] mode = "zero" : (tensor<1x8x13x13xf32>) -> tensor<2x10x14x15xf32>
// CHECK: return %[[Z]]
// GENERIC-LABEL: sym_name = "pad_modes"
// GENERIC: "norm.pad"(%{{[a-z0-9]+}}) <{high = array<i64: 0, 0, 3, 1>, low = array<i64: 0, 0, 1, 3>, mode = "reflect"}>
// GENERIC: "norm.pad"(%{{[a-z0-9]+}}) <{high = array<i64: 0, 0, 0, 5>, low = array<i64: 0, 0, 5, 0>, mode = "replicate"}>
// GENERIC: "norm.pad"(%{{[a-z0-9]+}}) <{high = array<i64: 0, 2, 1, 0>, low = array<i64: 1, 0, 0, 2>, mode = "zero"}>
func.func @pad_modes(%x: tensor<1x8x4x4xf32>) -> tensor<2x10x14x15xf32> {
  %r = norm.pad %x low = [0, 0, 1, 3] high = [0, 0, 3, 1] mode = "reflect"
      : (tensor<1x8x4x4xf32>) -> tensor<1x8x8x8xf32>
  %e = norm.pad %r low = [0, 0, 5, 0] high = [0, 0, 0, 5] mode = "replicate"
      : (tensor<1x8x8x8xf32>) -> tensor<1x8x13x13xf32>
  %z = norm.pad %e low = [1, 0, 0, 2] high = [0, 2, 1, 0] mode = "zero"
      : (tensor<1x8x13x13xf32>) -> tensor<2x10x14x15xf32>
  return %z : tensor<2x10x14x15xf32>
}

// CHECK-LABEL: func.func @upsample_modes
// CHECK-SAME: (%[[X:[a-z0-9]+]]: tensor<1x8x4x4xf32>)
// CHECK: %[[N:.*]] = norm.upsample %[[X]] scale = [1, 1, 2, 2] mode = "nearest" : (tensor<1x8x4x4xf32>) -> tensor<1x8x8x8xf32>
// CHECK: %[[B:.*]] = norm.upsample %[[N]] scale = [1, 1, 3, 1] mode = "bilinear" : (tensor<1x8x8x8xf32>) -> tensor<1x8x24x8xf32>
// CHECK: return %[[B]]
// GENERIC-LABEL: sym_name = "upsample_modes"
// GENERIC: "norm.upsample"(%{{[a-z0-9]+}}) <{mode = "nearest", scale = array<i64: 1, 1, 2, 2>}>
// GENERIC: "norm.upsample"(%{{[a-z0-9]+}}) <{mode = "bilinear", scale = array<i64: 1, 1, 3, 1>}>
func.func @upsample_modes(%x: tensor<1x8x4x4xf32>) -> tensor<1x8x24x8xf32> {
  %n = norm.upsample %x scale = [1, 1, 2, 2] mode = "nearest"
      : (tensor<1x8x4x4xf32>) -> tensor<1x8x8x8xf32>
  %b = norm.upsample %n scale = [1, 1, 3, 1] mode = "bilinear"
      : (tensor<1x8x8x8xf32>) -> tensor<1x8x24x8xf32>
  return %b : tensor<1x8x24x8xf32>
}
