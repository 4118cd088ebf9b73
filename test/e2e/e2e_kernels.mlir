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

// Static planes whose rows (13) end in a partial vector: the kernels carry a
// specialization for rows that lie end to end in memory (one tail per
// plane) and the per-row code for strided views. Both are called.
func.func @in_rows13(%x: tensor<2x3x7x13xf32> {norm.name = "x"},
                     %g: tensor<3xf32> {norm.name = "gamma"},
                     %b: tensor<3xf32> {norm.name = "beta"})
    -> (tensor<2x3x7x13xf32> {norm.name = "y"}) {
  %y = norm.instance_norm %x scale(%g) bias(%b) eps = 1.0e-05
      : (tensor<2x3x7x13xf32>, tensor<3xf32>, tensor<3xf32>) -> tensor<2x3x7x13xf32>
  return %y : tensor<2x3x7x13xf32>
}

func.func @gn_rows13(%x: tensor<2x8x7x13xf32> {norm.name = "x"},
                     %g: tensor<8xf32> {norm.name = "gamma"},
                     %b: tensor<8xf32> {norm.name = "beta"})
    -> (tensor<2x8x7x13xf32> {norm.name = "y"}) {
  %y = norm.group_norm %x groups = 4 scale(%g) bias(%b) eps = 1.0e-05
      : (tensor<2x8x7x13xf32>, tensor<8xf32>, tensor<8xf32>) -> tensor<2x8x7x13xf32>
  return %y : tensor<2x8x7x13xf32>
}

func.func @ln_rows13(%x: tensor<2x3x7x13xf32> {norm.name = "x"},
                     %g: tensor<3x7x13xf32> {norm.name = "gamma"},
                     %b: tensor<3x7x13xf32> {norm.name = "beta"})
    -> (tensor<2x3x7x13xf32> {norm.name = "y"}) {
  %y = norm.layer_norm %x axis = 1 scale(%g) bias(%b) eps = 1.0e-05
      : (tensor<2x3x7x13xf32>, tensor<3x7x13xf32>, tensor<3x7x13xf32>) -> tensor<2x3x7x13xf32>
  return %y : tensor<2x3x7x13xf32>
}
