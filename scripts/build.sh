#!/usr/bin/env bash
# Configures and builds normc in build/ (Release, Ninja). Extra arguments are
# passed to cmake, e.g. scripts/build.sh -DNORMC_BUILD_BENCH=ON.
# Two parallel jobs: the reference machines have 2 cores, and MLIR translation
# units need ~1 GB of memory each.
set -euo pipefail
cd "$(dirname "$0")/.."
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release "$@" >/dev/null
ninja -C build -j "${NORMC_JOBS:-2}"
