// Tests for normrt_tensor.h: dtypes, tensor_init, numel, contiguity.
#include <gtest/gtest.h>

#include <cstdint>
#include <cstring>
#include <string>

#include "normrt.h"

namespace {

std::string LastError() { return normrt_last_error(); }

TEST(DtypeTest, SizesAndNames) {
  struct Case {
    normrt_dtype_t dtype;
    size_t size;
    const char *name;
  };
  const Case cases[] = {
      {NORMRT_DTYPE_F32, 4, "f32"},   {NORMRT_DTYPE_F16, 2, "f16"},
      {NORMRT_DTYPE_BF16, 2, "bf16"}, {NORMRT_DTYPE_F64, 8, "f64"},
      {NORMRT_DTYPE_I32, 4, "i32"},   {NORMRT_DTYPE_I8, 1, "i8"},
      {NORMRT_DTYPE_U8, 1, "u8"},
  };
  for (const Case &c : cases) {
    EXPECT_EQ(normrt_dtype_size(c.dtype), c.size) << c.name;
    EXPECT_STREQ(normrt_dtype_name(c.dtype), c.name);
  }
}

TEST(DtypeTest, InvalidDtype) {
  const auto bad = static_cast<normrt_dtype_t>(42);
  EXPECT_EQ(normrt_dtype_size(bad), 0u);
  EXPECT_NE(LastError().find("invalid dtype 42"), std::string::npos);
  EXPECT_STREQ(normrt_dtype_name(static_cast<normrt_dtype_t>(-1)),
               "invalid dtype");
}

TEST(TensorInitTest, DenseStridesAreRowMajor) {
  float data[1];
  const int64_t shape[4] = {2, 3, 4, 5};
  normrt_tensor_t t;
  ASSERT_EQ(normrt_tensor_init(&t, data, NORMRT_DTYPE_F32, 4, shape, nullptr),
            NORMRT_STATUS_OK);
  EXPECT_EQ(t.data, data);
  EXPECT_EQ(t.dtype, NORMRT_DTYPE_F32);
  EXPECT_EQ(t.rank, 4);
  const int64_t expected_strides[4] = {60, 20, 5, 1};
  for (int d = 0; d < 4; ++d) {
    EXPECT_EQ(t.shape[d], shape[d]) << d;
    EXPECT_EQ(t.strides[d], expected_strides[d]) << d;
  }
  for (int d = 4; d < NORMRT_MAX_RANK; ++d) {
    EXPECT_EQ(t.shape[d], 0) << d;
    EXPECT_EQ(t.strides[d], 0) << d;
  }
  EXPECT_EQ(normrt_tensor_numel(&t), 120);
  EXPECT_EQ(normrt_tensor_is_contiguous(&t), 1);
}

TEST(TensorInitTest, ExplicitStridesAreCopied) {
  float data[1];
  const int64_t shape[2] = {3, 5};
  const int64_t strides[2] = {8, 1};
  normrt_tensor_t t;
  ASSERT_EQ(normrt_tensor_init(&t, data, NORMRT_DTYPE_BF16, 2, shape, strides),
            NORMRT_STATUS_OK);
  EXPECT_EQ(t.strides[0], 8);
  EXPECT_EQ(t.strides[1], 1);
  EXPECT_EQ(normrt_tensor_numel(&t), 15);
  EXPECT_EQ(normrt_tensor_is_contiguous(&t), 0);
}

TEST(TensorInitTest, ZeroExtentKeepsStridesDistinct) {
  float data[1];
  const int64_t shape[3] = {2, 0, 3};
  normrt_tensor_t t;
  ASSERT_EQ(normrt_tensor_init(&t, data, NORMRT_DTYPE_F32, 3, shape, nullptr),
            NORMRT_STATUS_OK);
  EXPECT_EQ(t.strides[0], 3);
  EXPECT_EQ(t.strides[1], 3);
  EXPECT_EQ(t.strides[2], 1);
  EXPECT_EQ(normrt_tensor_numel(&t), 0);
  EXPECT_EQ(normrt_tensor_is_contiguous(&t), 1);
}

TEST(TensorInitTest, RankZeroIsOneElement) {
  double value = 1.0;
  normrt_tensor_t t;
  ASSERT_EQ(
      normrt_tensor_init(&t, &value, NORMRT_DTYPE_F64, 0, nullptr, nullptr),
      NORMRT_STATUS_OK);
  EXPECT_EQ(t.rank, 0);
  EXPECT_EQ(normrt_tensor_numel(&t), 1);
  EXPECT_EQ(normrt_tensor_is_contiguous(&t), 1);
}

TEST(TensorInitTest, MaxRank) {
  uint8_t data[1];
  const int64_t shape[NORMRT_MAX_RANK] = {1, 2, 1, 2, 1, 2, 1, 2};
  normrt_tensor_t t;
  ASSERT_EQ(normrt_tensor_init(&t, data, NORMRT_DTYPE_U8, NORMRT_MAX_RANK,
                               shape, nullptr),
            NORMRT_STATUS_OK);
  EXPECT_EQ(normrt_tensor_numel(&t), 16);
  EXPECT_EQ(t.strides[0], 16);
  EXPECT_EQ(t.strides[7], 1);
}

// Every error must return INVALID_ARGUMENT, leave *out byte-for-byte as it
// was, and explain itself in the last error.
void ExpectInitFails(void *data, normrt_dtype_t dtype, int32_t rank,
                     const int64_t *shape, const int64_t *strides,
                     const char *message_part) {
  normrt_tensor_t t;
  std::memset(&t, 0xAB, sizeof(t));
  normrt_tensor_t before;
  std::memcpy(&before, &t, sizeof(t));
  EXPECT_EQ(normrt_tensor_init(&t, data, dtype, rank, shape, strides),
            NORMRT_STATUS_INVALID_ARGUMENT)
      << message_part;
  EXPECT_EQ(std::memcmp(&t, &before, sizeof(t)), 0)
      << "out was modified: " << message_part;
  EXPECT_NE(LastError().find(message_part), std::string::npos)
      << "'" << LastError() << "' lacks '" << message_part << "'";
}

TEST(TensorInitTest, ErrorsLeaveOutUntouched) {
  float data[1];
  const int64_t shape[3] = {2, 3, 4};
  const int64_t negative[3] = {2, -1, 4};
  const int64_t huge[3] = {INT64_C(1) << 32, INT64_C(1) << 32, 2};
  ExpectInitFails(nullptr, NORMRT_DTYPE_F32, 3, shape, nullptr, "data is NULL");
  ExpectInitFails(data, NORMRT_DTYPE_F32, -1, shape, nullptr,
                  "rank -1 is outside 0..8");
  ExpectInitFails(data, NORMRT_DTYPE_F32, 9, shape, nullptr,
                  "rank 9 is outside 0..8");
  ExpectInitFails(data, NORMRT_DTYPE_F32, 3, nullptr, nullptr, "shape is NULL");
  ExpectInitFails(data, NORMRT_DTYPE_F32, 3, negative, nullptr,
                  "dim 1 has negative extent -1");
  ExpectInitFails(data, static_cast<normrt_dtype_t>(7), 3, shape, nullptr,
                  "invalid dtype 7");
  ExpectInitFails(data, NORMRT_DTYPE_F32, 3, huge, nullptr, "overflows int64");
}

TEST(TensorInitTest, NullOut) {
  float data[1];
  const int64_t shape[1] = {1};
  EXPECT_EQ(
      normrt_tensor_init(nullptr, data, NORMRT_DTYPE_F32, 1, shape, nullptr),
      NORMRT_STATUS_INVALID_ARGUMENT);
  EXPECT_NE(LastError().find("out is NULL"), std::string::npos);
}

TEST(TensorNumelTest, Errors) {
  EXPECT_EQ(normrt_tensor_numel(nullptr), -1);
  EXPECT_NE(LastError().find("tensor is NULL"), std::string::npos);

  normrt_tensor_t t{};
  t.rank = 9;
  EXPECT_EQ(normrt_tensor_numel(&t), -1);
  EXPECT_NE(LastError().find("rank 9"), std::string::npos);

  t.rank = 3;
  t.shape[0] = INT64_C(1) << 40;
  t.shape[1] = INT64_C(1) << 40;
  t.shape[2] = 1;
  EXPECT_EQ(normrt_tensor_numel(&t), -1);
  EXPECT_NE(LastError().find("overflows"), std::string::npos);

  t.shape[1] = -2;
  EXPECT_EQ(normrt_tensor_numel(&t), -1);
  EXPECT_NE(LastError().find("negative extent"), std::string::npos);
}

TEST(TensorContiguityTest, Layouts) {
  float data[1];
  normrt_tensor_t t;
  const int64_t shape[3] = {2, 3, 4};

  const int64_t padded[3] = {24, 8, 1};
  ASSERT_EQ(normrt_tensor_init(&t, data, NORMRT_DTYPE_F32, 3, shape, padded),
            NORMRT_STATUS_OK);
  EXPECT_EQ(normrt_tensor_is_contiguous(&t), 0);

  const int64_t transposed[3] = {12, 1, 3};
  ASSERT_EQ(
      normrt_tensor_init(&t, data, NORMRT_DTYPE_F32, 3, shape, transposed),
      NORMRT_STATUS_OK);
  EXPECT_EQ(normrt_tensor_is_contiguous(&t), 0);

  // Strides of extent-1 dimensions never address memory.
  const int64_t unit_shape[4] = {1, 3, 1, 4};
  const int64_t odd_strides[4] = {999, 4, -7, 1};
  ASSERT_EQ(normrt_tensor_init(&t, data, NORMRT_DTYPE_F32, 4, unit_shape,
                               odd_strides),
            NORMRT_STATUS_OK);
  EXPECT_EQ(normrt_tensor_is_contiguous(&t), 1);

  const int64_t inner_not_unit[3] = {24, 8, 2};
  ASSERT_EQ(
      normrt_tensor_init(&t, data, NORMRT_DTYPE_F32, 3, shape, inner_not_unit),
      NORMRT_STATUS_OK);
  EXPECT_EQ(normrt_tensor_is_contiguous(&t), 0);
}

TEST(TensorContiguityTest, NullTensor) {
  EXPECT_EQ(normrt_tensor_is_contiguous(nullptr), 0);
  EXPECT_NE(LastError().find("normrt_tensor_is_contiguous: tensor is NULL"),
            std::string::npos);
}

}  // namespace

// ---- normrt_tensor_create / normrt_tensor_free -------------------------------

TEST(TensorCreate, AllocatesAlignedZeroedDenseStorage) {
  const int64_t shape[] = {2, 3, 5};
  normrt_tensor_t t;
  ASSERT_EQ(normrt_tensor_create(&t, NORMRT_DTYPE_F16, 3, shape), NORMRT_STATUS_OK);
  EXPECT_EQ(t.owns_data, 1);
  EXPECT_EQ(reinterpret_cast<uintptr_t>(t.data) % 64, 0u);
  EXPECT_EQ(t.strides[0], 15);
  EXPECT_EQ(t.strides[2], 1);
  EXPECT_EQ(normrt_tensor_is_contiguous(&t), 1);
  const uint16_t *h = static_cast<const uint16_t *>(t.data);
  for (int i = 0; i < 30; ++i)
    EXPECT_EQ(h[i], 0) << i;
  normrt_tensor_free(&t);
  EXPECT_EQ(t.data, nullptr);
  EXPECT_EQ(t.owns_data, 0);
  normrt_tensor_free(&t); // twice: a no-op
}

TEST(TensorCreate, EmptyTensorsGetData) {
  const int64_t shape[] = {4, 0};
  normrt_tensor_t t;
  ASSERT_EQ(normrt_tensor_create(&t, NORMRT_DTYPE_F32, 2, shape), NORMRT_STATUS_OK);
  EXPECT_NE(t.data, nullptr);
  EXPECT_EQ(normrt_tensor_numel(&t), 0);
  normrt_tensor_free(&t);
}

TEST(TensorCreate, RejectsWhatInitRejectsAndHugeSizes) {
  const int64_t negative[] = {2, -1};
  normrt_tensor_t t;
  t.data = nullptr;
  EXPECT_EQ(normrt_tensor_create(&t, NORMRT_DTYPE_F32, 2, negative),
            NORMRT_STATUS_INVALID_ARGUMENT);
  EXPECT_NE(std::string(normrt_last_error()).find("negative extent"), std::string::npos);
  EXPECT_EQ(t.data, nullptr) << "out is written only on success";
  EXPECT_EQ(normrt_tensor_create(nullptr, NORMRT_DTYPE_F32, 2, negative),
            NORMRT_STATUS_INVALID_ARGUMENT);
  const int64_t huge[] = {int64_t(1) << 40, int64_t(1) << 22};
  EXPECT_EQ(normrt_tensor_create(&t, NORMRT_DTYPE_F32, 2, huge), NORMRT_STATUS_OUT_OF_MEMORY);
  EXPECT_NE(std::string(normrt_last_error()).find("do not fit"), std::string::npos);
}

TEST(TensorCreate, FreeLeavesViewsAlone) {
  float data[4] = {1, 2, 3, 4};
  const int64_t shape[] = {4};
  normrt_tensor_t view;
  ASSERT_EQ(normrt_tensor_init(&view, data, NORMRT_DTYPE_F32, 1, shape, nullptr),
            NORMRT_STATUS_OK);
  EXPECT_EQ(view.owns_data, 0);
  normrt_tensor_free(&view);
  EXPECT_EQ(view.data, data);
  normrt_tensor_free(nullptr);
}
