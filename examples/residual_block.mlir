// A style-transfer residual block (Johnson et al. 2016):
//   y = x + IN(conv(pad(ReLU(IN(conv(pad(x)))))))
// with reflection padding. `normc examples/residual_block.mlir -o out/`
// compiles it into one C function with two fused kernel groups (the second
// pad starts a new group; see docs/fusion.md); `--no-fuse` gives one group
// per op, for comparison.
func.func @residual_block(
    %x: tensor<1x64x64x64xf32> {norm.name = "x"},
    %w1: tensor<64x64x3x3xf32> {norm.name = "w1"}, %b1: tensor<64xf32> {norm.name = "b1"},
    %g1: tensor<64xf32> {norm.name = "gamma1"}, %be1: tensor<64xf32> {norm.name = "beta1"},
    %w2: tensor<64x64x3x3xf32> {norm.name = "w2"}, %b2: tensor<64xf32> {norm.name = "b2"},
    %g2: tensor<64xf32> {norm.name = "gamma2"}, %be2: tensor<64xf32> {norm.name = "beta2"})
    -> (tensor<1x64x64x64xf32> {norm.name = "y"}) {
  %p1 = norm.pad %x low = [0, 0, 1, 1] high = [0, 0, 1, 1] mode = "reflect"
      : (tensor<1x64x64x64xf32>) -> tensor<1x64x66x66xf32>
  %c1 = norm.conv2d %p1, %w1 bias(%b1) strides = [1, 1] padding = [0, 0, 0, 0]
      dilations = [1, 1] groups = 1
      : (tensor<1x64x66x66xf32>, tensor<64x64x3x3xf32>, tensor<64xf32>) -> tensor<1x64x64x64xf32>
  %n1 = norm.instance_norm %c1 scale(%g1) bias(%be1) eps = 1.0e-05
      : (tensor<1x64x64x64xf32>, tensor<64xf32>, tensor<64xf32>) -> tensor<1x64x64x64xf32>
  %r1 = norm.relu %n1 : tensor<1x64x64x64xf32>
  %p2 = norm.pad %r1 low = [0, 0, 1, 1] high = [0, 0, 1, 1] mode = "reflect"
      : (tensor<1x64x64x64xf32>) -> tensor<1x64x66x66xf32>
  %c2 = norm.conv2d %p2, %w2 bias(%b2) strides = [1, 1] padding = [0, 0, 0, 0]
      dilations = [1, 1] groups = 1
      : (tensor<1x64x66x66xf32>, tensor<64x64x3x3xf32>, tensor<64xf32>) -> tensor<1x64x64x64xf32>
  %n2 = norm.instance_norm %c2 scale(%g2) bias(%be2) eps = 1.0e-05
      : (tensor<1x64x64x64xf32>, tensor<64xf32>, tensor<64xf32>) -> tensor<1x64x64x64xf32>
  %y = norm.add %x, %n2
      : (tensor<1x64x64x64xf32>, tensor<1x64x64x64xf32>) -> tensor<1x64x64x64xf32>
  return %y : tensor<1x64x64x64xf32>
}
