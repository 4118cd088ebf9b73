// Kernels for the convolution / padding / upsampling numerics tests
// (conv_numerics_test.cpp). Compiled by normc at build time, once fused and
// once with --no-fuse (see CMakeLists.txt). Not a lit test.
//
// Every func's C kernel is
//   int name(const void *user_context, halide_buffer_t *arg..., halide_buffer_t *result)
// with the arguments in the order of the func's parameters.

// ---- conv2d ------------------------------------------------------------------
// (x, w, bias): 3x3, stride 1, padding 1.
func.func @conv_basic(%x: tensor<1x3x9x11xf32>, %w: tensor<4x3x3x3xf32>, %b: tensor<4xf32>) -> tensor<1x4x9x11xf32> {
  %y = norm.conv2d %x, %w bias(%b) strides = [1, 1] padding = [1, 1, 1, 1] dilations = [1, 1] groups = 1 : (tensor<1x3x9x11xf32>, tensor<4x3x3x3xf32>, tensor<4xf32>) -> tensor<1x4x9x11xf32>
  return %y : tensor<1x4x9x11xf32>
}
// (x, w, bias): stride 2, asymmetric padding [top 1, left 0, bottom 2, right 1]:
// OH = (13 + 3 - 2 - 1) / 2 + 1 = 7, OW = (10 + 1 - 2 - 1) / 2 + 1 = 5.
func.func @conv_stride_asym(%x: tensor<2x4x13x10xf32>, %w: tensor<6x4x3x3xf32>, %b: tensor<6xf32>) -> tensor<2x6x7x5xf32> {
  %y = norm.conv2d %x, %w bias(%b) strides = [2, 2] padding = [1, 0, 2, 1] dilations = [1, 1] groups = 1 : (tensor<2x4x13x10xf32>, tensor<6x4x3x3xf32>, tensor<6xf32>) -> tensor<2x6x7x5xf32>
  return %y : tensor<2x6x7x5xf32>
}
// (x, w): dilation 2, padding 2, no bias.
func.func @conv_dilated(%x: tensor<1x5x12x12xf32>, %w: tensor<3x5x3x3xf32>) -> tensor<1x3x12x12xf32> {
  %y = norm.conv2d %x, %w strides = [1, 1] padding = [2, 2, 2, 2] dilations = [2, 2] groups = 1 : (tensor<1x5x12x12xf32>, tensor<3x5x3x3xf32>) -> tensor<1x3x12x12xf32>
  return %y : tensor<1x3x12x12xf32>
}
// (x, w, bias): 2 groups of 4 input / 3 output channels.
func.func @conv_grouped(%x: tensor<1x8x9x9xf32>, %w: tensor<6x4x3x3xf32>, %b: tensor<6xf32>) -> tensor<1x6x9x9xf32> {
  %y = norm.conv2d %x, %w bias(%b) strides = [1, 1] padding = [1, 1, 1, 1] dilations = [1, 1] groups = 2 : (tensor<1x8x9x9xf32>, tensor<6x4x3x3xf32>, tensor<6xf32>) -> tensor<1x6x9x9xf32>
  return %y : tensor<1x6x9x9xf32>
}
// (x, w, bias): depthwise (groups = C = K).
func.func @conv_depthwise(%x: tensor<2x6x10x7xf32>, %w: tensor<6x1x3x3xf32>, %b: tensor<6xf32>) -> tensor<2x6x10x7xf32> {
  %y = norm.conv2d %x, %w bias(%b) strides = [1, 1] padding = [1, 1, 1, 1] dilations = [1, 1] groups = 6 : (tensor<2x6x10x7xf32>, tensor<6x1x3x3xf32>, tensor<6xf32>) -> tensor<2x6x10x7xf32>
  return %y : tensor<2x6x10x7xf32>
}
// (x, w): pointwise, no bias.
func.func @conv_1x1(%x: tensor<1x16x8x8xf32>, %w: tensor<8x16x1x1xf32>) -> tensor<1x8x8x8xf32> {
  %y = norm.conv2d %x, %w strides = [1, 1] padding = [0, 0, 0, 0] dilations = [1, 1] groups = 1 : (tensor<1x16x8x8xf32>, tensor<8x16x1x1xf32>) -> tensor<1x8x8x8xf32>
  return %y : tensor<1x8x8x8xf32>
}
// (x, w, bias): 5x5, padding 2, a wide plane.
func.func @conv_5x5_wide(%x: tensor<1x3x17x40xf32>, %w: tensor<8x3x5x5xf32>, %b: tensor<8xf32>) -> tensor<1x8x17x40xf32> {
  %y = norm.conv2d %x, %w bias(%b) strides = [1, 1] padding = [2, 2, 2, 2] dilations = [1, 1] groups = 1 : (tensor<1x3x17x40xf32>, tensor<8x3x5x5xf32>, tensor<8xf32>) -> tensor<1x8x17x40xf32>
  return %y : tensor<1x8x17x40xf32>
}
// (x, w, bias): dynamic N, C, H, W and K; 3x3 kernel, padding 1.
func.func @conv_dynamic(%x: tensor<?x?x?x?xf32>, %w: tensor<?x?x3x3xf32>, %b: tensor<?xf32>) -> tensor<?x?x?x?xf32> {
  %y = norm.conv2d %x, %w bias(%b) strides = [1, 1] padding = [1, 1, 1, 1] dilations = [1, 1] groups = 1 : (tensor<?x?x?x?xf32>, tensor<?x?x3x3xf32>, tensor<?xf32>) -> tensor<?x?x?x?xf32>
  return %y : tensor<?x?x?x?xf32>
}
// (x, w, bias): channels_last, x [N, H, W, C] and y [N, H, W, K]; w stays [K, C, R, S].
func.func @conv_nhwc(%x: tensor<1x9x11x3xf32>, %w: tensor<4x3x3x3xf32>, %b: tensor<4xf32>) -> tensor<1x9x11x4xf32> {
  %y = norm.conv2d %x, %w bias(%b) strides = [1, 1] padding = [1, 1, 1, 1] dilations = [1, 1] groups = 1 channels_last : (tensor<1x9x11x3xf32>, tensor<4x3x3x3xf32>, tensor<4xf32>) -> tensor<1x9x11x4xf32>
  return %y : tensor<1x9x11x4xf32>
}

// ---- pad ---------------------------------------------------------------------
// (x): H padded 2 before / 1 after, W 1 before / 2 after.
func.func @pad_reflect(%x: tensor<1x3x7x9xf32>) -> tensor<1x3x10x12xf32> {
  %y = norm.pad %x low = [0, 0, 2, 1] high = [0, 0, 1, 2] mode = "reflect" : (tensor<1x3x7x9xf32>) -> tensor<1x3x10x12xf32>
  return %y : tensor<1x3x10x12xf32>
}
func.func @pad_replicate(%x: tensor<1x3x7x9xf32>) -> tensor<1x3x10x12xf32> {
  %y = norm.pad %x low = [0, 0, 2, 1] high = [0, 0, 1, 2] mode = "replicate" : (tensor<1x3x7x9xf32>) -> tensor<1x3x10x12xf32>
  return %y : tensor<1x3x10x12xf32>
}
func.func @pad_zero(%x: tensor<1x3x7x9xf32>) -> tensor<1x3x10x12xf32> {
  %y = norm.pad %x low = [0, 0, 2, 1] high = [0, 0, 1, 2] mode = "zero" : (tensor<1x3x7x9xf32>) -> tensor<1x3x10x12xf32>
  return %y : tensor<1x3x10x12xf32>
}

// ---- upsample ----------------------------------------------------------------
// (x): H x2, W x3.
func.func @up_nearest(%x: tensor<1x3x5x7xf32>) -> tensor<1x3x10x21xf32> {
  %y = norm.upsample %x scale = [1, 1, 2, 3] mode = "nearest" : (tensor<1x3x5x7xf32>) -> tensor<1x3x10x21xf32>
  return %y : tensor<1x3x10x21xf32>
}
// (x): H x2, W x2, align_corners = False.
func.func @up_bilinear(%x: tensor<1x2x5x7xf32>) -> tensor<1x2x10x14xf32> {
  %y = norm.upsample %x scale = [1, 1, 2, 2] mode = "bilinear" : (tensor<1x2x5x7xf32>) -> tensor<1x2x10x14xf32>
  return %y : tensor<1x2x10x14xf32>
}

// ---- fused chains ------------------------------------------------------------
// (x, w, conv bias, gamma, beta): reflect pad 1 -> conv 3x3 (no padding) ->
// instance norm (affine) -> relu, the block of style-transfer networks.
func.func @block_in_relu(%x: tensor<1x16x32x32xf32>, %w: tensor<16x16x3x3xf32>, %b: tensor<16xf32>, %g: tensor<16xf32>, %be: tensor<16xf32>) -> tensor<1x16x32x32xf32> {
  %p = norm.pad %x low = [0, 0, 1, 1] high = [0, 0, 1, 1] mode = "reflect" : (tensor<1x16x32x32xf32>) -> tensor<1x16x34x34xf32>
  %c = norm.conv2d %p, %w bias(%b) strides = [1, 1] padding = [0, 0, 0, 0] dilations = [1, 1] groups = 1 : (tensor<1x16x34x34xf32>, tensor<16x16x3x3xf32>, tensor<16xf32>) -> tensor<1x16x32x32xf32>
  %n = norm.instance_norm %c scale(%g) bias(%be) eps = 1.0e-05 : (tensor<1x16x32x32xf32>, tensor<16xf32>, tensor<16xf32>) -> tensor<1x16x32x32xf32>
  %r = norm.relu %n : tensor<1x16x32x32xf32>
  return %r : tensor<1x16x32x32xf32>
}
// (x, w, conv bias, gamma, beta): the same chain on odd planes, batch 2.
func.func @block_in_relu_odd(%x: tensor<2x8x17x13xf32>, %w: tensor<8x8x3x3xf32>, %b: tensor<8xf32>, %g: tensor<8xf32>, %be: tensor<8xf32>) -> tensor<2x8x17x13xf32> {
  %p = norm.pad %x low = [0, 0, 1, 1] high = [0, 0, 1, 1] mode = "reflect" : (tensor<2x8x17x13xf32>) -> tensor<2x8x19x15xf32>
  %c = norm.conv2d %p, %w bias(%b) strides = [1, 1] padding = [0, 0, 0, 0] dilations = [1, 1] groups = 1 : (tensor<2x8x19x15xf32>, tensor<8x8x3x3xf32>, tensor<8xf32>) -> tensor<2x8x17x13xf32>
  %n = norm.instance_norm %c scale(%g) bias(%be) eps = 1.0e-05 : (tensor<2x8x17x13xf32>, tensor<8xf32>, tensor<8xf32>) -> tensor<2x8x17x13xf32>
  %r = norm.relu %n : tensor<2x8x17x13xf32>
  return %r : tensor<2x8x17x13xf32>
}
// (x, w, conv bias, gamma, beta): nearest x2 -> conv 3x3 padding 1 ->
// instance norm (affine) -> relu, a generator's upsampling block.
func.func @up_block(%x: tensor<1x8x16x16xf32>, %w: tensor<8x8x3x3xf32>, %b: tensor<8xf32>, %g: tensor<8xf32>, %be: tensor<8xf32>) -> tensor<1x8x32x32xf32> {
  %u = norm.upsample %x scale = [1, 1, 2, 2] mode = "nearest" : (tensor<1x8x16x16xf32>) -> tensor<1x8x32x32xf32>
  %c = norm.conv2d %u, %w bias(%b) strides = [1, 1] padding = [1, 1, 1, 1] dilations = [1, 1] groups = 1 : (tensor<1x8x32x32xf32>, tensor<8x8x3x3xf32>, tensor<8xf32>) -> tensor<1x8x32x32xf32>
  %n = norm.instance_norm %c scale(%g) bias(%be) eps = 1.0e-05 : (tensor<1x8x32x32xf32>, tensor<8xf32>, tensor<8xf32>) -> tensor<1x8x32x32xf32>
  %r = norm.relu %n : tensor<1x8x32x32xf32>
  return %r : tensor<1x8x32x32xf32>
}
// (x, w1, b1, g1, be1, w2, b2, g2, be2): the residual block of style-transfer
// networks, x + IN(conv(pad(relu(IN(conv(pad(x))))))).
func.func @residual_block(%x: tensor<1x16x24x24xf32>, %w1: tensor<16x16x3x3xf32>, %b1: tensor<16xf32>, %g1: tensor<16xf32>, %be1: tensor<16xf32>, %w2: tensor<16x16x3x3xf32>, %b2: tensor<16xf32>, %g2: tensor<16xf32>, %be2: tensor<16xf32>) -> tensor<1x16x24x24xf32> {
  %p1 = norm.pad %x low = [0, 0, 1, 1] high = [0, 0, 1, 1] mode = "reflect" : (tensor<1x16x24x24xf32>) -> tensor<1x16x26x26xf32>
  %c1 = norm.conv2d %p1, %w1 bias(%b1) strides = [1, 1] padding = [0, 0, 0, 0] dilations = [1, 1] groups = 1 : (tensor<1x16x26x26xf32>, tensor<16x16x3x3xf32>, tensor<16xf32>) -> tensor<1x16x24x24xf32>
  %n1 = norm.instance_norm %c1 scale(%g1) bias(%be1) eps = 1.0e-05 : (tensor<1x16x24x24xf32>, tensor<16xf32>, tensor<16xf32>) -> tensor<1x16x24x24xf32>
  %r1 = norm.relu %n1 : tensor<1x16x24x24xf32>
  %p2 = norm.pad %r1 low = [0, 0, 1, 1] high = [0, 0, 1, 1] mode = "reflect" : (tensor<1x16x24x24xf32>) -> tensor<1x16x26x26xf32>
  %c2 = norm.conv2d %p2, %w2 bias(%b2) strides = [1, 1] padding = [0, 0, 0, 0] dilations = [1, 1] groups = 1 : (tensor<1x16x26x26xf32>, tensor<16x16x3x3xf32>, tensor<16xf32>) -> tensor<1x16x24x24xf32>
  %n2 = norm.instance_norm %c2 scale(%g2) bias(%be2) eps = 1.0e-05 : (tensor<1x16x24x24xf32>, tensor<16xf32>, tensor<16xf32>) -> tensor<1x16x24x24xf32>
  %y = norm.add %x, %n2 : (tensor<1x16x24x24xf32>, tensor<1x16x24x24xf32>) -> tensor<1x16x24x24xf32>
  return %y : tensor<1x16x24x24xf32>
}
// (x, w, conv bias, running mean, running var, gamma, beta): conv 3x3
// padding 1 -> batch norm (inference) -> relu.
func.func @conv_bn_relu(%x: tensor<2x8x12x12xf32>, %w: tensor<12x8x3x3xf32>, %b: tensor<12xf32>, %m: tensor<12xf32>, %v: tensor<12xf32>, %g: tensor<12xf32>, %be: tensor<12xf32>) -> tensor<2x12x12x12xf32> {
  %c = norm.conv2d %x, %w bias(%b) strides = [1, 1] padding = [1, 1, 1, 1] dilations = [1, 1] groups = 1 : (tensor<2x8x12x12xf32>, tensor<12x8x3x3xf32>, tensor<12xf32>) -> tensor<2x12x12x12xf32>
  %n = norm.batch_norm %c, %m, %v scale(%g) bias(%be) eps = 1.0e-05 : (tensor<2x12x12x12xf32>, tensor<12xf32>, tensor<12xf32>, tensor<12xf32>, tensor<12xf32>) -> tensor<2x12x12x12xf32>
  %r = norm.relu %n : tensor<2x12x12x12xf32>
  return %r : tensor<2x12x12x12xf32>
}
// (x, w, conv bias, gamma, beta): conv 3x3 padding 1 -> group norm (4 groups,
// affine) -> silu.
func.func @conv_gn_silu(%x: tensor<1x16x20x20xf32>, %w: tensor<16x16x3x3xf32>, %b: tensor<16xf32>, %g: tensor<16xf32>, %be: tensor<16xf32>) -> tensor<1x16x20x20xf32> {
  %c = norm.conv2d %x, %w bias(%b) strides = [1, 1] padding = [1, 1, 1, 1] dilations = [1, 1] groups = 1 : (tensor<1x16x20x20xf32>, tensor<16x16x3x3xf32>, tensor<16xf32>) -> tensor<1x16x20x20xf32>
  %n = norm.group_norm %c groups = 4 scale(%g) bias(%be) eps = 1.0e-05 : (tensor<1x16x20x20xf32>, tensor<16xf32>, tensor<16xf32>) -> tensor<1x16x20x20xf32>
  %s = norm.silu %n : tensor<1x16x20x20xf32>
  return %s : tensor<1x16x20x20xf32>
}

// Channels-last with K a multiple of 16: the register-tiled channels-last
// schedule (output channels in the vector lanes), alone and before a
// channels-last instance norm and ReLU.
func.func @conv_nhwc_tiled(%x: tensor<2x9x14x8xf32>, %w: tensor<16x8x3x3xf32>, %b: tensor<16xf32>) -> tensor<2x9x14x16xf32> {
  %y = norm.conv2d %x, %w bias(%b) strides = [1, 1] padding = [1, 1, 1, 1] dilations = [1, 1] groups = 1 channels_last : (tensor<2x9x14x8xf32>, tensor<16x8x3x3xf32>, tensor<16xf32>) -> tensor<2x9x14x16xf32>
  return %y : tensor<2x9x14x16xf32>
}
func.func @block_nhwc(%x: tensor<1x12x13x16xf32>, %w: tensor<32x16x3x3xf32>, %b: tensor<32xf32>, %g: tensor<32xf32>, %be: tensor<32xf32>) -> tensor<1x12x13x32xf32> {
  %c = norm.conv2d %x, %w bias(%b) strides = [1, 1] padding = [1, 1, 1, 1] dilations = [1, 1] groups = 1 channels_last : (tensor<1x12x13x16xf32>, tensor<32x16x3x3xf32>, tensor<32xf32>) -> tensor<1x12x13x32xf32>
  %n = norm.instance_norm %c scale(%g) bias(%be) eps = 1.0e-05 channels_last : (tensor<1x12x13x32xf32>, tensor<32xf32>, tensor<32xf32>) -> tensor<1x12x13x32xf32>
  %y = norm.relu %n : tensor<1x12x13x32xf32>
  return %y : tensor<1x12x13x32xf32>
}

// Group norm whose 6 channels per group do not fit the 4-channel conv tile
// in a task: the conv is materialized instead of fused (the fallback).
func.func @conv_gn_materialized(%x: tensor<1x8x10x24xf32>, %w: tensor<12x8x3x3xf32>, %b: tensor<12xf32>, %g: tensor<12xf32>, %be: tensor<12xf32>) -> tensor<1x12x10x24xf32> {
  %c = norm.conv2d %x, %w bias(%b) strides = [1, 1] padding = [1, 1, 1, 1] dilations = [1, 1] groups = 1 : (tensor<1x8x10x24xf32>, tensor<12x8x3x3xf32>, tensor<12xf32>) -> tensor<1x12x10x24xf32>
  %n = norm.group_norm %c groups = 2 scale(%g) bias(%be) eps = 1.0e-05 : (tensor<1x12x10x24xf32>, tensor<12xf32>, tensor<12xf32>) -> tensor<1x12x10x24xf32>
  return %n : tensor<1x12x10x24xf32>
}

// A value that is both returned and read by a later group (the ReLU output
// feeds the conv's group): the later group reads the returned buffer.
func.func @returned_and_reused(%x: tensor<1x8x11x13xf32>, %w: tensor<8x8x3x3xf32>) -> (tensor<1x8x11x13xf32>, tensor<1x8x11x13xf32>) {
  %r = norm.relu %x : tensor<1x8x11x13xf32>
  %c = norm.conv2d %r, %w strides = [1, 1] padding = [1, 1, 1, 1] dilations = [1, 1] groups = 1 : (tensor<1x8x11x13xf32>, tensor<8x8x3x3xf32>) -> tensor<1x8x11x13xf32>
  %n = norm.instance_norm %c eps = 1.0e-05 : (tensor<1x8x11x13xf32>) -> tensor<1x8x11x13xf32>
  return %r, %n : tensor<1x8x11x13xf32>, tensor<1x8x11x13xf32>
}
