// norm-assign-schedules: each group's knobs from the target's facts and the
// group's shape (tuning/Defaults.cpp), then --schedule overrides; only the
// knobs that apply to the group's role are listed.
// RUN: norm-opt %s --norm-pipeline="target=x86-64-linux-avx2" | FileCheck %s --check-prefix=AVX2
// RUN: norm-opt %s --norm-pipeline="target=x86-64-linux-avx512_skylake" | FileCheck %s --check-prefix=AVX512
// RUN: norm-opt %s --norm-pipeline="target=arm-64-linux" | FileCheck %s --check-prefix=ARM
// RUN: norm-opt %s --norm-pipeline="target=x86-64-linux-avx2 schedule=conv_k_tile=2,stats=shifted_one_pass" | FileCheck %s --check-prefix=OVERRIDE
// RUN: not norm-opt %s --norm-pipeline="schedule=conv_k_tile=9" 2>&1 | FileCheck %s --check-prefix=BADKNOB
// RUN: not norm-opt %s --norm-pipeline="tuning-db=%t.missing.json" 2>&1 | FileCheck %s --check-prefix=NODB

// A conv -> norm group: conv tiles of 4 channels x 3 vectors on AVX2's 16
// registers, 4 x 5 with 32 (AVX-512, NEON) where 5 vectors divide the row,
// else the widest tile that does (64 columns = 4 zmm or 16 NEON vectors: 4).
// AVX2: func.func private @conv_norm_{{.*}}norm.role = "conv_norm", norm.schedule = {requested = {accumulators = 2 : i64, conv_channels_per_task = 0 : i64, conv_k_tile = 4 : i64, conv_nhwc_k_vectors = 2 : i64, conv_nhwc_x_columns = 6 : i64, conv_rows_per_task = 0 : i64, conv_x_vectors = 3 : i64, conv_y_rows = 1 : i64, parallel = true, placement = "per_plane", planes_per_task = 0 : i64, stats = "two_pass", streaming_stores = false, vector_width = 8 : i64}, source = "defaults"}
// AVX512: func.func private @conv_norm_{{.*}}conv_k_tile = 8 : i64, conv_nhwc_k_vectors = 2 : i64, conv_nhwc_x_columns = 12 : i64, conv_rows_per_task = 0 : i64, conv_x_vectors = 2 : i64, {{.*}}vector_width = 16 : i64}
// ARM: func.func private @conv_norm_{{.*}}conv_k_tile = 4 : i64, conv_nhwc_k_vectors = 2 : i64, conv_nhwc_x_columns = 12 : i64, conv_rows_per_task = 0 : i64, conv_x_vectors = 4 : i64, {{.*}}vector_width = 4 : i64}
// OVERRIDE: func.func private @conv_norm_{{.*}}conv_k_tile = 2 : i64, {{.*}}stats = "shifted_one_pass", {{.*}}source = "defaults+overrides"
func.func @conv_block(%x: tensor<1x16x64x64xf32>, %w: tensor<16x16x3x3xf32>) -> tensor<1x16x64x64xf32> {
  %c = norm.conv2d %x, %w strides = [1, 1] padding = [1, 1, 1, 1] dilations = [1, 1] groups = 1
      : (tensor<1x16x64x64xf32>, tensor<16x16x3x3xf32>) -> tensor<1x16x64x64xf32>
  %n = norm.instance_norm %c eps = 1.0e-05 : (tensor<1x16x64x64xf32>) -> tensor<1x16x64x64xf32>
  return %n : tensor<1x16x64x64xf32>
}

// A normalization group lists no conv knobs.
// AVX2: func.func private @norm_{{[0-9a-f]+}}({{.*}}norm.schedule = {requested = {accumulators = 2 : i64, parallel = true, placement = "per_plane", planes_per_task = 0 : i64, stats = "two_pass", streaming_stores = false, vector_width = 8 : i64}, source = "defaults"}
// ARM: func.func private @norm_{{[0-9a-f]+}}({{.*}}vector_width = 4 : i64}
func.func @layer_norm(%x: tensor<4x256xf32>) -> tensor<4x256xf32> {
  %y = norm.layer_norm %x axis = 1 eps = 1.0e-05 : (tensor<4x256xf32>) -> tensor<4x256xf32>
  return %y : tensor<4x256xf32>
}

// 48 columns are 3 zmm vectors, an odd count: 8 x 3 (24 accumulators).
// AVX512: func.func private @conv_norm_{{[0-9a-f]+}}(%arg0: tensor<1x16x48x48xf32>{{.*}}conv_k_tile = 8 : i64, conv_nhwc_k_vectors = 2 : i64, conv_nhwc_x_columns = 12 : i64, conv_rows_per_task = 0 : i64, conv_x_vectors = 3 : i64, {{.*}}vector_width = 16 : i64}
func.func @conv_block_48_columns(%x: tensor<1x16x48x48xf32>, %w: tensor<16x16x3x3xf32>) -> tensor<1x16x48x48xf32> {
  %c = norm.conv2d %x, %w strides = [1, 1] padding = [1, 1, 1, 1] dilations = [1, 1] groups = 1
      : (tensor<1x16x48x48xf32>, tensor<16x16x3x3xf32>) -> tensor<1x16x48x48xf32>
  %n = norm.instance_norm %c eps = 1.0e-05 : (tensor<1x16x48x48xf32>) -> tensor<1x16x48x48xf32>
  return %n : tensor<1x16x48x48xf32>
}

// A 128-column row holds 8 zmm vectors: 5 do not divide it (the second
// tile of 80 columns would be shifted inwards and recompute 32 columns), so
// 4 x 4; and AVX-512 prefers twice the channels and half the column vectors
// for as many accumulators (fewer unaligned input loads): 8 x 2.
// AVX512: func.func private @conv_norm_{{[0-9a-f]+}}(%arg0: tensor<1x16x128x128xf32>{{.*}}conv_k_tile = 8 : i64, conv_nhwc_k_vectors = 2 : i64, conv_nhwc_x_columns = 12 : i64, conv_rows_per_task = 0 : i64, conv_x_vectors = 2 : i64, {{.*}}vector_width = 16 : i64}
func.func @conv_block_128_columns(%x: tensor<1x16x128x128xf32>, %w: tensor<16x16x3x3xf32>) -> tensor<1x16x128x128xf32> {
  %c = norm.conv2d %x, %w strides = [1, 1] padding = [1, 1, 1, 1] dilations = [1, 1] groups = 1
      : (tensor<1x16x128x128xf32>, tensor<16x16x3x3xf32>) -> tensor<1x16x128x128xf32>
  %n = norm.instance_norm %c eps = 1.0e-05 : (tensor<1x16x128x128xf32>) -> tensor<1x16x128x128xf32>
  return %n : tensor<1x16x128x128xf32>
}

// Layer norm over (C, H, W) with a sample-sized scale and bias: statistics
// at the root when N >= 2 (the normalize pass then reads the parameters once
// for all samples of a task), per plane for a single sample.
// AVX2: func.func private @norm_{{[0-9a-f]+}}({{.*}}tensor<4x8x16x16xf32>{{.*}}placement = "root"
// AVX2: func.func private @norm_{{[0-9a-f]+}}({{.*}}tensor<1x8x16x16xf32>{{.*}}placement = "per_plane"
func.func @layer_norm_batched(%x: tensor<4x8x16x16xf32>, %g: tensor<8x16x16xf32>, %b: tensor<8x16x16xf32>) -> tensor<4x8x16x16xf32> {
  %y = norm.layer_norm %x axis = 1 scale(%g) bias(%b) eps = 1.0e-05 : (tensor<4x8x16x16xf32>, tensor<8x16x16xf32>, tensor<8x16x16xf32>) -> tensor<4x8x16x16xf32>
  return %y : tensor<4x8x16x16xf32>
}
func.func @layer_norm_one_sample(%x: tensor<1x8x16x16xf32>, %g: tensor<8x16x16xf32>, %b: tensor<8x16x16xf32>) -> tensor<1x8x16x16xf32> {
  %y = norm.layer_norm %x axis = 1 scale(%g) bias(%b) eps = 1.0e-05 : (tensor<1x8x16x16xf32>, tensor<8x16x16xf32>, tensor<8x16x16xf32>) -> tensor<1x8x16x16xf32>
  return %y : tensor<1x8x16x16xf32>
}

// BADKNOB: error: invalid value '9' for schedule knob 'conv_k_tile' (expected an integer in 1..8) in '--schedule=conv_k_tile=9'
// NODB: error: cannot read tuning database '{{.*}}.missing.json': {{[Nn]}}o such file or directory
