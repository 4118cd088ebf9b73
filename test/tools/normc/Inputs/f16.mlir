func.func @f(%x: tensor<4xf16>) -> tensor<4xf16> {
  %y = norm.relu %x : tensor<4xf16>
  return %y : tensor<4xf16>
}
