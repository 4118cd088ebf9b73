/*
 * A program that uses normc as an installed package: kernels compiled by
 * normc_add_kernels() (CMake) or by the installed normc (pkg-config build),
 * called through libnormrt (directly and by name through the library's
 * kernel table), checked against a double-precision reference written here. Prints "consumer: OK" and exits 0, or says what differs.
 */
#include "consumer_kernels.h"
#include "normrt.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

/* f32 statistics over 35- and 11-element sets: 2e-5, the tolerance of
 * normc's own numerics suites for f32 normalizations. */
#define TOL 2e-5

static int close_enough(double got, double want) {
  return fabs(got - want) <= TOL + TOL * fabs(want);
}

/* y = normalize(x) over `n` contiguous elements, then y * g + b. */
static void normalize_ref(const float *x, int n, double g, double b, double *y) {
  double mean = 0, var = 0;
  for (int i = 0; i < n; ++i) mean += x[i];
  mean /= n;
  for (int i = 0; i < n; ++i) var += (x[i] - mean) * (x[i] - mean);
  var /= n;
  for (int i = 0; i < n; ++i) y[i] = (x[i] - mean) / sqrt(var + 1e-5) * g + b;
}

static int check_in_relu(void) {
  enum { N = 2, C = 3, P = 5 * 7 };
  static float x[N * C * P], y[N * C * P];
  float g[C] = {0.5f, 1.0f, 2.0f}, b[C] = {-0.25f, 0.0f, 0.5f};
  for (int i = 0; i < N * C * P; ++i) x[i] = (float)((i * 37 % 101) - 50) / 7.0f + 3.0f;
  int64_t xs[4] = {N, C, 5, 7}, ps[1] = {C};
  normrt_tensor_t tx, tg, tb, ty;
  if (normrt_tensor_init(&tx, x, NORMRT_DTYPE_F32, 4, xs, NULL) != NORMRT_STATUS_OK ||
      normrt_tensor_init(&tg, g, NORMRT_DTYPE_F32, 1, ps, NULL) != NORMRT_STATUS_OK ||
      normrt_tensor_init(&tb, b, NORMRT_DTYPE_F32, 1, ps, NULL) != NORMRT_STATUS_OK ||
      normrt_tensor_init(&ty, y, NORMRT_DTYPE_F32, 4, xs, NULL) != NORMRT_STATUS_OK) {
    printf("consumer: tensor: %s\n", normrt_last_error());
    return 1;
  }
  const normrt_kernel_t k = NORMRT_KERNEL(consumer_in_relu);
  const normrt_tensor_t *args[] = {&tx, &tg, &tb, &ty};
  if (normrt_kernel_call(&k, args, 4) != NORMRT_STATUS_OK) {
    printf("consumer: consumer_in_relu: %s\n", normrt_last_error());
    return 1;
  }
  for (int plane = 0; plane < N * C; ++plane) {
    double ref[P];
    normalize_ref(x + plane * P, P, g[plane % C], b[plane % C], ref);
    for (int i = 0; i < P; ++i) {
      double want = ref[i] > 0 ? ref[i] : 0;
      if (!close_enough(y[plane * P + i], want)) {
        printf("consumer: consumer_in_relu plane %d element %d: %g instead of %g\n", plane, i,
               y[plane * P + i], want);
        return 1;
      }
    }
  }
  return 0;
}

static int check_ln(void) {
  enum { R = 4, W = 11 };
  float x[R * W], y[R * W];
  for (int i = 0; i < R * W; ++i) x[i] = (float)((i * 13 % 29) - 14) * 0.1f + 100.0f;
  int64_t shape[2] = {R, W};
  normrt_tensor_t tx, ty;
  normrt_tensor_init(&tx, x, NORMRT_DTYPE_F32, 2, shape, NULL);
  normrt_tensor_init(&ty, y, NORMRT_DTYPE_F32, 2, shape, NULL);
  /* By name, through the library's kernel table. */
  const normrt_tensor_t *args[] = {&tx, &ty};
  if (normrt_registry_call(consumer_kernels_registry(), "consumer_ln", args, 2) !=
      NORMRT_STATUS_OK) {
    printf("consumer: consumer_ln: %s\n", normrt_last_error());
    return 1;
  }
  for (int r = 0; r < R; ++r) {
    double ref[W];
    normalize_ref(x + r * W, W, 1.0, 0.0, ref);
    for (int i = 0; i < W; ++i)
      if (!close_enough(y[r * W + i], ref[i])) {
        printf("consumer: consumer_ln row %d element %d: %g instead of %g\n", r, i,
               y[r * W + i], ref[i]);
        return 1;
      }
  }
  return 0;
}

/* The table normc wrote lists both kernels with normc's argument names and
 * static extents, and checks calls against them. */
static int check_registry(void) {
  const normrt_registry_t *reg = consumer_kernels_registry();
  if (normrt_registry_size(reg) != 2) {
    printf("consumer: the registry has %d kernels\n", (int)normrt_registry_size(reg));
    return 1;
  }
  const normrt_kernel_entry_t *e = normrt_registry_find(reg, "consumer_in_relu");
  if (!e || e->num_args != 4 || strcmp(e->args[0].name, "x") != 0 || e->args[0].extents[3] != 7 ||
      !e->args[3].is_output || strcmp(e->args[3].name, "y") != 0) {
    printf("consumer: the entry of consumer_in_relu is wrong\n");
    return 1;
  }
  for (int32_t i = 0; i < normrt_registry_size(reg); ++i)
    printf("consumer: kernel %s (%d tensors, target %s)\n", normrt_registry_at(reg, i)->kernel.name,
           (int)normrt_registry_at(reg, i)->num_args, normrt_registry_at(reg, i)->target);
  if (normrt_registry_find(reg, "consumer_bn") != NULL ||
      strstr(normrt_last_error(), "consumer_ln") == NULL) {
    printf("consumer: an unknown kernel was found, or the message lacks the kernels: %s\n",
           normrt_last_error());
    return 1;
  }
  /* A wrong static extent is refused before the kernel runs, naming 'x'. */
  float x[2 * 3 * 5 * 6], g[3], b[3], y[2 * 3 * 5 * 6];
  int64_t xs[4] = {2, 3, 5, 6}, ps[1] = {3};
  normrt_tensor_t tx, tg, tb, ty;
  normrt_tensor_init(&tx, x, NORMRT_DTYPE_F32, 4, xs, NULL);
  normrt_tensor_init(&tg, g, NORMRT_DTYPE_F32, 1, ps, NULL);
  normrt_tensor_init(&tb, b, NORMRT_DTYPE_F32, 1, ps, NULL);
  normrt_tensor_init(&ty, y, NORMRT_DTYPE_F32, 4, xs, NULL);
  const normrt_tensor_t *args[] = {&tx, &tg, &tb, &ty};
  if (normrt_registry_call(reg, "consumer_in_relu", args, 4) != NORMRT_STATUS_SHAPE_MISMATCH ||
      strstr(normrt_last_error(), "'x'") == NULL) {
    printf("consumer: a wrong extent was not refused as expected: %s\n", normrt_last_error());
    return 1;
  }
  return 0;
}

int main(void) {
  if (consumer_kernels_KERNEL_COUNT != 2) {
    printf("consumer: the library has %d kernels instead of 2\n", consumer_kernels_KERNEL_COUNT);
    return 1;
  }
  if (check_registry() || check_in_relu() || check_ln())
    return 1;
  printf("consumer: OK\n");
  return 0;
}
