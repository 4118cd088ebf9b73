"""Reads and writes normc's weights files (format: docs/style_transfer.md).

A weights file is a list of named f32 tensors:

    magic    8 bytes  b"NORMCW1\\0"
    count    u32      number of tensors
    count times:
      name_len u16, name (UTF-8, name_len bytes, no NUL)
      dtype    u8     0 = f32 (the only one so far)
      rank     u8     1..8
      extents  i64 x rank, row-major (PyTorch's order)
      data     f32 x prod(extents), row-major
All integers and floats are little-endian. Names are the kernel argument
names of the .mlir function (C identifiers): a PyTorch parameter name with
'.' replaced by '_'.
"""
import os
import struct

import numpy as np

MAGIC = b"NORMCW1\0"


def kernel_arg_name(state_dict_key):
    """conv1.conv2d.weight -> conv1_conv2d_weight."""
    return state_dict_key.replace(".", "_")


def write(path, tensors):
    """tensors: list of (name, numpy array). Written to path + '.tmp', then
    renamed, so a failure leaves no half-written file."""
    tmp = path + ".tmp"
    with open(tmp, "wb") as f:
        f.write(MAGIC)
        f.write(struct.pack("<I", len(tensors)))
        for name, array in tensors:
            a = np.ascontiguousarray(array, dtype="<f4")
            encoded = name.encode("utf-8")
            if not 1 <= a.ndim <= 8:
                raise ValueError(f"{name}: rank {a.ndim} is not in 1..8")
            f.write(struct.pack("<H", len(encoded)) + encoded)
            f.write(struct.pack("<BB", 0, a.ndim))
            f.write(struct.pack(f"<{a.ndim}q", *a.shape))
            f.write(a.tobytes())
    os.replace(tmp, path)


def read(path):
    """Returns a dict name -> numpy f32 array (in file order)."""
    with open(path, "rb") as f:
        data = f.read()
    if data[:8] != MAGIC:
        raise ValueError(f"{path}: not a normc weights file (bad magic)")
    (count,), pos = struct.unpack_from("<I", data, 8), 12
    out = {}
    for _ in range(count):
        (n,) = struct.unpack_from("<H", data, pos)
        name = data[pos + 2:pos + 2 + n].decode("utf-8")
        pos += 2 + n
        dtype, rank = struct.unpack_from("<BB", data, pos)
        pos += 2
        shape = struct.unpack_from(f"<{rank}q", data, pos)
        pos += 8 * rank
        size = int(np.prod(shape))
        out[name] = np.frombuffer(data, "<f4", size, pos).reshape(shape).copy()
        pos += 4 * size
    return out
