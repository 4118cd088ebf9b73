// A result's buffer is named after the result (norm.name, else
// result<i>) in every function of a file: the header's parameter does not
// depend on which functions came before. (Halide's Func(name) makes names
// unique per process; up to bceccff the second function's result was
// `result0$1`, `_result0__1_buffer` in its header.) @third is composed of
// separate pipelines (--fuse=none: two groups), whose outer pipeline names
// the results too. @fourth names its result like an internal Func of its
// own pipeline (an input's f32 view, "<arg>_in"): the internal one gives
// way.
// RUN: rm -rf %t && normc %s -o %t --emit=lib,header --fuse=none
// RUN: FileCheck %s --check-prefix=FIRST < %t/first.h
// RUN: FileCheck %s --check-prefix=SECOND < %t/second.h
// RUN: FileCheck %s --check-prefix=THIRD < %t/third.h
// RUN: FileCheck %s --check-prefix=FOURTH < %t/fourth.h

func.func @first(%x: tensor<1x4x8x8xf32>) -> tensor<1x4x8x8xf32> {
  %y = norm.instance_norm %x eps = 1.0e-05 : (tensor<1x4x8x8xf32>) -> tensor<1x4x8x8xf32>
  return %y : tensor<1x4x8x8xf32>
}

func.func @second(%x: tensor<1x4x8x8xf32>) -> tensor<1x4x8x8xf32> {
  %y = norm.instance_norm %x eps = 1.0e-05 : (tensor<1x4x8x8xf32>) -> tensor<1x4x8x8xf32>
  return %y : tensor<1x4x8x8xf32>
}

func.func @third(%x: tensor<1x4x8x8xf32>) -> tensor<1x4x8x8xf32> {
  %n = norm.instance_norm %x eps = 1.0e-05 : (tensor<1x4x8x8xf32>) -> tensor<1x4x8x8xf32>
  %y = norm.relu %n : tensor<1x4x8x8xf32>
  return %y : tensor<1x4x8x8xf32>
}

func.func @fourth(%x: tensor<1x4x8x8xf32>) -> (tensor<1x4x8x8xf32> {norm.name = "arg0_in"}) {
  %y = norm.instance_norm %x eps = 1.0e-05 : (tensor<1x4x8x8xf32>) -> tensor<1x4x8x8xf32>
  return %y : tensor<1x4x8x8xf32>
}

// FIRST: int first(void const *__user_context, struct halide_buffer_t *_arg0_buffer, struct halide_buffer_t *_result0_buffer);
// SECOND: int second(void const *__user_context, struct halide_buffer_t *_arg0_buffer, struct halide_buffer_t *_result0_buffer);
// THIRD: int third(void const *__user_context, struct halide_buffer_t *_arg0_buffer, struct halide_buffer_t *_result0_buffer);
// FOURTH: int fourth(void const *__user_context, struct halide_buffer_t *_arg0_buffer, struct halide_buffer_t *_arg0_in_buffer);
