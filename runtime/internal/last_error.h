/*
 * internal/last_error.h - private helper that records the thread-local
 * message returned by normrt_last_error(). Not installed, not public.
 */
#ifndef NORMC_RUNTIME_INTERNAL_LAST_ERROR_H_
#define NORMC_RUNTIME_INTERNAL_LAST_ERROR_H_

#include "normrt_status.h"

#ifdef __cplusplus
extern "C" {
#endif

#if defined(__GNUC__) || defined(__clang__)
#define NORMRT_INTERNAL_PRINTF(fmt_index, first_arg) \
  __attribute__((format(printf, fmt_index, first_arg)))
#else
#define NORMRT_INTERNAL_PRINTF(fmt_index, first_arg)
#endif

/* Capacity of the per-thread message, terminating NUL included. Longer
 * messages are truncated. */
#define NORMRT_INTERNAL_ERROR_CAPACITY 1024

/*
 * Formats a message (printf-style) into the calling thread's last-error slot
 * and returns `status` unchanged, so failing paths read
 * `return normrt_internal_fail(NORMRT_STATUS_..., "...", ...);`.
 * `status` must not be NORMRT_STATUS_OK. `fmt` is borrowed for the call.
 */
normrt_status_t normrt_internal_fail(normrt_status_t status, const char *fmt,
                                     ...) NORMRT_INTERNAL_PRINTF(2, 3);

#ifdef __cplusplus
} /* extern "C" */
#endif

#endif /* NORMC_RUNTIME_INTERNAL_LAST_ERROR_H_ */
