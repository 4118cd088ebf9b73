// Tuning for another machine: AArch64 candidates linked by the cross
// compiler and timed under qemu-user through --runner; the records are for
// arm-64-linux and name the machine the runner reported.
// REQUIRES: qemu-aarch64
// RUN: rm -rf %t && mkdir -p %t
// RUN: norm-tune %s --db=%t/db.json --target=arm-64-linux --runner='qemu-aarch64 -L /usr/aarch64-linux-gnu' --budget=3 --measure-ms=10 --rounds=1 --autoschedulers=none 2> %t/log
// RUN: FileCheck %s --check-prefix=LOG < %t/log
// LOG: norm-tune: 1 function of '{{.*}}' for arm-64-linux; building the runner support
// LOG: group norm_{{[0-9a-f]+}} (norm, 1 of 1): {{.*}}, 3 trials
// LOG-COUNT-3: [{{ *[0-9]+}}/3] @in_relu vector_width={{[0-9]+}},
// LOG: norm-tune: @in_relu: default {{[0-9.]+}} ms, tuned {{[0-9.]+}} ms
// LOG: 0 failed to build or run, 0 gave wrong results
// RUN: normc %s -o %t/tuned --target=arm-64-linux --emit=schedule --tuning-db=%t/db.json
// RUN: %onnx_python %S/Inputs/check_db.py %t/db.json %t/tuned --trials 3 | FileCheck %s --check-prefix=DB
// DB: ok: in_relu norm_{{[0-9a-f]+}} norm
// RUN: FileCheck %s --check-prefix=RECORD < %t/db.json
// RECORD: "features": "base"
// RECORD: "target": "arm-64-linux"
// Without a runner the AArch64 kernels cannot run here.
// RUN: not norm-tune %s --db=%t/no.json --target=arm-64-linux 2>&1 | FileCheck %s --check-prefix=NORUNNER
// NORUNNER: norm-tune: error: kernels for 'arm-64-linux' cannot run on this machine: give --runner=<command prefix>
// RUN: not ls %t/no.json

func.func @in_relu(%x: tensor<2x16x32x32xf32>, %g: tensor<16xf32>, %b: tensor<16xf32>) -> tensor<2x16x32x32xf32> {
  %y = norm.instance_norm %x scale(%g) bias(%b) eps = 1.0e-05 : (tensor<2x16x32x32xf32>, tensor<16xf32>, tensor<16xf32>) -> tensor<2x16x32x32xf32>
  %r = norm.relu %y : tensor<2x16x32x32xf32>
  return %r : tensor<2x16x32x32xf32>
}
