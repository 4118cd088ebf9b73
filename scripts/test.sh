#!/usr/bin/env bash
# Installs what is needed, builds normc and runs every test: lit (IR, passes,
# the normc driver) and ctest (GoogleTest numerics, runtime, end to end, the
# example program, and the benchmark's correctness mode). Prints the counts of
# both and a total line.
set -euo pipefail
cd "$(dirname "$0")/.."
# --bench: libtorch and oneDNN too, so that the benchmark program is built and
# its correctness mode runs as a test (it cannot rot).
scripts/install-deps.sh --bench
scripts/build.sh -DNORMC_BUILD_TESTS=ON -DNORMC_BUILD_BENCH=ON

status=0
echo "== lit: IR, passes and driver tests"
python3 /usr/lib/llvm-19/build/utils/lit/lit.py -sv build/test \
  --xunit-xml-output build/lit-results.xml || status=1

echo "== ctest: numerics (host, OpenCL on PoCL, AArch64 under qemu), runtime, end-to-end, benchmark check"
rm -f build/test/aarch64/ctest-results.xml # written afresh by arm64/qemu_suites
ctest --test-dir build --output-on-failure -j "${NORMC_JOBS:-2}" \
  --output-junit "$PWD/build/ctest-results.xml" || status=1

# One total over both runners, from their JUnit reports.
# build/test/aarch64 holds the AArch64 suites' own report (run under qemu by
# the ctest entry arm64/qemu_suites).
python3 - build/lit-results.xml build/ctest-results.xml build/test/aarch64/ctest-results.xml <<'PY'
import os, sys, xml.etree.ElementTree as ET
passed = failed = skipped = 0
for path in sys.argv[1:]:
    if not os.path.exists(path):
        continue
    for case in ET.parse(path).getroot().iter("testcase"):
        if case.find("failure") is not None or case.find("error") is not None:
            failed += 1
        elif case.find("skipped") is not None or case.get("status") in ("notrun", "disabled"):
            skipped += 1
        else:
            passed += 1
print(f"total: {passed} passed, {failed} failed, {skipped} skipped")
PY
exit $status
