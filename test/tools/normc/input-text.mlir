// Text that MLIR's parser cannot take safely is rejected before parsing
// (dialect/InputText.cpp), by normc and norm-opt alike, with file:line:col:
// brackets nested 10,000 deep (the parser recursed until the stack
// overflowed: SIGSEGV) and a NUL byte (the parser stopped there, silently
// ignoring the rest of the file), and a result number too large to be real
// (`%r#2147483647`: the parser allocated that many forward references and
// aborted with "LLVM ERROR: out of memory", found by norm-fuzz). Integer knob
// values are digits only.
// RUN: rm -rf %t && mkdir -p %t
// RUN: python3 %S/Inputs/nesting.py deep > %t/deep.mlir
// RUN: not normc %t/deep.mlir -o %t/out 2>&1 | FileCheck %s --check-prefix=DEEP
// RUN: not norm-opt %t/deep.mlir 2>&1 | FileCheck %s --check-prefix=DEEP
// RUN: not ls %t/out
// DEEP: deep.mlir:1:{{[0-9]+}}: error: brackets nested more than 256 deep; normc limits nesting so that parsing cannot exhaust the stack
// Comparisons cannot hide nesting: '>=' closes nothing, and a closer pops
// only its own kind of bracket.
// RUN: python3 %S/Inputs/nesting.py compare > %t/compare.mlir
// RUN: not norm-opt %t/compare.mlir 2>&1 | FileCheck %s --check-prefix=NESTED
// RUN: python3 %S/Inputs/nesting.py stray > %t/stray.mlir
// RUN: not norm-opt %t/stray.mlir 2>&1 | FileCheck %s --check-prefix=NESTED
// NESTED: error: brackets nested more than 256 deep
// Unary minus recurses in affine expressions.
// RUN: python3 %S/Inputs/nesting.py minus > %t/minus.mlir
// RUN: not norm-opt %t/minus.mlir 2>&1 | FileCheck %s --check-prefix=MINUS
// MINUS: minus.mlir:1:{{[0-9]+}}: error: more than 256 minus signs in a row
// Nesting up to the limit parses (then fails verification for other reasons
// or not at all: here it is a valid attribute).
// RUN: python3 %S/Inputs/nesting.py shallow > %t/shallow.mlir
// RUN: norm-opt %t/shallow.mlir | FileCheck %s --check-prefix=SHALLOW
// SHALLOW: func.func @d()
// Brackets in strings and comments do not count.
// RUN: python3 %S/Inputs/nesting.py strings > %t/strings.mlir
// RUN: norm-opt %t/strings.mlir | FileCheck %s --check-prefix=STRINGS
// STRINGS: func.func @s()
// RUN: python3 -c "import sys; sys.stdout.write(open(sys.argv[1]).read().split('//--- relu\n')[1] + chr(0) + 'trailing garbage\n')" %s > %t/nul.mlir
// RUN: not normc %t/nul.mlir -o %t/out 2>&1 | FileCheck %s --check-prefix=NUL
// RUN: not norm-opt %t/nul.mlir 2>&1 | FileCheck %s --check-prefix=NUL
// NUL: nul.mlir:5:1: error: NUL byte in the input (MLIR's parser would stop reading here and ignore the rest of the file)
// RUN: not normc %S/Inputs/result-number.mlir -o %t/out 2>&1 | FileCheck %s --check-prefix=RESULT
// RUN: not norm-opt %S/Inputs/result-number.mlir 2>&1 | FileCheck %s --check-prefix=RESULT
// RESULT: result-number.mlir:7:13: error: result number 2147483647 is larger than 65535; MLIR's parser would try to allocate that many results
// A result number within the limit reaches the parser, which names it.
// RUN: sed 's/#2147483647/#65535/' %S/Inputs/result-number.mlir > %t/in-range.mlir
// RUN: not norm-opt %t/in-range.mlir 2>&1 | FileCheck %s --check-prefix=IN-RANGE
// IN-RANGE: in-range.mlir:7:10: error: {{.*}}
// IN-RANGE-NOT: out of memory
// RUN: not normc %S/Inputs/relu.mlir -o %t/out --schedule=vector_width=+4 2>&1 | FileCheck %s --check-prefix=PLUS
// PLUS: normc: error: invalid value '+4' for schedule knob 'vector_width' (expected an integer in 1..64)
// RUN: not normc %S/Inputs/relu.mlir -o %t/out '--schedule=vector_width= 4' 2>&1 | FileCheck %s --check-prefix=SPACE
// SPACE: normc: error: invalid value ' 4' for schedule knob 'vector_width'
// RUN: not ls %t/out

// The NUL test's function (the text after the marker below).
//--- relu
func.func @n(%x: tensor<4xf32>) -> tensor<4xf32> {
  %y = norm.relu %x : tensor<4xf32>
  return %y : tensor<4xf32>
}
