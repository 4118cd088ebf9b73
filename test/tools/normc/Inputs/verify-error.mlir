// A verifier error on line 3: 4 scale elements for 8 channels.
func.func @f(%x: tensor<1x8x4x4xf32>, %g: tensor<4xf32>) -> tensor<1x8x4x4xf32> {
  %y = norm.instance_norm %x scale(%g) eps = 1.0e-05 : (tensor<1x8x4x4xf32>, tensor<4xf32>) -> tensor<1x8x4x4xf32>
  return %y : tensor<1x8x4x4xf32>
}
