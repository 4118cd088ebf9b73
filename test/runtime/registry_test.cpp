//===- registry_test.cpp - normrt_registry.h on hand-written tables -------===//
//
// Lookups and the checks normrt_registry_call makes before a kernel runs.
// The kernel here must never run: its entry points count calls. (Calls
// that pass the checks are covered with real normc tables by the
// integration consumer, test/integration/consumer/main.c.)
//
//===----------------------------------------------------------------------===//
#include "normrt.h"

#include <gtest/gtest.h>

#include <string>

namespace {

int gCalls = 0;
int fakeArgv(void **) { return ++gCalls, 0; }
const struct halide_filter_metadata_t *fakeMetadata() { return ++gCalls, nullptr; }

const int64_t kX[] = {2, 3, -1, 8};
const int64_t kG[] = {3};
const normrt_arg_info_t kArgs[] = {
    {"x", 0, NORMRT_DTYPE_F32, 4, kX},
    {"gamma", 0, NORMRT_DTYPE_F16, 1, kG},
    {"y", 1, NORMRT_DTYPE_F32, 4, kX},
};
const normrt_kernel_entry_t kKernels[] = {
    {{"norm_a", fakeArgv, fakeMetadata, nullptr}, "host", 3, kArgs, nullptr},
    {{"norm_b", fakeArgv, fakeMetadata, nullptr}, "host", 3, kArgs, nullptr},
};
const normrt_registry_t kRegistry = {"lib", 2, kKernels};

std::string lastError() { return normrt_last_error(); }

struct Tensors {
  float x[2 * 3 * 5 * 8] = {}, y[2 * 3 * 5 * 8] = {};
  uint16_t g[3] = {};
  normrt_tensor_t tx, tg, ty;
  const normrt_tensor_t *args[3] = {&tx, &tg, &ty};
  Tensors(int64_t w = 8, normrt_dtype_t gType = NORMRT_DTYPE_F16, int32_t yRank = 4) {
    int64_t xs[4] = {2, 3, 5, w}, gs[1] = {3};
    normrt_tensor_init(&tx, x, NORMRT_DTYPE_F32, 4, xs, nullptr);
    normrt_tensor_init(&tg, g, gType, 1, gs, nullptr);
    normrt_tensor_init(&ty, y, NORMRT_DTYPE_F32, yRank, xs, nullptr);
  }
};

} // namespace

TEST(Registry, SizeAndIndex) {
  EXPECT_EQ(normrt_registry_size(&kRegistry), 2);
  EXPECT_STREQ(normrt_registry_at(&kRegistry, 1)->kernel.name, "norm_b");
  EXPECT_EQ(normrt_registry_at(&kRegistry, 2), nullptr);
  EXPECT_NE(lastError().find("index 2 is not in 0..1 of library 'lib'"), std::string::npos);
  EXPECT_EQ(normrt_registry_at(&kRegistry, -1), nullptr);
  EXPECT_EQ(normrt_registry_size(nullptr), -1);
  EXPECT_NE(lastError().find("registry is NULL"), std::string::npos);
}

TEST(Registry, FindByNameListsTheKernelsWhenMissing) {
  EXPECT_EQ(normrt_registry_find(&kRegistry, "norm_b"), &kKernels[1]);
  EXPECT_EQ(normrt_registry_find(&kRegistry, "norm_c"), nullptr);
  EXPECT_EQ(lastError(), "normrt_registry_find: library 'lib' has no kernel 'norm_c' (it has: "
                         "norm_a, norm_b)");
  EXPECT_EQ(normrt_registry_find(&kRegistry, nullptr), nullptr);
  EXPECT_EQ(normrt_registry_find(nullptr, "norm_a"), nullptr);
}

TEST(Registry, CallChecksAgainstTheTableBeforeRunning) {
  gCalls = 0;
  {
    Tensors t;
    EXPECT_EQ(normrt_registry_call(&kRegistry, "norm_x", t.args, 3), NORMRT_STATUS_NOT_FOUND);
    EXPECT_EQ(normrt_registry_call(nullptr, "norm_a", t.args, 3),
              NORMRT_STATUS_INVALID_ARGUMENT);
    EXPECT_EQ(normrt_registry_call(&kRegistry, "norm_a", t.args, 2),
              NORMRT_STATUS_INVALID_ARGUMENT);
    EXPECT_EQ(lastError(), "lib.norm_a: 2 tensors given, the kernel takes 3");
  }
  {
    Tensors t(9); // dimension 3 is static (8); dimension 2 is dynamic
    EXPECT_EQ(normrt_registry_call(&kRegistry, "norm_a", t.args, 3),
              NORMRT_STATUS_SHAPE_MISMATCH);
    EXPECT_EQ(lastError(), "lib.norm_a: tensor 'x' has extent 9 in dimension 3, the kernel "
                           "was compiled for 8");
  }
  {
    Tensors t(8, NORMRT_DTYPE_F32);
    EXPECT_EQ(normrt_registry_call(&kRegistry, "norm_a", t.args, 3),
              NORMRT_STATUS_DTYPE_MISMATCH);
    EXPECT_EQ(lastError(), "lib.norm_a: tensor 'gamma' is f32, the kernel takes f16");
  }
  {
    Tensors t(8, NORMRT_DTYPE_F16, 3);
    EXPECT_EQ(normrt_registry_call(&kRegistry, "norm_a", t.args, 3),
              NORMRT_STATUS_SHAPE_MISMATCH);
    EXPECT_EQ(lastError(), "lib.norm_a: tensor 'y' has rank 3, the kernel takes rank 4");
  }
  {
    Tensors t;
    t.args[1] = nullptr;
    EXPECT_EQ(normrt_registry_call(&kRegistry, "norm_a", t.args, 3),
              NORMRT_STATUS_INVALID_ARGUMENT);
    EXPECT_EQ(lastError(), "lib.norm_a: tensor 'gamma' is NULL");
  }
  EXPECT_EQ(gCalls, 0) << "a rejected call reached the kernel";
}
