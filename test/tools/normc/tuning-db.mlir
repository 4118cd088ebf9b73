// --tuning-db: the fastest record for a group and target sets the group's
// knobs (here recorded on other machines of the same target: a remark says
// so); groups without a record keep the defaults, with a remark; a bad
// database is an error and nothing is written.
// RUN: rm -rf %t && mkdir -p %t
// RUN: normc %s -o %t/probe --emit=mlir
// RUN: grep -o -m1 'call @norm_[0-9a-f]*' %t/probe/tuning-db.kernels.mlir | cut -c7- > %t/group
// RUN: normc --list-targets | sed -n 's/^host target: //p' > %t/target
// RUN: sed -e "s/@GROUP@/$(cat %t/group)/" -e "s/@TARGET@/$(cat %t/target)/" %S/Inputs/tuning-db.json.in > %t/db.json
// RUN: normc %s -o %t/tuned --emit=schedule --tuning-db=%t/db.json 2>&1 | FileCheck %s --check-prefix=REMARKS
// RUN: FileCheck %s --check-prefix=TUNED < %t/tuned/tuned.schedule.json
// RUN: FileCheck %s --check-prefix=UNTUNED < %t/tuned/untuned.schedule.json
// Overrides still apply on top of a record.
// RUN: normc %s -o %t/both --emit=schedule --tuning-db=%t/db.json --schedule=accumulators=4 2>/dev/null
// RUN: FileCheck %s --check-prefix=BOTH < %t/both/tuned.schedule.json

// REMARKS-DAG: {{^}}normc: note: @[[G:norm_[0-9a-f]+]]: tuning record applied (0.5 ms, measured on 'Imaginary CPU 9000' (avx2,fma))
// REMARKS-DAG: {{^}}normc: note: @norm_{{[0-9a-f]+}}: no tuning record for target '{{.*}}', using defaults

// TUNED:      "requested": {
// TUNED-NEXT:   "accumulators": 2,
// TUNED-NEXT:   "parallel": true,
// TUNED-NEXT:   "placement": "per_plane",
// TUNED-NEXT:   "planes_per_task": 4,
// TUNED-NEXT:   "stats": "shifted_one_pass",
// TUNED:      "source": "tuning-db"
// UNTUNED: "source": "defaults"
// BOTH:      "requested": {
// BOTH-NEXT:   "accumulators": 4,
// BOTH:        "planes_per_task": 4,
// BOTH:      "source": "tuning-db+overrides"

// RUN: echo '{"normc_tuning_db": 1, "records": [' > %t/truncated.json
// RUN: not normc %s -o %t/bad1 --tuning-db=%t/truncated.json 2>&1 | FileCheck %s --check-prefix=NOTJSON
// NOTJSON: error: tuning database '{{.*}}truncated.json' is not valid JSON: {{.+}}
// RUN: sed -e 's/"planes_per_task": 4/"planes_per_task": "many"/' -e "s/@GROUP@/x/" %S/Inputs/tuning-db.json.in > %t/badknob.json
// RUN: not normc %s -o %t/bad2 --tuning-db=%t/badknob.json 2>&1 | FileCheck %s --check-prefix=BADKNOB
// BADKNOB: error: tuning database '{{.*}}badknob.json' record 0: invalid value 'many' for schedule knob 'planes_per_task' (expected 0 (auto) or an integer in 1..4096)
// RUN: echo '{"normc_tuning_db": 7, "records": []}' > %t/future.json
// RUN: not normc %s -o %t/bad3 --tuning-db=%t/future.json 2>&1 | FileCheck %s --check-prefix=VERSION
// VERSION: error: tuning database '{{.*}}future.json' has version 7; this normc reads version 1
// RUN: echo '{"records": []}' > %t/other.json
// RUN: not normc %s -o %t/bad4 --tuning-db=%t/other.json 2>&1 | FileCheck %s --check-prefix=NOTDB
// NOTDB: error: tuning database '{{.*}}other.json' has no "normc_tuning_db": <version> field
// RUN: not normc %s -o %t/bad5 --tuning-db=%t/missing.json 2>&1 | FileCheck %s --check-prefix=MISSING
// MISSING: normc: error: cannot read tuning database '{{.*}}missing.json': no such file
// RUN: not ls %t/bad1 %t/bad2 %t/bad3 %t/bad4 %t/bad5

func.func @tuned(%x: tensor<2x32x32x32xf32>) -> tensor<2x32x32x32xf32> {
  %y = norm.instance_norm %x eps = 1.0e-05 : (tensor<2x32x32x32xf32>) -> tensor<2x32x32x32xf32>
  return %y : tensor<2x32x32x32xf32>
}

func.func @untuned(%x: tensor<2x32x32x32xf32>) -> tensor<2x32x32x32xf32> {
  %y = norm.instance_norm %x eps = 1.0e-05 : (tensor<2x32x32x32xf32>) -> tensor<2x32x32x32xf32>
  %r = norm.relu %y : tensor<2x32x32x32xf32>
  return %r : tensor<2x32x32x32xf32>
}
