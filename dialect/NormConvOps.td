//===- NormConvOps.td - the ops around a normalization in a network ---------===//
//
// Convolution, padding and upsampling: the producers that style-transfer and
// GAN generator blocks put in front of a normalization, so that the fusion
// pass can compile "pad -> conv -> norm -> activation -> add" as one kernel.
// Included from NormOps.td.
//
//===----------------------------------------------------------------------===//

#ifndef NORMC_DIALECT_NORMCONVOPS_TD
#define NORMC_DIALECT_NORMCONVOPS_TD

def Norm_Conv2DOp : Norm_Op<"conv2d", [Pure]> {
  let summary = "2-D convolution (cross-correlation) with zero padding";
  let description = [{
    PyTorch's `conv2d` on `x` `[N, C, H, W]` with weights `[K, C / groups, R, S]`
    and an optional bias `[K]`:

    ```
    g = k / (K / groups),  Cg = C / groups
    y[n,k,i,j] = bias[k] + sum_{c < Cg, r < R, s < S} w[k,c,r,s]
                 * x[n, g*Cg + c, i*sh + r*dh - pad_top, j*sw + s*dw - pad_left]
    ```
    with `x` read as 0 outside its bounds. `padding = [top, left, bottom,
    right]`, `strides = [sh, sw]`, `dilations = [dh, dw]`; the output is
    `OH = (H + top + bottom - dh*(R-1) - 1) / sh + 1` (and `OW` likewise).
    `groups = C = K` is a depthwise convolution. With `channels_last`, `x` and
    `y` are `[N, H, W, C]`; the weights keep their layout.

    Example:
    ```mlir
    %y = norm.conv2d %x, %w bias(%b) strides = [1, 1] padding = [1, 1, 1, 1]
        dilations = [1, 1] groups = 1
        : (tensor<1x64x128x128xf32>, tensor<64x64x3x3xf32>, tensor<64xf32>)
        -> tensor<1x64x128x128xf32>
    ```
  }];
  let arguments = (ins Norm_FloatTensor:$x, Norm_FloatTensor:$weight,
                       Optional<Norm_FloatVector>:$bias,
                       DenseI64ArrayAttr:$strides, DenseI64ArrayAttr:$padding,
                       DenseI64ArrayAttr:$dilations, Norm_PositiveI64Attr:$groups,
                       UnitAttr:$channels_last);
  let results = (outs Norm_FloatTensor:$y);
  let assemblyFormat = [{
    $x `,` $weight (`bias` `(` $bias^ `)`)? `strides` `=` $strides
    `padding` `=` $padding `dilations` `=` $dilations `groups` `=` $groups
    (`channels_last` $channels_last^)? attr-dict
    `:` functional-type(operands, results)
  }];
  let hasVerifier = 1;
  let hasCanonicalizer = 1;
}

def Norm_PadOp : Norm_Op<"pad", [Pure, AllElementTypesMatch<["x", "y"]>]> {
  let summary = "Reflection, replication or zero padding";
  let description = [{
    Pads every dimension `d` of `x` with `low[d]` elements before and
    `high[d]` after (the result has `x.shape[d] + low[d] + high[d]`):

    - `reflect`: mirrored without repeating the edge (PyTorch's
      `ReflectionPad2d`; each pad must be smaller than its dimension);
    - `replicate`: the edge element repeated (`ReplicationPad2d`);
    - `zero`: zeros.

    Example (the reflection padding of style-transfer networks):
    ```mlir
    %p = norm.pad %x low = [0, 0, 1, 1] high = [0, 0, 1, 1] mode = "reflect"
        : (tensor<1x64x128x128xf32>) -> tensor<1x64x130x130xf32>
    ```
  }];
  let arguments = (ins Norm_FloatTensor:$x, DenseI64ArrayAttr:$low,
                       DenseI64ArrayAttr:$high, StrAttr:$mode);
  let results = (outs Norm_FloatTensor:$y);
  let assemblyFormat = [{
    $x `low` `=` $low `high` `=` $high `mode` `=` $mode attr-dict
    `:` functional-type(operands, results)
  }];
  let hasVerifier = 1;
}

def Norm_UpsampleOp : Norm_Op<"upsample", [Pure, AllElementTypesMatch<["x", "y"]>]> {
  let summary = "Nearest, bilinear or zero-insertion upsampling by integer factors";
  let description = [{
    Scales every dimension `d` of `x` by the integer `scale[d]` (usually 1
    for the batch and channel dimensions, whatever the layout):

    - `nearest`: `y[i] = x[i / scale]` (PyTorch's `mode='nearest'`);
    - `bilinear`: linear interpolation in every scaled dimension with
      PyTorch's `align_corners=False` source coordinates
      `max((i + 0.5) / scale - 0.5, 0)`;
    - `zeros`: zero insertion, `y[i] = x[i / scale]` where `i` is a multiple
      of `scale` in every scaled dimension, else 0 (the input of a
      transposed convolution written as a convolution).

    Example:
    ```mlir
    %u = norm.upsample %x scale = [1, 1, 2, 2] mode = "nearest"
        : (tensor<1x64x64x64xf32>) -> tensor<1x64x128x128xf32>
    ```
  }];
  let arguments = (ins Norm_FloatTensor:$x, DenseI64ArrayAttr:$scale,
                       StrAttr:$mode);
  let results = (outs Norm_FloatTensor:$y);
  let assemblyFormat = [{
    $x `scale` `=` $scale `mode` `=` $mode attr-dict
    `:` functional-type(operands, results)
  }];
  let hasVerifier = 1;
}

#endif // NORMC_DIALECT_NORMCONVOPS_TD
