//===- NormOps.td - norm dialect operations ---------------------------------===//
//
// High-level normalization ops (instance/group/layer norm), the decomposed core
// they lower to (moments + modulate), activations, and the kernel-group region
// op that the kernel-formation pass creates.
//
//===----------------------------------------------------------------------===//

#ifndef NORMC_DIALECT_NORMOPS_TD
#define NORMC_DIALECT_NORMOPS_TD

include "dialect/NormBase.td"
include "mlir/IR/OpBase.td"
include "mlir/Interfaces/InferTypeOpInterface.td"
include "mlir/Interfaces/SideEffectInterfaces.td"
include "mlir/Interfaces/ControlFlowInterfaces.td"

//===----------------------------------------------------------------------===//
// High-level normalization ops
//===----------------------------------------------------------------------===//

def Norm_InstanceNormOp : Norm_Op<"instance_norm",
    [Pure, AttrSizedOperandSegments, AllTypesMatch<["x", "y"]>]> {
  let summary = "Instance normalization over each (n, c) plane";
  let description = [{
    Normalizes every (n, c) slice of `x` (layout `[N, C, spatial...]` with one
    to three spatial dimensions) to zero mean and unit variance, then applies
    the optional per-channel affine parameters:

    ```
    mean[n,c] = 1/S * sum_s x[n,c,s]
    var[n,c]  = 1/S * sum_s (x[n,c,s] - mean[n,c])^2      (biased)
    y[n,c,s]  = (x[n,c,s] - mean[n,c]) / sqrt(var[n,c] + epsilon)
                * scale[c] + bias[c]
    ```

    `scale` defaults to 1 and `bias` to 0 when absent.

    Example:
    ```mlir
    %y = norm.instance_norm %x scale(%g) bias(%b) eps = 1.0e-05
        : (tensor<1x64x32x32xf32>, tensor<64xf32>, tensor<64xf32>)
        -> tensor<1x64x32x32xf32>
    ```
  }];
  let arguments = (ins Norm_FloatTensor:$x,
                       Optional<Norm_FloatVector>:$scale,
                       Optional<Norm_FloatVector>:$bias,
                       Norm_EpsilonAttr:$epsilon,
                       UnitAttr:$channels_last);
  let results = (outs Norm_FloatTensor:$y);
  let assemblyFormat = [{
    $x (`scale` `(` $scale^ `)`)? (`bias` `(` $bias^ `)`)? `eps` `=` $epsilon
    (`channels_last` $channels_last^)? attr-dict `:` functional-type(operands, results)
  }];
  let hasVerifier = 1;
}

def Norm_GroupNormOp : Norm_Op<"group_norm",
    [Pure, AttrSizedOperandSegments, AllTypesMatch<["x", "y"]>]> {
  let summary = "Group normalization over groups of consecutive channels";
  let description = [{
    Splits the C channels of `x` (`[N, C, spatial...]`) into `groups` groups of
    `C / groups` consecutive channels and normalizes each (n, group) with the
    statistics pooled over its channels and all spatial positions; then applies
    the optional per-channel affine parameters:

    ```
    g(c)      = c / (C / groups)
    y[n,c,s]  = (x[n,c,s] - mean[n,g(c)]) / sqrt(var[n,g(c)] + epsilon)
                * scale[c] + bias[c]
    ```

    Example:
    ```mlir
    %y = norm.group_norm %x groups = 32 scale(%g) bias(%b) eps = 1.0e-05
        : (tensor<2x64x16x16xf32>, tensor<64xf32>, tensor<64xf32>)
        -> tensor<2x64x16x16xf32>
    ```
  }];
  let arguments = (ins Norm_FloatTensor:$x,
                       Optional<Norm_FloatVector>:$scale,
                       Optional<Norm_FloatVector>:$bias,
                       Norm_PositiveI64Attr:$groups,
                       Norm_EpsilonAttr:$epsilon,
                       UnitAttr:$channels_last);
  let results = (outs Norm_FloatTensor:$y);
  let assemblyFormat = [{
    $x `groups` `=` $groups (`scale` `(` $scale^ `)`)? (`bias` `(` $bias^ `)`)?
    `eps` `=` $epsilon (`channels_last` $channels_last^)? attr-dict `:` functional-type(operands, results)
  }];
  let hasVerifier = 1;
}

def Norm_LayerNormOp : Norm_Op<"layer_norm",
    [Pure, AttrSizedOperandSegments, AllTypesMatch<["x", "y"]>]> {
  let summary = "Layer normalization over the trailing dimensions from `axis`";
  let description = [{
    Normalizes `x` over the dimensions `axis .. rank-1` (one set of statistics
    per index of the leading dimensions) and applies the optional elementwise
    affine parameters, whose shape is `x.shape[axis:]` (PyTorch's
    `normalized_shape`):

    ```
    y[i, j] = (x[i, j] - mean[i]) / sqrt(var[i] + epsilon) * scale[j] + bias[j]
    ```
    where `i` ranges over the leading and `j` over the normalized dimensions.

    Example:
    ```mlir
    %y = norm.layer_norm %x axis = 1 scale(%g) bias(%b) eps = 1.0e-05
        : (tensor<4x64x8x8xf32>, tensor<64x8x8xf32>, tensor<64x8x8xf32>)
        -> tensor<4x64x8x8xf32>
    ```
  }];
  let arguments = (ins Norm_FloatTensor:$x,
                       Optional<Norm_FloatTensor>:$scale,
                       Optional<Norm_FloatTensor>:$bias,
                       ConfinedAttr<I64Attr, [IntNonNegative]>:$axis,
                       Norm_EpsilonAttr:$epsilon);
  let results = (outs Norm_FloatTensor:$y);
  let assemblyFormat = [{
    $x `axis` `=` $axis (`scale` `(` $scale^ `)`)? (`bias` `(` $bias^ `)`)?
    `eps` `=` $epsilon attr-dict `:` functional-type(operands, results)
  }];
  let hasVerifier = 1;
}

//===----------------------------------------------------------------------===//
// Decomposed core: moments + modulate
//===----------------------------------------------------------------------===//

def Norm_MomentsOp : Norm_Op<"moments", [Pure]> {
  let summary = "Mean and reciprocal standard deviation over dimensions";
  let description = [{
    Computes, for every index of the dimensions not listed in `dims`, the mean
    and the reciprocal standard deviation `1 / sqrt(var + epsilon)` (biased
    variance) over the dimensions in `dims`. Results keep the rank of `x`, with
    size 1 in every reduced dimension, so they broadcast against `x`.

    With `groups = G > 1`, the channel dimension 1 (which must not be in
    `dims`; `dims` may then be empty) is split into G groups of `C / G` consecutive channels and the
    statistics are pooled over each group as well; every channel of a group
    carries its group's statistics, so the results still have C channels.

    With `return_variance`, the second result is the variance itself (not
    `1 / sqrt(var + epsilon)`), e.g. for running-statistics updates.

    With `unbiased`, the variance is divided by `n - 1` instead of `n`
    (Bessel's correction, as the AdaIN reference computes its standard
    deviations); a set of one element then gets a NaN variance, as in PyTorch.

    The results are f32 for any input element type (f16's range ends at
    65504: squares of |x| > 256 overflow it).

    Implementations must be accurate in f32 for inputs whose mean is large
    relative to their spread (no naive `E[x^2] - E[x]^2`).

    Example (instance norm statistics):
    ```mlir
    %mean, %rstd = norm.moments %x dims = [2, 3] groups = 1 eps = 1.0e-05
        : tensor<1x64x32x32xf32> -> tensor<1x64x1x1xf32>, tensor<1x64x1x1xf32>
    ```
  }];
  let arguments = (ins Norm_FloatTensor:$x,
                       DenseI64ArrayAttr:$dims,
                       Norm_PositiveI64Attr:$groups,
                       Norm_EpsilonAttr:$epsilon,
                       UnitAttr:$unbiased, UnitAttr:$return_variance,
                       UnitAttr:$channels_last);
  let results = (outs Norm_F32Tensor:$mean, Norm_F32Tensor:$rstd);
  let assemblyFormat = [{
    $x `dims` `=` $dims `groups` `=` $groups `eps` `=` $epsilon
    (`unbiased` $unbiased^)? (`return_variance` $return_variance^)? (`channels_last` $channels_last^)? attr-dict
    `:` type($x) `->` type($mean) `,` type($rstd)
  }];
  let hasVerifier = 1;
}

def Norm_ModulateOp : Norm_Op<"modulate",
    [Pure, AttrSizedOperandSegments, AllTypesMatch<["x", "y"]>]> {
  let summary = "Normalize with given statistics and apply scale and shift";
  let description = [{
    Elementwise `y = (x - mean) * rstd * scale + shift` where `mean`, `rstd`,
    `scale` and `shift` broadcast against `x`: each has the rank of `x` and
    every dimension is either 1 or equal to the matching dimension of `x`.
    `scale` defaults to 1 and `shift` to 0. Per-channel parameters have shape
    `[1, C, 1, ...]`, per-(n, c) parameters `[N, C, 1, ...]` (AdaIN, conditional
    IN) and per-element maps the full shape of `x` (SPADE).

    Example:
    ```mlir
    %y = norm.modulate %x, %mean, %rstd scale(%g) shift(%b)
        : (tensor<1x64x32x32xf32>, tensor<1x64x1x1xf32>, tensor<1x64x1x1xf32>,
           tensor<1x64x1x1xf32>, tensor<1x64x1x1xf32>) -> tensor<1x64x32x32xf32>
    ```
  }];
  let arguments = (ins Norm_FloatTensor:$x, Norm_FloatTensor:$mean,
                       Norm_FloatTensor:$rstd,
                       Optional<Norm_FloatTensor>:$scale,
                       Optional<Norm_FloatTensor>:$shift);
  let results = (outs Norm_FloatTensor:$y);
  let assemblyFormat = [{
    $x `,` $mean `,` $rstd (`scale` `(` $scale^ `)`)? (`shift` `(` $shift^ `)`)?
    attr-dict `:` functional-type(operands, results)
  }];
  let hasVerifier = 1;
  let hasCanonicalizer = 1;
}

def Norm_AdaINOp : Norm_Op<"adain", [Pure, AllTypesMatch<["content", "y"]>]> {
  let summary = "Adaptive instance normalization (Huang & Belongie 2017)";
  let description = [{
    Normalizes every (n, c) plane of `content` and gives it the mean and
    standard deviation of the matching plane of `style`:

    ```
    std(t)[n,c] = sqrt(var(t[n,c,:]) + epsilon)    (unbiased variance, as the
                                                     reference implementation)
    adain[n,c,s] = (content[n,c,s] - mean(content)[n,c]) / std(content)[n,c]
                   * std(style)[n',c] + mean(style)[n',c]
    y = alpha * adain + (1 - alpha) * content
    ```

    `style` has the channels of `content`, a batch of N or 1 (broadcast:
    n' = 0) and any spatial size of the same rank. `alpha` in [0, 1] trades
    style for content (1 = full style). With `biased`, both variances divide
    by n instead of n - 1.

    Example:
    ```mlir
    %y = norm.adain %content, %style alpha = 1.0 eps = 1.0e-05
        : (tensor<1x64x32x32xf32>, tensor<1x64x24x24xf32>) -> tensor<1x64x32x32xf32>
    ```
  }];
  let arguments = (ins Norm_FloatTensor:$content, Norm_FloatTensor:$style,
                       ConfinedAttr<F32Attr, [Norm_FloatUnitInterval]>:$alpha,
                       Norm_EpsilonAttr:$epsilon, UnitAttr:$biased,
                       UnitAttr:$channels_last);
  let results = (outs Norm_FloatTensor:$y);
  let assemblyFormat = [{
    $content `,` $style `alpha` `=` $alpha `eps` `=` $epsilon
    (`biased` $biased^)? (`channels_last` $channels_last^)? attr-dict `:` functional-type(operands, results)
  }];
  let hasVerifier = 1;
}

def Norm_SpadeOp : Norm_Op<"spade", [Pure, AllTypesMatch<["x", "y", "gamma", "beta"]>]> {
  let summary = "SPADE modulation (Park et al. 2019)";
  let description = [{
    Normalizes `x` without affine parameters, then modulates it with
    per-element maps of the shape of `x`:

    ```
    y = norm(x) * (1 + gamma) + beta
    ```

    `norm` is instance norm (statistics per (n, c) over the spatial dims) or,
    with `batch_stats`, batch norm with batch statistics (per channel over N
    and the spatial dims).

    Example:
    ```mlir
    %y = norm.spade %x, %gamma, %beta eps = 1.0e-05
        : tensor<1x64x32x32xf32>
    ```
  }];
  let arguments = (ins Norm_FloatTensor:$x, Norm_FloatTensor:$gamma,
                       Norm_FloatTensor:$beta, Norm_EpsilonAttr:$epsilon,
                       UnitAttr:$batch_stats,
                       UnitAttr:$channels_last);
  let results = (outs Norm_FloatTensor:$y);
  let assemblyFormat = [{
    $x `,` $gamma `,` $beta `eps` `=` $epsilon (`batch_stats` $batch_stats^)?
    (`channels_last` $channels_last^)? attr-dict `:` type($x)
  }];
  let hasVerifier = 1;
}

def Norm_ConditionalInstanceNormOp : Norm_Op<"conditional_instance_norm",
    [Pure, AllTypesMatch<["x", "y"]>, AllTypesMatch<["gamma_table", "beta_table"]>]> {
  let summary = "Conditional instance normalization (Dumoulin et al. 2017)";
  let description = [{
    Instance normalization whose affine parameters are per-sample mixtures of
    S learned styles: `weights` `[N, S]` (a one-hot row selects a style, a
    mixed row interpolates styles), tables `[S, C]`:

    ```
    gamma[n,c] = sum_s weights[n,s] * gamma_table[s,c]
    beta[n,c]  = sum_s weights[n,s] * beta_table[s,c]
    y[n,c,p]   = (x[n,c,p] - mean[n,c]) / sqrt(var[n,c] + epsilon)
                 * gamma[n,c] + beta[n,c]
    ```

    Example:
    ```mlir
    %y = norm.conditional_instance_norm %x, %w, %gt, %bt eps = 1.0e-05
        : (tensor<2x64x32x32xf32>, tensor<2x10xf32>, tensor<10x64xf32>,
           tensor<10x64xf32>) -> tensor<2x64x32x32xf32>
    ```
  }];
  let arguments = (ins Norm_FloatTensor:$x, Norm_FloatTensor:$weights,
                       Norm_FloatTensor:$gamma_table, Norm_FloatTensor:$beta_table,
                       Norm_EpsilonAttr:$epsilon,
                       UnitAttr:$channels_last);
  let results = (outs Norm_FloatTensor:$y);
  let assemblyFormat = [{
    $x `,` $weights `,` $gamma_table `,` $beta_table `eps` `=` $epsilon
    (`channels_last` $channels_last^)? attr-dict `:` functional-type(operands, results)
  }];
  let hasVerifier = 1;
}

def Norm_MatmulOp : Norm_Op<"matmul", [Pure]> {
  let summary = "Matrix product of two rank-2 tensors";
  let description = [{
    `y[i,j] = sum_k lhs[i,k] * rhs[k,j]` (f32 accumulation). Used to mix style
    tables by per-sample weights.

    Example:
    ```mlir
    %g = norm.matmul %w, %table : (tensor<2x10xf32>, tensor<10x64xf32>) -> tensor<2x64xf32>
    ```
  }];
  let arguments = (ins Norm_FloatTensor:$lhs, Norm_FloatTensor:$rhs);
  let results = (outs Norm_FloatTensor:$y);
  let assemblyFormat = [{
    $lhs `,` $rhs attr-dict `:` functional-type(operands, results)
  }];
  let hasVerifier = 1;
}

def Norm_BatchInstanceNormOp : Norm_Op<"batch_instance_norm",
    [Pure, AttrSizedOperandSegments, AllTypesMatch<["x", "y"]>]> {
  let summary = "Batch-instance normalization (Nam & Kim 2018)";
  let description = [{
    A per-channel gate `rho`, clipped to [0, 1], mixes batch and instance
    normalization before the affine:

    ```
    x_bn = (x - mean_B[c]) / sqrt(var_B[c] + epsilon)
    x_in = (x - mean[n,c]) / sqrt(var[n,c] + epsilon)
    y    = (rho[c] * x_bn + (1 - rho[c]) * x_in) * scale[c] + bias[c]
    ```

    The batch part uses the statistics of the batch (training), or with
    `running_mean` and `running_var` given, those (inference).

    Example:
    ```mlir
    %y = norm.batch_instance_norm %x, %rho scale(%g) bias(%b) eps = 1.0e-05
        : (tensor<8x64x32x32xf32>, tensor<64xf32>, tensor<64xf32>, tensor<64xf32>)
        -> tensor<8x64x32x32xf32>
    ```
  }];
  let arguments = (ins Norm_FloatTensor:$x, Norm_FloatVector:$rho,
                       Optional<Norm_FloatVector>:$running_mean,
                       Optional<Norm_FloatVector>:$running_var,
                       Optional<Norm_FloatVector>:$scale,
                       Optional<Norm_FloatVector>:$bias,
                       Norm_EpsilonAttr:$epsilon,
                       UnitAttr:$channels_last);
  let results = (outs Norm_FloatTensor:$y);
  let assemblyFormat = [{
    $x `,` $rho (`running` `(` $running_mean^ `,` $running_var `)`)?
    (`scale` `(` $scale^ `)`)? (`bias` `(` $bias^ `)`)? `eps` `=` $epsilon
    (`channels_last` $channels_last^)? attr-dict `:` functional-type(operands, results)
  }];
  let hasVerifier = 1;
}

def Norm_InstanceNormTrainOp : Norm_Op<"instance_norm_train",
    [Pure, AttrSizedOperandSegments, AllTypesMatch<["x", "y"]>,
     AllTypesMatch<["running_mean", "running_var", "new_running_mean",
                    "new_running_var"]>]> {
  let summary = "Instance normalization that tracks running statistics";
  let description = [{
    PyTorch's `InstanceNorm*d(track_running_stats=True)` in training mode: y
    is plain instance norm (per-plane statistics), and the running statistics
    move towards the batch average of the per-plane statistics, the variance
    unbiased:

    ```
    new_running_mean[c] = (1 - momentum) * running_mean[c]
                          + momentum * mean_n(mean[n,c])
    new_running_var[c]  = (1 - momentum) * running_var[c]
                          + momentum * mean_n(var_unbiased[n,c])
    ```

    In evaluation mode PyTorch normalizes with the running statistics: that is
    `norm.batch_norm` with the same tensors.

    Example:
    ```mlir
    %y, %m, %v = norm.instance_norm_train %x, %mean, %var eps = 1.0e-05 momentum = 0.1
        : (tensor<4x64x32x32xf32>, tensor<64xf32>, tensor<64xf32>)
        -> (tensor<4x64x32x32xf32>, tensor<64xf32>, tensor<64xf32>)
    ```
  }];
  let arguments = (ins Norm_FloatTensor:$x, Norm_FloatVector:$running_mean,
                       Norm_FloatVector:$running_var,
                       Optional<Norm_FloatVector>:$scale,
                       Optional<Norm_FloatVector>:$bias,
                       Norm_EpsilonAttr:$epsilon,
                       ConfinedAttr<F32Attr, [Norm_FloatUnitInterval]>:$momentum,
                       UnitAttr:$channels_last);
  let results = (outs Norm_FloatTensor:$y, Norm_FloatVector:$new_running_mean,
                      Norm_FloatVector:$new_running_var);
  let assemblyFormat = [{
    $x `,` $running_mean `,` $running_var (`scale` `(` $scale^ `)`)?
    (`bias` `(` $bias^ `)`)? `eps` `=` $epsilon `momentum` `=` $momentum
    (`channels_last` $channels_last^)? attr-dict `:` functional-type(operands, results)
  }];
  let hasVerifier = 1;
}

def Norm_BatchNormOp : Norm_Op<"batch_norm",
    [Pure, AttrSizedOperandSegments, AllTypesMatch<["x", "y"]>,
     AllTypesMatch<["running_mean", "running_var"]>]> {
  let summary = "Batch normalization with running statistics (inference)";
  let description = [{
    Normalizes each channel with the given running statistics:

    ```
    y[n,c,s] = (x[n,c,s] - running_mean[c]) / sqrt(running_var[c] + epsilon)
               * scale[c] + bias[c]
    ```

    Example:
    ```mlir
    %y = norm.batch_norm %x, %mean, %var scale(%g) bias(%b) eps = 1.0e-05
        : (tensor<8x64x32x32xf32>, tensor<64xf32>, tensor<64xf32>, tensor<64xf32>,
           tensor<64xf32>) -> tensor<8x64x32x32xf32>
    ```
  }];
  let arguments = (ins Norm_FloatTensor:$x, Norm_FloatVector:$running_mean,
                       Norm_FloatVector:$running_var,
                       Optional<Norm_FloatVector>:$scale,
                       Optional<Norm_FloatVector>:$bias,
                       Norm_EpsilonAttr:$epsilon,
                       UnitAttr:$channels_last);
  let results = (outs Norm_FloatTensor:$y);
  let assemblyFormat = [{
    $x `,` $running_mean `,` $running_var (`scale` `(` $scale^ `)`)?
    (`bias` `(` $bias^ `)`)? `eps` `=` $epsilon (`channels_last` $channels_last^)? attr-dict
    `:` functional-type(operands, results)
  }];
  let hasVerifier = 1;
}

def Norm_BatchNormTrainOp : Norm_Op<"batch_norm_train",
    [Pure, AttrSizedOperandSegments, AllTypesMatch<["x", "y"]>,
     AllTypesMatch<["running_mean", "running_var", "new_running_mean",
                    "new_running_var"]>]> {
  let summary = "Batch normalization with batch statistics and running update";
  let description = [{
    Training mode, PyTorch's semantics: normalizes each channel with the
    statistics of the batch (biased variance over N and the spatial dims) and
    returns the updated running statistics, where the new value is weighted
    by `momentum` and the running variance uses the unbiased batch variance:

    ```
    y = (x - mean_B[c]) / sqrt(var_B[c] + epsilon) * scale[c] + bias[c]
    new_running_mean = (1 - momentum) * running_mean + momentum * mean_B
    new_running_var  = (1 - momentum) * running_var
                       + momentum * var_B * n / (n - 1)
    ```

    With `biased_running_var`, the running variance moves towards the
    biased batch variance `var_B` instead (ONNX's BatchNormalization in
    training mode). ONNX also weights the *old* value by its momentum: use
    1 - that value here.

    Example:
    ```mlir
    %y, %m, %v = norm.batch_norm_train %x, %mean, %var eps = 1.0e-05 momentum = 0.1
        : (tensor<8x64x32x32xf32>, tensor<64xf32>, tensor<64xf32>)
        -> (tensor<8x64x32x32xf32>, tensor<64xf32>, tensor<64xf32>)
    ```
  }];
  let arguments = (ins Norm_FloatTensor:$x, Norm_FloatVector:$running_mean,
                       Norm_FloatVector:$running_var,
                       Optional<Norm_FloatVector>:$scale,
                       Optional<Norm_FloatVector>:$bias,
                       Norm_EpsilonAttr:$epsilon,
                       ConfinedAttr<F32Attr, [Norm_FloatUnitInterval]>:$momentum,
                       UnitAttr:$biased_running_var,
                       UnitAttr:$channels_last);
  let results = (outs Norm_FloatTensor:$y, Norm_FloatVector:$new_running_mean,
                      Norm_FloatVector:$new_running_var);
  let assemblyFormat = [{
    $x `,` $running_mean `,` $running_var (`scale` `(` $scale^ `)`)?
    (`bias` `(` $bias^ `)`)? `eps` `=` $epsilon `momentum` `=` $momentum
    (`biased_running_var` $biased_running_var^)?
    (`channels_last` $channels_last^)? attr-dict `:` functional-type(operands, results)
  }];
  let hasVerifier = 1;
}

//===----------------------------------------------------------------------===//
// Convolution, padding, upsampling
//===----------------------------------------------------------------------===//

include "dialect/NormConvOps.td"

//===----------------------------------------------------------------------===//
// Elementwise arithmetic (used by decompositions)
//===----------------------------------------------------------------------===//

class Norm_BinaryOp<string mnemonic, string formula>
    : Norm_Op<mnemonic, [Pure]> {
  let summary = "Elementwise " # formula # " with broadcasting";
  let description = [{
    Computes `}] # formula # [{` elementwise. Both operands have the rank of
    the result and every dimension either equals the result's or is 1
    (broadcast). The element types may differ (the decomposition multiplies
    f16 running statistics by f32 factors): both operands are widened to
    f32, the operation is computed in f32, and the result is rounded once to
    its own element type, as every normc op computes.

    Example:
    ```mlir
    %y = norm.}] # mnemonic # [{ %a, %b
        : (tensor<2x8x1x1xf32>, tensor<1x8x1x1xf32>) -> tensor<2x8x1x1xf32>
    ```
  }];
  let arguments = (ins Norm_FloatTensor:$lhs, Norm_FloatTensor:$rhs);
  let results = (outs Norm_FloatTensor:$y);
  let assemblyFormat = [{
    $lhs `,` $rhs attr-dict `:` functional-type(operands, results)
  }];
  let hasVerifier = 1;
}

def Norm_AddOp : Norm_BinaryOp<"add", "y = lhs + rhs">;
def Norm_MulOp : Norm_BinaryOp<"mul", "y = lhs * rhs">;
// Sub and div: ONNX's Sub and Div between two computed tensors (the ONNX
// importer folds constant operands into add and mul where it can).
def Norm_SubOp : Norm_BinaryOp<"sub", "y = lhs - rhs">;
def Norm_DivOp : Norm_BinaryOp<"div", "y = lhs / rhs">;

def Norm_ClampOp : Norm_Op<"clamp", [Pure, SameOperandsAndResultType]> {
  let summary = "Elementwise y = min(max(x, min), max)";
  let description = [{
    Example (batch-instance norm's gate):
    ```mlir
    %r = norm.clamp %rho min = 0.0 max = 1.0 : tensor<1x64x1x1xf32>
    ```
  }];
  let arguments = (ins Norm_FloatTensor:$x, F32Attr:$min, F32Attr:$max);
  let results = (outs Norm_FloatTensor:$y);
  let assemblyFormat = "$x `min` `=` $min `max` `=` $max attr-dict `:` type($x)";
  let hasVerifier = 1;
}

def Norm_SqrtOp : Norm_Op<"sqrt", [Pure, SameOperandsAndResultType]> {
  let summary = "Elementwise y = sqrt(x)";
  let description = [{
    Example:
    ```mlir
    %s = norm.sqrt %var : tensor<1x64x1x1xf32>
    ```
  }];
  let arguments = (ins Norm_FloatTensor:$x);
  let results = (outs Norm_FloatTensor:$y);
  let assemblyFormat = "$x attr-dict `:` type($x)";
}

def Norm_ReciprocalOp : Norm_Op<"reciprocal", [Pure, SameOperandsAndResultType]> {
  let summary = "Elementwise y = 1 / x";
  let description = [{
    Example (a standard deviation from the rstd of `norm.moments`):
    ```mlir
    %std = norm.reciprocal %rstd : tensor<1x64x1x1xf32>
    ```
  }];
  let arguments = (ins Norm_FloatTensor:$x);
  let results = (outs Norm_FloatTensor:$y);
  let assemblyFormat = "$x attr-dict `:` type($x)";
}

//===----------------------------------------------------------------------===//
// Activations
//===----------------------------------------------------------------------===//

class Norm_ActivationOp<string mnemonic, string formula>
    : Norm_Op<mnemonic, [Pure, SameOperandsAndResultType]> {
  let summary = "Elementwise activation: " # formula;
  let description = [{
    Applies `}] # formula # [{` to every element.

    Example:
    ```mlir
    %y = norm.}] # mnemonic # [{ %x : tensor<1x64x32x32xf32>
    ```
  }];
  let arguments = (ins Norm_FloatTensor:$x);
  let results = (outs Norm_FloatTensor:$y);
  let assemblyFormat = "$x attr-dict `:` type($x)";
}

def Norm_ReluOp : Norm_ActivationOp<"relu", "y = max(x, 0)"> {
  let hasFolder = 1;
}
def Norm_SiluOp : Norm_ActivationOp<"silu", "y = x * sigmoid(x)">;
def Norm_SigmoidOp : Norm_ActivationOp<"sigmoid", "y = 1 / (1 + exp(-x))">;
def Norm_TanhOp : Norm_ActivationOp<"tanh", "y = tanh(x)">;
def Norm_GeluOp : Norm_ActivationOp<"gelu",
    "y = x * Phi(x) = 0.5 * x * (1 + erf(x / sqrt(2)))"> {
  let arguments = (ins Norm_FloatTensor:$x, UnitAttr:$tanh_approximation);
  let assemblyFormat = "$x (`tanh_approximation` $tanh_approximation^)? attr-dict `:` type($x)";
  let description = [{
    Gaussian error linear unit. Exact form `0.5 * x * (1 + erf(x / sqrt(2)))`
    by default; with `tanh_approximation`,
    `0.5 * x * (1 + tanh(sqrt(2 / pi) * (x + 0.044715 * x^3)))`
    (PyTorch's `approximate='tanh'`).

    Example:
    ```mlir
    %y = norm.gelu %x : tensor<1x64x32x32xf32>
    ```
  }];
}
def Norm_LeakyReluOp : Norm_ActivationOp<"leaky_relu",
    "y = x if x >= 0 else alpha * x"> {
  let arguments = (ins Norm_FloatTensor:$x, F32Attr:$alpha);
  let assemblyFormat = "$x `alpha` `=` $alpha attr-dict `:` type($x)";
}

//===----------------------------------------------------------------------===//
// Kernel groups
//===----------------------------------------------------------------------===//

def Norm_KernelOp : Norm_Op<"kernel", [
    SingleBlockImplicitTerminator<"YieldOp">,
    RecursiveMemoryEffects]> {
  let summary = "A group of ops compiled into one generated kernel";
  let description = [{
    Holds the ops of one kernel group: one fused loop nest. The region
    captures values from above implicitly (as IREE's dispatch regions do) and
    yields the group's results. Kernel formation (`norm-form-kernels`)
    creates these ops and records the group's role; `norm-outline-kernels`
    then moves each into an isolated private function named after a
    structural hash of its body, which halide_gen compiles.

    Example:
    ```mlir
    %r = norm.kernel "f" -> tensor<1x8x4x4xf32> {
      %y = norm.relu %x : tensor<1x8x4x4xf32>
      norm.yield %y : tensor<1x8x4x4xf32>
    }
    ```
  }];
  // `role` is set by kernel formation (conv_norm, conv, norm, elementwise:
  // tuning/Knobs.h); the schedules dispatch on it instead of re-deriving it.
  let arguments = (ins StrAttr:$group_name, OptionalAttr<StrAttr>:$role);
  let results = (outs Variadic<AnyRankedTensor>:$results);
  let regions = (region SizedRegion<1>:$body);
  let assemblyFormat = "$group_name (`->` type($results)^)? attr-dict-with-keyword $body";
  let hasVerifier = 1;
}

def Norm_YieldOp : Norm_Op<"yield", [Pure, Terminator, HasParent<"KernelOp">,
                                     ReturnLike]> {
  let summary = "Yields the results of a kernel group";
  let description = [{
    Terminates a `norm.kernel` region; its operands become the kernel's results.
  }];
  let arguments = (ins Variadic<AnyRankedTensor>:$values);
  let builders = [OpBuilder<(ins), [{ /* no values */ }]>];
  let assemblyFormat = "attr-dict ($values^ `:` type($values))?";
}

#endif // NORMC_DIALECT_NORMOPS_TD
