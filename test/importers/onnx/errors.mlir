// Bad ONNX input: one line naming the file and, where one is at fault, the
// node, its op type and opset; exit 1; nothing written.

// RUN: %onnx_python %S/Inputs/make_model.py unsupported_op %t.op.onnx
// RUN: not norm-translate --import-onnx %t.op.onnx 2>&1 | FileCheck %s --check-prefix=OP
// OP: norm-translate: error: {{.*}}.op.onnx: node '/pool/MaxPool' (MaxPool, opset 13): the op type is not supported (see 'normc --list-onnx-ops')
// RUN: rm -rf %t.out && not normc %t.op.onnx -o %t.out 2>&1 | FileCheck %s --check-prefix=NORMC
// NORMC: normc: error: {{.*}}.op.onnx: node '/pool/MaxPool' (MaxPool, opset 13)
// RUN: not ls %t.out

// RUN: %onnx_python %S/Inputs/make_model.py conv_transpose %t.ct.onnx
// RUN: not norm-translate --import-onnx %t.ct.onnx 2>&1 | FileCheck %s --check-prefix=CT
// CT: node '/deconv/ConvTranspose' (ConvTranspose, opset 13): its weight 'w' must be a known 4-D float tensor (normc flips it into a convolution's weight at import time)

// RUN: %onnx_python %S/Inputs/make_model.py unsorted %t.unsorted.onnx
// RUN: not norm-translate --import-onnx %t.unsorted.onnx 2>&1 | FileCheck %s --check-prefix=ORDER
// ORDER: node 'second' (Relu, opset 13): it reads 't', which no earlier node produces (the graph is not in topological order, has a cycle, or lacks the value)
// RUN: %onnx_python %S/Inputs/make_model.py cycle %t.cycle.onnx
// RUN: not norm-translate --import-onnx %t.cycle.onnx 2>&1 | FileCheck %s --check-prefix=CYCLE
// CYCLE: node 'a' (Add, opset 13): it reads 'b', which no earlier node produces

// RUN: %onnx_python %S/Inputs/make_model.py foreign_domain %t.dom.onnx
// RUN: not norm-translate --import-onnx %t.dom.onnx 2>&1 | FileCheck %s --check-prefix=DOMAIN
// DOMAIN: node '/f' (FusedConv, opset 13): the op's domain 'com.microsoft' is not supported

// RUN: %onnx_python %S/Inputs/make_model.py future_opset %t.future.onnx
// RUN: not norm-translate --import-onnx %t.future.onnx 2>&1 | FileCheck %s --check-prefix=FUTURE
// FUTURE: the model uses opset 22; the importer knows opsets up to 21

// RUN: %onnx_python %S/Inputs/make_model.py huge_initializer %t.huge.onnx
// RUN: not norm-translate --import-onnx %t.huge.onnx 2>&1 | FileCheck %s --check-prefix=HUGE
// HUGE: initializer 'w': it has more than 2^31 elements
// RUN: %onnx_python %S/Inputs/make_model.py short_initializer %t.short.onnx
// RUN: not norm-translate --import-onnx %t.short.onnx 2>&1 | FileCheck %s --check-prefix=SHORT
// SHORT: initializer 'w': its raw_data holds 60 bytes, its 16 float elements need 64

// RUN: %onnx_python %S/Inputs/make_model.py int_input %t.int.onnx
// RUN: not norm-translate --import-onnx %t.int.onnx 2>&1 | FileCheck %s --check-prefix=INT
// INT: input 'x' has element type int32; the importer takes float (f32) inputs

// RUN: %onnx_python %S/Inputs/make_model.py constant_pad_value %t.padv.onnx
// RUN: not norm-translate --import-onnx %t.padv.onnx 2>&1 | FileCheck %s --check-prefix=PADV
// PADV: node '/pad' (Pad, opset 13): it pads with the constant 1.000000; norm.pad pads with zeros only

// Review findings: each of these once imported wrongly or crashed.
// RUN: %onnx_python %S/Inputs/make_model.py pad_to_dynamic %t.pdyn.onnx
// RUN: not norm-translate --import-onnx %t.pdyn.onnx 2>&1 | FileCheck %s --check-prefix=PDYN
// PDYN: node '/pad' (Pad, opset 13): its pads must be known int64 values
// RUN: %onnx_python %S/Inputs/make_model.py mean_filter_conv %t.mean.onnx
// RUN: norm-translate --import-onnx %t.mean.onnx | FileCheck %s --check-prefix=MEAN
// MEAN: %arg1: tensor<1x1x3x3xf32> {norm.name = "w"}
// MEAN: norm.conv2d %arg0, %arg1 {{.*}} -> tensor<1x1x3x3xf32>
// RUN: %onnx_python %S/Inputs/make_model.py broadcast_by_zeros %t.bz.onnx
// RUN: norm-translate --import-onnx %t.bz.onnx | FileCheck %s --check-prefix=BZ
// BZ: norm.add %arg0, %arg1 : (tensor<1x1x4x4xf32>, tensor<1x3x4x4xf32>) -> tensor<1x3x4x4xf32>
// RUN: %onnx_python %S/Inputs/make_model.py swap_dynamic_dims %t.swap.onnx
// RUN: not norm-translate --import-onnx %t.swap.onnx 2>&1 | FileCheck %s --check-prefix=SWAP
// SWAP: node '/swap' (Reshape, opset 13): Reshape from [?, ?] to [?, ?] splits, merges or reorders dimensions
// RUN: %onnx_python %S/Inputs/make_model.py unsqueeze_repeated_axes %t.unsq.onnx
// RUN: not norm-translate --import-onnx %t.unsq.onnx 2>&1 | FileCheck %s --check-prefix=UNSQ
// UNSQ: node '/unsq' (Unsqueeze, opset 13): its axes repeat an axis
// RUN: %onnx_python %S/Inputs/make_model.py gather_one_input %t.g1.onnx
// RUN: not norm-translate --import-onnx %t.g1.onnx 2>&1 | FileCheck %s --check-prefix=G1
// G1: node '/g' (Gather, opset 13): it has 1 inputs; Gather needs 2
// RUN: %onnx_python %S/Inputs/make_model.py scalar_input %t.scalar.onnx
// RUN: not norm-translate --import-onnx %t.scalar.onnx 2>&1 | FileCheck %s --check-prefix=SCALAR
// SCALAR: input 'a' is a scalar (rank 0); give it shape [1]

// Not a model at all, a truncated one, a missing file.
// RUN: not norm-translate --import-onnx %s 2>&1 | FileCheck %s --check-prefix=NOTPB
// NOTPB: not an ONNX model (the protobuf does not parse: truncated or another format)
// RUN: head -c 100 %t.op.onnx > %t.trunc.onnx
// RUN: not norm-translate --import-onnx %t.trunc.onnx 2>&1 | FileCheck %s --check-prefix=NOTPB
// RUN: not normc %t.missing.onnx -o %t.out 2>&1 | FileCheck %s --check-prefix=MISSING
// MISSING: normc: error: {{.*}}missing.onnx: cannot read the file: No such file or directory
// RUN: not ls %t.out

// Mutated models give errors, never crashes (Inputs/fuzz_onnx.py).
// RUN: %onnx_python %S/Inputs/make_model.py ops %t.ops.onnx
// RUN: %onnx_python %S/Inputs/fuzz_onnx.py norm-translate %t.ops.onnx 300 | FileCheck %s --check-prefix=FUZZ
// RUN: %onnx_python %S/Inputs/fuzz_onnx.py norm-translate %t.ops.onnx 300 --structured | FileCheck %s --check-prefix=FUZZ
// FUZZ: 300 mutants: 0 crashes
