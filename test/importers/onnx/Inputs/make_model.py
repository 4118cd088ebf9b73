#!/usr/bin/env python3
"""Writes the small ONNX models of the importer's lit tests.

  make_model.py CASE OUT.onnx

Each case is a function below, built with onnx.helper (Debian python3-onnx);
the PyTorch-shaped ones copy the node sequences torch.onnx.export (PyTorch
1.13) writes, as docs/onnx.md describes them.
"""
import sys

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

F = TensorProto.FLOAT
CASES = {}


def case(fn):
    CASES[fn.__name__] = fn
    return fn


def vi(name, shape, t=F):
    return helper.make_tensor_value_info(name, t, shape)


def const(name, array):
    return helper.make_node("Constant", [], [name], value=numpy_helper.from_array(np.asarray(array), name + "_v"))


def init(name, array):
    return numpy_helper.from_array(np.asarray(array), name)


def model(nodes, inputs, outputs, inits=(), opset=13, name="g"):
    g = helper.make_graph(nodes, name, inputs, outputs, list(inits))
    return helper.make_model(g, opset_imports=[helper.make_opsetid("", opset)])


def f32(*shape, seed=0):
    return np.random.default_rng(seed).uniform(0.5, 1.5, shape).astype(np.float32)


def group_norm_nodes(x="x", out="y", scale_ones=True, mul_init="gamma", add_init="beta"):
    ones = np.ones(4, np.float32) if scale_ones else np.full(4, 2.0, np.float32)
    nodes = [const("shp", np.array([0, 4, -1], np.int64)),
             helper.make_node("Reshape", [x, "shp"], ["r"], name="/gn/Reshape"),
             const("ones", ones), const("zeros", np.zeros(4, np.float32)),
             helper.make_node("InstanceNormalization", ["r", "ones", "zeros"], ["n"],
                              name="/gn/InstanceNormalization", epsilon=1e-5),
             helper.make_node("Shape", [x], ["xs"]),
             helper.make_node("Reshape", ["n", "xs"], ["back"], name="/gn/Reshape_1")]
    last = "back"
    if mul_init:
        nodes.append(helper.make_node("Mul", [last, mul_init], ["m"], name="/gn/Mul"))
        last = "m"
    if add_init:
        nodes.append(helper.make_node("Add", [last, add_init], [out], name="/gn/Add"))
    else:
        nodes[-1].output[0] = out
    return nodes


@case
def pytorch_group_norm(dynamic=False):
    shape = [1, 8, "H", "W"] if dynamic else [1, 8, 5, 6]
    return model(group_norm_nodes(), [vi("x", shape)], [vi("y", shape)],
                 [init("gamma", f32(8, 1, 1)), init("beta", f32(8, 1, 1, seed=1))])


@case
def pytorch_group_norm_dynamic():
    return pytorch_group_norm(dynamic=True)


@case
def group_norm_scaled_instance_norm():
    # Near miss: the instance norm's scale is not ones (a real per-group affine).
    return model(group_norm_nodes(scale_ones=False), [vi("x", [1, 8, 5, 6])], [vi("y", [1, 8, 5, 6])],
                 [init("gamma", f32(8, 1, 1)), init("beta", f32(8, 1, 1, seed=1))])


@case
def group_norm_full_mul():
    # Near miss: the Mul is by a full-size tensor, not per channel: the
    # group norm folds without affine, the Mul and Add stay.
    return model(group_norm_nodes(), [vi("x", [1, 8, 5, 6])], [vi("y", [1, 8, 5, 6])],
                 [init("gamma", f32(1, 8, 5, 6)), init("beta", f32(8, 1, 1, seed=1))])


@case
def group_norm_shared_intermediate():
    # Near miss: the instance norm's output is also a graph output.
    m = pytorch_group_norm()
    m.graph.output.append(vi("n", [1, 4, 30]))
    return m


def in_as_bn_nodes(training=1):
    return [const("flat", np.array([1, -1, 5, 6], np.int64)),
            helper.make_node("Reshape", ["x", "flat"], ["r"], name="/in/Reshape"),
            helper.make_node("BatchNormalization", ["r", "ones", "zeros", "rm", "rv"], ["n"],
                             name="/in/BatchNormalization", epsilon=1e-3, training_mode=training),
            helper.make_node("Shape", ["x"], ["xs"]),
            helper.make_node("Reshape", ["n", "xs"], ["back"], name="/in/Reshape_1"),
            helper.make_node("Mul", ["back", "gamma"], ["m"]),
            helper.make_node("Add", ["m", "beta"], ["y"])]


def in_as_bn(training):
    return model(in_as_bn_nodes(training), [vi("x", [2, 3, 5, 6])], [vi("y", [2, 3, 5, 6])],
                 [init("ones", np.ones(6, np.float32)), init("zeros", np.zeros(6, np.float32)),
                  init("rm", np.zeros(6, np.float32)), init("rv", np.ones(6, np.float32)),
                  init("gamma", f32(3, 1, 1)), init("beta", f32(3, 1, 1, seed=1))], opset=15)


@case
def instance_norm_as_batch_norm():
    # InstanceNorm written as BatchNorm over a (1, N*C, H, W) reshape.
    return in_as_bn(1)


@case
def instance_norm_as_inference_batch_norm():
    # Near miss: inference BatchNorm uses the running statistics.
    return in_as_bn(0)


def layer_norm_nodes(axes=(-3, -2, -1), exponent=2.0):
    return [helper.make_node("ReduceMean", ["x"], ["mean"], name="/ln/ReduceMean", axes=list(axes)),
            helper.make_node("Sub", ["x", "mean"], ["d"], name="/ln/Sub"),
            const("p", np.array(exponent, np.float32)),
            helper.make_node("Pow", ["d", "p"], ["sq"], name="/ln/Pow"),
            helper.make_node("ReduceMean", ["sq"], ["var"], name="/ln/ReduceMean_1", axes=list(axes)),
            const("eps", np.array(1e-5, np.float32)),
            helper.make_node("Add", ["var", "eps"], ["ve"], name="/ln/Add"),
            helper.make_node("Sqrt", ["ve"], ["std"], name="/ln/Sqrt"),
            helper.make_node("Div", ["d", "std"], ["nrm"], name="/ln/Div"),
            helper.make_node("Mul", ["nrm", "ln.weight"], ["sc"], name="/ln/Mul"),
            helper.make_node("Add", ["sc", "ln.bias"], ["y"], name="/ln/Add_1")]


@case
def pytorch_layer_norm():
    return model(layer_norm_nodes(), [vi("x", [2, 8, 5, 6])], [vi("y", [2, 8, 5, 6])],
                 [init("ln.weight", f32(8, 5, 6)), init("ln.bias", f32(8, 5, 6, seed=1))])


@case
def layer_norm_inner_axes():
    # Near miss: axes (1, 2) of a rank-4 tensor are not the trailing ones.
    return model(layer_norm_nodes(axes=(1, 2)), [vi("x", [2, 8, 5, 6])], [vi("y", [2, 8, 5, 6])],
                 [init("ln.weight", f32(8, 5, 1)), init("ln.bias", f32(8, 5, 1, seed=1))])


@case
def layer_norm_cubed():
    # Near miss: Pow by 3 is not a variance.
    return model(layer_norm_nodes(exponent=3.0), [vi("x", [2, 8, 5, 6])], [vi("y", [2, 8, 5, 6])],
                 [init("ln.weight", f32(8, 5, 6)), init("ln.bias", f32(8, 5, 6, seed=1))])


def gelu_nodes(divisor):
    return [const("r2", np.array(divisor, np.float32)),
            helper.make_node("Div", ["x", "r2"], ["q"], name="/act/Div"),
            helper.make_node("Erf", ["q"], ["e"], name="/act/Erf"),
            const("one", np.array(1.0, np.float32)),
            helper.make_node("Add", ["e", "one"], ["e1"], name="/act/Add"),
            helper.make_node("Mul", ["x", "e1"], ["xe"], name="/act/Mul"),
            const("half", np.array(0.5, np.float32)),
            helper.make_node("Mul", ["xe", "half"], ["y"], name="/act/Mul_1")]


@case
def erf_gelu():
    return model(gelu_nodes(np.sqrt(2.0)), [vi("x", [1, 4, 3, 5])], [vi("y", [1, 4, 3, 5])])


@case
def erf_gelu_wrong_divisor():
    return model(gelu_nodes(2.0), [vi("x", [1, 4, 3, 5])], [vi("y", [1, 4, 3, 5])])


@case
def silu_and_gate():
    # Sigmoid(x) * x is SiLU; Sigmoid(x) * z is not.
    nodes = [helper.make_node("Sigmoid", ["x"], ["s"]), helper.make_node("Mul", ["x", "s"], ["y"]),
             helper.make_node("Sigmoid", ["x"], ["s2"]), helper.make_node("Mul", ["s2", "z"], ["g"])]
    return model(nodes, [vi("x", [1, 4, 3, 5]), vi("z", [1, 4, 3, 5])],
                 [vi("y", [1, 4, 3, 5]), vi("g", [1, 4, 3, 5])])


@case
def pytorch_reflection_pad():
    # ReflectionPad2d((1, 2, 3, 4)) as PyTorch 1.13 exports it (opset 13).
    n = [const("c0", np.array([1, 2, 3, 4], np.int64)),
         const("c1", np.array([4], np.int64)),
         helper.make_node("ConstantOfShape", ["c1"], ["zeros"],
                          value=numpy_helper.from_array(np.array([0], np.int64), "z")),
         helper.make_node("Concat", ["c0", "zeros"], ["cat"], axis=0),
         const("c2", np.array([-1, 2], np.int64)),
         helper.make_node("Reshape", ["cat", "c2"], ["pairs"]),
         const("s0", np.array([-1], np.int64)), const("s1", np.array([-(2 ** 63) + 1], np.int64)),
         const("s2", np.array([0], np.int64)), const("s3", np.array([-1], np.int64)),
         helper.make_node("Slice", ["pairs", "s0", "s1", "s2", "s3"], ["rev"]),
         helper.make_node("Transpose", ["rev"], ["tr"], perm=[1, 0]),
         const("c3", np.array([-1], np.int64)),
         helper.make_node("Reshape", ["tr", "c3"], ["flat"]),
         helper.make_node("Cast", ["flat"], ["pads"], to=TensorProto.INT64),
         helper.make_node("Pad", ["image", "pads"], ["output"], name="/pad/Pad", mode="reflect")]
    return model(n, [vi("image", [1, 3, "H", "W"])], [vi("output", [1, 3, "H2", "W2"])])


@case
def ops():
    # One of each op the importer lowers directly, with ONNX-style names.
    w = np.random.default_rng(2).standard_normal((4, 3, 3, 3)).astype(np.float32)
    nodes = [
        helper.make_node("Conv", ["x", "conv1.weight", "conv1.bias"], ["c"], name="/conv1/Conv",
                         kernel_shape=[3, 3], strides=[2, 2], auto_pad="SAME_UPPER"),
        helper.make_node("InstanceNormalization", ["c", "in.ones", "in.zeros"], ["i"], epsilon=1e-3),
        helper.make_node("LeakyRelu", ["i"], ["l"], alpha=0.2),
        helper.make_node("BatchNormalization", ["l", "bn.weight", "bn.bias", "bn.running_mean",
                                                "bn.running_var"], ["b"]),
        helper.make_node("Resize", ["b", "", "scales"], ["u"], mode="nearest",
                         coordinate_transformation_mode="asymmetric", nearest_mode="floor"),
        helper.make_node("Mul", ["u", "half"], ["h"]),
        helper.make_node("Add", ["h", "blk??=/scale \u00e9"], ["a"]),
        helper.make_node("Clip", ["a", "lo", ""], ["k"]),
        helper.make_node("Tanh", ["k"], ["t"]),
        helper.make_node("Unsqueeze", ["t", "axes"], ["y"]),
    ]
    inits = [init("conv1.weight", w), init("conv1.bias", np.arange(4, dtype=np.float32)),
             init("in.ones", np.ones(4, np.float32)), init("in.zeros", np.zeros(4, np.float32)),
             init("bn.weight", f32(4)), init("bn.bias", f32(4, seed=1)),
             init("bn.running_mean", f32(4, seed=2)), init("bn.running_var", f32(4, seed=3)),
             init("scales", np.array([1, 1, 2, 2], np.float32)),
             init("half", np.array(0.5, np.float32)), init("blk??=/scale \u00e9", f32(4, 1, 1)),
             init("lo", np.array(0.0, np.float32)), init("axes", np.array([0], np.int64))]
    return model(nodes, [vi("x", [1, 3, 9, 9])], [vi("y", [1, 1, 4, 10, 10])], inits)


@case
def norms():
    nodes = [helper.make_node("LayerNormalization", ["x", "s"], ["l"], axis=-2, epsilon=1e-4),
             helper.make_node("GroupNormalization", ["l", "gs", "gb"], ["y"], num_groups=2)]
    return model(nodes, [vi("x", [2, 4, 3, 5])], [vi("y", [2, 4, 3, 5])],
                 [init("s", f32(3, 5)), init("gs", np.array([1.5, 0.5], np.float32)),
                  init("gb", np.array([0.0, 1.0], np.float32))], opset=18)


@case
def batch_norm_training():
    nodes = [helper.make_node("BatchNormalization", ["x", "s", "b", "m", "v"], ["y", "rm", "rv"],
                              training_mode=1, momentum=0.75)]
    return model(nodes, [vi("x", [2, 3, 4, 5])], [vi("y", [2, 3, 4, 5]), vi("rm", [3]), vi("rv", [3])],
                 [init("s", f32(3)), init("b", f32(3, seed=1)), init("m", f32(3, seed=2)),
                  init("v", f32(3, seed=3))], opset=15)


def torch_adain(content_eps=1e-5, style_eps=1e-5, unbiased=True):
    """The reference AdaIN (calc_mean_std of Huang & Belongie's code),
    exported by PyTorch 1.13 (Debian python3-torch) at opset 13."""
    import io
    import torch

    def calc_mean_std(feat, eps):
        n, c = feat.size()[:2]
        var = feat.view(n, c, -1).var(dim=2, unbiased=unbiased) + eps
        return feat.view(n, c, -1).mean(dim=2).view(n, c, 1, 1), var.sqrt().view(n, c, 1, 1)

    class AdaIN(torch.nn.Module):
        def forward(self, content, style):
            size = content.size()
            s_mean, s_std = calc_mean_std(style, style_eps)
            c_mean, c_std = calc_mean_std(content, content_eps)
            normalized = (content - c_mean.expand(size)) / c_std.expand(size)
            return normalized * s_std.expand(size) + s_mean.expand(size)

    buf = io.BytesIO()
    torch.onnx.export(AdaIN(), (torch.zeros(1, 8, 6, 6), torch.zeros(1, 8, 5, 5)), buf,
                      input_names=["content", "style"], output_names=["y"], opset_version=13)
    return onnx.load_from_string(buf.getvalue())


@case
def pytorch_adain():
    return torch_adain()


@case
def pytorch_adain_biased():
    return torch_adain(unbiased=False)


@case
def pytorch_adain_eps_mismatch():
    # Near miss: content and style statistics with different epsilons.
    return torch_adain(content_eps=1e-3)


# --- errors -----------------------------------------------------------------

@case
def unsupported_op():
    return model([helper.make_node("Relu", ["x"], ["r"], name="/act/Relu"),
                  helper.make_node("MaxPool", ["r"], ["y"], name="/pool/MaxPool", kernel_shape=[2, 2])],
                 [vi("x", [1, 1, 4, 4])], [vi("y", [1, 1, 3, 3])])


@case
def unsorted():
    # The nodes out of order: the first reads what the second writes (a
    # cycle reads the same way).
    return model([helper.make_node("Relu", ["t"], ["y"], name="second"),
                  helper.make_node("Relu", ["x"], ["t"], name="first")],
                 [vi("x", [1, 1, 4, 4])], [vi("y", [1, 1, 4, 4])])


@case
def cycle():
    return model([helper.make_node("Add", ["x", "b"], ["a"], name="a"),
                  helper.make_node("Relu", ["a"], ["b"], name="b")],
                 [vi("x", [1, 1, 4, 4])], [vi("b", [1, 1, 4, 4])])


@case
def foreign_domain():
    n = helper.make_node("FusedConv", ["x"], ["y"], name="/f", domain="com.microsoft")
    m = model([n], [vi("x", [1, 1, 4, 4])], [vi("y", [1, 1, 4, 4])])
    m.opset_import.append(helper.make_opsetid("com.microsoft", 1))
    return m


@case
def future_opset():
    return model([helper.make_node("Relu", ["x"], ["y"])], [vi("x", [1, 1, 4, 4])],
                 [vi("y", [1, 1, 4, 4])], opset=22)


def raw_tensor(name, dims, data):
    t = TensorProto()
    t.name, t.data_type = name, F
    t.dims.extend(dims)
    t.raw_data = data
    return t


@case
def huge_initializer():
    t = raw_tensor("w", [1 << 20, 1 << 20], b"")
    return model([helper.make_node("Add", ["x", "w"], ["y"])], [vi("x", [1, 1])], [vi("y", [1, 1])], [t])


@case
def short_initializer():
    t = raw_tensor("w", [4, 4], np.zeros(15, np.float32).tobytes())
    return model([helper.make_node("Add", ["x", "w"], ["y"])], [vi("x", [4, 4])], [vi("y", [4, 4])], [t])


@case
def int_input():
    return model([helper.make_node("Relu", ["x"], ["y"])], [vi("x", [4], TensorProto.INT32)],
                 [vi("y", [4], TensorProto.INT32)])


@case
def constant_pad_value():
    nodes = [helper.make_node("Pad", ["x", "p", "v"], ["y"], name="/pad", mode="constant")]
    return model(nodes, [vi("x", [1, 1, 4, 4])], [vi("y", [1, 1, 6, 6])],
                 [init("p", np.array([0, 0, 1, 1, 0, 0, 1, 1], np.int64)),
                  init("v", np.array(1.0, np.float32))])


@case
def conv_transpose():
    # Weights that are an input, not an initializer: normc cannot flip them.
    nodes = [helper.make_node("ConvTranspose", ["x", "w"], ["y"], name="/deconv/ConvTranspose")]
    return model(nodes, [vi("x", [1, 2, 4, 4]), vi("w", [2, 2, 3, 3])], [vi("y", [1, 2, 6, 6])])


# --- review findings: each once imported wrongly or crashed -----------------

@case
def pad_to_dynamic():
    # Pads computed from a dynamic dimension (256 - H): no value at import time.
    n = [helper.make_node("Shape", ["x"], ["s"]), const("i", np.array([2], np.int64)),
         helper.make_node("Gather", ["s", "i"], ["h"]), const("full", np.array([256], np.int64)),
         helper.make_node("Sub", ["full", "h"], ["rest"]), const("z", np.zeros(7, np.int64)),
         helper.make_node("Concat", ["z", "rest"], ["pads"], axis=0),
         helper.make_node("Pad", ["x", "pads"], ["y"], name="/pad", mode="constant")]
    return model(n, [vi("x", [1, 3, "H", "W"])], [vi("y", [1, 3, "H2", "W"])])


@case
def mean_filter_conv():
    # An all-equal weight is still a 3x3 weight, not a splat.
    return model([helper.make_node("Conv", ["x", "w"], ["y"])], [vi("x", [1, 1, 5, 5])],
                 [vi("y", [1, 1, 3, 3])], [init("w", np.full((1, 1, 3, 3), 1 / 9, np.float32))])


@case
def broadcast_by_zeros():
    # Adding zeros of a larger shape broadcasts x: the result is [1, 3, 4, 4].
    return model([helper.make_node("Add", ["x", "z"], ["y"])], [vi("x", [1, 1, 4, 4])],
                 [vi("y", [1, 3, 4, 4])], [init("z", np.zeros((1, 3, 4, 4), np.float32))])


@case
def swap_dynamic_dims():
    n = [helper.make_node("Shape", ["x"], ["s"]), const("i0", np.array([0], np.int64)),
         const("i1", np.array([1], np.int64)), helper.make_node("Gather", ["s", "i0"], ["a"]),
         helper.make_node("Gather", ["s", "i1"], ["b"]),
         helper.make_node("Concat", ["b", "a"], ["t"], axis=0),
         helper.make_node("Reshape", ["x", "t"], ["y"], name="/swap")]
    return model(n, [vi("x", ["A", "B"])], [vi("y", ["B", "A"])])


@case
def unsqueeze_repeated_axes():
    return model([helper.make_node("Unsqueeze", ["x", "ax"], ["y"], name="/unsq")], [vi("x", [5])],
                 [vi("y", [5, 1, 1])], [init("ax", np.array([2, 2], np.int64))])


@case
def gather_one_input():
    n = [const("c", np.array([1, 2, 3], np.int64)), helper.make_node("Gather", ["c"], ["g"], name="/g"),
         helper.make_node("Reshape", ["x", "g"], ["y"])]
    return model(n, [vi("x", [6])], [vi("y", [1, 2, 3])])


@case
def scalar_input():
    return model([helper.make_node("Mul", ["x", "a"], ["y"])], [vi("x", [1, 2, 2]), vi("a", [])],
                 [vi("y", [1, 2, 2])])


@case
def layer_norm_mul_square():
    # LayerNorm whose variance squares with Mul(d, d) instead of Pow(d, 2).
    nodes = layer_norm_nodes()
    nodes[3] = helper.make_node("Mul", ["d", "d"], ["sq"], name="/ln/Mul_sq")
    del nodes[2]
    return model(nodes, [vi("x", [2, 8, 5, 6])], [vi("y", [2, 8, 5, 6])],
                 [init("ln.weight", f32(8, 5, 6)), init("ln.bias", f32(8, 5, 6, seed=1))])


def torch_layer_adain():
    """Near miss: AdaIN-like statistics per sample (over C, H, W), not per channel."""
    import io
    import torch

    def stats(feat):
        n = feat.size(0)
        var = feat.view(n, 1, -1).var(dim=2) + 1e-5
        return feat.view(n, 1, -1).mean(dim=2).view(n, 1, 1, 1), var.sqrt().view(n, 1, 1, 1)

    class LayerAdaIN(torch.nn.Module):
        def forward(self, content, style):
            size = content.size()
            s_mean, s_std = stats(style)
            c_mean, c_std = stats(content)
            return (content - c_mean.expand(size)) / c_std.expand(size) * s_std.expand(size) + s_mean.expand(size)

    buf = io.BytesIO()
    torch.onnx.export(LayerAdaIN(), (torch.zeros(1, 8, 6, 6), torch.zeros(1, 8, 5, 5)), buf,
                      input_names=["content", "style"], output_names=["y"], opset_version=13)
    return onnx.load_from_string(buf.getvalue())


CASES["pytorch_layer_adain"] = torch_layer_adain


def main():
    name, out = sys.argv[1], sys.argv[2]
    m = CASES[name]()
    # Invalid on purpose, or newer than Debian's onnx 1.12 checker knows.
    if name not in ("cycle", "unsorted", "huge_initializer", "short_initializer", "future_opset",
                    "norms", "gather_one_input", "unsqueeze_repeated_axes"):
        onnx.checker.check_model(m)
    onnx.save(m, out)


if __name__ == "__main__":
    main()
