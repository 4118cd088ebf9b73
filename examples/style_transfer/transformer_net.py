"""TransformerNet (Johnson et al. 2016) in PyTorch: the reference for normc's
transformer_net.mlir.

The layers and parameter names follow PyTorch's fast_neural_style example
(conv1.conv2d.weight, in1.weight, res1.conv1.conv2d.weight, ...), so that a
state_dict trained there loads here and converts with make_weights.py. Written
for normc from the architecture's description; used by the tests and by
make_weights.py, never by the C program.
"""
import torch
from torch import nn


class ConvLayer(nn.Module):
    """Reflection padding of kernel // 2, then a strided convolution."""

    def __init__(self, cin, cout, kernel, stride):
        super().__init__()
        self.pad = nn.ReflectionPad2d(kernel // 2)
        self.conv2d = nn.Conv2d(cin, cout, kernel, stride)

    def forward(self, x):
        return self.conv2d(self.pad(x))


class UpsampleConvLayer(nn.Module):
    """Nearest-neighbour x2 upsampling, then a ConvLayer."""

    def __init__(self, cin, cout, kernel):
        super().__init__()
        self.pad = nn.ReflectionPad2d(kernel // 2)
        self.conv2d = nn.Conv2d(cin, cout, kernel, 1)

    def forward(self, x):
        x = nn.functional.interpolate(x, mode="nearest", scale_factor=2)
        return self.conv2d(self.pad(x))


class ResidualBlock(nn.Module):
    """x + IN(conv(ReLU(IN(conv(x))))) with 3x3 reflection-padded convs."""

    def __init__(self, channels):
        super().__init__()
        self.conv1 = ConvLayer(channels, channels, 3, 1)
        self.in1 = nn.InstanceNorm2d(channels, affine=True)
        self.conv2 = ConvLayer(channels, channels, 3, 1)
        self.in2 = nn.InstanceNorm2d(channels, affine=True)

    def forward(self, x):
        y = torch.relu(self.in1(self.conv1(x)))
        return x + self.in2(self.conv2(y))


class TransformerNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = ConvLayer(3, 32, 9, 1)
        self.in1 = nn.InstanceNorm2d(32, affine=True)
        self.conv2 = ConvLayer(32, 64, 3, 2)
        self.in2 = nn.InstanceNorm2d(64, affine=True)
        self.conv3 = ConvLayer(64, 128, 3, 2)
        self.in3 = nn.InstanceNorm2d(128, affine=True)
        for i in range(1, 6):
            setattr(self, f"res{i}", ResidualBlock(128))
        self.deconv1 = UpsampleConvLayer(128, 64, 3)
        self.in4 = nn.InstanceNorm2d(64, affine=True)
        self.deconv2 = UpsampleConvLayer(64, 32, 3)
        self.in5 = nn.InstanceNorm2d(32, affine=True)
        self.deconv3 = ConvLayer(32, 3, 9, 1)

    def forward(self, x):
        y = torch.relu(self.in1(self.conv1(x)))
        y = torch.relu(self.in2(self.conv2(y)))
        y = torch.relu(self.in3(self.conv3(y)))
        for i in range(1, 6):
            y = getattr(self, f"res{i}")(y)
        y = torch.relu(self.in4(self.deconv1(y)))
        y = torch.relu(self.in5(self.deconv2(y)))
        return self.deconv3(y)
