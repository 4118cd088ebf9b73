// Canonicalizations of the norm dialect: the identity affine of modulate is
// dropped, relu is idempotent.
// RUN: norm-opt %s -canonicalize -split-input-file | FileCheck %s

// CHECK-LABEL: func.func @modulate_identity_affine
// CHECK-SAME: (%[[X:[a-z0-9]+]]: tensor<1x8x4x4xf32>, %[[M:[a-z0-9]+]]: tensor<1x8x1x1xf32>, %[[R:[a-z0-9]+]]: tensor<1x8x1x1xf32>)
// CHECK-NOT: arith.constant
// CHECK: %[[Y:.*]] = norm.modulate %[[X]], %[[M]], %[[R]] :
// CHECK-SAME: (tensor<1x8x4x4xf32>, tensor<1x8x1x1xf32>, tensor<1x8x1x1xf32>) -> tensor<1x8x4x4xf32>
// CHECK-NEXT: return %[[Y]]
func.func @modulate_identity_affine(%x: tensor<1x8x4x4xf32>, %m: tensor<1x8x1x1xf32>,
                                    %r: tensor<1x8x1x1xf32>) -> tensor<1x8x4x4xf32> {
  %one = arith.constant dense<1.0> : tensor<1x8x1x1xf32>
  %zero = arith.constant dense<0.0> : tensor<1x8x1x1xf32>
  %y = norm.modulate %x, %m, %r scale(%one) shift(%zero)
      : (tensor<1x8x4x4xf32>, tensor<1x8x1x1xf32>, tensor<1x8x1x1xf32>,
         tensor<1x8x1x1xf32>, tensor<1x8x1x1xf32>) -> tensor<1x8x4x4xf32>
  return %y : tensor<1x8x4x4xf32>
}

// -----

// A splat-1 scale goes, a real shift stays.
// CHECK-LABEL: func.func @modulate_unit_scale
// CHECK-SAME: %[[B:[a-z0-9]+]]: tensor<1x8x1x1xf32>)
// CHECK: norm.modulate %{{[a-z0-9]+}}, %{{[a-z0-9]+}}, %{{[a-z0-9]+}} shift(%[[B]]) :
// CHECK-SAME: (tensor<1x8x4x4xf32>, tensor<1x8x1x1xf32>, tensor<1x8x1x1xf32>, tensor<1x8x1x1xf32>) -> tensor<1x8x4x4xf32>
func.func @modulate_unit_scale(%x: tensor<1x8x4x4xf32>, %m: tensor<1x8x1x1xf32>,
                               %r: tensor<1x8x1x1xf32>, %b: tensor<1x8x1x1xf32>)
    -> tensor<1x8x4x4xf32> {
  %one = arith.constant dense<1.0> : tensor<1x8x1x1xf32>
  %y = norm.modulate %x, %m, %r scale(%one) shift(%b)
      : (tensor<1x8x4x4xf32>, tensor<1x8x1x1xf32>, tensor<1x8x1x1xf32>,
         tensor<1x8x1x1xf32>, tensor<1x8x1x1xf32>) -> tensor<1x8x4x4xf32>
  return %y : tensor<1x8x4x4xf32>
}

// -----

// A splat-0 shift goes, a real scale stays; per-element (full-shape) shift.
// CHECK-LABEL: func.func @modulate_zero_shift_per_element
// CHECK-SAME: %[[G:[a-z0-9]+]]: tensor<1x8x1x1xf32>)
// CHECK-NOT: arith.constant
// CHECK: norm.modulate %{{[a-z0-9]+}}, %{{[a-z0-9]+}}, %{{[a-z0-9]+}} scale(%[[G]]) :
// CHECK-SAME: (tensor<1x8x4x4xf32>, tensor<1x8x1x1xf32>, tensor<1x8x1x1xf32>, tensor<1x8x1x1xf32>) -> tensor<1x8x4x4xf32>
func.func @modulate_zero_shift_per_element(%x: tensor<1x8x4x4xf32>, %m: tensor<1x8x1x1xf32>,
                                           %r: tensor<1x8x1x1xf32>, %g: tensor<1x8x1x1xf32>)
    -> tensor<1x8x4x4xf32> {
  %zero = arith.constant dense<0.0> : tensor<1x8x4x4xf32>
  %y = norm.modulate %x, %m, %r scale(%g) shift(%zero)
      : (tensor<1x8x4x4xf32>, tensor<1x8x1x1xf32>, tensor<1x8x1x1xf32>,
         tensor<1x8x1x1xf32>, tensor<1x8x4x4xf32>) -> tensor<1x8x4x4xf32>
  return %y : tensor<1x8x4x4xf32>
}

// -----

// CHECK-LABEL: func.func @negative_modulate_scale_two
// CHECK: %[[TWO:.*]] = arith.constant dense<2.000000e+00> : tensor<1x8x1x1xf32>
// CHECK: norm.modulate %{{[a-z0-9]+}}, %{{[a-z0-9]+}}, %{{[a-z0-9]+}} scale(%[[TWO]]) :
func.func @negative_modulate_scale_two(%x: tensor<1x8x4x4xf32>, %m: tensor<1x8x1x1xf32>,
                                       %r: tensor<1x8x1x1xf32>) -> tensor<1x8x4x4xf32> {
  %two = arith.constant dense<2.0> : tensor<1x8x1x1xf32>
  %y = norm.modulate %x, %m, %r scale(%two)
      : (tensor<1x8x4x4xf32>, tensor<1x8x1x1xf32>, tensor<1x8x1x1xf32>,
         tensor<1x8x1x1xf32>) -> tensor<1x8x4x4xf32>
  return %y : tensor<1x8x4x4xf32>
}

// -----

// The roles matter: scale 0 and shift 1 are not the identity.
// CHECK-LABEL: func.func @negative_modulate_swapped_constants
// CHECK-DAG: %[[ZERO:.*]] = arith.constant dense<0.000000e+00> : tensor<1x8x1x1xf32>
// CHECK-DAG: %[[ONE:.*]] = arith.constant dense<1.000000e+00> : tensor<1x8x1x1xf32>
// CHECK: norm.modulate %{{[a-z0-9]+}}, %{{[a-z0-9]+}}, %{{[a-z0-9]+}} scale(%[[ZERO]]) shift(%[[ONE]]) :
func.func @negative_modulate_swapped_constants(%x: tensor<1x8x4x4xf32>, %m: tensor<1x8x1x1xf32>,
                                               %r: tensor<1x8x1x1xf32>) -> tensor<1x8x4x4xf32> {
  %zero = arith.constant dense<0.0> : tensor<1x8x1x1xf32>
  %one = arith.constant dense<1.0> : tensor<1x8x1x1xf32>
  %y = norm.modulate %x, %m, %r scale(%zero) shift(%one)
      : (tensor<1x8x4x4xf32>, tensor<1x8x1x1xf32>, tensor<1x8x1x1xf32>,
         tensor<1x8x1x1xf32>, tensor<1x8x1x1xf32>) -> tensor<1x8x4x4xf32>
  return %y : tensor<1x8x4x4xf32>
}

// -----

// A constant that is not a splat is kept even if it starts with 1.
// CHECK-LABEL: func.func @negative_modulate_non_splat_scale
// CHECK: %[[C:.*]] = arith.constant dense<{{\[}}{{\[}}{{\[}}{{\[}}1.000000e+00]], {{\[}}{{\[}}2.000000e+00]]]]> : tensor<1x2x1x1xf32>
// CHECK: norm.modulate %{{[a-z0-9]+}}, %{{[a-z0-9]+}}, %{{[a-z0-9]+}} scale(%[[C]]) :
func.func @negative_modulate_non_splat_scale(%x: tensor<1x2x4x4xf32>, %m: tensor<1x2x1x1xf32>,
                                             %r: tensor<1x2x1x1xf32>) -> tensor<1x2x4x4xf32> {
  %c = arith.constant dense<[[[[1.0]], [[2.0]]]]> : tensor<1x2x1x1xf32>
  %y = norm.modulate %x, %m, %r scale(%c)
      : (tensor<1x2x4x4xf32>, tensor<1x2x1x1xf32>, tensor<1x2x1x1xf32>,
         tensor<1x2x1x1xf32>) -> tensor<1x2x4x4xf32>
  return %y : tensor<1x2x4x4xf32>
}

// -----

// CHECK-LABEL: func.func @negative_modulate_argument_scale
// CHECK-SAME: %[[G:[a-z0-9]+]]: tensor<1x8x1x1xf32>, %[[B:[a-z0-9]+]]: tensor<1x8x1x1xf32>)
// CHECK: norm.modulate %{{[a-z0-9]+}}, %{{[a-z0-9]+}}, %{{[a-z0-9]+}} scale(%[[G]]) shift(%[[B]]) :
func.func @negative_modulate_argument_scale(%x: tensor<1x8x4x4xf32>, %m: tensor<1x8x1x1xf32>,
                                            %r: tensor<1x8x1x1xf32>, %g: tensor<1x8x1x1xf32>,
                                            %b: tensor<1x8x1x1xf32>) -> tensor<1x8x4x4xf32> {
  %y = norm.modulate %x, %m, %r scale(%g) shift(%b)
      : (tensor<1x8x4x4xf32>, tensor<1x8x1x1xf32>, tensor<1x8x1x1xf32>,
         tensor<1x8x1x1xf32>, tensor<1x8x1x1xf32>) -> tensor<1x8x4x4xf32>
  return %y : tensor<1x8x4x4xf32>
}

// -----

// CHECK-LABEL: func.func @relu_relu
// CHECK-SAME: (%[[X:[a-z0-9]+]]: tensor<1x8x4x4xf32>)
// CHECK: %[[Y:.*]] = norm.relu %[[X]] : tensor<1x8x4x4xf32>
// CHECK-NOT: norm.relu
// CHECK: return %[[Y]]
func.func @relu_relu(%x: tensor<1x8x4x4xf32>) -> tensor<1x8x4x4xf32> {
  %a = norm.relu %x : tensor<1x8x4x4xf32>
  %b = norm.relu %a : tensor<1x8x4x4xf32>
  %c = norm.relu %b : tensor<1x8x4x4xf32>
  return %c : tensor<1x8x4x4xf32>
}

// -----

// Only relu folds into relu; other activations are not idempotent.
// CHECK-LABEL: func.func @negative_relu_of_other_activation
// CHECK-SAME: (%[[X:[a-z0-9]+]]: tensor<4xf32>)
// CHECK: %[[A:.*]] = norm.leaky_relu %[[X]] alpha = 1.000000e-01 : tensor<4xf32>
// CHECK: %[[B:.*]] = norm.relu %[[A]] : tensor<4xf32>
// CHECK: %[[C:.*]] = norm.silu %[[B]] : tensor<4xf32>
// CHECK: %[[D:.*]] = norm.silu %[[C]] : tensor<4xf32>
// CHECK: return %[[D]]
func.func @negative_relu_of_other_activation(%x: tensor<4xf32>) -> tensor<4xf32> {
  %a = norm.leaky_relu %x alpha = 0.1 : tensor<4xf32>
  %b = norm.relu %a : tensor<4xf32>
  %c = norm.silu %b : tensor<4xf32>
  %d = norm.silu %c : tensor<4xf32>
  return %d : tensor<4xf32>
}
