/* onnx_runner: runs the one kernel of a normc --library on named tensors.
 *
 *   onnx_runner args.bin results.bin
 *
 * args.bin (NORMCW1, examples/style_transfer/README.md) holds a tensor for
 * every argument of the kernel, by its name: the inputs with their data and
 * each output with the shape it must have (its data is ignored). The
 * outputs are written to results.bin. Built by run_onnx_tests.py against
 * each imported model: -include <lib>.h -DREGISTRY=<lib>_registry. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "normrt.h"
#include "weights.h"

static int put(FILE *f, const void *p, size_t n) { return fwrite(p, 1, n, f) == n ? 0 : 1; }

int main(int argc, char **argv) {
  if (argc != 3) {
    fprintf(stderr, "usage: onnx_runner args.bin results.bin\n");
    return 2;
  }
  char error[1024];
  weights_t w = {0};
  if (weights_load(argv[1], &w, error, sizeof error)) {
    fprintf(stderr, "onnx_runner: %s\n", error);
    return 1;
  }
  const normrt_registry_t *registry = REGISTRY();
  if (normrt_registry_size(registry) != 1) {
    fprintf(stderr, "onnx_runner: the library has %d kernels, expected 1\n",
            (int)normrt_registry_size(registry));
    return 1;
  }
  const normrt_kernel_entry_t *k = normrt_registry_at(registry, 0);
  const normrt_tensor_t *args[NORMRT_MAX_KERNEL_ARGS];
  if (k->num_args > NORMRT_MAX_KERNEL_ARGS) return 1;
  for (int32_t i = 0; i < k->num_args; ++i) {
    args[i] = weights_find(&w, k->args[i].name);
    if (!args[i]) {
      fprintf(stderr, "onnx_runner: %s has no tensor '%s'\n", argv[1], k->args[i].name);
      return 1;
    }
  }
  if (normrt_kernel_call(&k->kernel, args, k->num_args) != NORMRT_STATUS_OK) {
    fprintf(stderr, "onnx_runner: %s\n", normrt_last_error());
    return 1;
  }
  FILE *f = fopen(argv[2], "wb");
  if (!f) return 1;
  uint32_t count = 0;
  for (int32_t i = 0; i < k->num_args; ++i) count += k->args[i].is_output ? 1 : 0;
  int bad = put(f, "NORMCW1\0", 8) | put(f, &count, 4);
  for (int32_t i = 0; i < k->num_args; ++i) {
    if (!k->args[i].is_output) continue;
    const normrt_tensor_t *t = args[i];
    uint16_t len = (uint16_t)strlen(k->args[i].name);
    uint8_t dtype = 0, rank = (uint8_t)t->rank;
    bad |= put(f, &len, 2) | put(f, k->args[i].name, len) | put(f, &dtype, 1) | put(f, &rank, 1);
    for (int d = 0; d < t->rank; ++d) bad |= put(f, &t->shape[d], 8);
    bad |= put(f, t->data, (size_t)normrt_tensor_numel(t) * 4);
  }
  if (fclose(f) || bad) {
    fprintf(stderr, "onnx_runner: cannot write %s\n", argv[2]);
    return 1;
  }
  weights_free(&w);
  return 0;
}
