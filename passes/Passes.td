//===- Passes.td - normc transformation passes -----------------------------===//
#ifndef NORMC_PASSES_PASSES_TD
#define NORMC_PASSES_PASSES_TD

include "mlir/Pass/PassBase.td"

def NormDecompose : Pass<"norm-decompose", "::mlir::func::FuncOp"> {
  let summary = "Lower high-level normalization ops to moments + modulate";
  let description = [{
    Rewrites `norm.instance_norm`, `norm.group_norm`, `norm.layer_norm` and
    `norm.adain` into
    the decomposed core that halide_gen compiles: one `norm.moments` computing
    the statistics and one `norm.modulate` applying them. 1-D affine
    parameters are reshaped with `tensor.expand_shape` so that they broadcast
    against x.

    Before:
    ```mlir
    %y = norm.instance_norm %x scale(%g) eps = 1.0e-05
        : (tensor<1x8x4x4xf32>, tensor<8xf32>) -> tensor<1x8x4x4xf32>
    ```
    After:
    ```mlir
    %mean, %rstd = norm.moments %x dims = [2, 3] groups = 1 eps = 1.0e-05
        : tensor<1x8x4x4xf32> -> tensor<1x8x1x1xf32>, tensor<1x8x1x1xf32>
    %g4 = tensor.expand_shape %g [[0, 1, 2, 3]] output_shape [1, 8, 1, 1]
        : tensor<8xf32> into tensor<1x8x1x1xf32>
    %y = norm.modulate %x, %mean, %rstd scale(%g4)
        : (tensor<1x8x4x4xf32>, tensor<1x8x1x1xf32>, tensor<1x8x1x1xf32>,
           tensor<1x8x1x1xf32>) -> tensor<1x8x4x4xf32>
    ```
  }];
  let dependentDialects = ["::mlir::tensor::TensorDialect",
                           "::mlir::arith::ArithDialect"];
}

def NormFormKernels : Pass<"norm-form-kernels", "::mlir::ModuleOp"> {
  let summary = "Wrap the body of each exported function in one norm.kernel";
  let description = [{
    Kernel formation: every public `func.func` with a body becomes exactly one
    kernel group, a `norm.kernel` region holding all its ops, whose results
    feed the `func.return`. halide_gen compiles each kernel group into one
    Halide pipeline. Private functions are left alone. (The fusion issue
    refines this into several groups per function.)

    Before:
    ```mlir
    func.func @f(%x: tensor<4xf32>) -> tensor<4xf32> {
      %y = norm.relu %x : tensor<4xf32>
      return %y : tensor<4xf32>
    }
    ```
    After:
    ```mlir
    func.func @f(%x: tensor<4xf32>) -> tensor<4xf32> {
      %0 = norm.kernel "f" -> tensor<4xf32> {
        %y = norm.relu %x : tensor<4xf32>
        norm.yield %y : tensor<4xf32>
      }
      return %0 : tensor<4xf32>
    }
    ```
  }];
}

#endif // NORMC_PASSES_PASSES_TD
