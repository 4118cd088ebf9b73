#!/usr/bin/env bash
# Installs every Debian bookworm package normc needs to build and test.
# Usage: scripts/install-deps.sh [--bench]   (--bench adds libtorch and oneDNN anchors)
# Idempotent: packages already present are skipped by apt-get.
set -euo pipefail

packages=(
  build-essential cmake ninja-build python3
  llvm-19-dev libmlir-19-dev mlir-19-tools llvm-19-tools
  libhalide14-0-dev
  # LLVM 14's opt and llc (Halide 14's LLVM): streaming stores (StreamingStores.h).
  llvm-14
  libgtest-dev libgmock-dev
  # The GPU schedules' numerics run through OpenCL on the CPU (PoCL).
  pocl-opencl-icd ocl-icd-opencl-dev
  # The AArch64 suites: cross-compiled, run under qemu-user.
  g++-aarch64-linux-gnu qemu-user
  # The pkg-config consumer of the integration tests.
  pkgconf
  # examples/style_transfer (PNG) and its test against PyTorch.
  libpng-dev python3-torch python3-numpy
  # The ONNX importer (importers/onnx) and its tests: ONNX's protobuf
  # classes, ONNX's own node tests, and onnx for Python to write test models.
  libonnx-dev libprotobuf-dev libonnx-testdata python3-onnx
)
if [[ "${1:-}" == "--bench" ]]; then
  packages+=(libbenchmark-dev libtorch-dev libdnnl-dev gnuplot-nox)
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  SUDO=""
  [[ $(id -u) -ne 0 ]] && SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
