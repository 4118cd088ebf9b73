//===- roofline.cpp - streaming copy -------------------------------------===//
#include "roofline.h"

#include <omp.h>

#include <algorithm>
#include <cstring>

namespace normc_bench {

void parallelCopy(const float *src, float *dst, size_t n, int threads) {
#pragma omp parallel num_threads(threads)
  {
    const size_t t = static_cast<size_t>(omp_get_thread_num());
    const size_t nt = static_cast<size_t>(omp_get_num_threads());
    const size_t chunk = (n + nt - 1) / nt;
    const size_t begin = std::min(n, t * chunk), end = std::min(n, begin + chunk);
    std::memcpy(dst + begin, src + begin, (end - begin) * sizeof(float));
  }
}

bool cpuHasAvx2Fma() {
  return __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
}

} // namespace normc_bench
