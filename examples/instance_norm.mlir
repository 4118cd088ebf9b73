// Instance norm with a per-channel affine, followed by ReLU: the block that
// dominates style-transfer networks. `normc` compiles @instance_norm_relu into
// instance_norm_relu.a and instance_norm_relu.h.
func.func @instance_norm_relu(%x: tensor<2x16x64x64xf32> {norm.name = "x"},
                              %gamma: tensor<16xf32> {norm.name = "gamma"},
                              %beta: tensor<16xf32> {norm.name = "beta"})
    -> (tensor<2x16x64x64xf32> {norm.name = "y"}) {
  %n = norm.instance_norm %x scale(%gamma) bias(%beta) eps = 1.0e-05
      : (tensor<2x16x64x64xf32>, tensor<16xf32>, tensor<16xf32>)
      -> tensor<2x16x64x64xf32>
  %y = norm.relu %n : tensor<2x16x64x64xf32>
  return %y : tensor<2x16x64x64xf32>
}
