// --norm-decompose on batch norm. Inference: the running statistics feed the
// modulate (rstd = 1 / sqrt(var + eps)). Training: biased batch statistics for
// y, the unbiased batch variance for the running update
// (1 - momentum) * running + momentum * batch, reshaped back to [C].
// RUN: norm-opt %s --norm-decompose | FileCheck %s

// CHECK-LABEL: func.func @inference
// CHECK-NOT: norm.moments
// CHECK-DAG: %[[EPS:.*]] = arith.constant dense<9.99999974E-6> : tensor<1x1x1x1xf32>
// CHECK-DAG: %[[M:.*]] = tensor.expand_shape %arg1
// CHECK-DAG: %[[V:.*]] = tensor.expand_shape %arg2
// CHECK: %[[S:.*]] = norm.add %[[V]], %[[EPS]]
// CHECK: %[[Q:.*]] = norm.sqrt %[[S]]
// CHECK: %[[R:.*]] = norm.reciprocal %[[Q]]
// CHECK: norm.modulate %arg0, %[[M]], %[[R]]
func.func @inference(%x: tensor<2x4x8x8xf32>, %m: tensor<4xf32>, %v: tensor<4xf32>) -> tensor<2x4x8x8xf32> {
  %y = norm.batch_norm %x, %m, %v eps = 1.0e-05 : (tensor<2x4x8x8xf32>, tensor<4xf32>, tensor<4xf32>) -> tensor<2x4x8x8xf32>
  return %y : tensor<2x4x8x8xf32>
}

// CHECK-LABEL: func.func @training
// CHECK-DAG: %[[KEEP:.*]] = arith.constant dense<0.899999976> : tensor<1x1x1x1xf32>
// CHECK-DAG: %[[MOM:.*]] = arith.constant dense<1.000000e-01> : tensor<1x1x1x1xf32>
// CHECK-DAG: %[[BM:.*]], %[[BR:.*]] = norm.moments %arg0 dims = [0, 2, 3] groups = 1 eps = {{[^ ]*}} :
// CHECK-DAG: %{{.*}}, %[[UV:.*]] = norm.moments %arg0 dims = [0, 2, 3] groups = 1 eps = {{.*}} unbiased return_variance
// CHECK: %[[Y:.*]] = norm.modulate %arg0, %[[BM]], %[[BR]]
// CHECK: norm.mul %[[BM]], %[[MOM]]
// CHECK: %[[NM:.*]] = tensor.collapse_shape {{.*}} {{\[}}[0, 1, 2, 3]] : tensor<1x4x1x1xf32> into tensor<4xf32>
// CHECK: norm.mul %[[UV]], %[[MOM]]
// CHECK: %[[NV:.*]] = tensor.collapse_shape
// CHECK: return %[[Y]], %[[NM]], %[[NV]]
func.func @training(%x: tensor<2x4x8x8xf32>, %m: tensor<4xf32>, %v: tensor<4xf32>) -> (tensor<2x4x8x8xf32>, tensor<4xf32>, tensor<4xf32>) {
  %y, %nm, %nv = norm.batch_norm_train %x, %m, %v eps = 1.0e-05 momentum = 0.1 : (tensor<2x4x8x8xf32>, tensor<4xf32>, tensor<4xf32>) -> (tensor<2x4x8x8xf32>, tensor<4xf32>, tensor<4xf32>)
  return %y, %nm, %nv : tensor<2x4x8x8xf32>, tensor<4xf32>, tensor<4xf32>
}

// Instance norm with running statistics: per-plane moments for y, and their
// batch averages (moments over dim 0) for the update.
// CHECK-LABEL: func.func @instance_training
// CHECK-DAG: %[[PM:.*]], %[[PR:.*]] = norm.moments %arg0 dims = [2, 3] groups = 1 eps = {{[^ ]*}} :
// CHECK-DAG: %{{.*}}, %[[PV:.*]] = norm.moments %arg0 dims = [2, 3] groups = 1 eps = {{.*}} unbiased return_variance
// CHECK-DAG: %[[AM:.*]], %{{.*}} = norm.moments %[[PM]] dims = [0] groups = 1 {{.*}} : tensor<2x4x1x1xf32> -> tensor<1x4x1x1xf32>
// CHECK-DAG: %[[AV:.*]], %{{.*}} = norm.moments %[[PV]] dims = [0] groups = 1
// CHECK-DAG: norm.mul %[[AM]],
// CHECK-DAG: norm.mul %[[AV]],
func.func @instance_training(%x: tensor<2x4x8x8xf32>, %m: tensor<4xf32>, %v: tensor<4xf32>) -> (tensor<2x4x8x8xf32>, tensor<4xf32>, tensor<4xf32>) {
  %y, %nm, %nv = norm.instance_norm_train %x, %m, %v eps = 1.0e-05 momentum = 0.1 : (tensor<2x4x8x8xf32>, tensor<4xf32>, tensor<4xf32>) -> (tensor<2x4x8x8xf32>, tensor<4xf32>, tensor<4xf32>)
  return %y, %nm, %nv : tensor<2x4x8x8xf32>, tensor<4xf32>, tensor<4xf32>
}
