// normc's errors: LLVM-style one-line messages for bad command lines,
// file:line:col diagnostics for bad IR, a nonzero exit, and no output
// directory (nor temporary directory) left behind.

// --- Command line ------------------------------------------------------------

// RUN: rm -rf %t && mkdir -p %t
// RUN: not normc %S/Inputs/relu.mlir -o %t/feature --target=x86-64-linux-avx3 2>&1 | FileCheck %s --check-prefix=FEATURE
// RUN: not ls %t/feature
// FEATURE: {{^}}normc: error: unknown target feature 'avx3' in '--target=x86-64-linux-avx3'{{$}}

// CUDA needs a capability (Halide's PTX back end aborts the process
// without one); one GPU API per library; --emit=ptx needs CUDA.
// RUN: not normc %S/Inputs/relu.mlir -o %t/cuda --target=host-cuda 2>&1 | FileCheck %s --check-prefix=CUDA
// RUN: not ls %t/cuda
// CUDA: {{^}}normc: error: target 'host-cuda' names cuda without a capability: add one of cuda_capability_30, {{.*}}cuda_capability_80{{.*}} (e.g. 'host-cuda-cuda_capability_80' for A100/H100){{$}}
// RUN: not normc %S/Inputs/relu.mlir -o %t/two --target=host-cuda-cuda_capability_80-opencl 2>&1 | FileCheck %s --check-prefix=TWOAPI
// TWOAPI: {{^}}normc: error: target 'host-cuda-cuda_capability_80-opencl' names both cuda and opencl: a library runs on one GPU API (compile twice for both){{$}}
// RUN: not normc %S/Inputs/relu.mlir -o %t/metal --target=host-metal 2>&1 | FileCheck %s --check-prefix=METAL
// METAL: {{^}}normc: error: target 'host-metal' asks for metal: normc's GPU schedules cover cuda and opencl only{{$}}
// RUN: not normc %S/Inputs/relu.mlir -o %t/ptx --target=host --emit=ptx 2>&1 | FileCheck %s --check-prefix=PTX
// RUN: not ls %t/ptx
// PTX: {{^}}normc: error: '--emit=ptx' needs a CUDA target, e.g. --target=host-cuda-cuda_capability_80 ('host' is not one){{$}}

// Every target of a list is validated before anything is compiled.
// RUN: not normc %S/Inputs/relu.mlir -o %t/cuda2 --target=host,x86-64-linux-cuda 2>&1 | FileCheck %s --check-prefix=CUDA2
// RUN: not ls %t/cuda2
// CUDA2: {{^}}normc: error: target 'x86-64-linux-cuda' names cuda without a capability

// --functions names existing public functions only.
// RUN: not normc %S/Inputs/relu.mlir -o %t/funcs --functions=nope 2>&1 | FileCheck %s --check-prefix=FUNCS
// RUN: not ls %t/funcs
// FUNCS: {{^}}normc: error: '--functions=nope' names 'nope', which is not a public function of '{{.*}}relu.mlir'{{$}}

// RUN: not normc %S/Inputs/relu.mlir -o %t/wasm --target=wasm-32-wasmrt 2>&1 | FileCheck %s --check-prefix=WASM
// WASM: {{^}}normc: error: target 'wasm-32-wasmrt' is 32-bit: normc supports 64-bit x86 and arm only{{$}}

// RUN: not normc %S/Inputs/relu.mlir -o %t/x86_32 --target=x86-32-linux 2>&1 | FileCheck %s --check-prefix=X86_32
// X86_32: {{^}}normc: error: target 'x86-32-linux' is 32-bit: normc supports 64-bit x86 and arm only{{$}}

// RUN: not normc %S/Inputs/relu.mlir -o %t/ppc --target=powerpc-64-linux 2>&1 | FileCheck %s --check-prefix=PPC
// PPC: {{^}}normc: error: target 'powerpc-64-linux': normc's schedules cover x86 and arm only{{$}}

// RUN: not normc %S/Inputs/relu.mlir -o %t/twice --target=host,arm-64-linux,host 2>&1 | FileCheck %s --check-prefix=TWICE
// RUN: not ls %t/twice
// TWICE: {{^}}normc: error: target 'host' is listed twice in '--target=host,arm-64-linux,host'{{$}}

// RUN: mkdir -p %t && touch %t/afile
// RUN: not normc %S/Inputs/relu.mlir -o %t/afile 2>&1 | FileCheck %s --check-prefix=NOTDIR
// NOTDIR: {{^}}normc: error: output path '{{.*}}afile' exists and is not a directory{{$}}

// RUN: not normc %S/Inputs/bad-arg-name.mlir -o %t/argname 2>&1 | FileCheck %s --check-prefix=ARGNAME
// RUN: not ls %t/argname
// ARGNAME: {{.*}}bad-arg-name.mlir:1:1: error: argument #0 of @f is named 'my x', which is not a C identifier

// RUN: not normc %S/Inputs/dup-name.mlir -o %t/dupname 2>&1 | FileCheck %s --check-prefix=DUPNAME
// DUPNAME: {{.*}}dup-name.mlir:1:1: error: result #0 reuses the name 'x'; argument and result names must be unique

// RUN: not normc %S/Inputs/reshape.mlir -o %t/reshape 2>&1 | FileCheck %s --check-prefix=RESHAPE
// RUN: not ls %t/reshape
// RESHAPE: {{.*}}reshape.mlir:3:8: error: 'tensor.expand_shape' op splits a dimension into several non-unit dimensions; halide_gen only supports expand_shape that inserts unit dimensions

// RUN: not normc %S/Inputs/relu.mlir -o %t/notarget --target= 2>&1 | FileCheck %s --check-prefix=NOTARGET
// NOTARGET: {{^}}normc: error: empty target in '--target='{{$}}

// RUN: not normc %S/Inputs/relu.mlir -o %t/emptyentry --target=host,,arm-64-linux 2>&1 | FileCheck %s --check-prefix=EMPTYENTRY
// RUN: not ls %t/emptyentry
// EMPTYENTRY: {{^}}normc: error: empty target in '--target=host,,arm-64-linux'{{$}}

// RUN: not normc %S/Inputs/relu.mlir -o %t/emit --emit=lib,bogus 2>&1 | FileCheck %s --check-prefix=EMIT
// RUN: not ls %t/emit
// EMIT: {{^}}normc: error: unknown output kind 'bogus' in '--emit=lib,bogus' (expected lib, header, runtime, mlir, stmt, asm, schedule, ptx){{$}}

// RUN: not normc %S/Inputs/relu.mlir -o %t/noemit --emit= 2>&1 | FileCheck %s --check-prefix=NOEMIT
// NOEMIT: {{^}}normc: error: '--emit=' needs at least one of lib, header, runtime, mlir, stmt, asm, schedule, ptx{{$}}

// RUN: not normc %S/Inputs/relu.mlir -o %t/fuse --fuse=bogus 2>&1 | FileCheck %s --check-prefix=FUSE
// RUN: not ls %t/fuse
// FUSE: {{^}}normc: error: unknown fusion policy 'bogus' in '--fuse=bogus' (expected chains, none or single){{$}}

// RUN: not normc %S/Inputs/relu.mlir -o %t/nofuse --no-fuse --fuse=chains 2>&1 | FileCheck %s --check-prefix=NOFUSE
// RUN: not ls %t/nofuse
// NOFUSE: {{^}}normc: error: '--no-fuse' contradicts '--fuse=chains'{{$}}
// RUN: not normc %S/Inputs/relu.mlir -o %t/nofuse --fuse=single --no-fuse 2>&1 | FileCheck %s --check-prefix=NOFUSE-SINGLE
// RUN: not ls %t/nofuse
// NOFUSE-SINGLE: {{^}}normc: error: '--no-fuse' contradicts '--fuse=single'{{$}}

// RUN: not normc %S/Inputs/relu.mlir 2>&1 | FileCheck %s --check-prefix=NOOUT
// NOOUT: {{^}}normc: error: no output directory; use -o <dir>{{$}}

// RUN: not normc %t/does-not-exist.mlir -o %t/missing 2>&1 | FileCheck %s --check-prefix=MISSING
// RUN: not ls %t/missing
// MISSING: {{^}}normc: error: cannot open input file '{{.*}}does-not-exist.mlir': No such file or directory{{$}}

// RUN: not normc -o %t/noinput 2>&1 | FileCheck %s --check-prefix=NOINPUT
// RUN: not ls %t/noinput
// NOINPUT: {{^}}normc: error: no input file (only '--emit=runtime' works without one){{$}}

// --- Bad IR: file:line:col, no outputs ---------------------------------------

// RUN: not normc %S/Inputs/parse-error.mlir -o %t/parse 2>&1 | FileCheck %s --check-prefix=PARSE
// RUN: not ls %t/parse
// PARSE: {{.*}}parse-error.mlir:3:{{[0-9]+}}: error: custom op 'norm.bogus' is unknown

// RUN: not normc %S/Inputs/verify-error.mlir -o %t/verify 2>&1 | FileCheck %s --check-prefix=VERIFY
// RUN: not ls %t/verify
// VERIFY: {{.*}}verify-error.mlir:3:{{[0-9]+}}: error: 'norm.instance_norm' op scale has 4 elements but x has 8 channels
// VERIFY-NOT: see current operation

// A failed run leaves an existing output directory as it was.
// RUN: mkdir -p %t/keep && echo old > %t/keep/old.txt
// RUN: not normc %S/Inputs/verify-error.mlir -o %t/keep 2>&1 | FileCheck %s --check-prefix=VERIFY
// RUN: ls %t/keep | FileCheck %s --check-prefix=KEEP
// KEEP: {{^}}old.txt{{$}}
// KEEP-NOT: {{.}}

// RUN: not normc %S/Inputs/f64.mlir -o %t/f64 2>&1 | FileCheck %s --check-prefix=F64
// RUN: not ls %t/f64
// F64: {{.*}}f64.mlir:2:{{[0-9]+}}: error: 'norm.relu' op operand #0 must be ranked tensor of 32-bit float or 16-bit float or bfloat16 type values, but got 'tensor<4xf64>'

// Errors found during code generation, after the temporary directory was
// created: the LEFT check at the end makes sure the temporary is removed too.
// RUN: not normc %S/Inputs/f64-argument.mlir -o %t/f64arg 2>&1 | FileCheck %s --check-prefix=F64ARG
// RUN: not ls %t/f64arg
// F64ARG: {{.*}}f64-argument.mlir:2:1: error: argument arg1 has type 'tensor<4xf64>'; halide_gen supports ranked f32, f16 and bf16 tensors of rank 1 to 8

// RUN: not normc %S/Inputs/bad-name.mlir -o %t/name 2>&1 | FileCheck %s --check-prefix=NAME
// RUN: not ls %t/name
// NAME: {{.*}}bad-name.mlir:1:1: error: function name 'my-kernel' is not a C identifier ({{.*}}); it names the generated C function

// RUN: not normc %S/Inputs/no-public.mlir -o %t/nopublic 2>&1 | FileCheck %s --check-prefix=NOPUBLIC
// RUN: not ls %t/nopublic
// NOPUBLIC: {{^}}normc: error: '{{.*}}no-public.mlir' has no public func.func to compile{{$}}

// RUN: not normc %S/Inputs/identity.mlir -o %t/identity 2>&1 | FileCheck %s --check-prefix=IDENTITY
// RUN: not ls %t/identity
// IDENTITY: {{.*}}identity.mlir:1:1: error: @f has no kernel group to compile

// RUN: not normc %S/Inputs/pass-through.mlir -o %t/passthrough 2>&1 | FileCheck %s --check-prefix=PASSTHROUGH
// RUN: not ls %t/passthrough
// PASSTHROUGH: {{.*}}pass-through.mlir:3:3: error: 'func.return' op returns argument #0 unchanged as result #1; normc kernels must compute every result

// Nothing but the one directory this test made itself is left in %t: no
// output directory and no '<out>.normc-tmp*' temporary of any failed run.
// RUN: ls %t | FileCheck %s --check-prefix=LEFT
// LEFT: {{^}}keep{{$}}
// LEFT-NOT: {{.}}
