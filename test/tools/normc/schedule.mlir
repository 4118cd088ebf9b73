// --schedule overrides the target-derived knob defaults; <func>.schedule.json
// records, per group, the knobs requested and those effectively used (with
// a note for each difference), and the overrides change the loop nest.
// RUN: rm -rf %t && normc %s -o %t --emit=schedule,stmt
// RUN: FileCheck %s --check-prefix=DEFAULT < %t/inorm.schedule.json
// RUN: rm -rf %t && normc %s -o %t --emit=schedule,stmt --schedule=stats=shifted_one_pass,placement=root,vector_width=4,accumulators=1,parallel=false
// RUN: FileCheck %s --check-prefix=OVERRIDE < %t/inorm.schedule.json
// RUN: FileCheck %s --check-prefix=STMT < %t/inorm.stmt
// --schedule may be repeated: every list applies, in order (a second flag
// used to replace the first silently), and a knob given twice keeps the
// later value.
// RUN: rm -rf %t && normc %s -o %t --emit=schedule --schedule=stats=shifted_one_pass,vector_width=8 --schedule=vector_width=4,accumulators=1
// RUN: FileCheck %s --check-prefix=REPEATED < %t/inorm.schedule.json
// RUN: not normc %s -o %t.bad --schedule=vector_width=4 --schedule=unroll=2 2>&1 | FileCheck %s --check-prefix=BADKEY
// RUN: not normc %s -o %t.bad --schedule=stats=three 2>&1 | FileCheck %s --check-prefix=BADVALUE
// RUN: not normc %s -o %t.bad --schedule=unroll=2 2>&1 | FileCheck %s --check-prefix=BADKEY
// RUN: not normc %s -o %t.bad --schedule=vector_width 2>&1 | FileCheck %s --check-prefix=NOVALUE
// RUN: not ls %t.bad

// REPEATED:      "effective": {
// REPEATED-NEXT:   "accumulators": 1,
// REPEATED:        "stats": "shifted_one_pass",
// REPEATED:        "vector_width": 4

// Sixteen 64x64 planes: too few to share tasks (at least 16 tasks are kept).
// Each group's result shape and layout, for norm-tune's cost model.
// DEFAULT:      "channels_last": false,
// DEFAULT-NEXT: "effective": {
// DEFAULT-NEXT:   "accumulators": 2,
// DEFAULT-NEXT:   "parallel": true,
// DEFAULT-NEXT:   "placement": "per_plane",
// DEFAULT-NEXT:   "planes_per_task": 1,
// DEFAULT-NEXT:   "stats": "two_pass",
// DEFAULT-NEXT:   "streaming_stores": false,
// DEFAULT:      "notes": [
// DEFAULT-NEXT:   "planes_per_task: chosen from the plane size"
// DEFAULT:      "requested": {
// DEFAULT:        "planes_per_task": 0,
// DEFAULT:      "role": "norm",
// DEFAULT-NEXT: "shape": [
// DEFAULT-NEXT:   2,
// DEFAULT-NEXT:   8,
// DEFAULT-NEXT:   64,
// DEFAULT-NEXT:   64
// DEFAULT-NEXT: ],
// DEFAULT-NEXT: "source": "defaults"
// OVERRIDE:      "effective": {
// OVERRIDE-NEXT:   "accumulators": 1,
// OVERRIDE-NEXT:   "parallel": false,
// OVERRIDE-NEXT:   "placement": "root",
// OVERRIDE-NEXT:   "planes_per_task": 0,
// OVERRIDE-NEXT:   "stats": "shifted_one_pass",
// OVERRIDE-NEXT:   "streaming_stores": false,
// OVERRIDE-NEXT:   "vector_width": 4
// OVERRIDE:      "requested": {
// OVERRIDE-NEXT:   "accumulators": 1,
// OVERRIDE:      "source": "defaults+overrides"
// One reduction of shifted sums, no parallel loop.
// STMT: produce {{[a-z_0-9]+}}_sums0
// STMT-NOT: produce {{[a-z_0-9]+}}_sum_sq0
// STMT-NOT: halide_do_par_for
// BADVALUE: normc: error: invalid value 'three' for schedule knob 'stats' (expected shifted_one_pass or two_pass) in '--schedule=stats=three'
// BADKEY: normc: error: unknown schedule knob 'unroll'
// NOVALUE: normc: error: schedule knob 'vector_width' needs a value (key=value)

func.func @inorm(%x: tensor<2x8x64x64xf32>) -> tensor<2x8x64x64xf32> {
  %y = norm.instance_norm %x eps = 1.0e-05 : (tensor<2x8x64x64xf32>) -> tensor<2x8x64x64xf32>
  return %y : tensor<2x8x64x64xf32>
}

// A tensor of a few hundred elements runs on the calling thread, and the
// record says so.
// RUN: rm -rf %t.tinyin && normc %s -o %t.tinyin --emit=schedule --schedule=placement=per_plane
// RUN: FileCheck %s --check-prefix=TINY < %t.tinyin/tiny.schedule.json
// TINY:      "effective": {
// TINY:        "parallel": false,
// TINY-NEXT:   "placement": "per_plane",
// TINY:      "notes": [
// TINY:        "parallel: false: fewer than 16384 elements run on the calling thread"
// TINY:      "requested": {
// TINY:        "parallel": true,
func.func @tiny(%x: tensor<1x8x4x4xf32>) -> tensor<1x8x4x4xf32> {
  %y = norm.instance_norm %x eps = 1.0e-05 : (tensor<1x8x4x4xf32>) -> tensor<1x8x4x4xf32>
  return %y : tensor<1x8x4x4xf32>
}
