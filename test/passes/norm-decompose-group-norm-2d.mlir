// A group norm of a rank-2 [N, C] tensor (valid: the verifier accepts rank 2,
// and PyTorch's GroupNorm takes (N, C)) has no spatial dimension: each
// (n, group) pools the C / G channels of its group only. It must still be
// decomposed into the moments/modulate core, and normc must compile it.
// RUN: norm-opt %s --norm-decompose | FileCheck %s
// RUN: rm -rf %t && normc %s -o %t --emit=header
// RUN: ls %t | FileCheck %s --check-prefix=NORMC

// CHECK-LABEL: func.func @group_norm_2d
// CHECK-NOT: norm.group_norm
// CHECK: norm.moments
// CHECK-SAME: groups = 2
// CHECK: norm.modulate
// CHECK-NOT: norm.group_norm
// CHECK: return

// NORMC: {{^}}group_norm_2d.h{{$}}
func.func @group_norm_2d(%x: tensor<3x8xf32>, %g: tensor<8xf32>) -> tensor<3x8xf32> {
  %y = norm.group_norm %x groups = 2 scale(%g) eps = 1.0e-05
      : (tensor<3x8xf32>, tensor<8xf32>) -> tensor<3x8xf32>
  return %y : tensor<3x8xf32>
}
