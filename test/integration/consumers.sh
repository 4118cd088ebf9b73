#!/usr/bin/env bash
# The integration tests: normc as a user gets it from `cmake --install`.
#   consumers.sh install <build dir> <prefix>   install the build into <prefix>
#   consumers.sh cmake   <prefix> <work dir>    configure, build and run consumer/ with
#                                               find_package(normc) + normc_add_kernels()
#   consumers.sh pkgconfig <prefix> <work dir>  build the same program with the installed
#                                               normc, plain cc and pkg-config, and run it
#   consumers.sh headers <prefix> <work dir>    the installed public headers compile as C99
#                                               and as C++17, -Wall -Wextra -Werror -pedantic
#   consumers.sh tune <prefix> <work dir>       the installed norm-tune tunes consumer.mlir
#                                               with its installed runner sources, and the
#                                               installed normc applies the database
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
mode=$1
case "$mode" in
  install)
    rm -rf "$3"
    cmake --install "$2" --prefix "$3" >/dev/null
    # What a user finds there.
    for f in bin/normc bin/norm-opt bin/norm-translate bin/norm-tune \
             share/normc/tune/norm_tune_runner.c share/normc/tune/runtime/kernel.c \
             share/normc/tune/runtime/internal/halide_bridge.c \
             include/normc/normrt.h lib/libnormrt.a \
             lib/cmake/normc/normcConfig.cmake lib/cmake/normc/NormcKernels.cmake \
             lib/pkgconfig/normrt.pc; do
      [[ -e "$3/$f" ]] || { echo "not installed: $f"; exit 1; }
    done
    "$3/bin/normc" --version
    ;;
  cmake)
    prefix=$2 work=$3
    rm -rf "$work" && mkdir -p "$work"
    cp -r "$here/consumer" "$work/src"
    cmake -S "$work/src" -B "$work/build" -G Ninja -DCMAKE_PREFIX_PATH="$prefix" >/dev/null
    cmake --build "$work/build"
    "$work/build/consumer"
    # Editing the source rebuilds the kernels (the custom command depends on it).
    touch "$work/src/consumer.mlir"
    rebuild=$(cmake --build "$work/build")
    grep -q "normc: compiling" <<<"$rebuild" ||
      { echo "touching consumer.mlir did not rebuild the kernels: $rebuild"; exit 1; }
    ;;
  pkgconfig)
    prefix=$2 work=$3
    rm -rf "$work" && mkdir -p "$work"
    export PKG_CONFIG_PATH="$prefix/lib/pkgconfig"
    normc="$(pkg-config --variable=bindir normrt)/normc"
    "$normc" "$here/consumer/consumer.mlir" -o "$work/k" --library=consumer_kernels \
      --emit=lib,header,runtime
    # Kernels, then libnormrt, then the Halide runtime both of them call.
    cc -std=c99 -Wall -Wextra -pedantic -Werror -I"$work/k" $(pkg-config --cflags normrt) \
      "$here/consumer/main.c" "$work/k/consumer_kernels.a" $(pkg-config --libs normrt) \
      "$work/k/normc_halide_runtime.a" -lm -o "$work/consumer"
    "$work/consumer"
    ;;
  tune)
    prefix=$2 work=$3
    rm -rf "$work" && mkdir -p "$work"
    # consumer_ln has dynamic shapes, which cannot be timed: the static function.
    "$prefix/bin/norm-tune" "$here/consumer/consumer.mlir" --functions=consumer_in_relu \
      --db="$work/db.json" --budget=1 \
      --autoschedulers=none --measure-ms=2 --rounds=1 --work-dir="$work/w" 2> "$work/log" ||
      { cat "$work/log"; exit 1; }
    grep -q "wrote '$work/db.json'" "$work/log" || { cat "$work/log"; exit 1; }
    # The runner and libnormrt's sources came from the installed share/normc/tune,
    # not from the source tree the build remembers.
    grep -q "building the runner support from $prefix/share/normc/tune/runtime" "$work/log" ||
      { echo "norm-tune did not use the installed runner sources:"; cat "$work/log"; exit 1; }
    "$prefix/bin/normc" "$here/consumer/consumer.mlir" -o "$work/out" --tuning-db="$work/db.json" \
      2> "$work/remarks"
    grep -q "tuning record applied" "$work/remarks" || { cat "$work/remarks"; exit 1; }
    echo "installed norm-tune: $(grep -c '"group"' "$work/db.json") records, applied by normc"
    ;;
  headers)
    prefix=$2 work=$3
    rm -rf "$work" && mkdir -p "$work"
    for h in "$prefix"/include/normc/*.h; do
      printf '#include "%s"\nint main(void) { return 0; }\n' "$(basename "$h")" > "$work/t.c"
      cp "$work/t.c" "$work/t.cpp"
      cc -std=c99 -Wall -Wextra -Werror -pedantic -I"$prefix/include/normc" -c "$work/t.c" -o "$work/t.o"
      c++ -std=c++17 -Wall -Wextra -Werror -pedantic -I"$prefix/include/normc" -c "$work/t.cpp" -o "$work/t.o"
      echo "$(basename "$h"): C99 and C++17 clean"
    done
    ;;
  *)
    echo "usage: consumers.sh install|cmake|pkgconfig|headers ..." >&2
    exit 2
    ;;
esac
