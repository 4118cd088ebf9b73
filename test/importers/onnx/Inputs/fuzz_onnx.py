#!/usr/bin/env python3
"""Mutates an ONNX model and imports each mutant: every run must end with
exit 0 or with exit 1 and an error line, never a signal or another code.

  fuzz_onnx.py NORM_TRANSLATE MODEL.onnx COUNT

Mutations (seeded, reproducible): flipped bytes, truncation, inserted and
deleted byte runs, and varints set to huge values (dims, counts)."""
import os
import random
import subprocess
import sys
import tempfile

tool, path, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
data = open(path, "rb").read()
rng = random.Random(20261201)
crashes = 0
with tempfile.TemporaryDirectory() as tmp:
    mutant = os.path.join(tmp, "mutant.onnx")
    for i in range(count):
        b = bytearray(data)
        kind = i % 4
        if kind == 0:
            for _ in range(rng.randint(1, 8)):
                b[rng.randrange(len(b))] = rng.randrange(256)
        elif kind == 1:
            b = b[:rng.randrange(len(b))]
        elif kind == 2:
            at = rng.randrange(len(b))
            if rng.random() < 0.5:
                b[at:at] = bytes(rng.randrange(256) for _ in range(rng.randint(1, 16)))
            else:
                del b[at:at + rng.randint(1, 16)]
        else:
            at = rng.randrange(len(b))
            b[at:at + 1] = b"\xff\xff\xff\xff\xff\xff\xff\xff\x7f"
        with open(mutant, "wb") as f:
            f.write(b)
        r = subprocess.run([tool, "--import-onnx", mutant, "-o", os.devnull],
                           capture_output=True, text=True, errors="replace", timeout=60)
        ok = r.returncode == 0 or (r.returncode == 1 and "error:" in r.stderr)
        if not ok:
            crashes += 1
            keep = f"{path}.crash{i}.onnx"
            with open(keep, "wb") as f:
                f.write(b)
            print(f"mutant {i}: exit {r.returncode}: {r.stderr.strip()[:300]} (saved {keep})")
print(f"{count} mutants: {crashes} crashes")
