// Exporters' decompositions folded into one norm op, and near misses that
// must not be (Patterns.cpp). The models are written by Inputs/make_model.py.

// RUN: %onnx_python %S/Inputs/make_model.py pytorch_group_norm %t.gn.onnx
// RUN: norm-translate --import-onnx %t.gn.onnx | FileCheck %s --check-prefix=GN
// GN: func.func @{{.*}}gn(%arg0: tensor<1x8x5x6xf32> {norm.name = "x"}, %arg1: tensor<8xf32> {norm.name = "gamma"}, %arg2: tensor<8xf32> {norm.name = "beta"})
// GN-NEXT: norm.group_norm %arg0 groups = 4 scale(%arg1) bias(%arg2) eps = 9.99999974E-6
// GN-NOT: norm.instance_norm
// GN-NOT: tensor.
// GN: return

// Dynamic H and W: the second Reshape's shape is Shape(x), symbolic.
// RUN: %onnx_python %S/Inputs/make_model.py pytorch_group_norm_dynamic %t.gnd.onnx
// RUN: norm-translate --import-onnx %t.gnd.onnx | FileCheck %s --check-prefix=GND
// GND: norm.group_norm %arg0 groups = 4 scale(%arg1) bias(%arg2) {{.*}} -> tensor<1x8x?x?xf32>

// Near miss: the instance norm has a real (non-ones) scale: not PyTorch's
// GroupNorm, and the split reshape alone is not importable.
// RUN: %onnx_python %S/Inputs/make_model.py group_norm_scaled_instance_norm %t.gns.onnx
// RUN: not norm-translate --import-onnx %t.gns.onnx 2>&1 | FileCheck %s --check-prefix=GNS
// GNS: node '/gn/Reshape' (Reshape, opset 13): Reshape from [1, 8, 5, 6] to [1, 4, -1] (-1: inferred) splits or merges dimensions

// Near miss: the instance norm's output is also read elsewhere.
// RUN: %onnx_python %S/Inputs/make_model.py group_norm_shared_intermediate %t.gnx.onnx
// RUN: not norm-translate --import-onnx %t.gnx.onnx 2>&1 | FileCheck %s --check-prefix=GNS

// Near miss: a full-size Mul is not a per-channel scale: the group norm
// folds without affine and the Mul and Add stay.
// RUN: %onnx_python %S/Inputs/make_model.py group_norm_full_mul %t.gnm.onnx
// RUN: norm-translate --import-onnx %t.gnm.onnx | FileCheck %s --check-prefix=GNM
// GNM: %[[G:.*]] = norm.group_norm %arg0 groups = 4 eps = {{.*}} : (tensor<1x8x5x6xf32>) -> tensor<1x8x5x6xf32>
// GNM-NEXT: %[[M:.*]] = norm.mul %[[G]], %arg1
// GNM-NEXT: norm.add %[[M]], %arg2

// LayerNorm written out (PyTorch before opset 17), over (C, H, W).
// RUN: %onnx_python %S/Inputs/make_model.py pytorch_layer_norm %t.ln.onnx
// RUN: norm-translate --import-onnx %t.ln.onnx | FileCheck %s --check-prefix=LN
// LN: %arg1: tensor<8x5x6xf32> {norm.name = "ln_weight", norm.onnx_name = "ln.weight"}
// LN: norm.layer_norm %arg0 axis = 1 scale(%arg1) bias(%arg2) eps = 9.99999974E-6
// LN-NOT: norm.sub
// LN: return

// Near misses: axes that are not the trailing ones; Pow by 3.
// RUN: %onnx_python %S/Inputs/make_model.py layer_norm_inner_axes %t.lni.onnx
// RUN: not norm-translate --import-onnx %t.lni.onnx 2>&1 | FileCheck %s --check-prefix=LNX
// RUN: %onnx_python %S/Inputs/make_model.py layer_norm_cubed %t.lnc.onnx
// RUN: not norm-translate --import-onnx %t.lnc.onnx 2>&1 | FileCheck %s --check-prefix=LNX
// LNX: node '/ln/ReduceMean' (ReduceMean, opset 13): the importer takes ReduceMean only on known values (in the LayerNorm and AdaIN patterns only)

// GELU as PyTorch 1.13 writes it: Div(sqrt 2) -> Erf -> Add 1 -> Mul x -> Mul 0.5.
// RUN: %onnx_python %S/Inputs/make_model.py erf_gelu %t.gelu.onnx
// RUN: norm-translate --import-onnx %t.gelu.onnx | FileCheck %s --check-prefix=GELU
// GELU: %0 = norm.gelu %arg0 : tensor<1x4x3x5xf32>
// GELU-NEXT: return %0

// Near miss: dividing by 2 is not GELU.
// RUN: %onnx_python %S/Inputs/make_model.py erf_gelu_wrong_divisor %t.gelu2.onnx
// RUN: not norm-translate --import-onnx %t.gelu2.onnx 2>&1 | FileCheck %s --check-prefix=GELU2
// GELU2: node '/act/Erf' (Erf, opset 13): the importer takes Erf only on known values (in the GELU pattern only)

// SiLU: Sigmoid(x) * x; Sigmoid(x) * z stays two ops.
// RUN: %onnx_python %S/Inputs/make_model.py silu_and_gate %t.silu.onnx
// RUN: norm-translate --import-onnx %t.silu.onnx | FileCheck %s --check-prefix=SILU
// SILU: %0 = norm.silu %arg0
// SILU-NEXT: %1 = norm.sigmoid %arg0
// SILU-NEXT: %2 = norm.mul %1, %arg1
// SILU-NEXT: return %0, %2

// InstanceNorm exported as BatchNorm (training mode: batch statistics) on a
// (1, N*C, H, W) reshape, with a per-channel affine after it.
// RUN: %onnx_python %S/Inputs/make_model.py instance_norm_as_batch_norm %t.inbn.onnx
// RUN: norm-translate --import-onnx %t.inbn.onnx | FileCheck %s --check-prefix=INBN
// INBN: %0 = norm.instance_norm %arg0 scale(%arg1) bias(%arg2) eps = 1.000000e-03 : (tensor<2x3x5x6xf32>, tensor<3xf32>, tensor<3xf32>) -> tensor<2x3x5x6xf32>
// INBN-NEXT: return %0

// Near miss: in inference mode the BatchNorm uses running statistics.
// RUN: %onnx_python %S/Inputs/make_model.py instance_norm_as_inference_batch_norm %t.inbn2.onnx
// RUN: not norm-translate --import-onnx %t.inbn2.onnx 2>&1 | FileCheck %s --check-prefix=INBN2
// INBN2: node '/in/Reshape' (Reshape, opset 15): Reshape from [2, 3, 5, 6] to [1, -1, 5, 6] (-1: inferred) splits or merges dimensions

// AdaIN written out (the reference calc_mean_std, exported by PyTorch): some
// 80 nodes of means, variances and expands, matched backwards from the
// last Add.
// RUN: %onnx_python %S/Inputs/make_model.py pytorch_adain %t.adain.onnx
// RUN: norm-translate --import-onnx %t.adain.onnx | FileCheck %s --check-prefix=ADAIN
// ADAIN: func.func @{{.*}}(%arg0: tensor<1x8x6x6xf32> {norm.name = "content"}, %arg1: tensor<1x8x5x5xf32> {norm.name = "style"})
// ADAIN-NEXT: %0 = norm.adain %arg0, %arg1 alpha = 1.000000e+00 eps = 9.99999974E-6 : (tensor<1x8x6x6xf32>, tensor<1x8x5x5xf32>) -> tensor<1x8x6x6xf32>
// ADAIN-NEXT: return %0
// RUN: %onnx_python %S/Inputs/make_model.py pytorch_adain_biased %t.adainb.onnx
// RUN: norm-translate --import-onnx %t.adainb.onnx | FileCheck %s --check-prefix=ADAINB
// ADAINB: norm.adain %arg0, %arg1 alpha = 1.000000e+00 eps = 9.99999974E-6 biased

// Near miss: the two statistics use different epsilons.
// RUN: %onnx_python %S/Inputs/make_model.py pytorch_adain_eps_mismatch %t.adaine.onnx
// RUN: not norm-translate --import-onnx %t.adaine.onnx 2>&1 | FileCheck %s --check-prefix=ADAINE
// ADAINE: node '/Reshape' (Reshape, opset 13): Reshape from [1, 8, 5, 5] to [1, 8, -1] (-1: inferred) splits or merges dimensions

// The variance squared as Mul(d, d) (d read twice by one node).
// RUN: %onnx_python %S/Inputs/make_model.py layer_norm_mul_square %t.lnm.onnx
// RUN: norm-translate --import-onnx %t.lnm.onnx | FileCheck %s --check-prefix=LN

// Near miss: statistics per sample ([N, 1, -1]), not per channel: refused
// rather than folded into a per-channel AdaIN.
// RUN: %onnx_python %S/Inputs/make_model.py pytorch_layer_adain %t.ladain.onnx
// RUN: not norm-translate --import-onnx %t.ladain.onnx 2>&1 | FileCheck %s --check-prefix=LADAIN
// LADAIN: its statistics are not per (n, c), which norm.adain computes
