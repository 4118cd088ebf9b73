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
/// independent FMA chains of the widest vector ISA the CPU has: AVX-512F
/// (16 lanes) where available, else AVX2 (8 lanes). Needs cpuHasAvx2Fma().
double measureFmaPeakGflops(int threads);

/// The ISA measureFmaPeakGflops uses on this CPU: "AVX-512", "AVX2" or
/// "none" (neither available).
const char *fmaPeakIsa();

/// True when the CPU can run the AVX2+FMA peak loop.
bool cpuHasAvx2Fma();

} // namespace normc_bench

#endif // NORMC_BENCH_ROOFLINE_H_
