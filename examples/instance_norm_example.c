/* instance_norm_example.c - call a normc-generated kernel through normrt.
 *
 * Build (what scripts/run-example.sh does):
 *   normc examples/instance_norm.mlir -o out/
 *   cc -std=c99 -Iout -Iruntime examples/instance_norm_example.c \
 *      build/runtime/libnormrt.a out/instance_norm_relu.a \
 *      out/normc_halide_runtime.a -lpthread -ldl -lm -o out/example
 *
 * It normalizes a random (2, 16, 64, 64) tensor with instance norm + ReLU,
 * compares with a double-precision reference computed here, and shows what a
 * caller sees when it passes a tensor of the wrong shape.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "instance_norm_relu.h"
#include "normrt.h"

enum { N = 2, C = 16, H = 64, W = 64 };
/* Output tolerance: normalized values are O(1); f32 statistics over 4096
 * elements are accurate to ~1e-6 (see test/halide_gen/numerics_test.cpp). */
static const double kTolerance = 2e-5;

/* Small deterministic generator: the example must print the same every run. */
static double next_uniform(unsigned long long *state) {
  *state = *state * 6364136223846793005ULL + 1442695040888963407ULL;
  return (double)(*state >> 11) / 9007199254740992.0; /* [0, 1) */
}

int main(void) {
  static float x[N * C * H * W], y[N * C * H * W];
  float gamma[C], beta[C];
  unsigned long long state = 42;
  for (int nc = 0; nc < N * C; ++nc) {
    double mean = 10.0 * next_uniform(&state) - 5.0;
    double spread = 0.5 + 2.0 * next_uniform(&state);
    for (int i = 0; i < H * W; ++i)
      x[nc * H * W + i] = (float)(mean + spread * (next_uniform(&state) - 0.5));
  }
  for (int c = 0; c < C; ++c) {
    gamma[c] = (float)(0.5 + next_uniform(&state));
    beta[c] = (float)(next_uniform(&state) - 0.5);
  }

  const int64_t x_shape[4] = {N, C, H, W}, p_shape[1] = {C};
  normrt_tensor_t tx, tg, tb, ty;
  if (normrt_tensor_init(&tx, x, NORMRT_DTYPE_F32, 4, x_shape, NULL) ||
      normrt_tensor_init(&tg, gamma, NORMRT_DTYPE_F32, 1, p_shape, NULL) ||
      normrt_tensor_init(&tb, beta, NORMRT_DTYPE_F32, 1, p_shape, NULL) ||
      normrt_tensor_init(&ty, y, NORMRT_DTYPE_F32, 4, x_shape, NULL)) {
    fprintf(stderr, "tensor setup failed: %s\n", normrt_last_error());
    return 1;
  }
  const normrt_kernel_t kernel = NORMRT_KERNEL(instance_norm_relu);
  const normrt_tensor_t *args[4] = {&tx, &tg, &tb, &ty};
  normrt_status_t status = normrt_kernel_call(&kernel, args, 4);
  if (status != NORMRT_STATUS_OK) {
    fprintf(stderr, "kernel failed (%s): %s\n", normrt_status_string(status),
            normrt_last_error());
    return 1;
  }

  /* Reference: two-pass statistics in double, then affine and ReLU. */
  double max_err = 0.0;
  for (int n = 0; n < N; ++n)
    for (int c = 0; c < C; ++c) {
      const float *p = x + (n * C + c) * H * W;
      const float *q = y + (n * C + c) * H * W;
      double mean = 0.0, var = 0.0;
      for (int i = 0; i < H * W; ++i)
        mean += p[i];
      mean /= H * W;
      for (int i = 0; i < H * W; ++i)
        var += (p[i] - mean) * (p[i] - mean);
      var /= H * W;
      for (int i = 0; i < H * W; ++i) {
        double ref = (p[i] - mean) / sqrt(var + 1e-5) * gamma[c] + beta[c];
        ref = ref > 0.0 ? ref : 0.0;
        double err = fabs(ref - q[i]);
        if (err > max_err)
          max_err = err;
      }
    }
  printf("instance_norm_relu (%d, %d, %d, %d): max abs error %.3g (tolerance %.0e)\n",
         N, C, H, W, max_err, kTolerance);

  /* A caller passing gamma of the wrong length gets a status and a message. */
  const int64_t bad_shape[1] = {C - 1};
  normrt_tensor_t bad_gamma;
  normrt_tensor_init(&bad_gamma, gamma, NORMRT_DTYPE_F32, 1, bad_shape, NULL);
  const normrt_tensor_t *bad_args[4] = {&tx, &bad_gamma, &tb, &ty};
  status = normrt_kernel_call(&kernel, bad_args, 4);
  printf("wrong gamma length -> %s: %s\n", normrt_status_string(status),
         normrt_last_error());

  if (max_err > kTolerance || status != NORMRT_STATUS_SHAPE_MISMATCH) {
    printf("FAILED\n");
    return 1;
  }
  printf("OK\n");
  return 0;
}
