// Static-shape kernels for bench/bench_main.cpp, one per workload of
// bench/workloads.h (static shapes specialize the code, as a deployed model would).

func.func @in_1x64x256x256(%x: tensor<1x64x256x256xf32>, %g: tensor<64xf32>, %b: tensor<64xf32>) -> tensor<1x64x256x256xf32> {
  %y = norm.instance_norm %x scale(%g) bias(%b) eps = 1.0e-05 : (tensor<1x64x256x256xf32>, tensor<64xf32>, tensor<64xf32>) -> tensor<1x64x256x256xf32>
  return %y : tensor<1x64x256x256xf32>
}
func.func @in_1x128x128x128(%x: tensor<1x128x128x128xf32>, %g: tensor<128xf32>, %b: tensor<128xf32>) -> tensor<1x128x128x128xf32> {
  %y = norm.instance_norm %x scale(%g) bias(%b) eps = 1.0e-05 : (tensor<1x128x128x128xf32>, tensor<128xf32>, tensor<128xf32>) -> tensor<1x128x128x128xf32>
  return %y : tensor<1x128x128x128xf32>
}
func.func @in_8x64x128x128(%x: tensor<8x64x128x128xf32>, %g: tensor<64xf32>, %b: tensor<64xf32>) -> tensor<8x64x128x128xf32> {
  %y = norm.instance_norm %x scale(%g) bias(%b) eps = 1.0e-05 : (tensor<8x64x128x128xf32>, tensor<64xf32>, tensor<64xf32>) -> tensor<8x64x128x128xf32>
  return %y : tensor<8x64x128x128xf32>
}
func.func @in_16x256x32x32(%x: tensor<16x256x32x32xf32>, %g: tensor<256xf32>, %b: tensor<256xf32>) -> tensor<16x256x32x32xf32> {
  %y = norm.instance_norm %x scale(%g) bias(%b) eps = 1.0e-05 : (tensor<16x256x32x32xf32>, tensor<256xf32>, tensor<256xf32>) -> tensor<16x256x32x32xf32>
  return %y : tensor<16x256x32x32xf32>
}
func.func @in_1x32x512x512(%x: tensor<1x32x512x512xf32>, %g: tensor<32xf32>, %b: tensor<32xf32>) -> tensor<1x32x512x512xf32> {
  %y = norm.instance_norm %x scale(%g) bias(%b) eps = 1.0e-05 : (tensor<1x32x512x512xf32>, tensor<32xf32>, tensor<32xf32>) -> tensor<1x32x512x512xf32>
  return %y : tensor<1x32x512x512xf32>
}
func.func @in_4x512x16x16(%x: tensor<4x512x16x16xf32>, %g: tensor<512xf32>, %b: tensor<512xf32>) -> tensor<4x512x16x16xf32> {
  %y = norm.instance_norm %x scale(%g) bias(%b) eps = 1.0e-05 : (tensor<4x512x16x16xf32>, tensor<512xf32>, tensor<512xf32>) -> tensor<4x512x16x16xf32>
  return %y : tensor<4x512x16x16xf32>
}
func.func @in_2x3x1024x1024(%x: tensor<2x3x1024x1024xf32>, %g: tensor<3xf32>, %b: tensor<3xf32>) -> tensor<2x3x1024x1024xf32> {
  %y = norm.instance_norm %x scale(%g) bias(%b) eps = 1.0e-05 : (tensor<2x3x1024x1024xf32>, tensor<3xf32>, tensor<3xf32>) -> tensor<2x3x1024x1024xf32>
  return %y : tensor<2x3x1024x1024xf32>
}
func.func @in_3x5x7x13(%x: tensor<3x5x7x13xf32>, %g: tensor<5xf32>, %b: tensor<5xf32>) -> tensor<3x5x7x13xf32> {
  %y = norm.instance_norm %x scale(%g) bias(%b) eps = 1.0e-05 : (tensor<3x5x7x13xf32>, tensor<5xf32>, tensor<5xf32>) -> tensor<3x5x7x13xf32>
  return %y : tensor<3x5x7x13xf32>
}
func.func @gn32_1x64x256x256(%x: tensor<1x64x256x256xf32>, %g: tensor<64xf32>, %b: tensor<64xf32>) -> tensor<1x64x256x256xf32> {
  %y = norm.group_norm %x groups = 32 scale(%g) bias(%b) eps = 1.0e-05 : (tensor<1x64x256x256xf32>, tensor<64xf32>, tensor<64xf32>) -> tensor<1x64x256x256xf32>
  return %y : tensor<1x64x256x256xf32>
}
func.func @gn32_1x128x128x128(%x: tensor<1x128x128x128xf32>, %g: tensor<128xf32>, %b: tensor<128xf32>) -> tensor<1x128x128x128xf32> {
  %y = norm.group_norm %x groups = 32 scale(%g) bias(%b) eps = 1.0e-05 : (tensor<1x128x128x128xf32>, tensor<128xf32>, tensor<128xf32>) -> tensor<1x128x128x128xf32>
  return %y : tensor<1x128x128x128xf32>
}
func.func @gn32_8x64x128x128(%x: tensor<8x64x128x128xf32>, %g: tensor<64xf32>, %b: tensor<64xf32>) -> tensor<8x64x128x128xf32> {
  %y = norm.group_norm %x groups = 32 scale(%g) bias(%b) eps = 1.0e-05 : (tensor<8x64x128x128xf32>, tensor<64xf32>, tensor<64xf32>) -> tensor<8x64x128x128xf32>
  return %y : tensor<8x64x128x128xf32>
}
func.func @gn32_16x256x32x32(%x: tensor<16x256x32x32xf32>, %g: tensor<256xf32>, %b: tensor<256xf32>) -> tensor<16x256x32x32xf32> {
  %y = norm.group_norm %x groups = 32 scale(%g) bias(%b) eps = 1.0e-05 : (tensor<16x256x32x32xf32>, tensor<256xf32>, tensor<256xf32>) -> tensor<16x256x32x32xf32>
  return %y : tensor<16x256x32x32xf32>
}
func.func @gn32_1x32x512x512(%x: tensor<1x32x512x512xf32>, %g: tensor<32xf32>, %b: tensor<32xf32>) -> tensor<1x32x512x512xf32> {
  %y = norm.group_norm %x groups = 32 scale(%g) bias(%b) eps = 1.0e-05 : (tensor<1x32x512x512xf32>, tensor<32xf32>, tensor<32xf32>) -> tensor<1x32x512x512xf32>
  return %y : tensor<1x32x512x512xf32>
}
func.func @gn32_4x512x16x16(%x: tensor<4x512x16x16xf32>, %g: tensor<512xf32>, %b: tensor<512xf32>) -> tensor<4x512x16x16xf32> {
  %y = norm.group_norm %x groups = 32 scale(%g) bias(%b) eps = 1.0e-05 : (tensor<4x512x16x16xf32>, tensor<512xf32>, tensor<512xf32>) -> tensor<4x512x16x16xf32>
  return %y : tensor<4x512x16x16xf32>
}
func.func @ln_1x64x256x256(%x: tensor<1x64x256x256xf32>, %g: tensor<64x256x256xf32>, %b: tensor<64x256x256xf32>) -> tensor<1x64x256x256xf32> {
  %y = norm.layer_norm %x axis = 1 scale(%g) bias(%b) eps = 1.0e-05 : (tensor<1x64x256x256xf32>, tensor<64x256x256xf32>, tensor<64x256x256xf32>) -> tensor<1x64x256x256xf32>
  return %y : tensor<1x64x256x256xf32>
}
func.func @ln_1x128x128x128(%x: tensor<1x128x128x128xf32>, %g: tensor<128x128x128xf32>, %b: tensor<128x128x128xf32>) -> tensor<1x128x128x128xf32> {
  %y = norm.layer_norm %x axis = 1 scale(%g) bias(%b) eps = 1.0e-05 : (tensor<1x128x128x128xf32>, tensor<128x128x128xf32>, tensor<128x128x128xf32>) -> tensor<1x128x128x128xf32>
  return %y : tensor<1x128x128x128xf32>
}
func.func @ln_8x64x128x128(%x: tensor<8x64x128x128xf32>, %g: tensor<64x128x128xf32>, %b: tensor<64x128x128xf32>) -> tensor<8x64x128x128xf32> {
  %y = norm.layer_norm %x axis = 1 scale(%g) bias(%b) eps = 1.0e-05 : (tensor<8x64x128x128xf32>, tensor<64x128x128xf32>, tensor<64x128x128xf32>) -> tensor<8x64x128x128xf32>
  return %y : tensor<8x64x128x128xf32>
}
func.func @ln_16x256x32x32(%x: tensor<16x256x32x32xf32>, %g: tensor<256x32x32xf32>, %b: tensor<256x32x32xf32>) -> tensor<16x256x32x32xf32> {
  %y = norm.layer_norm %x axis = 1 scale(%g) bias(%b) eps = 1.0e-05 : (tensor<16x256x32x32xf32>, tensor<256x32x32xf32>, tensor<256x32x32xf32>) -> tensor<16x256x32x32xf32>
  return %y : tensor<16x256x32x32xf32>
}
func.func @ln_1x32x512x512(%x: tensor<1x32x512x512xf32>, %g: tensor<32x512x512xf32>, %b: tensor<32x512x512xf32>) -> tensor<1x32x512x512xf32> {
  %y = norm.layer_norm %x axis = 1 scale(%g) bias(%b) eps = 1.0e-05 : (tensor<1x32x512x512xf32>, tensor<32x512x512xf32>, tensor<32x512x512xf32>) -> tensor<1x32x512x512xf32>
  return %y : tensor<1x32x512x512xf32>
}
func.func @ln_4x512x16x16(%x: tensor<4x512x16x16xf32>, %g: tensor<512x16x16xf32>, %b: tensor<512x16x16xf32>) -> tensor<4x512x16x16xf32> {
  %y = norm.layer_norm %x axis = 1 scale(%g) bias(%b) eps = 1.0e-05 : (tensor<4x512x16x16xf32>, tensor<512x16x16xf32>, tensor<512x16x16xf32>) -> tensor<4x512x16x16xf32>
  return %y : tensor<4x512x16x16xf32>
}

// Instance norm on channels-last data (shapes are [N, H, W, C]; the kernel
// names give the NCHW dims, as the workloads do).
func.func @in_nhwc_1x64x256x256(%x: tensor<1x256x256x64xf32>, %g: tensor<64xf32>, %b: tensor<64xf32>) -> tensor<1x256x256x64xf32> {
  %y = norm.instance_norm %x scale(%g) bias(%b) eps = 1.0e-05 channels_last : (tensor<1x256x256x64xf32>, tensor<64xf32>, tensor<64xf32>) -> tensor<1x256x256x64xf32>
  return %y : tensor<1x256x256x64xf32>
}
func.func @in_nhwc_8x64x128x128(%x: tensor<8x128x128x64xf32>, %g: tensor<64xf32>, %b: tensor<64xf32>) -> tensor<8x128x128x64xf32> {
  %y = norm.instance_norm %x scale(%g) bias(%b) eps = 1.0e-05 channels_last : (tensor<8x128x128x64xf32>, tensor<64xf32>, tensor<64xf32>) -> tensor<8x128x128x64xf32>
  return %y : tensor<8x128x128x64xf32>
}
func.func @in_nhwc_16x256x32x32(%x: tensor<16x32x32x256xf32>, %g: tensor<256xf32>, %b: tensor<256xf32>) -> tensor<16x32x32x256xf32> {
  %y = norm.instance_norm %x scale(%g) bias(%b) eps = 1.0e-05 channels_last : (tensor<16x32x32x256xf32>, tensor<256xf32>, tensor<256xf32>) -> tensor<16x32x32x256xf32>
  return %y : tensor<16x32x32x256xf32>
}
func.func @in_nhwc_3x5x7x13(%x: tensor<3x7x13x5xf32>, %g: tensor<5xf32>, %b: tensor<5xf32>) -> tensor<3x7x13x5xf32> {
  %y = norm.instance_norm %x scale(%g) bias(%b) eps = 1.0e-05 channels_last : (tensor<3x7x13x5xf32>, tensor<5xf32>, tensor<5xf32>) -> tensor<3x7x13x5xf32>
  return %y : tensor<3x7x13x5xf32>
}

// conv3x3 (C -> C, bias, zero padding 1) -> instance norm (affine) -> ReLU:
// fused (the default policy) and unfused ({norm.fuse = "none"}: every op its
// own group, the conv output and the normalized tensor materialized), with
// the same conv schedule.
func.func @block_fused_1x64x128x128(%x: tensor<1x64x128x128xf32>, %w: tensor<64x64x3x3xf32>, %cb: tensor<64xf32>, %g: tensor<64xf32>, %b: tensor<64xf32>) -> tensor<1x64x128x128xf32> {
  %c = norm.conv2d %x, %w bias(%cb) strides = [1, 1] padding = [1, 1, 1, 1] dilations = [1, 1] groups = 1 : (tensor<1x64x128x128xf32>, tensor<64x64x3x3xf32>, tensor<64xf32>) -> tensor<1x64x128x128xf32>
  %n = norm.instance_norm %c scale(%g) bias(%b) eps = 1.0e-05 : (tensor<1x64x128x128xf32>, tensor<64xf32>, tensor<64xf32>) -> tensor<1x64x128x128xf32>
  %y = norm.relu %n : tensor<1x64x128x128xf32>
  return %y : tensor<1x64x128x128xf32>
}
func.func @block_unfused_1x64x128x128(%x: tensor<1x64x128x128xf32>, %w: tensor<64x64x3x3xf32>, %cb: tensor<64xf32>, %g: tensor<64xf32>, %b: tensor<64xf32>) -> tensor<1x64x128x128xf32> attributes {norm.fuse = "none"} {
  %c = norm.conv2d %x, %w bias(%cb) strides = [1, 1] padding = [1, 1, 1, 1] dilations = [1, 1] groups = 1 : (tensor<1x64x128x128xf32>, tensor<64x64x3x3xf32>, tensor<64xf32>) -> tensor<1x64x128x128xf32>
  %n = norm.instance_norm %c scale(%g) bias(%b) eps = 1.0e-05 : (tensor<1x64x128x128xf32>, tensor<64xf32>, tensor<64xf32>) -> tensor<1x64x128x128xf32>
  %y = norm.relu %n : tensor<1x64x128x128xf32>
  return %y : tensor<1x64x128x128xf32>
}
func.func @block_fused_1x128x64x64(%x: tensor<1x128x64x64xf32>, %w: tensor<128x128x3x3xf32>, %cb: tensor<128xf32>, %g: tensor<128xf32>, %b: tensor<128xf32>) -> tensor<1x128x64x64xf32> {
  %c = norm.conv2d %x, %w bias(%cb) strides = [1, 1] padding = [1, 1, 1, 1] dilations = [1, 1] groups = 1 : (tensor<1x128x64x64xf32>, tensor<128x128x3x3xf32>, tensor<128xf32>) -> tensor<1x128x64x64xf32>
  %n = norm.instance_norm %c scale(%g) bias(%b) eps = 1.0e-05 : (tensor<1x128x64x64xf32>, tensor<128xf32>, tensor<128xf32>) -> tensor<1x128x64x64xf32>
  %y = norm.relu %n : tensor<1x128x64x64xf32>
  return %y : tensor<1x128x64x64xf32>
}
func.func @block_unfused_1x128x64x64(%x: tensor<1x128x64x64xf32>, %w: tensor<128x128x3x3xf32>, %cb: tensor<128xf32>, %g: tensor<128xf32>, %b: tensor<128xf32>) -> tensor<1x128x64x64xf32> attributes {norm.fuse = "none"} {
  %c = norm.conv2d %x, %w bias(%cb) strides = [1, 1] padding = [1, 1, 1, 1] dilations = [1, 1] groups = 1 : (tensor<1x128x64x64xf32>, tensor<128x128x3x3xf32>, tensor<128xf32>) -> tensor<1x128x64x64xf32>
  %n = norm.instance_norm %c scale(%g) bias(%b) eps = 1.0e-05 : (tensor<1x128x64x64xf32>, tensor<128xf32>, tensor<128xf32>) -> tensor<1x128x64x64xf32>
  %y = norm.relu %n : tensor<1x128x64x64xf32>
  return %y : tensor<1x128x64x64xf32>
}
func.func @block_fused_1x32x256x256(%x: tensor<1x32x256x256xf32>, %w: tensor<32x32x3x3xf32>, %cb: tensor<32xf32>, %g: tensor<32xf32>, %b: tensor<32xf32>) -> tensor<1x32x256x256xf32> {
  %c = norm.conv2d %x, %w bias(%cb) strides = [1, 1] padding = [1, 1, 1, 1] dilations = [1, 1] groups = 1 : (tensor<1x32x256x256xf32>, tensor<32x32x3x3xf32>, tensor<32xf32>) -> tensor<1x32x256x256xf32>
  %n = norm.instance_norm %c scale(%g) bias(%b) eps = 1.0e-05 : (tensor<1x32x256x256xf32>, tensor<32xf32>, tensor<32xf32>) -> tensor<1x32x256x256xf32>
  %y = norm.relu %n : tensor<1x32x256x256xf32>
  return %y : tensor<1x32x256x256xf32>
}
func.func @block_unfused_1x32x256x256(%x: tensor<1x32x256x256xf32>, %w: tensor<32x32x3x3xf32>, %cb: tensor<32xf32>, %g: tensor<32xf32>, %b: tensor<32xf32>) -> tensor<1x32x256x256xf32> attributes {norm.fuse = "none"} {
  %c = norm.conv2d %x, %w bias(%cb) strides = [1, 1] padding = [1, 1, 1, 1] dilations = [1, 1] groups = 1 : (tensor<1x32x256x256xf32>, tensor<32x32x3x3xf32>, tensor<32xf32>) -> tensor<1x32x256x256xf32>
  %n = norm.instance_norm %c scale(%g) bias(%b) eps = 1.0e-05 : (tensor<1x32x256x256xf32>, tensor<32xf32>, tensor<32xf32>) -> tensor<1x32x256x256xf32>
  %y = norm.relu %n : tensor<1x32x256x256xf32>
  return %y : tensor<1x32x256x256xf32>
}
func.func @block_fused_4x64x64x64(%x: tensor<4x64x64x64xf32>, %w: tensor<64x64x3x3xf32>, %cb: tensor<64xf32>, %g: tensor<64xf32>, %b: tensor<64xf32>) -> tensor<4x64x64x64xf32> {
  %c = norm.conv2d %x, %w bias(%cb) strides = [1, 1] padding = [1, 1, 1, 1] dilations = [1, 1] groups = 1 : (tensor<4x64x64x64xf32>, tensor<64x64x3x3xf32>, tensor<64xf32>) -> tensor<4x64x64x64xf32>
  %n = norm.instance_norm %c scale(%g) bias(%b) eps = 1.0e-05 : (tensor<4x64x64x64xf32>, tensor<64xf32>, tensor<64xf32>) -> tensor<4x64x64x64xf32>
  %y = norm.relu %n : tensor<4x64x64x64xf32>
  return %y : tensor<4x64x64x64xf32>
}
func.func @block_unfused_4x64x64x64(%x: tensor<4x64x64x64xf32>, %w: tensor<64x64x3x3xf32>, %cb: tensor<64xf32>, %g: tensor<64xf32>, %b: tensor<64xf32>) -> tensor<4x64x64x64xf32> attributes {norm.fuse = "none"} {
  %c = norm.conv2d %x, %w bias(%cb) strides = [1, 1] padding = [1, 1, 1, 1] dilations = [1, 1] groups = 1 : (tensor<4x64x64x64xf32>, tensor<64x64x3x3xf32>, tensor<64xf32>) -> tensor<4x64x64x64xf32>
  %n = norm.instance_norm %c scale(%g) bias(%b) eps = 1.0e-05 : (tensor<4x64x64x64xf32>, tensor<64xf32>, tensor<64xf32>) -> tensor<4x64x64x64xf32>
  %y = norm.relu %n : tensor<4x64x64x64xf32>
  return %y : tensor<4x64x64x64xf32>
}

// TransformerNet's residual block (x, w1, conv bias 1, gamma 1, beta 1, w2,
// conv bias 2, gamma 2, beta 2): reflection pad -> conv3x3 -> IN -> ReLU ->
// reflection pad -> conv3x3 -> IN, + x.
func.func @residual_1x128x64x64(%x: tensor<1x128x64x64xf32>, %w1: tensor<128x128x3x3xf32>, %b1: tensor<128xf32>, %g1: tensor<128xf32>, %be1: tensor<128xf32>, %w2: tensor<128x128x3x3xf32>, %b2: tensor<128xf32>, %g2: tensor<128xf32>, %be2: tensor<128xf32>) -> tensor<1x128x64x64xf32> {
  %p1 = norm.pad %x low = [0, 0, 1, 1] high = [0, 0, 1, 1] mode = "reflect" : (tensor<1x128x64x64xf32>) -> tensor<1x128x66x66xf32>
  %c1 = norm.conv2d %p1, %w1 bias(%b1) strides = [1, 1] padding = [0, 0, 0, 0] dilations = [1, 1] groups = 1 : (tensor<1x128x66x66xf32>, tensor<128x128x3x3xf32>, tensor<128xf32>) -> tensor<1x128x64x64xf32>
  %n1 = norm.instance_norm %c1 scale(%g1) bias(%be1) eps = 1.0e-05 : (tensor<1x128x64x64xf32>, tensor<128xf32>, tensor<128xf32>) -> tensor<1x128x64x64xf32>
  %r1 = norm.relu %n1 : tensor<1x128x64x64xf32>
  %p2 = norm.pad %r1 low = [0, 0, 1, 1] high = [0, 0, 1, 1] mode = "reflect" : (tensor<1x128x64x64xf32>) -> tensor<1x128x66x66xf32>
  %c2 = norm.conv2d %p2, %w2 bias(%b2) strides = [1, 1] padding = [0, 0, 0, 0] dilations = [1, 1] groups = 1 : (tensor<1x128x66x66xf32>, tensor<128x128x3x3xf32>, tensor<128xf32>) -> tensor<1x128x64x64xf32>
  %n2 = norm.instance_norm %c2 scale(%g2) bias(%be2) eps = 1.0e-05 : (tensor<1x128x64x64xf32>, tensor<128xf32>, tensor<128xf32>) -> tensor<1x128x64x64xf32>
  %y = norm.add %x, %n2 : (tensor<1x128x64x64xf32>, tensor<1x128x64x64xf32>) -> tensor<1x128x64x64xf32>
  return %y : tensor<1x128x64x64xf32>
}
func.func @residual_1x64x128x128(%x: tensor<1x64x128x128xf32>, %w1: tensor<64x64x3x3xf32>, %b1: tensor<64xf32>, %g1: tensor<64xf32>, %be1: tensor<64xf32>, %w2: tensor<64x64x3x3xf32>, %b2: tensor<64xf32>, %g2: tensor<64xf32>, %be2: tensor<64xf32>) -> tensor<1x64x128x128xf32> {
  %p1 = norm.pad %x low = [0, 0, 1, 1] high = [0, 0, 1, 1] mode = "reflect" : (tensor<1x64x128x128xf32>) -> tensor<1x64x130x130xf32>
  %c1 = norm.conv2d %p1, %w1 bias(%b1) strides = [1, 1] padding = [0, 0, 0, 0] dilations = [1, 1] groups = 1 : (tensor<1x64x130x130xf32>, tensor<64x64x3x3xf32>, tensor<64xf32>) -> tensor<1x64x128x128xf32>
  %n1 = norm.instance_norm %c1 scale(%g1) bias(%be1) eps = 1.0e-05 : (tensor<1x64x128x128xf32>, tensor<64xf32>, tensor<64xf32>) -> tensor<1x64x128x128xf32>
  %r1 = norm.relu %n1 : tensor<1x64x128x128xf32>
  %p2 = norm.pad %r1 low = [0, 0, 1, 1] high = [0, 0, 1, 1] mode = "reflect" : (tensor<1x64x128x128xf32>) -> tensor<1x64x130x130xf32>
  %c2 = norm.conv2d %p2, %w2 bias(%b2) strides = [1, 1] padding = [0, 0, 0, 0] dilations = [1, 1] groups = 1 : (tensor<1x64x130x130xf32>, tensor<64x64x3x3xf32>, tensor<64xf32>) -> tensor<1x64x128x128xf32>
  %n2 = norm.instance_norm %c2 scale(%g2) bias(%be2) eps = 1.0e-05 : (tensor<1x64x128x128xf32>, tensor<64xf32>, tensor<64xf32>) -> tensor<1x64x128x128xf32>
  %y = norm.add %x, %n2 : (tensor<1x64x128x128xf32>, tensor<1x64x128x128xf32>) -> tensor<1x64x128x128xf32>
  return %y : tensor<1x64x128x128xf32>
}
// 16-bit storage (f16, bf16): x, scale, bias and y all in the storage type, as
// in a model converted with .to(torch.bfloat16); statistics in f32.
func.func @in_f16_1x64x256x256(%x: tensor<1x64x256x256xf16>, %g: tensor<64xf16>, %b: tensor<64xf16>) -> tensor<1x64x256x256xf16> {
  %y = norm.instance_norm %x scale(%g) bias(%b) eps = 1.0e-05 : (tensor<1x64x256x256xf16>, tensor<64xf16>, tensor<64xf16>) -> tensor<1x64x256x256xf16>
  return %y : tensor<1x64x256x256xf16>
}
func.func @in_f16_8x64x128x128(%x: tensor<8x64x128x128xf16>, %g: tensor<64xf16>, %b: tensor<64xf16>) -> tensor<8x64x128x128xf16> {
  %y = norm.instance_norm %x scale(%g) bias(%b) eps = 1.0e-05 : (tensor<8x64x128x128xf16>, tensor<64xf16>, tensor<64xf16>) -> tensor<8x64x128x128xf16>
  return %y : tensor<8x64x128x128xf16>
}
func.func @in_f16_16x256x32x32(%x: tensor<16x256x32x32xf16>, %g: tensor<256xf16>, %b: tensor<256xf16>) -> tensor<16x256x32x32xf16> {
  %y = norm.instance_norm %x scale(%g) bias(%b) eps = 1.0e-05 : (tensor<16x256x32x32xf16>, tensor<256xf16>, tensor<256xf16>) -> tensor<16x256x32x32xf16>
  return %y : tensor<16x256x32x32xf16>
}
func.func @gn32_f16_8x64x128x128(%x: tensor<8x64x128x128xf16>, %g: tensor<64xf16>, %b: tensor<64xf16>) -> tensor<8x64x128x128xf16> {
  %y = norm.group_norm %x groups = 32 scale(%g) bias(%b) eps = 1.0e-05 : (tensor<8x64x128x128xf16>, tensor<64xf16>, tensor<64xf16>) -> tensor<8x64x128x128xf16>
  return %y : tensor<8x64x128x128xf16>
}
func.func @ln_f16_8x64x128x128(%x: tensor<8x64x128x128xf16>, %g: tensor<64x128x128xf16>, %b: tensor<64x128x128xf16>) -> tensor<8x64x128x128xf16> {
  %y = norm.layer_norm %x axis = 1 scale(%g) bias(%b) eps = 1.0e-05 : (tensor<8x64x128x128xf16>, tensor<64x128x128xf16>, tensor<64x128x128xf16>) -> tensor<8x64x128x128xf16>
  return %y : tensor<8x64x128x128xf16>
}
func.func @in_nhwc_f16_8x64x128x128(%x: tensor<8x128x128x64xf16>, %g: tensor<64xf16>, %b: tensor<64xf16>) -> tensor<8x128x128x64xf16> {
  %y = norm.instance_norm %x scale(%g) bias(%b) eps = 1.0e-05 channels_last : (tensor<8x128x128x64xf16>, tensor<64xf16>, tensor<64xf16>) -> tensor<8x128x128x64xf16>
  return %y : tensor<8x128x128x64xf16>
}
func.func @in_bf16_1x64x256x256(%x: tensor<1x64x256x256xbf16>, %g: tensor<64xbf16>, %b: tensor<64xbf16>) -> tensor<1x64x256x256xbf16> {
  %y = norm.instance_norm %x scale(%g) bias(%b) eps = 1.0e-05 : (tensor<1x64x256x256xbf16>, tensor<64xbf16>, tensor<64xbf16>) -> tensor<1x64x256x256xbf16>
  return %y : tensor<1x64x256x256xbf16>
}
func.func @in_bf16_8x64x128x128(%x: tensor<8x64x128x128xbf16>, %g: tensor<64xbf16>, %b: tensor<64xbf16>) -> tensor<8x64x128x128xbf16> {
  %y = norm.instance_norm %x scale(%g) bias(%b) eps = 1.0e-05 : (tensor<8x64x128x128xbf16>, tensor<64xbf16>, tensor<64xbf16>) -> tensor<8x64x128x128xbf16>
  return %y : tensor<8x64x128x128xbf16>
}
func.func @in_bf16_16x256x32x32(%x: tensor<16x256x32x32xbf16>, %g: tensor<256xbf16>, %b: tensor<256xbf16>) -> tensor<16x256x32x32xbf16> {
  %y = norm.instance_norm %x scale(%g) bias(%b) eps = 1.0e-05 : (tensor<16x256x32x32xbf16>, tensor<256xbf16>, tensor<256xbf16>) -> tensor<16x256x32x32xbf16>
  return %y : tensor<16x256x32x32xbf16>
}
func.func @gn32_bf16_8x64x128x128(%x: tensor<8x64x128x128xbf16>, %g: tensor<64xbf16>, %b: tensor<64xbf16>) -> tensor<8x64x128x128xbf16> {
  %y = norm.group_norm %x groups = 32 scale(%g) bias(%b) eps = 1.0e-05 : (tensor<8x64x128x128xbf16>, tensor<64xbf16>, tensor<64xbf16>) -> tensor<8x64x128x128xbf16>
  return %y : tensor<8x64x128x128xbf16>
}
func.func @ln_bf16_8x64x128x128(%x: tensor<8x64x128x128xbf16>, %g: tensor<64x128x128xbf16>, %b: tensor<64x128x128xbf16>) -> tensor<8x64x128x128xbf16> {
  %y = norm.layer_norm %x axis = 1 scale(%g) bias(%b) eps = 1.0e-05 : (tensor<8x64x128x128xbf16>, tensor<64x128x128xbf16>, tensor<64x128x128xbf16>) -> tensor<8x64x128x128xbf16>
  return %y : tensor<8x64x128x128xbf16>
}
func.func @in_nhwc_bf16_8x64x128x128(%x: tensor<8x128x128x64xbf16>, %g: tensor<64xbf16>, %b: tensor<64xbf16>) -> tensor<8x128x128x64xbf16> {
  %y = norm.instance_norm %x scale(%g) bias(%b) eps = 1.0e-05 channels_last : (tensor<8x128x128x64xbf16>, tensor<64xbf16>, tensor<64xbf16>) -> tensor<8x128x128x64xbf16>
  return %y : tensor<8x128x128x64xbf16>
}
