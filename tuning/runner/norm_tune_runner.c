/*
 * norm_tune_runner.c - times one candidate library for norm-tune.
 *
 * norm-tune compiles this file together with each candidate it measures:
 * the candidate is a normc library named normtune_candidate (normc
 * --library=normtune_candidate), whose header defines
 * normtune_candidate_registry(), the table of its kernels. The program runs
 * where the kernels run: on this machine, or on a board or emulator reached
 * through norm-tune's --runner command prefix, and reports on stdout, one
 * "key value" line each:
 *
 *   runner 1                       protocol version
 *   cpu <model name>               where it ran (the hardware of the record)
 *   cores <n>
 *   time_ms <t1> <t2> ...          each timed call, in order
 *   median_ms <t>
 *   cpu_ms <t>                     process CPU time per call (all threads)
 *   output <index> <name> <dtype> <elements>   for each output, in order
 *
 * norm_tune_runner KERNEL [--reps=N] [--warmup=N] [--threads=N] [--dump=FILE]
 *
 * Inputs are filled with deterministic values in [0.25, 1.25) (positive, so
 * that variances and scales stay valid for any argument). --dump writes the
 * outputs' raw bytes, one after the other, so that norm-tune can compare a
 * candidate's outputs with the default schedule's. Exit status: 0, or 2 for
 * bad arguments, 3 when the kernel cannot run (the message says why).
 */
#define _GNU_SOURCE
#include "normtune_candidate.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static int fail(int code, const char *what, const char *detail) {
  fprintf(stderr, "norm_tune_runner: error: %s%s%s\n", what, detail ? ": " : "",
          detail ? detail : "");
  return code;
}

static double now_ms(clockid_t clock) {
  struct timespec ts;
  clock_gettime(clock, &ts);
  return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec * 1e-6;
}

static int compare_doubles(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return x < y ? -1 : x > y;
}

/* Round-to-nearest-even f32 -> f16 / bf16 bits (inputs are in [0.25, 1.25):
 * normal numbers, no special cases needed). */
static uint16_t f32_to_f16(float f) {
  uint32_t x;
  memcpy(&x, &f, 4);
  uint32_t sign = (x >> 16) & 0x8000u;
  int32_t exp = (int32_t)((x >> 23) & 0xff) - 127 + 15;
  uint32_t mant = x & 0x7fffffu;
  uint32_t half = sign | ((uint32_t)exp << 10) | (mant >> 13);
  uint32_t rest = mant & 0x1fffu;
  if (rest > 0x1000u || (rest == 0x1000u && (half & 1u)))
    half += 1;
  return (uint16_t)half;
}
static uint16_t f32_to_bf16(float f) {
  uint32_t x;
  memcpy(&x, &f, 4);
  x += 0x7fffu + ((x >> 16) & 1u);
  return (uint16_t)(x >> 16);
}

static void fill(normrt_tensor_t *t, int64_t n, uint64_t seed) {
  uint64_t s = seed * 0x9e3779b97f4a7c15ull + 1;
  for (int64_t i = 0; i < n; ++i) {
    s = s * 6364136223846793005ull + 1442695040888963407ull;
    float v = 0.25f + (float)(s >> 40) / (float)(1ull << 24);
    switch (t->dtype) {
    case NORMRT_DTYPE_F32: ((float *)t->data)[i] = v; break;
    case NORMRT_DTYPE_F16: ((uint16_t *)t->data)[i] = f32_to_f16(v); break;
    case NORMRT_DTYPE_BF16: ((uint16_t *)t->data)[i] = f32_to_bf16(v); break;
    default: break; /* refused before */
    }
  }
}

/* "model name" (x86), else "Processor"/"CPU part" (ARM), from /proc/cpuinfo. */
static void cpu_model(char *out, size_t size) {
  snprintf(out, size, "unknown");
  FILE *f = fopen("/proc/cpuinfo", "r");
  if (!f)
    return;
  char line[512];
  while (fgets(line, sizeof line, f)) {
    if (strncmp(line, "model name", 10) && strncmp(line, "Processor", 9) &&
        strncmp(line, "CPU part", 8))
      continue;
    char *colon = strchr(line, ':');
    if (!colon)
      continue;
    char *v = colon + 1;
    while (*v == ' ' || *v == '\t')
      ++v;
    v[strcspn(v, "\n")] = 0;
    snprintf(out, size, "%s", v);
    if (!strncmp(line, "model name", 10))
      break;
  }
  fclose(f);
}

int main(int argc, char **argv) {
  const char *kernel_name = NULL, *dump = NULL;
  long reps = 10, warmup = 2, threads = 0;
  for (int i = 1; i < argc; ++i) {
    const char *a = argv[i];
    if (!strncmp(a, "--reps=", 7)) reps = strtol(a + 7, NULL, 10);
    else if (!strncmp(a, "--warmup=", 9)) warmup = strtol(a + 9, NULL, 10);
    else if (!strncmp(a, "--threads=", 10)) threads = strtol(a + 10, NULL, 10);
    else if (!strncmp(a, "--dump=", 7)) dump = a + 7;
    else if (a[0] == '-') return fail(2, "unknown option", a);
    else kernel_name = a;
  }
  if (!kernel_name || reps < 1 || reps > 100000 || warmup < 0 || threads < 0)
    return fail(2, "usage", "norm_tune_runner KERNEL [--reps=N>=1] [--warmup=N] "
                            "[--threads=N] [--dump=FILE]");
  const normrt_registry_t *registry = normtune_candidate_registry();
  const normrt_kernel_entry_t *entry = normrt_registry_find(registry, kernel_name);
  if (!entry)
    return fail(3, "no such kernel", normrt_last_error());
  if (threads > 0 && normrt_set_num_threads((int32_t)threads) != NORMRT_STATUS_OK)
    return fail(3, "cannot set the thread count", normrt_last_error());

  normrt_tensor_t tensors[NORMRT_MAX_KERNEL_ARGS];
  const normrt_tensor_t *args[NORMRT_MAX_KERNEL_ARGS];
  int64_t counts[NORMRT_MAX_KERNEL_ARGS];
  if (entry->num_args > NORMRT_MAX_KERNEL_ARGS)
    return fail(3, "too many arguments", kernel_name);
  for (int32_t i = 0; i < entry->num_args; ++i) {
    const normrt_arg_info_t *info = &entry->args[i];
    for (int32_t d = 0; d < info->rank; ++d)
      if (info->extents[d] < 0)
        return fail(3, "an argument has a dynamic extent; norm-tune needs static shapes",
                    info->name);
    if (info->dtype != NORMRT_DTYPE_F32 && info->dtype != NORMRT_DTYPE_F16 &&
        info->dtype != NORMRT_DTYPE_BF16)
      return fail(3, "an argument is not f32, f16 or bf16", info->name);
    if (normrt_tensor_create(&tensors[i], info->dtype, info->rank, info->extents) !=
        NORMRT_STATUS_OK)
      return fail(3, "cannot allocate an argument", normrt_last_error());
    counts[i] = normrt_tensor_numel(&tensors[i]);
    if (!info->is_output)
      fill(&tensors[i], counts[i], (uint64_t)i + 1);
    args[i] = &tensors[i];
  }

  char cpu[256];
  cpu_model(cpu, sizeof cpu);
  printf("runner 1\ncpu %s\ncores %ld\n", cpu, sysconf(_SC_NPROCESSORS_ONLN));
  for (long r = 0; r < warmup; ++r)
    if (normrt_kernel_call(&entry->kernel, args, entry->num_args) != NORMRT_STATUS_OK)
      return fail(3, "the kernel failed", normrt_last_error());
  double *times = malloc(sizeof(double) * (size_t)reps);
  if (!times)
    return fail(3, "out of memory", NULL);
  double cpu0 = now_ms(CLOCK_PROCESS_CPUTIME_ID);
  for (long r = 0; r < reps; ++r) {
    double t0 = now_ms(CLOCK_MONOTONIC);
    if (normrt_kernel_call(&entry->kernel, args, entry->num_args) != NORMRT_STATUS_OK)
      return fail(3, "the kernel failed", normrt_last_error());
    times[r] = now_ms(CLOCK_MONOTONIC) - t0;
  }
  double cpu_ms = (now_ms(CLOCK_PROCESS_CPUTIME_ID) - cpu0) / (double)reps;
  printf("time_ms");
  for (long r = 0; r < reps; ++r)
    printf(" %.6f", times[r]);
  qsort(times, (size_t)reps, sizeof(double), compare_doubles);
  double median = reps % 2 ? times[reps / 2] : 0.5 * (times[reps / 2 - 1] + times[reps / 2]);
  printf("\nmedian_ms %.6f\ncpu_ms %.6f\n", median, cpu_ms);
  free(times);

  FILE *out = NULL;
  if (dump && !(out = fopen(dump, "wb")))
    return fail(3, "cannot write the outputs", dump);
  for (int32_t i = 0; i < entry->num_args; ++i) {
    const normrt_arg_info_t *info = &entry->args[i];
    if (!info->is_output)
      continue;
    printf("output %d %s %s %lld\n", i, info->name, normrt_dtype_name(info->dtype),
           (long long)counts[i]);
    size_t bytes = (size_t)counts[i] * normrt_dtype_size(info->dtype);
    if (out && fwrite(tensors[i].data, 1, bytes, out) != bytes)
      return fail(3, "cannot write the outputs", dump);
  }
  if (out && fclose(out) != 0)
    return fail(3, "cannot write the outputs", dump);
  for (int32_t i = 0; i < entry->num_args; ++i)
    normrt_tensor_free(&tensors[i]);
  return 0;
}
