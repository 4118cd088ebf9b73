/* status.c - status strings and the thread-local last-error slot. */
#include <stdarg.h>
#include <stdio.h>

#include "internal/last_error.h"
#include "normrt_status.h"

/* The last-error slot is the only mutable global state of the library, and
 * it is per thread. C11 spells thread-local storage _Thread_local; the library
 * is built as gnu99, where GCC and Clang accept __thread. */
#if defined(__STDC_VERSION__) && __STDC_VERSION__ >= 201112L
#define NORMRT_THREAD_LOCAL _Thread_local
#elif defined(__GNUC__) || defined(__clang__)
#define NORMRT_THREAD_LOCAL __thread
#elif defined(_MSC_VER)
#define NORMRT_THREAD_LOCAL __declspec(thread)
#else
#error "normrt needs thread-local storage (_Thread_local or __thread)"
#endif

static NORMRT_THREAD_LOCAL char g_last_error[NORMRT_INTERNAL_ERROR_CAPACITY];

const char *normrt_status_string(normrt_status_t status) {
  switch (status) {
    case NORMRT_STATUS_OK:
      return "ok";
    case NORMRT_STATUS_INVALID_ARGUMENT:
      return "invalid argument";
    case NORMRT_STATUS_SHAPE_MISMATCH:
      return "shape mismatch";
    case NORMRT_STATUS_DTYPE_MISMATCH:
      return "dtype mismatch";
    case NORMRT_STATUS_NOT_FOUND:
      return "not found";
    case NORMRT_STATUS_OUT_OF_MEMORY:
      return "out of memory";
    case NORMRT_STATUS_KERNEL_FAILED:
      return "kernel failed";
    case NORMRT_STATUS_UNSUPPORTED:
      return "unsupported";
    case NORMRT_STATUS_INCOMPATIBLE_DEVICE:
      return "incompatible device";
    case NORMRT_STATUS_DEVICE_ERROR:
      return "device error";
    case NORMRT_STATUS_TOO_LARGE:
      return "too large";
    case NORMRT_STATUS_ALIASED:
      return "aliased";
  }
  return "unknown status";
}

const char *normrt_last_error(void) { return g_last_error; }

/* The user's failure hook: one struct behind one atomic pointer, so that a
 * failing thread never sees a callback with another one's `user`. */
typedef struct error_hook_t {
  normrt_error_callback_t callback;
  void *user;
} error_hook_t;
static error_hook_t g_hooks[2];
static error_hook_t *g_hook = NULL;
static int g_next_hook = 0;

void normrt_set_error_callback(normrt_error_callback_t callback, void *user) {
  error_hook_t *hook = NULL;
  if (callback != NULL) {
    /* Alternate between two slots: the one a racing failure may still read
     * is not the one being written (the contract asks for no race anyway). */
    hook = &g_hooks[g_next_hook];
    g_next_hook ^= 1;
    hook->callback = callback;
    hook->user = user;
  }
  __atomic_store_n(&g_hook, hook, __ATOMIC_RELEASE);
}

normrt_status_t normrt_internal_fail(normrt_status_t status, const char *fmt,
                                     ...) {
  va_list ap;
  error_hook_t *hook;
  va_start(ap, fmt);
  /* vsnprintf always NUL-terminates and truncates what does not fit. */
  (void)vsnprintf(g_last_error, sizeof(g_last_error), fmt, ap);
  va_end(ap);
  hook = __atomic_load_n(&g_hook, __ATOMIC_ACQUIRE);
  if (hook != NULL) hook->callback(status, g_last_error, hook->user);
  return status;
}
