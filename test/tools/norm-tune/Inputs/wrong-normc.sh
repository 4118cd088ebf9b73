#!/bin/sh
# A normc that miscompiles every candidate: when given a tuning database (as
# norm-tune does for each candidate, not for the defaults) it compiles
# wrong-results.mlir's @f without its ReLU instead. norm-tune must discard
# every candidate and keep the defaults.
real="$NORMC_REAL"
for a in "$@"; do
  case "$a" in
    --tuning-db=*)
      args=""
      for b in "$@"; do
        case "$b" in
          *.mlir) b="$(dirname "$0")/wrong-body.mlir" ;;
        esac
        args="$args '$b'"
      done
      eval exec "\"$real\"" $args ;;
  esac
done
exec "$real" "$@"
