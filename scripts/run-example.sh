#!/usr/bin/env bash
# Installs what is needed, builds normc, compiles examples/instance_norm.mlir
# into out/ and runs the C program that links the generated kernel with the
# normrt runtime and checks it against a reference.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh -DNORMC_BUILD_TESTS=OFF

set -x
build/tools/normc/normc examples/instance_norm.mlir -o out/
cc -std=c99 -O2 -Iout -Iruntime examples/instance_norm_example.c \
   build/runtime/libnormrt.a out/instance_norm_relu.a out/normc_halide_runtime.a \
   -lpthread -ldl -lm -o out/instance_norm_example
out/instance_norm_example
