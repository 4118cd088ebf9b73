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
// The same chain fused on rows of 40 (2.5 vectors on AVX-512): the task's
// statistics sum each scratch plane as one run of H x W elements.
func.func @block_in_relu_w40(%x: tensor<2x8x9x40xf32>, %w: tensor<8x8x3x3xf32>, %b: tensor<8xf32>, %g: tensor<8xf32>, %be: tensor<8xf32>) -> tensor<2x8x9x40xf32> {
  %p = norm.pad %x low = [0, 0, 1, 1] high = [0, 0, 1, 1] mode = "reflect" : (tensor<2x8x9x40xf32>) -> tensor<2x8x11x42xf32>
  %c = norm.conv2d %p, %w bias(%b) strides = [1, 1] padding = [0, 0, 0, 0] dilations = [1, 1] groups = 1 : (tensor<2x8x11x42xf32>, tensor<8x8x3x3xf32>, tensor<8xf32>) -> tensor<2x8x9x40xf32>
  %n = norm.instance_norm %c scale(%g) bias(%be) eps = 1.0e-05 : (tensor<2x8x9x40xf32>, tensor<8xf32>, tensor<8xf32>) -> tensor<2x8x9x40xf32>
  %r = norm.relu %n : tensor<2x8x9x40xf32>
  return %r : tensor<2x8x9x40xf32>
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

// Convs written to a buffer in tasks of row bands, each task staging its
// own padded input rows (halide_gen/ScheduleConv.cpp): 21 rows in bands
// that do not divide them (the last band shifted inwards), stride 2, an
// upsampled input, and a conv -> instance norm on a plane too large to
// fuse (one K tile of 192x192 is over 512 KB), whose conv is materialized.
func.func @conv_row_bands(%x: tensor<2x16x21x64xf32>, %w: tensor<16x16x3x3xf32>, %b: tensor<16xf32>) -> tensor<2x16x21x64xf32> {
  %y = norm.conv2d %x, %w bias(%b) strides = [1, 1] padding = [1, 1, 1, 1] dilations = [1, 1] groups = 1 : (tensor<2x16x21x64xf32>, tensor<16x16x3x3xf32>, tensor<16xf32>) -> tensor<2x16x21x64xf32>
  return %y : tensor<2x16x21x64xf32>
}
func.func @conv_stride2_bands(%x: tensor<1x8x34x64xf32>, %w: tensor<8x8x3x3xf32>, %b: tensor<8xf32>) -> tensor<1x8x17x32xf32> {
  %y = norm.conv2d %x, %w bias(%b) strides = [2, 2] padding = [1, 1, 1, 1] dilations = [1, 1] groups = 1 : (tensor<1x8x34x64xf32>, tensor<8x8x3x3xf32>, tensor<8xf32>) -> tensor<1x8x17x32xf32>
  return %y : tensor<1x8x17x32xf32>
}
func.func @up_conv_bands(%x: tensor<1x8x12x16xf32>, %w: tensor<8x8x3x3xf32>, %b: tensor<8xf32>) -> tensor<1x8x24x32xf32> {
  %u = norm.upsample %x scale = [1, 1, 2, 2] mode = "nearest" : (tensor<1x8x12x16xf32>) -> tensor<1x8x24x32xf32>
  %y = norm.conv2d %u, %w bias(%b) strides = [1, 1] padding = [1, 1, 1, 1] dilations = [1, 1] groups = 1 : (tensor<1x8x24x32xf32>, tensor<8x8x3x3xf32>, tensor<8xf32>) -> tensor<1x8x24x32xf32>
  return %y : tensor<1x8x24x32xf32>
}
func.func @block_large_plane(%x: tensor<1x8x192x192xf32>, %w: tensor<8x8x3x3xf32>, %b: tensor<8xf32>, %g: tensor<8xf32>, %be: tensor<8xf32>) -> tensor<1x8x192x192xf32> {
  %c = norm.conv2d %x, %w bias(%b) strides = [1, 1] padding = [1, 1, 1, 1] dilations = [1, 1] groups = 1 : (tensor<1x8x192x192xf32>, tensor<8x8x3x3xf32>, tensor<8xf32>) -> tensor<1x8x192x192xf32>
  %n = norm.instance_norm %c scale(%g) bias(%be) eps = 1.0e-05 : (tensor<1x8x192x192xf32>, tensor<8xf32>, tensor<8xf32>) -> tensor<1x8x192x192xf32>
  %r = norm.relu %n : tensor<1x8x192x192xf32>
  return %r : tensor<1x8x192x192xf32>
}

// A value that is both returned and read by a later group (the ReLU output
// feeds the conv's group): the later group reads the returned buffer.
func.func @returned_and_reused(%x: tensor<1x8x11x13xf32>, %w: tensor<8x8x3x3xf32>) -> (tensor<1x8x11x13xf32>, tensor<1x8x11x13xf32>) {
  %r = norm.relu %x : tensor<1x8x11x13xf32>
  %c = norm.conv2d %r, %w strides = [1, 1] padding = [1, 1, 1, 1] dilations = [1, 1] groups = 1 : (tensor<1x8x11x13xf32>, tensor<8x8x3x3xf32>) -> tensor<1x8x11x13xf32>
  %n = norm.instance_norm %c eps = 1.0e-05 : (tensor<1x8x11x13xf32>) -> tensor<1x8x11x13xf32>
  return %r, %n : tensor<1x8x11x13xf32>, tensor<1x8x11x13xf32>
}

// Six residual blocks without conv biases (x, then per block w1, g1, be1,
// w2, g2, be2), from test/tools/normc/Inputs/residual_stack.py 6 8 16 16:
// twelve kernel groups, compiled as a chunk of eight calls and four more.
func.func @residual_stack(%x: tensor<1x8x16x16xf32>, %w0_1: tensor<8x8x3x3xf32>, %g0_1: tensor<8xf32>, %be0_1: tensor<8xf32>, %w0_2: tensor<8x8x3x3xf32>, %g0_2: tensor<8xf32>, %be0_2: tensor<8xf32>, %w1_1: tensor<8x8x3x3xf32>, %g1_1: tensor<8xf32>, %be1_1: tensor<8xf32>, %w1_2: tensor<8x8x3x3xf32>, %g1_2: tensor<8xf32>, %be1_2: tensor<8xf32>, %w2_1: tensor<8x8x3x3xf32>, %g2_1: tensor<8xf32>, %be2_1: tensor<8xf32>, %w2_2: tensor<8x8x3x3xf32>, %g2_2: tensor<8xf32>, %be2_2: tensor<8xf32>, %w3_1: tensor<8x8x3x3xf32>, %g3_1: tensor<8xf32>, %be3_1: tensor<8xf32>, %w3_2: tensor<8x8x3x3xf32>, %g3_2: tensor<8xf32>, %be3_2: tensor<8xf32>, %w4_1: tensor<8x8x3x3xf32>, %g4_1: tensor<8xf32>, %be4_1: tensor<8xf32>, %w4_2: tensor<8x8x3x3xf32>, %g4_2: tensor<8xf32>, %be4_2: tensor<8xf32>, %w5_1: tensor<8x8x3x3xf32>, %g5_1: tensor<8xf32>, %be5_1: tensor<8xf32>, %w5_2: tensor<8x8x3x3xf32>, %g5_2: tensor<8xf32>, %be5_2: tensor<8xf32>) -> (tensor<1x8x16x16xf32>) {
  %p0_1 = norm.pad %x low = [0, 0, 1, 1] high = [0, 0, 1, 1] mode = "reflect" : (tensor<1x8x16x16xf32>) -> tensor<1x8x18x18xf32>
  %c0_1 = norm.conv2d %p0_1, %w0_1 strides = [1, 1] padding = [0, 0, 0, 0] dilations = [1, 1] groups = 1 : (tensor<1x8x18x18xf32>, tensor<8x8x3x3xf32>) -> tensor<1x8x16x16xf32>
  %n0_1 = norm.instance_norm %c0_1 scale(%g0_1) bias(%be0_1) eps = 1.0e-05 : (tensor<1x8x16x16xf32>, tensor<8xf32>, tensor<8xf32>) -> tensor<1x8x16x16xf32>
  %r0 = norm.relu %n0_1 : tensor<1x8x16x16xf32>
  %p0_2 = norm.pad %r0 low = [0, 0, 1, 1] high = [0, 0, 1, 1] mode = "reflect" : (tensor<1x8x16x16xf32>) -> tensor<1x8x18x18xf32>
  %c0_2 = norm.conv2d %p0_2, %w0_2 strides = [1, 1] padding = [0, 0, 0, 0] dilations = [1, 1] groups = 1 : (tensor<1x8x18x18xf32>, tensor<8x8x3x3xf32>) -> tensor<1x8x16x16xf32>
  %n0_2 = norm.instance_norm %c0_2 scale(%g0_2) bias(%be0_2) eps = 1.0e-05 : (tensor<1x8x16x16xf32>, tensor<8xf32>, tensor<8xf32>) -> tensor<1x8x16x16xf32>
  %y0 = norm.add %x, %n0_2 : (tensor<1x8x16x16xf32>, tensor<1x8x16x16xf32>) -> tensor<1x8x16x16xf32>
  %p1_1 = norm.pad %y0 low = [0, 0, 1, 1] high = [0, 0, 1, 1] mode = "reflect" : (tensor<1x8x16x16xf32>) -> tensor<1x8x18x18xf32>
  %c1_1 = norm.conv2d %p1_1, %w1_1 strides = [1, 1] padding = [0, 0, 0, 0] dilations = [1, 1] groups = 1 : (tensor<1x8x18x18xf32>, tensor<8x8x3x3xf32>) -> tensor<1x8x16x16xf32>
  %n1_1 = norm.instance_norm %c1_1 scale(%g1_1) bias(%be1_1) eps = 1.0e-05 : (tensor<1x8x16x16xf32>, tensor<8xf32>, tensor<8xf32>) -> tensor<1x8x16x16xf32>
  %r1 = norm.relu %n1_1 : tensor<1x8x16x16xf32>
  %p1_2 = norm.pad %r1 low = [0, 0, 1, 1] high = [0, 0, 1, 1] mode = "reflect" : (tensor<1x8x16x16xf32>) -> tensor<1x8x18x18xf32>
  %c1_2 = norm.conv2d %p1_2, %w1_2 strides = [1, 1] padding = [0, 0, 0, 0] dilations = [1, 1] groups = 1 : (tensor<1x8x18x18xf32>, tensor<8x8x3x3xf32>) -> tensor<1x8x16x16xf32>
  %n1_2 = norm.instance_norm %c1_2 scale(%g1_2) bias(%be1_2) eps = 1.0e-05 : (tensor<1x8x16x16xf32>, tensor<8xf32>, tensor<8xf32>) -> tensor<1x8x16x16xf32>
  %y1 = norm.add %y0, %n1_2 : (tensor<1x8x16x16xf32>, tensor<1x8x16x16xf32>) -> tensor<1x8x16x16xf32>
  %p2_1 = norm.pad %y1 low = [0, 0, 1, 1] high = [0, 0, 1, 1] mode = "reflect" : (tensor<1x8x16x16xf32>) -> tensor<1x8x18x18xf32>
  %c2_1 = norm.conv2d %p2_1, %w2_1 strides = [1, 1] padding = [0, 0, 0, 0] dilations = [1, 1] groups = 1 : (tensor<1x8x18x18xf32>, tensor<8x8x3x3xf32>) -> tensor<1x8x16x16xf32>
  %n2_1 = norm.instance_norm %c2_1 scale(%g2_1) bias(%be2_1) eps = 1.0e-05 : (tensor<1x8x16x16xf32>, tensor<8xf32>, tensor<8xf32>) -> tensor<1x8x16x16xf32>
  %r2 = norm.relu %n2_1 : tensor<1x8x16x16xf32>
  %p2_2 = norm.pad %r2 low = [0, 0, 1, 1] high = [0, 0, 1, 1] mode = "reflect" : (tensor<1x8x16x16xf32>) -> tensor<1x8x18x18xf32>
  %c2_2 = norm.conv2d %p2_2, %w2_2 strides = [1, 1] padding = [0, 0, 0, 0] dilations = [1, 1] groups = 1 : (tensor<1x8x18x18xf32>, tensor<8x8x3x3xf32>) -> tensor<1x8x16x16xf32>
  %n2_2 = norm.instance_norm %c2_2 scale(%g2_2) bias(%be2_2) eps = 1.0e-05 : (tensor<1x8x16x16xf32>, tensor<8xf32>, tensor<8xf32>) -> tensor<1x8x16x16xf32>
  %y2 = norm.add %y1, %n2_2 : (tensor<1x8x16x16xf32>, tensor<1x8x16x16xf32>) -> tensor<1x8x16x16xf32>
  %p3_1 = norm.pad %y2 low = [0, 0, 1, 1] high = [0, 0, 1, 1] mode = "reflect" : (tensor<1x8x16x16xf32>) -> tensor<1x8x18x18xf32>
  %c3_1 = norm.conv2d %p3_1, %w3_1 strides = [1, 1] padding = [0, 0, 0, 0] dilations = [1, 1] groups = 1 : (tensor<1x8x18x18xf32>, tensor<8x8x3x3xf32>) -> tensor<1x8x16x16xf32>
  %n3_1 = norm.instance_norm %c3_1 scale(%g3_1) bias(%be3_1) eps = 1.0e-05 : (tensor<1x8x16x16xf32>, tensor<8xf32>, tensor<8xf32>) -> tensor<1x8x16x16xf32>
  %r3 = norm.relu %n3_1 : tensor<1x8x16x16xf32>
  %p3_2 = norm.pad %r3 low = [0, 0, 1, 1] high = [0, 0, 1, 1] mode = "reflect" : (tensor<1x8x16x16xf32>) -> tensor<1x8x18x18xf32>
  %c3_2 = norm.conv2d %p3_2, %w3_2 strides = [1, 1] padding = [0, 0, 0, 0] dilations = [1, 1] groups = 1 : (tensor<1x8x18x18xf32>, tensor<8x8x3x3xf32>) -> tensor<1x8x16x16xf32>
  %n3_2 = norm.instance_norm %c3_2 scale(%g3_2) bias(%be3_2) eps = 1.0e-05 : (tensor<1x8x16x16xf32>, tensor<8xf32>, tensor<8xf32>) -> tensor<1x8x16x16xf32>
  %y3 = norm.add %y2, %n3_2 : (tensor<1x8x16x16xf32>, tensor<1x8x16x16xf32>) -> tensor<1x8x16x16xf32>
  %p4_1 = norm.pad %y3 low = [0, 0, 1, 1] high = [0, 0, 1, 1] mode = "reflect" : (tensor<1x8x16x16xf32>) -> tensor<1x8x18x18xf32>
  %c4_1 = norm.conv2d %p4_1, %w4_1 strides = [1, 1] padding = [0, 0, 0, 0] dilations = [1, 1] groups = 1 : (tensor<1x8x18x18xf32>, tensor<8x8x3x3xf32>) -> tensor<1x8x16x16xf32>
  %n4_1 = norm.instance_norm %c4_1 scale(%g4_1) bias(%be4_1) eps = 1.0e-05 : (tensor<1x8x16x16xf32>, tensor<8xf32>, tensor<8xf32>) -> tensor<1x8x16x16xf32>
  %r4 = norm.relu %n4_1 : tensor<1x8x16x16xf32>
  %p4_2 = norm.pad %r4 low = [0, 0, 1, 1] high = [0, 0, 1, 1] mode = "reflect" : (tensor<1x8x16x16xf32>) -> tensor<1x8x18x18xf32>
  %c4_2 = norm.conv2d %p4_2, %w4_2 strides = [1, 1] padding = [0, 0, 0, 0] dilations = [1, 1] groups = 1 : (tensor<1x8x18x18xf32>, tensor<8x8x3x3xf32>) -> tensor<1x8x16x16xf32>
  %n4_2 = norm.instance_norm %c4_2 scale(%g4_2) bias(%be4_2) eps = 1.0e-05 : (tensor<1x8x16x16xf32>, tensor<8xf32>, tensor<8xf32>) -> tensor<1x8x16x16xf32>
  %y4 = norm.add %y3, %n4_2 : (tensor<1x8x16x16xf32>, tensor<1x8x16x16xf32>) -> tensor<1x8x16x16xf32>
  %p5_1 = norm.pad %y4 low = [0, 0, 1, 1] high = [0, 0, 1, 1] mode = "reflect" : (tensor<1x8x16x16xf32>) -> tensor<1x8x18x18xf32>
  %c5_1 = norm.conv2d %p5_1, %w5_1 strides = [1, 1] padding = [0, 0, 0, 0] dilations = [1, 1] groups = 1 : (tensor<1x8x18x18xf32>, tensor<8x8x3x3xf32>) -> tensor<1x8x16x16xf32>
  %n5_1 = norm.instance_norm %c5_1 scale(%g5_1) bias(%be5_1) eps = 1.0e-05 : (tensor<1x8x16x16xf32>, tensor<8xf32>, tensor<8xf32>) -> tensor<1x8x16x16xf32>
  %r5 = norm.relu %n5_1 : tensor<1x8x16x16xf32>
  %p5_2 = norm.pad %r5 low = [0, 0, 1, 1] high = [0, 0, 1, 1] mode = "reflect" : (tensor<1x8x16x16xf32>) -> tensor<1x8x18x18xf32>
  %c5_2 = norm.conv2d %p5_2, %w5_2 strides = [1, 1] padding = [0, 0, 0, 0] dilations = [1, 1] groups = 1 : (tensor<1x8x18x18xf32>, tensor<8x8x3x3xf32>) -> tensor<1x8x16x16xf32>
  %n5_2 = norm.instance_norm %c5_2 scale(%g5_2) bias(%be5_2) eps = 1.0e-05 : (tensor<1x8x16x16xf32>, tensor<8xf32>, tensor<8xf32>) -> tensor<1x8x16x16xf32>
  %y5 = norm.add %y4, %n5_2 : (tensor<1x8x16x16xf32>, tensor<1x8x16x16xf32>) -> tensor<1x8x16x16xf32>
  return %y5 : tensor<1x8x16x16xf32>
}

// Static channels, dynamic plane (a network compiled for any image size):
// the conv's register tiles specialized for planes of at least one tile,
// guarded tails below.
func.func @block_dynamic_plane(%x: tensor<1x8x?x?xf32>, %w: tensor<8x8x3x3xf32>, %b: tensor<8xf32>, %g: tensor<8xf32>, %be: tensor<8xf32>) -> tensor<1x8x?x?xf32> {
  %p = norm.pad %x low = [0, 0, 1, 1] high = [0, 0, 1, 1] mode = "reflect" : (tensor<1x8x?x?xf32>) -> tensor<1x8x?x?xf32>
  %c = norm.conv2d %p, %w bias(%b) strides = [1, 1] padding = [0, 0, 0, 0] dilations = [1, 1] groups = 1 : (tensor<1x8x?x?xf32>, tensor<8x8x3x3xf32>, tensor<8xf32>) -> tensor<1x8x?x?xf32>
  %n = norm.instance_norm %c scale(%g) bias(%be) eps = 1.0e-05 : (tensor<1x8x?x?xf32>, tensor<8xf32>, tensor<8xf32>) -> tensor<1x8x?x?xf32>
  %r = norm.relu %n : tensor<1x8x?x?xf32>
  return %r : tensor<1x8x?x?xf32>
}

// A residual block on a dynamic plane: two groups composed as separate
// pipelines, each value's extents derived from the arguments'.
func.func @residual_block_dynamic(%x: tensor<1x8x?x?xf32>, %w1: tensor<8x8x3x3xf32>, %b1: tensor<8xf32>, %g1: tensor<8xf32>, %be1: tensor<8xf32>, %w2: tensor<8x8x3x3xf32>, %b2: tensor<8xf32>, %g2: tensor<8xf32>, %be2: tensor<8xf32>) -> tensor<1x8x?x?xf32> {
  %p1 = norm.pad %x low = [0, 0, 1, 1] high = [0, 0, 1, 1] mode = "reflect" : (tensor<1x8x?x?xf32>) -> tensor<1x8x?x?xf32>
  %c1 = norm.conv2d %p1, %w1 bias(%b1) strides = [1, 1] padding = [0, 0, 0, 0] dilations = [1, 1] groups = 1 : (tensor<1x8x?x?xf32>, tensor<8x8x3x3xf32>, tensor<8xf32>) -> tensor<1x8x?x?xf32>
  %n1 = norm.instance_norm %c1 scale(%g1) bias(%be1) eps = 1.0e-05 : (tensor<1x8x?x?xf32>, tensor<8xf32>, tensor<8xf32>) -> tensor<1x8x?x?xf32>
  %r1 = norm.relu %n1 : tensor<1x8x?x?xf32>
  %p2 = norm.pad %r1 low = [0, 0, 1, 1] high = [0, 0, 1, 1] mode = "reflect" : (tensor<1x8x?x?xf32>) -> tensor<1x8x?x?xf32>
  %c2 = norm.conv2d %p2, %w2 bias(%b2) strides = [1, 1] padding = [0, 0, 0, 0] dilations = [1, 1] groups = 1 : (tensor<1x8x?x?xf32>, tensor<8x8x3x3xf32>, tensor<8xf32>) -> tensor<1x8x?x?xf32>
  %n2 = norm.instance_norm %c2 scale(%g2) bias(%be2) eps = 1.0e-05 : (tensor<1x8x?x?xf32>, tensor<8xf32>, tensor<8xf32>) -> tensor<1x8x?x?xf32>
  %y = norm.add %x, %n2 : (tensor<1x8x?x?xf32>, tensor<1x8x?x?xf32>) -> tensor<1x8x?x?xf32>
  return %y : tensor<1x8x?x?xf32>
}
