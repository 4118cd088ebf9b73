// The ARM64 (NEON) backend: knobs derived from 4 f32 lanes and 32 vector
// registers, and hot loops in NEON vector instructions. The objects are
// executed under qemu by the arm64/qemu_suites ctest entry (test/aarch64).

// Instance norm + ReLU: statistics summed in .4s vectors, the apply loop
// (scale, shift, ReLU's max) in .4s vectors.
// RUN: rm -rf %t && normc %examples/instance_norm.mlir -o %t/in --target=arm-64-linux --emit=asm,schedule
// RUN: FileCheck %s --check-prefix=IN-ASM < %t/in/instance_norm_relu.s
// IN-ASM-DAG: fadd{{[[:space:]]+}}v{{[0-9]+}}.4s, v{{[0-9]+}}.4s, v{{[0-9]+}}.4s
// IN-ASM-DAG: fmla{{[[:space:]]+}}v{{[0-9]+}}.4s, v{{[0-9]+}}.4s, v{{[0-9]+}}.4s
// IN-ASM-DAG: fmax{{[[:space:]]+}}v{{[0-9]+}}.4s, v{{[0-9]+}}.4s, v{{[0-9]+}}.4s
// RUN: FileCheck %s --check-prefix=IN-KNOBS < %t/in/instance_norm_relu.schedule.json
// IN-KNOBS-DAG: "target": "arm-64-linux"
// IN-KNOBS-DAG: "vector_width": 4

// The residual block's 3x3 convs: a register tile of 4 output channels x 5
// vectors (20 accumulators; AVX2's tile is 4 x 3 in 16 registers), whose
// FMAs accumulate in the upper half of the 32 registers too.
// RUN: normc %examples/residual_block.mlir -o %t/block --target=arm-64-linux --emit=asm,schedule
// RUN: FileCheck %s --check-prefix=CONV-KNOBS < %t/block/residual_block.schedule.json
// CONV-KNOBS: "conv_k_tile": 4
// CONV-KNOBS: "conv_x_vectors": 4
// RUN: FileCheck %s --check-prefix=CONV-ASM < %t/block/residual_block.s
// CONV-ASM: fmla{{[[:space:]]+}}v{{(1[6-9]|2[0-9]|3[01])}}.4s, v{{[0-9]+}}.4s, v{{[0-9]+}}.4s

// f16 storage is widened to f32 and narrowed back. Plain arm-64-linux
// (ARMv8.0) converts in integer NEON code, as Halide does without the
// feature; arm_fp16 (the ARMv8.2-A half-precision extension of Cortex-A55/A76 and later, Neoverse,
// Apple M) converts four lanes per fcvtl / fcvtn. Arithmetic stays f32
// either way (normc's numerics). The suites under qemu run both builds.
// RUN: normc %examples/variants.mlir -o %t/f16 --target=arm-64-linux --emit=asm --functions=instance_norm_nhwc_f16
// RUN: FileCheck %s --check-prefix=SOFT-F16 < %t/f16/instance_norm_nhwc_f16.s
// SOFT-F16-NOT: fcvtl{{[[:space:]]}}
// SOFT-F16: {{[[:space:]]}}v{{[0-9]+}}.4h
// SOFT-F16-NOT: fcvtl{{[[:space:]]}}
// RUN: normc %examples/variants.mlir -o %t/fp16 --target=arm-64-linux-arm_fp16 --emit=asm,schedule --functions=instance_norm_nhwc_f16
// RUN: FileCheck %s --check-prefix=FP16 < %t/fp16/instance_norm_nhwc_f16.s
// FP16-DAG: fcvtl{{[[:space:]]+}}v{{[0-9]+}}.4s, v{{[0-9]+}}.4h
// FP16-DAG: fcvtn{{[[:space:]]+}}v{{[0-9]+}}.4h, v{{[0-9]+}}.4s
// RUN: FileCheck %s --check-prefix=FP16-KNOBS < %t/fp16/instance_norm_nhwc_f16.schedule.json
// FP16-KNOBS: "target": "arm-64-linux-arm_fp16"
