// Adaptive instance normalization (style transfer): the content features take
// the per-channel mean and standard deviation of the style features. The style
// may have another spatial size; alpha = 0.8 keeps 20% of the content.
// normc examples/adain.mlir -o out/   ->   out/adain.a, out/adain.h
func.func @adain(%content: tensor<1x64x64x64xf32> {norm.name = "content"},
                 %style: tensor<1x64x48x48xf32> {norm.name = "style"})
    -> (tensor<1x64x64x64xf32> {norm.name = "y"}) {
  %y = norm.adain %content, %style alpha = 0.8 eps = 1.0e-05
      : (tensor<1x64x64x64xf32>, tensor<1x64x48x48xf32>) -> tensor<1x64x64x64xf32>
  return %y : tensor<1x64x64x64xf32>
}
