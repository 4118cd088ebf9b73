// Kernels of the integration tests' consumer program: a fused instance norm
// + ReLU with static shapes and a layer norm with dynamic ones.
func.func @consumer_in_relu(%x: tensor<2x3x5x7xf32> {norm.name = "x"},
                            %g: tensor<3xf32> {norm.name = "gamma"},
                            %b: tensor<3xf32> {norm.name = "beta"})
    -> (tensor<2x3x5x7xf32> {norm.name = "y"}) {
  %n = norm.instance_norm %x scale(%g) bias(%b) eps = 1.0e-05
      : (tensor<2x3x5x7xf32>, tensor<3xf32>, tensor<3xf32>) -> tensor<2x3x5x7xf32>
  %y = norm.relu %n : tensor<2x3x5x7xf32>
  return %y : tensor<2x3x5x7xf32>
}

func.func @consumer_ln(%x: tensor<?x?xf32> {norm.name = "x"}) -> (tensor<?x?xf32> {norm.name = "y"}) {
  %y = norm.layer_norm %x axis = 1 eps = 1.0e-05 : (tensor<?x?xf32>) -> tensor<?x?xf32>
  return %y : tensor<?x?xf32>
}
