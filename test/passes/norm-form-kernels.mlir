// --norm-form-kernels: the body of every public function with a body becomes
// one norm.kernel named after it. The second RUN line checks that the pass is
// idempotent: running it twice gives the same single kernel per function.
// RUN: norm-opt %s --norm-form-kernels | FileCheck %s
// RUN: norm-opt %s --norm-form-kernels --norm-form-kernels | FileCheck %s

// CHECK-LABEL: func.func @one_result
// CHECK-SAME: (%[[X:[a-z0-9]+]]: tensor<1x8x4x4xf32>) -> tensor<1x8x4x4xf32>
// CHECK-NEXT: %[[K:.*]] = norm.kernel "one_result" -> tensor<1x8x4x4xf32> attributes {role = "elementwise"} {
// CHECK-NEXT:   %[[A:.*]] = norm.relu %[[X]] : tensor<1x8x4x4xf32>
// CHECK-NEXT:   %[[B:.*]] = norm.sigmoid %[[A]] : tensor<1x8x4x4xf32>
// CHECK-NEXT:   norm.yield %[[B]] : tensor<1x8x4x4xf32>
// CHECK-NEXT: }
// CHECK-NEXT: return %[[K]] : tensor<1x8x4x4xf32>
// CHECK-NEXT: }
func.func @one_result(%x: tensor<1x8x4x4xf32>) -> tensor<1x8x4x4xf32> {
  %a = norm.relu %x : tensor<1x8x4x4xf32>
  %b = norm.sigmoid %a : tensor<1x8x4x4xf32>
  return %b : tensor<1x8x4x4xf32>
}

// Several results (one of them an intermediate value); constants and shape
// ops move into the kernel too.
// CHECK-LABEL: func.func @two_results
// CHECK-SAME: (%[[X:[a-z0-9]+]]: tensor<1x8x4x4xf32>, %[[G:[a-z0-9]+]]: tensor<8xf32>)
// CHECK-NEXT: %[[K:.*]]:2 = norm.kernel "two_results" -> tensor<1x8x4x4xf32>, tensor<1x8x4x4xf32> attributes {role = "norm"} {
// CHECK-DAG:    %[[C:.*]] = arith.constant dense<0.000000e+00> : tensor<1x8x1x1xf32>
// CHECK-DAG:    %[[G4:.*]] = tensor.expand_shape %[[G]]
// CHECK:        %[[MEAN:.*]], %[[RSTD:.*]] = norm.moments %[[X]]
// CHECK:        %[[Y:.*]] = norm.modulate %[[X]], %[[MEAN]], %[[RSTD]] scale(%[[G4]]) shift(%[[C]])
// CHECK:        %[[R:.*]] = norm.relu %[[Y]]
// CHECK-NEXT:   norm.yield %[[Y]], %[[R]] : tensor<1x8x4x4xf32>, tensor<1x8x4x4xf32>
// CHECK-NEXT: }
// CHECK-NOT: norm.kernel
// CHECK: return %[[K]]#0, %[[K]]#1 : tensor<1x8x4x4xf32>, tensor<1x8x4x4xf32>
func.func @two_results(%x: tensor<1x8x4x4xf32>, %g: tensor<8xf32>)
    -> (tensor<1x8x4x4xf32>, tensor<1x8x4x4xf32>) {
  %zero = arith.constant dense<0.0> : tensor<1x8x1x1xf32>
  %g4 = tensor.expand_shape %g [[0, 1, 2, 3]] output_shape [1, 8, 1, 1]
      : tensor<8xf32> into tensor<1x8x1x1xf32>
  %mean, %rstd = norm.moments %x dims = [2, 3] groups = 1 eps = 1.0e-05
      : tensor<1x8x4x4xf32> -> tensor<1x8x1x1xf32>, tensor<1x8x1x1xf32>
  %y = norm.modulate %x, %mean, %rstd scale(%g4) shift(%zero)
      : (tensor<1x8x4x4xf32>, tensor<1x8x1x1xf32>, tensor<1x8x1x1xf32>,
         tensor<1x8x1x1xf32>, tensor<1x8x1x1xf32>) -> tensor<1x8x4x4xf32>
  %r = norm.relu %y : tensor<1x8x4x4xf32>
  return %y, %r : tensor<1x8x4x4xf32>, tensor<1x8x4x4xf32>
}

// A function already holding its kernel is left as it is.
// CHECK-LABEL: func.func @already_formed
// CHECK-NEXT: %[[K:.*]] = norm.kernel "custom_name" -> tensor<4xf32> {
// CHECK-NEXT:   norm.silu
// CHECK-NEXT:   norm.yield
// CHECK-NEXT: }
// CHECK-NEXT: return %[[K]]
func.func @already_formed(%x: tensor<4xf32>) -> tensor<4xf32> {
  %k = norm.kernel "custom_name" -> tensor<4xf32> {
    %y = norm.silu %x : tensor<4xf32>
    norm.yield %y : tensor<4xf32>
  }
  return %k : tensor<4xf32>
}

// CHECK-LABEL: func.func private @negative_private
// CHECK-SAME: (%[[X:[a-z0-9]+]]: tensor<4xf32>)
// CHECK-NOT: norm.kernel
// CHECK: %[[Y:.*]] = norm.relu %[[X]] : tensor<4xf32>
// CHECK-NEXT: return %[[Y]] : tensor<4xf32>
func.func private @negative_private(%x: tensor<4xf32>) -> tensor<4xf32> {
  %y = norm.relu %x : tensor<4xf32>
  return %y : tensor<4xf32>
}

// CHECK-LABEL: func.func private @negative_external(tensor<4xf32>) -> tensor<4xf32>{{$}}
// CHECK-NOT: norm.kernel
func.func private @negative_external(tensor<4xf32>) -> tensor<4xf32>

// Nothing to compute: no empty kernel is created.
// CHECK-LABEL: func.func @negative_identity
// CHECK-SAME: (%[[X:[a-z0-9]+]]: tensor<4xf32>)
// CHECK-NEXT: return %[[X]] : tensor<4xf32>
func.func @negative_identity(%x: tensor<4xf32>) -> tensor<4xf32> {
  return %x : tensor<4xf32>
}
