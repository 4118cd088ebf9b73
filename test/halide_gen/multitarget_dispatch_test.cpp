//===- multitarget_dispatch_test.cpp - the x86 multitarget dispatcher -----===//
//
// The libraries of mt_numerics_kernels / mt_conv_kernels hold four
// variants each (avx512_sapphirerapids, avx512_skylake, avx2, x86-64
// baseline). The numerics of
// every variant are the variant builds of the suites (mt_*_test_<suffix>);
// here: the dispatcher picks the first variant this CPU supports (derived
// independently, from cpuid via isa_variant.h), runs exactly that one, and
// normrt calls multitarget kernels and single variants alike.
//
//===----------------------------------------------------------------------===//
#include "in2d_dyn_affine.h"
#include "residual_block.h"

#include "compare.h"
#include "data.h"
#include "halide_call.h"
#include "isa_variant.h"
#include "normrt.h"
#include "normrt_view.h"
#include "reference.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <cstring>
#include <vector>

using namespace normc_test;

namespace {

// The --target list of test/halide_gen/CMakeLists.txt, in order.
const char *const kTargets[kX86VariantCount] = {
    "x86-64-linux-avx512_sapphirerapids", "x86-64-linux-avx512_skylake", "x86-64-linux-avx2",
    "x86-64-linux"};

int variantThisCpuRuns() {
  for (int i = 0; i + 1 < kX86VariantCount; ++i)
    if (cpuLacksForVariant(kX86VariantSuffixes[i]).empty())
      return i;
  return kX86VariantCount - 1; // the baseline runs on any x86-64
}

using InKernel = int (*)(const void *, halide_buffer_t *, halide_buffer_t *, halide_buffer_t *,
                         halide_buffer_t *);
const InKernel kInVariants[kX86VariantCount] = {
    in2d_dyn_affine__avx512_sapphirerapids, in2d_dyn_affine__avx512_skylake,
    in2d_dyn_affine__avx2, in2d_dyn_affine__base};

struct InCase {
  Shape shape{2, 3, 17, 19};
  std::vector<float> x, g, b;
  InCase() {
    x = randomPlanes(shape, 17 * 19, 3.0, 2.0, 11);
    g = randomVector(3, 0.5, 2.0, 12);
    b = randomVector(3, -1.0, 1.0, 13);
  }
  std::vector<float> run(InKernel k) {
    std::vector<float> y(x.size(), -999.0f);
    HostBuffer xb(x, shape), gb(g, {3}), bb(b, {3}), yb(y, shape);
    EXPECT_EQ(callKernel(k, xb.get(), gb.get(), bb.get(), yb.get()), 0);
    return y;
  }
};

} // namespace

TEST(Dispatch, EveryLibraryPicksTheFirstVariantThisCpuHas) {
  const int want = variantThisCpuRuns();
  std::printf("this CPU runs variant %d (%s)\n", want, kTargets[want]);
  EXPECT_EQ(in2d_dyn_affine_variant(), want);
  EXPECT_EQ(residual_block_variant(), want);
  // The choice is cached: asking again gives the same answer.
  EXPECT_EQ(in2d_dyn_affine_variant(), want);
}

TEST(Dispatch, HeaderListsTheVariantsInTargetOrder) {
  ASSERT_EQ(in2d_dyn_affine_VARIANT_COUNT, kX86VariantCount);
  for (int i = 0; i < kX86VariantCount; ++i)
    EXPECT_STREQ(in2d_dyn_affine_variant_target(i), kTargets[i]);
  EXPECT_EQ(in2d_dyn_affine_variant_target(-1), nullptr);
  EXPECT_EQ(in2d_dyn_affine_variant_target(kX86VariantCount), nullptr);
}

TEST(Dispatch, EntryPointRunsTheChosenVariant) {
  // Variants round differently (FMA contraction, vector widths), so the
  // dispatcher's output is bit for bit that of the variant it chose.
  InCase c;
  const int want = variantThisCpuRuns();
  std::vector<float> dispatched = c.run(in2d_dyn_affine);
  std::vector<float> chosen = c.run(kInVariants[want]);
  EXPECT_EQ(std::memcmp(dispatched.data(), chosen.data(), chosen.size() * sizeof(float)), 0);
  // f32 statistics over 323-element planes: the suites' instance-norm
  // tolerance (numerics_test.cpp, kF32Atol/kF32Rtol).
  auto ref = instanceNormRef(c.x, c.shape, &c.g, &c.b, 1e-5);
  EXPECT_TRUE(allClose(dispatched, ref, c.shape, 2e-5, 2e-5));
}

TEST(Dispatch, NormrtCallsTheLibraryAndEachVariantThisCpuRuns) {
  const normrt_kernel_t library = NORMRT_KERNEL(in2d_dyn_affine);
  const normrt_kernel_t variants[kX86VariantCount] = {
      NORMRT_KERNEL(in2d_dyn_affine__avx512_sapphirerapids),
      NORMRT_KERNEL(in2d_dyn_affine__avx512_skylake), NORMRT_KERNEL(in2d_dyn_affine__avx2),
      NORMRT_KERNEL(in2d_dyn_affine__base)};
  InCase c;
  auto ref = instanceNormRef(c.x, c.shape, &c.g, &c.b, 1e-5);
  auto call = [&](const normrt_kernel_t &k) {
    std::vector<float> y(c.x.size(), -999.0f);
    normrt_tensor_t tx = tensorOf(c.x, c.shape), tg = tensorOf(c.g, {3}),
                    tb = tensorOf(c.b, {3}), ty = tensorOf(y, c.shape);
    const normrt_tensor_t *args[] = {&tx, &tg, &tb, &ty};
    EXPECT_EQ(normrt_kernel_call(&k, args, 4), NORMRT_STATUS_OK) << normrt_last_error();
    EXPECT_TRUE(allClose(y, ref, c.shape, 2e-5, 2e-5)) << k.name;
  };
  EXPECT_EQ(normrt_kernel_num_args(&library), 4);
  call(library);
  for (int i = 0; i < kX86VariantCount; ++i) {
    if (!cpuLacksForVariant(kX86VariantSuffixes[i]).empty()) {
      std::printf("variant %s: not run (this CPU lacks %s)\n", kTargets[i],
                  cpuLacksForVariant(kX86VariantSuffixes[i]).c_str());
      continue;
    }
    call(variants[i]);
  }
}
