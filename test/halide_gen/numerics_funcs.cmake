# The exported functions of norm_kernels.mlir and conv_kernels.mlir that the
# numerics suites call: one list for every build of them (host, OpenCL,
# CUDA, AArch64 under qemu).
set(NORMC_NUMERICS_FUNCS
  in2d_dyn_affine in2d_dyn in2d_odd_affine in2d_c1 in2d_1x1_affine
  in2d_512_affine in1d_dyn_affine in3d_dyn_affine in2d_relu
  gn4_dyn_affine gn2_odd gn1_affine gn32_affine
  ln1_dyn_affine ln1_batched_affine ln3_affine ln_rank2_dyn ln0
  gn2_rank2 moments_hw modulate_maps adain_dyn adain_mix spade_in spade_bn bn_train bn_infer cin bin_train bin_infer in_f16 in_bf16 gn_f16 ln_bf16 in_train
  act_relu act_leaky_relu act_silu act_gelu act_gelu_tanh act_sigmoid act_tanh
  in_nhwc_static in_nhwc_rows in_nhwc_rows_n1 gn_nhwc_static)

# Convolution, padding, upsampling and the fused chains of style-transfer /
# GAN generator blocks (conv_kernels.mlir).
set(NORMC_CONV_FUNCS
  conv_basic conv_stride_asym conv_dilated conv_grouped conv_depthwise
  conv_1x1 conv_5x5_wide conv_dynamic conv_nhwc conv_nhwc_tiled block_nhwc
  pad_reflect pad_replicate pad_zero
  up_nearest up_bilinear
  block_in_relu block_in_relu_odd block_in_relu_w40 up_block residual_block residual_stack
  conv_bn_relu conv_gn_silu conv_gn_materialized returned_and_reused
  block_dynamic_plane residual_block_dynamic
  conv_row_bands conv_stride2_bands up_conv_bands block_large_plane)
