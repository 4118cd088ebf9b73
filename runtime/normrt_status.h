/*
 * normrt_status.h - status codes and per-thread error messages of the normc
 * C runtime.
 *
 * Every normrt function that can fail returns a normrt_status_t (or documents
 * a sentinel value) and, when it fails, stores a human-readable message that
 * normrt_last_error() returns on the same thread. Successful calls leave the
 * message alone, so it always describes the most recent failure on the thread.
 */
#ifndef NORMC_RUNTIME_NORMRT_STATUS_H_
#define NORMC_RUNTIME_NORMRT_STATUS_H_

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Result of a normrt call. Values are stable and part of the ABI. */
typedef enum normrt_status_t {
  /* The call succeeded. */
  NORMRT_STATUS_OK = 0,
  /* A parameter was NULL, out of range, or otherwise unusable by the call. */
  NORMRT_STATUS_INVALID_ARGUMENT = 1,
  /* A tensor's rank or extents disagree with what the kernel requires. */
  NORMRT_STATUS_SHAPE_MISMATCH = 2,
  /* A tensor's element type disagrees with what the kernel requires. */
  NORMRT_STATUS_DTYPE_MISMATCH = 3,
  /* The requested item (e.g. a kernel argument index) does not exist. */
  NORMRT_STATUS_NOT_FOUND = 4,
  /* Memory could not be allocated (by normrt or inside the kernel). */
  NORMRT_STATUS_OUT_OF_MEMORY = 5,
  /* The kernel ran and reported a failure not covered by the codes above. */
  NORMRT_STATUS_KERNEL_FAILED = 6,
  /* The program lacks what the call needs, e.g. a device API whose Halide
   * runtime was not linked in. */
  NORMRT_STATUS_UNSUPPORTED = 7,
  /* A device tensor lives on another device API than the kernel runs on. */
  NORMRT_STATUS_INCOMPATIBLE_DEVICE = 8,
  /* The device API failed (no device, driver error, failed copy). */
  NORMRT_STATUS_DEVICE_ERROR = 9,
  /* A tensor (an argument, or a buffer the kernel would allocate) spans more
   * than 2^31 - 1 bytes: normc's kernels use 32-bit offsets. */
  NORMRT_STATUS_TOO_LARGE = 10,
  /* An output's memory overlaps another argument's, or itself (e.g. a zero
   * stride): normc's kernels read inputs after writing outputs, so in-place
   * calls would compute wrong results. */
  NORMRT_STATUS_ALIASED = 11
} normrt_status_t;

/*
 * Returns a short constant name for `status`, e.g. "shape mismatch"; returns
 * "unknown status" for values outside the enum. Never returns NULL and never
 * fails (it does not touch the last-error message). The returned string is a
 * static constant; the caller must not free it.
 */
const char *normrt_status_string(normrt_status_t status);

/*
 * Returns the message of the most recent failing normrt call made by the
 * calling thread, or "" when no call on this thread has failed yet. Never
 * returns NULL. The string is owned by normrt (thread-local storage); it stays
 * valid until the next failing normrt call on the same thread, which
 * overwrites it. Successful calls do not clear it.
 */
const char *normrt_last_error(void);

/*
 * An optional hook for failures: called on the failing thread, inside the
 * failing normrt call, with its status and message (the new last error,
 * valid for the duration of the callback), and `user` as given here. normrt
 * never prints; this is how an application logs. The callback must not call
 * normrt. NULL (the default) removes it. Set it before other threads call
 * normrt; reading it is atomic, so a change is seen by later failures.
 */
typedef void (*normrt_error_callback_t)(normrt_status_t status, const char *message,
                                        void *user);
void normrt_set_error_callback(normrt_error_callback_t callback, void *user);

#ifdef __cplusplus
} /* extern "C" */
#endif

#endif /* NORMC_RUNTIME_NORMRT_STATUS_H_ */
