func.func @f(%x: tensor<4xf32> {norm.name = "my x"}) -> tensor<4xf32> {
  %y = norm.relu %x : tensor<4xf32>
  return %y : tensor<4xf32>
}
