// A style-transfer block, pad -> conv -> instance norm -> relu: one fused
// kernel by default, four with --no-fuse.
func.func @block(%x: tensor<1x4x8x8xf32>, %w: tensor<4x4x3x3xf32>) -> tensor<1x4x8x8xf32> {
  %p = norm.pad %x low = [0, 0, 1, 1] high = [0, 0, 1, 1] mode = "reflect"
      : (tensor<1x4x8x8xf32>) -> tensor<1x4x10x10xf32>
  %c = norm.conv2d %p, %w strides = [1, 1] padding = [0, 0, 0, 0] dilations = [1, 1] groups = 1
      : (tensor<1x4x10x10xf32>, tensor<4x4x3x3xf32>) -> tensor<1x4x8x8xf32>
  %n = norm.instance_norm %c eps = 1.0e-05 : (tensor<1x4x8x8xf32>) -> tensor<1x4x8x8xf32>
  %y = norm.relu %n : tensor<1x4x8x8xf32>
  return %y : tensor<1x4x8x8xf32>
}
