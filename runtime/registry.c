/*
 * registry.c - lookups in the kernel tables normc writes (normrt_registry.h)
 * and calls checked against them.
 */
#include "normrt_registry.h"

#include <stdio.h>
#include <string.h>

#include "internal/last_error.h"

int32_t normrt_registry_size(const normrt_registry_t *registry) {
  if (!registry) {
    normrt_internal_fail(NORMRT_STATUS_INVALID_ARGUMENT, "normrt_registry_size: registry is NULL");
    return -1;
  }
  return registry->num_kernels;
}

const normrt_kernel_entry_t *normrt_registry_at(const normrt_registry_t *registry,
                                                int32_t index) {
  if (!registry) {
    normrt_internal_fail(NORMRT_STATUS_INVALID_ARGUMENT, "normrt_registry_at: registry is NULL");
    return NULL;
  }
  if (index < 0 || index >= registry->num_kernels) {
    normrt_internal_fail(NORMRT_STATUS_NOT_FOUND,
                         "normrt_registry_at: index %d is not in 0..%d of library '%s'",
                         (int)index, (int)registry->num_kernels - 1, registry->library);
    return NULL;
  }
  return &registry->kernels[index];
}

const normrt_kernel_entry_t *normrt_registry_find(const normrt_registry_t *registry,
                                                  const char *name) {
  if (!registry || !name) {
    normrt_internal_fail(NORMRT_STATUS_INVALID_ARGUMENT, "normrt_registry_find: %s is NULL",
                         registry ? "name" : "registry");
    return NULL;
  }
  /* The message lists what there is: a typo is then obvious. */
  char known[256] = "";
  size_t used = 0;
  for (int32_t i = 0; i < registry->num_kernels; ++i) {
    const char *k = registry->kernels[i].kernel.name;
    if (strcmp(k, name) == 0)
      return &registry->kernels[i];
    int n = snprintf(known + used, sizeof known - used, "%s%s", i ? ", " : "", k);
    if (n > 0 && (size_t)n < sizeof known - used)
      used += (size_t)n;
  }
  normrt_internal_fail(NORMRT_STATUS_NOT_FOUND,
                       "normrt_registry_find: library '%s' has no kernel '%s' (it has: %s)",
                       registry->library, name, known);
  return NULL;
}

normrt_status_t normrt_registry_call(const normrt_registry_t *registry, const char *name,
                                     const normrt_tensor_t *const *args, int32_t num_args) {
  const normrt_kernel_entry_t *entry = normrt_registry_find(registry, name);
  if (!entry) /* the last error says why */
    return registry && name ? NORMRT_STATUS_NOT_FOUND : NORMRT_STATUS_INVALID_ARGUMENT;
  if (num_args != entry->num_args)
    return normrt_internal_fail(NORMRT_STATUS_INVALID_ARGUMENT,
                                "%s.%s: %d tensors given, the kernel takes %d",
                                registry->library, name, (int)num_args, (int)entry->num_args);
  if (num_args > 0 && !args)
    return normrt_internal_fail(NORMRT_STATUS_INVALID_ARGUMENT, "%s.%s: args is NULL",
                                registry->library, name);
  for (int32_t i = 0; i < num_args; ++i) {
    const normrt_arg_info_t *a = &entry->args[i];
    const normrt_tensor_t *t = args[i];
    if (!t)
      return normrt_internal_fail(NORMRT_STATUS_INVALID_ARGUMENT, "%s.%s: tensor '%s' is NULL",
                                  registry->library, name, a->name);
    if (t->dtype != a->dtype)
      return normrt_internal_fail(NORMRT_STATUS_DTYPE_MISMATCH,
                                  "%s.%s: tensor '%s' is %s, the kernel takes %s",
                                  registry->library, name, a->name, normrt_dtype_name(t->dtype),
                                  normrt_dtype_name(a->dtype));
    if (t->rank != a->rank)
      return normrt_internal_fail(NORMRT_STATUS_SHAPE_MISMATCH,
                                  "%s.%s: tensor '%s' has rank %d, the kernel takes rank %d",
                                  registry->library, name, a->name, (int)t->rank, (int)a->rank);
    for (int32_t d = 0; d < a->rank; ++d)
      if (a->extents[d] >= 0 && t->shape[d] != a->extents[d])
        return normrt_internal_fail(
            NORMRT_STATUS_SHAPE_MISMATCH,
            "%s.%s: tensor '%s' has extent %lld in dimension %d, the kernel was compiled for %lld",
            registry->library, name, a->name, (long long)t->shape[d], (int)d,
            (long long)a->extents[d]);
  }
  return normrt_kernel_call(&entry->kernel, args, num_args);
}
