// A reshape that splits a dimension: not an index remapping halide_gen has.
func.func @f(%s: tensor<8xf32>) -> tensor<2x4xf32> {
  %e = tensor.expand_shape %s [[0, 1]] output_shape [2, 4] : tensor<8xf32> into tensor<2x4xf32>
  %y = norm.relu %e : tensor<2x4xf32>
  return %y : tensor<2x4xf32>
}
