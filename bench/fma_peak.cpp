//===- fma_peak.cpp - peak FMA throughput (compiled with -mavx2 -mfma) ----===//
//
// Twelve independent accumulators cover the FMA latency (4-5 cycles) times the
// two FMA pipes of current x86 cores, so the loop is throughput-bound.
//
//===----------------------------------------------------------------------===//
#include "roofline.h"

#include <immintrin.h>
#include <omp.h>

#include <chrono>

namespace normc_bench {

namespace {
float fmaLoop(long iterations) {
  __m256 acc[12];
  for (int i = 0; i < 12; ++i)
    acc[i] = _mm256_set1_ps(static_cast<float>(i));
  const __m256 a = _mm256_set1_ps(0.999999f), b = _mm256_set1_ps(1e-7f);
  for (long it = 0; it < iterations; ++it)
    for (int i = 0; i < 12; ++i)
      acc[i] = _mm256_fmadd_ps(acc[i], a, b);
  __m256 sum = acc[0];
  for (int i = 1; i < 12; ++i)
    sum = _mm256_add_ps(sum, acc[i]);
  float out[8];
  _mm256_storeu_ps(out, sum);
  return out[0];
}
} // namespace

double measureFmaPeakGflops(int threads) {
  const long iterations = 20'000'000;
  double best = 0;
  for (int rep = 0; rep < 5; ++rep) {
    volatile float sink = 0;
    auto t0 = std::chrono::steady_clock::now();
#pragma omp parallel num_threads(threads)
    {
      float r = fmaLoop(iterations);
#pragma omp critical
      sink = sink + r;
    }
    auto t1 = std::chrono::steady_clock::now();
    double s = std::chrono::duration<double>(t1 - t0).count();
    double flops = 2.0 * 8 * 12 * static_cast<double>(iterations) * threads;
    if (flops / s / 1e9 > best)
      best = flops / s / 1e9;
  }
  return best;
}

} // namespace normc_bench
