#!/usr/bin/env python3
"""examples/style_transfer against PyTorch (Debian's python3-torch) running
the same TransformerNet with the same weights.

  style_transfer_test.py <style_transfer binary> <work dir> [<weights file>]

For each image size (multiples of 4 and odd sizes, whose outputs are larger
than the input), writes a deterministic random image, runs the C program
on it (--save-tensor gives the output before clamping) and compares with
the PyTorch model evaluated in float64: an independent reference whose own
rounding error is negligible next to float32's.

Tolerance: max |normc - ref| <= 2e-4 * max |ref - 127.5| (the output's
spread around the bias of the random last layer). Sixteen f32 conv layers
of up to 1152-term dot products and fifteen instance norms compound
roundoff; PyTorch's own f32 run sits at 1e-6..1e-5 of that scale on these
inputs (printed), so the bound leaves room for a different summation order
and catches any real error (a wrong pad, stride or epsilon is off by > 1e-2).

Also checks PNG input and output against PPM (same pixels), and that bad
input fails with a message and writes nothing. With a weights file (what
`normc transformer_net.onnx` writes from the model export_onnx.py exported),
checks it holds exactly the seed-0 weights under the argument names.
"""
import os
import struct
import subprocess
import sys
import zlib

import numpy as np

try:
    import torch
except ImportError:
    print("SKIPPED: /usr/bin/python3 has no torch (scripts/install-deps.sh installs python3-torch)")
    sys.exit(77)

HERE = os.path.dirname(os.path.abspath(__file__))
EXAMPLE = os.path.join(HERE, "..", "..", "examples", "style_transfer")
sys.path.insert(0, EXAMPLE)
import weights_file  # noqa: E402
from make_weights import random_state_dict  # noqa: E402
from transformer_net import TransformerNet  # noqa: E402

TOLERANCE = 2e-4
SIZES = [(64, 48), (37, 29), (5, 7), (50, 83)]  # (height, width)
failures = []


def check(cond, message):
    print(("ok   " if cond else "FAIL ") + message)
    if not cond:
        failures.append(message)


def write_ppm(path, rgb):
    h, w, _ = rgb.shape
    with open(path, "wb") as f:
        f.write(b"P6\n%d %d\n255\n" % (w, h) + rgb.astype(np.uint8).tobytes())


def read_ppm(path):
    data = open(path, "rb").read()
    parts = data.split(maxsplit=4)
    w, h = int(parts[1]), int(parts[2])
    return np.frombuffer(parts[4], np.uint8).reshape(h, w, 3)


def write_png(path, rgb):
    """An 8-bit RGB PNG with filter type 0 on every row (a valid encoding)."""
    h, w, _ = rgb.shape
    raw = b"".join(b"\0" + rgb[y].astype(np.uint8).tobytes() for y in range(h))
    def chunk(kind, body):
        return (struct.pack(">I", len(body)) + kind + body +
                struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF))
    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0))
                + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def read_png(path):
    """Decodes an 8-bit RGB non-interlaced PNG (what libpng writes here)."""
    data = open(path, "rb").read()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat = 8, b""
    while pos < len(data):
        (n,) = struct.unpack(">I", data[pos:pos + 4])
        kind, body = data[pos + 4:pos + 8], data[pos + 8:pos + 8 + n]
        if kind == b"IHDR":
            w, h, depth, color, _, _, interlace = struct.unpack(">IIBBBBB", body)
            assert (depth, color, interlace) == (8, 2, 0)
        elif kind == b"IDAT":
            idat += body
        pos += 12 + n
    raw = zlib.decompress(idat)
    stride, bpp = 3 * w, 3
    out = np.zeros((h, stride), np.int32)
    for y in range(h):
        kind, line = raw[y * (stride + 1)], np.frombuffer(raw, np.uint8, stride, y * (stride + 1) + 1)
        prev = out[y - 1] if y else np.zeros(stride, np.int32)
        cur = out[y]
        for x in range(stride):
            a = cur[x - bpp] if x >= bpp else 0
            b, c = prev[x], (prev[x - bpp] if x >= bpp else 0)
            if kind == 0:
                pred = 0
            elif kind == 1:
                pred = a
            elif kind == 2:
                pred = b
            elif kind == 3:
                pred = (a + b) // 2
            else:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                pred = a if pa <= pb and pa <= pc else (b if pb <= pc else c)
            cur[x] = (int(line[x]) + pred) & 0xFF
    return out.reshape(h, w, 3).astype(np.uint8)


def run(binary, *args):
    return subprocess.run([binary, *args], capture_output=True, text=True)


def main():
    binary, work = sys.argv[1], sys.argv[2]
    os.makedirs(work, exist_ok=True)
    state = random_state_dict(seed=0)
    if len(sys.argv) > 3:
        # The weights file `normc transformer_net.onnx` wrote from the
        # exported model (export_onnx.py, seed 0) holds the same tensors
        # under the kernel's argument names.
        converted = weights_file.read(sys.argv[3])
        expected = {weights_file.kernel_arg_name(k): v.numpy() for k, v in state.items()}
        check(list(converted) == list(expected), f"{sys.argv[3]}: the {len(expected)} "
              "weight tensors, in the kernel's order, named as the kernel's arguments")
        check(all(np.array_equal(converted[k], expected[k]) for k in expected if k in converted),
              f"{sys.argv[3]}: every tensor equals PyTorch's")
    weights = os.path.join(work, "weights.bin")
    weights_file.write(weights, [(weights_file.kernel_arg_name(k), v.numpy()) for k, v in state.items()])
    if len(sys.argv) > 3:
        weights = sys.argv[3]  # the images below run on the weights normc converted
    net64 = TransformerNet().double().eval()
    net64.load_state_dict({k: v.double() for k, v in state.items()})
    net32 = TransformerNet().eval()
    net32.load_state_dict(state)
    rng = np.random.default_rng(1)

    for h, w in SIZES:
        rgb = rng.integers(0, 256, size=(h, w, 3))
        ppm = os.path.join(work, f"in_{h}x{w}.ppm")
        write_ppm(ppm, rgb)
        out_ppm = os.path.join(work, f"out_{h}x{w}.ppm")
        raw = os.path.join(work, f"out_{h}x{w}.f32")
        r = run(binary, "--weights", weights, "--save-tensor", raw, ppm, out_ppm)
        check(r.returncode == 0, f"{h}x{w}: style_transfer exits 0 ({r.stderr.strip()})")
        if r.returncode:
            continue
        x = torch.from_numpy(rgb.transpose(2, 0, 1)[None].astype(np.float64))
        with torch.no_grad():
            ref = net64(x)[0].numpy()
            f32 = net32(x.float())[0].double().numpy()
        got = np.fromfile(raw, "<f4").astype(np.float64)
        check(got.size == ref.size, f"{h}x{w}: output is {ref.shape[1]}x{ref.shape[2]} "
              f"({got.size} values, expected {ref.size})")
        if got.size != ref.size:
            continue
        got = got.reshape(ref.shape)
        scale = np.abs(ref - 127.5).max()
        err, torch_err = np.abs(got - ref).max() / scale, np.abs(f32 - ref).max() / scale
        check(err <= TOLERANCE, f"{h}x{w}: max error {err:.2e} of the output's spread "
              f"(PyTorch f32: {torch_err:.2e}; tolerance {TOLERANCE:.0e})")
        # The image is the tensor clamped to 0..255 and truncated.
        expected = np.clip(got, 0, 255).astype(np.uint8).transpose(1, 2, 0)
        check(np.array_equal(read_ppm(out_ppm), expected), f"{h}x{w}: the PPM holds the clamped output")

    # PNG in and out give the same pixels as PPM.
    h, w = SIZES[1]
    rgb = rng.integers(0, 256, size=(h, w, 3))
    write_png(os.path.join(work, "in.png"), rgb)
    write_ppm(os.path.join(work, "in.ppm"), rgb)
    a = run(binary, "--weights", weights, os.path.join(work, "in.png"), os.path.join(work, "a.png"))
    b = run(binary, "--weights", weights, os.path.join(work, "in.ppm"), os.path.join(work, "b.ppm"))
    check(a.returncode == 0 and b.returncode == 0, "PNG and PPM runs exit 0")
    if a.returncode == 0 and b.returncode == 0:
        check(np.array_equal(read_png(os.path.join(work, "a.png")),
                             read_ppm(os.path.join(work, "b.ppm"))), "PNG in/out = PPM in/out")

    # --profile lists the kernel groups.
    p = run(binary, "--weights", weights, "--profile", "--repeat", "2",
            os.path.join(work, "in.ppm"), os.path.join(work, "p.ppm"))
    groups = [l for l in p.stdout.splitlines() if l.strip().startswith("conv_norm_")]
    check(p.returncode == 0 and len(groups) >= 5,
          f"--profile prints the conv_norm groups ({len(groups)} lines)")

    # Bad input: a message, a nonzero exit, nothing written.
    bad_cases = {
        "missing weights file": ["--weights", os.path.join(work, "none.bin")],
        "truncated weights": ["--weights", "TRUNC"],
        "wrong shape": ["--weights", "SHAPE"],
    }
    data = open(weights, "rb").read()
    trunc = os.path.join(work, "trunc.bin")
    open(trunc, "wb").write(data[:len(data) // 2])
    bad_shape = os.path.join(work, "shape.bin")
    tensors = [(weights_file.kernel_arg_name(k), v.numpy()) for k, v in state.items()]
    tensors[2] = (tensors[2][0], np.ones(31, np.float32))  # in1_weight: 31 instead of 32
    weights_file.write(bad_shape, tensors)
    for what, args in bad_cases.items():
        args = [trunc if a == "TRUNC" else bad_shape if a == "SHAPE" else a for a in args]
        out = os.path.join(work, "bad.ppm")
        r = run(binary, *args, os.path.join(work, "in.ppm"), out)
        check(r.returncode != 0 and r.stderr.strip() and not os.path.exists(out),
              f"{what}: fails with '{r.stderr.strip()}' and writes nothing")
    tiny = os.path.join(work, "tiny.ppm")
    write_ppm(tiny, rng.integers(0, 256, size=(4, 9, 3)))
    r = run(binary, "--weights", weights, tiny, os.path.join(work, "bad.ppm"))
    check(r.returncode != 0 and "5x5" in r.stderr and not os.path.exists(os.path.join(work, "bad.ppm")),
          f"a 9x4 image is rejected: '{r.stderr.strip()}'")

    print(f"{len(failures)} failure(s)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
