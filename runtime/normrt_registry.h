/*
 * normrt_registry.h - the kernel tables of normc libraries.
 *
 * `normc --library=<lib>` (and normc_add_kernels(... SOURCES ...)) writes,
 * in <lib>.h, a table of every kernel of the library as plain C data and an
 * accessor, `const normrt_registry_t *<lib>_registry(void)`: no global
 * constructor, nothing to register, the table lives in read-only memory of
 * the program that includes the header. Each entry carries normc's own
 * description of the kernel's arguments (the names of the .mlir file, not
 * Halide's, and the static extents normc compiled for).
 *
 *   #include "my_kernels.h"   // generated: the kernels and their table
 *   const normrt_registry_t *reg = my_kernels_registry();
 *   for (int32_t i = 0; i < normrt_registry_size(reg); ++i)
 *     printf("%s\n", normrt_registry_at(reg, i)->kernel.name);
 *   normrt_status_t s = normrt_registry_call(reg, "instance_norm_relu", args, 4);
 *
 * Everything here is borrowed: tables are static data owned by the program.
 */
#ifndef NORMC_RUNTIME_NORMRT_REGISTRY_H_
#define NORMC_RUNTIME_NORMRT_REGISTRY_H_

#include <stdint.h>

#include "normrt_kernel.h"
#include "normrt_status.h"
#include "normrt_tensor.h"

#ifdef __cplusplus
extern "C" {
#endif

/* normrt_arg_info_t (one argument as normc compiled it) is in
 * normrt_kernel.h. */

/* One kernel of a library. */
typedef struct normrt_kernel_entry_t {
  normrt_kernel_t kernel;        /* name and entry points, for normrt_kernel_call */
  const char *target;            /* the --target it was compiled for, as spelled */
  int32_t num_args;              /* inputs then outputs, the order calls take */
  const normrt_arg_info_t *args;
  /* Multitarget libraries: returns the index (into the comma-separated
   * `target`) of the variant this CPU runs; NULL for one target. */
  int (*variant)(void);
} normrt_kernel_entry_t;

/* A library's table. */
typedef struct normrt_registry_t {
  const char *library;           /* <lib> of --library */
  int32_t num_kernels;
  const normrt_kernel_entry_t *kernels;
} normrt_registry_t;

/* Number of kernels, or -1 (and the last error) for a NULL registry. */
int32_t normrt_registry_size(const normrt_registry_t *registry);

/* Kernel `index` (0-based), or NULL (last error: NOT_FOUND, or
 * INVALID_ARGUMENT for a NULL registry). */
const normrt_kernel_entry_t *normrt_registry_at(const normrt_registry_t *registry,
                                                int32_t index);

/* The kernel named `name`, or NULL (last error: NOT_FOUND naming the
 * library and its kernels, or INVALID_ARGUMENT for NULL arguments). */
const normrt_kernel_entry_t *normrt_registry_find(const normrt_registry_t *registry,
                                                  const char *name);

/*
 * Looks up `name` and runs it on `args` (as normrt_kernel_call(), which it
 * calls): first checks the count, dtypes, ranks and static extents against
 * the entry's table, with messages that use normc's argument names.
 * Returns NOT_FOUND for an unknown name, INVALID_ARGUMENT, DTYPE_MISMATCH or
 * SHAPE_MISMATCH before anything runs, else normrt_kernel_call()'s status.
 */
normrt_status_t normrt_registry_call(const normrt_registry_t *registry, const char *name,
                                     const normrt_tensor_t *const *args, int32_t num_args);

#ifdef __cplusplus
} /* extern "C" */
#endif

#endif /* NORMC_RUNTIME_NORMRT_REGISTRY_H_ */
