// Tests for normrt_status.h: status strings and the thread-local last error.
#include <gtest/gtest.h>

#include <string>
#include <thread>

#include "normrt.h"

namespace {

TEST(StatusTest, EveryCodeHasItsString) {
  EXPECT_STREQ(normrt_status_string(NORMRT_STATUS_OK), "ok");
  EXPECT_STREQ(normrt_status_string(NORMRT_STATUS_INVALID_ARGUMENT),
               "invalid argument");
  EXPECT_STREQ(normrt_status_string(NORMRT_STATUS_SHAPE_MISMATCH),
               "shape mismatch");
  EXPECT_STREQ(normrt_status_string(NORMRT_STATUS_DTYPE_MISMATCH),
               "dtype mismatch");
  EXPECT_STREQ(normrt_status_string(NORMRT_STATUS_NOT_FOUND), "not found");
  EXPECT_STREQ(normrt_status_string(NORMRT_STATUS_OUT_OF_MEMORY),
               "out of memory");
  EXPECT_STREQ(normrt_status_string(NORMRT_STATUS_KERNEL_FAILED),
               "kernel failed");
}

TEST(StatusTest, CodesAreStable) {
  EXPECT_EQ(NORMRT_STATUS_OK, 0);
  EXPECT_EQ(NORMRT_STATUS_INVALID_ARGUMENT, 1);
  EXPECT_EQ(NORMRT_STATUS_SHAPE_MISMATCH, 2);
  EXPECT_EQ(NORMRT_STATUS_DTYPE_MISMATCH, 3);
  EXPECT_EQ(NORMRT_STATUS_NOT_FOUND, 4);
  EXPECT_EQ(NORMRT_STATUS_OUT_OF_MEMORY, 5);
  EXPECT_EQ(NORMRT_STATUS_KERNEL_FAILED, 6);
  EXPECT_EQ(NORMRT_STATUS_UNSUPPORTED, 7);
  EXPECT_EQ(NORMRT_STATUS_INCOMPATIBLE_DEVICE, 8);
  EXPECT_EQ(NORMRT_STATUS_DEVICE_ERROR, 9);
  EXPECT_EQ(NORMRT_STATUS_TOO_LARGE, 10);
  EXPECT_EQ(NORMRT_STATUS_ALIASED, 11);
  EXPECT_STREQ(normrt_status_string(NORMRT_STATUS_INCOMPATIBLE_DEVICE), "incompatible device");
  EXPECT_STREQ(normrt_status_string(NORMRT_STATUS_DEVICE_ERROR), "device error");
}

TEST(StatusTest, OutOfRangeIsUnknownNeverNull) {
  EXPECT_STREQ(normrt_status_string(static_cast<normrt_status_t>(12)),
               "unknown status");
  EXPECT_STREQ(normrt_status_string(static_cast<normrt_status_t>(-1)),
               "unknown status");
  EXPECT_STREQ(normrt_status_string(static_cast<normrt_status_t>(1000)),
               "unknown status");
}

TEST(StatusTest, LastErrorIsEmptyOnAFreshThread) {
  // Make sure this thread has a message, so the other thread's "" means
  // the slot is per thread.
  ASSERT_EQ(normrt_set_num_threads(-1), NORMRT_STATUS_INVALID_ARGUMENT);
  ASSERT_STRNE(normrt_last_error(), "");
  std::string seen = "not run";
  std::thread t([&seen] { seen = normrt_last_error(); });
  t.join();
  EXPECT_EQ(seen, "");
}

TEST(StatusTest, LastErrorIsPerThread) {
  ASSERT_EQ(normrt_set_num_threads(-1), NORMRT_STATUS_INVALID_ARGUMENT);
  const std::string mine = normrt_last_error();
  std::string theirs;
  std::thread t([&theirs] {
    normrt_tensor_t tensor;
    int64_t shape[1] = {2};
    EXPECT_EQ(normrt_tensor_init(&tensor, nullptr, NORMRT_DTYPE_F32, 1, shape,
                                 nullptr),
              NORMRT_STATUS_INVALID_ARGUMENT);
    theirs = normrt_last_error();
  });
  t.join();
  EXPECT_NE(theirs.find("data is NULL"), std::string::npos) << theirs;
  EXPECT_EQ(normrt_last_error(), mine);
}

TEST(StatusTest, SuccessfulCallsAndStatusStringsLeaveLastErrorAlone) {
  ASSERT_EQ(normrt_set_num_threads(-3), NORMRT_STATUS_INVALID_ARGUMENT);
  const std::string before = normrt_last_error();
  EXPECT_NE(before.find("-3"), std::string::npos) << before;

  float data[4] = {0};
  int64_t shape[1] = {4};
  normrt_tensor_t tensor;
  ASSERT_EQ(
      normrt_tensor_init(&tensor, data, NORMRT_DTYPE_F32, 1, shape, nullptr),
      NORMRT_STATUS_OK);
  (void)normrt_status_string(static_cast<normrt_status_t>(99));
  EXPECT_EQ(normrt_last_error(), before);
}

TEST(StatusTest, SetNumThreads) {
  EXPECT_EQ(normrt_set_num_threads(-1), NORMRT_STATUS_INVALID_ARGUMENT);
  EXPECT_NE(std::string(normrt_last_error()).find("negative"),
            std::string::npos);
  EXPECT_EQ(normrt_set_num_threads(2), NORMRT_STATUS_OK);
  EXPECT_EQ(normrt_set_num_threads(0), NORMRT_STATUS_OK);
}

}  // namespace

// ---- normrt_set_error_callback ---------------------------------------------

namespace {
struct Seen {
  int calls = 0;
  normrt_status_t status = NORMRT_STATUS_OK;
  std::string message;
};
void record(normrt_status_t status, const char *message, void *user) {
  Seen *seen = static_cast<Seen *>(user);
  ++seen->calls;
  seen->status = status;
  seen->message = message;
}
} // namespace

TEST(ErrorCallback, SeesEveryFailureWithItsMessageUntilRemoved) {
  Seen seen;
  normrt_set_error_callback(record, &seen);
  normrt_tensor_t t;
  EXPECT_EQ(normrt_tensor_init(&t, nullptr, NORMRT_DTYPE_F32, 0, nullptr, nullptr),
            NORMRT_STATUS_INVALID_ARGUMENT);
  EXPECT_EQ(seen.calls, 1);
  EXPECT_EQ(seen.status, NORMRT_STATUS_INVALID_ARGUMENT);
  EXPECT_EQ(seen.message, normrt_last_error());
  EXPECT_EQ(seen.message, "normrt_tensor_init: data is NULL");
  float x = 0;
  EXPECT_EQ(normrt_tensor_init(&t, &x, NORMRT_DTYPE_F32, 0, nullptr, nullptr), NORMRT_STATUS_OK);
  EXPECT_EQ(seen.calls, 1) << "successes are not reported";
  normrt_set_error_callback(nullptr, nullptr);
  EXPECT_EQ(normrt_tensor_init(&t, nullptr, NORMRT_DTYPE_F32, 0, nullptr, nullptr),
            NORMRT_STATUS_INVALID_ARGUMENT);
  EXPECT_EQ(seen.calls, 1) << "removed";
}
