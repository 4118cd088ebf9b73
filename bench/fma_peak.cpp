//===- fma_peak.cpp - peak FMA throughput (compiled with -mavx2 -mfma) ----===//
//
// The peak is measured with the widest vector ISA the CPU has, chosen at run
// time: 512-bit AVX-512F FMAs where __builtin_cpu_supports("avx512f"), else
// 256-bit AVX2 FMAs. Only fmaLoopAvx512 is compiled for AVX-512
// (__attribute__((target("avx512f")))), so the file still builds with
// -mavx2 -mfma and runs on AVX2-only machines. Twelve independent accumulators
// cover the FMA latency (4-5 cycles) times the two FMA pipes of current x86
// cores, so each loop is throughput-bound (12 of the 16 ymm / 32 zmm
// registers).
//
//===----------------------------------------------------------------------===//
#include "roofline.h"

#include <immintrin.h>
#include <omp.h>

#include <chrono>

namespace normc_bench {

namespace {
constexpr int kAccumulators = 12;

float fmaLoopAvx2(long iterations) {
  __m256 acc[kAccumulators];
  for (int i = 0; i < kAccumulators; ++i)
    acc[i] = _mm256_set1_ps(static_cast<float>(i));
  const __m256 a = _mm256_set1_ps(0.999999f), b = _mm256_set1_ps(1e-7f);
  for (long it = 0; it < iterations; ++it) {
#pragma GCC unroll 12
    for (int i = 0; i < kAccumulators; ++i)
      acc[i] = _mm256_fmadd_ps(acc[i], a, b);
  }
  __m256 sum = acc[0];
  for (int i = 1; i < kAccumulators; ++i)
    sum = _mm256_add_ps(sum, acc[i]);
  float out[8];
  _mm256_storeu_ps(out, sum);
  return out[0];
}

__attribute__((target("avx512f"))) float fmaLoopAvx512(long iterations) {
  __m512 acc[kAccumulators];
  for (int i = 0; i < kAccumulators; ++i)
    acc[i] = _mm512_set1_ps(static_cast<float>(i));
  const __m512 a = _mm512_set1_ps(0.999999f), b = _mm512_set1_ps(1e-7f);
  for (long it = 0; it < iterations; ++it) {
#pragma GCC unroll 12
    for (int i = 0; i < kAccumulators; ++i)
      acc[i] = _mm512_fmadd_ps(acc[i], a, b);
  }
  __m512 sum = acc[0];
  for (int i = 1; i < kAccumulators; ++i)
    sum = _mm512_add_ps(sum, acc[i]);
  float out[16];
  _mm512_storeu_ps(out, sum);
  return out[0];
}

bool useAvx512() {
  static const bool yes = __builtin_cpu_supports("avx512f");
  return yes;
}
} // namespace

const char *fmaPeakIsa() {
  if (useAvx512())
    return "AVX-512";
  if (cpuHasAvx2Fma())
    return "AVX2";
  return "none";
}

double measureFmaPeakGflops(int threads) {
  const long iterations = 20'000'000;
  const bool wide = useAvx512();
  const int lanes = wide ? 16 : 8; // f32 lanes per FMA
  double best = 0;
  for (int rep = 0; rep < 5; ++rep) {
    volatile float sink = 0;
    auto t0 = std::chrono::steady_clock::now();
#pragma omp parallel num_threads(threads)
    {
      float r = wide ? fmaLoopAvx512(iterations) : fmaLoopAvx2(iterations);
#pragma omp critical
      sink = sink + r;
    }
    auto t1 = std::chrono::steady_clock::now();
    double s = std::chrono::duration<double>(t1 - t0).count();
    double flops = 2.0 * lanes * kAccumulators * static_cast<double>(iterations) * threads;
    if (flops / s / 1e9 > best)
      best = flops / s / 1e9;
  }
  return best;
}

} // namespace normc_bench
