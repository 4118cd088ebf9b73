// A batch norm folded into its conv (canonicalize) leaves parameter
// preparation ops (the scale, the scaled weights, the new bias) that share the
// scale; they all join the conv's group, so the block stays one kernel.
// RUN: norm-opt %s --canonicalize --norm-form-kernels | FileCheck %s

// CHECK-LABEL: func.func @conv_bn_relu
// CHECK: norm.kernel "conv_bn_relu"
// CHECK-DAG: norm.sqrt
// CHECK-DAG: norm.reciprocal
// CHECK: %[[W:.*]] = norm.mul %{{.*}}, %{{.*}} : (tensor<12x8x3x3xf32>, tensor<12x1x1x1xf32>) -> tensor<12x8x3x3xf32>
// CHECK: norm.conv2d %{{[a-z0-9]+}}, %[[W]] bias(
// CHECK-NEXT: norm.relu
// CHECK-NOT: norm.batch_norm
// CHECK-NOT: norm.kernel
func.func @conv_bn_relu(%x: tensor<1x8x12x12xf32>, %w: tensor<12x8x3x3xf32>, %b: tensor<12xf32>,
                        %m: tensor<12xf32>, %v: tensor<12xf32>, %g: tensor<12xf32>,
                        %be: tensor<12xf32>) -> tensor<1x12x12x12xf32> {
  %c = norm.conv2d %x, %w bias(%b) strides = [1, 1] padding = [1, 1, 1, 1] dilations = [1, 1] groups = 1
      : (tensor<1x8x12x12xf32>, tensor<12x8x3x3xf32>, tensor<12xf32>) -> tensor<1x12x12x12xf32>
  %n = norm.batch_norm %c, %m, %v scale(%g) bias(%be) eps = 1.0e-05
      : (tensor<1x12x12x12xf32>, tensor<12xf32>, tensor<12xf32>, tensor<12xf32>, tensor<12xf32>)
      -> tensor<1x12x12x12xf32>
  %y = norm.relu %n : tensor<1x12x12x12xf32>
  return %y : tensor<1x12x12x12xf32>
}
