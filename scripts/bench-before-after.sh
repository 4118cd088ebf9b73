#!/usr/bin/env bash
# Times normc's kernels from two builds of the benchmark in one run:
# scripts/bench-before-after.sh OLD_BENCH NEW_BENCH FILTER...
# (OLD_BENCH: build/bench/normc-bench of another checkout, e.g. a git
# worktree of an earlier commit built with -DNORMC_BUILD_BENCH=ON). For each
# filter the two binaries run alternately, twice each, one at a time (never
# two at once: each is free of the other's threads), with --impl=normc;
# every run prints its own median table, and the tables are collected into
# one markdown file on stdout.
set -euo pipefail
old=$1 new=$2
shift 2
for filter in "$@"; do
  for round in 1 2; do
    for which in old new; do
      bin=$old
      [ "$which" = new ] && bin=$new
      tmp=$(mktemp)
      "$bin" --impl=normc --threads=2 --filter="$filter" --markdown="$tmp" >/dev/null
      grep '^| ' "$tmp" | grep -v -e '^| workload' -e 'copy' | sed "s/^/| $which $round /"
      rm -f "$tmp"
    done
  done
done
