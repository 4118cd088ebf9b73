// One function per normalization variant, as a style-transfer or GAN
// generator would use them. `normc examples/variants.mlir -o out/` compiles
// every one into its own library and header.

// AdaIN with a style of another size, full style.
func.func @adain_full(%c: tensor<1x32x64x64xf32>, %s: tensor<1x32x40x40xf32>) -> tensor<1x32x64x64xf32> {
  %y = norm.adain %c, %s alpha = 1.0 eps = 1.0e-05 : (tensor<1x32x64x64xf32>, tensor<1x32x40x40xf32>) -> tensor<1x32x64x64xf32>
  return %y : tensor<1x32x64x64xf32>
}

// Conditional instance norm: 4 samples, 10 styles.
func.func @conditional_in(%x: tensor<4x32x64x64xf32>, %w: tensor<4x10xf32>, %gt: tensor<10x32xf32>, %bt: tensor<10x32xf32>) -> tensor<4x32x64x64xf32> {
  %y = norm.conditional_instance_norm %x, %w, %gt, %bt eps = 1.0e-05 : (tensor<4x32x64x64xf32>, tensor<4x10xf32>, tensor<10x32xf32>, tensor<10x32xf32>) -> tensor<4x32x64x64xf32>
  return %y : tensor<4x32x64x64xf32>
}

// SPADE modulation on instance statistics, then ReLU.
func.func @spade_relu(%x: tensor<2x32x64x64xf32>, %g: tensor<2x32x64x64xf32>, %b: tensor<2x32x64x64xf32>) -> tensor<2x32x64x64xf32> {
  %y = norm.spade %x, %g, %b eps = 1.0e-05 : tensor<2x32x64x64xf32>
  %r = norm.relu %y : tensor<2x32x64x64xf32>
  return %r : tensor<2x32x64x64xf32>
}

// Batch norm, inference and training (PyTorch momentum 0.1).
func.func @batch_norm_inference(%x: tensor<8x64x32x32xf32>, %m: tensor<64xf32>, %v: tensor<64xf32>, %g: tensor<64xf32>, %b: tensor<64xf32>) -> tensor<8x64x32x32xf32> {
  %y = norm.batch_norm %x, %m, %v scale(%g) bias(%b) eps = 1.0e-05 : (tensor<8x64x32x32xf32>, tensor<64xf32>, tensor<64xf32>, tensor<64xf32>, tensor<64xf32>) -> tensor<8x64x32x32xf32>
  return %y : tensor<8x64x32x32xf32>
}
func.func @batch_norm_training(%x: tensor<8x64x32x32xf32>, %m: tensor<64xf32>, %v: tensor<64xf32>) -> (tensor<8x64x32x32xf32>, tensor<64xf32>, tensor<64xf32>) {
  %y, %nm, %nv = norm.batch_norm_train %x, %m, %v eps = 1.0e-05 momentum = 0.1 : (tensor<8x64x32x32xf32>, tensor<64xf32>, tensor<64xf32>) -> (tensor<8x64x32x32xf32>, tensor<64xf32>, tensor<64xf32>)
  return %y, %nm, %nv : tensor<8x64x32x32xf32>, tensor<64xf32>, tensor<64xf32>
}

// Batch-instance norm with batch statistics.
func.func @batch_instance(%x: tensor<8x64x32x32xf32>, %rho: tensor<64xf32>, %g: tensor<64xf32>, %b: tensor<64xf32>) -> tensor<8x64x32x32xf32> {
  %y = norm.batch_instance_norm %x, %rho scale(%g) bias(%b) eps = 1.0e-05 : (tensor<8x64x32x32xf32>, tensor<64xf32>, tensor<64xf32>, tensor<64xf32>) -> tensor<8x64x32x32xf32>
  return %y : tensor<8x64x32x32xf32>
}

// Instance norm that tracks running statistics (PyTorch track_running_stats).
func.func @instance_norm_training(%x: tensor<4x32x64x64xf32>, %m: tensor<32xf32>, %v: tensor<32xf32>) -> (tensor<4x32x64x64xf32>, tensor<32xf32>, tensor<32xf32>) {
  %y, %nm, %nv = norm.instance_norm_train %x, %m, %v eps = 1.0e-05 momentum = 0.1 : (tensor<4x32x64x64xf32>, tensor<32xf32>, tensor<32xf32>) -> (tensor<4x32x64x64xf32>, tensor<32xf32>, tensor<32xf32>)
  return %y, %nm, %nv : tensor<4x32x64x64xf32>, tensor<32xf32>, tensor<32xf32>
}

// Channels-last (NHWC) data in f16, f32 statistics: instance norm and group norm.
func.func @instance_norm_nhwc_f16(%x: tensor<4x64x64x32xf16>, %g: tensor<32xf16>, %b: tensor<32xf16>) -> tensor<4x64x64x32xf16> {
  %y = norm.instance_norm %x scale(%g) bias(%b) eps = 1.0e-05 channels_last : (tensor<4x64x64x32xf16>, tensor<32xf16>, tensor<32xf16>) -> tensor<4x64x64x32xf16>
  return %y : tensor<4x64x64x32xf16>
}
func.func @group_norm_nhwc(%x: tensor<2x32x32x64xf32>, %g: tensor<64xf32>, %b: tensor<64xf32>) -> tensor<2x32x32x64xf32> {
  %y = norm.group_norm %x groups = 8 scale(%g) bias(%b) eps = 1.0e-05 channels_last : (tensor<2x32x32x64xf32>, tensor<64xf32>, tensor<64xf32>) -> tensor<2x32x32x64xf32>
  return %y : tensor<2x32x32x64xf32>
}
