// norm-tune on this machine: a small budget for two functions (one with a
// fused conv -> norm group, one with a norm group), a database that normc
// then applies group by group, the report, --resume and --merge.
// RUN: rm -rf %t && mkdir -p %t
// RUN: norm-tune %s --db=%t/db.json --budget=3 --autoschedulers=Mullapudi2016 --measure-ms=5 --rounds=1 --work-dir=%t/work 2> %t/log
// RUN: FileCheck %s --check-prefix=LOG < %t/log
// LOG: norm-tune: 2 functions of '{{.*}}tune.mlir' for {{.+}}; building the runner support
// LOG: norm-tune: @block: group conv_norm_{{[0-9a-f]+}} (conv_norm, 1 of 1): {{[0-9]+}} knobs, {{.*}}, 3 trials
// LOG-COUNT-3: [{{ *[0-9]+}}/6] @block vector_width={{[0-9]+}},{{.*}},conv_k_tile={{[0-9]+}},conv_x_vectors={{[0-9]+}},{{.*}}: {{.*}} | best {{.*}} ms, {{.*}}x vs default | ETA
// LOG: norm-tune: @block: default {{[0-9.]+}} ms, tuned {{[0-9.]+}} ms ({{[0-9.]+}}x), Mullapudi2016 {{[0-9.]+ ms|failed}}
// LOG: norm-tune: @norm: group norm_{{[0-9a-f]+}} (norm, 1 of 1)
// LOG: norm-tune: 6 candidates measured in {{.+}}; {{[0-9]+}} pruned by the cost model, 0 failed to build or run, 0 gave wrong results and were discarded
// LOG: norm-tune: wrote '{{.*}}db.json'
// The statistics algorithm stays two_pass unless --allow-one-pass-stats.
// RUN: not grep -q "stats=" %t/log
// RUN: norm-tune %s --functions=norm --db=%t/onepass.json --budget=2 --allow-one-pass-stats --autoschedulers=none --measure-ms=5 --rounds=1 2>&1 | FileCheck %s --check-prefix=ONEPASS
// ONEPASS: [{{ *}}1/2] @norm vector_width={{[0-9]+}},{{.*}},stats={{one_pass|two_pass|shifted_one_pass}},
// The work directory keeps only the probe and the support objects.
// RUN: ls %t/work/block | count 0
// normc applies each record to its group.
// RUN: normc %s -o %t/tuned --emit=schedule --tuning-db=%t/db.json 2> %t/remarks
// RUN: FileCheck %s --check-prefix=REMARKS < %t/remarks
// REMARKS-DAG: normc: note: @conv_norm_{{[0-9a-f]+}}: tuning record applied ({{.*}} ms, measured on this machine's kind)
// REMARKS-DAG: normc: note: @norm_{{[0-9a-f]+}}: tuning record applied
// RUN: %onnx_python %S/Inputs/check_db.py %t/db.json %t/tuned --trials 3 | FileCheck %s --check-prefix=DB
// DB-DAG: ok: block conv_norm_{{[0-9a-f]+}} conv_norm
// DB-DAG: ok: norm norm_{{[0-9a-f]+}} norm
// The report: per function and per group.
// RUN: norm-tune --report --db=%t/db.json | FileCheck %s --check-prefix=REPORT
// REPORT: | function | target | machine | default ms | tuned ms | tuned vs default | Mullapudi2016 ms (tuned vs it) |
// REPORT: | block | {{.+}} | {{.+}} | {{[0-9.]+}} | {{[0-9.]+}} | {{[0-9.]+}}x | {{.+}} |
// REPORT: | norm | {{.+}} | {{[0-9.]+}}x |
// REPORT: Geometric mean of tuned vs default over 2 functions: {{[0-9.]+}}x
// REPORT: | group | function | role knobs (as tuned) | trials | gain from its knobs |
// REPORT: | conv_norm_{{[0-9a-f]+}} | block | {{.*}}conv_k_tile={{.*}} | 3 | {{[0-9.]+}}x |
// --resume: the groups had their 3 trials; nothing new is tried.
// RUN: norm-tune %s --db=%t/db.json --budget=3 --resume --autoschedulers=none --measure-ms=5 --rounds=1 2> %t/resume
// RUN: FileCheck %s --check-prefix=RESUME < %t/resume
// RESUME: norm-tune: @block: group conv_norm_{{[0-9a-f]+}} (conv_norm, 1 of 1): {{.*}}, 0 trials
// RESUME: norm-tune: 0 candidates measured
// The resumed run measures each function's final rounds again and may
// revert a function to its defaults on a noisy machine: what normc applies
// is checked against the database as the resumed run left it.
// RUN: normc %s -o %t/resumed --emit=schedule --tuning-db=%t/db.json 2> /dev/null
// RUN: %onnx_python %S/Inputs/check_db.py %t/db.json %t/resumed --trials 3 > /dev/null
// --merge: two databases into one, one record per group.
// RUN: cp %t/db.json %t/copy.json
// RUN: norm-tune --merge=%t/db.json,%t/copy.json --db=%t/merged.json | FileCheck %s --check-prefix=MERGE
// MERGE: norm-tune: 2 records in '{{.*}}merged.json'

func.func @block(%x: tensor<1x16x32x32xf32>, %w: tensor<16x16x3x3xf32>, %cb: tensor<16xf32>,
                 %g: tensor<16xf32>, %b: tensor<16xf32>) -> tensor<1x16x32x32xf32> {
  %c = norm.conv2d %x, %w bias(%cb) strides = [1, 1] padding = [1, 1, 1, 1] dilations = [1, 1] groups = 1 : (tensor<1x16x32x32xf32>, tensor<16x16x3x3xf32>, tensor<16xf32>) -> tensor<1x16x32x32xf32>
  %y = norm.instance_norm %c scale(%g) bias(%b) eps = 1.0e-05 : (tensor<1x16x32x32xf32>, tensor<16xf32>, tensor<16xf32>) -> tensor<1x16x32x32xf32>
  %r = norm.relu %y : tensor<1x16x32x32xf32>
  return %r : tensor<1x16x32x32xf32>
}

func.func @norm(%x: tensor<2x32x64x64xf32>, %g: tensor<32xf32>, %b: tensor<32xf32>) -> tensor<2x32x64x64xf32> {
  %y = norm.instance_norm %x scale(%g) bias(%b) eps = 1.0e-05 : (tensor<2x32x64x64xf32>, tensor<32xf32>, tensor<32xf32>) -> tensor<2x32x64x64xf32>
  return %y : tensor<2x32x64x64xf32>
}
