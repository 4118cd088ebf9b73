#!/usr/bin/env python3
"""Writes a function of N style-transfer residual blocks
(pad-conv-IN-ReLU-pad-conv-IN + x) on a 1xCxHxW tensor, each block with its
own weights, for the deep-stack compile test: residual_stack.py N [C H W]."""
import sys

n = int(sys.argv[1])
c, h, w = (int(v) for v in sys.argv[2:5]) if len(sys.argv) >= 5 else (8, 16, 16)
t = f"tensor<1x{c}x{h}x{w}xf32>"
tp = f"tensor<1x{c}x{h + 2}x{w + 2}xf32>"
wt = f"tensor<{c}x{c}x3x3xf32>"
vt = f"tensor<{c}xf32>"
args = [f'%x: {t} {{norm.name = "x"}}']
for b in range(n):
    for k in (1, 2):
        args += [f'%w{b}_{k}: {wt} {{norm.name = "w{b}_{k}"}}',
                 f'%g{b}_{k}: {vt} {{norm.name = "g{b}_{k}"}}',
                 f'%be{b}_{k}: {vt} {{norm.name = "be{b}_{k}"}}']
print(f"func.func @stack({', '.join(args)}) -> ({t} {{norm.name = \"y\"}}) {{")


def conv_in(src, b, k):
    print(f'  %p{b}_{k} = norm.pad {src} low = [0, 0, 1, 1] high = [0, 0, 1, 1] mode = "reflect" : ({t}) -> {tp}')
    print(f"  %c{b}_{k} = norm.conv2d %p{b}_{k}, %w{b}_{k} strides = [1, 1] padding = [0, 0, 0, 0] "
          f"dilations = [1, 1] groups = 1 : ({tp}, {wt}) -> {t}")
    print(f"  %n{b}_{k} = norm.instance_norm %c{b}_{k} scale(%g{b}_{k}) bias(%be{b}_{k}) eps = 1.0e-05 "
          f": ({t}, {vt}, {vt}) -> {t}")


x = "%x"
for b in range(n):
    conv_in(x, b, 1)
    print(f"  %r{b} = norm.relu %n{b}_1 : {t}")
    conv_in(f"%r{b}", b, 2)
    print(f"  %y{b} = norm.add {x}, %n{b}_2 : ({t}, {t}) -> {t}")
    x = f"%y{b}"
print(f"  return {x} : {t}")
print("}")
