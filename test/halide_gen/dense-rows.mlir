// Planes whose rows end in a partial vector sum and normalize each plane as
// one run of elements when the rows lie end to end in memory: a
// specialization on the row strides, with the per-row loops kept for strided
// views (halide_gen/ScheduleCpu.cpp). Per row, the masked update of the lane
// sums stalled the next row's loads (2.1 us for (3,5,7,13) against 1.0 us).
// Rows of whole vectors keep the per-row loops only.
// RUN: rm -rf %t && normc %s -o %t --target=x86-64-linux-avx512_skylake --emit=stmt,schedule
// RUN: FileCheck %s --check-prefix=FLAT < %t/rows13.stmt
// RUN: FileCheck %s --check-prefix=NOTE < %t/rows13.schedule.json
// RUN: FileCheck %s --check-prefix=WHOLE < %t/rows32.stmt
// The specialization: both the input and the result dense in (H, W).
// FLAT: if ((arg0.stride.1 == 13) && (result0.stride.1 == 13)) {
// 91 elements per plane: two blocks of 2 x 16 lanes, then the tail.
// FLAT: for ({{.*}}_sum0_intm.s1.r0$x.r_plane.rxo, 0, 2) {
// FLAT: for ({{.*}}_sum_sq0_intm.s1.r2_0$x.r_plane.rxo, 0, 2) {
// FLAT: for (result0.s0.w.wh.wh, 0, 5) {
// The code for strided rows: one row of 13 at a time.
// FLAT: for (result0.s0.h, 0, 7) {
// NOTE: "planes with rows end to end in memory run as one row (a specialization)"
// WHOLE-NOT: r_plane
// WHOLE-NOT: .wh.
// WHOLE-NOT: stride.1 ==
func.func @rows13(%x: tensor<2x3x7x13xf32>, %g: tensor<3xf32>, %b: tensor<3xf32>) -> tensor<2x3x7x13xf32> {
  %y = norm.instance_norm %x scale(%g) bias(%b) eps = 1.0e-05 : (tensor<2x3x7x13xf32>, tensor<3xf32>, tensor<3xf32>) -> tensor<2x3x7x13xf32>
  return %y : tensor<2x3x7x13xf32>
}
func.func @rows32(%x: tensor<2x3x7x32xf32>) -> tensor<2x3x7x32xf32> {
  %y = norm.instance_norm %x eps = 1.0e-05 : (tensor<2x3x7x32xf32>) -> tensor<2x3x7x32xf32>
  return %y : tensor<2x3x7x32xf32>
}
