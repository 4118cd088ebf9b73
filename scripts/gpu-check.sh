#!/usr/bin/env bash
# One command for a machine with an NVIDIA GPU: builds normc's CUDA numerics
# suites and GPU benchmark, runs the suites (every op, variant and fused
# group, f16/bf16 included, against the double references of the CPU
# suites), runs the benchmark (effective bandwidth of IN/GN/LN against the
# device's peak, GFLOP/s of the fused conv block), and writes both to
# build-gpu/gpu-check.md. A few minutes on a fresh build.
#
# Usage: scripts/gpu-check.sh [--prebuilt DIR] [--reps N]
#   --prebuilt DIR  use binaries already built in DIR (configured with
#                   -DNORMC_CUDA_TESTS=ON, e.g. on another machine) instead
#                   of building: nothing is installed or compiled
#   --reps N        timed calls per benchmark row (default 20; medians)
# Exit status: 0 all CUDA tests passed, 1 a failure, 2 no CUDA device (the
# suites would only report themselves skipped).
set -euo pipefail
cd "$(dirname "$0")/.."

prebuilt=""
reps=20
while (($#)); do
  case "$1" in
    --prebuilt) prebuilt="$2"; shift 2 ;;
    --reps) reps="$2"; shift 2 ;;
    -h|--help) sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "gpu-check: unknown argument '$1' (see --help)" >&2; exit 1 ;;
  esac
done

if command -v nvidia-smi > /dev/null; then
  gpu=$(nvidia-smi --query-gpu=name,memory.total,driver_version --format=csv,noheader | head -1)
else
  gpu=""
fi
if [[ -z "$gpu" ]]; then
  echo "gpu-check: no NVIDIA GPU answers (nvidia-smi); nothing to check" >&2
  exit 2
fi
echo "gpu-check: $gpu"

if [[ -n "$prebuilt" ]]; then
  build="$prebuilt"
else
  build=build-gpu
  scripts/install-deps.sh
  cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DNORMC_BUILD_TESTS=ON \
    -DNORMC_CUDA_TESTS=ON -DNORMC_GPU_OPENCL_TESTS=OFF
  ninja -C "$build" -j "$(nproc)" cuda_numerics_test cuda_conv_numerics_test gpu_bench_cuda
fi
for bin in test/halide_gen/cuda_numerics_test test/halide_gen/cuda_conv_numerics_test \
           test/gpu_bench_cuda; do
  if [[ ! -x "$build/$bin" ]]; then
    echo "gpu-check: $build/$bin is missing (configure with -DNORMC_CUDA_TESTS=ON)" >&2
    exit 1
  fi
done

report="$build/gpu-check.md"
status=0
{
  echo "# scripts/gpu-check.sh on $gpu ($(date -u +%Y-%m-%d))"
  echo
} > "$report"
for suite in cuda_numerics_test cuda_conv_numerics_test; do
  log="$build/$suite.log"
  if "$build/test/halide_gen/$suite" > "$log" 2>&1; then result=passed; else result=FAILED; status=1; fi
  # A skip means the CUDA driver did not answer although nvidia-smi did.
  if grep -q "^SKIPPED: no CUDA" "$log"; then result="SKIPPED ($(grep -m1 '^SKIPPED' "$log"))"; status=1; fi
  summary=$(grep -E '^\[  (PASSED|FAILED) ' "$log" | tr '\n' ' ')
  echo "gpu-check: $suite: $result $summary"
  echo "- $suite: $result $summary" >> "$report"
  grep -E '^\[  FAILED  \]' "$log" | sed 's/^/  - /' >> "$report" || true
done
echo >> "$report"
if "$build/test/gpu_bench_cuda" --reps "$reps" | tee -a "$report"; then :; else status=1; fi
echo "gpu-check: report in $report"
exit $status
