#!/usr/bin/env bash
# Builds and runs the benchmark (normc vs libtorch vs oneDNN vs the machine's
# copy bandwidth), then writes bench/RESULTS.md and bench/results.png.
# Extra arguments go to normc-bench, e.g. scripts/bench.sh --filter=instance_norm
# Takes a few minutes; run it on an otherwise idle machine.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh --bench
scripts/build.sh -DNORMC_BUILD_TESTS=ON -DNORMC_BUILD_BENCH=ON

tables=$(mktemp) cold=$(mktemp) data=bench/results.dat style=$(mktemp)
build/bench/normc-bench --markdown="$tables" --data="$data" "$@"
# The memory-bound rows again with x, y and every other buffer flushed from
# the caches before each call (bench/README.md), at 2 threads; of the extra
# arguments only the workload and implementation filters and the budget
# apply to it.
cold_args=()
for a in "$@"; do
  case "$a" in --filter=*|--impl=*|--budget-ms=*) cold_args+=("$a") ;; esac
done
build/bench/normc-bench --cold-caches --threads=2 --markdown="$cold" "${cold_args[@]}"
# A whole network per image (examples/style_transfer), after the kernels.
build/bench/style-transfer-bench --threads=2 > "$style"

{
  echo "# Benchmark results"
  echo
  echo "Produced by \`scripts/bench.sh $*\` on $(date -u +%Y-%m-%d) at commit"
  echo "$(git rev-parse --short HEAD 2>/dev/null || echo unknown) (normc-bench: $(nproc) cores)."
  echo "Every implementation's output was checked against a double-precision"
  echo "reference before timing. See bench/README.md for what each row means."
  echo
  cat "$tables"
  cat "$cold"
  echo "![% of copy bandwidth per workload](results.png)"
  echo
  echo "## Style transfer: TransformerNet per image"
  echo
  echo "\`build/bench/style-transfer-bench --threads=2\` (bench/style_transfer_bench.cpp):"
  echo
  cat "$style"
} > bench/RESULTS.md
rm -f "$tables" "$cold" "$style"

ncols=$(head -1 "$data" | grep -o '"[^"]*"' | wc -l)
gnuplot <<GNUPLOT
set terminal pngcairo size 1600,700 noenhanced font ",10"
set output "bench/results.png"
set title "Share of the same-size streaming copy's bandwidth (higher is better, 100% = copy speed), first thread count"
set style data histogram
set style histogram clustered gap 1
set style fill solid 0.9 border -1
set datafile missing "?"
set ylabel "% of copy bandwidth"
set yrange [0:*]
set grid ytics
set xtics rotate by -35 font ",8"
set key outside right top
plot for [i=2:${ncols}] "${data}" using i:xtic(1) title columnheader(i)
GNUPLOT
echo "wrote bench/RESULTS.md and bench/results.png"
