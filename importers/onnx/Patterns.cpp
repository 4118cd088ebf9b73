//===- Patterns.cpp - exporters' decompositions folded into one norm op ----===//
//
// Exporters write some normalizations and activations out as chains of
// small ops. Each pattern starts at the chain's first node, checks every
// node and side input (a near miss is imported node by node, or refused
// with the reason a node cannot be imported), and emits the one norm op:
//
//   GroupNorm (PyTorch): Reshape(x, [N|0, G, -1]) -> InstanceNormalization
//     (ones, zeros) -> Reshape(., shape of x) [-> Mul(per-channel)
//     [-> Add(per-channel)]]                             => norm.group_norm
//   LayerNorm (opset < 17 exports): ReduceMean(x, trailing axes) -> Sub(x, .)
//     -> Pow(., 2) -> ReduceMean -> Add(eps) -> Sqrt -> Div(d, .)
//     [-> Mul(gamma) [-> Add(beta)]]                    => norm.layer_norm
//   InstanceNorm as BatchNorm: Reshape(x, [1, N*C, spatial...]) ->
//     BatchNormalization in training mode (batch statistics; ones, zeros;
//     running outputs unused) -> Reshape(., shape of x) [-> Mul(per-channel)
//     [-> Add(per-channel)]]                          => norm.instance_norm
//   GELU (PyTorch): Div(x, sqrt 2) -> Erf -> Add(1) -> Mul(x, .) -> Mul(0.5)
//                                                          => norm.gelu
//   SiLU (PyTorch): Sigmoid(x) -> Mul(x, .)                => norm.silu
//
// Every intermediate must be read only inside the chain.
//
//===----------------------------------------------------------------------===//
#include "importers/onnx/GraphImporter.h"
#include "importers/onnx/NodeAttributes.h"

#include "dialect/NormDialect.h"
#include "dialect/NormOps.h"

#include <cmath>

using namespace mlir;
using namespace normc::norm;

namespace normc::onnx_import {

namespace {

constexpr int64_t kDyn = ShapedType::kDynamic;

/// The one node reading `value` (which must not be a graph output), if its
/// op is `op` and it has the inputs the patterns read (two for the binary
/// ops and Reshape); else -1.
int soleUser(GraphImporter &g, const std::string &value, const char *op) {
  if (g.isGraphOutput(value) || g.useCount(value) != 1) return -1;
  int u = g.users(value).front();
  static const std::set<std::string> binary = {"Reshape", "Sub", "Div", "Mul", "Add", "Pow"};
  int needed = binary.count(op) ? 2 : 1;
  const onnx::NodeProto &n = g.node(u);
  return g.isConsumed(u) || n.op_type() != op || n.input_size() < needed || n.output_size() < 1
             ? -1
             : u;
}

/// The input of binary node `n` other than `value`, or "" if `value` is not
/// one of its two inputs.
std::string otherInput(const onnx::NodeProto &n, const std::string &value) {
  if (n.input_size() != 2) return "";
  if (n.input(0) == value) return n.input(1);
  if (n.input(1) == value) return n.input(0);
  return "";
}

/// A known one-element float tensor of at most `rank` dims (more would
/// raise the rank of what it is combined with) near `expected`.
bool isScalar(GraphImporter &g, const std::string &name, double expected, double tolerance,
              int64_t rank) {
  ConstTensor c;
  return g.peekConstant(name, c) && c.isFloat() && c.numElements() == 1 &&
         int64_t(c.dims.size()) <= rank && std::fabs(c.at(0) - expected) <= tolerance;
}

/// A known float tensor that broadcasts per channel against a rank-`rank`
/// NCHW value of C channels: every dim 1 but dim 1 (right-aligned), or a
/// single element. Its C values, in `out`.
bool perChannel(GraphImporter &g, const std::string &name, int64_t rank, int64_t C,
                ConstTensor &out) {
  ConstTensor c;
  if (!g.peekConstant(name, c) || !c.isFloat() || int64_t(c.dims.size()) > rank) return false;
  std::vector<int64_t> full(size_t(rank), 1);
  full[1] = C;
  ConstTensor b;
  if (!broadcastConstant(c, full, b)) return false;
  out = ConstTensor::floatTensor({C}, b.floats);
  return true;
}

/// The norm.group_norm scale or bias from a per-channel constant: null when
/// it is all `neutral`.
Value channelWeight(GraphImporter &g, const std::string &name, const ConstTensor &c, double neutral) {
  if (c.isSplat() && c.at(0) == neutral) return Value();
  return g.weightArgument(name, c);
}

/// Whether `shape` (a Reshape's target) is the shape of `x` (named
/// `xName`): each entry x's static extent, its dynamic dim by symbol, or 0
/// (copy) where the reshaped tensor has x's extent at that position.
bool isShapeOf(GraphImporter &g, const ConstTensor &shape, const std::string &xName,
               RankedTensorType x, llvm::ArrayRef<int64_t> copyable) {
  if (shape.isFloat() || shape.numElements() != x.getRank()) return false;
  for (int64_t d = 0; d < x.getRank(); ++d) {
    bool same = shape.isSymbolic(d)
                    ? g.symbolIs(shape.symbols[d], xName, d)
                    : (!x.isDynamicDim(d) && shape.ints[d] == x.getDimSize(d)) ||
                          (shape.ints[d] == 0 && llvm::is_contained(copyable, d));
    if (!same) return false;
  }
  return true;
}

/// The optional per-channel Mul and Add after a normalization's last node:
/// extends `chain` and `last`, sets the scale and bias weights.
void channelAffine(GraphImporter &g, int64_t rank, int64_t C, std::vector<int> &chain,
                   std::string &last, Value &scale, Value &bias) {
  ConstTensor c;
  int mul = soleUser(g, last, "Mul");
  if (mul < 0 || !perChannel(g, otherInput(g.node(mul), last), rank, C, c)) return;
  scale = channelWeight(g, otherInput(g.node(mul), last), c, 1.0);
  chain.push_back(mul);
  last = g.node(mul).output(0);
  int add = soleUser(g, last, "Add");
  if (add < 0 || !perChannel(g, otherInput(g.node(add), last), rank, C, c)) return;
  bias = channelWeight(g, otherInput(g.node(add), last), c, 0.0);
  chain.push_back(add);
  last = g.node(add).output(0);
}

bool instanceNormAsBatchNorm(GraphImporter &g, int index) {
  const onnx::NodeProto &r1 = g.node(index);
  if (r1.op_type() != "Reshape" || r1.input_size() != 2) return false;
  Value x = g.computed(r1.input(0));
  if (!x) return false;
  auto type = cast<RankedTensorType>(x.getType());
  int64_t rank = type.getRank();
  if (rank < 3 || rank > 5 || type.isDynamicDim(0) || type.isDynamicDim(1)) return false;
  int64_t N = type.getDimSize(0), C = type.getDimSize(1);
  ConstTensor shape;
  if (!g.peekConstant(r1.input(1), shape) || shape.isFloat() || shape.numElements() != rank ||
      shape.isSymbolic(0) || shape.ints[0] != 1 || shape.isSymbolic(1) ||
      (shape.ints[1] != N * C && !(shape.ints[1] == -1)))
    return false;
  for (int64_t d = 2; d < rank; ++d) { // the spatial dims unchanged
    bool same = shape.isSymbolic(d) ? g.symbolIs(shape.symbols[d], r1.input(0), d)
                                    : !type.isDynamicDim(d) && shape.ints[d] == type.getDimSize(d);
    if (!same) return false;
  }
  int bn = soleUser(g, r1.output(0), "BatchNormalization");
  if (bn < 0) return false;
  const onnx::NodeProto &bnNode = g.node(bn);
  // Batch statistics: training_mode (opset 14+) or, before, the training
  // outputs; the running statistics it would return must be unused.
  bool training = g.opset() >= 14 ? intAttribute(bnNode, "training_mode", 0) != 0
                                  : bnNode.output_size() > 1;
  if (!training || bnNode.input_size() != 5) return false;
  for (int k = 1; k < bnNode.output_size(); ++k)
    if (!bnNode.output(k).empty() && g.useCount(bnNode.output(k)) > 0) return false;
  for (int k = 1; k <= 2; ++k) {
    ConstTensor p;
    if (!g.peekConstant(bnNode.input(k), p) || !p.isFloat() || p.numElements() != N * C ||
        !p.isSplat() || p.at(0) != (k == 1 ? 1.0 : 0.0))
      return false;
  }
  float eps = floatAttribute(bnNode, "epsilon", 1e-5f);
  int r2 = soleUser(g, bnNode.output(0), "Reshape");
  ConstTensor back;
  if (r2 < 0 || eps <= 0 || !g.peekConstant(g.node(r2).input(1), back) ||
      !isShapeOf(g, back, r1.input(0), type, {}))
    return false;
  std::vector<int> chain = {index, bn, r2};
  std::string last = g.node(r2).output(0);
  Value scale, bias;
  channelAffine(g, rank, C, chain, last, scale, bias);
  OpBuilder &b = g.builder();
  Value y = b.create<InstanceNormOp>(g.nodeLoc(bn), x.getType(), x, scale, bias,
                                     b.getF32FloatAttr(eps), UnitAttr());
  for (int k : chain) g.markConsumed(k);
  g.setComputed(last, y);
  return true;
}

bool groupNorm(GraphImporter &g, int index) {
  const onnx::NodeProto &r1 = g.node(index);
  if (r1.op_type() != "Reshape" || r1.input_size() != 2) return false;
  Value x = g.computed(r1.input(0));
  if (!x) return false;
  auto type = cast<RankedTensorType>(x.getType());
  int64_t rank = type.getRank(), C = type.getDimSize(1 < rank ? 1 : 0);
  if (rank < 3 || rank > 5 || C == kDyn) return false;
  ConstTensor shape;
  if (!g.peekConstant(r1.input(1), shape) || shape.isFloat() || shape.numElements() != 3)
    return false;
  // [N | 0 | dim 0 of x, G, -1]
  bool batchOk = shape.isSymbolic(0)
                     ? g.symbolIs(shape.symbols[0], r1.input(0), 0)
                     : (shape.ints[0] == 0 || shape.ints[0] == type.getDimSize(0));
  int64_t G = shape.isSymbolic(1) ? 0 : shape.ints[1];
  if (!batchOk || G <= 0 || C % G || shape.isSymbolic(2) || shape.ints[2] != -1) return false;
  int in = soleUser(g, r1.output(0), "InstanceNormalization");
  if (in < 0) return false;
  const onnx::NodeProto &inNode = g.node(in);
  for (int k = 1; k <= 2; ++k) {
    ConstTensor p;
    if (inNode.input_size() <= k || !g.peekConstant(inNode.input(k), p) || !p.isFloat() ||
        p.numElements() != G || !p.isSplat() || p.at(0) != (k == 1 ? 1.0 : 0.0))
      return false; // a real per-group affine: not PyTorch's GroupNorm
  }
  float eps = floatAttribute(inNode, "epsilon", 1e-5f);
  int r2 = soleUser(g, inNode.output(0), "Reshape");
  if (r2 < 0 || eps <= 0) return false;
  ConstTensor back;
  if (!g.peekConstant(g.node(r2).input(1), back) || !isShapeOf(g, back, r1.input(0), type, {0}))
    return false;
  std::vector<int> chain = {index, in, r2};
  std::string last = g.node(r2).output(0);
  Value scale, bias;
  channelAffine(g, rank, C, chain, last, scale, bias);
  OpBuilder &b = g.builder();
  Value y = b.create<GroupNormOp>(g.nodeLoc(in), x.getType(), x, scale, bias,
                                  b.getI64IntegerAttr(G), b.getF32FloatAttr(eps), UnitAttr());
  for (int k : chain) g.markConsumed(k);
  g.setComputed(last, y);
  return true;
}

/// ReduceMean's axes (attribute before opset 18, input from 18), as
/// non-negative numbers, and keepdims.
bool reduceAxes(GraphImporter &g, const onnx::NodeProto &n, int64_t rank,
                std::vector<int64_t> &axes) {
  if (intAttribute(n, "keepdims", 1) != 1) return false;
  axes.clear();
  if (g.opset() >= 18) {
    ConstTensor a;
    if (n.input_size() < 2 || !g.peekConstant(n.input(1), a) || a.isFloat()) return false;
    axes.assign(a.ints.begin(), a.ints.end());
  } else {
    axes = intsAttribute(n, "axes").value_or(std::vector<int64_t>{});
  }
  if (axes.empty()) return false;
  for (int64_t &a : axes) {
    if (a < -rank || a >= rank) return false;
    if (a < 0) a += rank;
  }
  std::sort(axes.begin(), axes.end());
  for (size_t k = 0; k < axes.size(); ++k)
    if (axes[k] != rank - int64_t(axes.size()) + int64_t(k)) return false; // trailing, contiguous
  return true;
}

bool layerNorm(GraphImporter &g, int index) {
  const onnx::NodeProto &m1 = g.node(index);
  if (m1.op_type() != "ReduceMean" || m1.input_size() < 1) return false;
  Value x = g.computed(m1.input(0));
  if (!x) return false;
  auto type = cast<RankedTensorType>(x.getType());
  int64_t rank = type.getRank();
  std::vector<int64_t> axes, axes2;
  if (!reduceAxes(g, m1, rank, axes)) return false;
  int sub = soleUser(g, m1.output(0), "Sub");
  if (sub < 0 || g.node(sub).input(0) != m1.input(0) || g.node(sub).input(1) != m1.output(0))
    return false;
  const std::string d = g.node(sub).output(0);
  // Two readers: the square (Pow(d, 2), or Mul(d, d), which reads d twice)
  // and the Div.
  std::set<int> readers(g.users(d).begin(), g.users(d).end());
  if (g.isGraphOutput(d) || readers.size() != 2) return false;
  int pow = -1, div = -1;
  for (int u : readers) {
    const onnx::NodeProto &n = g.node(u);
    if (n.input_size() != 2 || g.isConsumed(u)) return false;
    if (n.op_type() == "Pow" && n.input(0) == d && isScalar(g, n.input(1), 2.0, 0, rank)) pow = u;
    else if (n.op_type() == "Mul" && n.input(0) == d && n.input(1) == d) pow = u;
    else if (n.op_type() == "Div" && n.input(0) == d) div = u;
  }
  if (pow < 0 || div < 0) return false;
  int m2 = soleUser(g, g.node(pow).output(0), "ReduceMean");
  if (m2 < 0 || !reduceAxes(g, g.node(m2), rank, axes2) || axes2 != axes) return false;
  int addEps = soleUser(g, g.node(m2).output(0), "Add");
  if (addEps < 0) return false;
  ConstTensor eps;
  std::string epsName = otherInput(g.node(addEps), g.node(m2).output(0));
  if (!g.peekConstant(epsName, eps) || !eps.isFloat() || eps.numElements() != 1 ||
      int64_t(eps.dims.size()) > rank || !(eps.at(0) > 0))
    return false;
  int sqrt = soleUser(g, g.node(addEps).output(0), "Sqrt");
  if (sqrt < 0 || g.node(div).input(1) != g.node(sqrt).output(0) ||
      soleUser(g, g.node(sqrt).output(0), "Div") != div)
    return false;
  int64_t axis = axes.front();
  std::vector<int64_t> normalized(type.getShape().begin() + axis, type.getShape().end());
  bool staticShape = std::none_of(normalized.begin(), normalized.end(),
                                  [](int64_t v) { return v == kDyn; });
  std::vector<int> chain = {index, sub, pow, m2, addEps, sqrt, div};
  std::string last = g.node(div).output(0);
  Value scale, bias;
  auto affine = [&](const char *op, double neutral, Value &out) {
    int n = soleUser(g, last, op);
    if (n < 0 || !staticShape) return false;
    std::string other = otherInput(g.node(n), last);
    ConstTensor c, full;
    if (!g.peekConstant(other, c) || !c.isFloat() || !broadcastConstant(c, normalized, full))
      return false;
    if (!(full.isSplat() && full.at(0) == neutral)) out = g.weightArgument(other, full);
    chain.push_back(n);
    last = g.node(n).output(0);
    return true;
  };
  if (affine("Mul", 1.0, scale)) affine("Add", 0.0, bias);
  OpBuilder &b = g.builder();
  Value y = b.create<LayerNormOp>(g.nodeLoc(index), x.getType(), x, scale, bias,
                                  b.getI64IntegerAttr(axis), b.getF32FloatAttr(float(eps.at(0))));
  for (int k : chain) g.markConsumed(k);
  g.setComputed(last, y);
  return true;
}

bool gelu(GraphImporter &g, int index) {
  const onnx::NodeProto &div = g.node(index);
  if (div.op_type() != "Div" || div.input_size() != 2) return false;
  Value x = g.computed(div.input(0));
  if (!x) return false;
  int64_t rank = cast<RankedTensorType>(x.getType()).getRank();
  if (!isScalar(g, div.input(1), std::sqrt(2.0), 1e-6, rank)) return false;
  int erf = soleUser(g, div.output(0), "Erf");
  if (erf < 0) return false;
  int add = soleUser(g, g.node(erf).output(0), "Add");
  if (add < 0 || !isScalar(g, otherInput(g.node(add), g.node(erf).output(0)), 1.0, 0, rank))
    return false;
  int mulX = soleUser(g, g.node(add).output(0), "Mul");
  if (mulX < 0 || otherInput(g.node(mulX), g.node(add).output(0)) != div.input(0)) return false;
  int half = soleUser(g, g.node(mulX).output(0), "Mul");
  if (half < 0 || !isScalar(g, otherInput(g.node(half), g.node(mulX).output(0)), 0.5, 0, rank))
    return false;
  Value y = g.builder().create<GeluOp>(g.nodeLoc(index), x.getType(), x, UnitAttr());
  for (int k : {index, erf, add, mulX, half}) g.markConsumed(k);
  g.setComputed(g.node(half).output(0), y);
  return true;
}

bool silu(GraphImporter &g, int index) {
  const onnx::NodeProto &sig = g.node(index);
  if (sig.op_type() != "Sigmoid" || sig.input_size() != 1) return false;
  Value x = g.computed(sig.input(0));
  int mul = x ? soleUser(g, sig.output(0), "Mul") : -1;
  if (mul < 0 || otherInput(g.node(mul), sig.output(0)) != sig.input(0)) return false;
  Value y = g.builder().create<SiluOp>(g.nodeLoc(mul), x.getType(), x);
  g.markConsumed(index);
  g.markConsumed(mul);
  g.setComputed(g.node(mul).output(0), y);
  return true;
}

} // namespace

bool foldPattern(GraphImporter &g, int index) {
  if (g.node(index).output_size() < 1) return false;
  return groupNorm(g, index) || instanceNormAsBatchNorm(g, index) || layerNorm(g, index) ||
         gelu(g, index) || silu(g, index);
}

} // namespace normc::onnx_import
