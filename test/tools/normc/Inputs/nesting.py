"""Writes deeply nested IR for input-text.mlir: nesting.py KIND > file.mlir."""
import sys

kind = sys.argv[1]
if kind == "deep":  # 10,000 nested brackets: overflowed MLIR's parser
    print("func.func @d() attributes {a = " + "[" * 10000 + "]" * 10000 + "} { return }")
elif kind == "shallow":  # within the limit: parses
    print("func.func @d() attributes {a = " + "[" * 250 + "]" * 250 + "} { return }")
elif kind == "strings":  # brackets in comments and strings do not count
    print("// " + "[" * 300 + "\nfunc.func @s() attributes {a = \"" + "(" * 300 + "\"} { return }")
elif kind == "compare":  # '>=' must not close the '[' around it
    print("func.func @d() attributes {a = " + "[affine_set<(d0) : (d0 >= 0)>, " * 300 +
          "]" * 300 + "} { return }")
elif kind == "stray":  # closers of another kind must not close '['
    print("func.func @d() attributes {a = " + "[" * 300 + ")>}" * 300 + "]" * 300 +
          "} { return }")
elif kind == "minus":  # unary minus recurses in affine expressions
    print("#m = affine_map<(d0) -> (" + "-" * 10000 + "d0)>\nfunc.func @d() { return }")
else:
    sys.exit("unknown kind " + kind)
