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
  let summary = "Partition each exported function into fused kernel groups";
  let description = [{
    Kernel formation and fusion: the ops of every public `func.func` are
    partitioned into kernel groups, `norm.kernel` regions whose results feed
    later groups or the `func.return`. halide_gen compiles each function into
    one Halide pipeline in which every group is one fused loop nest and the
    values passed between groups are materialized. Private functions are left
    alone.

    Policy `chains` (default): producer chains
    pad/upsample -> conv2d -> normalization (any variant) -> activation -> add
    form one group; an op joins a group only through a value with no other
    use; an op that cannot join starts a new group, and an op independent of
    the current group is placed in a group before it. Policy `none`: one
    group per op (an unfused build, for comparison). Policy `single`: the
    whole function in one group. Operand-less ops (constants) are cloned into
    every group that uses them.

    Before:
    ```mlir
    func.func @block(%x: tensor<1x8x16x16xf32>, %w: tensor<8x8x3x3xf32>)
        -> tensor<1x8x16x16xf32> {
      %p = norm.pad %x low = [0, 0, 1, 1] high = [0, 0, 1, 1] mode = "reflect"
          : (tensor<1x8x16x16xf32>) -> tensor<1x8x18x18xf32>
      %c = norm.conv2d %p, %w strides = [1, 1] padding = [0, 0, 0, 0]
          dilations = [1, 1] groups = 1
          : (tensor<1x8x18x18xf32>, tensor<8x8x3x3xf32>) -> tensor<1x8x16x16xf32>
      %n = norm.instance_norm %c eps = 1.0e-05
          : (tensor<1x8x16x16xf32>) -> tensor<1x8x16x16xf32>
      %y = norm.relu %n : tensor<1x8x16x16xf32>
      return %y : tensor<1x8x16x16xf32>
    }
    ```
    After (one group; with `policy=none`, four):
    ```mlir
      %0 = norm.kernel "block" -> tensor<1x8x16x16xf32> {
        %p = norm.pad ...
        %c = norm.conv2d %p, %w ...
        %n = norm.instance_norm %c ...
        %y = norm.relu %n : tensor<1x8x16x16xf32>
        norm.yield %y : tensor<1x8x16x16xf32>
      }
      return %0 : tensor<1x8x16x16xf32>
    ```
  }];
  let options = [
    Option<"policy", "policy", "std::string", /*default=*/"\"chains\"",
           "How ops are grouped: chains (fuse producer chains), none (one "
           "group per op), single (one group per function)">
  ];
}

def NormOutlineKernels : Pass<"norm-outline-kernels", "::mlir::ModuleOp"> {
  let summary = "Outline each kernel group into an isolated function with a stable name";
  let description = [{
    Moves the body of every `norm.kernel` into a private `func.func` and
    replaces the region with a `func.call`, as IREE outlines dispatch
    regions into executables: the group becomes the unit that halide_gen
    compiles, that a schedule is assigned to and that the tuner times.
    Values the region captured become arguments (in order of first use);
    constants are cloned in. The function is named
    `<role>_<16 hex digits>`: the role from kernel formation and a hash of
    the group's printed body, argument and result types, so a tuning record
    keyed on it survives edits elsewhere in the model. Identical groups
    (the blocks of a residual stack) share one function. The function
    carries `norm.role`.

    Before:
    ```mlir
    %0 = norm.kernel "f" -> tensor<1x8x4x4xf32> attributes {role = "elementwise"} {
      %y = norm.relu %x : tensor<1x8x4x4xf32>
      norm.yield %y : tensor<1x8x4x4xf32>
    }
    ```
    After:
    ```mlir
    %0 = call @elementwise_1f2e3d4c5b6a7988(%x)
        : (tensor<1x8x4x4xf32>) -> tensor<1x8x4x4xf32>
    func.func private @elementwise_1f2e3d4c5b6a7988(%arg0: tensor<1x8x4x4xf32>)
        -> tensor<1x8x4x4xf32> attributes {norm.role = "elementwise"} {
      %y = norm.relu %arg0 : tensor<1x8x4x4xf32>
      return %y : tensor<1x8x4x4xf32>
    }
    ```
  }];
}

def NormAssignSchedules : Pass<"norm-assign-schedules", "::mlir::ModuleOp"> {
  let summary = "Choose the schedule knobs of every outlined kernel group";
  let description = [{
    Sets `norm.schedule` on every function with a `norm.role`: the knobs
    requested for it, from the schedule backend's defaults for the target
    and the group (tuning/Defaults.cpp), then the best matching record of
    the tuning database, then the `schedule` overrides, and where they came
    from. Only the knobs that apply to the group's role are listed
    (tuning/Knobs.def). halide_gen applies them and reports, next to them,
    the knobs it effectively used.

    ```mlir
    func.func private @norm_... attributes {norm.role = "norm",
        norm.schedule = {requested = {accumulators = 2 : i64, ...},
                         source = "defaults"}}
    ```
  }];
  let options = [
    Option<"target", "target", "std::string", /*default=*/"\"host\"",
           "Target in Halide's spelling (host, x86-64-linux-avx2, arm-64-linux, ...)">,
    Option<"overrides", "schedule", "std::string", /*default=*/"\"\"",
           "Knob overrides key=value,... (normc --list-knobs); applied last">,
    Option<"tuningDb", "tuning-db", "std::string", /*default=*/"\"\"",
           "Tuning database (JSON) whose best record per group is applied">
  ];
}

#endif // NORMC_PASSES_PASSES_TD
