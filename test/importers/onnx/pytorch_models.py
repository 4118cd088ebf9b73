#!/usr/bin/env python3
"""Networks exported by PyTorch itself (torch.onnx.export, Debian's
python3-torch 1.13), compiled by normc, run through the runtime and compared
with the same PyTorch module evaluated in float64.

  pytorch_models.py --tools TOOLS.json WORK_DIR

Models (deterministic random weights, seed per model): a GroupNorm + SiLU
UNet block with a residual, a LayerNorm block exported at opset 13 (the
ReduceMean chain) and 17 (LayerNormalization), a CycleGAN-style ResNet
generator (reflection pads, instance norms, strided convs, ConvTranspose
upsampling, tanh), a conv + LeakyReLU + BatchNorm (inference) +
nearest-upsample block, and AdaIN written out by hand (content and style).

Tolerance: max |normc - ref| <= 1e-4 * max |ref| per output: f32 kernels
against a float64 reference through convolutions of up to ~600 terms and
normalizations; PyTorch's own f32 error is printed beside normc's.
"""
import io
import os
import sys

import numpy as np

try:
    import torch
    import torch.nn as nn
    import onnx
except ImportError as e:
    print(f"FAIL: /usr/bin/python3 lacks {e.name} (scripts/install-deps.sh installs it)")
    sys.exit(1)

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import run_onnx_tests as harness  # noqa: E402

TOLERANCE = 1e-4


class UNetBlock(nn.Module):
    def __init__(self, c=64, groups=32):
        super().__init__()
        self.norm1, self.conv1 = nn.GroupNorm(groups, c), nn.Conv2d(c, c, 3, padding=1)
        self.norm2, self.conv2 = nn.GroupNorm(groups, c), nn.Conv2d(c, c, 3, padding=1)
        self.act = nn.SiLU()

    def forward(self, x):
        h = self.conv1(self.act(self.norm1(x)))
        return x + self.conv2(self.act(self.norm2(h)))


class LayerNormBlock(nn.Module):
    def __init__(self, c=16, h=8, w=8):
        super().__init__()
        self.conv = nn.Conv2d(c, c, 3, padding=1)
        self.norm = nn.LayerNorm([c, h, w])
        self.act = nn.GELU()

    def forward(self, x):
        return x + self.act(self.norm(self.conv(x)))


class ResnetBlock(nn.Module):
    def __init__(self, c):
        super().__init__()
        self.body = nn.Sequential(
            nn.ReflectionPad2d(1), nn.Conv2d(c, c, 3), nn.InstanceNorm2d(c, affine=True), nn.ReLU(True),
            nn.ReflectionPad2d(1), nn.Conv2d(c, c, 3), nn.InstanceNorm2d(c, affine=True))

    def forward(self, x):
        return x + self.body(x)


class Generator(nn.Module):
    """CycleGAN's ResnetGenerator, narrowed (ngf 8, two blocks)."""
    def __init__(self, ngf=8, blocks=2):
        super().__init__()
        layers = [nn.ReflectionPad2d(3), nn.Conv2d(3, ngf, 7), nn.InstanceNorm2d(ngf, affine=True), nn.ReLU(True)]
        for i in range(2):
            m = 2 ** i
            layers += [nn.Conv2d(ngf * m, ngf * m * 2, 3, stride=2, padding=1),
                       nn.InstanceNorm2d(ngf * m * 2, affine=True), nn.ReLU(True)]
        layers += [ResnetBlock(ngf * 4) for _ in range(blocks)]
        for i in range(2):
            m = 2 ** (2 - i)
            layers += [nn.ConvTranspose2d(ngf * m, ngf * m // 2, 3, stride=2, padding=1, output_padding=1),
                       nn.InstanceNorm2d(ngf * m // 2, affine=True), nn.ReLU(True)]
        layers += [nn.ReflectionPad2d(3), nn.Conv2d(ngf, 3, 7), nn.Tanh()]
        self.model = nn.Sequential(*layers)

    def forward(self, x):
        return self.model(x)


class BatchNormBlock(nn.Module):
    def __init__(self, c=8):
        super().__init__()
        self.conv = nn.Conv2d(3, c, 3, padding=1)
        self.bn = nn.BatchNorm2d(c)
        self.act = nn.LeakyReLU(0.2)
        self.up = nn.Upsample(scale_factor=2, mode="nearest")

    def forward(self, x):
        # The batch norm after the activation: the exporter would fold a
        # conv -> batch norm pair into the conv.
        return self.up(self.bn(self.act(self.conv(x))))


class AdaIN(nn.Module):
    """The reference AdaIN (Huang & Belongie's calc_mean_std), by hand."""
    @staticmethod
    def calc_mean_std(feat, eps=1e-5):
        n, c = feat.size()[:2]
        var = feat.view(n, c, -1).var(dim=2) + eps
        return feat.view(n, c, -1).mean(dim=2).view(n, c, 1, 1), var.sqrt().view(n, c, 1, 1)

    def forward(self, content, style):
        size = content.size()
        s_mean, s_std = self.calc_mean_std(style)
        c_mean, c_std = self.calc_mean_std(content)
        return (content - c_mean.expand(size)) / c_std.expand(size) * s_std.expand(size) + s_mean.expand(size)


def randomize(net, seed):
    """Deterministic weights that keep every parameter meaningful (norm
    scales near 1, shifts and running statistics not the defaults)."""
    g = torch.Generator().manual_seed(seed)
    with torch.no_grad():
        for name, p in net.named_parameters():
            if p.dim() == 1 and ("norm" in name or ".bn" in name or name.startswith("bn")):
                p.copy_((torch.rand(p.shape, generator=g) + 0.5) if name.endswith("weight")
                        else torch.rand(p.shape, generator=g) - 0.5)
            elif p.dim() == 1 and name.endswith("weight"):  # InstanceNorm2d's affine
                p.copy_(torch.rand(p.shape, generator=g) + 0.5)
            else:
                p.copy_((torch.rand(p.shape, generator=g) - 0.5) * 2 / max(1, p[0].numel()) ** 0.5)
        for name, b in net.named_buffers():
            if name.endswith("running_mean"):
                b.copy_(torch.rand(b.shape, generator=g) - 0.5)
            elif name.endswith("running_var"):
                b.copy_(torch.rand(b.shape, generator=g) + 0.5)
    return net.eval()


def main():
    if len(sys.argv) != 4 or sys.argv[1] != "--tools":
        print(__doc__)
        return 2
    import json
    tools = json.load(open(sys.argv[2]))
    work = sys.argv[3]
    cases = [("unet_gn_silu_block", UNetBlock(), (1, 64, 16, 16), 13, 1),
             ("layer_norm_block_op13", LayerNormBlock(), (2, 16, 8, 8), 13, 2),
             ("layer_norm_block_op17", LayerNormBlock(), (2, 16, 8, 8), 17, 2),
             ("cyclegan_generator", Generator(), (1, 3, 32, 32), 13, 3),
             ("batch_norm_block", BatchNormBlock(), (2, 3, 10, 12), 13, 4),
             ("adain_by_hand", AdaIN(), [(2, 16, 9, 7), (2, 16, 6, 8)], 13, 5)]
    for label, net, shape, opset, seed in cases:
        randomize(net, seed)
        rng = np.random.default_rng(seed)
        shapes = shape if isinstance(shape, list) else [shape]
        names = ["content", "style"] if len(shapes) == 2 else ["input"]
        xs = [torch.from_numpy(rng.standard_normal(s) * (1 + k) + k) for k, s in enumerate(shapes)]
        buf = io.BytesIO()
        with torch.no_grad():
            torch.onnx.export(net.float(), tuple(x.float() for x in xs), buf, input_names=names,
                              output_names=["output"], opset_version=opset)
            ref = net.double()(*xs).numpy()
            f32 = net.float()(*(x.float() for x in xs)).double().numpy()
        model = onnx.load_from_string(buf.getvalue())
        ops = sorted({n.op_type for n in model.graph.node})
        print(f"{label}: opset {opset}, {len(model.graph.node)} nodes ({', '.join(ops)})")
        scale = np.abs(ref).max()
        got = harness.run_model_outputs(tools, model, {n: x.numpy() for n, x in zip(names, xs)},
                                        {"output": ref}, os.path.join(work, label), label)
        if got is None:
            continue
        err = np.abs(got["output"] - ref).max() / scale
        torch_err = np.abs(f32 - ref).max() / scale
        harness.check(err <= TOLERANCE, f"{label}: max error {err:.1e} of max |output| "
                      f"(PyTorch f32: {torch_err:.1e}; tolerance {TOLERANCE:.0e})")
    print(f"{len(harness.failures)} failure(s)")
    return 1 if harness.failures else 0


if __name__ == "__main__":
    sys.exit(main())
