func.func @f(%x: tensor<4xf64>) -> tensor<4xf64> {
  %y = norm.relu %x : tensor<4xf64>
  return %y : tensor<4xf64>
}
