// llc's options for the streaming-stores path (halide_gen/StreamingStores.h)
// come from the module flags Halide 14 writes into its LLVM IR. These tests
// make IR with Halide itself, so they follow what Halide really writes, and
// check that each flag reaches llc as Halide's own code generation would
// use it (CodeGen_Internal.cpp in Halide 14: get_target_options,
// make_target_machine).
#include "StreamingStores.h"

#include "Halide.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <unistd.h>
#include <vector>

namespace {

/// Halide's LLVM IR of y(x) = in(x) * 2 + 1, strict_float or not.
std::string halideIR(bool strict, const Halide::Target &target) {
  Halide::ImageParam in(Halide::Float(32), 1, "in");
  Halide::Var x("x");
  Halide::Func y("y");
  Halide::Expr e = in(x) * 2.0f + 1.0f;
  y(x) = strict ? Halide::strict_float(e) : e;
  y.vectorize(x, 8);
  Halide::Module module = y.compile_to_module({in}, "y", target);
  char path[] = "/tmp/normc-streaming-test-XXXXXX";
  int fd = mkstemp(path);
  if (fd < 0)
    throw std::runtime_error("mkstemp failed");
  close(fd);
  module.compile({{Halide::OutputFileType::llvm_assembly, path}});
  std::ifstream file(path);
  std::stringstream text;
  text << file.rdbuf();
  std::remove(path);
  return text.str();
}

bool has(const std::vector<std::string> &options, const std::string &option) {
  return std::find(options.begin(), options.end(), option) != options.end();
}

const char *const kGlobalFastMath[] = {"--fp-contract=fast", "--enable-unsafe-fp-math",
                                       "--enable-no-infs-fp-math", "--enable-no-nans-fp-math",
                                       "--enable-sign-dependent-rounding-fp-math"};

TEST(LlcCodegenOptions, PlainPipelineGetsGlobalFastMath) {
  const auto options =
      normc::llcCodegenOptions(halideIR(false, Halide::Target("x86-64-linux-avx2-fma-sse41")));
  for (const char *flag : kGlobalFastMath)
    EXPECT_TRUE(has(options, flag)) << flag;
  EXPECT_FALSE(has(options, "--fp-contract=off"));
  EXPECT_TRUE(has(options, "-relocation-model=pic")); // Halide writes halide_use_pic = 1
  EXPECT_FALSE(has(options, "-code-model=large"));
  EXPECT_TRUE(has(options, "-O3"));
}

TEST(LlcCodegenOptions, StrictFloatKeepsPerInstructionFlags) {
  // A strict_float expression makes Halide set
  // halide_per_instruction_fast_math_flags: nothing may be fused or
  // reassociated globally (normc's shifted moments rely on it).
  const auto options =
      normc::llcCodegenOptions(halideIR(true, Halide::Target("x86-64-linux-avx2-fma-sse41")));
  EXPECT_TRUE(has(options, "--fp-contract=off"));
  for (const char *flag : kGlobalFastMath)
    EXPECT_FALSE(has(options, flag)) << flag;
}

TEST(LlcCodegenOptions, CpuAndFeaturesFollowTheTarget) {
  const auto options = normc::llcCodegenOptions(
      halideIR(false, Halide::Target("x86-64-linux-avx512-avx512_skylake-avx2-fma-sse41")));
  EXPECT_TRUE(has(options, "-mcpu=skylake-avx512"));
  const auto attrs = std::find_if(options.begin(), options.end(), [](const std::string &o) {
    return o.rfind("-mattr=", 0) == 0;
  });
  ASSERT_NE(attrs, options.end());
  EXPECT_NE(attrs->find("+avx512f"), std::string::npos) << *attrs;
}

TEST(LlcCodegenOptions, IntegerFlagsAreRead) {
  // Halide never writes these values for normc's targets; the text is the
  // form LLVM 14 prints module flags in.
  const std::string ir = "!0 = !{i32 2, !\"halide_use_pic\", i32 0}\n"
                         "!1 = !{i32 2, !\"halide_use_large_code_model\", i32 1}\n"
                         "!2 = !{i32 2, !\"halide_per_instruction_fast_math_flags\", i32 0}\n";
  const auto options = normc::llcCodegenOptions(ir);
  EXPECT_TRUE(has(options, "-relocation-model=static"));
  EXPECT_FALSE(has(options, "-relocation-model=pic"));
  EXPECT_TRUE(has(options, "-code-model=large"));
  EXPECT_TRUE(has(options, "--fp-contract=fast"));
}

TEST(LlcCodegenOptions, MissingFlagsGiveHalidesDefaults) {
  const auto options = normc::llcCodegenOptions("; no module flags\n");
  EXPECT_TRUE(has(options, "-relocation-model=pic"));
  EXPECT_TRUE(has(options, "--fp-contract=fast"));
  EXPECT_TRUE(std::none_of(options.begin(), options.end(), [](const std::string &o) {
    return o.rfind("-mcpu=", 0) == 0 || o.rfind("-mattr=", 0) == 0;
  }));
}

} // namespace
