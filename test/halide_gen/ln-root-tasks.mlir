// Layer norm over (C, H, W) with N >= 2 samples reading a sample-sized scale
// and bias: statistics at the root (tuning/Defaults.cpp), and both passes
// batch small planes per parallel task (itersPerTask() in
// halide_gen/ScheduleCpu.cpp): 120 planes of 143 elements, 7 per task, 18
// tasks. The output's loop fuses the batch dim inside the channel dim
// (n.q2), so consecutive iterations of a task read the same plane of the
// scale and bias.
// RUN: rm -rf %t && normc %s -o %t --target=x86-64-linux-avx512_skylake --emit=stmt,schedule
// RUN: FileCheck %s --check-prefix=SCHED < %t/ln.schedule.json
// RUN: FileCheck %s --check-prefix=STMT < %t/ln.stmt
// SCHED: "placement": "root",
// STMT: for ({{.*}}_stats0_slice.s0.{{.*}}.slices_in_task, 0, 7)
// STMT: for (result0.s0.n.q2.planes_in_task, 0, 7)
// STMT: halide_do_par_for({{.*}}slices_task, 0, 18,
// STMT: halide_do_par_for({{.*}}result0_s0_n_q2_planes_task, 0, 18,
func.func @ln(%x: tensor<40x3x11x13xf32>, %g: tensor<3x11x13xf32>, %b: tensor<3x11x13xf32>) -> tensor<40x3x11x13xf32> {
  %y = norm.layer_norm %x axis = 1 scale(%g) bias(%b) eps = 1.0e-05 : (tensor<40x3x11x13xf32>, tensor<3x11x13xf32>, tensor<3x11x13xf32>) -> tensor<40x3x11x13xf32>
  return %y : tensor<40x3x11x13xf32>
}
