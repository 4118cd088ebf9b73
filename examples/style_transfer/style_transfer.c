/*
 * style_transfer - runs TransformerNet (transformer_net.mlir, compiled by
 * normc into style_kernels.a) on one image:
 *
 *   style_transfer --weights w.bin [--threads N] [--repeat N] [--profile]
 *                  [--save-tensor out.f32] in.png out.png
 *
 * The weights file's tensors are bound to the kernel's arguments by name,
 * through the kernel table normc wrote (style_kernels_registry()); every
 * argument is checked before anything runs. Prints the time per image
 * (median of --repeat runs, wall and CPU time) and, with --profile, the
 * time of each kernel group (profile.c).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "image_io.h"
#include "normrt.h"
#include "profile.h"
#include "weights.h"
/* style_transfer_onnx is the same program on the kernels normc made of the
 * network exported by PyTorch to ONNX (export_onnx.py). */
#ifdef STYLE_KERNELS_ONNX
#include "style_kernels_onnx.h"
#define STYLE_KERNELS_REGISTRY style_kernels_onnx_registry
#else
#include "style_kernels.h"
#define STYLE_KERNELS_REGISTRY style_kernels_registry
#endif

#define KERNEL_NAME "transformer_net"

typedef struct options_t {
  const char *weights, *input, *output, *tensor_out;
  int threads, repeat, profile;
} options_t;

static void usage(FILE *to) {
  fprintf(to,
          "usage: style_transfer --weights FILE [options] IN OUT\n"
          "Stylizes IN (.png or .ppm, 8-bit RGB, at least 5x5 pixels) into OUT\n"
          "(.png or .ppm) with TransformerNet compiled by normc.\n\n"
          "  --weights FILE      weights file (make_weights.py writes one)\n"
          "  --threads N         worker threads (default: all CPUs, or HL_NUM_THREADS)\n"
          "  --repeat N          run N times and report the median (default 1)\n"
          "  --profile           also print the time of each kernel group\n"
          "  --save-tensor FILE  also write the output as raw little-endian f32,\n"
          "                      3 x height x width, before clamping\n"
          "  --help              this text\n\n"
          "The output has 4 * ceil(ceil(H / 2) / 2) rows (H when H is a multiple\n"
          "of 4), and likewise columns.\n");
}

static int parse_int(const char *flag, const char *text, int min, int *out) {
  char *end;
  errno = 0;
  long v = strtol(text, &end, 10);
  if (errno || *end || end == text || v < min || v > 1000000) {
    fprintf(stderr, "style_transfer: %s needs an integer >= %d, not '%s'\n", flag, min, text);
    return 1;
  }
  *out = (int)v;
  return 0;
}

static int parse_options(int argc, char **argv, options_t *o) {
  const char *positional[2];
  int npos = 0;
  for (int i = 1; i < argc; ++i) {
    const char *a = argv[i];
    int has_value = i + 1 < argc;
    if (strcmp(a, "--help") == 0) {
      usage(stdout);
      exit(0);
    } else if (strcmp(a, "--profile") == 0) {
      o->profile = 1;
    } else if (strcmp(a, "--weights") == 0 || strcmp(a, "--threads") == 0 ||
               strcmp(a, "--repeat") == 0 || strcmp(a, "--save-tensor") == 0) {
      if (!has_value) {
        fprintf(stderr, "style_transfer: %s needs a value\n", a);
        return 1;
      }
      const char *v = argv[++i];
      if (strcmp(a, "--weights") == 0)
        o->weights = v;
      else if (strcmp(a, "--save-tensor") == 0)
        o->tensor_out = v;
      else if (parse_int(a, v, 1, strcmp(a, "--threads") == 0 ? &o->threads : &o->repeat))
        return 1;
    } else if (a[0] == '-' && a[1]) {
      fprintf(stderr, "style_transfer: unknown option '%s' (see --help)\n", a);
      return 1;
    } else if (npos < 2) {
      positional[npos++] = a;
    } else {
      fprintf(stderr, "style_transfer: one input and one output, not '%s' too\n", a);
      return 1;
    }
  }
  if (!o->weights || npos != 2) {
    usage(stderr);
    return 1;
  }
  o->input = positional[0];
  o->output = positional[1];
  return 0;
}

static double seconds(clockid_t clock) {
  struct timespec t;
  clock_gettime(clock, &t);
  return (double)t.tv_sec + 1e-9 * (double)t.tv_nsec;
}

static int compare_doubles(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return (x > y) - (x < y);
}

static int64_t output_extent(int64_t in) {
  int64_t half = (in + 1) / 2, quarter = (half + 1) / 2; /* the two stride-2 convs */
  return 4 * quarter;                                    /* the two x2 upsamplings */
}

/* Binds each kernel argument: the image, the output, or the weights tensor
 * of the same name, whose shape must be the one the kernel was compiled for.
 * Every weights tensor must be used (a misspelt name is an error, as in
 * PyTorch's strict load_state_dict). */
static int bind_arguments(const normrt_kernel_entry_t *k, const weights_t *w,
                          const normrt_tensor_t *image, const normrt_tensor_t *output,
                          const char *weights_path, const normrt_tensor_t **args) {
  size_t used = 0;
  for (int32_t i = 0; i < k->num_args; ++i) {
    const normrt_arg_info_t *a = &k->args[i];
    if (a->is_output) {
      args[i] = output;
      continue;
    }
    if (strcmp(a->name, "image") == 0) {
      args[i] = image;
      continue;
    }
    const normrt_tensor_t *t = weights_find(w, a->name);
    if (!t) {
      fprintf(stderr, "style_transfer: %s has no tensor '%s' (argument %d of %s)\n",
              weights_path, a->name, (int)i, KERNEL_NAME);
      return 1;
    }
    int same = t->rank == a->rank;
    for (int32_t d = 0; same && d < a->rank; ++d)
      same = a->extents[d] < 0 || a->extents[d] == t->shape[d];
    if (!same) {
      fprintf(stderr, "style_transfer: %s: tensor '%s' has shape [", weights_path, a->name);
      for (int32_t d = 0; d < t->rank; ++d)
        fprintf(stderr, "%s%lld", d ? ", " : "", (long long)t->shape[d]);
      fprintf(stderr, "], the kernel takes [");
      for (int32_t d = 0; d < a->rank; ++d)
        fprintf(stderr, "%s%lld", d ? ", " : "", (long long)a->extents[d]);
      fprintf(stderr, "]\n");
      return 1;
    }
    args[i] = t;
    ++used;
  }
  if (used != w->count) {
    for (size_t j = 0; j < w->count; ++j) {
      int found = 0;
      for (int32_t i = 0; i < k->num_args && !found; ++i)
        found = strcmp(k->args[i].name, w->names[j]) == 0;
      if (!found)
        fprintf(stderr, "style_transfer: %s: tensor '%s' is no argument of %s\n",
                weights_path, w->names[j], KERNEL_NAME);
    }
    return 1;
  }
  return 0;
}

static int write_tensor(const char *path, const normrt_tensor_t *t) {
  char tmp[4096];
  snprintf(tmp, sizeof tmp, "%s.tmp", path);
  FILE *f = fopen(tmp, "wb");
  size_t n = (size_t)normrt_tensor_numel(t);
  /* f32 in memory is little-endian on every target normc supports. */
  int failed = !f || fwrite(t->data, sizeof(float), n, f) != n;
  if (f && fclose(f) != 0)
    failed = 1;
  if (!failed && rename(tmp, path) != 0)
    failed = 1;
  if (failed) {
    remove(tmp);
    fprintf(stderr, "style_transfer: cannot write %s\n", path);
  }
  return failed;
}

int main(int argc, char **argv) {
  options_t o = {0};
  o.repeat = 1;
  if (parse_options(argc, argv, &o))
    return 2;

  char error[1024];
  weights_t weights = {0};
  image_t input = {0};
  if (weights_load(o.weights, &weights, error, sizeof error) ||
      image_read(o.input, &input, error, sizeof error)) {
    fprintf(stderr, "style_transfer: %s\n", error);
    weights_free(&weights);
    return 1;
  }
  int status = 1;
  normrt_tensor_t image, output = {0};
  const normrt_kernel_entry_t *kernel =
      normrt_registry_find(STYLE_KERNELS_REGISTRY(), KERNEL_NAME);
  int64_t in_shape[4] = {1, 3, input.height, input.width};
  int64_t out_shape[4] = {1, 3, output_extent(input.height), output_extent(input.width)};
  const normrt_tensor_t *args[NORMRT_MAX_KERNEL_ARGS];
  if (input.height < 5 || input.width < 5) {
    fprintf(stderr, "style_transfer: %s is %dx%d; the network needs at least 5x5 pixels\n",
            o.input, (int)input.width, (int)input.height);
    goto done;
  }
  if (!kernel || kernel->num_args > NORMRT_MAX_KERNEL_ARGS ||
      normrt_tensor_init(&image, input.planes, NORMRT_DTYPE_F32, 4, in_shape, NULL) ||
      normrt_tensor_create(&output, NORMRT_DTYPE_F32, 4, out_shape)) {
    fprintf(stderr, "style_transfer: %s\n", normrt_last_error());
    goto done;
  }
  if (bind_arguments(kernel, &weights, &image, &output, o.weights, args))
    goto done;
  if (o.threads && normrt_set_num_threads(o.threads) != NORMRT_STATUS_OK) {
    fprintf(stderr, "style_transfer: %s\n", normrt_last_error());
    goto done;
  }

  double *wall = calloc((size_t)o.repeat, sizeof *wall);
  double *cpu = calloc((size_t)o.repeat, sizeof *cpu);
  profile_t *profile = o.profile ? profile_begin() : NULL;
  int ran = wall && cpu && (!o.profile || profile);
  for (int r = 0; ran && r < o.repeat; ++r) {
    double w0 = seconds(CLOCK_MONOTONIC), c0 = seconds(CLOCK_PROCESS_CPUTIME_ID);
    if (normrt_kernel_call(&kernel->kernel, args, kernel->num_args) != NORMRT_STATUS_OK) {
      fprintf(stderr, "style_transfer: %s\n", normrt_last_error());
      ran = 0;
      break;
    }
    wall[r] = seconds(CLOCK_MONOTONIC) - w0;
    cpu[r] = seconds(CLOCK_PROCESS_CPUTIME_ID) - c0;
  }
  if (ran) {
    qsort(wall, (size_t)o.repeat, sizeof *wall, compare_doubles);
    qsort(cpu, (size_t)o.repeat, sizeof *cpu, compare_doubles);
    printf("%s: %dx%d -> %lldx%lld, %d thread(s): %.2f ms per image (median of %d; "
           "CPU time %.2f ms, %.2f x wall)\n",
           o.input, (int)input.width, (int)input.height, (long long)out_shape[3],
           (long long)out_shape[2], (int)normrt_get_num_threads(), 1e3 * wall[o.repeat / 2],
           o.repeat, 1e3 * cpu[o.repeat / 2], cpu[o.repeat / 2] / wall[o.repeat / 2]);
    if (profile)
      profile_print(profile, stdout, o.repeat);
  }
  profile_end(profile);
  free(wall);
  free(cpu);
  if (!ran)
    goto done;
  /* Each file is written whole or not at all; a failure of the second
   * removes the first, so a failed run leaves neither. */
  if (image_write(o.output, output.data, (int32_t)out_shape[2], (int32_t)out_shape[3], error,
                  sizeof error)) {
    fprintf(stderr, "style_transfer: %s\n", error);
    goto done;
  }
  if (o.tensor_out && write_tensor(o.tensor_out, &output)) {
    remove(o.output);
    goto done;
  }
  status = 0;
done:
  normrt_tensor_free(&output);
  free(input.planes);
  weights_free(&weights);
  return status;
}
