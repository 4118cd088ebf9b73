#!/usr/bin/env bash
# Installs what is needed, builds normc and runs every test: lit (IR, passes,
# the normc driver) and ctest (GoogleTest numerics, runtime, end to end, and
# the example program). Prints the counts of both.
set -euo pipefail
cd "$(dirname "$0")/.."
# --bench: libtorch and oneDNN too, so that the benchmark program is built and
# its correctness mode runs as a test (it cannot rot).
scripts/install-deps.sh --bench
scripts/build.sh -DNORMC_BUILD_TESTS=ON -DNORMC_BUILD_BENCH=ON

echo "== lit: IR, passes and driver tests"
python3 /usr/lib/llvm-19/build/utils/lit/lit.py -sv build/test

echo "== ctest: numerics, runtime, end-to-end, benchmark check"
ctest --test-dir build --output-on-failure -j "${NORMC_JOBS:-2}"
