/*
 * profile.h - time per kernel group, from Halide's sampling profiler.
 *
 * The kernels are compiled with the `profile` target feature (CMakeLists.txt):
 * Halide then samples, every millisecond, which loop nest each pipeline is
 * in. normc names every Func after its kernel group (<role>_<hash>), so the
 * samples add up per group.
 */
#ifndef NORMC_EXAMPLES_STYLE_TRANSFER_PROFILE_H_
#define NORMC_EXAMPLES_STYLE_TRANSFER_PROFILE_H_

#include <stdio.h>

typedef struct profile_t profile_t;

/* Clears the profiler's counts; returns NULL when out of memory. */
profile_t *profile_begin(void);

/* Prints one line per kernel group, slowest first: ms per run (mean, all
 * the group's calls: the residual blocks share two groups), share of the
 * sampled time. */
void profile_print(profile_t *profile, FILE *out, int runs);

/* Clears the counts (so that Halide prints no report of its own at exit,
 * with or without --profile) and frees `profile`; NULL is fine. */
void profile_end(profile_t *profile);

#endif /* NORMC_EXAMPLES_STYLE_TRANSFER_PROFILE_H_ */
