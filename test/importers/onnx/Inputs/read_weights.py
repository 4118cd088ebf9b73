#!/usr/bin/env python3
"""Prints a NORMCW1 weights file: 'N tensors', then per tensor its name,
shape and, for up to 4 elements, the values."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "..",
                                "examples", "style_transfer"))
import weights_file  # noqa: E402

tensors = weights_file.read(sys.argv[1])
print(f"{len(tensors)} tensors")
for name, a in tensors.items():
    values = " " + " ".join(f"{v:.1f}" for v in a.ravel()) if a.size <= 4 else ""
    print(f"{name} {list(a.shape)}{values}")
