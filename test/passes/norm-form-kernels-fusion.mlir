// --norm-form-kernels fusion decisions (policy "chains", the default): which
// ops share a norm.kernel, what each kernel yields, and how kernels are named
// ("f" when a function is one group, "f_g0", "f_g1", ... in execution order
// otherwise). Prefix NONE checks policy=none (one kernel per op), prefix
// SINGLE policy=single (one kernel per function). A function's {norm.fuse = "..."} overrides the
// pass option. Errors are in norm-form-kernels-errors.mlir.
// RUN: norm-opt %s --norm-form-kernels -split-input-file | FileCheck %s
// RUN: norm-opt %s --norm-form-kernels=policy=none -split-input-file | FileCheck %s --check-prefix=NONE
// RUN: norm-opt %s --norm-form-kernels=policy=single -split-input-file | FileCheck %s --check-prefix=SINGLE

// The style-transfer block: reflect pad -> conv -> instance norm -> relu.
// CHECK-LABEL: func.func @pad_conv_in_relu
// CHECK-SAME: (%[[X:[a-z0-9]+]]: tensor<1x8x16x16xf32>, %[[W:[a-z0-9]+]]: tensor<8x8x3x3xf32>)
// CHECK-NEXT: %[[K:.*]] = norm.kernel "pad_conv_in_relu" -> tensor<1x8x16x16xf32> attributes {role = "conv_norm"} {
// CHECK-NEXT:   %[[P:.*]] = norm.pad %[[X]] {{.*}} mode = "reflect"
// CHECK-NEXT:   %[[C:.*]] = norm.conv2d %[[P]], %[[W]]
// CHECK-NEXT:   %[[N:.*]] = norm.instance_norm %[[C]]
// CHECK-NEXT:   %[[R:.*]] = norm.relu %[[N]]
// CHECK-NEXT:   norm.yield %[[R]] : tensor<1x8x16x16xf32>
// CHECK-NEXT: }
// CHECK-NEXT: return %[[K]]
// NONE-LABEL: func.func @pad_conv_in_relu
// NONE-SAME: (%[[X:[a-z0-9]+]]: tensor<1x8x16x16xf32>, %[[W:[a-z0-9]+]]: tensor<8x8x3x3xf32>)
// NONE-NEXT: %[[K0:.*]] = norm.kernel "pad_conv_in_relu_g0" -> tensor<1x8x18x18xf32> attributes {role = "elementwise"} {
// NONE-NEXT:   %[[P:.*]] = norm.pad %[[X]]
// NONE-NEXT:   norm.yield %[[P]]
// NONE-NEXT: }
// NONE-NEXT: %[[K1:.*]] = norm.kernel "pad_conv_in_relu_g1" -> tensor<1x8x16x16xf32> attributes {role = "conv"} {
// NONE-NEXT:   %[[C:.*]] = norm.conv2d %[[K0]], %[[W]]
// NONE-NEXT:   norm.yield %[[C]]
// NONE-NEXT: }
// NONE-NEXT: %[[K2:.*]] = norm.kernel "pad_conv_in_relu_g2" -> tensor<1x8x16x16xf32> attributes {role = "norm"} {
// NONE-NEXT:   %[[N:.*]] = norm.instance_norm %[[K1]]
// NONE-NEXT:   norm.yield %[[N]]
// NONE-NEXT: }
// NONE-NEXT: %[[K3:.*]] = norm.kernel "pad_conv_in_relu_g3" -> tensor<1x8x16x16xf32> attributes {role = "elementwise"} {
// NONE-NEXT:   %[[R:.*]] = norm.relu %[[K2]]
// NONE-NEXT:   norm.yield %[[R]]
// NONE-NEXT: }
// NONE-NEXT: return %[[K3]]
// SINGLE-LABEL: func.func @pad_conv_in_relu
// SINGLE-NEXT: norm.kernel "pad_conv_in_relu" ->
// SINGLE-NOT: norm.kernel
// SINGLE: return
func.func @pad_conv_in_relu(%x: tensor<1x8x16x16xf32>, %w: tensor<8x8x3x3xf32>)
    -> tensor<1x8x16x16xf32> {
  %p = norm.pad %x low = [0, 0, 1, 1] high = [0, 0, 1, 1] mode = "reflect"
      : (tensor<1x8x16x16xf32>) -> tensor<1x8x18x18xf32>
  %c = norm.conv2d %p, %w strides = [1, 1] padding = [0, 0, 0, 0] dilations = [1, 1] groups = 1
      : (tensor<1x8x18x18xf32>, tensor<8x8x3x3xf32>) -> tensor<1x8x16x16xf32>
  %n = norm.instance_norm %c eps = 1.0e-05 : (tensor<1x8x16x16xf32>) -> tensor<1x8x16x16xf32>
  %y = norm.relu %n : tensor<1x8x16x16xf32>
  return %y : tensor<1x8x16x16xf32>
}

// -----

// The generator block: upsample -> conv (with bias) -> group norm -> silu.
// CHECK-LABEL: func.func @upsample_conv_gn_silu
// CHECK-SAME: (%[[X:[a-z0-9]+]]: tensor<1x8x8x8xf32>, %[[W:[a-z0-9]+]]: tensor<16x8x3x3xf32>, %[[B:[a-z0-9]+]]: tensor<16xf32>)
// CHECK-NEXT: %[[K:.*]] = norm.kernel "upsample_conv_gn_silu" -> tensor<1x16x16x16xf32> attributes {role = "conv_norm"} {
// CHECK-NEXT:   %[[U:.*]] = norm.upsample %[[X]] scale = [1, 1, 2, 2] mode = "nearest"
// CHECK-NEXT:   %[[C:.*]] = norm.conv2d %[[U]], %[[W]] bias(%[[B]])
// CHECK-NEXT:   %[[N:.*]] = norm.group_norm %[[C]] groups = 4
// CHECK-NEXT:   %[[S:.*]] = norm.silu %[[N]]
// CHECK-NEXT:   norm.yield %[[S]] : tensor<1x16x16x16xf32>
// CHECK-NEXT: }
// CHECK-NEXT: return %[[K]]
// NONE-LABEL: func.func @upsample_conv_gn_silu
// NONE-COUNT-4: norm.kernel "upsample_conv_gn_silu_g{{[0-3]}}"
// NONE-NOT: norm.kernel
// NONE: return
func.func @upsample_conv_gn_silu(%x: tensor<1x8x8x8xf32>, %w: tensor<16x8x3x3xf32>,
                                 %b: tensor<16xf32>) -> tensor<1x16x16x16xf32> {
  %u = norm.upsample %x scale = [1, 1, 2, 2] mode = "nearest"
      : (tensor<1x8x8x8xf32>) -> tensor<1x8x16x16xf32>
  %c = norm.conv2d %u, %w bias(%b) strides = [1, 1] padding = [1, 1, 1, 1] dilations = [1, 1] groups = 1
      : (tensor<1x8x16x16xf32>, tensor<16x8x3x3xf32>, tensor<16xf32>) -> tensor<1x16x16x16xf32>
  %n = norm.group_norm %c groups = 4 eps = 1.0e-05 : (tensor<1x16x16x16xf32>) -> tensor<1x16x16x16xf32>
  %y = norm.silu %n : tensor<1x16x16x16xf32>
  return %y : tensor<1x16x16x16xf32>
}

// -----

// A residual block: the second pad reads the first block's relu, which a pad
// cannot join, so there are exactly two kernels; the skip connection's add
// joins the second. The first kernel's only result is the relu.
// CHECK-LABEL: func.func @residual_block
// CHECK-SAME: (%[[X:[a-z0-9]+]]: tensor<1x8x16x16xf32>, %[[W1:[a-z0-9]+]]: tensor<8x8x3x3xf32>, %[[W2:[a-z0-9]+]]: tensor<8x8x3x3xf32>)
// CHECK-NEXT: %[[K0:.*]] = norm.kernel "residual_block_g0" -> tensor<1x8x16x16xf32> attributes {role = "conv_norm"} {
// CHECK-NEXT:   %[[P1:.*]] = norm.pad %[[X]]
// CHECK-NEXT:   %[[C1:.*]] = norm.conv2d %[[P1]], %[[W1]]
// CHECK-NEXT:   %[[N1:.*]] = norm.instance_norm %[[C1]]
// CHECK-NEXT:   %[[R1:.*]] = norm.relu %[[N1]]
// CHECK-NEXT:   norm.yield %[[R1]] : tensor<1x8x16x16xf32>
// CHECK-NEXT: }
// CHECK-NEXT: %[[K1:.*]] = norm.kernel "residual_block_g1" -> tensor<1x8x16x16xf32> attributes {role = "conv_norm"} {
// CHECK-NEXT:   %[[P2:.*]] = norm.pad %[[K0]]
// CHECK-NEXT:   %[[C2:.*]] = norm.conv2d %[[P2]], %[[W2]]
// CHECK-NEXT:   %[[N2:.*]] = norm.instance_norm %[[C2]]
// CHECK-NEXT:   %[[Y:.*]] = norm.add %[[X]], %[[N2]]
// CHECK-NEXT:   norm.yield %[[Y]] : tensor<1x8x16x16xf32>
// CHECK-NEXT: }
// CHECK-NEXT: return %[[K1]]
// NONE-LABEL: func.func @residual_block
// NONE-COUNT-8: norm.kernel "residual_block_g{{[0-7]}}"
// NONE-NOT: norm.kernel
// NONE: return
// SINGLE-LABEL: func.func @residual_block
// SINGLE-NEXT: %[[K:.*]] = norm.kernel "residual_block" -> tensor<1x8x16x16xf32> attributes {role = "conv_norm"} {
// SINGLE-COUNT-2: norm.pad
// SINGLE: %[[Y:.*]] = norm.add
// SINGLE-NEXT: norm.yield %[[Y]]
// SINGLE-NEXT: }
// SINGLE-NEXT: return %[[K]]
func.func @residual_block(%x: tensor<1x8x16x16xf32>, %w1: tensor<8x8x3x3xf32>,
                          %w2: tensor<8x8x3x3xf32>) -> tensor<1x8x16x16xf32> {
  %p1 = norm.pad %x low = [0, 0, 1, 1] high = [0, 0, 1, 1] mode = "reflect"
      : (tensor<1x8x16x16xf32>) -> tensor<1x8x18x18xf32>
  %c1 = norm.conv2d %p1, %w1 strides = [1, 1] padding = [0, 0, 0, 0] dilations = [1, 1] groups = 1
      : (tensor<1x8x18x18xf32>, tensor<8x8x3x3xf32>) -> tensor<1x8x16x16xf32>
  %n1 = norm.instance_norm %c1 eps = 1.0e-05 : (tensor<1x8x16x16xf32>) -> tensor<1x8x16x16xf32>
  %r1 = norm.relu %n1 : tensor<1x8x16x16xf32>
  %p2 = norm.pad %r1 low = [0, 0, 1, 1] high = [0, 0, 1, 1] mode = "reflect"
      : (tensor<1x8x16x16xf32>) -> tensor<1x8x18x18xf32>
  %c2 = norm.conv2d %p2, %w2 strides = [1, 1] padding = [0, 0, 0, 0] dilations = [1, 1] groups = 1
      : (tensor<1x8x18x18xf32>, tensor<8x8x3x3xf32>) -> tensor<1x8x16x16xf32>
  %n2 = norm.instance_norm %c2 eps = 1.0e-05 : (tensor<1x8x16x16xf32>) -> tensor<1x8x16x16xf32>
  %y = norm.add %x, %n2 : (tensor<1x8x16x16xf32>, tensor<1x8x16x16xf32>) -> tensor<1x8x16x16xf32>
  return %y : tensor<1x8x16x16xf32>
}

// -----

// Any normalization variant joins after a conv, the training ones included:
// all three results of batch_norm_train are yielded.
// CHECK-LABEL: func.func @conv_batch_norm_train
// CHECK-SAME: (%[[X:[a-z0-9]+]]: tensor<2x8x8x8xf32>, %[[W:[a-z0-9]+]]: tensor<8x8x1x1xf32>, %[[M:[a-z0-9]+]]: tensor<8xf32>, %[[V:[a-z0-9]+]]: tensor<8xf32>)
// CHECK-NEXT: %[[K:.*]]:3 = norm.kernel "conv_batch_norm_train" -> tensor<2x8x8x8xf32>, tensor<8xf32>, tensor<8xf32> attributes {role = "conv_norm"} {
// CHECK-NEXT:   %[[C:.*]] = norm.conv2d %[[X]], %[[W]]
// CHECK-NEXT:   %[[Y:.*]], %[[NM:.*]], %[[NV:.*]] = norm.batch_norm_train %[[C]], %[[M]], %[[V]]
// CHECK-NEXT:   norm.yield %[[Y]], %[[NM]], %[[NV]] :
// CHECK-NEXT: }
// CHECK-NEXT: return %[[K]]#0, %[[K]]#1, %[[K]]#2
func.func @conv_batch_norm_train(%x: tensor<2x8x8x8xf32>, %w: tensor<8x8x1x1xf32>,
                                 %m: tensor<8xf32>, %v: tensor<8xf32>)
    -> (tensor<2x8x8x8xf32>, tensor<8xf32>, tensor<8xf32>) {
  %c = norm.conv2d %x, %w strides = [1, 1] padding = [0, 0, 0, 0] dilations = [1, 1] groups = 1
      : (tensor<2x8x8x8xf32>, tensor<8x8x1x1xf32>) -> tensor<2x8x8x8xf32>
  %y, %nm, %nv = norm.batch_norm_train %c, %m, %v eps = 1.0e-05 momentum = 0.1
      : (tensor<2x8x8x8xf32>, tensor<8xf32>, tensor<8xf32>)
      -> (tensor<2x8x8x8xf32>, tensor<8xf32>, tensor<8xf32>)
  return %y, %nm, %nv : tensor<2x8x8x8xf32>, tensor<8xf32>, tensor<8xf32>
}

// -----

// Elementwise ops between the conv and the norm keep the chain going.
// CHECK-LABEL: func.func @conv_add_instance_norm
// CHECK-NEXT: %[[K:.*]] = norm.kernel "conv_add_instance_norm" -> tensor<1x8x8x8xf32> attributes {role = "conv_norm"} {
// CHECK-NEXT:   %[[C:.*]] = norm.conv2d
// CHECK-NEXT:   %[[A:.*]] = norm.add %[[C]],
// CHECK-NEXT:   %[[N:.*]] = norm.instance_norm %[[A]]
// CHECK-NEXT:   norm.yield %[[N]]
// CHECK-NEXT: }
// CHECK-NEXT: return %[[K]]
func.func @conv_add_instance_norm(%x: tensor<1x8x8x8xf32>, %w: tensor<8x8x1x1xf32>,
                                  %b: tensor<1x8x1x1xf32>) -> tensor<1x8x8x8xf32> {
  %c = norm.conv2d %x, %w strides = [1, 1] padding = [0, 0, 0, 0] dilations = [1, 1] groups = 1
      : (tensor<1x8x8x8xf32>, tensor<8x8x1x1xf32>) -> tensor<1x8x8x8xf32>
  %a = norm.add %c, %b : (tensor<1x8x8x8xf32>, tensor<1x8x1x1xf32>) -> tensor<1x8x8x8xf32>
  %n = norm.instance_norm %a eps = 1.0e-05 : (tensor<1x8x8x8xf32>) -> tensor<1x8x8x8xf32>
  return %n : tensor<1x8x8x8xf32>
}

// -----

// Without a conv, the activation joins the normalization's group.
// CHECK-LABEL: func.func @instance_norm_relu
// CHECK-SAME: (%[[X:[a-z0-9]+]]: tensor<1x8x16x16xf32>)
// CHECK-NEXT: %[[K:.*]] = norm.kernel "instance_norm_relu" -> tensor<1x8x16x16xf32> attributes {role = "norm"} {
// CHECK-NEXT:   %[[N:.*]] = norm.instance_norm %[[X]]
// CHECK-NEXT:   %[[R:.*]] = norm.relu %[[N]]
// CHECK-NEXT:   norm.yield %[[R]]
// CHECK-NEXT: }
// CHECK-NEXT: return %[[K]]
// NONE-LABEL: func.func @instance_norm_relu
// NONE-NEXT: norm.kernel "instance_norm_relu_g0"
// NONE-NEXT:   norm.instance_norm
// NONE-NEXT:   norm.yield
// NONE-NEXT: }
// NONE-NEXT: norm.kernel "instance_norm_relu_g1"
// NONE-NEXT:   norm.relu
func.func @instance_norm_relu(%x: tensor<1x8x16x16xf32>) -> tensor<1x8x16x16xf32> {
  %n = norm.instance_norm %x eps = 1.0e-05 : (tensor<1x8x16x16xf32>) -> tensor<1x8x16x16xf32>
  %y = norm.relu %n : tensor<1x8x16x16xf32>
  return %y : tensor<1x8x16x16xf32>
}

// -----

// A returned value does not count as a second use (it is written anyway):
// the norm joins the conv, and the one kernel yields both.
// CHECK-LABEL: func.func @conv_returned_and_normalized
// CHECK-NEXT: %[[K:.*]]:2 = norm.kernel "conv_returned_and_normalized" -> tensor<1x8x8x8xf32>, tensor<1x8x8x8xf32> attributes {role = "conv_norm"} {
// CHECK-NEXT:   %[[C:.*]] = norm.conv2d
// CHECK-NEXT:   %[[N:.*]] = norm.instance_norm %[[C]]
// CHECK-NEXT:   norm.yield %[[C]], %[[N]] :
// CHECK-NEXT: }
// CHECK-NEXT: return %[[K]]#0, %[[K]]#1
func.func @conv_returned_and_normalized(%x: tensor<1x8x8x8xf32>, %w: tensor<8x8x1x1xf32>)
    -> (tensor<1x8x8x8xf32>, tensor<1x8x8x8xf32>) {
  %c = norm.conv2d %x, %w strides = [1, 1] padding = [0, 0, 0, 0] dilations = [1, 1] groups = 1
      : (tensor<1x8x8x8xf32>, tensor<8x8x1x1xf32>) -> tensor<1x8x8x8xf32>
  %n = norm.instance_norm %c eps = 1.0e-05 : (tensor<1x8x8x8xf32>) -> tensor<1x8x8x8xf32>
  return %c, %n : tensor<1x8x8x8xf32>, tensor<1x8x8x8xf32>
}

// -----

// A conv read by two norms joins neither: it is materialized once by its own
// kernel and each norm is a kernel of its own.
// CHECK-LABEL: func.func @negative_conv_two_norms
// CHECK-NEXT: %[[K0:.*]] = norm.kernel "negative_conv_two_norms_g0" -> tensor<1x8x8x8xf32> attributes {role = "conv"} {
// CHECK-NEXT:   %[[C:.*]] = norm.conv2d
// CHECK-NEXT:   norm.yield %[[C]]
// CHECK-NEXT: }
// CHECK-NEXT: %[[K1:.*]] = norm.kernel "negative_conv_two_norms_g1" -> tensor<1x8x8x8xf32> attributes {role = "norm"} {
// CHECK-NEXT:   %[[N:.*]] = norm.instance_norm %[[K0]]
// CHECK-NEXT:   norm.yield %[[N]]
// CHECK-NEXT: }
// CHECK-NEXT: %[[K2:.*]] = norm.kernel "negative_conv_two_norms_g2" -> tensor<1x8x8x8xf32> attributes {role = "norm"} {
// CHECK-NEXT:   %[[G:.*]] = norm.group_norm %[[K0]]
// CHECK-NEXT:   norm.yield %[[G]]
// CHECK-NEXT: }
// CHECK-NEXT: return %[[K1]], %[[K2]]
// SINGLE-LABEL: func.func @negative_conv_two_norms
// SINGLE-NEXT: norm.kernel "negative_conv_two_norms" ->
// SINGLE-NOT: norm.kernel
// SINGLE: return
func.func @negative_conv_two_norms(%x: tensor<1x8x8x8xf32>, %w: tensor<8x8x1x1xf32>)
    -> (tensor<1x8x8x8xf32>, tensor<1x8x8x8xf32>) {
  %c = norm.conv2d %x, %w strides = [1, 1] padding = [0, 0, 0, 0] dilations = [1, 1] groups = 1
      : (tensor<1x8x8x8xf32>, tensor<8x8x1x1xf32>) -> tensor<1x8x8x8xf32>
  %n = norm.instance_norm %c eps = 1.0e-05 : (tensor<1x8x8x8xf32>) -> tensor<1x8x8x8xf32>
  %g = norm.group_norm %c groups = 2 eps = 1.0e-05 : (tensor<1x8x8x8xf32>) -> tensor<1x8x8x8xf32>
  return %n, %g : tensor<1x8x8x8xf32>, tensor<1x8x8x8xf32>
}

// -----

// One normalization per conv group: the second starts a new group, which the
// activation after it joins.
// CHECK-LABEL: func.func @negative_two_norms_after_conv
// CHECK-NEXT: %[[K0:.*]] = norm.kernel "negative_two_norms_after_conv_g0" -> tensor<1x8x8x8xf32> attributes {role = "conv_norm"} {
// CHECK-NEXT:   %[[C:.*]] = norm.conv2d
// CHECK-NEXT:   %[[N:.*]] = norm.instance_norm %[[C]]
// CHECK-NEXT:   norm.yield %[[N]]
// CHECK-NEXT: }
// CHECK-NEXT: %[[K1:.*]] = norm.kernel "negative_two_norms_after_conv_g1" -> tensor<1x8x8x8xf32> attributes {role = "norm"} {
// CHECK-NEXT:   %[[G:.*]] = norm.group_norm %[[K0]]
// CHECK-NEXT:   %[[R:.*]] = norm.relu %[[G]]
// CHECK-NEXT:   norm.yield %[[R]]
// CHECK-NEXT: }
// CHECK-NEXT: return %[[K1]]
func.func @negative_two_norms_after_conv(%x: tensor<1x8x8x8xf32>, %w: tensor<8x8x1x1xf32>)
    -> tensor<1x8x8x8xf32> {
  %c = norm.conv2d %x, %w strides = [1, 1] padding = [0, 0, 0, 0] dilations = [1, 1] groups = 1
      : (tensor<1x8x8x8xf32>, tensor<8x8x1x1xf32>) -> tensor<1x8x8x8xf32>
  %n = norm.instance_norm %c eps = 1.0e-05 : (tensor<1x8x8x8xf32>) -> tensor<1x8x8x8xf32>
  %g = norm.group_norm %n groups = 2 eps = 1.0e-05 : (tensor<1x8x8x8xf32>) -> tensor<1x8x8x8xf32>
  %r = norm.relu %g : tensor<1x8x8x8xf32>
  return %r : tensor<1x8x8x8xf32>
}

// -----

// A pad joins only pads and upsamples: after an activation it starts a new
// group, which the conv then joins through its input.
// CHECK-LABEL: func.func @negative_pad_after_activation
// CHECK-SAME: (%[[X:[a-z0-9]+]]: tensor<1x8x8x8xf32>, %[[W:[a-z0-9]+]]: tensor<8x8x3x3xf32>)
// CHECK-NEXT: %[[K0:.*]] = norm.kernel "negative_pad_after_activation_g0" -> tensor<1x8x8x8xf32> attributes {role = "norm"} {
// CHECK-NEXT:   %[[N:.*]] = norm.instance_norm %[[X]]
// CHECK-NEXT:   %[[R:.*]] = norm.relu %[[N]]
// CHECK-NEXT:   norm.yield %[[R]]
// CHECK-NEXT: }
// CHECK-NEXT: %[[K1:.*]] = norm.kernel "negative_pad_after_activation_g1" -> tensor<1x8x8x8xf32> attributes {role = "conv"} {
// CHECK-NEXT:   %[[P:.*]] = norm.pad %[[K0]] {{.*}} mode = "zero"
// CHECK-NEXT:   %[[C:.*]] = norm.conv2d %[[P]], %[[W]]
// CHECK-NEXT:   norm.yield %[[C]]
// CHECK-NEXT: }
// CHECK-NEXT: return %[[K1]]
func.func @negative_pad_after_activation(%x: tensor<1x8x8x8xf32>, %w: tensor<8x8x3x3xf32>)
    -> tensor<1x8x8x8xf32> {
  %n = norm.instance_norm %x eps = 1.0e-05 : (tensor<1x8x8x8xf32>) -> tensor<1x8x8x8xf32>
  %r = norm.relu %n : tensor<1x8x8x8xf32>
  %p = norm.pad %r low = [0, 0, 1, 1] high = [0, 0, 1, 1] mode = "zero"
      : (tensor<1x8x8x8xf32>) -> tensor<1x8x10x10xf32>
  %c = norm.conv2d %p, %w strides = [1, 1] padding = [0, 0, 0, 0] dilations = [1, 1] groups = 1
      : (tensor<1x8x10x10xf32>, tensor<8x8x3x3xf32>) -> tensor<1x8x8x8xf32>
  return %c : tensor<1x8x8x8xf32>
}

// -----

// Weight preparation (the weights scaled per output channel, as a folded
// batch norm writes it) reads only arguments and feeds only the conv: it is
// computed inside the conv's kernel, ahead of the conv.
// CHECK-LABEL: func.func @weight_scaling_joins_conv
// CHECK-SAME: (%[[X:[a-z0-9]+]]: tensor<1x8x8x8xf32>, %[[W:[a-z0-9]+]]: tensor<4x8x1x1xf32>, %[[S:[a-z0-9]+]]: tensor<4xf32>)
// CHECK-NEXT: %[[K:.*]] = norm.kernel "weight_scaling_joins_conv" -> tensor<1x4x8x8xf32> attributes {role = "conv_norm"} {
// CHECK-NEXT:   %[[S4:.*]] = tensor.expand_shape %[[S]] {{\[}}[0, 1, 2, 3]] output_shape [4, 1, 1, 1]
// CHECK-NEXT:   %[[WS:.*]] = norm.mul %[[W]], %[[S4]]
// CHECK-NEXT:   %[[C:.*]] = norm.conv2d %[[X]], %[[WS]]
// CHECK-NEXT:   %[[N:.*]] = norm.instance_norm %[[C]]
// CHECK-NEXT:   norm.yield %[[N]] : tensor<1x4x8x8xf32>
// CHECK-NEXT: }
// CHECK-NEXT: return %[[K]]
func.func @weight_scaling_joins_conv(%x: tensor<1x8x8x8xf32>, %w: tensor<4x8x1x1xf32>,
                                     %s: tensor<4xf32>) -> tensor<1x4x8x8xf32> {
  %s4 = tensor.expand_shape %s [[0, 1, 2, 3]] output_shape [4, 1, 1, 1]
      : tensor<4xf32> into tensor<4x1x1x1xf32>
  %ws = norm.mul %w, %s4 : (tensor<4x8x1x1xf32>, tensor<4x1x1x1xf32>) -> tensor<4x8x1x1xf32>
  %c = norm.conv2d %x, %ws strides = [1, 1] padding = [0, 0, 0, 0] dilations = [1, 1] groups = 1
      : (tensor<1x8x8x8xf32>, tensor<4x8x1x1xf32>) -> tensor<1x4x8x8xf32>
  %n = norm.instance_norm %c eps = 1.0e-05 : (tensor<1x4x8x8xf32>) -> tensor<1x4x8x8xf32>
  return %n : tensor<1x4x8x8xf32>
}

// -----

// Scaled weights that are also returned, or read by two convs, stay a kernel
// of their own (materialized once).
// CHECK-LABEL: func.func @negative_weight_scaling_returned
// CHECK-NEXT: %[[K0:.*]] = norm.kernel "negative_weight_scaling_returned_g0" -> tensor<4x8x1x1xf32> attributes {role = "elementwise"} {
// CHECK-NEXT:   %[[WS:.*]] = norm.mul
// CHECK-NEXT:   norm.yield %[[WS]]
// CHECK-NEXT: }
// CHECK-NEXT: %[[K1:.*]] = norm.kernel "negative_weight_scaling_returned_g1" -> tensor<1x4x8x8xf32> attributes {role = "conv"} {
// CHECK-NEXT:   %[[C:.*]] = norm.conv2d %{{[a-z0-9]+}}, %[[K0]]
// CHECK-NEXT:   norm.yield %[[C]]
// CHECK-NEXT: }
// CHECK-NEXT: return %[[K1]], %[[K0]]
func.func @negative_weight_scaling_returned(%x: tensor<1x8x8x8xf32>, %w: tensor<4x8x1x1xf32>,
                                            %s: tensor<4x1x1x1xf32>)
    -> (tensor<1x4x8x8xf32>, tensor<4x8x1x1xf32>) {
  %ws = norm.mul %w, %s : (tensor<4x8x1x1xf32>, tensor<4x1x1x1xf32>) -> tensor<4x8x1x1xf32>
  %c = norm.conv2d %x, %ws strides = [1, 1] padding = [0, 0, 0, 0] dilations = [1, 1] groups = 1
      : (tensor<1x8x8x8xf32>, tensor<4x8x1x1xf32>) -> tensor<1x4x8x8xf32>
  return %c, %ws : tensor<1x4x8x8xf32>, tensor<4x8x1x1xf32>
}

// -----

// CHECK-LABEL: func.func @negative_weight_scaling_two_convs
// CHECK-NEXT: %[[K0:.*]] = norm.kernel "negative_weight_scaling_two_convs_g0" -> tensor<4x8x1x1xf32> attributes {role = "elementwise"} {
// CHECK-NEXT:   %[[WS:.*]] = norm.mul
// CHECK-NEXT:   norm.yield %[[WS]]
// CHECK-NEXT: }
// CHECK-NEXT: %[[K1:.*]] = norm.kernel "negative_weight_scaling_two_convs_g1"
// CHECK-NEXT:   norm.conv2d %{{[a-z0-9]+}}, %[[K0]]
// CHECK:      %[[K2:.*]] = norm.kernel "negative_weight_scaling_two_convs_g2"
// CHECK-NEXT:   norm.conv2d %{{[a-z0-9]+}}, %[[K0]]
// CHECK:      return %[[K1]], %[[K2]]
func.func @negative_weight_scaling_two_convs(%x: tensor<1x8x8x8xf32>, %w: tensor<4x8x1x1xf32>,
                                             %s: tensor<4x1x1x1xf32>)
    -> (tensor<1x4x8x8xf32>, tensor<1x4x8x8xf32>) {
  %ws = norm.mul %w, %s : (tensor<4x8x1x1xf32>, tensor<4x1x1x1xf32>) -> tensor<4x8x1x1xf32>
  %c = norm.conv2d %x, %ws strides = [1, 1] padding = [0, 0, 0, 0] dilations = [1, 1] groups = 1
      : (tensor<1x8x8x8xf32>, tensor<4x8x1x1xf32>) -> tensor<1x4x8x8xf32>
  %d = norm.conv2d %x, %ws strides = [1, 1] padding = [0, 0, 0, 0] dilations = [1, 1] groups = 1
      : (tensor<1x8x8x8xf32>, tensor<4x8x1x1xf32>) -> tensor<1x4x8x8xf32>
  return %c, %d : tensor<1x4x8x8xf32>, tensor<1x4x8x8xf32>
}

// -----

// A conv cannot join an activation's group through its input; but an
// activation on an argument only counts as parameter preparation and is
// merged into the conv's kernel (current behaviour of the rules).
// CHECK-LABEL: func.func @argument_relu_conv
// CHECK-SAME: (%[[X:[a-z0-9]+]]: tensor<1x8x8x8xf32>, %[[W:[a-z0-9]+]]: tensor<8x8x3x3xf32>)
// CHECK-NEXT: %[[K:.*]] = norm.kernel "argument_relu_conv" -> tensor<1x8x8x8xf32> attributes {role = "conv"} {
// CHECK-NEXT:   %[[R:.*]] = norm.relu %[[X]]
// CHECK-NEXT:   %[[C:.*]] = norm.conv2d %[[R]], %[[W]]
// CHECK-NEXT:   norm.yield %[[C]]
// CHECK-NEXT: }
// CHECK-NEXT: return %[[K]]
func.func @argument_relu_conv(%x: tensor<1x8x8x8xf32>, %w: tensor<8x8x3x3xf32>)
    -> tensor<1x8x8x8xf32> {
  %r = norm.relu %x : tensor<1x8x8x8xf32>
  %c = norm.conv2d %r, %w strides = [1, 1] padding = [1, 1, 1, 1] dilations = [1, 1] groups = 1
      : (tensor<1x8x8x8xf32>, tensor<8x8x3x3xf32>) -> tensor<1x8x8x8xf32>
  return %c : tensor<1x8x8x8xf32>
}

// -----

// A user's own moments + modulate after a conv: the conv result has two uses
// (moments and modulate), so neither joins the conv; modulate joins the
// group of the moments that compute its statistics.
// CHECK-LABEL: func.func @negative_conv_moments_modulate
// CHECK-NEXT: %[[K0:.*]] = norm.kernel "negative_conv_moments_modulate_g0" -> tensor<1x8x8x8xf32> attributes {role = "conv"} {
// CHECK-NEXT:   %[[C:.*]] = norm.conv2d
// CHECK-NEXT:   norm.yield %[[C]]
// CHECK-NEXT: }
// CHECK-NEXT: %[[K1:.*]] = norm.kernel "negative_conv_moments_modulate_g1" -> tensor<1x8x8x8xf32> attributes {role = "norm"} {
// CHECK-NEXT:   %[[M:.*]], %[[R:.*]] = norm.moments %[[K0]]
// CHECK-NEXT:   %[[Y:.*]] = norm.modulate %[[K0]], %[[M]], %[[R]]
// CHECK-NEXT:   norm.yield %[[Y]]
// CHECK-NEXT: }
// CHECK-NEXT: return %[[K1]]
func.func @negative_conv_moments_modulate(%x: tensor<1x8x8x8xf32>, %w: tensor<8x8x1x1xf32>)
    -> tensor<1x8x8x8xf32> {
  %c = norm.conv2d %x, %w strides = [1, 1] padding = [0, 0, 0, 0] dilations = [1, 1] groups = 1
      : (tensor<1x8x8x8xf32>, tensor<8x8x1x1xf32>) -> tensor<1x8x8x8xf32>
  %mean, %rstd = norm.moments %c dims = [2, 3] groups = 1 eps = 1.0e-05
      : tensor<1x8x8x8xf32> -> tensor<1x8x1x1xf32>, tensor<1x8x1x1xf32>
  %y = norm.modulate %c, %mean, %rstd
      : (tensor<1x8x8x8xf32>, tensor<1x8x1x1xf32>, tensor<1x8x1x1xf32>) -> tensor<1x8x8x8xf32>
  return %y : tensor<1x8x8x8xf32>
}

// -----

// {norm.fuse = "none"} gives one kernel per op whatever the pass option.
// CHECK-LABEL: func.func @negative_fuse_none_attr
// CHECK-SAME: attributes {norm.fuse = "none"}
// CHECK-NEXT: %[[K0:.*]] = norm.kernel "negative_fuse_none_attr_g0" -> tensor<1x8x18x18xf32> attributes {role = "elementwise"} {
// CHECK-NEXT:   norm.pad
// CHECK-NEXT:   norm.yield
// CHECK-NEXT: }
// CHECK-NEXT: %[[K1:.*]] = norm.kernel "negative_fuse_none_attr_g1" -> tensor<1x8x16x16xf32> attributes {role = "conv"} {
// CHECK-NEXT:   norm.conv2d %[[K0]],
// CHECK-NEXT:   norm.yield
// CHECK-NEXT: }
// CHECK-NEXT: %[[K2:.*]] = norm.kernel "negative_fuse_none_attr_g2" -> tensor<1x8x16x16xf32> attributes {role = "norm"} {
// CHECK-NEXT:   norm.instance_norm %[[K1]]
// CHECK-NEXT:   norm.yield
// CHECK-NEXT: }
// CHECK-NEXT: %[[K3:.*]] = norm.kernel "negative_fuse_none_attr_g3" -> tensor<1x8x16x16xf32> attributes {role = "elementwise"} {
// CHECK-NEXT:   norm.relu %[[K2]]
// CHECK-NEXT:   norm.yield
// CHECK-NEXT: }
// CHECK-NEXT: return %[[K3]]
// SINGLE-LABEL: func.func @negative_fuse_none_attr
// SINGLE-COUNT-4: norm.kernel "negative_fuse_none_attr_g{{[0-3]}}"
// SINGLE-NOT: norm.kernel
// SINGLE: return
func.func @negative_fuse_none_attr(%x: tensor<1x8x16x16xf32>, %w: tensor<8x8x3x3xf32>)
    -> tensor<1x8x16x16xf32> attributes {norm.fuse = "none"} {
  %p = norm.pad %x low = [0, 0, 1, 1] high = [0, 0, 1, 1] mode = "reflect"
      : (tensor<1x8x16x16xf32>) -> tensor<1x8x18x18xf32>
  %c = norm.conv2d %p, %w strides = [1, 1] padding = [0, 0, 0, 0] dilations = [1, 1] groups = 1
      : (tensor<1x8x18x18xf32>, tensor<8x8x3x3xf32>) -> tensor<1x8x16x16xf32>
  %n = norm.instance_norm %c eps = 1.0e-05 : (tensor<1x8x16x16xf32>) -> tensor<1x8x16x16xf32>
  %y = norm.relu %n : tensor<1x8x16x16xf32>
  return %y : tensor<1x8x16x16xf32>
}

// -----

// {norm.fuse = "chains"} fuses even under policy=none.
// NONE-LABEL: func.func @fuse_chains_attr
// NONE-SAME: attributes {norm.fuse = "chains"}
// NONE-NEXT: %[[K:.*]] = norm.kernel "fuse_chains_attr" -> tensor<1x8x8x8xf32> attributes {role = "norm"} {
// NONE-NEXT:   %[[N:.*]] = norm.instance_norm
// NONE-NEXT:   %[[R:.*]] = norm.relu %[[N]]
// NONE-NEXT:   norm.yield %[[R]]
// NONE-NEXT: }
// NONE-NEXT: return %[[K]]
func.func @fuse_chains_attr(%x: tensor<1x8x8x8xf32>) -> tensor<1x8x8x8xf32>
    attributes {norm.fuse = "chains"} {
  %n = norm.instance_norm %x eps = 1.0e-05 : (tensor<1x8x8x8xf32>) -> tensor<1x8x8x8xf32>
  %r = norm.relu %n : tensor<1x8x8x8xf32>
  return %r : tensor<1x8x8x8xf32>
}

// -----

// Joining the add to the moments' group through %t would make that group
// read %s, computed from its own %rstd by another group (a cycle between
// kernels): the add joins the instance norm's group instead, and the first
// kernel yields both of the values the second one reads.
// CHECK-LABEL: func.func @negative_join_would_cycle
// CHECK-SAME: (%[[X:[a-z0-9]+]]: tensor<1x8x4x4xf32>)
// CHECK-NEXT: %[[K0:.*]]:2 = norm.kernel "negative_join_would_cycle_g0" -> tensor<1x8x1x1xf32>, tensor<1x8x1x1xf32> attributes {role = "norm"} {
// CHECK-NEXT:   %[[M:.*]], %[[R:.*]] = norm.moments %[[X]]
// CHECK-NEXT:   %[[T:.*]] = norm.relu %[[M]]
// CHECK-NEXT:   norm.yield %[[R]], %[[T]] :
// CHECK-NEXT: }
// CHECK-NEXT: %[[K1:.*]] = norm.kernel "negative_join_would_cycle_g1" -> tensor<1x8x1x1xf32> attributes {role = "norm"} {
// CHECK-NEXT:   %[[S:.*]] = norm.instance_norm %[[K0]]#0
// CHECK-NEXT:   %[[Y:.*]] = norm.add %[[K0]]#1, %[[S]]
// CHECK-NEXT:   norm.yield %[[Y]]
// CHECK-NEXT: }
// CHECK-NEXT: return %[[K1]]
func.func @negative_join_would_cycle(%x: tensor<1x8x4x4xf32>) -> tensor<1x8x1x1xf32> {
  %m, %r = norm.moments %x dims = [2, 3] groups = 1 eps = 1.0e-05
      : tensor<1x8x4x4xf32> -> tensor<1x8x1x1xf32>, tensor<1x8x1x1xf32>
  %t = norm.relu %m : tensor<1x8x1x1xf32>
  %s = norm.instance_norm %r eps = 1.0e-05 : (tensor<1x8x1x1xf32>) -> tensor<1x8x1x1xf32>
  %y = norm.add %t, %s : (tensor<1x8x1x1xf32>, tensor<1x8x1x1xf32>) -> tensor<1x8x1x1xf32>
  return %y : tensor<1x8x1x1xf32>
}

// -----

// Kernels are named in execution order, which is a topological order of the
// values they pass: the group norm, started second, runs (and is named) first
// because the instance norm's group reads it through the add.
// CHECK-LABEL: func.func @execution_order
// CHECK-SAME: (%[[X:[a-z0-9]+]]: tensor<1x8x4x4xf32>, %[[Z:[a-z0-9]+]]: tensor<1x8x4x4xf32>)
// CHECK-NEXT: %[[K0:.*]] = norm.kernel "execution_order_g0" -> tensor<1x8x4x4xf32> attributes {role = "norm"} {
// CHECK-NEXT:   %[[B:.*]] = norm.group_norm %[[Z]]
// CHECK-NEXT:   norm.yield %[[B]]
// CHECK-NEXT: }
// CHECK-NEXT: %[[K1:.*]] = norm.kernel "execution_order_g1" -> tensor<1x8x4x4xf32> attributes {role = "norm"} {
// CHECK-NEXT:   %[[A:.*]] = norm.instance_norm %[[X]]
// CHECK-NEXT:   %[[Y:.*]] = norm.add %[[A]], %[[K0]]
// CHECK-NEXT:   norm.yield %[[Y]]
// CHECK-NEXT: }
// CHECK-NEXT: return %[[K1]]
func.func @execution_order(%x: tensor<1x8x4x4xf32>, %z: tensor<1x8x4x4xf32>)
    -> tensor<1x8x4x4xf32> {
  %a = norm.instance_norm %x eps = 1.0e-05 : (tensor<1x8x4x4xf32>) -> tensor<1x8x4x4xf32>
  %b = norm.group_norm %z groups = 2 eps = 1.0e-05 : (tensor<1x8x4x4xf32>) -> tensor<1x8x4x4xf32>
  %y = norm.add %a, %b : (tensor<1x8x4x4xf32>, tensor<1x8x4x4xf32>) -> tensor<1x8x4x4xf32>
  return %y : tensor<1x8x4x4xf32>
}
