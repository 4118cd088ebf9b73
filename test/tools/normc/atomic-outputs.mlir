// All of normc's outputs or none of them (tools/normc/OutputStaging.cpp).
// RUN: rm -rf %t && mkdir -p %t

// A failed run creates no parent directories of -o.
// RUN: not normc %S/Inputs/identity.mlir -o %t/a/b/c 2>&1 | FileCheck %s --check-prefix=FAIL
// FAIL: error: @f has no kernel group to compile
// RUN: ls %t | count 0
// A successful one creates them.
// RUN: normc %S/Inputs/relu.mlir -o %t/a/b/c --emit=header,lib
// RUN: ls %t/a/b/c | FileCheck %s --check-prefix=NEW
// NEW: f.a
// NEW-NEXT: f.h
// NEW-NOT: {{.}}

// A directory in the way of one output: nothing is moved, the directory and
// the old files stay as they were.
// RUN: mkdir -p %t/busy/f.h && echo old > %t/busy/f.a
// RUN: not normc %S/Inputs/relu.mlir -o %t/busy --emit=header,lib 2>&1 | FileCheck %s --check-prefix=BUSY
// BUSY: normc: error: cannot write '{{.*}}busy/f.h': a directory is in the way
// RUN: cat %t/busy/f.a | FileCheck %s --check-prefix=OLD
// OLD: old
// RUN: ls -a %t | not grep normc-tmp
// Rerunning into an existing directory replaces its outputs and keeps the rest.
// RUN: rmdir %t/busy/f.h && echo mine > %t/busy/notes.txt
// RUN: normc %S/Inputs/relu.mlir -o %t/busy --emit=header,lib
// RUN: ls %t/busy | FileCheck %s --check-prefix=REPLACED
// REPLACED: f.a
// REPLACED-NEXT: f.h
// REPLACED-NEXT: notes.txt
// RUN: not grep -q old %t/busy/f.a
// RUN: ls -a %t/busy | not grep previous

// Interrupted in the middle of a compile (TransformerNet takes seconds), or
// writing its error into a closed pipe, normc removes its staging directory.
// RUN: mkdir -p %t/sig
// RUN: python3 %S/Inputs/interrupt.py INT %t/sig -- normc %examples/style_transfer/transformer_net.mlir -o %t/sig/out
// RUN: python3 %S/Inputs/interrupt.py TERM %t/sig -- normc %examples/style_transfer/transformer_net.mlir -o %t/sig/out
// RUN: python3 %S/Inputs/interrupt.py HUP %t/sig -- normc %examples/style_transfer/transformer_net.mlir -o %t/sig/new/out
// RUN: python3 %S/Inputs/interrupt.py closed-stderr %t/sig -- normc %S/Inputs/identity.mlir -o %t/sig/out
// RUN: ls -a %t/sig | FileCheck %s --check-prefix=SIG
// SIG: {{^}}.{{$}}
// SIG-NEXT: {{^}}..{{$}}
// SIG-NOT: {{.}}
