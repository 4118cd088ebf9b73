// GPU targets: CUDA kernels come out as PTX for sm_80 (--emit=ptx), the GPU
// backend's knobs (and only those) are recorded, and an OpenCL library calls
// Halide's OpenCL runtime. Execution is tested by the OpenCL numerics suites
// (PoCL) and assembly by the ptx/assemble_sm80_sm90 ctest.
// RUN: rm -rf %t && normc %s -o %t/cuda --target=host-cuda-cuda_capability_80 --emit=ptx,schedule,header
// RUN: FileCheck %s --check-prefix=PTX < %t/cuda/block.ptx
// RUN: FileCheck %s --check-prefix=SCHED < %t/cuda/block.schedule.json
// The CPU backend's knobs do not apply on a GPU target.
// RUN: not grep -q '"vector_width"' %t/cuda/block.schedule.json
// RUN: FileCheck %s --check-prefix=HEADER < %t/cuda/block.h
// RUN: normc %s -o %t/cl --target=host-opencl --emit=lib,header
// RUN: llvm-nm %t/cl/block.a | FileCheck %s --check-prefix=OPENCL

// PTX: .target sm_80
// The conv with its register tile, the per-chunk statistics sums (a block
// per chunk of a plane), then the sums of the chunks.
// PTX: .entry _kernel_{{[a-z_0-9]+}}_conv0_global_wrapper
// PTX: .entry _kernel_{{[a-z_0-9]+}}_sum0_intm_s1_stats_chunk
// PTX: .entry _kernel_{{[a-z_0-9]+}}_sum0_s1_
// SCHED: "effective": {
// SCHED: "gpu_conv_k_tile": 4
// SCHED: "gpu_stats_chunk": 4096
// SCHED: "gpu_threads": 256
// SCHED: "role": "conv_norm"
// SCHED: "target": "{{.*}}cuda-cuda_capability_80
// HEADER: int block(void const *__user_context, struct halide_buffer_t *_arg0_buffer
// OPENCL: U halide_opencl_device_interface
// OPENCL: U halide_opencl_run

func.func @block(%x: tensor<1x8x32x32xf32>, %w: tensor<8x8x3x3xf32>) -> tensor<1x8x32x32xf32> {
  %c = norm.conv2d %x, %w strides = [1, 1] padding = [1, 1, 1, 1] dilations = [1, 1] groups = 1 : (tensor<1x8x32x32xf32>, tensor<8x8x3x3xf32>) -> tensor<1x8x32x32xf32>
  %n = norm.instance_norm %c eps = 1.0e-05 : (tensor<1x8x32x32xf32>) -> tensor<1x8x32x32xf32>
  %y = norm.relu %n : tensor<1x8x32x32xf32>
  return %y : tensor<1x8x32x32xf32>
}
