// Each op the importer lowers, with ONNX names made argument names (the
// original kept as norm.onnx_name), constants folded or made weights.

// RUN: %onnx_python %S/Inputs/make_model.py ops %t.ops.onnx
// RUN: norm-translate --import-onnx %t.ops.onnx | FileCheck %s --check-prefix=OPS
// The function is named after the file; graph inputs first, then weights
// in the order first used; ones/zeros instance-norm parameters dropped.
// OPS: func.func @{{.*}}ops(%arg0: tensor<1x3x9x9xf32> {norm.name = "x"}, %arg1: tensor<4x3x3x3xf32> {norm.name = "conv1_weight", norm.onnx_name = "conv1.weight"}, %arg2: tensor<4xf32> {norm.name = "conv1_bias", norm.onnx_name = "conv1.bias"}, %arg3: tensor<4xf32> {norm.name = "bn_weight", norm.onnx_name = "bn.weight"}, %arg4: tensor<4xf32> {norm.name = "bn_bias", norm.onnx_name = "bn.bias"}, %arg5: tensor<4xf32> {norm.name = "bn_running_mean", norm.onnx_name = "bn.running_mean"}, %arg6: tensor<4xf32> {norm.name = "bn_running_var", norm.onnx_name = "bn.running_var"}, %arg7: tensor<1x4x1x1xf32> {norm.name = "blk_scale", norm.onnx_name = "blk??=/scale \C3\A9"}) -> (tensor<1x1x4x10x10xf32> {norm.name = "y"})
// auto_pad SAME_UPPER on 9 pixels, stride 2, 3x3: 5 outputs, one pixel each side.
// OPS: norm.conv2d %arg0, %arg1 bias(%arg2) strides = [2, 2] padding = [1, 1, 1, 1] dilations = [1, 1] groups = 1 {{.*}} -> tensor<1x4x5x5xf32>
// OPS: norm.instance_norm %{{.*}} eps = 1.000000e-03 : (tensor<1x4x5x5xf32>) -> tensor<1x4x5x5xf32>
// OPS: norm.leaky_relu %{{.*}} alpha = 2.000000e-01
// OPS: norm.batch_norm %{{.*}}, %arg5, %arg6 scale(%arg3) bias(%arg4) eps = 9.99999974E-6
// OPS: norm.upsample %{{.*}} scale = [1, 1, 2, 2] mode = "nearest" {{.*}} -> tensor<1x4x10x10xf32>
// A splat constant is folded into the code, a per-channel one is a weight.
// OPS: %[[HALF:.*]] = arith.constant dense<5.000000e-01> : tensor<1x1x1x1xf32>
// OPS: norm.mul %{{.*}}, %[[HALF]]
// OPS: norm.add %{{.*}}, %arg7 : (tensor<1x4x10x10xf32>, tensor<1x4x1x1xf32>)
// Clip without a max: +infinity.
// OPS: norm.clamp %{{.*}} min = 0.000000e+00 max = 0x7F800000
// OPS: norm.tanh
// Unsqueeze inserts a unit dimension.
// OPS: tensor.expand_shape {{.*}} into tensor<1x1x4x10x10xf32>

// LayerNormalization on a negative axis; GroupNormalization-18's per-group
// scale and bias expanded per channel.
// RUN: %onnx_python %S/Inputs/make_model.py norms %t.norms.onnx
// RUN: norm-translate --import-onnx %t.norms.onnx | FileCheck %s --check-prefix=NORMS
// NORMS: %arg2: tensor<4xf32> {norm.name = "gs_per_channel", norm.onnx_name = "gs"}
// NORMS: norm.layer_norm %arg0 axis = 2 scale(%arg1) eps = 9.99999974E-5 : (tensor<2x4x3x5xf32>, tensor<3x5xf32>)
// NORMS: norm.group_norm %{{.*}} groups = 2 scale(%arg2) bias(%arg3) eps = 9.99999974E-6

// BatchNormalization in training mode: ONNX's convention (biased running
// variance, momentum on the old value: 1 - 0.75).
// RUN: %onnx_python %S/Inputs/make_model.py batch_norm_training %t.bnt.onnx
// RUN: norm-translate --import-onnx %t.bnt.onnx | FileCheck %s --check-prefix=BNT
// BNT: %y, %new_running_mean, %new_running_var = norm.batch_norm_train %arg0, %arg3, %arg4 scale(%arg1) bias(%arg2) eps = 9.99999974E-6 momentum = 2.500000e-01 biased_running_var
// BNT: return %y, %new_running_mean, %new_running_var

// PyTorch 1.13's ReflectionPad2d((1, 2, 3, 4)) pads: ConstantOfShape ->
// Concat -> Reshape -> Slice(step -1) -> Transpose -> Reshape -> Cast, all
// evaluated at import time into static attributes (ONNX order: begins of
// every axis, then ends; PyTorch's tuple is (left, right, top, bottom)).
// RUN: %onnx_python %S/Inputs/make_model.py pytorch_reflection_pad %t.pad.onnx
// RUN: norm-translate --import-onnx %t.pad.onnx | FileCheck %s --check-prefix=PAD
// PAD: norm.pad %arg0 low = [0, 0, 3, 1] high = [0, 0, 4, 2] mode = "reflect" : (tensor<1x3x?x?xf32>) -> tensor<1x3x?x?xf32>

// The same model imported twice gives the same IR.
// RUN: norm-translate --import-onnx %t.ops.onnx -o %t.first.mlir
// RUN: norm-translate --import-onnx %t.ops.onnx -o %t.second.mlir
// RUN: diff %t.first.mlir %t.second.mlir

// normc compiles the model and writes the weights next to the library.
// RUN: rm -rf %t.out
// RUN: normc %t.ops.onnx -o %t.out
// RUN: ls %t.out | FileCheck %s --check-prefix=FILES
// FILES: normc_halide_runtime.a
// FILES: {{.*}}ops.a
// FILES: {{.*}}ops.h
// FILES: {{.*}}ops.weights
// RUN: %onnx_python %S/Inputs/read_weights.py %t.out/*.weights | FileCheck %s --check-prefix=WEIGHTS
// WEIGHTS: 7 tensors
// WEIGHTS-NEXT: conv1_weight [4, 3, 3, 3]
// WEIGHTS-NEXT: conv1_bias [4] 0.0 1.0 2.0 3.0
// WEIGHTS-NEXT: bn_weight [4]
// WEIGHTS-NEXT: bn_bias [4]
// WEIGHTS-NEXT: bn_running_mean [4]
// WEIGHTS-NEXT: bn_running_var [4]
// WEIGHTS-NEXT: blk_scale [1, 4, 1, 1]
// The kernel table keeps each ONNX name, escaped for C (no trigraphs).
// RUN: cat %t.out/*ops.h | FileCheck %s --check-prefix=TABLE
// TABLE: {"conv1_weight", 0, NORMRT_DTYPE_F32, 4, {{.*}}, "conv1.weight"},
// TABLE: {"blk_scale", 0, NORMRT_DTYPE_F32, 4, {{.*}}, "blk\?\?=/scale \303\251"},
// TABLE: {"y", 1, NORMRT_DTYPE_F32, 5, {{.*}}, NULL},
