/*
 * profile.c - sums Halide's per-Func samples into kernel groups.
 */
#include "profile.h"

#include <HalideRuntime.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define MAX_GROUPS 64

typedef struct group_t {
  char name[64]; /* <role>_<16 hex digits>, or "(outside any group)" */
  uint64_t ns;   /* sampled time, all runs, all calls */
} group_t;

struct profile_t {
  group_t groups[MAX_GROUPS];
  int num_groups;
};

profile_t *profile_begin(void) {
  profile_t *p = calloc(1, sizeof *p);
  if (p)
    halide_profiler_reset();
  return p;
}

static int is_hex(char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); }

/* Length of the group part of a Func name (up to the end of the first
 * "_<16 hex digits>" that is followed by '_', '$' or the end), or 0. */
static size_t group_prefix(const char *name) {
  size_t n = strlen(name);
  for (size_t i = 0; i + 17 <= n; ++i) {
    if (name[i] != '_')
      continue;
    size_t h = 0;
    while (h < 16 && is_hex(name[i + 1 + h]))
      ++h;
    char after = name[i + 17];
    if (h != 16 || !(after == '_' || after == '$' || after == '\0'))
      continue;
    return i + 17;
  }
  return 0;
}

static group_t *group_named(profile_t *p, const char *name, size_t len) {
  for (int i = 0; i < p->num_groups; ++i)
    if (strlen(p->groups[i].name) == len && strncmp(p->groups[i].name, name, len) == 0)
      return &p->groups[i];
  if (p->num_groups == MAX_GROUPS)
    return &p->groups[MAX_GROUPS - 1]; /* more groups than any network here: pooled */
  group_t *g = &p->groups[p->num_groups++];
  if (len >= sizeof g->name)
    len = sizeof g->name - 1;
  memcpy(g->name, name, len);
  g->name[len] = '\0';
  return g;
}

static int by_time(const void *a, const void *b) {
  uint64_t x = ((const group_t *)a)->ns, y = ((const group_t *)b)->ns;
  return (x < y) - (x > y);
}

void profile_print(profile_t *p, FILE *out, int runs) {
  struct halide_profiler_state *s = halide_profiler_get_state();
  uint64_t total = 0;
  halide_mutex_lock(&s->lock); /* pauses the sampling thread */
  for (struct halide_profiler_pipeline_stats *pl = s->pipelines; pl; pl = pl->next) {
    for (int f = 0; f < pl->num_funcs; ++f) {
      struct halide_profiler_func_stats *fs = &pl->funcs[f];
      if (!fs->time)
        continue;
      size_t len = group_prefix(fs->name);
      static const char outside[] = "(outside any group)";
      group_t *g = len ? group_named(p, fs->name, len) : group_named(p, outside, strlen(outside));
      g->ns += fs->time;
      total += fs->time;
    }
  }
  halide_mutex_unlock(&s->lock);
  qsort(p->groups, (size_t)p->num_groups, sizeof p->groups[0], by_time);
  fprintf(out, "time per kernel group (Halide's sampling profiler, 1 ms samples, mean of %d "
          "run(s)):\n", runs);
  fprintf(out, "  %-30s %10s %6s\n", "group (all its calls)", "ms/run", "share");
  for (int i = 0; i < p->num_groups; ++i) {
    const group_t *g = &p->groups[i];
    fprintf(out, "  %-30s %10.2f %5.1f%%\n", g->name, 1e-6 * (double)g->ns / runs,
            total ? 100.0 * (double)g->ns / (double)total : 0.0);
  }
}

void profile_end(profile_t *p) {
  halide_profiler_reset();
  free(p);
}
