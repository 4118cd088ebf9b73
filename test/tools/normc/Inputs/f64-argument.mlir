// The f64 argument is unused, so no norm op rejects it; code generation must.
func.func @f(%x: tensor<4xf32>, %h: tensor<4xf64>) -> tensor<4xf32> {
  %y = norm.relu %x : tensor<4xf32>
  return %y : tensor<4xf32>
}
