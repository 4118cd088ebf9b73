// The miscompiled @f of wrong-results.mlir: the same signature, no ReLU.
func.func @f(%x: tensor<2x8x16x16xf32>) -> tensor<2x8x16x16xf32> {
  %y = norm.instance_norm %x eps = 1.0e-05 : (tensor<2x8x16x16xf32>) -> tensor<2x8x16x16xf32>
  return %y : tensor<2x8x16x16xf32>
}
