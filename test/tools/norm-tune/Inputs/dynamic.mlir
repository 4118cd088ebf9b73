func.func @dyn(%x: tensor<?x8x16x16xf32>) -> tensor<?x8x16x16xf32> {
  %y = norm.instance_norm %x eps = 1.0e-05 : (tensor<?x8x16x16xf32>) -> tensor<?x8x16x16xf32>
  return %y : tensor<?x8x16x16xf32>
}
