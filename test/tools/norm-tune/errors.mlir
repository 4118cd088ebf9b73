// norm-tune's errors: one line each, exit 1, no database written.
// RUN: rm -rf %t && mkdir -p %t
// RUN: not norm-tune %s 2>&1 | FileCheck %s --check-prefix=NODB
// NODB: norm-tune: error: no database; use --db=<file>
// RUN: not norm-tune --db=%t/db.json 2>&1 | FileCheck %s --check-prefix=NOINPUT
// NOINPUT: norm-tune: error: no input file (or use --report / --merge)
// RUN: not norm-tune %t/missing.mlir --db=%t/db.json 2>&1 | FileCheck %s --check-prefix=MISSING
// MISSING: norm-tune: error: cannot open input file '{{.*}}missing.mlir': no such file
// RUN: not norm-tune %s --db=%t/db.json --budget=ten 2>&1 | FileCheck %s --check-prefix=BUDGET
// RUN: not norm-tune %s --db=%t/db.json --budget=5d 2>&1 | FileCheck %s --check-prefix=BUDGET
// RUN: not norm-tune %s --db=%t/db.json --budget=0 2>&1 | FileCheck %s --check-prefix=BUDGET
// BUDGET: norm-tune: error: invalid '--budget={{.*}}' (expected trials per group, e.g. 24, or a time: 90s, 20m, 1h)
// RUN: not norm-tune %s --db=%t/db.json --autoschedulers=Magic 2>&1 | FileCheck %s --check-prefix=AUTO
// AUTO: norm-tune: error: unknown autoscheduler 'Magic' in '--autoschedulers=Magic' (expected Mullapudi2016, Adams2019, Li2018 or none)
// RUN: not norm-tune %s --db=%t/db.json --rounds=0 2>&1 | FileCheck %s --check-prefix=ROUNDS
// ROUNDS: norm-tune: error: '--rounds' must be in 1..99
// RUN: not norm-tune %s --db=%t/db.json --functions=nope 2>&1 | FileCheck %s --check-prefix=FUNC
// FUNC: norm-tune: error: normc cannot compile '{{.*}}errors.mlir':
// FUNC-NEXT: normc: error: '--functions=nope' names 'nope', which is not a public function
// RUN: not norm-tune %s --db=%t/db.json --cc=false --autoschedulers=none 2>&1 | FileCheck %s --check-prefix=CC
// CC: norm-tune: error: cannot compile libnormrt with 'false' (see --cc):
// RUN: not ls %t/db.json
// A database that is not one is refused before any work.
// RUN: echo '{"records": []}' > %t/other.json
// RUN: not norm-tune %s --db=%t/other.json 2>&1 | FileCheck %s --check-prefix=NOTDB
// NOTDB: norm-tune: error: tuning database '{{.*}}other.json' has no "normc_tuning_db": <version> field
// RUN: not norm-tune --report --db=%t/absent.json 2>&1 | FileCheck %s --check-prefix=REPORT
// REPORT: norm-tune: error: cannot read tuning database '{{.*}}absent.json': no such file
// RUN: not norm-tune --merge=%t/absent.json --db=%t/merged.json 2>&1 | FileCheck %s --check-prefix=MERGE
// MERGE: norm-tune: error: cannot read tuning database '{{.*}}absent.json': {{.+}}
// RUN: not ls %t/merged.json
// Dynamic shapes cannot be timed: the runner says which argument.
// RUN: not norm-tune %S/Inputs/dynamic.mlir --db=%t/dyn.json --autoschedulers=none 2>&1 | FileCheck %s --check-prefix=DYN
// DYN: norm-tune: error: @dyn: the default schedule does not run: the runner exited with status 3: norm_tune_runner: error: an argument has a dynamic extent; norm-tune needs static shapes: arg0
// RUN: normc --help | FileCheck %s --check-prefix=HELP
// HELP: --autoschedule=<name>
// RUN: not normc %s -o %t/bad --autoschedule=Magic 2>&1 | FileCheck %s --check-prefix=NORMC
// NORMC: normc: error: unknown autoscheduler 'Magic' in '--autoschedule=Magic' (expected Mullapudi2016, Adams2019, Li2018)

func.func @f(%x: tensor<2x8x16x16xf32>) -> tensor<2x8x16x16xf32> {
  %y = norm.instance_norm %x eps = 1.0e-05 : (tensor<2x8x16x16xf32>) -> tensor<2x8x16x16xf32>
  return %y : tensor<2x8x16x16xf32>
}
