// Workloads of the GPU benchmark (bench/gpu/gpu_bench.cpp), dynamic shapes so
// that one kernel serves the large (--full) and the small (--smoke) sizes.
func.func @gb_in(%x: tensor<?x?x?x?xf32>, %g: tensor<?xf32>, %b: tensor<?xf32>) -> tensor<?x?x?x?xf32> {
  %y = norm.instance_norm %x scale(%g) bias(%b) eps = 1.0e-05 : (tensor<?x?x?x?xf32>, tensor<?xf32>, tensor<?xf32>) -> tensor<?x?x?x?xf32>
  return %y : tensor<?x?x?x?xf32>
}
func.func @gb_gn32(%x: tensor<?x?x?x?xf32>, %g: tensor<?xf32>, %b: tensor<?xf32>) -> tensor<?x?x?x?xf32> {
  %y = norm.group_norm %x groups = 32 scale(%g) bias(%b) eps = 1.0e-05 : (tensor<?x?x?x?xf32>, tensor<?xf32>, tensor<?xf32>) -> tensor<?x?x?x?xf32>
  return %y : tensor<?x?x?x?xf32>
}
func.func @gb_ln(%x: tensor<?x?x?x?xf32>) -> tensor<?x?x?x?xf32> {
  %y = norm.layer_norm %x axis = 1 eps = 1.0e-05 : (tensor<?x?x?x?xf32>) -> tensor<?x?x?x?xf32>
  return %y : tensor<?x?x?x?xf32>
}
func.func @gb_block(%x: tensor<?x64x?x?xf32>, %w: tensor<64x64x3x3xf32>) -> tensor<?x64x?x?xf32> {
  %c = norm.conv2d %x, %w strides = [1, 1] padding = [1, 1, 1, 1] dilations = [1, 1] groups = 1 : (tensor<?x64x?x?xf32>, tensor<64x64x3x3xf32>) -> tensor<?x64x?x?xf32>
  %n = norm.instance_norm %c eps = 1.0e-05 : (tensor<?x64x?x?xf32>) -> tensor<?x64x?x?xf32>
  %y = norm.relu %n : tensor<?x64x?x?xf32>
  return %y : tensor<?x64x?x?xf32>
}
