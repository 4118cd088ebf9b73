// A conv written to a buffer stages its padded input per task of row bands
// (halide_gen/ScheduleConv.cpp): the staged input is allocated inside the
// parallel task, folded to a ring of 4 rows (3x3 kernel) of the 16
// channels, and filled as the task slides down its band; no staging pass
// over the whole input runs before the tasks (its parallel loop would be
// named ..._conv_in0_s0_c_in_task).
// RUN: rm -rf %t && normc %s -o %t --target=x86-64-linux-avx512_skylake --emit=stmt,schedule
// RUN: FileCheck %s --check-prefix=ROWS < %t/conv.schedule.json
// RUN: FileCheck %s --check-prefix=STMT < %t/conv.stmt
// ROWS: "conv_rows_per_task": 8,
// STMT-NOT: conv_in0_s0_c_in_task
// STMT: external func conv_par_for_{{.*}}conv_band_conv_task
// STMT: allocate {{.*}}_conv_in0[float32 * {{[0-9]+}} * 4 * 16 * 1]
// STMT: for ({{.*}}yo_in_band
// STMT-NEXT: produce {{.*}}_conv_in0
// STMT-NOT: conv_in0_s0_c_in_task
func.func @conv(%x: tensor<1x16x64x64xf32>, %w: tensor<16x16x3x3xf32>, %b: tensor<16xf32>) -> tensor<1x16x64x64xf32> {
  %y = norm.conv2d %x, %w bias(%b) strides = [1, 1] padding = [1, 1, 1, 1] dilations = [1, 1] groups = 1 : (tensor<1x16x64x64xf32>, tensor<16x16x3x3xf32>, tensor<16xf32>) -> tensor<1x16x64x64xf32>
  return %y : tensor<1x16x64x64xf32>
}
