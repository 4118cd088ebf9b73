// norm-outline-kernels: every kernel group becomes a private function named
// <role>_<hash of its body>, called from the exported function.
// RUN: norm-opt %s --norm-form-kernels --norm-outline-kernels | FileCheck %s
// RUN: norm-opt %s --norm-form-kernels --norm-outline-kernels --split-input-file | FileCheck %s --check-prefix=SPLIT

// Two blocks with the same structure call one function: the group's name
// depends on its body and types only, not on where it is or which
// arguments it gets.
// CHECK-LABEL: func.func @two_blocks
// CHECK-SAME: (%[[X:[a-z0-9]+]]: tensor<1x8x8x8xf32>, %[[W1:[a-z0-9]+]]: tensor<8x8x3x3xf32>, %[[W2:[a-z0-9]+]]: tensor<8x8x3x3xf32>)
// CHECK-NEXT: %[[A:.*]] = call @[[BLOCK:conv_norm_[0-9a-f]{16}]](%[[X]], %[[W1]])
// CHECK-NEXT: %[[B:.*]] = call @[[BLOCK]](%[[A]], %[[W2]])
// CHECK-NEXT: return %[[B]]
func.func @two_blocks(%x: tensor<1x8x8x8xf32>, %w1: tensor<8x8x3x3xf32>,
                      %w2: tensor<8x8x3x3xf32>) -> tensor<1x8x8x8xf32> {
  %c1 = norm.conv2d %x, %w1 strides = [1, 1] padding = [1, 1, 1, 1] dilations = [1, 1] groups = 1
      : (tensor<1x8x8x8xf32>, tensor<8x8x3x3xf32>) -> tensor<1x8x8x8xf32>
  %n1 = norm.instance_norm %c1 eps = 1.0e-05 : (tensor<1x8x8x8xf32>) -> tensor<1x8x8x8xf32>
  %r1 = norm.relu %n1 : tensor<1x8x8x8xf32>
  %c2 = norm.conv2d %r1, %w2 strides = [1, 1] padding = [1, 1, 1, 1] dilations = [1, 1] groups = 1
      : (tensor<1x8x8x8xf32>, tensor<8x8x3x3xf32>) -> tensor<1x8x8x8xf32>
  %n2 = norm.instance_norm %c2 eps = 1.0e-05 : (tensor<1x8x8x8xf32>) -> tensor<1x8x8x8xf32>
  %r2 = norm.relu %n2 : tensor<1x8x8x8xf32>
  return %r2 : tensor<1x8x8x8xf32>
}

// Another function with the same first block and a different second one
// (leaky ReLU): the first keeps its name, the second gets another.
// CHECK-LABEL: func.func @edited_second_block
// CHECK-NEXT: %[[A:.*]] = call @[[BLOCK]](
// CHECK-NEXT: %[[B:.*]] = call @[[EDITED:conv_norm_[0-9a-f]{16}]](%[[A]],
func.func @edited_second_block(%x: tensor<1x8x8x8xf32>, %w1: tensor<8x8x3x3xf32>,
                               %w2: tensor<8x8x3x3xf32>) -> tensor<1x8x8x8xf32> {
  %c1 = norm.conv2d %x, %w1 strides = [1, 1] padding = [1, 1, 1, 1] dilations = [1, 1] groups = 1
      : (tensor<1x8x8x8xf32>, tensor<8x8x3x3xf32>) -> tensor<1x8x8x8xf32>
  %n1 = norm.instance_norm %c1 eps = 1.0e-05 : (tensor<1x8x8x8xf32>) -> tensor<1x8x8x8xf32>
  %r1 = norm.relu %n1 : tensor<1x8x8x8xf32>
  %c2 = norm.conv2d %r1, %w2 strides = [1, 1] padding = [1, 1, 1, 1] dilations = [1, 1] groups = 1
      : (tensor<1x8x8x8xf32>, tensor<8x8x3x3xf32>) -> tensor<1x8x8x8xf32>
  %n2 = norm.instance_norm %c2 eps = 1.0e-05 : (tensor<1x8x8x8xf32>) -> tensor<1x8x8x8xf32>
  %r2 = norm.leaky_relu %n2 alpha = 2.0e-01 : tensor<1x8x8x8xf32>
  return %r2 : tensor<1x8x8x8xf32>
}

// Roles come from kernel formation; the group functions are isolated
// (captured values became arguments) and private.
// CHECK: func.func private @[[BLOCK]](%{{.*}}: tensor<1x8x8x8xf32>, %{{.*}}: tensor<8x8x3x3xf32>) -> tensor<1x8x8x8xf32> attributes {norm.role = "conv_norm"}
// CHECK-NEXT: norm.conv2d
// CHECK: norm.relu
// CHECK: func.func private @[[EDITED]]
// CHECK: norm.leaky_relu

// -----

// The same group in another module (file) has the same name: records made
// for one model apply to the same group in another.
// SPLIT-LABEL: func.func @two_blocks
// SPLIT: call @[[BLOCK:conv_norm_[0-9a-f]{16}]](
// SPLIT-LABEL: func.func @edited_second_block
// SPLIT: call @[[BLOCK]](
// SPLIT: -----
// SPLIT-LABEL: func.func @same_block_alone
// SPLIT-NEXT: call @[[BLOCK]](
func.func @same_block_alone(%x: tensor<1x8x8x8xf32>, %w: tensor<8x8x3x3xf32>) -> tensor<1x8x8x8xf32> {
  %c = norm.conv2d %x, %w strides = [1, 1] padding = [1, 1, 1, 1] dilations = [1, 1] groups = 1
      : (tensor<1x8x8x8xf32>, tensor<8x8x3x3xf32>) -> tensor<1x8x8x8xf32>
  %n = norm.instance_norm %c eps = 1.0e-05 : (tensor<1x8x8x8xf32>) -> tensor<1x8x8x8xf32>
  %r = norm.relu %n : tensor<1x8x8x8xf32>
  return %r : tensor<1x8x8x8xf32>
}

// -----

// Constants a group uses are cloned into its function, not passed.
// SPLIT-LABEL: func.func @constant_inside
// SPLIT-SAME: (%[[X:[a-z0-9]+]]: tensor<4xf32>)
// SPLIT-NEXT: call @[[G:elementwise_[0-9a-f]{16}]](%[[X]]) : (tensor<4xf32>) -> tensor<4xf32>
// SPLIT: func.func private @[[G]](%[[A:[a-z0-9]+]]: tensor<4xf32>)
// SPLIT-NEXT: %[[C:.*]] = arith.constant dense<2.000000e+00>
// SPLIT-NEXT: norm.mul %[[A]], %[[C]]
func.func @constant_inside(%x: tensor<4xf32>) -> tensor<4xf32> {
  %c = arith.constant dense<2.0> : tensor<4xf32>
  %y = norm.mul %x, %c : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  return %y : tensor<4xf32>
}
