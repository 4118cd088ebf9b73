// --norm-form-kernels errors: an unknown fusion policy, from a function's
// norm.fuse attribute (reported at the function) or from the pass option
// (reported at the module, whose location is the file's 0:0).
// RUN: norm-opt %s --norm-form-kernels -split-input-file -verify-diagnostics
// RUN: not norm-opt %s --norm-form-kernels=policy=fast 2>&1 | FileCheck %s --check-prefix=OPTION

// OPTION: {{^}}{{.*}}norm-form-kernels-errors.mlir:0:0: error: norm-form-kernels: unknown policy 'fast' (expected chains, none or single){{$}}

// expected-error @+1 {{norm.fuse = "fast" is not a fusion policy (expected chains, none or single)}}
func.func @unknown_fuse_attr(%x: tensor<4xf32>) -> tensor<4xf32> attributes {norm.fuse = "fast"} {
  %y = norm.relu %x : tensor<4xf32>
  return %y : tensor<4xf32>
}

// -----

// The value is case-sensitive.
// expected-error @+1 {{norm.fuse = "None" is not a fusion policy (expected chains, none or single)}}
func.func @fuse_attr_case(%x: tensor<4xf32>) -> tensor<4xf32> attributes {norm.fuse = "None"} {
  %y = norm.relu %x : tensor<4xf32>
  return %y : tensor<4xf32>
}
