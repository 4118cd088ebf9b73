// Names that would clash in the user's program or header are rejected up
// front with a diagnostic on the function, and nothing is written
// (dialect/ExportedNames.cpp, dialect/ReservedNames.def).
// RUN: rm -rf %t && split-file %s %t
// RUN: not normc %t/halide_runtime.mlir -o %t/out_halide_runtime 2>&1 | FileCheck %s --check-prefix=HALIDE_RUNTIME
// RUN: not ls %t/out_halide_runtime
// HALIDE_RUNTIME: halide_runtime.mlir:1:1: error: function name 'halide_do_par_for' starts with 'halide_', the prefix of Halide's runtime symbols
// RUN: not normc %t/halide_error.mlir -o %t/out_halide_error 2>&1 | FileCheck %s --check-prefix=HALIDE_ERROR
// RUN: not ls %t/out_halide_error
// HALIDE_ERROR: halide_error.mlir:1:1: error: function name 'halide_error' starts with 'halide_'
// RUN: not normc %t/halide_malloc.mlir -o %t/out_halide_malloc 2>&1 | FileCheck %s --check-prefix=HALIDE_MALLOC
// RUN: not ls %t/out_halide_malloc
// HALIDE_MALLOC: halide_malloc.mlir:1:1: error: function name 'halide_malloc' starts with 'halide_'
// RUN: not normc %t/libc.mlir -o %t/out_libc 2>&1 | FileCheck %s --check-prefix=LIBC
// RUN: not ls %t/out_libc
// LIBC: libc.mlir:1:1: error: function name 'malloc' is a function or object of the C library or POSIX: the kernel's symbol would replace it in the program
// RUN: not normc %t/libm.mlir -o %t/out_libm 2>&1 | FileCheck %s --check-prefix=LIBM
// RUN: not ls %t/out_libm
// LIBM: libm.mlir:1:1: error: function name 'expf' is a function or object of the C library or POSIX
// RUN: not normc %t/main.mlir -o %t/out_main 2>&1 | FileCheck %s --check-prefix=MAIN
// RUN: not ls %t/out_main
// MAIN: main.mlir:1:1: error: function name 'main' is a function or object of the C library or POSIX
// RUN: not normc %t/normrt.mlir -o %t/out_normrt 2>&1 | FileCheck %s --check-prefix=NORMRT
// RUN: not ls %t/out_normrt
// NORMRT: normrt.mlir:1:1: error: function name 'normrt_kernel_call' starts with 'normrt_', the prefix of normrt's symbols
// RUN: not normc %t/runtime_archive.mlir -o %t/out_runtime_archive 2>&1 | FileCheck %s --check-prefix=RUNTIME_ARCHIVE
// RUN: not ls %t/out_runtime_archive
// RUNTIME_ARCHIVE: runtime_archive.mlir:1:1: error: function name 'normc_halide_runtime' starts with 'normc_'
// RUN: not normc %t/c_keyword_for.mlir -o %t/out_c_keyword_for 2>&1 | FileCheck %s --check-prefix=C_KEYWORD_FOR
// RUN: not ls %t/out_c_keyword_for
// C_KEYWORD_FOR: c_keyword_for.mlir:1:1: error: function name 'for' is a C or C++ keyword or a standard macro
// RUN: not normc %t/c_keyword_int.mlir -o %t/out_c_keyword_int 2>&1 | FileCheck %s --check-prefix=C_KEYWORD_INT
// RUN: not ls %t/out_c_keyword_int
// C_KEYWORD_INT: c_keyword_int.mlir:1:1: error: function name 'int' is a C or C++ keyword or a standard macro
// RUN: not normc %t/c_keyword_return.mlir -o %t/out_c_keyword_return 2>&1 | FileCheck %s --check-prefix=C_KEYWORD_RETURN
// RUN: not ls %t/out_c_keyword_return
// C_KEYWORD_RETURN: c_keyword_return.mlir:1:1: error: function name 'return' is a C or C++ keyword or a standard macro
// RUN: not normc %t/cxx_keyword.mlir -o %t/out_cxx_keyword 2>&1 | FileCheck %s --check-prefix=CXX_KEYWORD
// RUN: not ls %t/out_cxx_keyword
// CXX_KEYWORD: cxx_keyword.mlir:1:1: error: function name 'class' is a C or C++ keyword or a standard macro
// RUN: not normc %t/type_suffix.mlir -o %t/out_type_suffix 2>&1 | FileCheck %s --check-prefix=TYPE_SUFFIX
// RUN: not ls %t/out_type_suffix
// TYPE_SUFFIX: type_suffix.mlir:1:1: error: function name 'size_t' ends in '_t', which POSIX reserves for type names
// RUN: not normc %t/underscore.mlir -o %t/out_underscore 2>&1 | FileCheck %s --check-prefix=UNDERSCORE
// RUN: not ls %t/out_underscore
// UNDERSCORE: underscore.mlir:1:1: error: function name '_kernel' starts with '_'
// RUN: not normc %t/double_underscore.mlir -o %t/out_double_underscore 2>&1 | FileCheck %s --check-prefix=DOUBLE_UNDERSCORE
// RUN: not ls %t/out_double_underscore
// DOUBLE_UNDERSCORE: double_underscore.mlir:1:1: error: function name 'a__b' contains '__', which normc reserves
// RUN: not normc %t/arg_user_context.mlir -o %t/out_arg_user_context 2>&1 | FileCheck %s --check-prefix=ARG_USER_CONTEXT
// RUN: not ls %t/out_arg_user_context
// ARG_USER_CONTEXT: arg_user_context.mlir:1:1: error: argument #0 of @f is named '__user_context', which starts with '_'
// RUN: not normc %t/arg_macro.mlir -o %t/out_arg_macro 2>&1 | FileCheck %s --check-prefix=ARG_MACRO
// RUN: not ls %t/out_arg_macro
// ARG_MACRO: arg_macro.mlir:1:1: error: argument #0 of @f is named 'errno', which is a C or C++ keyword or a standard macro
// RUN: not normc %t/arg_keyword.mlir -o %t/out_arg_keyword 2>&1 | FileCheck %s --check-prefix=ARG_KEYWORD
// RUN: not ls %t/out_arg_keyword
// ARG_KEYWORD: arg_keyword.mlir:1:1: error: argument #0 of @f is named 'double', which is a C or C++ keyword
// RUN: not normc %t/derived.mlir -o %t/out_derived 2>&1 | FileCheck %s --check-prefix=DERIVED
// DERIVED: derived.mlir:5:1: error: function name 'f_argv' clashes with the symbol normc generates for @f (f_argv); rename one of them
// RUN: not normc %t/derived_variant.mlir -o %t/out_variant --target=x86-64-linux-avx2,x86-64-linux 2>&1 | FileCheck %s --check-prefix=VARIANT
// VARIANT: derived_variant.mlir:5:1: error: function name 'g_variant' clashes with the symbol normc generates for @g
// Without several targets there is no g_variant(): the name is free.
// RUN: normc %t/derived_variant.mlir -o %t/out_variant_single
// RUN: ls %t/out_variant_single | FileCheck %s --check-prefix=SINGLE
// SINGLE: g.h
// SINGLE: g_variant.h
// RUN: not normc %t/library.mlir -o %t/out_library --library=lib 2>&1 | FileCheck %s --check-prefix=LIBRARY
// LIBRARY: library.mlir:1:1: error: function @lib_registry clashes with the library ('--library=lib': lib.a, lib.h, lib_registry())
// RUN: python3 -c "import sys; n = 'k' * 300; print('func.func @' + n + '(%%x: tensor<4xf32>) -> tensor<4xf32> {\n  %%y = norm.relu %%x : tensor<4xf32>\n  return %%y : tensor<4xf32>\n}')" > %t/long.mlir
// RUN: not normc %t/long.mlir -o %t/out_long 2>&1 | FileCheck %s --check-prefix=LONG
// LONG: long.mlir:1:1: error: function name 'kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk...' is 300 characters long; names are limited to 128
// A parameter may take a library function's name, `std` or a `_t` suffix
// (none clashes in C or C++ as a parameter), and an ordinary name is accepted.
// RUN: normc %t/arg_function_name.mlir -o %t/out_ok
// RUN: ls %t/out_ok | FileCheck %s --check-prefix=OK
// OK: ok.h

//--- halide_runtime.mlir
func.func @halide_do_par_for(%x: tensor<4xf32>) -> tensor<4xf32> {
  %y = norm.relu %x : tensor<4xf32>
  return %y : tensor<4xf32>
}
//--- halide_error.mlir
func.func @halide_error(%x: tensor<4xf32>) -> tensor<4xf32> {
  %y = norm.relu %x : tensor<4xf32>
  return %y : tensor<4xf32>
}
//--- halide_malloc.mlir
func.func @halide_malloc(%x: tensor<4xf32>) -> tensor<4xf32> {
  %y = norm.relu %x : tensor<4xf32>
  return %y : tensor<4xf32>
}
//--- libc.mlir
func.func @malloc(%x: tensor<4xf32>) -> tensor<4xf32> {
  %y = norm.relu %x : tensor<4xf32>
  return %y : tensor<4xf32>
}
//--- libm.mlir
func.func @expf(%x: tensor<4xf32>) -> tensor<4xf32> {
  %y = norm.relu %x : tensor<4xf32>
  return %y : tensor<4xf32>
}
//--- main.mlir
func.func @main(%x: tensor<4xf32>) -> tensor<4xf32> {
  %y = norm.relu %x : tensor<4xf32>
  return %y : tensor<4xf32>
}
//--- normrt.mlir
func.func @normrt_kernel_call(%x: tensor<4xf32>) -> tensor<4xf32> {
  %y = norm.relu %x : tensor<4xf32>
  return %y : tensor<4xf32>
}
//--- runtime_archive.mlir
func.func @normc_halide_runtime(%x: tensor<4xf32>) -> tensor<4xf32> {
  %y = norm.relu %x : tensor<4xf32>
  return %y : tensor<4xf32>
}
//--- c_keyword_for.mlir
func.func @for(%x: tensor<4xf32>) -> tensor<4xf32> {
  %y = norm.relu %x : tensor<4xf32>
  return %y : tensor<4xf32>
}
//--- c_keyword_int.mlir
func.func @int(%x: tensor<4xf32>) -> tensor<4xf32> {
  %y = norm.relu %x : tensor<4xf32>
  return %y : tensor<4xf32>
}
//--- c_keyword_return.mlir
func.func @return(%x: tensor<4xf32>) -> tensor<4xf32> {
  %y = norm.relu %x : tensor<4xf32>
  return %y : tensor<4xf32>
}
//--- cxx_keyword.mlir
func.func @class(%x: tensor<4xf32>) -> tensor<4xf32> {
  %y = norm.relu %x : tensor<4xf32>
  return %y : tensor<4xf32>
}
//--- type_suffix.mlir
func.func @size_t(%x: tensor<4xf32>) -> tensor<4xf32> {
  %y = norm.relu %x : tensor<4xf32>
  return %y : tensor<4xf32>
}
//--- underscore.mlir
func.func @_kernel(%x: tensor<4xf32>) -> tensor<4xf32> {
  %y = norm.relu %x : tensor<4xf32>
  return %y : tensor<4xf32>
}
//--- double_underscore.mlir
func.func @a__b(%x: tensor<4xf32>) -> tensor<4xf32> {
  %y = norm.relu %x : tensor<4xf32>
  return %y : tensor<4xf32>
}
//--- arg_user_context.mlir
func.func @f(%x: tensor<4xf32> {norm.name = "__user_context"}) -> tensor<4xf32> {
  %y = norm.relu %x : tensor<4xf32>
  return %y : tensor<4xf32>
}
//--- arg_macro.mlir
func.func @f(%x: tensor<4xf32> {norm.name = "errno"}) -> tensor<4xf32> {
  %y = norm.relu %x : tensor<4xf32>
  return %y : tensor<4xf32>
}
//--- arg_keyword.mlir
func.func @f(%x: tensor<4xf32> {norm.name = "double"}) -> tensor<4xf32> {
  %y = norm.relu %x : tensor<4xf32>
  return %y : tensor<4xf32>
}
//--- derived.mlir
func.func @f(%x: tensor<4xf32>) -> tensor<4xf32> {
  %y = norm.relu %x : tensor<4xf32>
  return %y : tensor<4xf32>
}
func.func @f_argv(%x: tensor<4xf32>) -> tensor<4xf32> {
  %y = norm.relu %x : tensor<4xf32>
  return %y : tensor<4xf32>
}
//--- derived_variant.mlir
func.func @g(%x: tensor<4xf32>) -> tensor<4xf32> {
  %y = norm.relu %x : tensor<4xf32>
  return %y : tensor<4xf32>
}
func.func @g_variant(%x: tensor<4xf32>) -> tensor<4xf32> {
  %y = norm.relu %x : tensor<4xf32>
  return %y : tensor<4xf32>
}
//--- library.mlir
func.func @lib_registry(%x: tensor<4xf32>) -> tensor<4xf32> {
  %y = norm.relu %x : tensor<4xf32>
  return %y : tensor<4xf32>
}
//--- arg_function_name.mlir
func.func @ok(%x: tensor<4xf32> {norm.name = "read"}, %h: tensor<4xf32> {norm.name = "h_t"})
    -> (tensor<4xf32> {norm.name = "std"}) {
  %y = norm.add %x, %h : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  return %y : tensor<4xf32>
}
