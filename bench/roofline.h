//===- roofline.h - the machine's own limits: copy bandwidth, FMA peak -----===//
#ifndef NORMC_BENCH_ROOFLINE_H_
#define NORMC_BENCH_ROOFLINE_H_

#include <cstddef>

namespace normc_bench {

/// Copies `n` floats with `threads` OpenMP threads (each thread a contiguous
/// slice, memcpy): reads n*4 bytes and writes n*4 bytes, like a normalization
/// that reads x once and writes y once.
void parallelCopy(const float *src, float *dst, size_t n, int threads);

/// Peak f32 FMA throughput in GFLOP/s with `threads` threads, measured with
/// independent AVX2 FMA chains (this machine class has no AVX-512).
double measureFmaPeakGflops(int threads);

/// True when the CPU can run the AVX2+FMA peak loop.
bool cpuHasAvx2Fma();

} // namespace normc_bench

#endif // NORMC_BENCH_ROOFLINE_H_
