#!/usr/bin/env bash
# Validates normc's CUDA code without a GPU: compiles every function of the
# given .mlir files for CUDA (PTX for compute capability 8.0, what Halide 14
# emits newest and what A100/H100/H200 run), assembles each PTX file with
# ptxas for sm_80 and sm_90, and writes a report of registers and spills per
# kernel. Any normc or ptxas error fails the run.
#
# Usage: scripts/ptx-check.sh [--normc PATH] [--ptxas PATH] [--out DIR] FILE.mlir...
#   --normc  the normc to use (default: build/tools/normc/normc)
#   --ptxas  default: $PTXAS, else /usr/local/cuda/bin/ptxas, else ptxas on PATH
#   --out    where PTX files and ptx-report.md go (default: build/ptx-check)
# Exit status: 0 all assembled, 1 an error, 77 no ptxas on this machine
# (reported as skipped by ctest).
set -euo pipefail
cd "$(dirname "$0")/.."

normc=build/tools/normc/normc
ptxas="${PTXAS:-}"
out=build/ptx-check
files=()
while (($#)); do
  case "$1" in
    --normc) normc="$2"; shift 2 ;;
    --ptxas) ptxas="$2"; shift 2 ;;
    --out) out="$2"; shift 2 ;;
    -h|--help) sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    -*) echo "ptx-check: unknown option '$1'" >&2; exit 1 ;;
    *) files+=("$1"); shift ;;
  esac
done
if ((${#files[@]} == 0)); then
  echo "ptx-check: no .mlir files given (see --help)" >&2
  exit 1
fi
if [[ -z "$ptxas" ]]; then
  if [[ -x /usr/local/cuda/bin/ptxas ]]; then ptxas=/usr/local/cuda/bin/ptxas
  else ptxas="$(command -v ptxas || true)"; fi
fi
if [[ -z "$ptxas" || ! -x "$ptxas" ]]; then
  echo "ptx-check: SKIPPED: no ptxas (install the CUDA toolkit or set PTXAS)" >&2
  exit 77
fi

target=host-cuda-cuda_capability_80
archs=(sm_80 sm_90)
rm -rf "$out"
mkdir -p "$out"
report="$out/ptx-report.md"
{
  echo "# PTX check: $target assembled by $("$ptxas" --version | tail -1)"
  echo
  echo "| function | kernel | arch | registers | spill stores | spill loads |"
  echo "|---|---|---|---|---|---|"
} > "$report"

status=0
kernels=0
for file in "${files[@]}"; do
  stem=$(basename "$file" .mlir)
  echo "ptx-check: normc $file --target=$target --emit=ptx"
  if ! "$normc" "$file" -o "$out/$stem" --target=$target --emit=ptx; then
    echo "ptx-check: FAILED: normc could not compile $file for $target" >&2
    status=1
    continue
  fi
  for ptx in "$out/$stem"/*.ptx; do
    func=$(basename "$ptx" .ptx)
    for arch in "${archs[@]}"; do
      if ! log=$("$ptxas" -arch="$arch" -v "$ptx" -o /dev/null 2>&1); then
        echo "ptx-check: FAILED: ptxas -arch=$arch $ptx:" >&2
        echo "$log" >&2
        status=1
        continue
      fi
      # ptxas -v: "Function properties for K", then "N bytes stack frame,
      # S bytes spill stores, L bytes spill loads", then "Used R registers".
      awk -v func="$func" -v arch="$arch" '
        /Compiling entry function/ { k = $0; sub(/.*function \047/, "", k); sub(/\047.*/, "", k) }
        /spill stores/ { split($0, a, ","); st = a[2]; ld = a[3]; gsub(/[^0-9]/, "", st); gsub(/[^0-9]/, "", ld) }
        /Used [0-9]+ registers/ { r = $0; sub(/.*Used /, "", r); sub(/ registers.*/, "", r);
                                  printf "| %s | %s | %s | %s | %s | %s |\n", func, k, arch, r, st, ld }
      ' <<< "$log" >> "$report"
    done
    kernels=$((kernels + 1))
  done
done
spills=$(awk -F'|' 'NR > 4 && ($6 + 0 > 0 || $7 + 0 > 0)' "$report" | wc -l)
echo "ptx-check: $kernels PTX files, ${#archs[@]} archs each; $spills kernel/arch rows spill; report: $report"
exit $status
