#!/usr/bin/env python3
"""Writes a TransformerNet weights file for examples/style_transfer.

  make_weights.py --random [--seed N] -o weights.bin
      deterministic random weights: PyTorch's default initialization under
      torch.manual_seed(N), instance-norm scales and shifts drawn too (the
      defaults 1 and 0 would test nothing), the last conv scaled so the
      image spans 0..255 rather than sitting near black;
  make_weights.py --state-dict model.pth -o weights.bin
      a trained model of PyTorch's fast_neural_style example (its
      parameter names; the stale in*.running_mean/var entries of old
      checkpoints are ignored).

Run with Debian's /usr/bin/python3 (python3-torch).
"""
import argparse
import os
import re
import sys

import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import weights_file  # noqa: E402
from transformer_net import TransformerNet  # noqa: E402


def random_state_dict(seed):
    torch.manual_seed(seed)
    net = TransformerNet()
    with torch.no_grad():
        for name, p in net.named_parameters():
            if re.fullmatch(r"(res\d\.)?in\d\.weight", name):
                p.uniform_(0.5, 1.5)
            elif re.fullmatch(r"(res\d\.)?in\d\.bias", name):
                p.uniform_(-0.5, 0.5)
        net.deconv3.conv2d.weight.mul_(64.0)
        net.deconv3.conv2d.bias.fill_(127.5)
    return net.state_dict()


def load_state_dict(path):
    state = torch.load(path, map_location="cpu")
    for key in list(state.keys()):
        if re.search(r"in\d+\.running_(mean|var)$", key):
            del state[key]
    net = TransformerNet()
    net.load_state_dict(state)  # checks names and shapes against the architecture
    return net.state_dict()


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    source = parser.add_mutually_exclusive_group(required=True)
    source.add_argument("--random", action="store_true", help="deterministic random weights")
    source.add_argument("--state-dict", metavar="PTH", help="a fast_neural_style .pth file")
    parser.add_argument("--seed", type=int, default=0, help="seed of --random (default 0)")
    parser.add_argument("-o", "--output", required=True, help="weights file to write")
    args = parser.parse_args()
    state = random_state_dict(args.seed) if args.random else load_state_dict(args.state_dict)
    tensors = [(weights_file.kernel_arg_name(k), v.detach().numpy()) for k, v in state.items()]
    weights_file.write(args.output, tensors)
    print(f"wrote {args.output}: {len(tensors)} tensors, "
          f"{sum(t.size for _, t in tensors)} parameters")


if __name__ == "__main__":
    main()
