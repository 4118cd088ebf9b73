#!/usr/bin/env python3
"""ONNX models through normc and the runtime, against independent results.

  run_onnx_tests.py --tools TOOLS.json node|models WORK_DIR

`node`: ONNX's own backend node tests (Debian libonnx-testdata): each
model.onnx is compiled by normc, linked with onnx_runner.c, run on the test's
inputs, and compared with the test's expected outputs (computed by ONNX's
numpy reference). Inputs that are parameters in disguise (Pad's pads,
Resize's scales, Clip's min and max, axes, shapes) are made initializers
first: normc compiles ahead of time and takes them only as known values.
Tests whose int32 images are exact in f32 (edge and reflect pads) run with
their tensors converted to float. Tests listed in EXPECTED_ERRORS must be
refused with the given message and write nothing.

`models`: small networks written with onnx.helper for the ops and patterns
the node tests lack (GroupNormalization 18 and 21, Gelu, PyTorch's GroupNorm
and LayerNorm decompositions, InstanceNorm as BatchNorm, Erf GELU, SiLU,
Resize linear), compared with a
float64 numpy reference written here, apart from the importer.

Tolerance: |normc - expected| <= 1e-4 * (1 + |expected|) elementwise. The
kernels compute in f32 (statistics with f32 accumulation over at most a few
hundred elements here); the references are float32 (node tests) or float64
numpy; measured errors are printed and stay below 1e-5 relative; a wrong
epsilon, axis, pad or convention is off by more than 1e-3.
"""
import json
import os
import re
import shutil
import subprocess
import sys

import numpy as np

try:
    import onnx
    from onnx import helper, numpy_helper, TensorProto
except ImportError:
    print("FAIL: /usr/bin/python3 has no onnx module (scripts/install-deps.sh installs python3-onnx)")
    sys.exit(1)

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "..", "examples", "style_transfer"))
import weights_file  # noqa: E402

NODE_DIR = "/usr/share/libonnx-testdata/data/node"
RTOL = 1e-4

NODE_TESTS = [
    "test_instancenorm_epsilon", "test_instancenorm_example",
    "test_batchnorm_epsilon", "test_batchnorm_example",
    "test_batchnorm_epsilon_training_mode", "test_batchnorm_example_training_mode",
    "test_layer_normalization_2d_axis0", "test_layer_normalization_2d_axis1",
    "test_layer_normalization_2d_axis_negative_1", "test_layer_normalization_2d_axis_negative_2",
    "test_layer_normalization_3d_axis0_epsilon", "test_layer_normalization_3d_axis1_epsilon",
    "test_layer_normalization_3d_axis2_epsilon",
    "test_layer_normalization_3d_axis_negative_1_epsilon",
    "test_layer_normalization_3d_axis_negative_2_epsilon",
    "test_layer_normalization_3d_axis_negative_3_epsilon",
    "test_layer_normalization_4d_axis0", "test_layer_normalization_4d_axis1",
    "test_layer_normalization_4d_axis2", "test_layer_normalization_4d_axis3",
    "test_layer_normalization_4d_axis_negative_1", "test_layer_normalization_4d_axis_negative_2",
    "test_layer_normalization_4d_axis_negative_3", "test_layer_normalization_4d_axis_negative_4",
    "test_layer_normalization_default_axis",
    "test_basic_conv_with_padding", "test_basic_conv_without_padding",
    "test_conv_with_autopad_same", "test_conv_with_strides_and_asymmetric_padding",
    "test_conv_with_strides_no_padding", "test_conv_with_strides_padding",
    "test_relu", "test_leakyrelu", "test_leakyrelu_default", "test_leakyrelu_example",
    "test_sigmoid", "test_sigmoid_example", "test_tanh", "test_tanh_example",
    "test_add", "test_add_bcast", "test_sub", "test_sub_bcast", "test_sub_example",
    "test_mul", "test_mul_bcast", "test_mul_example", "test_div", "test_div_bcast",
    "test_div_example",
    "test_clip", "test_clip_example", "test_clip_inbounds", "test_clip_outbounds",
    "test_clip_splitbounds", "test_clip_default_min", "test_clip_default_max",
    "test_clip_default_inbounds",
    "test_edge_pad", "test_reflect_pad", "test_resize_upsample_scales_nearest",
    "test_resize_upsample_scales_linear", "test_upsample_nearest",
    "test_unsqueeze_axis_0", "test_unsqueeze_axis_1", "test_unsqueeze_axis_2",
    "test_unsqueeze_axis_3", "test_unsqueeze_negative_axes", "test_unsqueeze_two_axes",
    "test_unsqueeze_three_axes", "test_unsqueeze_unsorted_axes",
    "test_squeeze", "test_squeeze_negative_axes",
    "test_convtranspose", "test_convtranspose_dilations", "test_convtranspose_kernel_shape",
    "test_convtranspose_pad", "test_convtranspose_with_kernel", "test_convtranspose_output_shape",
    "test_convtranspose_autopad_same",
]

# Node tests of supported ops with variants normc refuses: the message that
# names why (the importer must not approximate).
EXPECTED_ERRORS = {
    "test_resize_downsample_scales_nearest": "is not a positive integer",
    "test_resize_upsample_sizes_nearest": "is not a multiple of 2",
    "test_constant_pad": "pads with the constant 1.2",
    "test_resize_upsample_scales_cubic": "mode 'cubic' is not supported",
    "test_resize_upsample_scales_linear_align_corners": "coordinate_transformation_mode 'align_corners'",
    "test_resize_upsample_sizes_nearest_floor_align_corners": "does not pick floor",
    "test_resize_upsample_sizes_nearest_round_prefer_ceil_asymmetric": "does not pick floor",
    "test_reshape_reordered_all_dims": "splits, merges or reorders dimensions",
    "test_convtranspose_pads": "crop more than dilation * (kernel - 1)",
    "test_convtranspose_1d": "only 2-D transposed convolutions are supported",
    "test_maxpool_2d_default": "op type is not supported",
    "test_identity": "is a graph input itself",
}

# (op, input index) slots that hold parameters, frozen into initializers.
PARAMETER_SLOTS = {("Pad", 1), ("Pad", 2), ("Pad", 3), ("Resize", 1), ("Resize", 2),
                   ("Resize", 3), ("Upsample", 1), ("Clip", 1), ("Clip", 2), ("Reshape", 1),
                   ("Squeeze", 1), ("Unsqueeze", 1),
                   # weights normc rewrites at import time (a deployed
                   # model's are initializers)
                   ("ConvTranspose", 1)}
AS_FLOAT = {"test_edge_pad", "test_reflect_pad"}

failures = []


def check(cond, message):
    print(("ok   " if cond else "FAIL ") + message, flush=True)
    if not cond:
        failures.append(message)


def imported_names(tools, model_path):
    """(ONNX name -> kernel argument name) for arguments and results, read
    from the imported IR's norm.name / norm.onnx_name attributes."""
    r = subprocess.run([tools["norm_translate"], "--import-onnx", model_path],
                       capture_output=True, text=True)
    if r.returncode:
        return None, r.stderr.strip()
    names = {}
    for m in re.finditer(r'\{norm\.name = "([^"]*)"(?:, norm\.onnx_name = "([^"]*)")?\}', r.stdout):
        names[m.group(2) or m.group(1)] = m.group(1)
    return names, ""


def build(tools, model_path, work):
    """normc + cc: the runner of one model. Returns (runner, weights, error)."""
    out = os.path.join(work, "out")
    shutil.rmtree(out, ignore_errors=True)
    r = subprocess.run([tools["normc"], model_path, "-o", out, "--library=onnx_model",
                        "--emit=lib,header,runtime"], capture_output=True, text=True)
    if r.returncode:
        return None, None, r.stderr.strip()
    runner = os.path.join(work, "runner")
    cmd = [tools["cc"], "-std=c99", "-O1", "-DREGISTRY=onnx_model_registry", "-include",
           os.path.join(out, "onnx_model.h"), "-I", out, "-I", tools["normrt_include"],
           "-I", tools["weights_dir"], os.path.join(HERE, "onnx_runner.c"),
           os.path.join(tools["weights_dir"], "weights.c"), os.path.join(out, "onnx_model.a"),
           os.path.join(out, "normc_halide_runtime.a"), tools["normrt_lib"], "-lpthread", "-ldl",
           "-lm", "-o", runner]
    r = subprocess.run(cmd, capture_output=True, text=True)
    if r.returncode:
        return None, None, "cc: " + r.stderr.strip()[:2000]
    weights = {}
    for f in os.listdir(out):
        if f.endswith(".weights"):
            weights = weights_file.read(os.path.join(out, f))
    return runner, weights, ""


def run_model(tools, model, inputs, expected, work, label):
    """Compiles `model` (an onnx ModelProto), runs it on `inputs` (ONNX name
    -> array) and compares every output with `expected` (ONNX name -> array)."""
    got = run_model_outputs(tools, model, inputs, expected, work, label)
    if got is None:
        return
    for onnx_name, value in expected.items():
        want = np.asarray(value, np.float64)
        err = np.abs(got[onnx_name] - want) / (1 + np.abs(want))
        worst = float(err.max()) if err.size else 0.0
        check(worst <= RTOL, f"{label}: output '{onnx_name}' {list(want.shape)}: "
              f"max relative error {worst:.1e} (tolerance {RTOL:.0e})")


def run_model_outputs(tools, model, inputs, expected, work, label):
    """The outputs (ONNX name -> float64 array of the expected shape) of
    `model` run by normc's kernels, or None after reporting a failure."""
    os.makedirs(work, exist_ok=True)
    path = os.path.join(work, "model.onnx")
    onnx.save(model, path)
    names, error = imported_names(tools, path)
    if names is None:
        check(False, f"{label}: imports ({error})")
        return None
    runner, weights, error = build(tools, path, work)
    if runner is None:
        check(False, f"{label}: compiles ({error})")
        return None
    tensors = list(weights.items())
    for onnx_name, value in inputs.items():
        tensors.append((names[onnx_name], np.asarray(value, np.float32).reshape(np.shape(value) or (1,))))
    for onnx_name, value in expected.items():
        tensors.append((names[onnx_name], np.zeros(np.shape(value) or (1,), np.float32)))
    args, results = os.path.join(work, "args.bin"), os.path.join(work, "results.bin")
    weights_file.write(args, tensors)
    r = subprocess.run([runner, args, results], capture_output=True, text=True)
    if r.returncode:
        check(False, f"{label}: runs ({r.stderr.strip()})")
        return None
    got = weights_file.read(results)
    return {onnx_name: got[names[onnx_name]].astype(np.float64).reshape(np.shape(value))
            for onnx_name, value in expected.items()}


def load_node_test(name):
    model = onnx.load(os.path.join(NODE_DIR, name, "model.onnx"))
    data = os.path.join(NODE_DIR, name, "test_data_set_0")
    def tensors(prefix, infos):
        out = {}
        for k, info in enumerate(infos):
            t = onnx.TensorProto()
            with open(os.path.join(data, f"{prefix}_{k}.pb"), "rb") as f:
                t.ParseFromString(f.read())
            out[info.name] = numpy_helper.to_array(t)
        return out
    inputs = tensors("input", model.graph.input)
    outputs = tensors("output", model.graph.output)
    return model, inputs, outputs


def freeze_parameters(model, inputs):
    """Graph inputs that feed parameter slots become initializers."""
    frozen = set()
    for node in model.graph.node:
        for k, name in enumerate(node.input):
            if (node.op_type, k) in PARAMETER_SLOTS and name in inputs:
                frozen.add(name)
    for name in frozen:
        model.graph.initializer.append(numpy_helper.from_array(inputs.pop(name), name))
    kept = [i for i in model.graph.input if i.name not in frozen]
    del model.graph.input[:]
    model.graph.input.extend(kept)


def as_float(model, inputs, outputs):
    """The int32 data tensors (not the int64 pads) as float."""
    for v in list(model.graph.input) + list(model.graph.output):
        if v.type.tensor_type.elem_type == TensorProto.INT32:
            v.type.tensor_type.elem_type = TensorProto.FLOAT
    for d in (inputs, outputs):
        for k in d:
            if d[k].dtype == np.int32:
                d[k] = d[k].astype(np.float32)


def node_tests(tools, work):
    for name in NODE_TESTS:
        model, inputs, outputs = load_node_test(name)
        if name in AS_FLOAT:
            as_float(model, inputs, outputs)
        freeze_parameters(model, inputs)
        run_model(tools, model, inputs, outputs, os.path.join(work, name), name)
    for name, message in EXPECTED_ERRORS.items():
        model, inputs, _ = load_node_test(name)
        freeze_parameters(model, inputs)
        d = os.path.join(work, name)
        os.makedirs(d, exist_ok=True)
        path = os.path.join(d, "model.onnx")
        onnx.save(model, path)
        out = os.path.join(d, "out")
        shutil.rmtree(out, ignore_errors=True)
        r = subprocess.run([tools["normc"], path, "-o", out], capture_output=True, text=True)
        check(r.returncode == 1 and message in r.stderr and "model.onnx" in r.stderr
              and not os.path.exists(out),
              f"{name}: refused with '{message}' and nothing written ({r.stderr.strip()[:200]})")


# --- models written here, with numpy references --------------------------------

def vi(name, shape):
    return helper.make_tensor_value_info(name, TensorProto.FLOAT, shape)


def init(name, array):
    return numpy_helper.from_array(np.asarray(array), name)


def make(nodes, inputs, outputs, inits, opset):
    graph = helper.make_graph(nodes, "g", inputs, outputs, inits)
    return helper.make_model(graph, opset_imports=[helper.make_opsetid("", opset)])


def ref_group_norm(x, G, scale, bias, eps):
    n, c = x.shape[:2]
    g = x.reshape(n, G, -1)
    mean = g.mean(axis=2, keepdims=True)
    var = ((g - mean) ** 2).mean(axis=2, keepdims=True)
    y = ((g - mean) / np.sqrt(var + eps)).reshape(x.shape)
    shape = (1, c) + (1,) * (x.ndim - 2)
    return y * scale.reshape(shape) + bias.reshape(shape)


def ref_layer_norm(x, axis, scale, bias, eps):
    axes = tuple(range(axis, x.ndim))
    mean = x.mean(axis=axes, keepdims=True)
    var = ((x - mean) ** 2).mean(axis=axes, keepdims=True)
    return (x - mean) / np.sqrt(var + eps) * scale + bias


def erf(x):
    from math import erf as scalar_erf
    return np.vectorize(scalar_erf)(x)


def model_tests(tools, work):
    rng = np.random.default_rng(7)
    x = rng.standard_normal((2, 8, 5, 6)) * 3 + 10  # a large mean, small spread
    g8, b8 = rng.uniform(0.5, 1.5, 8), rng.uniform(-1, 1, 8)
    g4, b4 = rng.uniform(0.5, 1.5, 4), rng.uniform(-1, 1, 4)
    f = lambda a: np.asarray(a, np.float32)
    cases = []
    # GroupNormalization-21: per-channel scale and bias.
    cases.append(("group_norm_21", make(
        [helper.make_node("GroupNormalization", ["x", "s", "b"], ["y"], num_groups=4, epsilon=1e-3)],
        [vi("x", [2, 8, 5, 6])], [vi("y", [2, 8, 5, 6])], [init("s", f(g8)), init("b", f(b8))], 21),
        {"x": x}, {"y": ref_group_norm(x, 4, f(g8), f(b8), 1e-3)}))
    # GroupNormalization-18: per-group scale and bias.
    cases.append(("group_norm_18", make(
        [helper.make_node("GroupNormalization", ["x", "s", "b"], ["y"], num_groups=4)],
        [vi("x", [2, 8, 5, 6])], [vi("y", [2, 8, 5, 6])], [init("s", f(g4)), init("b", f(b4))], 18),
        {"x": x}, {"y": ref_group_norm(x, 4, np.repeat(f(g4), 2), np.repeat(f(b4), 2), 1e-5)}))
    # PyTorch's GroupNorm export (opset 13): Reshape -> IN -> Reshape(Shape) -> Mul -> Add.
    gn_nodes = [
        helper.make_node("Constant", [], ["shp"], value=init("v", np.array([0, 4, -1], np.int64))),
        helper.make_node("Reshape", ["x", "shp"], ["r"]),
        helper.make_node("Constant", [], ["ones"], value=init("o", np.ones(4, np.float32))),
        helper.make_node("Constant", [], ["zeros"], value=init("z", np.zeros(4, np.float32))),
        helper.make_node("InstanceNormalization", ["r", "ones", "zeros"], ["n"], epsilon=1e-5),
        helper.make_node("Shape", ["x"], ["xs"]),
        helper.make_node("Reshape", ["n", "xs"], ["back"]),
        helper.make_node("Mul", ["back", "gamma"], ["m"]),
        helper.make_node("Add", ["m", "beta"], ["y"]),
    ]
    cases.append(("pytorch_group_norm", make(
        gn_nodes, [vi("x", [2, 8, 5, 6])], [vi("y", [2, 8, 5, 6])],
        [init("gamma", f(g8).reshape(8, 1, 1)), init("beta", f(b8).reshape(8, 1, 1))], 13),
        {"x": x}, {"y": ref_group_norm(x, 4, f(g8), f(b8), 1e-5)}))
    # InstanceNorm as BatchNorm in training mode on a (1, N*C, H, W) reshape.
    inbn_nodes = [
        helper.make_node("Constant", [], ["flat"], value=init("fl", np.array([1, -1, 5, 6], np.int64))),
        helper.make_node("Reshape", ["x", "flat"], ["r"]),
        helper.make_node("BatchNormalization", ["r", "ones", "zeros", "rm", "rv"], ["n"],
                         epsilon=1e-3, training_mode=1),
        helper.make_node("Shape", ["x"], ["xs"]),
        helper.make_node("Reshape", ["n", "xs"], ["back"]),
        helper.make_node("Mul", ["back", "gamma"], ["m"]),
        helper.make_node("Add", ["m", "beta"], ["y"]),
    ]
    cases.append(("instance_norm_as_batch_norm", make(
        inbn_nodes, [vi("x", [2, 8, 5, 6])], [vi("y", [2, 8, 5, 6])],
        [init("ones", np.ones(16, np.float32)), init("zeros", np.zeros(16, np.float32)),
         init("rm", np.zeros(16, np.float32)), init("rv", np.ones(16, np.float32)),
         init("gamma", f(g8).reshape(8, 1, 1)), init("beta", f(b8).reshape(8, 1, 1))], 15),
        {"x": x}, {"y": ref_group_norm(x, 8, f(g8), f(b8), 1e-3)}))
    # PyTorch's LayerNorm export before opset 17 (ReduceMean chain) over (C, H, W).
    ln_g, ln_b = f(rng.uniform(0.5, 1.5, (8, 5, 6))), f(rng.uniform(-1, 1, (8, 5, 6)))
    ln_nodes = [
        helper.make_node("ReduceMean", ["x"], ["mean"], axes=[-3, -2, -1]),
        helper.make_node("Sub", ["x", "mean"], ["d"]),
        helper.make_node("Constant", [], ["two"], value=init("t", np.array(2.0, np.float32))),
        helper.make_node("Pow", ["d", "two"], ["sq"]),
        helper.make_node("ReduceMean", ["sq"], ["var"], axes=[-3, -2, -1]),
        helper.make_node("Constant", [], ["eps"], value=init("e", np.array(1e-5, np.float32))),
        helper.make_node("Add", ["var", "eps"], ["ve"]),
        helper.make_node("Sqrt", ["ve"], ["std"]),
        helper.make_node("Div", ["d", "std"], ["nrm"]),
        helper.make_node("Mul", ["nrm", "w"], ["sc"]),
        helper.make_node("Add", ["sc", "bb"], ["y"]),
    ]
    cases.append(("pytorch_layer_norm", make(
        ln_nodes, [vi("x", [2, 8, 5, 6])], [vi("y", [2, 8, 5, 6])],
        [init("w", ln_g), init("bb", ln_b)], 13),
        {"x": x}, {"y": ref_layer_norm(x, 1, ln_g, ln_b, 1e-5)}))
    # GELU as PyTorch 1.13 exports it, SiLU, and Gelu-20 (tanh form).
    xs = rng.standard_normal((1, 4, 3, 5)) * 2
    gelu_nodes = [
        helper.make_node("Constant", [], ["r2"], value=init("c", np.array(np.sqrt(2.0), np.float32))),
        helper.make_node("Div", ["x", "r2"], ["q"]),
        helper.make_node("Erf", ["q"], ["e"]),
        helper.make_node("Constant", [], ["one"], value=init("c1", np.array(1.0, np.float32))),
        helper.make_node("Add", ["e", "one"], ["e1"]),
        helper.make_node("Mul", ["x", "e1"], ["xe"]),
        helper.make_node("Constant", [], ["half"], value=init("c2", np.array(0.5, np.float32))),
        helper.make_node("Mul", ["xe", "half"], ["y"]),
    ]
    cases.append(("erf_gelu", make(gelu_nodes, [vi("x", [1, 4, 3, 5])], [vi("y", [1, 4, 3, 5])], [], 13),
                  {"x": xs}, {"y": 0.5 * xs * (1 + erf(xs / np.sqrt(2)))}))
    cases.append(("gelu_20_tanh", make(
        [helper.make_node("Gelu", ["x"], ["y"], approximate="tanh")],
        [vi("x", [1, 4, 3, 5])], [vi("y", [1, 4, 3, 5])], [], 20),
        {"x": xs}, {"y": 0.5 * xs * (1 + np.tanh(np.sqrt(2 / np.pi) * (xs + 0.044715 * xs ** 3)))}))
    cases.append(("silu", make(
        [helper.make_node("Sigmoid", ["x"], ["s"]), helper.make_node("Mul", ["x", "s"], ["y"])],
        [vi("x", [1, 4, 3, 5])], [vi("y", [1, 4, 3, 5])], [], 13),
        {"x": xs}, {"y": xs / (1 + np.exp(-xs))}))
    # Resize linear (half_pixel = PyTorch's align_corners=False) by 2, 3.
    xr = rng.standard_normal((1, 2, 3, 4))
    def ref_linear(a, s):
        out = a
        for axis, scale in ((2, s[0]), (3, s[1])):
            n = out.shape[axis]
            src = np.maximum((np.arange(n * scale) + 0.5) / scale - 0.5, 0)
            i0 = np.minimum(np.floor(src).astype(int), n - 1)
            i1 = np.minimum(i0 + 1, n - 1)
            w = src - i0
            a0, a1 = np.take(out, i0, axis=axis), np.take(out, i1, axis=axis)
            shape = [1] * out.ndim
            shape[axis] = -1
            out = a0 * (1 - w.reshape(shape)) + a1 * w.reshape(shape)
        return out
    cases.append(("resize_linear", make(
        [helper.make_node("Resize", ["x", "", "sc"], ["y"], mode="linear")],
        [vi("x", [1, 2, 3, 4])], [vi("y", [1, 2, 6, 12])],
        [init("sc", np.array([1, 1, 2, 3], np.float32))], 13),
        {"x": xr}, {"y": ref_linear(xr, (2, 3))}))
    for label, model, inputs, expected in cases:
        run_model(tools, model, inputs, expected, os.path.join(work, label), label)


def main():
    args = sys.argv[1:]
    if len(args) != 4 or args[0] != "--tools" or args[2] not in ("node", "models"):
        print(__doc__)
        return 2
    with open(args[1]) as f:
        tools = json.load(f)
    work = args[3]
    os.makedirs(work, exist_ok=True)
    (node_tests if args[2] == "node" else model_tests)(tools, work)
    print(f"{len(failures)} failure(s)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
