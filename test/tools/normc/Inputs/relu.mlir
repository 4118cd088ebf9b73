// A valid input for the command-line error tests.
func.func @f(%x: tensor<4xf32>) -> tensor<4xf32> {
  %y = norm.relu %x : tensor<4xf32>
  return %y : tensor<4xf32>
}
