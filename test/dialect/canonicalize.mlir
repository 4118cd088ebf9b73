// Canonicalizations of the norm dialect: the identity affine of modulate is
// dropped, relu is idempotent, a conv bias before a per-plane normalization is
// dropped, and batch norm with running statistics folds into the conv before
// it.
// RUN: norm-opt %s -canonicalize -split-input-file | FileCheck %s

// CHECK-LABEL: func.func @modulate_identity_affine
// CHECK-SAME: (%[[X:[a-z0-9]+]]: tensor<1x8x4x4xf32>, %[[M:[a-z0-9]+]]: tensor<1x8x1x1xf32>, %[[R:[a-z0-9]+]]: tensor<1x8x1x1xf32>)
// CHECK-NOT: arith.constant
// CHECK: %[[Y:.*]] = norm.modulate %[[X]], %[[M]], %[[R]] :
// CHECK-SAME: (tensor<1x8x4x4xf32>, tensor<1x8x1x1xf32>, tensor<1x8x1x1xf32>) -> tensor<1x8x4x4xf32>
// CHECK-NEXT: return %[[Y]]
func.func @modulate_identity_affine(%x: tensor<1x8x4x4xf32>, %m: tensor<1x8x1x1xf32>,
                                    %r: tensor<1x8x1x1xf32>) -> tensor<1x8x4x4xf32> {
  %one = arith.constant dense<1.0> : tensor<1x8x1x1xf32>
  %zero = arith.constant dense<0.0> : tensor<1x8x1x1xf32>
  %y = norm.modulate %x, %m, %r scale(%one) shift(%zero)
      : (tensor<1x8x4x4xf32>, tensor<1x8x1x1xf32>, tensor<1x8x1x1xf32>,
         tensor<1x8x1x1xf32>, tensor<1x8x1x1xf32>) -> tensor<1x8x4x4xf32>
  return %y : tensor<1x8x4x4xf32>
}

// -----

// A splat-1 scale goes, a real shift stays.
// CHECK-LABEL: func.func @modulate_unit_scale
// CHECK-SAME: %[[B:[a-z0-9]+]]: tensor<1x8x1x1xf32>)
// CHECK: norm.modulate %{{[a-z0-9]+}}, %{{[a-z0-9]+}}, %{{[a-z0-9]+}} shift(%[[B]]) :
// CHECK-SAME: (tensor<1x8x4x4xf32>, tensor<1x8x1x1xf32>, tensor<1x8x1x1xf32>, tensor<1x8x1x1xf32>) -> tensor<1x8x4x4xf32>
func.func @modulate_unit_scale(%x: tensor<1x8x4x4xf32>, %m: tensor<1x8x1x1xf32>,
                               %r: tensor<1x8x1x1xf32>, %b: tensor<1x8x1x1xf32>)
    -> tensor<1x8x4x4xf32> {
  %one = arith.constant dense<1.0> : tensor<1x8x1x1xf32>
  %y = norm.modulate %x, %m, %r scale(%one) shift(%b)
      : (tensor<1x8x4x4xf32>, tensor<1x8x1x1xf32>, tensor<1x8x1x1xf32>,
         tensor<1x8x1x1xf32>, tensor<1x8x1x1xf32>) -> tensor<1x8x4x4xf32>
  return %y : tensor<1x8x4x4xf32>
}

// -----

// A splat-0 shift goes, a real scale stays; per-element (full-shape) shift.
// CHECK-LABEL: func.func @modulate_zero_shift_per_element
// CHECK-SAME: %[[G:[a-z0-9]+]]: tensor<1x8x1x1xf32>)
// CHECK-NOT: arith.constant
// CHECK: norm.modulate %{{[a-z0-9]+}}, %{{[a-z0-9]+}}, %{{[a-z0-9]+}} scale(%[[G]]) :
// CHECK-SAME: (tensor<1x8x4x4xf32>, tensor<1x8x1x1xf32>, tensor<1x8x1x1xf32>, tensor<1x8x1x1xf32>) -> tensor<1x8x4x4xf32>
func.func @modulate_zero_shift_per_element(%x: tensor<1x8x4x4xf32>, %m: tensor<1x8x1x1xf32>,
                                           %r: tensor<1x8x1x1xf32>, %g: tensor<1x8x1x1xf32>)
    -> tensor<1x8x4x4xf32> {
  %zero = arith.constant dense<0.0> : tensor<1x8x4x4xf32>
  %y = norm.modulate %x, %m, %r scale(%g) shift(%zero)
      : (tensor<1x8x4x4xf32>, tensor<1x8x1x1xf32>, tensor<1x8x1x1xf32>,
         tensor<1x8x1x1xf32>, tensor<1x8x4x4xf32>) -> tensor<1x8x4x4xf32>
  return %y : tensor<1x8x4x4xf32>
}

// -----

// CHECK-LABEL: func.func @negative_modulate_scale_two
// CHECK: %[[TWO:.*]] = arith.constant dense<2.000000e+00> : tensor<1x8x1x1xf32>
// CHECK: norm.modulate %{{[a-z0-9]+}}, %{{[a-z0-9]+}}, %{{[a-z0-9]+}} scale(%[[TWO]]) :
func.func @negative_modulate_scale_two(%x: tensor<1x8x4x4xf32>, %m: tensor<1x8x1x1xf32>,
                                       %r: tensor<1x8x1x1xf32>) -> tensor<1x8x4x4xf32> {
  %two = arith.constant dense<2.0> : tensor<1x8x1x1xf32>
  %y = norm.modulate %x, %m, %r scale(%two)
      : (tensor<1x8x4x4xf32>, tensor<1x8x1x1xf32>, tensor<1x8x1x1xf32>,
         tensor<1x8x1x1xf32>) -> tensor<1x8x4x4xf32>
  return %y : tensor<1x8x4x4xf32>
}

// -----

// The roles matter: scale 0 and shift 1 are not the identity.
// CHECK-LABEL: func.func @negative_modulate_swapped_constants
// CHECK-DAG: %[[ZERO:.*]] = arith.constant dense<0.000000e+00> : tensor<1x8x1x1xf32>
// CHECK-DAG: %[[ONE:.*]] = arith.constant dense<1.000000e+00> : tensor<1x8x1x1xf32>
// CHECK: norm.modulate %{{[a-z0-9]+}}, %{{[a-z0-9]+}}, %{{[a-z0-9]+}} scale(%[[ZERO]]) shift(%[[ONE]]) :
func.func @negative_modulate_swapped_constants(%x: tensor<1x8x4x4xf32>, %m: tensor<1x8x1x1xf32>,
                                               %r: tensor<1x8x1x1xf32>) -> tensor<1x8x4x4xf32> {
  %zero = arith.constant dense<0.0> : tensor<1x8x1x1xf32>
  %one = arith.constant dense<1.0> : tensor<1x8x1x1xf32>
  %y = norm.modulate %x, %m, %r scale(%zero) shift(%one)
      : (tensor<1x8x4x4xf32>, tensor<1x8x1x1xf32>, tensor<1x8x1x1xf32>,
         tensor<1x8x1x1xf32>, tensor<1x8x1x1xf32>) -> tensor<1x8x4x4xf32>
  return %y : tensor<1x8x4x4xf32>
}

// -----

// A constant that is not a splat is kept even if it starts with 1.
// CHECK-LABEL: func.func @negative_modulate_non_splat_scale
// CHECK: %[[C:.*]] = arith.constant dense<{{\[}}{{\[}}{{\[}}{{\[}}1.000000e+00]], {{\[}}{{\[}}2.000000e+00]]]]> : tensor<1x2x1x1xf32>
// CHECK: norm.modulate %{{[a-z0-9]+}}, %{{[a-z0-9]+}}, %{{[a-z0-9]+}} scale(%[[C]]) :
func.func @negative_modulate_non_splat_scale(%x: tensor<1x2x4x4xf32>, %m: tensor<1x2x1x1xf32>,
                                             %r: tensor<1x2x1x1xf32>) -> tensor<1x2x4x4xf32> {
  %c = arith.constant dense<[[[[1.0]], [[2.0]]]]> : tensor<1x2x1x1xf32>
  %y = norm.modulate %x, %m, %r scale(%c)
      : (tensor<1x2x4x4xf32>, tensor<1x2x1x1xf32>, tensor<1x2x1x1xf32>,
         tensor<1x2x1x1xf32>) -> tensor<1x2x4x4xf32>
  return %y : tensor<1x2x4x4xf32>
}

// -----

// CHECK-LABEL: func.func @negative_modulate_argument_scale
// CHECK-SAME: %[[G:[a-z0-9]+]]: tensor<1x8x1x1xf32>, %[[B:[a-z0-9]+]]: tensor<1x8x1x1xf32>)
// CHECK: norm.modulate %{{[a-z0-9]+}}, %{{[a-z0-9]+}}, %{{[a-z0-9]+}} scale(%[[G]]) shift(%[[B]]) :
func.func @negative_modulate_argument_scale(%x: tensor<1x8x4x4xf32>, %m: tensor<1x8x1x1xf32>,
                                            %r: tensor<1x8x1x1xf32>, %g: tensor<1x8x1x1xf32>,
                                            %b: tensor<1x8x1x1xf32>) -> tensor<1x8x4x4xf32> {
  %y = norm.modulate %x, %m, %r scale(%g) shift(%b)
      : (tensor<1x8x4x4xf32>, tensor<1x8x1x1xf32>, tensor<1x8x1x1xf32>,
         tensor<1x8x1x1xf32>, tensor<1x8x1x1xf32>) -> tensor<1x8x4x4xf32>
  return %y : tensor<1x8x4x4xf32>
}

// -----

// CHECK-LABEL: func.func @relu_relu
// CHECK-SAME: (%[[X:[a-z0-9]+]]: tensor<1x8x4x4xf32>)
// CHECK: %[[Y:.*]] = norm.relu %[[X]] : tensor<1x8x4x4xf32>
// CHECK-NOT: norm.relu
// CHECK: return %[[Y]]
func.func @relu_relu(%x: tensor<1x8x4x4xf32>) -> tensor<1x8x4x4xf32> {
  %a = norm.relu %x : tensor<1x8x4x4xf32>
  %b = norm.relu %a : tensor<1x8x4x4xf32>
  %c = norm.relu %b : tensor<1x8x4x4xf32>
  return %c : tensor<1x8x4x4xf32>
}

// -----

// Only relu folds into relu; other activations are not idempotent.
// CHECK-LABEL: func.func @negative_relu_of_other_activation
// CHECK-SAME: (%[[X:[a-z0-9]+]]: tensor<4xf32>)
// CHECK: %[[A:.*]] = norm.leaky_relu %[[X]] alpha = 1.000000e-01 : tensor<4xf32>
// CHECK: %[[B:.*]] = norm.relu %[[A]] : tensor<4xf32>
// CHECK: %[[C:.*]] = norm.silu %[[B]] : tensor<4xf32>
// CHECK: %[[D:.*]] = norm.silu %[[C]] : tensor<4xf32>
// CHECK: return %[[D]]
func.func @negative_relu_of_other_activation(%x: tensor<4xf32>) -> tensor<4xf32> {
  %a = norm.leaky_relu %x alpha = 0.1 : tensor<4xf32>
  %b = norm.relu %a : tensor<4xf32>
  %c = norm.silu %b : tensor<4xf32>
  %d = norm.silu %c : tensor<4xf32>
  return %d : tensor<4xf32>
}

// -----

//===----------------------------------------------------------------------===//
// A conv bias before a normalization with per-channel sets cancels: dropped
//===----------------------------------------------------------------------===//

// CHECK-LABEL: func.func @conv_bias_instance_norm
// CHECK-SAME: (%[[X:[a-z0-9]+]]: tensor<1x8x8x8xf32>, %[[W:[a-z0-9]+]]: tensor<4x8x3x3xf32>, %[[B:[a-z0-9]+]]: tensor<4xf32>)
// CHECK: %[[C:.*]] = norm.conv2d %[[X]], %[[W]] strides = [1, 1] padding = [1, 1, 1, 1] dilations = [1, 1] groups = 1 :
// CHECK-SAME: (tensor<1x8x8x8xf32>, tensor<4x8x3x3xf32>) -> tensor<1x4x8x8xf32>
// CHECK-NEXT: %[[N:.*]] = norm.instance_norm %[[C]] eps
// CHECK-NEXT: return %[[N]]
func.func @conv_bias_instance_norm(%x: tensor<1x8x8x8xf32>, %w: tensor<4x8x3x3xf32>,
                                   %b: tensor<4xf32>) -> tensor<1x4x8x8xf32> {
  %c = norm.conv2d %x, %w bias(%b) strides = [1, 1] padding = [1, 1, 1, 1] dilations = [1, 1] groups = 1
      : (tensor<1x8x8x8xf32>, tensor<4x8x3x3xf32>, tensor<4xf32>) -> tensor<1x4x8x8xf32>
  %n = norm.instance_norm %c eps = 1.0e-05 : (tensor<1x4x8x8xf32>) -> tensor<1x4x8x8xf32>
  return %n : tensor<1x4x8x8xf32>
}

// -----

// Same layout on both sides, channels-last: dropped too.
// CHECK-LABEL: func.func @conv_bias_instance_norm_channels_last
// CHECK-NOT: bias(
// CHECK: %[[C:.*]] = norm.conv2d %{{[a-z0-9]+}}, %{{[a-z0-9]+}} strides = [1, 1] padding = [0, 0, 0, 0] dilations = [1, 1] groups = 1 channels_last :
// CHECK-NEXT: norm.instance_norm %[[C]] eps = {{.*}} channels_last
func.func @conv_bias_instance_norm_channels_last(%x: tensor<1x8x8x8xf32>, %w: tensor<4x8x1x1xf32>,
                                                 %b: tensor<4xf32>) -> tensor<1x8x8x4xf32> {
  %c = norm.conv2d %x, %w bias(%b) strides = [1, 1] padding = [0, 0, 0, 0] dilations = [1, 1] groups = 1 channels_last
      : (tensor<1x8x8x8xf32>, tensor<4x8x1x1xf32>, tensor<4xf32>) -> tensor<1x8x8x4xf32>
  %n = norm.instance_norm %c eps = 1.0e-05 channels_last : (tensor<1x8x8x4xf32>) -> tensor<1x8x8x4xf32>
  return %n : tensor<1x8x8x4xf32>
}

// -----

// CHECK-LABEL: func.func @conv_bias_conditional_instance_norm
// CHECK-SAME: (%[[X:[a-z0-9]+]]: tensor<2x8x8x8xf32>, %[[W:[a-z0-9]+]]: tensor<4x8x1x1xf32>, %[[B:[a-z0-9]+]]: tensor<4xf32>,
// CHECK: %[[C:.*]] = norm.conv2d %[[X]], %[[W]] strides
// CHECK-SAME: (tensor<2x8x8x8xf32>, tensor<4x8x1x1xf32>) -> tensor<2x4x8x8xf32>
// CHECK-NEXT: %[[N:.*]] = norm.conditional_instance_norm %[[C]],
// CHECK-NEXT: return %[[N]]
func.func @conv_bias_conditional_instance_norm(%x: tensor<2x8x8x8xf32>, %w: tensor<4x8x1x1xf32>,
                                               %b: tensor<4xf32>, %s: tensor<2x3xf32>,
                                               %gt: tensor<3x4xf32>, %bt: tensor<3x4xf32>)
    -> tensor<2x4x8x8xf32> {
  %c = norm.conv2d %x, %w bias(%b) strides = [1, 1] padding = [0, 0, 0, 0] dilations = [1, 1] groups = 1
      : (tensor<2x8x8x8xf32>, tensor<4x8x1x1xf32>, tensor<4xf32>) -> tensor<2x4x8x8xf32>
  %n = norm.conditional_instance_norm %c, %s, %gt, %bt eps = 1.0e-05
      : (tensor<2x4x8x8xf32>, tensor<2x3xf32>, tensor<3x4xf32>, tensor<3x4xf32>) -> tensor<2x4x8x8xf32>
  return %n : tensor<2x4x8x8xf32>
}

// -----

// SPADE with per-instance statistics.
// CHECK-LABEL: func.func @conv_bias_spade
// CHECK-SAME: (%[[X:[a-z0-9]+]]: tensor<2x8x8x8xf32>, %[[W:[a-z0-9]+]]: tensor<4x8x1x1xf32>, %[[B:[a-z0-9]+]]: tensor<4xf32>,
// CHECK: %[[C:.*]] = norm.conv2d %[[X]], %[[W]] strides
// CHECK-SAME: (tensor<2x8x8x8xf32>, tensor<4x8x1x1xf32>) -> tensor<2x4x8x8xf32>
// CHECK-NEXT: %[[N:.*]] = norm.spade %[[C]], %{{[a-z0-9]+}}, %{{[a-z0-9]+}} eps = 9.99999974E-6 : tensor<2x4x8x8xf32>
// CHECK-NEXT: return %[[N]]
func.func @conv_bias_spade(%x: tensor<2x8x8x8xf32>, %w: tensor<4x8x1x1xf32>, %b: tensor<4xf32>,
                           %g: tensor<2x4x8x8xf32>, %be: tensor<2x4x8x8xf32>) -> tensor<2x4x8x8xf32> {
  %c = norm.conv2d %x, %w bias(%b) strides = [1, 1] padding = [0, 0, 0, 0] dilations = [1, 1] groups = 1
      : (tensor<2x8x8x8xf32>, tensor<4x8x1x1xf32>, tensor<4xf32>) -> tensor<2x4x8x8xf32>
  %y = norm.spade %c, %g, %be eps = 1.0e-05 : tensor<2x4x8x8xf32>
  return %y : tensor<2x4x8x8xf32>
}

// -----

// Group norm's sets span several channels with different biases.
// CHECK-LABEL: func.func @negative_conv_bias_group_norm
// CHECK-SAME: %[[B:[a-z0-9]+]]: tensor<8xf32>)
// CHECK: %[[C:.*]] = norm.conv2d %{{[a-z0-9]+}}, %{{[a-z0-9]+}} bias(%[[B]])
// CHECK-NEXT: norm.group_norm %[[C]] groups = 2
func.func @negative_conv_bias_group_norm(%x: tensor<1x8x8x8xf32>, %w: tensor<8x8x1x1xf32>,
                                         %b: tensor<8xf32>) -> tensor<1x8x8x8xf32> {
  %c = norm.conv2d %x, %w bias(%b) strides = [1, 1] padding = [0, 0, 0, 0] dilations = [1, 1] groups = 1
      : (tensor<1x8x8x8xf32>, tensor<8x8x1x1xf32>, tensor<8xf32>) -> tensor<1x8x8x8xf32>
  %n = norm.group_norm %c groups = 2 eps = 1.0e-05 : (tensor<1x8x8x8xf32>) -> tensor<1x8x8x8xf32>
  return %n : tensor<1x8x8x8xf32>
}

// -----

// SPADE with batch statistics: its sets are one channel over N and space,
// over which the bias is constant too, so it is dropped as well.
// CHECK-LABEL: func.func @conv_bias_spade_batch_stats
// CHECK-NOT: bias(
// CHECK: %[[C:.*]] = norm.conv2d %{{[a-z0-9]+}}, %{{[a-z0-9]+}} strides
// CHECK-NEXT: norm.spade %[[C]], {{.*}} batch_stats
func.func @conv_bias_spade_batch_stats(%x: tensor<2x8x8x8xf32>, %w: tensor<4x8x1x1xf32>,
                                       %b: tensor<4xf32>, %g: tensor<2x4x8x8xf32>,
                                       %be: tensor<2x4x8x8xf32>) -> tensor<2x4x8x8xf32> {
  %c = norm.conv2d %x, %w bias(%b) strides = [1, 1] padding = [0, 0, 0, 0] dilations = [1, 1] groups = 1
      : (tensor<2x8x8x8xf32>, tensor<4x8x1x1xf32>, tensor<4xf32>) -> tensor<2x4x8x8xf32>
  %y = norm.spade %c, %g, %be eps = 1.0e-05 batch_stats : tensor<2x4x8x8xf32>
  return %y : tensor<2x4x8x8xf32>
}

// -----

// Group norm with one channel per group is instance norm: dropped.
// CHECK-LABEL: func.func @conv_bias_group_norm_per_channel
// CHECK-NOT: bias(
// CHECK: %[[C:.*]] = norm.conv2d %{{[a-z0-9]+}}, %{{[a-z0-9]+}} strides
// CHECK-NEXT: norm.group_norm %[[C]] groups = 4
func.func @conv_bias_group_norm_per_channel(%x: tensor<1x8x8x8xf32>, %w: tensor<4x8x1x1xf32>,
                                            %b: tensor<4xf32>) -> tensor<1x4x8x8xf32> {
  %c = norm.conv2d %x, %w bias(%b) strides = [1, 1] padding = [0, 0, 0, 0] dilations = [1, 1] groups = 1
      : (tensor<1x8x8x8xf32>, tensor<4x8x1x1xf32>, tensor<4xf32>) -> tensor<1x4x8x8xf32>
  %n = norm.group_norm %c groups = 4 eps = 1.0e-05 : (tensor<1x4x8x8xf32>) -> tensor<1x4x8x8xf32>
  return %n : tensor<1x4x8x8xf32>
}

// -----

// The conv result is also returned, with its bias.
// CHECK-LABEL: func.func @negative_conv_bias_second_use
// CHECK-SAME: %[[B:[a-z0-9]+]]: tensor<4xf32>)
// CHECK: %[[C:.*]] = norm.conv2d %{{[a-z0-9]+}}, %{{[a-z0-9]+}} bias(%[[B]])
// CHECK-NEXT: %[[N:.*]] = norm.instance_norm %[[C]]
// CHECK-NEXT: return %[[C]], %[[N]]
func.func @negative_conv_bias_second_use(%x: tensor<1x8x8x8xf32>, %w: tensor<4x8x1x1xf32>,
                                         %b: tensor<4xf32>)
    -> (tensor<1x4x8x8xf32>, tensor<1x4x8x8xf32>) {
  %c = norm.conv2d %x, %w bias(%b) strides = [1, 1] padding = [0, 0, 0, 0] dilations = [1, 1] groups = 1
      : (tensor<1x8x8x8xf32>, tensor<4x8x1x1xf32>, tensor<4xf32>) -> tensor<1x4x8x8xf32>
  %n = norm.instance_norm %c eps = 1.0e-05 : (tensor<1x4x8x8xf32>) -> tensor<1x4x8x8xf32>
  return %c, %n : tensor<1x4x8x8xf32>, tensor<1x4x8x8xf32>
}

// -----

// A channels-last conv read by an NCHW instance norm: the norm's planes are
// not the conv's channels, so the bias does not cancel.
// CHECK-LABEL: func.func @negative_conv_bias_layouts_differ
// CHECK-SAME: %[[B:[a-z0-9]+]]: tensor<4xf32>)
// CHECK: %[[C:.*]] = norm.conv2d %{{[a-z0-9]+}}, %{{[a-z0-9]+}} bias(%[[B]]) {{.*}} channels_last
// CHECK-NEXT: norm.instance_norm %[[C]] eps = 9.99999974E-6 :
func.func @negative_conv_bias_layouts_differ(%x: tensor<1x8x8x8xf32>, %w: tensor<4x8x1x1xf32>,
                                             %b: tensor<4xf32>) -> tensor<1x8x8x4xf32> {
  %c = norm.conv2d %x, %w bias(%b) strides = [1, 1] padding = [0, 0, 0, 0] dilations = [1, 1] groups = 1 channels_last
      : (tensor<1x8x8x8xf32>, tensor<4x8x1x1xf32>, tensor<4xf32>) -> tensor<1x8x8x4xf32>
  %n = norm.instance_norm %c eps = 1.0e-05 : (tensor<1x8x8x4xf32>) -> tensor<1x8x8x4xf32>
  return %n : tensor<1x8x8x4xf32>
}

// -----

// The running mean of instance_norm_train would see the bias.
// CHECK-LABEL: func.func @negative_conv_bias_instance_norm_train
// CHECK-SAME: %[[B:[a-z0-9]+]]: tensor<4xf32>,
// CHECK: %[[C:.*]] = norm.conv2d %{{[a-z0-9]+}}, %{{[a-z0-9]+}} bias(%[[B]])
// CHECK-NEXT: norm.instance_norm_train %[[C]],
func.func @negative_conv_bias_instance_norm_train(%x: tensor<2x8x8x8xf32>, %w: tensor<4x8x1x1xf32>,
                                                  %b: tensor<4xf32>, %m: tensor<4xf32>,
                                                  %v: tensor<4xf32>)
    -> (tensor<2x4x8x8xf32>, tensor<4xf32>, tensor<4xf32>) {
  %c = norm.conv2d %x, %w bias(%b) strides = [1, 1] padding = [0, 0, 0, 0] dilations = [1, 1] groups = 1
      : (tensor<2x8x8x8xf32>, tensor<4x8x1x1xf32>, tensor<4xf32>) -> tensor<2x4x8x8xf32>
  %y, %nm, %nv = norm.instance_norm_train %c, %m, %v eps = 1.0e-05 momentum = 0.1
      : (tensor<2x4x8x8xf32>, tensor<4xf32>, tensor<4xf32>)
      -> (tensor<2x4x8x8xf32>, tensor<4xf32>, tensor<4xf32>)
  return %y, %nm, %nv : tensor<2x4x8x8xf32>, tensor<4xf32>, tensor<4xf32>
}

// -----

//===----------------------------------------------------------------------===//
// Batch norm with running statistics after a conv folds into the conv
//===----------------------------------------------------------------------===//

// s = scale / sqrt(var + eps); w' = w * s[k] (s expanded to [K, 1, 1, 1]);
// b' = (b - mean) * s + bias.
// CHECK-LABEL: func.func @conv_batch_norm_fold
// CHECK-SAME: (%[[X:[a-z0-9]+]]: tensor<1x8x8x8xf32>, %[[W:[a-z0-9]+]]: tensor<4x8x3x3xf32>, %[[B:[a-z0-9]+]]: tensor<4xf32>,
// CHECK-SAME: %[[M:[a-z0-9]+]]: tensor<4xf32>, %[[V:[a-z0-9]+]]: tensor<4xf32>, %[[G:[a-z0-9]+]]: tensor<4xf32>, %[[BETA:[a-z0-9]+]]: tensor<4xf32>)
// CHECK-DAG: %[[MINUS1:.*]] = arith.constant dense<-1.000000e+00> : tensor<1xf32>
// CHECK-DAG: %[[EPS:.*]] = arith.constant dense<9.99999974E-6> : tensor<1xf32>
// CHECK: %[[VE:.*]] = norm.add %[[V]], %[[EPS]]
// CHECK: %[[SD:.*]] = norm.sqrt %[[VE]]
// CHECK: %[[RS:.*]] = norm.reciprocal %[[SD]]
// CHECK: %[[S:.*]] = norm.mul %[[RS]], %[[G]]
// CHECK: %[[S4:.*]] = tensor.expand_shape %[[S]] {{\[}}[0, 1, 2, 3]] output_shape [4, 1, 1, 1] : tensor<4xf32> into tensor<4x1x1x1xf32>
// CHECK: %[[W2:.*]] = norm.mul %[[W]], %[[S4]] : (tensor<4x8x3x3xf32>, tensor<4x1x1x1xf32>) -> tensor<4x8x3x3xf32>
// CHECK: %[[NEGM:.*]] = norm.mul %[[M]], %[[MINUS1]]
// CHECK: %[[CENT:.*]] = norm.add %[[B]], %[[NEGM]]
// CHECK: %[[BS:.*]] = norm.mul %[[CENT]], %[[S]]
// CHECK: %[[B2:.*]] = norm.add %[[BS]], %[[BETA]]
// CHECK: %[[C:.*]] = norm.conv2d %[[X]], %[[W2]] bias(%[[B2]]) strides = [1, 1] padding = [1, 1, 1, 1] dilations = [1, 1] groups = 1 :
// CHECK-NOT: norm.batch_norm
// CHECK: return %[[C]]
func.func @conv_batch_norm_fold(%x: tensor<1x8x8x8xf32>, %w: tensor<4x8x3x3xf32>, %b: tensor<4xf32>,
                                %m: tensor<4xf32>, %v: tensor<4xf32>, %g: tensor<4xf32>,
                                %beta: tensor<4xf32>) -> tensor<1x4x8x8xf32> {
  %c = norm.conv2d %x, %w bias(%b) strides = [1, 1] padding = [1, 1, 1, 1] dilations = [1, 1] groups = 1
      : (tensor<1x8x8x8xf32>, tensor<4x8x3x3xf32>, tensor<4xf32>) -> tensor<1x4x8x8xf32>
  %n = norm.batch_norm %c, %m, %v scale(%g) bias(%beta) eps = 1.0e-05
      : (tensor<1x4x8x8xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>)
      -> tensor<1x4x8x8xf32>
  return %n : tensor<1x4x8x8xf32>
}

// -----

// No conv bias and no affine: w' = w * s, b' = -mean * s; channels-last
// keeps the [K, C, R, S] weight layout, so the expansion is the same.
// CHECK-LABEL: func.func @conv_batch_norm_fold_plain_channels_last
// CHECK-SAME: (%[[X:[a-z0-9]+]]: tensor<1x8x8x8xf32>, %[[W:[a-z0-9]+]]: tensor<4x8x3x3xf32>, %[[M:[a-z0-9]+]]: tensor<4xf32>, %[[V:[a-z0-9]+]]: tensor<4xf32>)
// CHECK: %[[RS:.*]] = norm.reciprocal
// CHECK-NEXT: %[[S4:.*]] = tensor.expand_shape %[[RS]] {{\[}}[0, 1, 2, 3]] output_shape [4, 1, 1, 1] : tensor<4xf32> into tensor<4x1x1x1xf32>
// CHECK-NEXT: %[[W2:.*]] = norm.mul %[[W]], %[[S4]]
// CHECK-NEXT: %[[NEGM:.*]] = norm.mul %[[M]], %{{.*}}
// CHECK-NEXT: %[[B2:.*]] = norm.mul %[[NEGM]], %[[RS]]
// CHECK-NEXT: %[[C:.*]] = norm.conv2d %[[X]], %[[W2]] bias(%[[B2]]) {{.*}} channels_last
// CHECK-NEXT: return %[[C]]
func.func @conv_batch_norm_fold_plain_channels_last(%x: tensor<1x8x8x8xf32>, %w: tensor<4x8x3x3xf32>,
                                                    %m: tensor<4xf32>, %v: tensor<4xf32>)
    -> tensor<1x8x8x4xf32> {
  %c = norm.conv2d %x, %w strides = [1, 1] padding = [1, 1, 1, 1] dilations = [1, 1] groups = 1 channels_last
      : (tensor<1x8x8x8xf32>, tensor<4x8x3x3xf32>) -> tensor<1x8x8x4xf32>
  %n = norm.batch_norm %c, %m, %v eps = 1.0e-05 channels_last
      : (tensor<1x8x8x4xf32>, tensor<4xf32>, tensor<4xf32>) -> tensor<1x8x8x4xf32>
  return %n : tensor<1x8x8x4xf32>
}

// -----

// An f16 conv with f32 running statistics: folding would round the folded
// parameters to f16, which the unfolded ops do not.
// CHECK-LABEL: func.func @negative_conv_batch_norm_mixed_types
// CHECK-SAME: (%[[X:[a-z0-9]+]]: tensor<1x8x8x8xf16>, %[[W:[a-z0-9]+]]: tensor<4x8x3x3xf16>,
// CHECK-NOT: norm.mul
// CHECK: %[[C:.*]] = norm.conv2d %[[X]], %[[W]] strides
// CHECK-NEXT: %[[N:.*]] = norm.batch_norm %[[C]],
// CHECK-NEXT: return %[[N]]
func.func @negative_conv_batch_norm_mixed_types(%x: tensor<1x8x8x8xf16>, %w: tensor<4x8x3x3xf16>,
                                                %m: tensor<4xf32>, %v: tensor<4xf32>)
    -> tensor<1x4x8x8xf16> {
  %c = norm.conv2d %x, %w strides = [1, 1] padding = [1, 1, 1, 1] dilations = [1, 1] groups = 1
      : (tensor<1x8x8x8xf16>, tensor<4x8x3x3xf16>) -> tensor<1x4x8x8xf16>
  %n = norm.batch_norm %c, %m, %v eps = 1.0e-05
      : (tensor<1x4x8x8xf16>, tensor<4xf32>, tensor<4xf32>) -> tensor<1x4x8x8xf16>
  return %n : tensor<1x4x8x8xf16>
}

// -----

// The conv result is also returned: the batch norm stays.
// CHECK-LABEL: func.func @negative_conv_batch_norm_second_use
// CHECK-SAME: (%[[X:[a-z0-9]+]]: tensor<1x8x8x8xf32>, %[[W:[a-z0-9]+]]: tensor<4x8x3x3xf32>,
// CHECK-NOT: norm.mul
// CHECK: %[[C:.*]] = norm.conv2d %[[X]], %[[W]] strides
// CHECK-NEXT: %[[N:.*]] = norm.batch_norm %[[C]],
// CHECK-NEXT: return %[[C]], %[[N]]
func.func @negative_conv_batch_norm_second_use(%x: tensor<1x8x8x8xf32>, %w: tensor<4x8x3x3xf32>,
                                               %m: tensor<4xf32>, %v: tensor<4xf32>)
    -> (tensor<1x4x8x8xf32>, tensor<1x4x8x8xf32>) {
  %c = norm.conv2d %x, %w strides = [1, 1] padding = [1, 1, 1, 1] dilations = [1, 1] groups = 1
      : (tensor<1x8x8x8xf32>, tensor<4x8x3x3xf32>) -> tensor<1x4x8x8xf32>
  %n = norm.batch_norm %c, %m, %v eps = 1.0e-05
      : (tensor<1x4x8x8xf32>, tensor<4xf32>, tensor<4xf32>) -> tensor<1x4x8x8xf32>
  return %c, %n : tensor<1x4x8x8xf32>, tensor<1x4x8x8xf32>
}

// -----

// A channels-last conv read by an NCHW batch norm: not the conv's channels.
// CHECK-LABEL: func.func @negative_conv_batch_norm_layouts_differ
// CHECK-NOT: norm.mul
// CHECK: %[[C:.*]] = norm.conv2d {{.*}} channels_last
// CHECK-NEXT: norm.batch_norm %[[C]],
func.func @negative_conv_batch_norm_layouts_differ(%x: tensor<1x8x8x8xf32>, %w: tensor<8x8x3x3xf32>,
                                                   %m: tensor<8xf32>, %v: tensor<8xf32>)
    -> tensor<1x8x8x8xf32> {
  %c = norm.conv2d %x, %w strides = [1, 1] padding = [1, 1, 1, 1] dilations = [1, 1] groups = 1 channels_last
      : (tensor<1x8x8x8xf32>, tensor<8x8x3x3xf32>) -> tensor<1x8x8x8xf32>
  %n = norm.batch_norm %c, %m, %v eps = 1.0e-05
      : (tensor<1x8x8x8xf32>, tensor<8xf32>, tensor<8xf32>) -> tensor<1x8x8x8xf32>
  return %n : tensor<1x8x8x8xf32>
}
