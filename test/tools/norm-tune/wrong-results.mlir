// A candidate whose outputs differ from the default schedule's is never
// timed and never kept, however fast: here normc (a wrapper) miscompiles
// every candidate, so each is discarded and the database keeps the defaults.
// RUN: rm -rf %t && mkdir -p %t
// RUN: env NORMC_REAL=$(command -v normc) norm-tune %s --db=%t/db.json --normc=%S/Inputs/wrong-normc.sh --budget=2 --autoschedulers=none --measure-ms=2 --rounds=1 2> %t/log
// RUN: FileCheck %s < %t/log
// CHECK-COUNT-2: @f {{.*}}: wrong results: output 'result0' element {{[0-9]+}}: {{.*}}, the default schedule gives {{.*}}
// CHECK: norm-tune: @f: default {{[0-9.]+}} ms, tuned {{[0-9.]+}} ms (1.00x)
// CHECK: norm-tune: 2 candidates measured in {{.*}}, 0 failed to build or run, 2 gave wrong results and were discarded
// The record holds the defaults' knobs.
// RUN: normc %s -o %t/defaults --emit=schedule
// RUN: %onnx_python -c "import json,sys; d=json.load(open('%t/db.json'))['records'][0]['knobs']; s=json.load(open('%t/defaults/f.schedule.json'))['groups'][0]['requested']; sys.exit(d != s)"

func.func @f(%x: tensor<2x8x16x16xf32>) -> tensor<2x8x16x16xf32> {
  %y = norm.instance_norm %x eps = 1.0e-05 : (tensor<2x8x16x16xf32>) -> tensor<2x8x16x16xf32>
  %r = norm.relu %y : tensor<2x8x16x16xf32>
  return %r : tensor<2x8x16x16xf32>
}
