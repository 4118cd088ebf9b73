// Kernels for device_test.cpp: compiled for host-opencl (the device tests)
// and for the host CPU (a kernel that cannot take device tensors).
func.func @dev_in(%x: tensor<?x?x?x?xf32>, %g: tensor<?xf32>, %b: tensor<?xf32>) -> tensor<?x?x?x?xf32> {
  %y = norm.instance_norm %x scale(%g) bias(%b) eps = 1.0e-05 : (tensor<?x?x?x?xf32>, tensor<?xf32>, tensor<?xf32>) -> tensor<?x?x?x?xf32>
  return %y : tensor<?x?x?x?xf32>
}
func.func @dev_relu(%x: tensor<2x3x5x7xf32>) -> tensor<2x3x5x7xf32> {
  %y = norm.relu %x : tensor<2x3x5x7xf32>
  return %y : tensor<2x3x5x7xf32>
}
