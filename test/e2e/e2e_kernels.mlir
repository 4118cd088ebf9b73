// A dynamic-shape kernel for the runtime end-to-end tests: every relation
// between argument shapes is checked at run time.
func.func @gn4_dynamic(%x: tensor<?x?x?x?xf32> {norm.name = "x"},
                       %g: tensor<?xf32> {norm.name = "gamma"},
                       %b: tensor<?xf32> {norm.name = "beta"})
    -> (tensor<?x?x?x?xf32> {norm.name = "y"}) {
  %y = norm.group_norm %x groups = 4 scale(%g) bias(%b) eps = 1.0e-05
      : (tensor<?x?x?x?xf32>, tensor<?xf32>, tensor<?xf32>) -> tensor<?x?x?x?xf32>
  return %y : tensor<?x?x?x?xf32>
}

// f16 storage through the runtime (statistics in f32 inside the kernel).
func.func @in_f16_e2e(%x: tensor<?x?x?x?xf16> {norm.name = "x"})
    -> (tensor<?x?x?x?xf16> {norm.name = "y"}) {
  %y = norm.instance_norm %x eps = 1.0e-05 : (tensor<?x?x?x?xf16>) -> tensor<?x?x?x?xf16>
  return %y : tensor<?x?x?x?xf16>
}
