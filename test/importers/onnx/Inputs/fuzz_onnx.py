#!/usr/bin/env python3
"""Mutates an ONNX model and imports each mutant: every run must end with
exit 0 or with exit 1 and an error line, never a signal or another code.

  fuzz_onnx.py NORM_TRANSLATE MODEL.onnx COUNT [--structured]

Byte mutations (the default; seeded, reproducible): flipped bytes,
truncation, inserted and deleted byte runs, and varints set to huge values.
They mostly test the protobuf layer. --structured mutates the parsed model
instead, so the importer's own checks are what meets them: op types
swapped for other (supported and unsupported) ops, inputs dropped, added or
rewired (forward references, cycles), attribute values replaced by odd
ones (negative, empty, huge, wrong lengths), initializer dims changed
without their data, graph input dims set to 0, 1, large or symbolic.
A mutant that fails is saved next to MODEL as MODEL.crashN.onnx."""
import os
import random
import subprocess
import sys
import tempfile

tool, path, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
structured = "--structured" in sys.argv[4:]
data = open(path, "rb").read()
rng = random.Random(20261201)

OPS = ["Conv", "ConvTranspose", "InstanceNormalization", "BatchNormalization", "LayerNormalization",
       "GroupNormalization", "Relu", "Sigmoid", "Tanh", "LeakyRelu", "Gelu", "Add", "Sub", "Mul",
       "Div", "Pad", "Resize", "Upsample", "Clip", "Identity", "Reshape", "Unsqueeze", "Squeeze",
       "Constant", "Shape", "Cast", "Gather", "Concat", "Slice", "Transpose", "ConstantOfShape",
       "Range", "Expand", "Equal", "Where", "ReduceMean", "ReduceProd", "Erf", "Sqrt", "Pow",
       "MaxPool", "Softmax"]
ODD_INTS = [[], [0], [-1], [1, 1], [2, 2, 2], [-5, 7], [1 << 40], [0, 0, 0, 0], [1, 2, 3, 4, 5, 6, 7, 8, 9]]
ODD_FLOATS = [0.0, -1.0, 1e30, float("nan"), float("inf"), 1e-12]
ODD_STRINGS = [b"", b"reflect", b"edge", b"wrap", b"SAME_UPPER", b"VALID", b"nearest", b"linear",
               b"cubic", b"align_corners", b"half_pixel", b"asymmetric", b"tanh", b"\xff\xfe"]


def byte_mutant():
    b = bytearray(data)
    kind = rng.randrange(4)
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
    return bytes(b)


def structured_mutant():
    import onnx
    m = onnx.ModelProto()
    m.ParseFromString(data)
    g = m.graph
    names = [i.name for i in g.input] + [t.name for t in g.initializer] + \
            [o for n in g.node for o in n.output] + [""]
    for _ in range(rng.randint(1, 3)):
        kind = rng.randrange(6)
        if kind == 0 and g.node:
            rng.choice(g.node).op_type = rng.choice(OPS)
        elif kind == 1 and g.node:
            n = rng.choice(g.node)
            if n.input and rng.random() < 0.5:
                del n.input[rng.randrange(len(n.input))]
            elif n.input and rng.random() < 0.5:
                n.input[rng.randrange(len(n.input))] = rng.choice(names)
            else:
                n.input.append(rng.choice(names))
        elif kind == 2 and g.node:
            n = rng.choice(g.node)
            if n.attribute:
                a = rng.choice(n.attribute)
                if a.ints or a.type == onnx.AttributeProto.INTS:
                    del a.ints[:]
                    a.ints.extend(rng.choice(ODD_INTS))
                elif a.type == onnx.AttributeProto.INT:
                    a.i = rng.choice([-3, -1, 0, 1, 2, 5, 1 << 40])
                elif a.type == onnx.AttributeProto.FLOAT:
                    a.f = rng.choice(ODD_FLOATS)
                elif a.type == onnx.AttributeProto.STRING:
                    a.s = rng.choice(ODD_STRINGS)
                elif a.type == onnx.AttributeProto.TENSOR:
                    del a.t.dims[:]
                    a.t.dims.extend(rng.choice(ODD_INTS[1:]))
        elif kind == 3 and g.initializer:
            t = rng.choice(g.initializer)
            del t.dims[:]
            t.dims.extend(rng.choice(ODD_INTS))
        elif kind == 4 and g.input:
            shape = rng.choice(g.input).type.tensor_type.shape
            if shape.dim:
                d = rng.choice(shape.dim)
                v = rng.choice([0, 1, 7, 1 << 33, -2, None])
                if v is None:
                    d.dim_param = "n"
                else:
                    d.dim_value = v
        elif kind == 5 and len(g.node) > 1:
            i, j = rng.randrange(len(g.node)), rng.randrange(len(g.node))
            a, b = onnx.NodeProto(), onnx.NodeProto()
            a.CopyFrom(g.node[i])
            b.CopyFrom(g.node[j])
            g.node[i].CopyFrom(b)
            g.node[j].CopyFrom(a)
    return m.SerializeToString()


crashes = 0
with tempfile.TemporaryDirectory() as tmp:
    mutant = os.path.join(tmp, "mutant.onnx")
    for i in range(count):
        b = structured_mutant() if structured else byte_mutant()
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
