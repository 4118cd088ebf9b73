// The statistics' lane partial sums (the rfactor of each reduction into
// vector lanes) are stored lanes innermost. A fused conv -> instance norm
// task computes them for all of its channels at once; stored with the lanes
// outermost (rfactor's order), every update of the lane sums was a gather
// and a scatter with the channel count as stride, and the statistics took
// a quarter of the fused kernel's time (halide_gen/ScheduleCpu.cpp).
// RUN: rm -rf %t && normc %s -o %t --target=x86-64-linux-avx512_skylake --emit=stmt,schedule
// RUN: FileCheck %s --check-prefix=TASK < %t/block.schedule.json
// RUN: FileCheck %s --check-prefix=DENSE < %t/block.stmt
// RUN: FileCheck %s --check-prefix=STRIDED < %t/block.stmt
// TASK: "conv_channels_per_task": 8,
// TASK: "role": "conv_norm",
// The task's lane sums: stored one dense 16-lane vector per accumulator and
// channel (stride 1), never with a larger stride, for the sum and for both
// sums of the squared deviations.
// DENSE:     {{_sum0_intm\[ramp\([^]]*, 1, 16\)}}
// DENSE:     {{_sum_sq0_intm\.0\[ramp\([^]]*, 1, 16\)}}
// STRIDED-NOT: {{_intm(\.[01])?\[ramp\([^]]*, ([2-9]|[1-9][0-9]+), 16\)}}
func.func @block(%x: tensor<1x32x64x64xf32>, %w: tensor<32x32x3x3xf32>, %cb: tensor<32xf32>, %g: tensor<32xf32>, %b: tensor<32xf32>) -> tensor<1x32x64x64xf32> {
  %c = norm.conv2d %x, %w bias(%cb) strides = [1, 1] padding = [1, 1, 1, 1] dilations = [1, 1] groups = 1 : (tensor<1x32x64x64xf32>, tensor<32x32x3x3xf32>, tensor<32xf32>) -> tensor<1x32x64x64xf32>
  %n = norm.instance_norm %c scale(%g) bias(%b) eps = 1.0e-05 : (tensor<1x32x64x64xf32>, tensor<32xf32>, tensor<32xf32>) -> tensor<1x32x64x64xf32>
  %y = norm.relu %n : tensor<1x32x64x64xf32>
  return %y : tensor<1x32x64x64xf32>
}
