#!/usr/bin/env python3
"""Exports TransformerNet (transformer_net.py) to ONNX with PyTorch's own
exporter, as a user of normc would bring a trained model:

  export_onnx.py -o transformer_net.onnx [--seed N | --state-dict model.pth]
                 [--opset 13..17] [--static HxW]

The image extents are dynamic (dynamic_axes on H and W) unless --static is
given. The weights are make_weights.py's: deterministic random ones
(--seed, default 0) or a trained fast_neural_style model (--state-dict).
The parameters keep their state_dict names, which `normc transformer_net.onnx`
turns into the kernel's argument names (conv1.conv2d.weight ->
conv1_conv2d_weight), the names weights_file.py and style_transfer use.
"""
import argparse
import os
import sys

import torch

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from make_weights import load_state_dict, random_state_dict  # noqa: E402
from transformer_net import TransformerNet  # noqa: E402


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-o", "--output", required=True)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--state-dict")
    parser.add_argument("--opset", type=int, default=13)
    parser.add_argument("--static", help="HxW: a model for one image size")
    args = parser.parse_args()
    state = load_state_dict(args.state_dict) if args.state_dict else random_state_dict(args.seed)
    net = TransformerNet().eval()
    net.load_state_dict(state)
    h, w = (int(v) for v in args.static.split("x")) if args.static else (64, 64)
    dynamic = None if args.static else {"image": {2: "height", 3: "width"},
                                         "output": {2: "out_height", 3: "out_width"}}
    tmp = args.output + ".tmp"
    with torch.no_grad():
        torch.onnx.export(net, torch.zeros(1, 3, h, w), tmp, input_names=["image"],
                          output_names=["output"], dynamic_axes=dynamic,
                          opset_version=args.opset)
    os.replace(tmp, args.output)  # no half-written model on failure


if __name__ == "__main__":
    main()
