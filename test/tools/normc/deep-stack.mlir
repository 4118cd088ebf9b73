// A stack of 64 residual blocks (an imported network has dozens) compiles:
// identical blocks share their two group functions, and runs of calls
// become chunk pipelines, so the compile stays near linear in the depth (a
// test that it finishes, not a timing).
// RUN: rm -rf %t && mkdir -p %t
// RUN: python3 %S/Inputs/residual_stack.py 64 > %t/stack.mlir
// RUN: normc %t/stack.mlir -o %t/out --emit=lib,header,schedule
// RUN: FileCheck %s < %t/out/stack.schedule.json
// RUN: llvm-nm %t/out/stack.a | FileCheck %s --check-prefix=SYMS
// CHECK: "composition": "separate"
// CHECK: "name": "conv_norm_{{[0-9a-f]+}}"
// CHECK: "name": "conv_norm_{{[0-9a-f]+}}"
// CHECK-NOT: "name":
// SYMS-DAG: T stack{{$}}
// SYMS-DAG: T stack__chunk0{{$}}
