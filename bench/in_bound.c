/*===- in_bound.c - hand-written AVX-512 instance norm, the structural bound -===
 *
 * How fast can an NCHW instance norm that reads each plane for its
 * statistics and then again to normalize it be on this machine? Hand-written
 * AVX-512 loops (OpenMP, planes split statically across threads) next to a
 * copy of the same bytes, interleaved, for comparison with normc's kernels
 * (docs/performance.md, "Where the cycles go"). Not part of the build: it
 * needs AVX-512F.
 *
 *   gcc -O3 -mavx512f -mfma -fopenmp bench/in_bound.c -o /tmp/in_bound -lm
 *   OMP_NUM_THREADS=2 OMP_PROC_BIND=true /tmp/in_bound [planes elems] [--cold]
 *
 * Default 32 planes of 512 x 512 (IN (1,32,512,512)); --cold flushes x and
 * y from the caches (clflush) before each call. Per variant: the median over
 * 15 rounds of each round's fastest of 5 calls.
 *
 * Variants: copy (plain or non-temporal stores); IN with mean and variance
 * passes and plain or non-temporal stores; IN with only the mean pass (a
 * lower bound of any exact two-pass form); IN with the next plane prefetched
 * into L2 while the current one is normalized; IN software-pipelined across
 * planes (plane p normalized in the loop that sums plane p + 1).
 *===----------------------------------------------------------------------===*/
#include <immintrin.h>
#include <math.h>
#include <omp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static int P = 32;          /* planes */
static long E = 512 * 512;  /* elements per plane, a multiple of 32 */

static double nowMs(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return t.tv_sec * 1e3 + t.tv_nsec * 1e-6;
}

static float planeMean(const float *a) {
  __m512 s0 = _mm512_setzero_ps(), s1 = s0;
  for (long i = 0; i < E; i += 32) {
    s0 = _mm512_add_ps(s0, _mm512_loadu_ps(a + i));
    s1 = _mm512_add_ps(s1, _mm512_loadu_ps(a + i + 16));
  }
  return _mm512_reduce_add_ps(_mm512_add_ps(s0, s1)) / E;
}

static float planeVariance(const float *a, float mean) {
  __m512 m = _mm512_set1_ps(mean), q0 = _mm512_setzero_ps(), q1 = q0;
  for (long i = 0; i < E; i += 32) {
    __m512 d0 = _mm512_sub_ps(_mm512_loadu_ps(a + i), m);
    __m512 d1 = _mm512_sub_ps(_mm512_loadu_ps(a + i + 16), m);
    q0 = _mm512_fmadd_ps(d0, d0, q0);
    q1 = _mm512_fmadd_ps(d1, d1, q1);
  }
  return _mm512_reduce_add_ps(_mm512_add_ps(q0, q1)) / E;
}

static void normalize(const float *a, float *b, float mean, float var, int nt) {
  const float r = 1.0f / sqrtf(var + 1e-5f);
  __m512 sc = _mm512_set1_ps(r), sh = _mm512_set1_ps(-mean * r);
  if (nt)
    for (long i = 0; i < E; i += 16)
      _mm512_stream_ps(b + i, _mm512_fmadd_ps(_mm512_loadu_ps(a + i), sc, sh));
  else
    for (long i = 0; i < E; i += 16)
      _mm512_storeu_ps(b + i, _mm512_fmadd_ps(_mm512_loadu_ps(a + i), sc, sh));
}

static void copyPlanes(const float *x, float *y, int nt) {
#pragma omp parallel for schedule(static)
  for (int p = 0; p < P; ++p) {
    const float *a = x + (size_t)p * E;
    float *b = y + (size_t)p * E;
    for (long i = 0; i < E; i += 16) {
      if (nt)
        _mm512_stream_ps(b + i, _mm512_loadu_ps(a + i));
      else
        _mm512_storeu_ps(b + i, _mm512_loadu_ps(a + i));
    }
  }
  _mm_sfence();
}

/* passes = 2: mean, variance, normalize; 1: mean, normalize (a bound). */
static void instanceNorm(const float *x, float *y, int nt, int passes) {
#pragma omp parallel for schedule(static)
  for (int p = 0; p < P; ++p) {
    const float *a = x + (size_t)p * E;
    float mean = planeMean(a);
    float var = passes > 1 ? planeVariance(a, mean) : 1.0f;
    normalize(a, y + (size_t)p * E, mean, var, nt);
  }
  _mm_sfence();
}

/* Each thread's next plane is prefetched into L2 while it normalizes one. */
static void instanceNormPrefetchNext(const float *x, float *y) {
#pragma omp parallel
  {
    int threads = omp_get_num_threads(), id = omp_get_thread_num();
    int first = id * P / threads, last = (id + 1) * P / threads;
    for (int p = first; p < last; ++p) {
      const float *a = x + (size_t)p * E, *next = p + 1 < last ? a + E : NULL;
      float *b = y + (size_t)p * E;
      float mean = planeMean(a), var = planeVariance(a, mean);
      const float r = 1.0f / sqrtf(var + 1e-5f);
      __m512 sc = _mm512_set1_ps(r), sh = _mm512_set1_ps(-mean * r);
      for (long i = 0; i < E; i += 16) {
        if (next)
          _mm_prefetch((const char *)(next + i), _MM_HINT_T1);
        _mm512_stream_ps(b + i, _mm512_fmadd_ps(_mm512_loadu_ps(a + i), sc, sh));
      }
    }
  }
  _mm_sfence();
}

/* Plane p is normalized in the loop that sums plane p + 1 (the DRAM or L3
 * read of the next plane overlaps the stores of this one); p + 1's variance
 * pass then reads it from L2. */
static void instanceNormPipelined(const float *x, float *y) {
#pragma omp parallel
  {
    int threads = omp_get_num_threads(), id = omp_get_thread_num();
    int first = id * P / threads, last = (id + 1) * P / threads;
    if (first < last) {
      float mean = planeMean(x + (size_t)first * E);
      float var = planeVariance(x + (size_t)first * E, mean);
      for (int p = first; p < last; ++p) {
        const float *a = x + (size_t)p * E;
        float *b = y + (size_t)p * E;
        if (p + 1 == last) {
          normalize(a, b, mean, var, 1);
          break;
        }
        const float *next = a + E;
        const float r = 1.0f / sqrtf(var + 1e-5f);
        __m512 sc = _mm512_set1_ps(r), sh = _mm512_set1_ps(-mean * r);
        __m512 s = _mm512_setzero_ps();
        for (long i = 0; i < E; i += 16) {
          s = _mm512_add_ps(s, _mm512_loadu_ps(next + i));
          _mm512_stream_ps(b + i, _mm512_fmadd_ps(_mm512_loadu_ps(a + i), sc, sh));
        }
        mean = _mm512_reduce_add_ps(s) / E;
        var = planeVariance(next, mean);
      }
    }
  }
  _mm_sfence();
}

static void flush(const float *p, size_t n) {
  for (size_t i = 0; i < n; i += 16)
    _mm_clflush(p + i);
  _mm_mfence();
}

static int byValue(const void *a, const void *b) {
  double d = *(const double *)a - *(const double *)b;
  return (d > 0) - (d < 0);
}

int main(int argc, char **argv) {
  int cold = 0, positional = 0;
  for (int i = 1; i < argc; ++i) {
    if (!strcmp(argv[i], "--cold"))
      cold = 1;
    else if (positional == 0 && ++positional)
      P = atoi(argv[i]);
    else if (positional == 1 && ++positional)
      E = atol(argv[i]);
  }
  if (P < 1 || E < 32 || E % 32) {
    fprintf(stderr, "in_bound: planes >= 1 and elements a multiple of 32 >= 32\n");
    return 2;
  }
  const size_t n = (size_t)P * E;
  float *x = aligned_alloc(64, n * sizeof(float)), *y = aligned_alloc(64, n * sizeof(float));
  if (!x || !y) {
    fprintf(stderr, "in_bound: out of memory\n");
    return 1;
  }
  srand(1);
  for (size_t i = 0; i < n; ++i)
    x[i] = rand() / (float)RAND_MAX, y[i] = 0;
  enum { kVariants = 7, kRounds = 15 };
  const char *names[kVariants] = {"copy, plain stores",   "copy, non-temporal stores",
                                  "IN two-pass, plain",   "IN two-pass, non-temporal",
                                  "IN mean pass only, NT", "IN two-pass NT, prefetch next",
                                  "IN pipelined across planes, NT"};
  double t[kVariants][kRounds];
  for (int r = 0; r < kRounds; ++r)
    for (int k = 0; k < kVariants; ++k) {
      double best = 1e30;
      for (int rep = 0; rep < 5; ++rep) {
        if (cold) {
          flush(x, n);
          flush(y, n);
        }
        double start = nowMs();
        switch (k) {
        case 0: copyPlanes(x, y, 0); break;
        case 1: copyPlanes(x, y, 1); break;
        case 2: instanceNorm(x, y, 0, 2); break;
        case 3: instanceNorm(x, y, 1, 2); break;
        case 4: instanceNorm(x, y, 1, 1); break;
        case 5: instanceNormPrefetchNext(x, y); break;
        default: instanceNormPipelined(x, y); break;
        }
        double ms = nowMs() - start;
        best = ms < best ? ms : best;
      }
      t[k][r] = best;
    }
  printf("%d planes of %ld floats, %d threads, %s caches\n", P, E, omp_get_max_threads(),
         cold ? "cold" : "warm");
  for (int k = 0; k < kVariants; ++k) {
    qsort(t[k], kRounds, sizeof(double), byValue);
    printf("  %-32s %8.3f ms\n", names[k], t[k][kRounds / 2]);
  }
  free(x);
  free(y);
  return 0;
}
