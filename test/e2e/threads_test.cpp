//===- threads_test.cpp - normrt and normc kernels called from many threads -===//
//
// Several application threads call kernels at once, each on its own
// tensors (the use normrt_kernel.h documents as safe): results must match
// the double reference, and each thread's last error must be its own. Built
// twice: plainly (e2e/threads/...) and under ThreadSanitizer with an
// instrumented libnormrt (tsan/threads/...), where any data race that
// involves normrt or the test fails the run. Halide's generated code and
// runtime are not instrumented; their pthread calls are, so TSan sees their
// synchronization.
//
//===----------------------------------------------------------------------===//
#include "compare.h"
#include "data.h"
#include "reference.h"

#include "gn4_dynamic.h"
#include "instance_norm_relu.h"
#include "normrt.h"
#include "normrt_view.h"

#include <gtest/gtest.h>

#include <atomic>
#include <string>
#include <thread>
#include <vector>

using namespace normc_test;

namespace {

const normrt_kernel_t kStatic = NORMRT_KERNEL(instance_norm_relu);
const normrt_kernel_t kDynamic = NORMRT_KERNEL(gn4_dynamic);

/// One thread's work: a static instance norm + ReLU or a dynamic group norm
/// of its own shape, on its own inputs, with the reference computed before
/// the threads start.
struct Job {
  bool dynamic;
  Shape shape;
  std::vector<float> x, g, b, y;
  std::vector<double> ref;
  Job(int i) : dynamic(i % 2 == 1) {
    shape = dynamic ? Shape{1 + i % 3, 8, 9 + i, 11} : Shape{2, 16, 64, 64};
    x = randomPlanes(shape, shape[2] * shape[3], 2.0, 1.5, 100 + i);
    g = randomVector(shape[1], 0.5, 1.5, 200 + i);
    b = randomVector(shape[1], -1.0, 1.0, 300 + i);
    y.assign(x.size(), -1.0f);
    if (dynamic) {
      ref = groupNormRef(x, shape, 4, &g, &b, 1e-5);
    } else {
      ref = instanceNormRef(x, shape, &g, &b, 1e-5);
      for (double &v : ref)
        v = v > 0 ? v : 0;
    }
  }
  normrt_status_t run() {
    normrt_tensor_t tx = tensorOf(x, shape), tg = tensorOf(g, {shape[1]}),
                    tb = tensorOf(b, {shape[1]}), ty = tensorOf(y, shape);
    const normrt_tensor_t *args[] = {&tx, &tg, &tb, &ty};
    return normrt_kernel_call(dynamic ? &kDynamic : &kStatic, args, 4);
  }
};

constexpr int kThreads = 4;
constexpr int kRounds = 8;

void runConcurrently(std::vector<Job> &jobs, std::vector<int> &failures) {
  std::atomic<int> ready{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t)
    threads.emplace_back([&, t] {
      ready.fetch_add(1);
      while (ready.load() < kThreads) {
      } // start together
      for (int r = 0; r < kRounds; ++r)
        if (jobs[t].run() != NORMRT_STATUS_OK)
          ++failures[t];
    });
  for (std::thread &th : threads)
    th.join();
}

} // namespace

TEST(Threads, ConcurrentCallsOnOwnTensorsMatchTheReference) {
  for (int pool : {0, 1, 3}) { // Halide's default pool, serial, 3 threads
    ASSERT_EQ(normrt_set_num_threads(pool), NORMRT_STATUS_OK);
    std::vector<Job> jobs;
    for (int t = 0; t < kThreads; ++t)
      jobs.emplace_back(t);
    std::vector<int> failures(kThreads, 0);
    runConcurrently(jobs, failures);
    for (int t = 0; t < kThreads; ++t) {
      EXPECT_EQ(failures[t], 0) << "thread " << t << ", pool " << pool;
      // f32 statistics: the suites' normalization tolerance.
      EXPECT_TRUE(allClose(jobs[t].y, jobs[t].ref, jobs[t].shape, 2e-5, 2e-5))
          << "thread " << t << ", pool " << pool;
    }
  }
  ASSERT_EQ(normrt_set_num_threads(0), NORMRT_STATUS_OK);
}

TEST(Threads, LastErrorIsPerThread) {
  // Thread A fails (wrong channel count for the static kernel) while thread
  // B succeeds: A reads its own message, B's stays empty.
  std::string errorA, errorB;
  normrt_status_t statusA = NORMRT_STATUS_OK, statusB = NORMRT_STATUS_OK;
  std::thread a([&] {
    Job job(0);
    job.shape = {2, 8, 64, 64};
    job.g.resize(8);
    job.b.resize(8);
    job.x.resize(2 * 8 * 64 * 64);
    job.y.resize(job.x.size());
    statusA = job.run();
    errorA = normrt_last_error();
  });
  std::thread b([&] {
    Job job(1);
    statusB = job.run();
    errorB = normrt_last_error();
  });
  a.join();
  b.join();
  EXPECT_EQ(statusA, NORMRT_STATUS_SHAPE_MISMATCH);
  EXPECT_NE(errorA.find("instance_norm_relu"), std::string::npos) << errorA;
  EXPECT_EQ(statusB, NORMRT_STATUS_OK);
  EXPECT_EQ(errorB, "");
}

TEST(Threads, WorkerCountIsWhatWasSet) {
  ASSERT_EQ(normrt_set_num_threads(3), NORMRT_STATUS_OK);
  EXPECT_EQ(normrt_get_num_threads(), 3);
  ASSERT_EQ(normrt_set_num_threads(1), NORMRT_STATUS_OK);
  EXPECT_EQ(normrt_get_num_threads(), 1);
  ASSERT_EQ(normrt_set_num_threads(0), NORMRT_STATUS_OK);
  // Halide's default: HL_NUM_THREADS, else the number of CPUs online.
  const char *env = std::getenv("HL_NUM_THREADS");
  int expected = env ? std::atoi(env) : static_cast<int>(std::thread::hardware_concurrency());
  EXPECT_EQ(normrt_get_num_threads(), expected);
}
