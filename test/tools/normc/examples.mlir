// Every example in examples/ compiles for the host (and its header declares
// the function), so the examples cannot rot.
// RUN: rm -rf %t && normc %examples/instance_norm.mlir -o %t/in --emit=header
// RUN: FileCheck %s --check-prefix=IN < %t/in/instance_norm_relu.h
// RUN: normc %examples/adain.mlir -o %t/adain --emit=lib,header
// RUN: FileCheck %s --check-prefix=ADAIN < %t/adain/adain.h
// IN: int instance_norm_relu(void const *__user_context, struct halide_buffer_t *_x_buffer, struct halide_buffer_t *_gamma_buffer, struct halide_buffer_t *_beta_buffer, struct halide_buffer_t *_y_buffer);
// ADAIN: int adain(void const *__user_context, struct halide_buffer_t *_content_buffer, struct halide_buffer_t *_style_buffer, struct halide_buffer_t *_y_buffer);
// RUN: normc %examples/residual_block.mlir -o %t/block --emit=lib,header,schedule
// RUN: FileCheck %s --check-prefix=BLOCK < %t/block/residual_block.h
// RUN: FileCheck %s --check-prefix=BLOCKGROUPS < %t/block/residual_block.schedule.json
// BLOCK: int residual_block(void const *__user_context, struct halide_buffer_t *_x_buffer, struct halide_buffer_t *_w1_buffer,
// Two fused groups, each its own pipeline (static shapes: separate).
// BLOCKGROUPS: "composition": "separate"
// BLOCKGROUPS: "name": "conv_norm_{{[0-9a-f]+}}"
// BLOCKGROUPS: "role": "conv_norm"
// BLOCKGROUPS: "name": "conv_norm_{{[0-9a-f]+}}"
// BLOCKGROUPS: "role": "conv_norm"
// The fused conv kernels also compile for ARM64 (4-lane NEON tiles).
// RUN: normc %examples/residual_block.mlir -o %t/block-arm --target=arm-64-linux --emit=lib
// RUN: llvm-readelf -h %t/block-arm/residual_block.a | FileCheck %s --check-prefix=BLOCKARM
// BLOCKARM: Machine: AArch64
// RUN: normc %examples/variants.mlir -o %t/variants --emit=lib,header
// RUN: ls %t/variants | FileCheck %s --check-prefix=VARIANTS
// VARIANTS-DAG: adain_full.a
// VARIANTS-DAG: conditional_in.a
// VARIANTS-DAG: spade_relu.a
// VARIANTS-DAG: batch_norm_inference.a
// VARIANTS-DAG: batch_norm_training.a
// VARIANTS-DAG: batch_instance.a
// VARIANTS-DAG: instance_norm_training.a
// VARIANTS-DAG: instance_norm_nhwc_f16.a
// VARIANTS-DAG: group_norm_nhwc.a
// The style-transfer network (dynamic image extents): its 16 groups are
// composed as separate pipelines, each conv register-tiled for the plane.
// RUN: normc %examples/style_transfer/transformer_net.mlir -o %t/st --emit=schedule
// RUN: FileCheck %s --check-prefix=STYLE < %t/st/transformer_net.schedule.json
// STYLE: "composition": "separate"
// STYLE: "conv: register tiles specialized for planes of at least one tile
