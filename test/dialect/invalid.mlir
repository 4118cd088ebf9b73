// Every verifier message of the norm dialect, and the ODS constraints users
// hit (element type, attribute ranges, operand ranks).
// RUN: norm-opt %s -split-input-file -verify-diagnostics

//===----------------------------------------------------------------------===//
// norm.instance_norm
//===----------------------------------------------------------------------===//

func.func @instance_norm_rank_too_small(%x: tensor<1x8xf32>) -> tensor<1x8xf32> {
  // expected-error @+1 {{'norm.instance_norm' op expects x of rank 3 to 5 ([N, C, spatial...]), got rank 2}}
  %y = norm.instance_norm %x eps = 1.0e-05 : (tensor<1x8xf32>) -> tensor<1x8xf32>
  return %y : tensor<1x8xf32>
}

// -----

func.func @instance_norm_rank_too_large(%x: tensor<1x8x2x2x2x2xf32>) -> tensor<1x8x2x2x2x2xf32> {
  // expected-error @+1 {{'norm.instance_norm' op expects x of rank 3 to 5 ([N, C, spatial...]), got rank 6}}
  %y = norm.instance_norm %x eps = 1.0e-05
      : (tensor<1x8x2x2x2x2xf32>) -> tensor<1x8x2x2x2x2xf32>
  return %y : tensor<1x8x2x2x2x2xf32>
}

// -----

func.func @instance_norm_scale_channels(%x: tensor<1x8x4x4xf32>, %g: tensor<4xf32>)
    -> tensor<1x8x4x4xf32> {
  // expected-error @+1 {{'norm.instance_norm' op scale has 4 elements but x has 8 channels}}
  %y = norm.instance_norm %x scale(%g) eps = 1.0e-05
      : (tensor<1x8x4x4xf32>, tensor<4xf32>) -> tensor<1x8x4x4xf32>
  return %y : tensor<1x8x4x4xf32>
}

// -----

func.func @instance_norm_bias_channels(%x: tensor<1x8x4x4xf32>, %g: tensor<8xf32>,
                                       %b: tensor<16xf32>) -> tensor<1x8x4x4xf32> {
  // expected-error @+1 {{'norm.instance_norm' op bias has 16 elements but x has 8 channels}}
  %y = norm.instance_norm %x scale(%g) bias(%b) eps = 1.0e-05
      : (tensor<1x8x4x4xf32>, tensor<8xf32>, tensor<16xf32>) -> tensor<1x8x4x4xf32>
  return %y : tensor<1x8x4x4xf32>
}

// -----

func.func @instance_norm_scale_not_1d(%x: tensor<1x8x4x4xf32>, %g: tensor<1x8xf32>)
    -> tensor<1x8x4x4xf32> {
  // expected-error @+1 {{'norm.instance_norm' op operand #1 must be 1D tensor of 32-bit float or 16-bit float or bfloat16 type values, but got 'tensor<1x8xf32>'}}
  %y = norm.instance_norm %x scale(%g) eps = 1.0e-05
      : (tensor<1x8x4x4xf32>, tensor<1x8xf32>) -> tensor<1x8x4x4xf32>
  return %y : tensor<1x8x4x4xf32>
}

// -----

func.func @instance_norm_epsilon_zero(%x: tensor<1x8x4x4xf32>) -> tensor<1x8x4x4xf32> {
  // expected-error @+1 {{'norm.instance_norm' op attribute 'epsilon' failed to satisfy constraint: 32-bit float attribute whose value is positive}}
  %y = norm.instance_norm %x eps = 0.0 : (tensor<1x8x4x4xf32>) -> tensor<1x8x4x4xf32>
  return %y : tensor<1x8x4x4xf32>
}

// -----

func.func @instance_norm_epsilon_negative(%x: tensor<1x8x4x4xf32>) -> tensor<1x8x4x4xf32> {
  // expected-error @+1 {{'norm.instance_norm' op attribute 'epsilon' failed to satisfy constraint: 32-bit float attribute whose value is positive}}
  %y = norm.instance_norm %x eps = -1.0e-05 : (tensor<1x8x4x4xf32>) -> tensor<1x8x4x4xf32>
  return %y : tensor<1x8x4x4xf32>
}

// -----

func.func @instance_norm_result_type(%x: tensor<1x8x4x4xf32>) -> tensor<1x8x4x5xf32> {
  // expected-error @+1 {{'norm.instance_norm' op failed to verify that all of {x, y} have same type}}
  %y = norm.instance_norm %x eps = 1.0e-05 : (tensor<1x8x4x4xf32>) -> tensor<1x8x4x5xf32>
  return %y : tensor<1x8x4x5xf32>
}

// -----

func.func @instance_norm_f64(%x: tensor<1x8x4x4xf64>) -> tensor<1x8x4x4xf64> {
  // expected-error @+1 {{'norm.instance_norm' op operand #0 must be ranked tensor of 32-bit float or 16-bit float or bfloat16 type values, but got 'tensor<1x8x4x4xf64>'}}
  %y = norm.instance_norm %x eps = 1.0e-05 : (tensor<1x8x4x4xf64>) -> tensor<1x8x4x4xf64>
  return %y : tensor<1x8x4x4xf64>
}

// -----

func.func @instance_norm_unranked(%x: tensor<*xf32>) -> tensor<*xf32> {
  // expected-error @+1 {{'norm.instance_norm' op operand #0 must be ranked tensor of 32-bit float or 16-bit float or bfloat16 type values, but got 'tensor<*xf32>'}}
  %y = norm.instance_norm %x eps = 1.0e-05 : (tensor<*xf32>) -> tensor<*xf32>
  return %y : tensor<*xf32>
}

//===----------------------------------------------------------------------===//
// norm.group_norm
//===----------------------------------------------------------------------===//

// -----

func.func @group_norm_rank(%x: tensor<8xf32>) -> tensor<8xf32> {
  // expected-error @+1 {{'norm.group_norm' op expects x of rank 2 to 5 ([N, C, spatial...]), got rank 1}}
  %y = norm.group_norm %x groups = 2 eps = 1.0e-05 : (tensor<8xf32>) -> tensor<8xf32>
  return %y : tensor<8xf32>
}

// -----

func.func @group_norm_groups_do_not_divide(%x: tensor<2x8x4x4xf32>) -> tensor<2x8x4x4xf32> {
  // expected-error @+1 {{'norm.group_norm' op groups = 3 does not divide the 8 channels of x}}
  %y = norm.group_norm %x groups = 3 eps = 1.0e-05 : (tensor<2x8x4x4xf32>) -> tensor<2x8x4x4xf32>
  return %y : tensor<2x8x4x4xf32>
}

// -----

func.func @group_norm_groups_zero(%x: tensor<2x8x4x4xf32>) -> tensor<2x8x4x4xf32> {
  // expected-error @+1 {{'norm.group_norm' op attribute 'groups' failed to satisfy constraint: 64-bit signless integer attribute whose value is positive}}
  %y = norm.group_norm %x groups = 0 eps = 1.0e-05 : (tensor<2x8x4x4xf32>) -> tensor<2x8x4x4xf32>
  return %y : tensor<2x8x4x4xf32>
}

// -----

func.func @group_norm_scale_channels(%x: tensor<2x8x4x4xf32>, %g: tensor<2xf32>)
    -> tensor<2x8x4x4xf32> {
  // expected-error @+1 {{'norm.group_norm' op scale has 2 elements but x has 8 channels}}
  %y = norm.group_norm %x groups = 2 scale(%g) eps = 1.0e-05
      : (tensor<2x8x4x4xf32>, tensor<2xf32>) -> tensor<2x8x4x4xf32>
  return %y : tensor<2x8x4x4xf32>
}

// -----

func.func @group_norm_bias_channels(%x: tensor<2x8x4x4xf32>, %b: tensor<4xf32>)
    -> tensor<2x8x4x4xf32> {
  // expected-error @+1 {{'norm.group_norm' op bias has 4 elements but x has 8 channels}}
  %y = norm.group_norm %x groups = 2 bias(%b) eps = 1.0e-05
      : (tensor<2x8x4x4xf32>, tensor<4xf32>) -> tensor<2x8x4x4xf32>
  return %y : tensor<2x8x4x4xf32>
}

// -----

func.func @group_norm_epsilon_negative(%x: tensor<2x8x4x4xf32>) -> tensor<2x8x4x4xf32> {
  // expected-error @+1 {{'norm.group_norm' op attribute 'epsilon' failed to satisfy constraint: 32-bit float attribute whose value is positive}}
  %y = norm.group_norm %x groups = 2 eps = -0.5 : (tensor<2x8x4x4xf32>) -> tensor<2x8x4x4xf32>
  return %y : tensor<2x8x4x4xf32>
}

//===----------------------------------------------------------------------===//
// norm.layer_norm
//===----------------------------------------------------------------------===//

// -----

func.func @layer_norm_rank0(%x: tensor<f32>) -> tensor<f32> {
  // expected-error @+1 {{'norm.layer_norm' op expects x of rank 1 to 8, got rank 0}}
  %y = norm.layer_norm %x axis = 0 eps = 1.0e-05 : (tensor<f32>) -> tensor<f32>
  return %y : tensor<f32>
}

// -----

func.func @layer_norm_rank9(%x: tensor<1x1x1x1x1x1x1x1x2xf32>) -> tensor<1x1x1x1x1x1x1x1x2xf32> {
  // expected-error @+1 {{'norm.layer_norm' op expects x of rank 1 to 8, got rank 9}}
  %y = norm.layer_norm %x axis = 8 eps = 1.0e-05
      : (tensor<1x1x1x1x1x1x1x1x2xf32>) -> tensor<1x1x1x1x1x1x1x1x2xf32>
  return %y : tensor<1x1x1x1x1x1x1x1x2xf32>
}

// -----

func.func @layer_norm_axis_out_of_range(%x: tensor<4x64x8x8xf32>) -> tensor<4x64x8x8xf32> {
  // expected-error @+1 {{'norm.layer_norm' op axis = 4 is out of range for x of rank 4}}
  %y = norm.layer_norm %x axis = 4 eps = 1.0e-05 : (tensor<4x64x8x8xf32>) -> tensor<4x64x8x8xf32>
  return %y : tensor<4x64x8x8xf32>
}

// -----

func.func @layer_norm_axis_negative(%x: tensor<4x64x8x8xf32>) -> tensor<4x64x8x8xf32> {
  // expected-error @+1 {{'norm.layer_norm' op attribute 'axis' failed to satisfy constraint: 64-bit signless integer attribute whose value is non-negative}}
  %y = norm.layer_norm %x axis = -1 eps = 1.0e-05 : (tensor<4x64x8x8xf32>) -> tensor<4x64x8x8xf32>
  return %y : tensor<4x64x8x8xf32>
}

// -----

func.func @layer_norm_scale_rank(%x: tensor<4x64x8x8xf32>, %g: tensor<64xf32>)
    -> tensor<4x64x8x8xf32> {
  // expected-error @+1 {{'norm.layer_norm' op scale must have rank 3 (the dimensions of x from axis 1), got rank 1}}
  %y = norm.layer_norm %x axis = 1 scale(%g) eps = 1.0e-05
      : (tensor<4x64x8x8xf32>, tensor<64xf32>) -> tensor<4x64x8x8xf32>
  return %y : tensor<4x64x8x8xf32>
}

// -----

func.func @layer_norm_scale_dim(%x: tensor<4x64x8x8xf32>, %g: tensor<64x4x8xf32>)
    -> tensor<4x64x8x8xf32> {
  // expected-error @+1 {{'norm.layer_norm' op scale dimension 1 is 4 but x dimension 2 is 8}}
  %y = norm.layer_norm %x axis = 1 scale(%g) eps = 1.0e-05
      : (tensor<4x64x8x8xf32>, tensor<64x4x8xf32>) -> tensor<4x64x8x8xf32>
  return %y : tensor<4x64x8x8xf32>
}

// -----

func.func @layer_norm_bias_rank(%x: tensor<2x128x768xf32>, %b: tensor<128x768xf32>)
    -> tensor<2x128x768xf32> {
  // expected-error @+1 {{'norm.layer_norm' op bias must have rank 1 (the dimensions of x from axis 2), got rank 2}}
  %y = norm.layer_norm %x axis = 2 bias(%b) eps = 1.0e-05
      : (tensor<2x128x768xf32>, tensor<128x768xf32>) -> tensor<2x128x768xf32>
  return %y : tensor<2x128x768xf32>
}

// -----

func.func @layer_norm_bias_dim(%x: tensor<2x128x768xf32>, %b: tensor<512xf32>)
    -> tensor<2x128x768xf32> {
  // expected-error @+1 {{'norm.layer_norm' op bias dimension 0 is 512 but x dimension 2 is 768}}
  %y = norm.layer_norm %x axis = 2 bias(%b) eps = 1.0e-05
      : (tensor<2x128x768xf32>, tensor<512xf32>) -> tensor<2x128x768xf32>
  return %y : tensor<2x128x768xf32>
}

// -----

func.func @layer_norm_epsilon_zero(%x: tensor<2x128xf32>) -> tensor<2x128xf32> {
  // expected-error @+1 {{'norm.layer_norm' op attribute 'epsilon' failed to satisfy constraint: 32-bit float attribute whose value is positive}}
  %y = norm.layer_norm %x axis = 1 eps = 0.0 : (tensor<2x128xf32>) -> tensor<2x128xf32>
  return %y : tensor<2x128xf32>
}

//===----------------------------------------------------------------------===//
// norm.moments
//===----------------------------------------------------------------------===//

// -----

func.func @moments_no_dims(%x: tensor<1x8x4x4xf32>) -> tensor<1x8x4x4xf32> {
  // expected-error @+1 {{'norm.moments' op needs at least one dimension to reduce}}
  %m, %r = norm.moments %x dims = [] groups = 1 eps = 1.0e-05
      : tensor<1x8x4x4xf32> -> tensor<1x8x4x4xf32>, tensor<1x8x4x4xf32>
  return %m : tensor<1x8x4x4xf32>
}

// -----

func.func @moments_dim_too_large(%x: tensor<1x8x4x4xf32>) -> tensor<1x8x1x1xf32> {
  // expected-error @+1 {{'norm.moments' op reduced dimension 4 is out of range for x of rank 4}}
  %m, %r = norm.moments %x dims = [2, 4] groups = 1 eps = 1.0e-05
      : tensor<1x8x4x4xf32> -> tensor<1x8x1x1xf32>, tensor<1x8x1x1xf32>
  return %m : tensor<1x8x1x1xf32>
}

// -----

func.func @moments_dim_negative(%x: tensor<1x8x4x4xf32>) -> tensor<1x8x4x1xf32> {
  // expected-error @+1 {{'norm.moments' op reduced dimension -1 is out of range for x of rank 4}}
  %m, %r = norm.moments %x dims = [-1] groups = 1 eps = 1.0e-05
      : tensor<1x8x4x4xf32> -> tensor<1x8x4x1xf32>, tensor<1x8x4x1xf32>
  return %m : tensor<1x8x4x1xf32>
}

// -----

func.func @moments_dims_decreasing(%x: tensor<1x8x4x4xf32>) -> tensor<1x8x1x1xf32> {
  // expected-error @+1 {{'norm.moments' op reduced dimensions must be strictly increasing}}
  %m, %r = norm.moments %x dims = [3, 2] groups = 1 eps = 1.0e-05
      : tensor<1x8x4x4xf32> -> tensor<1x8x1x1xf32>, tensor<1x8x1x1xf32>
  return %m : tensor<1x8x1x1xf32>
}

// -----

func.func @moments_dims_repeated(%x: tensor<1x8x4x4xf32>) -> tensor<1x8x1x4xf32> {
  // expected-error @+1 {{'norm.moments' op reduced dimensions must be strictly increasing}}
  %m, %r = norm.moments %x dims = [2, 2] groups = 1 eps = 1.0e-05
      : tensor<1x8x4x4xf32> -> tensor<1x8x1x4xf32>, tensor<1x8x1x4xf32>
  return %m : tensor<1x8x1x4xf32>
}

// -----

func.func @moments_groups_channel_reduced(%x: tensor<1x8x4x4xf32>) -> tensor<1x1x1x1xf32> {
  // expected-error @+1 {{'norm.moments' op groups = 2 needs a channel dimension 1 that is not reduced}}
  %m, %r = norm.moments %x dims = [1, 2, 3] groups = 2 eps = 1.0e-05
      : tensor<1x8x4x4xf32> -> tensor<1x1x1x1xf32>, tensor<1x1x1x1xf32>
  return %m : tensor<1x1x1x1xf32>
}

// -----

func.func @moments_groups_rank1(%x: tensor<8xf32>) -> tensor<1xf32> {
  // expected-error @+1 {{'norm.moments' op groups = 2 needs a channel dimension 1 that is not reduced}}
  %m, %r = norm.moments %x dims = [0] groups = 2 eps = 1.0e-05
      : tensor<8xf32> -> tensor<1xf32>, tensor<1xf32>
  return %m : tensor<1xf32>
}

// -----

func.func @moments_groups_do_not_divide(%x: tensor<2x8x4x4xf32>) -> tensor<2x8x1x1xf32> {
  // expected-error @+1 {{'norm.moments' op groups = 3 does not divide the 8 channels of x}}
  %m, %r = norm.moments %x dims = [2, 3] groups = 3 eps = 1.0e-05
      : tensor<2x8x4x4xf32> -> tensor<2x8x1x1xf32>, tensor<2x8x1x1xf32>
  return %m : tensor<2x8x1x1xf32>
}

// -----

func.func @moments_groups_zero(%x: tensor<2x8x4x4xf32>) -> tensor<2x8x1x1xf32> {
  // expected-error @+1 {{'norm.moments' op attribute 'groups' failed to satisfy constraint: 64-bit signless integer attribute whose value is positive}}
  %m, %r = norm.moments %x dims = [2, 3] groups = 0 eps = 1.0e-05
      : tensor<2x8x4x4xf32> -> tensor<2x8x1x1xf32>, tensor<2x8x1x1xf32>
  return %m : tensor<2x8x1x1xf32>
}

// -----

func.func @moments_epsilon_zero(%x: tensor<2x8x4x4xf32>) -> tensor<2x8x1x1xf32> {
  // expected-error @+1 {{'norm.moments' op attribute 'epsilon' failed to satisfy constraint: 32-bit float attribute whose value is positive}}
  %m, %r = norm.moments %x dims = [2, 3] groups = 1 eps = 0.0
      : tensor<2x8x4x4xf32> -> tensor<2x8x1x1xf32>, tensor<2x8x1x1xf32>
  return %m : tensor<2x8x1x1xf32>
}

// -----

func.func @moments_mean_rstd_types(%x: tensor<2x8x4x4xf32>) -> tensor<2x8x1x1xf32> {
  // expected-error @+1 {{'norm.moments' op mean and rstd must have the same type}}
  %m, %r = norm.moments %x dims = [2, 3] groups = 1 eps = 1.0e-05
      : tensor<2x8x4x4xf32> -> tensor<2x8x1x1xf32>, tensor<2x8x1xf32>
  return %m : tensor<2x8x1x1xf32>
}

// -----

func.func @moments_result_rank(%x: tensor<2x8x4x4xf32>) -> tensor<2x8xf32> {
  // expected-error @+1 {{'norm.moments' op results must have the rank of x (4), got rank 2}}
  %m, %r = norm.moments %x dims = [2, 3] groups = 1 eps = 1.0e-05
      : tensor<2x8x4x4xf32> -> tensor<2x8xf32>, tensor<2x8xf32>
  return %m : tensor<2x8xf32>
}

// -----

func.func @moments_result_not_keep_dims(%x: tensor<2x8x4x4xf32>) -> tensor<2x8x4x1xf32> {
  // expected-error @+1 {{'norm.moments' op result dimension 2 is reduced and must be 1, got 4}}
  %m, %r = norm.moments %x dims = [2, 3] groups = 1 eps = 1.0e-05
      : tensor<2x8x4x4xf32> -> tensor<2x8x4x1xf32>, tensor<2x8x4x1xf32>
  return %m : tensor<2x8x4x1xf32>
}

// -----

func.func @moments_result_reduced_dynamic(%x: tensor<2x8x4x4xf32>) -> tensor<2x8x1x?xf32> {
  // expected-error @+1 {{'norm.moments' op result dimension 3 is reduced and must be 1, got ?}}
  %m, %r = norm.moments %x dims = [2, 3] groups = 1 eps = 1.0e-05
      : tensor<2x8x4x4xf32> -> tensor<2x8x1x?xf32>, tensor<2x8x1x?xf32>
  return %m : tensor<2x8x1x?xf32>
}

// -----

func.func @moments_result_kept_dim(%x: tensor<2x8x4x4xf32>) -> tensor<2x4x1x1xf32> {
  // expected-error @+1 {{'norm.moments' op result dimension 1 is 4 but x dimension 1 is 8}}
  %m, %r = norm.moments %x dims = [2, 3] groups = 1 eps = 1.0e-05
      : tensor<2x8x4x4xf32> -> tensor<2x4x1x1xf32>, tensor<2x4x1x1xf32>
  return %m : tensor<2x4x1x1xf32>
}

// -----

// f16 data is fine, but statistics are always f32.
func.func @moments_f16_results(%x: tensor<2x8x4x4xf16>) -> tensor<2x8x1x1xf16> {
  // expected-error @+1 {{'norm.moments' op result #0 must be ranked tensor of 32-bit float values, but got 'tensor<2x8x1x1xf16>'}}
  %m, %r = norm.moments %x dims = [2, 3] groups = 1 eps = 1.0e-05
      : tensor<2x8x4x4xf16> -> tensor<2x8x1x1xf16>, tensor<2x8x1x1xf16>
  return %m : tensor<2x8x1x1xf16>
}

//===----------------------------------------------------------------------===//
// norm.modulate: each operand must broadcast against x
//===----------------------------------------------------------------------===//

// -----

func.func @modulate_mean_rank(%x: tensor<1x8x4x4xf32>, %m: tensor<8xf32>,
                              %r: tensor<1x8x1x1xf32>) -> tensor<1x8x4x4xf32> {
  // expected-error @+1 {{'norm.modulate' op mean must have the rank of x (4), got rank 1}}
  %y = norm.modulate %x, %m, %r
      : (tensor<1x8x4x4xf32>, tensor<8xf32>, tensor<1x8x1x1xf32>) -> tensor<1x8x4x4xf32>
  return %y : tensor<1x8x4x4xf32>
}

// -----

func.func @modulate_mean_dim(%x: tensor<1x8x4x4xf32>, %m: tensor<1x4x1x1xf32>,
                             %r: tensor<1x8x1x1xf32>) -> tensor<1x8x4x4xf32> {
  // expected-error @+1 {{'norm.modulate' op mean dimension 1 is 4, expected 1 or 8 to broadcast against x}}
  %y = norm.modulate %x, %m, %r
      : (tensor<1x8x4x4xf32>, tensor<1x4x1x1xf32>, tensor<1x8x1x1xf32>) -> tensor<1x8x4x4xf32>
  return %y : tensor<1x8x4x4xf32>
}

// -----

func.func @modulate_rstd_rank(%x: tensor<1x8x4x4xf32>, %m: tensor<1x8x1x1xf32>,
                              %r: tensor<1x8x1xf32>) -> tensor<1x8x4x4xf32> {
  // expected-error @+1 {{'norm.modulate' op rstd must have the rank of x (4), got rank 3}}
  %y = norm.modulate %x, %m, %r
      : (tensor<1x8x4x4xf32>, tensor<1x8x1x1xf32>, tensor<1x8x1xf32>) -> tensor<1x8x4x4xf32>
  return %y : tensor<1x8x4x4xf32>
}

// -----

func.func @modulate_rstd_dim(%x: tensor<2x8x4x4xf32>, %m: tensor<2x8x1x1xf32>,
                             %r: tensor<3x8x1x1xf32>) -> tensor<2x8x4x4xf32> {
  // expected-error @+1 {{'norm.modulate' op rstd dimension 0 is 3, expected 1 or 2 to broadcast against x}}
  %y = norm.modulate %x, %m, %r
      : (tensor<2x8x4x4xf32>, tensor<2x8x1x1xf32>, tensor<3x8x1x1xf32>) -> tensor<2x8x4x4xf32>
  return %y : tensor<2x8x4x4xf32>
}

// -----

func.func @modulate_scale_rank(%x: tensor<1x8x4x4xf32>, %m: tensor<1x8x1x1xf32>,
                               %r: tensor<1x8x1x1xf32>, %g: tensor<8xf32>)
    -> tensor<1x8x4x4xf32> {
  // expected-error @+1 {{'norm.modulate' op scale must have the rank of x (4), got rank 1}}
  %y = norm.modulate %x, %m, %r scale(%g)
      : (tensor<1x8x4x4xf32>, tensor<1x8x1x1xf32>, tensor<1x8x1x1xf32>, tensor<8xf32>)
      -> tensor<1x8x4x4xf32>
  return %y : tensor<1x8x4x4xf32>
}

// -----

func.func @modulate_scale_dim(%x: tensor<1x8x4x4xf32>, %m: tensor<1x8x1x1xf32>,
                              %r: tensor<1x8x1x1xf32>, %g: tensor<1x8x4x2xf32>)
    -> tensor<1x8x4x4xf32> {
  // expected-error @+1 {{'norm.modulate' op scale dimension 3 is 2, expected 1 or 4 to broadcast against x}}
  %y = norm.modulate %x, %m, %r scale(%g)
      : (tensor<1x8x4x4xf32>, tensor<1x8x1x1xf32>, tensor<1x8x1x1xf32>, tensor<1x8x4x2xf32>)
      -> tensor<1x8x4x4xf32>
  return %y : tensor<1x8x4x4xf32>
}

// -----

func.func @modulate_shift_rank(%x: tensor<1x8x4x4xf32>, %m: tensor<1x8x1x1xf32>,
                               %r: tensor<1x8x1x1xf32>, %b: tensor<1x8x1x1x1xf32>)
    -> tensor<1x8x4x4xf32> {
  // expected-error @+1 {{'norm.modulate' op shift must have the rank of x (4), got rank 5}}
  %y = norm.modulate %x, %m, %r shift(%b)
      : (tensor<1x8x4x4xf32>, tensor<1x8x1x1xf32>, tensor<1x8x1x1xf32>, tensor<1x8x1x1x1xf32>)
      -> tensor<1x8x4x4xf32>
  return %y : tensor<1x8x4x4xf32>
}

// -----

func.func @modulate_shift_dim(%x: tensor<?x8x4x4xf32>, %m: tensor<1x8x1x1xf32>,
                              %r: tensor<1x8x1x1xf32>, %b: tensor<1x?x3x1xf32>)
    -> tensor<?x8x4x4xf32> {
  // expected-error @+1 {{'norm.modulate' op shift dimension 2 is 3, expected 1 or 4 to broadcast against x}}
  %y = norm.modulate %x, %m, %r shift(%b)
      : (tensor<?x8x4x4xf32>, tensor<1x8x1x1xf32>, tensor<1x8x1x1xf32>, tensor<1x?x3x1xf32>)
      -> tensor<?x8x4x4xf32>
  return %y : tensor<?x8x4x4xf32>
}

// -----

func.func @modulate_dim_against_dynamic(%x: tensor<1x8x?x4xf32>, %m: tensor<1x8x1x1xf32>,
                                        %r: tensor<1x8x1x1xf32>, %b: tensor<1x?x1x8xf32>)
    -> tensor<1x8x?x4xf32> {
  // expected-error @+1 {{'norm.modulate' op shift dimension 3 is 8, expected 1 or 4 to broadcast against x}}
  %y = norm.modulate %x, %m, %r shift(%b)
      : (tensor<1x8x?x4xf32>, tensor<1x8x1x1xf32>, tensor<1x8x1x1xf32>, tensor<1x?x1x8xf32>)
      -> tensor<1x8x?x4xf32>
  return %y : tensor<1x8x?x4xf32>
}

// -----

func.func @modulate_result_type(%x: tensor<1x8x4x4xf32>, %m: tensor<1x8x1x1xf32>,
                                %r: tensor<1x8x1x1xf32>) -> tensor<1x8x4x1xf32> {
  // expected-error @+1 {{'norm.modulate' op failed to verify that all of {x, y} have same type}}
  %y = norm.modulate %x, %m, %r
      : (tensor<1x8x4x4xf32>, tensor<1x8x1x1xf32>, tensor<1x8x1x1xf32>) -> tensor<1x8x4x1xf32>
  return %y : tensor<1x8x4x1xf32>
}

//===----------------------------------------------------------------------===//
// Activations
//===----------------------------------------------------------------------===//

// -----

func.func @relu_i32(%x: tensor<1x8x4x4xi32>) -> tensor<1x8x4x4xi32> {
  // expected-error @+1 {{'norm.relu' op operand #0 must be ranked tensor of 32-bit float or 16-bit float or bfloat16 type values, but got 'tensor<1x8x4x4xi32>'}}
  %y = norm.relu %x : tensor<1x8x4x4xi32>
  return %y : tensor<1x8x4x4xi32>
}

// -----

func.func @gelu_f64(%x: tensor<4xf64>) -> tensor<4xf64> {
  // expected-error @+1 {{'norm.gelu' op operand #0 must be ranked tensor of 32-bit float or 16-bit float or bfloat16 type values, but got 'tensor<4xf64>'}}
  %y = norm.gelu %x tanh_approximation : tensor<4xf64>
  return %y : tensor<4xf64>
}

// -----

func.func @silu_result_type(%x: tensor<4xf32>) -> tensor<8xf32> {
  // expected-error @+1 {{'norm.silu' op requires the same type for all operands and results}}
  %y = "norm.silu"(%x) : (tensor<4xf32>) -> tensor<8xf32>
  return %y : tensor<8xf32>
}

// -----

func.func @leaky_relu_alpha_type(%x: tensor<4xf32>) -> tensor<4xf32> {
  // expected-error @+1 {{'norm.leaky_relu' op attribute 'alpha' failed to satisfy constraint: 32-bit float attribute}}
  %y = "norm.leaky_relu"(%x) {alpha = 1 : i32} : (tensor<4xf32>) -> tensor<4xf32>
  return %y : tensor<4xf32>
}

//===----------------------------------------------------------------------===//
// norm.kernel / norm.yield
//===----------------------------------------------------------------------===//

// -----

func.func @kernel_yield_count(%x: tensor<1x8x4x4xf32>) -> tensor<1x8x4x4xf32> {
  // expected-error @+1 {{'norm.kernel' op yields 0 values whose types differ from its 1 results}}
  %k = norm.kernel "k" -> tensor<1x8x4x4xf32> {
    norm.yield
  }
  return %k : tensor<1x8x4x4xf32>
}

// -----

func.func @kernel_yield_type(%x: tensor<1x8x4x4xf32>) -> tensor<1x8x4x1xf32> {
  // expected-error @+1 {{'norm.kernel' op yields 1 values whose types differ from its 1 results}}
  %k = norm.kernel "k" -> tensor<1x8x4x1xf32> {
    %y = norm.relu %x : tensor<1x8x4x4xf32>
    norm.yield %y : tensor<1x8x4x4xf32>
  }
  return %k : tensor<1x8x4x1xf32>
}

// -----

func.func @kernel_bad_role(%x: tensor<1x8x4x4xf32>) -> tensor<1x8x4x4xf32> {
  // expected-error @+1 {{'norm.kernel' op role 'fast' is not a kernel group role (expected conv_norm, conv, norm, elementwise)}}
  %k = norm.kernel "k" -> tensor<1x8x4x4xf32> attributes {role = "fast"} {
    %y = norm.relu %x : tensor<1x8x4x4xf32>
    norm.yield %y : tensor<1x8x4x4xf32>
  }
  return %k : tensor<1x8x4x4xf32>
}

// -----

func.func @yield_outside_kernel(%x: tensor<4xf32>) -> tensor<4xf32> {
  // expected-error @+1 {{'norm.yield' op expects parent op 'norm.kernel'}}
  "norm.yield"(%x) : (tensor<4xf32>) -> ()
  return %x : tensor<4xf32>
}

// -----

func.func @adain_style_rank(%c: tensor<1x4x8x8xf32>, %s: tensor<1x4x8xf32>) -> tensor<1x4x8x8xf32> {
  // expected-error @+1 {{'norm.adain' op style must have the rank of content (4), got rank 3}}
  %y = norm.adain %c, %s alpha = 1.0 eps = 1.0e-05 : (tensor<1x4x8x8xf32>, tensor<1x4x8xf32>) -> tensor<1x4x8x8xf32>
  return %y : tensor<1x4x8x8xf32>
}

// -----

func.func @adain_style_channels(%c: tensor<1x4x8x8xf32>, %s: tensor<1x3x8x8xf32>) -> tensor<1x4x8x8xf32> {
  // expected-error @+1 {{'norm.adain' op style has 3 channels but content has 4}}
  %y = norm.adain %c, %s alpha = 1.0 eps = 1.0e-05 : (tensor<1x4x8x8xf32>, tensor<1x3x8x8xf32>) -> tensor<1x4x8x8xf32>
  return %y : tensor<1x4x8x8xf32>
}

// -----

func.func @adain_style_batch(%c: tensor<3x4x8x8xf32>, %s: tensor<2x4x8x8xf32>) -> tensor<3x4x8x8xf32> {
  // expected-error @+1 {{'norm.adain' op style batch is 2, expected 1 or the content batch 3}}
  %y = norm.adain %c, %s alpha = 1.0 eps = 1.0e-05 : (tensor<3x4x8x8xf32>, tensor<2x4x8x8xf32>) -> tensor<3x4x8x8xf32>
  return %y : tensor<3x4x8x8xf32>
}

// -----

func.func @adain_alpha(%c: tensor<1x4x8x8xf32>, %s: tensor<1x4x8x8xf32>) -> tensor<1x4x8x8xf32> {
  // expected-error @+1 {{'norm.adain' op attribute 'alpha' failed to satisfy constraint: 32-bit float attribute whose value is in [0, 1]}}
  %y = norm.adain %c, %s alpha = 1.5 eps = 1.0e-05 : (tensor<1x4x8x8xf32>, tensor<1x4x8x8xf32>) -> tensor<1x4x8x8xf32>
  return %y : tensor<1x4x8x8xf32>
}

// -----

func.func @adain_rank(%c: tensor<4x8xf32>, %s: tensor<4x8xf32>) -> tensor<4x8xf32> {
  // expected-error @+1 {{'norm.adain' op expects x of rank 3 to 5 ([N, C, spatial...]), got rank 2}}
  %y = norm.adain %c, %s alpha = 1.0 eps = 1.0e-05 : (tensor<4x8xf32>, tensor<4x8xf32>) -> tensor<4x8xf32>
  return %y : tensor<4x8xf32>
}

// -----

func.func @add_broadcast(%a: tensor<2x4x1x1xf32>, %b: tensor<2x3x1x1xf32>) -> tensor<2x4x1x1xf32> {
  // expected-error @+1 {{'norm.add' op rhs dimension 1 is 3, expected 1 or 4 to broadcast against the result}}
  %y = norm.add %a, %b : (tensor<2x4x1x1xf32>, tensor<2x3x1x1xf32>) -> tensor<2x4x1x1xf32>
  return %y : tensor<2x4x1x1xf32>
}

// -----

func.func @mul_result_shape(%a: tensor<1x4x1x1xf32>, %b: tensor<1x4x1x1xf32>) -> tensor<2x4x1x1xf32> {
  // expected-error @+1 {{'norm.mul' op result dimension 0 is 2 but the operands broadcast to 1}}
  %y = norm.mul %a, %b : (tensor<1x4x1x1xf32>, tensor<1x4x1x1xf32>) -> tensor<2x4x1x1xf32>
  return %y : tensor<2x4x1x1xf32>
}

// -----

func.func @add_rank(%a: tensor<4xf32>, %b: tensor<1x4xf32>) -> tensor<1x4xf32> {
  // expected-error @+1 {{'norm.add' op lhs must have the rank of the result (2), got rank 1}}
  %y = norm.add %a, %b : (tensor<4xf32>, tensor<1x4xf32>) -> tensor<1x4xf32>
  return %y : tensor<1x4xf32>
}

// -----

func.func @spade_rank(%x: tensor<4x8xf32>, %g: tensor<4x8xf32>, %b: tensor<4x8xf32>) -> tensor<4x8xf32> {
  // expected-error @+1 {{'norm.spade' op expects x of rank 3 to 5 ([N, C, spatial...]), got rank 2}}
  %y = norm.spade %x, %g, %b eps = 1.0e-05 : tensor<4x8xf32>
  return %y : tensor<4x8xf32>
}

// -----

func.func @spade_map_type(%x: tensor<1x4x8x8xf32>, %g: tensor<1x4x1x1xf32>, %b: tensor<1x4x8x8xf32>) -> tensor<1x4x8x8xf32> {
  // expected-error @+1 {{'norm.spade' op failed to verify that all of {x, y, gamma, beta} have same type}}
  %y = "norm.spade"(%x, %g, %b) {epsilon = 1.0e-05 : f32} : (tensor<1x4x8x8xf32>, tensor<1x4x1x1xf32>, tensor<1x4x8x8xf32>) -> tensor<1x4x8x8xf32>
  return %y : tensor<1x4x8x8xf32>
}

// -----

func.func @batch_norm_channels(%x: tensor<2x4x8x8xf32>, %m: tensor<3xf32>) -> tensor<2x4x8x8xf32> {
  // expected-error @+1 {{'norm.batch_norm' op running_mean has 3 elements but x has 4 channels}}
  %y = norm.batch_norm %x, %m, %m eps = 1.0e-05 : (tensor<2x4x8x8xf32>, tensor<3xf32>, tensor<3xf32>) -> tensor<2x4x8x8xf32>
  return %y : tensor<2x4x8x8xf32>
}

// -----

func.func @batch_norm_train_momentum(%x: tensor<2x4x8x8xf32>, %m: tensor<4xf32>) -> tensor<2x4x8x8xf32> {
  // expected-error @+1 {{'norm.batch_norm_train' op attribute 'momentum' failed to satisfy constraint: 32-bit float attribute whose value is in [0, 1]}}
  %y, %a, %b = norm.batch_norm_train %x, %m, %m eps = 1.0e-05 momentum = 1.5 : (tensor<2x4x8x8xf32>, tensor<4xf32>, tensor<4xf32>) -> (tensor<2x4x8x8xf32>, tensor<4xf32>, tensor<4xf32>)
  return %y : tensor<2x4x8x8xf32>
}

// -----

func.func @batch_norm_train_scale(%x: tensor<2x4x8x8xf32>, %m: tensor<4xf32>, %g: tensor<5xf32>) -> tensor<2x4x8x8xf32> {
  // expected-error @+1 {{'norm.batch_norm_train' op scale has 5 elements but x has 4 channels}}
  %y, %a, %b = norm.batch_norm_train %x, %m, %m scale(%g) eps = 1.0e-05 momentum = 0.1 : (tensor<2x4x8x8xf32>, tensor<4xf32>, tensor<4xf32>, tensor<5xf32>) -> (tensor<2x4x8x8xf32>, tensor<4xf32>, tensor<4xf32>)
  return %y : tensor<2x4x8x8xf32>
}

// -----

func.func @cin_weight_rows(%x: tensor<2x4x8x8xf32>, %w: tensor<3x3xf32>, %t: tensor<3x4xf32>) -> tensor<2x4x8x8xf32> {
  // expected-error @+1 {{'norm.conditional_instance_norm' op weights have 3 rows but x has a batch of 2}}
  %y = norm.conditional_instance_norm %x, %w, %t, %t eps = 1.0e-05 : (tensor<2x4x8x8xf32>, tensor<3x3xf32>, tensor<3x4xf32>, tensor<3x4xf32>) -> tensor<2x4x8x8xf32>
  return %y : tensor<2x4x8x8xf32>
}

// -----

func.func @cin_table_width(%x: tensor<2x4x8x8xf32>, %w: tensor<2x3xf32>, %t: tensor<3x5xf32>) -> tensor<2x4x8x8xf32> {
  // expected-error @+1 {{'norm.conditional_instance_norm' op style tables have width 5 but x has 4 channels}}
  %y = norm.conditional_instance_norm %x, %w, %t, %t eps = 1.0e-05 : (tensor<2x4x8x8xf32>, tensor<2x3xf32>, tensor<3x5xf32>, tensor<3x5xf32>) -> tensor<2x4x8x8xf32>
  return %y : tensor<2x4x8x8xf32>
}

// -----

func.func @cin_styles(%x: tensor<2x4x8x8xf32>, %w: tensor<2x2xf32>, %t: tensor<3x4xf32>) -> tensor<2x4x8x8xf32> {
  // expected-error @+1 {{'norm.conditional_instance_norm' op weights mix 2 styles but the tables have 3 rows}}
  %y = norm.conditional_instance_norm %x, %w, %t, %t eps = 1.0e-05 : (tensor<2x4x8x8xf32>, tensor<2x2xf32>, tensor<3x4xf32>, tensor<3x4xf32>) -> tensor<2x4x8x8xf32>
  return %y : tensor<2x4x8x8xf32>
}

// -----

func.func @cin_table_rank(%x: tensor<2x4x8x8xf32>, %w: tensor<2x3xf32>, %t: tensor<4xf32>) -> tensor<2x4x8x8xf32> {
  // expected-error @+1 {{'norm.conditional_instance_norm' op weights [N, S] and tables [S, C] must have rank 2, got 2 and 1}}
  %y = norm.conditional_instance_norm %x, %w, %t, %t eps = 1.0e-05 : (tensor<2x4x8x8xf32>, tensor<2x3xf32>, tensor<4xf32>, tensor<4xf32>) -> tensor<2x4x8x8xf32>
  return %y : tensor<2x4x8x8xf32>
}

// -----

func.func @matmul_contract(%a: tensor<2x3xf32>, %b: tensor<4x5xf32>) -> tensor<2x5xf32> {
  // expected-error @+1 {{'norm.matmul' op contracts 3 columns with 4 rows}}
  %y = norm.matmul %a, %b : (tensor<2x3xf32>, tensor<4x5xf32>) -> tensor<2x5xf32>
  return %y : tensor<2x5xf32>
}

// -----

func.func @matmul_result(%a: tensor<2x3xf32>, %b: tensor<3x5xf32>) -> tensor<2x4xf32> {
  // expected-error @+1 {{'norm.matmul' op result must be 2x5}}
  %y = norm.matmul %a, %b : (tensor<2x3xf32>, tensor<3x5xf32>) -> tensor<2x4xf32>
  return %y : tensor<2x4xf32>
}

// -----

func.func @bin_rho(%x: tensor<2x4x8x8xf32>, %rho: tensor<3xf32>) -> tensor<2x4x8x8xf32> {
  // expected-error @+1 {{'norm.batch_instance_norm' op rho has 3 elements but x has 4 channels}}
  %y = norm.batch_instance_norm %x, %rho eps = 1.0e-05 : (tensor<2x4x8x8xf32>, tensor<3xf32>) -> tensor<2x4x8x8xf32>
  return %y : tensor<2x4x8x8xf32>
}

// -----

func.func @bin_running_pair(%x: tensor<2x4x8x8xf32>, %rho: tensor<4xf32>) -> tensor<2x4x8x8xf32> {
  // expected-error @+1 {{'norm.batch_instance_norm' op needs both running_mean and running_var, or neither}}
  %y = "norm.batch_instance_norm"(%x, %rho, %rho) {epsilon = 1.0e-05 : f32, operandSegmentSizes = array<i32: 1, 1, 1, 0, 0, 0>} : (tensor<2x4x8x8xf32>, tensor<4xf32>, tensor<4xf32>) -> tensor<2x4x8x8xf32>
  return %y : tensor<2x4x8x8xf32>
}

// -----

func.func @clamp_order(%x: tensor<4xf32>) -> tensor<4xf32> {
  // expected-error @+1 {{'norm.clamp' op min (1.000000e+00) is greater than max (0.000000e+00)}}
  %y = norm.clamp %x min = 1.0 max = 0.0 : tensor<4xf32>
  return %y : tensor<4xf32>
}

// -----

func.func @instance_norm_train_rank(%x: tensor<2x4xf32>, %m: tensor<4xf32>) -> tensor<2x4xf32> {
  // expected-error @+1 {{'norm.instance_norm_train' op expects x of rank 3 to 5 ([N, C, spatial...]), got rank 2}}
  %y, %a, %b = norm.instance_norm_train %x, %m, %m eps = 1.0e-05 momentum = 0.1 : (tensor<2x4xf32>, tensor<4xf32>, tensor<4xf32>) -> (tensor<2x4xf32>, tensor<4xf32>, tensor<4xf32>)
  return %y : tensor<2x4xf32>
}

// -----

func.func @instance_norm_train_channels(%x: tensor<2x4x8x8xf32>, %m: tensor<5xf32>) -> tensor<2x4x8x8xf32> {
  // expected-error @+1 {{'norm.instance_norm_train' op running_mean has 5 elements but x has 4 channels}}
  %y, %a, %b = norm.instance_norm_train %x, %m, %m eps = 1.0e-05 momentum = 0.1 : (tensor<2x4x8x8xf32>, tensor<5xf32>, tensor<5xf32>) -> (tensor<2x4x8x8xf32>, tensor<5xf32>, tensor<5xf32>)
  return %y : tensor<2x4x8x8xf32>
}

//===----------------------------------------------------------------------===//
// channels_last (NHWC): the channels are the last dimension
//===----------------------------------------------------------------------===//

// -----

func.func @channels_last_rank(%x: tensor<1x8xf32>) -> tensor<1x8xf32> {
  // expected-error @+1 {{'norm.instance_norm' op expects x of rank 3 to 5 ([N, spatial..., C]), got rank 2}}
  %y = norm.instance_norm %x eps = 1.0e-05 channels_last : (tensor<1x8xf32>) -> tensor<1x8xf32>
  return %y : tensor<1x8xf32>
}

// -----

// 8 would be the channels in NCHW; channels-last x has 4.
func.func @channels_last_scale(%x: tensor<1x8x8x4xf32>, %g: tensor<8xf32>) -> tensor<1x8x8x4xf32> {
  // expected-error @+1 {{'norm.instance_norm' op scale has 8 elements but x has 4 channels}}
  %y = norm.instance_norm %x scale(%g) eps = 1.0e-05 channels_last
      : (tensor<1x8x8x4xf32>, tensor<8xf32>) -> tensor<1x8x8x4xf32>
  return %y : tensor<1x8x8x4xf32>
}

// -----

func.func @channels_last_groups(%x: tensor<2x8x8x6xf32>) -> tensor<2x8x8x6xf32> {
  // expected-error @+1 {{'norm.group_norm' op groups = 4 does not divide the 6 channels of x}}
  %y = norm.group_norm %x groups = 4 eps = 1.0e-05 channels_last
      : (tensor<2x8x8x6xf32>) -> tensor<2x8x8x6xf32>
  return %y : tensor<2x8x8x6xf32>
}

// -----

func.func @channels_last_moments_groups(%x: tensor<2x8x8x6xf32>) -> tensor<2x8x8x1xf32> {
  // expected-error @+1 {{'norm.moments' op groups = 2 needs a channel dimension 3 that is not reduced}}
  %m, %r = norm.moments %x dims = [1, 2, 3] groups = 2 eps = 1.0e-05 channels_last
      : tensor<2x8x8x6xf32> -> tensor<2x1x1x1xf32>, tensor<2x1x1x1xf32>
  return %m : tensor<2x1x1x1xf32>
}

// -----

func.func @channels_last_adain(%c: tensor<1x8x8x4xf32>, %s: tensor<1x4x4x8xf32>) -> tensor<1x8x8x4xf32> {
  // expected-error @+1 {{'norm.adain' op style has 8 channels but content has 4}}
  %y = norm.adain %c, %s alpha = 1.0 eps = 1.0e-05 channels_last
      : (tensor<1x8x8x4xf32>, tensor<1x4x4x8xf32>) -> tensor<1x8x8x4xf32>
  return %y : tensor<1x8x8x4xf32>
}

// -----

func.func @channels_last_conditional(%x: tensor<2x8x8x4xf32>, %w: tensor<2x3xf32>, %t: tensor<3x8xf32>) -> tensor<2x8x8x4xf32> {
  // expected-error @+1 {{'norm.conditional_instance_norm' op style tables have width 8 but x has 4 channels}}
  %y = norm.conditional_instance_norm %x, %w, %t, %t eps = 1.0e-05 channels_last
      : (tensor<2x8x8x4xf32>, tensor<2x3xf32>, tensor<3x8xf32>, tensor<3x8xf32>) -> tensor<2x8x8x4xf32>
  return %y : tensor<2x8x8x4xf32>
}

// -----

func.func @channels_last_batch_norm(%x: tensor<2x8x8x4xf32>, %m: tensor<8xf32>) -> tensor<2x8x8x4xf32> {
  // expected-error @+1 {{'norm.batch_norm' op running_mean has 8 elements but x has 4 channels}}
  %y = norm.batch_norm %x, %m, %m eps = 1.0e-05 channels_last
      : (tensor<2x8x8x4xf32>, tensor<8xf32>, tensor<8xf32>) -> tensor<2x8x8x4xf32>
  return %y : tensor<2x8x8x4xf32>
}

//===----------------------------------------------------------------------===//
// norm.conv2d
//===----------------------------------------------------------------------===//

// -----

func.func @conv2d_rank(%x: tensor<8x4x4xf32>, %w: tensor<8x8x1x1xf32>) -> tensor<1x8x4x4xf32> {
  // expected-error @+1 {{'norm.conv2d' op expects x, weight and result of rank 4, got 3, 4 and 4}}
  %y = norm.conv2d %x, %w strides = [1, 1] padding = [0, 0, 0, 0] dilations = [1, 1] groups = 1
      : (tensor<8x4x4xf32>, tensor<8x8x1x1xf32>) -> tensor<1x8x4x4xf32>
  return %y : tensor<1x8x4x4xf32>
}

// -----

func.func @conv2d_weight_rank(%x: tensor<1x8x4x4xf32>, %w: tensor<8x8xf32>) -> tensor<1x8x4x4xf32> {
  // expected-error @+1 {{'norm.conv2d' op expects x, weight and result of rank 4, got 4, 2 and 4}}
  %y = norm.conv2d %x, %w strides = [1, 1] padding = [0, 0, 0, 0] dilations = [1, 1] groups = 1
      : (tensor<1x8x4x4xf32>, tensor<8x8xf32>) -> tensor<1x8x4x4xf32>
  return %y : tensor<1x8x4x4xf32>
}

// -----

func.func @conv2d_result_rank(%x: tensor<1x8x4x4xf32>, %w: tensor<8x8x1x1xf32>) -> tensor<8x4x4xf32> {
  // expected-error @+1 {{'norm.conv2d' op expects x, weight and result of rank 4, got 4, 4 and 3}}
  %y = norm.conv2d %x, %w strides = [1, 1] padding = [0, 0, 0, 0] dilations = [1, 1] groups = 1
      : (tensor<1x8x4x4xf32>, tensor<8x8x1x1xf32>) -> tensor<8x4x4xf32>
  return %y : tensor<8x4x4xf32>
}

// -----

func.func @conv2d_strides_count(%x: tensor<1x8x4x4xf32>, %w: tensor<8x8x1x1xf32>) -> tensor<1x8x4x4xf32> {
  // expected-error @+1 {{'norm.conv2d' op strides must have 2 entries, got 1}}
  %y = norm.conv2d %x, %w strides = [1] padding = [0, 0, 0, 0] dilations = [1, 1] groups = 1
      : (tensor<1x8x4x4xf32>, tensor<8x8x1x1xf32>) -> tensor<1x8x4x4xf32>
  return %y : tensor<1x8x4x4xf32>
}

// -----

func.func @conv2d_strides_zero(%x: tensor<1x8x4x4xf32>, %w: tensor<8x8x1x1xf32>) -> tensor<1x8x4x4xf32> {
  // expected-error @+1 {{'norm.conv2d' op strides entries must be >= 1, got 0}}
  %y = norm.conv2d %x, %w strides = [1, 0] padding = [0, 0, 0, 0] dilations = [1, 1] groups = 1
      : (tensor<1x8x4x4xf32>, tensor<8x8x1x1xf32>) -> tensor<1x8x4x4xf32>
  return %y : tensor<1x8x4x4xf32>
}

// -----

func.func @conv2d_padding_count(%x: tensor<1x8x4x4xf32>, %w: tensor<8x8x3x3xf32>) -> tensor<1x8x4x4xf32> {
  // expected-error @+1 {{'norm.conv2d' op padding must have 4 entries, got 2}}
  %y = norm.conv2d %x, %w strides = [1, 1] padding = [1, 1] dilations = [1, 1] groups = 1
      : (tensor<1x8x4x4xf32>, tensor<8x8x3x3xf32>) -> tensor<1x8x4x4xf32>
  return %y : tensor<1x8x4x4xf32>
}

// -----

func.func @conv2d_padding_negative(%x: tensor<1x8x4x4xf32>, %w: tensor<8x8x1x1xf32>) -> tensor<1x8x4x4xf32> {
  // expected-error @+1 {{'norm.conv2d' op padding entries must be >= 0, got -1}}
  %y = norm.conv2d %x, %w strides = [1, 1] padding = [0, -1, 0, 1] dilations = [1, 1] groups = 1
      : (tensor<1x8x4x4xf32>, tensor<8x8x1x1xf32>) -> tensor<1x8x4x4xf32>
  return %y : tensor<1x8x4x4xf32>
}

// -----

func.func @conv2d_dilations_count(%x: tensor<1x8x4x4xf32>, %w: tensor<8x8x1x1xf32>) -> tensor<1x8x4x4xf32> {
  // expected-error @+1 {{'norm.conv2d' op dilations must have 2 entries, got 3}}
  %y = norm.conv2d %x, %w strides = [1, 1] padding = [0, 0, 0, 0] dilations = [1, 1, 1] groups = 1
      : (tensor<1x8x4x4xf32>, tensor<8x8x1x1xf32>) -> tensor<1x8x4x4xf32>
  return %y : tensor<1x8x4x4xf32>
}

// -----

func.func @conv2d_dilations_zero(%x: tensor<1x8x4x4xf32>, %w: tensor<8x8x1x1xf32>) -> tensor<1x8x4x4xf32> {
  // expected-error @+1 {{'norm.conv2d' op dilations entries must be >= 1, got 0}}
  %y = norm.conv2d %x, %w strides = [1, 1] padding = [0, 0, 0, 0] dilations = [0, 1] groups = 1
      : (tensor<1x8x4x4xf32>, tensor<8x8x1x1xf32>) -> tensor<1x8x4x4xf32>
  return %y : tensor<1x8x4x4xf32>
}

// -----

func.func @conv2d_groups_zero(%x: tensor<1x8x4x4xf32>, %w: tensor<8x8x1x1xf32>) -> tensor<1x8x4x4xf32> {
  // expected-error @+1 {{'norm.conv2d' op attribute 'groups' failed to satisfy constraint: 64-bit signless integer attribute whose value is positive}}
  %y = norm.conv2d %x, %w strides = [1, 1] padding = [0, 0, 0, 0] dilations = [1, 1] groups = 0
      : (tensor<1x8x4x4xf32>, tensor<8x8x1x1xf32>) -> tensor<1x8x4x4xf32>
  return %y : tensor<1x8x4x4xf32>
}

// -----

func.func @conv2d_groups_input_channels(%x: tensor<1x6x4x4xf32>, %w: tensor<8x1x1x1xf32>) -> tensor<1x8x4x4xf32> {
  // expected-error @+1 {{'norm.conv2d' op groups = 4 does not divide the 6 input channels}}
  %y = norm.conv2d %x, %w strides = [1, 1] padding = [0, 0, 0, 0] dilations = [1, 1] groups = 4
      : (tensor<1x6x4x4xf32>, tensor<8x1x1x1xf32>) -> tensor<1x8x4x4xf32>
  return %y : tensor<1x8x4x4xf32>
}

// -----

func.func @conv2d_groups_output_channels(%x: tensor<1x8x4x4xf32>, %w: tensor<6x2x1x1xf32>) -> tensor<1x6x4x4xf32> {
  // expected-error @+1 {{'norm.conv2d' op groups = 4 does not divide the 6 output channels (weight dimension 0)}}
  %y = norm.conv2d %x, %w strides = [1, 1] padding = [0, 0, 0, 0] dilations = [1, 1] groups = 4
      : (tensor<1x8x4x4xf32>, tensor<6x2x1x1xf32>) -> tensor<1x6x4x4xf32>
  return %y : tensor<1x6x4x4xf32>
}

// -----

func.func @conv2d_weight_input_channels(%x: tensor<1x8x4x4xf32>, %w: tensor<8x8x1x1xf32>) -> tensor<1x8x4x4xf32> {
  // expected-error @+1 {{'norm.conv2d' op weight dimension 1 is 8, expected C / groups = 4}}
  %y = norm.conv2d %x, %w strides = [1, 1] padding = [0, 0, 0, 0] dilations = [1, 1] groups = 2
      : (tensor<1x8x4x4xf32>, tensor<8x8x1x1xf32>) -> tensor<1x8x4x4xf32>
  return %y : tensor<1x8x4x4xf32>
}

// -----

func.func @conv2d_bias_length(%x: tensor<1x8x4x4xf32>, %w: tensor<16x8x1x1xf32>, %b: tensor<8xf32>) -> tensor<1x16x4x4xf32> {
  // expected-error @+1 {{'norm.conv2d' op bias has 8 elements but the weights have 16 output channels}}
  %y = norm.conv2d %x, %w bias(%b) strides = [1, 1] padding = [0, 0, 0, 0] dilations = [1, 1] groups = 1
      : (tensor<1x8x4x4xf32>, tensor<16x8x1x1xf32>, tensor<8xf32>) -> tensor<1x16x4x4xf32>
  return %y : tensor<1x16x4x4xf32>
}

// -----

func.func @conv2d_bias_rank(%x: tensor<1x8x4x4xf32>, %w: tensor<8x8x1x1xf32>, %b: tensor<8x1xf32>) -> tensor<1x8x4x4xf32> {
  // expected-error @+1 {{'norm.conv2d' op operand #2 must be 1D tensor of 32-bit float or 16-bit float or bfloat16 type values, but got 'tensor<8x1xf32>'}}
  %y = norm.conv2d %x, %w bias(%b) strides = [1, 1] padding = [0, 0, 0, 0] dilations = [1, 1] groups = 1
      : (tensor<1x8x4x4xf32>, tensor<8x8x1x1xf32>, tensor<8x1xf32>) -> tensor<1x8x4x4xf32>
  return %y : tensor<1x8x4x4xf32>
}

// -----

func.func @conv2d_result_batch(%x: tensor<2x8x4x4xf32>, %w: tensor<8x8x1x1xf32>) -> tensor<1x8x4x4xf32> {
  // expected-error @+1 {{'norm.conv2d' op result dimension 0 is 1, expected 2}}
  %y = norm.conv2d %x, %w strides = [1, 1] padding = [0, 0, 0, 0] dilations = [1, 1] groups = 1
      : (tensor<2x8x4x4xf32>, tensor<8x8x1x1xf32>) -> tensor<1x8x4x4xf32>
  return %y : tensor<1x8x4x4xf32>
}

// -----

func.func @conv2d_result_channels(%x: tensor<1x8x4x4xf32>, %w: tensor<16x8x1x1xf32>) -> tensor<1x8x4x4xf32> {
  // expected-error @+1 {{'norm.conv2d' op result dimension 1 is 8, expected 16}}
  %y = norm.conv2d %x, %w strides = [1, 1] padding = [0, 0, 0, 0] dilations = [1, 1] groups = 1
      : (tensor<1x8x4x4xf32>, tensor<16x8x1x1xf32>) -> tensor<1x8x4x4xf32>
  return %y : tensor<1x8x4x4xf32>
}

// -----

func.func @conv2d_channels_last_result_channels(%x: tensor<1x4x4x8xf32>, %w: tensor<16x8x1x1xf32>) -> tensor<1x4x4x8xf32> {
  // expected-error @+1 {{'norm.conv2d' op result dimension 3 is 8, expected 16}}
  %y = norm.conv2d %x, %w strides = [1, 1] padding = [0, 0, 0, 0] dilations = [1, 1] groups = 1 channels_last
      : (tensor<1x4x4x8xf32>, tensor<16x8x1x1xf32>) -> tensor<1x4x4x8xf32>
  return %y : tensor<1x4x4x8xf32>
}

// -----

func.func @conv2d_result_height(%x: tensor<1x8x9x9xf32>, %w: tensor<8x8x3x3xf32>) -> tensor<1x8x5x5xf32> {
  // expected-error @+1 {{'norm.conv2d' op result dimension 2 is 5, expected 4}}
  %y = norm.conv2d %x, %w strides = [2, 2] padding = [0, 1, 0, 1] dilations = [1, 1] groups = 1
      : (tensor<1x8x9x9xf32>, tensor<8x8x3x3xf32>) -> tensor<1x8x5x5xf32>
  return %y : tensor<1x8x5x5xf32>
}

// -----

func.func @conv2d_result_width(%x: tensor<1x8x9x9xf32>, %w: tensor<8x8x3x3xf32>) -> tensor<1x8x5x4xf32> {
  // expected-error @+1 {{'norm.conv2d' op result dimension 3 is 4, expected 5}}
  %y = norm.conv2d %x, %w strides = [2, 2] padding = [1, 1, 1, 1] dilations = [1, 1] groups = 1
      : (tensor<1x8x9x9xf32>, tensor<8x8x3x3xf32>) -> tensor<1x8x5x4xf32>
  return %y : tensor<1x8x5x4xf32>
}

// -----

func.func @conv2d_channels_last_result_width(%x: tensor<1x9x9x8xf32>, %w: tensor<8x8x3x3xf32>) -> tensor<1x7x9x8xf32> {
  // expected-error @+1 {{'norm.conv2d' op result dimension 2 is 9, expected 7}}
  %y = norm.conv2d %x, %w strides = [1, 1] padding = [0, 0, 0, 0] dilations = [1, 1] groups = 1 channels_last
      : (tensor<1x9x9x8xf32>, tensor<8x8x3x3xf32>) -> tensor<1x7x9x8xf32>
  return %y : tensor<1x7x9x8xf32>
}

// -----

// Dimension 0 fits (8 >= 3); dimension 1 does not: a dilation of 2 spreads
// the 3 taps over 5 columns, and 3 + 1 of padding gives 4.
func.func @conv2d_kernel_too_large(%x: tensor<1x8x8x3xf32>, %w: tensor<8x8x3x3xf32>) -> tensor<1x8x6x1xf32> {
  // expected-error @+1 {{'norm.conv2d' op the dilated kernel (5) is larger than the padded input (4) in spatial dimension 1}}
  %y = norm.conv2d %x, %w strides = [1, 1] padding = [0, 1, 0, 0] dilations = [1, 2] groups = 1
      : (tensor<1x8x8x3xf32>, tensor<8x8x3x3xf32>) -> tensor<1x8x6x1xf32>
  return %y : tensor<1x8x6x1xf32>
}

//===----------------------------------------------------------------------===//
// norm.pad
//===----------------------------------------------------------------------===//

// -----

func.func @pad_mode(%x: tensor<1x8x4x4xf32>) -> tensor<1x8x6x6xf32> {
  // expected-error @+1 {{'norm.pad' op mode must be "reflect", "replicate" or "zero", got "constant"}}
  %y = norm.pad %x low = [0, 0, 1, 1] high = [0, 0, 1, 1] mode = "constant"
      : (tensor<1x8x4x4xf32>) -> tensor<1x8x6x6xf32>
  return %y : tensor<1x8x6x6xf32>
}

// -----

func.func @pad_result_rank(%x: tensor<1x8x4x4xf32>) -> tensor<8x6x6xf32> {
  // expected-error @+1 {{'norm.pad' op result must have the rank of x (4)}}
  %y = norm.pad %x low = [0, 0, 1, 1] high = [0, 0, 1, 1] mode = "zero"
      : (tensor<1x8x4x4xf32>) -> tensor<8x6x6xf32>
  return %y : tensor<8x6x6xf32>
}

// -----

func.func @pad_low_count(%x: tensor<1x8x4x4xf32>) -> tensor<1x8x6x6xf32> {
  // expected-error @+1 {{'norm.pad' op low must have 4 entries, got 2}}
  %y = norm.pad %x low = [1, 1] high = [0, 0, 1, 1] mode = "zero"
      : (tensor<1x8x4x4xf32>) -> tensor<1x8x6x6xf32>
  return %y : tensor<1x8x6x6xf32>
}

// -----

func.func @pad_low_negative(%x: tensor<1x8x4x4xf32>) -> tensor<1x8x4x6xf32> {
  // expected-error @+1 {{'norm.pad' op low entries must be >= 0, got -1}}
  %y = norm.pad %x low = [0, 0, -1, 1] high = [0, 0, 1, 1] mode = "zero"
      : (tensor<1x8x4x4xf32>) -> tensor<1x8x4x6xf32>
  return %y : tensor<1x8x4x6xf32>
}

// -----

func.func @pad_high_count(%x: tensor<1x8x4x4xf32>) -> tensor<1x8x6x6xf32> {
  // expected-error @+1 {{'norm.pad' op high must have 4 entries, got 5}}
  %y = norm.pad %x low = [0, 0, 1, 1] high = [0, 0, 1, 1, 0] mode = "zero"
      : (tensor<1x8x4x4xf32>) -> tensor<1x8x6x6xf32>
  return %y : tensor<1x8x6x6xf32>
}

// -----

func.func @pad_high_negative(%x: tensor<1x8x4x4xf32>) -> tensor<1x8x5x4xf32> {
  // expected-error @+1 {{'norm.pad' op high entries must be >= 0, got -1}}
  %y = norm.pad %x low = [0, 0, 1, 1] high = [0, 0, 0, -1] mode = "zero"
      : (tensor<1x8x4x4xf32>) -> tensor<1x8x5x4xf32>
  return %y : tensor<1x8x5x4xf32>
}

// -----

// Reflection does not repeat the edge: a pad of 4 needs 5 elements.
func.func @pad_reflect_too_large(%x: tensor<1x8x4x4xf32>) -> tensor<1x8x4x12xf32> {
  // expected-error @+1 {{'norm.pad' op reflect padding of dimension 3 (4) must be smaller than the dimension (4)}}
  %y = norm.pad %x low = [0, 0, 0, 4] high = [0, 0, 0, 4] mode = "reflect"
      : (tensor<1x8x4x4xf32>) -> tensor<1x8x4x12xf32>
  return %y : tensor<1x8x4x12xf32>
}

// -----

func.func @pad_result_dim(%x: tensor<1x8x4x4xf32>) -> tensor<1x8x6x5xf32> {
  // expected-error @+1 {{'norm.pad' op result dimension 3 is 5, expected 6}}
  %y = norm.pad %x low = [0, 0, 1, 1] high = [0, 0, 1, 1] mode = "replicate"
      : (tensor<1x8x4x4xf32>) -> tensor<1x8x6x5xf32>
  return %y : tensor<1x8x6x5xf32>
}

//===----------------------------------------------------------------------===//
// norm.upsample
//===----------------------------------------------------------------------===//

// -----

func.func @upsample_mode(%x: tensor<1x8x4x4xf32>) -> tensor<1x8x8x8xf32> {
  // expected-error @+1 {{'norm.upsample' op mode must be "nearest", "bilinear" or "zeros", got "bicubic"}}
  %y = norm.upsample %x scale = [1, 1, 2, 2] mode = "bicubic"
      : (tensor<1x8x4x4xf32>) -> tensor<1x8x8x8xf32>
  return %y : tensor<1x8x8x8xf32>
}

// -----

func.func @upsample_result_rank(%x: tensor<1x8x4x4xf32>) -> tensor<1x8x8x8x1xf32> {
  // expected-error @+1 {{'norm.upsample' op result must have the rank of x (4)}}
  %y = norm.upsample %x scale = [1, 1, 2, 2] mode = "nearest"
      : (tensor<1x8x4x4xf32>) -> tensor<1x8x8x8x1xf32>
  return %y : tensor<1x8x8x8x1xf32>
}

// -----

func.func @upsample_scale_count(%x: tensor<1x8x4x4xf32>) -> tensor<1x8x8x8xf32> {
  // expected-error @+1 {{'norm.upsample' op scale must have 4 entries, got 2}}
  %y = norm.upsample %x scale = [2, 2] mode = "nearest"
      : (tensor<1x8x4x4xf32>) -> tensor<1x8x8x8xf32>
  return %y : tensor<1x8x8x8xf32>
}

// -----

func.func @upsample_scale_zero(%x: tensor<1x8x4x4xf32>) -> tensor<1x8x0x8xf32> {
  // expected-error @+1 {{'norm.upsample' op scale entries must be >= 1, got 0}}
  %y = norm.upsample %x scale = [1, 1, 0, 2] mode = "nearest"
      : (tensor<1x8x4x4xf32>) -> tensor<1x8x0x8xf32>
  return %y : tensor<1x8x0x8xf32>
}

// -----

func.func @upsample_result_dim(%x: tensor<1x8x4x4xf32>) -> tensor<1x8x8x4xf32> {
  // expected-error @+1 {{'norm.upsample' op result dimension 3 is 4, expected 8}}
  %y = norm.upsample %x scale = [1, 1, 2, 2] mode = "bilinear"
      : (tensor<1x8x4x4xf32>) -> tensor<1x8x8x4xf32>
  return %y : tensor<1x8x8x4xf32>
}
