func.func @f(%x: tensor<4xf32> {norm.name = "x"}) -> (tensor<4xf32> {norm.name = "x"}) {
  %y = norm.relu %x : tensor<4xf32>
  return %y : tensor<4xf32>
}
