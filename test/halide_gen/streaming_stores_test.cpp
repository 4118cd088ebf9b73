// llc's options for the streaming-stores path (halide_gen/StreamingStores.h)
// come from the module flags Halide 14 writes into its LLVM IR. These tests
// make IR with Halide itself, so they follow what Halide really writes, and
// check that each flag reaches llc as Halide's own code generation would
// use it (CodeGen_Internal.cpp in Halide 14: get_target_options,
// make_target_machine). One more test rewrites made-up IR: the stores of
// f16 vectors.
#include "StreamingStores.h"

#include "Halide.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
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

namespace {

/// A made-up module in Halide 14's style: the result buffer "y" tagged by
/// TBAA, two full-vector f16 stores into it (a constant value, a quoted
/// pointer name) and one f32 store into another buffer.
const char *const kHalfStoresIR = R"ir(define void @f(<16 x half> %v, <16 x half>* %"y.ptr", <16 x half>* %p2, <8 x float>* %q) {
entry:
  store <16 x half> zeroinitializer, <16 x half>* %"y.ptr", align 2, !tbaa !7
  store <16 x half> %v, <16 x half>* %p2, align 2, !tbaa !7
  store <8 x float> zeroinitializer, <8 x float>* %q, align 4, !tbaa !9
  ret void
}

!5 = !{!"Halide buffer"}
!6 = !{!"y", !5, i64 0}
!7 = !{!6, !6, i64 0}
!8 = !{!"other", !5, i64 0}
!9 = !{!8, !8, i64 0}
)ir";

size_t count(const std::string &text, const std::string &what) {
  size_t n = 0;
  for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1))
    ++n;
  return n;
}

} // namespace

// f16 vectors are stored as i16 lanes, cast in the store's own block
// (StreamingStores.cpp says why); other buffers are left alone.
TEST(RewriteStoresAsStreaming, HalfVectorsStoredAsI16Lanes) {
  int rewritten = -1;
  const std::string out = normc::rewriteStoresAsStreaming(kHalfStoresIR, {"y"}, rewritten);
  EXPECT_EQ(rewritten, 2);
  EXPECT_EQ(count(out, "store <16 x half>"), 0u) << out;
  EXPECT_NE(out.find("%normc_stream0_bits = bitcast <16 x half> zeroinitializer to <16 x i16>"),
            std::string::npos)
      << out;
  EXPECT_NE(out.find("%normc_stream0_ptr = bitcast <16 x half>* %\"y.ptr\" to <16 x i16>*"),
            std::string::npos)
      << out;
  EXPECT_NE(out.find("call void @normc_stream_store_16xi16(<16 x i16> %normc_stream1_bits, "
                     "<16 x i16>* %normc_stream1_ptr)"),
            std::string::npos)
      << out;
  EXPECT_EQ(count(out, "define internal void @normc_stream_store_16xi16"), 1u) << out;
  EXPECT_EQ(count(out, "!nontemporal"), 1u) << out; // the helper's one store
  EXPECT_EQ(count(out, "store <8 x float> zeroinitializer, <8 x float>* %q"), 1u) << out;
  EXPECT_EQ(count(out, "call void @llvm.x86.sse.sfence()"), 1u) << out;
  // The result is valid LLVM 14 IR.
  if (access("/usr/bin/llvm-as-14", X_OK) != 0)
    GTEST_SKIP() << "llvm-as-14 not installed: the IR's validity is not checked";
  char path[] = "/tmp/normc-streaming-half-XXXXXX";
  int fd = mkstemp(path);
  ASSERT_GE(fd, 0);
  close(fd);
  {
    std::ofstream file(path);
    file << out;
  }
  const std::string command =
      std::string("/usr/bin/llvm-as-14 -o /dev/null ") + path + " 2>&1";
  EXPECT_EQ(std::system(command.c_str()), 0) << out;
  std::remove(path);
}
