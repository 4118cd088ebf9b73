// Kernels for the numerics tests (numerics_test.cpp). Compiled by normc at
// build time, once per schedule configuration (see CMakeLists.txt).

// ---- instance norm ----------------------------------------------------------
func.func @in2d_dyn_affine(%x: tensor<?x?x?x?xf32>, %g: tensor<?xf32>, %b: tensor<?xf32>) -> tensor<?x?x?x?xf32> {
  %y = norm.instance_norm %x scale(%g) bias(%b) eps = 1.0e-05 : (tensor<?x?x?x?xf32>, tensor<?xf32>, tensor<?xf32>) -> tensor<?x?x?x?xf32>
  return %y : tensor<?x?x?x?xf32>
}
func.func @in2d_dyn(%x: tensor<?x?x?x?xf32>) -> tensor<?x?x?x?xf32> {
  %y = norm.instance_norm %x eps = 1.0e-05 : (tensor<?x?x?x?xf32>) -> tensor<?x?x?x?xf32>
  return %y : tensor<?x?x?x?xf32>
}
func.func @in2d_odd_affine(%x: tensor<3x5x7x13xf32>, %g: tensor<5xf32>, %b: tensor<5xf32>) -> tensor<3x5x7x13xf32> {
  %y = norm.instance_norm %x scale(%g) bias(%b) eps = 1.0e-05 : (tensor<3x5x7x13xf32>, tensor<5xf32>, tensor<5xf32>) -> tensor<3x5x7x13xf32>
  return %y : tensor<3x5x7x13xf32>
}
func.func @in2d_c1(%x: tensor<2x1x7x13xf32>) -> tensor<2x1x7x13xf32> {
  %y = norm.instance_norm %x eps = 1.0e-03 : (tensor<2x1x7x13xf32>) -> tensor<2x1x7x13xf32>
  return %y : tensor<2x1x7x13xf32>
}
func.func @in2d_1x1_affine(%x: tensor<2x3x1x1xf32>, %g: tensor<3xf32>, %b: tensor<3xf32>) -> tensor<2x3x1x1xf32> {
  %y = norm.instance_norm %x scale(%g) bias(%b) eps = 1.0e-05 : (tensor<2x3x1x1xf32>, tensor<3xf32>, tensor<3xf32>) -> tensor<2x3x1x1xf32>
  return %y : tensor<2x3x1x1xf32>
}
func.func @in2d_512_affine(%x: tensor<1x2x512x512xf32>, %g: tensor<2xf32>, %b: tensor<2xf32>) -> tensor<1x2x512x512xf32> {
  %y = norm.instance_norm %x scale(%g) bias(%b) eps = 1.0e-05 : (tensor<1x2x512x512xf32>, tensor<2xf32>, tensor<2xf32>) -> tensor<1x2x512x512xf32>
  return %y : tensor<1x2x512x512xf32>
}
func.func @in1d_dyn_affine(%x: tensor<?x?x?xf32>, %g: tensor<?xf32>, %b: tensor<?xf32>) -> tensor<?x?x?xf32> {
  %y = norm.instance_norm %x scale(%g) bias(%b) eps = 1.0e-05 : (tensor<?x?x?xf32>, tensor<?xf32>, tensor<?xf32>) -> tensor<?x?x?xf32>
  return %y : tensor<?x?x?xf32>
}
func.func @in3d_dyn_affine(%x: tensor<?x?x?x?x?xf32>, %g: tensor<?xf32>, %b: tensor<?xf32>) -> tensor<?x?x?x?x?xf32> {
  %y = norm.instance_norm %x scale(%g) bias(%b) eps = 1.0e-05 : (tensor<?x?x?x?x?xf32>, tensor<?xf32>, tensor<?xf32>) -> tensor<?x?x?x?x?xf32>
  return %y : tensor<?x?x?x?x?xf32>
}
func.func @in2d_relu(%x: tensor<2x4x16x16xf32>, %g: tensor<4xf32>, %b: tensor<4xf32>) -> tensor<2x4x16x16xf32> {
  %y = norm.instance_norm %x scale(%g) bias(%b) eps = 1.0e-05 : (tensor<2x4x16x16xf32>, tensor<4xf32>, tensor<4xf32>) -> tensor<2x4x16x16xf32>
  %r = norm.relu %y : tensor<2x4x16x16xf32>
  return %r : tensor<2x4x16x16xf32>
}

// ---- group norm -------------------------------------------------------------
func.func @gn4_dyn_affine(%x: tensor<?x?x?x?xf32>, %g: tensor<?xf32>, %b: tensor<?xf32>) -> tensor<?x?x?x?xf32> {
  %y = norm.group_norm %x groups = 4 scale(%g) bias(%b) eps = 1.0e-05 : (tensor<?x?x?x?xf32>, tensor<?xf32>, tensor<?xf32>) -> tensor<?x?x?x?xf32>
  return %y : tensor<?x?x?x?xf32>
}
func.func @gn2_odd(%x: tensor<2x6x5x7xf32>) -> tensor<2x6x5x7xf32> {
  %y = norm.group_norm %x groups = 2 eps = 1.0e-05 : (tensor<2x6x5x7xf32>) -> tensor<2x6x5x7xf32>
  return %y : tensor<2x6x5x7xf32>
}
func.func @gn1_affine(%x: tensor<1x3x4x4xf32>, %g: tensor<3xf32>, %b: tensor<3xf32>) -> tensor<1x3x4x4xf32> {
  %y = norm.group_norm %x groups = 1 scale(%g) bias(%b) eps = 1.0e-05 : (tensor<1x3x4x4xf32>, tensor<3xf32>, tensor<3xf32>) -> tensor<1x3x4x4xf32>
  return %y : tensor<1x3x4x4xf32>
}
func.func @gn32_affine(%x: tensor<1x64x32x32xf32>, %g: tensor<64xf32>, %b: tensor<64xf32>) -> tensor<1x64x32x32xf32> {
  %y = norm.group_norm %x groups = 32 scale(%g) bias(%b) eps = 1.0e-05 : (tensor<1x64x32x32xf32>, tensor<64xf32>, tensor<64xf32>) -> tensor<1x64x32x32xf32>
  return %y : tensor<1x64x32x32xf32>
}

// ---- layer norm -------------------------------------------------------------
func.func @ln1_dyn_affine(%x: tensor<?x?x?x?xf32>, %g: tensor<?x?x?xf32>, %b: tensor<?x?x?xf32>) -> tensor<?x?x?x?xf32> {
  %y = norm.layer_norm %x axis = 1 scale(%g) bias(%b) eps = 1.0e-05 : (tensor<?x?x?x?xf32>, tensor<?x?x?xf32>, tensor<?x?x?xf32>) -> tensor<?x?x?x?xf32>
  return %y : tensor<?x?x?x?xf32>
}
// Static, N >= 2, a sample-sized scale and bias: the default placement is
// root (tuning/Defaults.cpp); the statistics' slices (one per plane) and
// the output's planes, 120 of 143 elements, run 7 per task in 18 tasks, the
// last one partial (test/halide_gen/ln-root-tasks.mlir).
func.func @ln1_batched_affine(%x: tensor<40x3x11x13xf32>, %g: tensor<3x11x13xf32>, %b: tensor<3x11x13xf32>) -> tensor<40x3x11x13xf32> {
  %y = norm.layer_norm %x axis = 1 scale(%g) bias(%b) eps = 1.0e-05 : (tensor<40x3x11x13xf32>, tensor<3x11x13xf32>, tensor<3x11x13xf32>) -> tensor<40x3x11x13xf32>
  return %y : tensor<40x3x11x13xf32>
}
func.func @ln3_affine(%x: tensor<2x3x4x5xf32>, %g: tensor<5xf32>, %b: tensor<5xf32>) -> tensor<2x3x4x5xf32> {
  %y = norm.layer_norm %x axis = 3 scale(%g) bias(%b) eps = 1.0e-05 : (tensor<2x3x4x5xf32>, tensor<5xf32>, tensor<5xf32>) -> tensor<2x3x4x5xf32>
  return %y : tensor<2x3x4x5xf32>
}
func.func @ln_rank2_dyn(%x: tensor<?x?xf32>, %g: tensor<?xf32>, %b: tensor<?xf32>) -> tensor<?x?xf32> {
  %y = norm.layer_norm %x axis = 1 scale(%g) bias(%b) eps = 1.0e-05 : (tensor<?x?xf32>, tensor<?xf32>, tensor<?xf32>) -> tensor<?x?xf32>
  return %y : tensor<?x?xf32>
}
func.func @ln0(%x: tensor<3x4x5xf32>) -> tensor<3x4x5xf32> {
  %y = norm.layer_norm %x axis = 0 eps = 1.0e-05 : (tensor<3x4x5xf32>) -> tensor<3x4x5xf32>
  return %y : tensor<3x4x5xf32>
}

// ---- decomposed core used directly --------------------------------------------
func.func @moments_hw(%x: tensor<?x?x?x?xf32>) -> (tensor<?x?x1x1xf32>, tensor<?x?x1x1xf32>) {
  %m, %r = norm.moments %x dims = [2, 3] groups = 1 eps = 1.0e-05 : tensor<?x?x?x?xf32> -> tensor<?x?x1x1xf32>, tensor<?x?x1x1xf32>
  return %m, %r : tensor<?x?x1x1xf32>, tensor<?x?x1x1xf32>
}
// SPADE-like per-element modulation of an instance-normalized tensor.
func.func @modulate_maps(%x: tensor<?x?x?x?xf32>, %s: tensor<?x?x?x?xf32>, %t: tensor<?x?x?x?xf32>) -> tensor<?x?x?x?xf32> {
  %m, %r = norm.moments %x dims = [2, 3] groups = 1 eps = 1.0e-05 : tensor<?x?x?x?xf32> -> tensor<?x?x1x1xf32>, tensor<?x?x1x1xf32>
  %y = norm.modulate %x, %m, %r scale(%s) shift(%t) : (tensor<?x?x?x?xf32>, tensor<?x?x1x1xf32>, tensor<?x?x1x1xf32>, tensor<?x?x?x?xf32>, tensor<?x?x?x?xf32>) -> tensor<?x?x?x?xf32>
  return %y : tensor<?x?x?x?xf32>
}

// ---- activations --------------------------------------------------------------
func.func @act_relu(%x: tensor<?x?xf32>) -> tensor<?x?xf32> {
  %y = norm.relu %x : tensor<?x?xf32>
  return %y : tensor<?x?xf32>
}
func.func @act_leaky_relu(%x: tensor<?x?xf32>) -> tensor<?x?xf32> {
  %y = norm.leaky_relu %x alpha = 0.1 : tensor<?x?xf32>
  return %y : tensor<?x?xf32>
}
func.func @act_silu(%x: tensor<?x?xf32>) -> tensor<?x?xf32> {
  %y = norm.silu %x : tensor<?x?xf32>
  return %y : tensor<?x?xf32>
}
func.func @act_gelu(%x: tensor<?x?xf32>) -> tensor<?x?xf32> {
  %y = norm.gelu %x : tensor<?x?xf32>
  return %y : tensor<?x?xf32>
}
func.func @act_gelu_tanh(%x: tensor<?x?xf32>) -> tensor<?x?xf32> {
  %y = norm.gelu %x tanh_approximation : tensor<?x?xf32>
  return %y : tensor<?x?xf32>
}
func.func @act_sigmoid(%x: tensor<?x?xf32>) -> tensor<?x?xf32> {
  %y = norm.sigmoid %x : tensor<?x?xf32>
  return %y : tensor<?x?xf32>
}
func.func @act_tanh(%x: tensor<?x?xf32>) -> tensor<?x?xf32> {
  %y = norm.tanh %x : tensor<?x?xf32>
  return %y : tensor<?x?xf32>
}

// ---- group norm of an [N, C] tensor (no spatial dims) -------------------------
func.func @gn2_rank2(%x: tensor<?x?xf32>, %g: tensor<?xf32>, %b: tensor<?xf32>) -> tensor<?x?xf32> {
  %y = norm.group_norm %x groups = 2 scale(%g) bias(%b) eps = 1.0e-05 : (tensor<?x?xf32>, tensor<?xf32>, tensor<?xf32>) -> tensor<?x?xf32>
  return %y : tensor<?x?xf32>
}

// ---- AdaIN -----------------------------------------------------------------------
func.func @adain_dyn(%c: tensor<?x?x?x?xf32>, %s: tensor<?x?x?x?xf32>) -> tensor<?x?x?x?xf32> {
  %y = norm.adain %c, %s alpha = 1.0 eps = 1.0e-05 : (tensor<?x?x?x?xf32>, tensor<?x?x?x?xf32>) -> tensor<?x?x?x?xf32>
  return %y : tensor<?x?x?x?xf32>
}
// Style of batch 1 (broadcast), another spatial size, alpha 0.7, biased.
func.func @adain_mix(%c: tensor<3x4x9x11xf32>, %s: tensor<1x4x6x5xf32>) -> tensor<3x4x9x11xf32> {
  %y = norm.adain %c, %s alpha = 0.7 eps = 1.0e-05 biased : (tensor<3x4x9x11xf32>, tensor<1x4x6x5xf32>) -> tensor<3x4x9x11xf32>
  return %y : tensor<3x4x9x11xf32>
}

// ---- SPADE -------------------------------------------------------------------------
func.func @spade_in(%x: tensor<?x?x?x?xf32>, %g: tensor<?x?x?x?xf32>, %b: tensor<?x?x?x?xf32>) -> tensor<?x?x?x?xf32> {
  %y = norm.spade %x, %g, %b eps = 1.0e-05 : tensor<?x?x?x?xf32>
  return %y : tensor<?x?x?x?xf32>
}
func.func @spade_bn(%x: tensor<3x4x9x7xf32>, %g: tensor<3x4x9x7xf32>, %b: tensor<3x4x9x7xf32>) -> tensor<3x4x9x7xf32> {
  %y = norm.spade %x, %g, %b eps = 1.0e-05 batch_stats : tensor<3x4x9x7xf32>
  return %y : tensor<3x4x9x7xf32>
}

// ---- batch norm ----------------------------------------------------------------------
func.func @bn_train(%x: tensor<3x4x5x7xf32>, %m: tensor<4xf32>, %v: tensor<4xf32>, %g: tensor<4xf32>, %b: tensor<4xf32>) -> (tensor<3x4x5x7xf32>, tensor<4xf32>, tensor<4xf32>) {
  %y, %nm, %nv = norm.batch_norm_train %x, %m, %v scale(%g) bias(%b) eps = 1.0e-05 momentum = 0.1 : (tensor<3x4x5x7xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>) -> (tensor<3x4x5x7xf32>, tensor<4xf32>, tensor<4xf32>)
  return %y, %nm, %nv : tensor<3x4x5x7xf32>, tensor<4xf32>, tensor<4xf32>
}
func.func @bn_infer(%x: tensor<?x?x?x?xf32>, %m: tensor<?xf32>, %v: tensor<?xf32>, %g: tensor<?xf32>, %b: tensor<?xf32>) -> tensor<?x?x?x?xf32> {
  %y = norm.batch_norm %x, %m, %v scale(%g) bias(%b) eps = 1.0e-05 : (tensor<?x?x?x?xf32>, tensor<?xf32>, tensor<?xf32>, tensor<?xf32>, tensor<?xf32>) -> tensor<?x?x?x?xf32>
  return %y : tensor<?x?x?x?xf32>
}

// ---- conditional instance norm ---------------------------------------------------------
func.func @cin(%x: tensor<?x?x?x?xf32>, %w: tensor<?x?xf32>, %gt: tensor<?x?xf32>, %bt: tensor<?x?xf32>) -> tensor<?x?x?x?xf32> {
  %y = norm.conditional_instance_norm %x, %w, %gt, %bt eps = 1.0e-05 : (tensor<?x?x?x?xf32>, tensor<?x?xf32>, tensor<?x?xf32>, tensor<?x?xf32>) -> tensor<?x?x?x?xf32>
  return %y : tensor<?x?x?x?xf32>
}

// ---- batch-instance norm -----------------------------------------------------------------
func.func @bin_train(%x: tensor<?x?x?x?xf32>, %rho: tensor<?xf32>, %g: tensor<?xf32>, %b: tensor<?xf32>) -> tensor<?x?x?x?xf32> {
  %y = norm.batch_instance_norm %x, %rho scale(%g) bias(%b) eps = 1.0e-05 : (tensor<?x?x?x?xf32>, tensor<?xf32>, tensor<?xf32>, tensor<?xf32>) -> tensor<?x?x?x?xf32>
  return %y : tensor<?x?x?x?xf32>
}
func.func @bin_infer(%x: tensor<2x6x5x7xf32>, %rho: tensor<6xf32>, %m: tensor<6xf32>, %v: tensor<6xf32>) -> tensor<2x6x5x7xf32> {
  %y = norm.batch_instance_norm %x, %rho running(%m, %v) eps = 1.0e-05 : (tensor<2x6x5x7xf32>, tensor<6xf32>, tensor<6xf32>, tensor<6xf32>) -> tensor<2x6x5x7xf32>
  return %y : tensor<2x6x5x7xf32>
}

// ---- f16 / bf16 storage, f32 statistics --------------------------------------------------
func.func @in_f16(%x: tensor<?x?x?x?xf16>, %g: tensor<?xf16>, %b: tensor<?xf16>) -> tensor<?x?x?x?xf16> {
  %y = norm.instance_norm %x scale(%g) bias(%b) eps = 1.0e-05 : (tensor<?x?x?x?xf16>, tensor<?xf16>, tensor<?xf16>) -> tensor<?x?x?x?xf16>
  return %y : tensor<?x?x?x?xf16>
}
func.func @in_bf16(%x: tensor<?x?x?x?xbf16>, %g: tensor<?xf32>, %b: tensor<?xf32>) -> tensor<?x?x?x?xbf16> {
  %y = norm.instance_norm %x scale(%g) bias(%b) eps = 1.0e-05 : (tensor<?x?x?x?xbf16>, tensor<?xf32>, tensor<?xf32>) -> tensor<?x?x?x?xbf16>
  return %y : tensor<?x?x?x?xbf16>
}
func.func @gn_f16(%x: tensor<2x8x5x7xf16>) -> tensor<2x8x5x7xf16> {
  %y = norm.group_norm %x groups = 4 eps = 1.0e-05 : (tensor<2x8x5x7xf16>) -> tensor<2x8x5x7xf16>
  return %y : tensor<2x8x5x7xf16>
}
func.func @ln_bf16(%x: tensor<?x?x?x?xbf16>) -> tensor<?x?x?x?xbf16> {
  %y = norm.layer_norm %x axis = 1 eps = 1.0e-05 : (tensor<?x?x?x?xbf16>) -> tensor<?x?x?x?xbf16>
  return %y : tensor<?x?x?x?xbf16>
}

// ---- instance norm with running statistics ------------------------------------------------
func.func @in_train(%x: tensor<3x4x5x7xf32>, %m: tensor<4xf32>, %v: tensor<4xf32>, %g: tensor<4xf32>, %b: tensor<4xf32>) -> (tensor<3x4x5x7xf32>, tensor<4xf32>, tensor<4xf32>) {
  %y, %nm, %nv = norm.instance_norm_train %x, %m, %v scale(%g) bias(%b) eps = 1.0e-05 momentum = 0.1 : (tensor<3x4x5x7xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>) -> (tensor<3x4x5x7xf32>, tensor<4xf32>, tensor<4xf32>)
  return %y, %nm, %nv : tensor<3x4x5x7xf32>, tensor<4xf32>, tensor<4xf32>
}

// ---- channels-last with static shapes (per-sample statistics placement) -----------------
func.func @in_nhwc_static(%x: tensor<6x16x16x24xf32>, %g: tensor<24xf32>, %b: tensor<24xf32>) -> tensor<6x16x16x24xf32> {
  %y = norm.instance_norm %x scale(%g) bias(%b) eps = 1.0e-05 channels_last : (tensor<6x16x16x24xf32>, tensor<24xf32>, tensor<24xf32>) -> tensor<6x16x16x24xf32>
  return %y : tensor<6x16x16x24xf32>
}
// Samples of 1 M elements (4 MiB, more than L2): statistics per image row,
// merged over the rows; N = 4 per sample, N = 1 with the rows of the sample
// in parallel.
func.func @in_nhwc_rows(%x: tensor<4x64x64x256xf32>, %g: tensor<256xf32>, %b: tensor<256xf32>) -> tensor<4x64x64x256xf32> {
  %y = norm.instance_norm %x scale(%g) bias(%b) eps = 1.0e-05 channels_last : (tensor<4x64x64x256xf32>, tensor<256xf32>, tensor<256xf32>) -> tensor<4x64x64x256xf32>
  return %y : tensor<4x64x64x256xf32>
}
func.func @in_nhwc_rows_n1(%x: tensor<1x64x64x256xf32>, %g: tensor<256xf32>, %b: tensor<256xf32>) -> tensor<1x64x64x256xf32> {
  %y = norm.instance_norm %x scale(%g) bias(%b) eps = 1.0e-05 channels_last : (tensor<1x64x64x256xf32>, tensor<256xf32>, tensor<256xf32>) -> tensor<1x64x64x256xf32>
  return %y : tensor<1x64x64x256xf32>
}
func.func @gn_nhwc_static(%x: tensor<2x9x7x12xf32>, %g: tensor<12xf32>, %b: tensor<12xf32>) -> tensor<2x9x7x12xf32> {
  %y = norm.group_norm %x groups = 3 scale(%g) bias(%b) eps = 1.0e-05 channels_last : (tensor<2x9x7x12xf32>, tensor<12xf32>, tensor<12xf32>) -> tensor<2x9x7x12xf32>
  return %y : tensor<2x9x7x12xf32>
}
