// --fuse and --no-fuse choose how norm-form-kernels groups ops: by default
// (--fuse=chains) pad -> conv -> instance norm -> relu is one kernel; with
// --no-fuse or --fuse=none every op is a kernel of its own (the instance norm
// decomposed into moments + modulate inside its kernel). The C entry point is
// the same either way. Bad values are in errors.mlir.

// RUN: rm -rf %t
// RUN: normc %S/Inputs/pad-conv-in-relu.mlir -o %t/chains --emit=mlir
// RUN: FileCheck %s --check-prefix=FUSED < %t/chains/pad-conv-in-relu.kernels.mlir
// RUN: normc %S/Inputs/pad-conv-in-relu.mlir -o %t/explicit --fuse=chains --emit=mlir
// RUN: FileCheck %s --check-prefix=FUSED < %t/explicit/pad-conv-in-relu.kernels.mlir
// FUSED-LABEL: func.func @block
// FUSED-SAME: (%[[X:[a-z0-9]+]]: tensor<1x4x8x8xf32>, %[[W:[a-z0-9]+]]: tensor<4x4x3x3xf32>)
// FUSED-NEXT: %[[K:.*]] = call @[[G:conv_norm_[0-9a-f]{16}]](%[[X]], %[[W]])
// FUSED-NEXT: return %[[K]]
// FUSED:      func.func private @[[G]](%[[X:[a-z0-9]+]]: tensor<1x4x8x8xf32>, %[[W:[a-z0-9]+]]: tensor<4x4x3x3xf32>)
// FUSED-SAME: norm.role = "conv_norm"
// FUSED-NEXT:   %[[P:.*]] = norm.pad %[[X]]
// FUSED-NEXT:   %[[C:.*]] = norm.conv2d %[[P]], %[[W]]
// FUSED-NEXT:   %[[M:.*]], %[[R:.*]] = norm.moments %[[C]]
// FUSED-NEXT:   %[[N:.*]] = norm.modulate %[[C]], %[[M]], %[[R]]
// FUSED-NEXT:   %[[Y:.*]] = norm.relu %[[N]]
// FUSED-NEXT:   return %[[Y]]

// RUN: normc %S/Inputs/pad-conv-in-relu.mlir -o %t/nofuse --no-fuse --emit=mlir
// RUN: FileCheck %s --check-prefix=UNFUSED < %t/nofuse/pad-conv-in-relu.kernels.mlir
// RUN: normc %S/Inputs/pad-conv-in-relu.mlir -o %t/none --fuse=none --emit=mlir
// RUN: FileCheck %s --check-prefix=UNFUSED < %t/none/pad-conv-in-relu.kernels.mlir
// --no-fuse agrees with an explicit --fuse=none.
// RUN: normc %S/Inputs/pad-conv-in-relu.mlir -o %t/both --no-fuse --fuse=none --emit=mlir
// RUN: FileCheck %s --check-prefix=UNFUSED < %t/both/pad-conv-in-relu.kernels.mlir
// UNFUSED-LABEL: func.func @block
// UNFUSED-SAME: (%[[X:[a-z0-9]+]]: tensor<1x4x8x8xf32>, %[[W:[a-z0-9]+]]: tensor<4x4x3x3xf32>)
// UNFUSED-NEXT: %[[K0:.*]] = call @[[PAD:elementwise_[0-9a-f]{16}]](%[[X]])
// UNFUSED-NEXT: %[[K1:.*]] = call @[[CONV:conv_[0-9a-f]{16}]](%[[K0]], %[[W]])
// UNFUSED-NEXT: %[[K2:.*]] = call @[[NORM:norm_[0-9a-f]{16}]](%[[K1]])
// UNFUSED-NEXT: %[[K3:.*]] = call @[[RELU:elementwise_[0-9a-f]{16}]](%[[K2]])
// UNFUSED-NEXT: return %[[K3]]
// UNFUSED:      func.func private @[[PAD]]
// UNFUSED-NEXT:   norm.pad
// UNFUSED-NEXT:   return
// UNFUSED:      func.func private @[[CONV]]
// UNFUSED-NEXT:   norm.conv2d
// UNFUSED-NEXT:   return
// UNFUSED:      func.func private @[[NORM]]
// UNFUSED-NEXT:   norm.moments
// UNFUSED-NEXT:   norm.modulate
// UNFUSED-NEXT:   return
// UNFUSED:      func.func private @[[RELU]]
// UNFUSED-NEXT:   norm.relu
// UNFUSED-NEXT:   return

// --fuse=single: the whole function is one kernel (here the same as chains).
// RUN: normc %S/Inputs/pad-conv-in-relu.mlir -o %t/single --fuse=single --emit=mlir
// RUN: FileCheck %s --check-prefix=FUSED < %t/single/pad-conv-in-relu.kernels.mlir

// The unfused build compiles, and its entry point is the fused build's.
// RUN: normc %S/Inputs/pad-conv-in-relu.mlir -o %t/lib-fused --emit=lib,header
// RUN: normc %S/Inputs/pad-conv-in-relu.mlir -o %t/lib-unfused --no-fuse --emit=lib,header
// RUN: ls %t/lib-unfused | FileCheck %s --check-prefix=LIB
// LIB:      {{^}}block.a{{$}}
// LIB-NEXT: {{^}}block.h{{$}}
// LIB-NOT: {{.}}
// RUN: FileCheck %s --check-prefix=HEADER < %t/lib-fused/block.h
// RUN: FileCheck %s --check-prefix=HEADER < %t/lib-unfused/block.h
// HEADER: int block(void const *__user_context, struct halide_buffer_t *_arg0_buffer, struct halide_buffer_t *_arg1_buffer, struct halide_buffer_t *_result0_buffer);
