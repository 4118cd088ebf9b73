#!/usr/bin/env bash
# Installs what is needed, builds normc and runs every test: lit (IR, passes,
# the normc driver) and ctest (GoogleTest numerics, runtime, end to end, and
# the example program). Prints the counts of both.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh -DNORMC_BUILD_TESTS=ON

echo "== lit: IR, passes and driver tests"
python3 /usr/lib/llvm-19/build/utils/lit/lit.py -sv build/test

echo "== ctest: numerics, runtime, end-to-end"
ctest --test-dir build --output-on-failure -j "${NORMC_JOBS:-2}"
