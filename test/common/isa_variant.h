//===- isa_variant.h - which x86 variants of a multitarget library run here -===//
//
// The x86 multitarget test libraries have four variants (their suffixes:
// avx512_sapphirerapids, avx512_skylake, avx2, base). The variant builds of the numerics suites
// (NORMC_TEST_ISA_VARIANT="<suffix>") skip every test, visibly, on a CPU
// that lacks the variant's instruction sets; the dispatch test derives from
// the same table which variant the library must choose. Written apart from
// normc's dispatcher (which asks Halide's runtime): cpuid via the compiler.
//
//===----------------------------------------------------------------------===//
#ifndef NORMC_TEST_COMMON_ISA_VARIANT_H_
#define NORMC_TEST_COMMON_ISA_VARIANT_H_

#include <gtest/gtest.h>

#include <cstdio>
#include <cstring>
#include <string>

namespace normc_test {

/// The variants in the order of the library's --target list.
inline const char *const kX86VariantSuffixes[] = {"avx512_sapphirerapids", "avx512_skylake",
                                                  "avx2", "base"};
inline constexpr int kX86VariantCount = 4;

/// "" when this CPU has every instruction set of variant `suffix`, else the
/// first one it lacks. The sets are what Halide's x86 back end uses for the
/// feature: avx512_skylake = AVX-512 F, CD, BW, DQ, VL; avx2 = AVX2, FMA,
/// F16C; avx512_sapphirerapids = Skylake's, Cannon Lake's IFMA and VBMI,
/// VNNI, BF16 and FP16 (LLVM's sapphirerapids CPU emits FP16 instructions,
/// which Halide's own run-time check does not test for).
inline std::string cpuLacksForVariant(const char *suffix) {
  __builtin_cpu_init();
  struct Need {
    const char *variant;
    const char *isa;
    bool has;
  };
  const bool skylake = __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512cd") &&
                       __builtin_cpu_supports("avx512bw") && __builtin_cpu_supports("avx512dq") &&
                       __builtin_cpu_supports("avx512vl");
  const Need needs[] = {
      {"avx512_sapphirerapids", "avx512f, cd, bw, dq or vl", skylake},
      {"avx512_sapphirerapids", "avx512ifma", (bool)__builtin_cpu_supports("avx512ifma")},
      {"avx512_sapphirerapids", "avx512vbmi", (bool)__builtin_cpu_supports("avx512vbmi")},
      {"avx512_sapphirerapids", "avx512vnni", (bool)__builtin_cpu_supports("avx512vnni")},
      {"avx512_sapphirerapids", "avx512bf16", (bool)__builtin_cpu_supports("avx512bf16")},
      {"avx512_sapphirerapids", "avx512fp16", (bool)__builtin_cpu_supports("avx512fp16")},
      {"avx512_skylake", "avx512f", (bool)__builtin_cpu_supports("avx512f")},
      {"avx512_skylake", "avx512cd", (bool)__builtin_cpu_supports("avx512cd")},
      {"avx512_skylake", "avx512bw", (bool)__builtin_cpu_supports("avx512bw")},
      {"avx512_skylake", "avx512dq", (bool)__builtin_cpu_supports("avx512dq")},
      {"avx512_skylake", "avx512vl", (bool)__builtin_cpu_supports("avx512vl")},
      {"avx2", "avx2", (bool)__builtin_cpu_supports("avx2")},
      {"avx2", "fma", (bool)__builtin_cpu_supports("fma")},
      {"avx2", "f16c", (bool)__builtin_cpu_supports("f16c")},
  };
  for (const Need &n : needs)
    if (std::strcmp(n.variant, suffix) == 0 && !n.has)
      return n.isa;
  return "";
}

#ifdef NORMC_TEST_ISA_VARIANT
class IsaVariantEnvironment : public ::testing::Environment {
public:
  void SetUp() override {
    std::string lacks = cpuLacksForVariant(NORMC_TEST_ISA_VARIANT);
    if (!lacks.empty()) {
      // ctest reads this line (SKIP_REGULAR_EXPRESSION) and reports the
      // tests skipped; gtest alone would count them as passed.
      std::fprintf(stderr, "SKIPPED: this CPU lacks %s: the %s variant did not run\n",
                   lacks.c_str(), NORMC_TEST_ISA_VARIANT);
      GTEST_SKIP() << "CPU lacks " << lacks;
    }
  }
};

inline ::testing::Environment *const kIsaVariantEnvironment =
    ::testing::AddGlobalTestEnvironment(new IsaVariantEnvironment);
#endif

} // namespace normc_test

#endif // NORMC_TEST_COMMON_ISA_VARIANT_H_
