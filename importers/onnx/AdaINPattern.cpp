//===- AdaINPattern.cpp - AdaIN written out by hand, folded into norm.adain ===//
//
// The reference AdaIN (Huang & Belongie 2017) computes the per-(n, c) mean
// and standard deviation of content and style with tensor ops, and PyTorch
// exports that as a DAG of some 80 nodes:
//
//   R      = Reshape(t, [N, C, -1])
//   mean_t = Reshape(ReduceMean(R, [2], keepdims 0), [N, C, 1, 1])
//   d      = Sub(R, ReduceMean(R, [2], keepdims 1))
//   m2     = ReduceMean(Mul(d, d) | Pow(d, 2), [2], keepdims 0)
//   var    = m2 (biased) | Div(Mul(m2, n), Sub(n, 1)) (unbiased, torch.var),
//            n = Cast(ReduceProd(Gather(Shape(R), [2])))
//   std_t  = Reshape(Sqrt(Add(var, eps)), [N, C, 1, 1])
//   y      = Add(Mul(Div(Sub(content, E(mean_c)), E(std_c)), E(std_s)), E(mean_s))
//
// (E: an optional Expand to the content's shape.) Unlike the chains of
// Patterns.cpp this is matched backwards from its last node, before the walk
// (the intermediates cannot be imported one by one): every node of the DAG
// must be read only inside it. The walk then emits norm.adain at the last
// node. Multiplications and additions may have their operands either way.
//
//===----------------------------------------------------------------------===//
#include "importers/onnx/GraphImporter.h"
#include "importers/onnx/NodeAttributes.h"

#include "dialect/NormDialect.h"
#include "dialect/NormOps.h"

using namespace mlir;
using namespace normc::norm;

namespace normc::onnx_import {

namespace {

struct Matcher {
  GraphImporter &g;
  std::set<int> nodes; // the DAG's nodes, matched so far
  // Shapes emitAdAIN checks against the types: each statistic's reshapes
  // ([N, C, -1] and [N, C, 1, 1]) with the tensor they are of, and the
  // Expands' target shapes.
  std::vector<std::pair<std::string, std::vector<int64_t>>> statShapes;
  std::vector<std::string> expandShapes;
  std::vector<int64_t> pending; // the last [N, C, 1, 1] seen

  /// The node producing `value` if its op is `op` (recorded), else null.
  const onnx::NodeProto *node(const std::string &value, const char *op) {
    int p = g.producer(value);
    if (p < 0 || g.isConsumed(p) || g.node(p).op_type() != op || g.node(p).input_size() == 0)
      return nullptr;
    nodes.insert(p);
    return &g.node(p);
  }

  bool knownInts(const std::string &name, std::vector<int64_t> &out) {
    ConstTensor c;
    if (!g.peekConstant(name, c) || c.isFloat() || c.anySymbolic()) return false;
    out.assign(c.ints.begin(), c.ints.end());
    return true;
  }

  bool scalar(const std::string &name, double &v) {
    ConstTensor c;
    if (!g.peekConstant(name, c) || !c.isFloat() || c.numElements() != 1) return false;
    v = c.at(0);
    return true;
  }

  /// ReduceMean over axis 2 with `keepdims` (attribute or, from opset 18, input).
  const onnx::NodeProto *meanOverAxis2(const std::string &value, int64_t keepdims) {
    const onnx::NodeProto *n = node(value, "ReduceMean");
    if (!n || intAttribute(*n, "keepdims", 1) != keepdims) return nullptr;
    std::vector<int64_t> axes;
    if (g.opset() >= 18 ? !(n->input_size() == 2 && knownInts(n->input(1), axes))
                        : !(axes = intsAttribute(*n, "axes").value_or(std::vector<int64_t>{})).size())
      return nullptr;
    return axes == std::vector<int64_t>{2} || axes == std::vector<int64_t>{-1} ? n : nullptr;
  }

  /// R = Reshape(t, [N, C, -1]): t's name.
  bool flatten(const std::string &r, std::string &t) {
    const onnx::NodeProto *n = node(r, "Reshape");
    std::vector<int64_t> shape;
    if (!n || n->input_size() != 2 || !knownInts(n->input(1), shape) || shape.size() != 3 ||
        shape[2] != -1)
      return false;
    t = n->input(0);
    statShapes.push_back({t, shape});
    return true;
  }

  /// Reshape(v, [N, C, 1, 1]): v.
  bool unflatten(const std::string &value, std::string &v) {
    const onnx::NodeProto *n = node(value, "Reshape");
    std::vector<int64_t> shape;
    if (!n || n->input_size() != 2 || !knownInts(n->input(1), shape) || shape.size() != 4 ||
        shape[2] != 1 || shape[3] != 1)
      return false;
    v = n->input(0);
    pending = shape;
    return true;
  }

  /// An optional Expand (to any shape: the Sub/Div/Mul/Add broadcast anyway).
  std::string unexpand(const std::string &value) {
    int p = g.producer(value);
    if (p >= 0 && !g.isConsumed(p) && g.node(p).op_type() == "Expand" &&
        g.node(p).input_size() == 2) {
      nodes.insert(p);
      expandShapes.push_back(g.node(p).input(1));
      return g.node(p).input(0);
    }
    return value;
  }

  bool mean(const std::string &value, std::string &t) {
    std::string v;
    const onnx::NodeProto *m;
    if (!unflatten(unexpand(value), v)) return false;
    std::vector<int64_t> shape4 = pending;
    if (!(m = meanOverAxis2(v, 0)) || !flatten(m->input(0), t)) return false;
    statShapes.push_back({t, shape4});
    return true;
  }

  /// n = Cast(ReduceProd(Gather(Shape(R), [2]))) with R flattening t.
  bool count(const std::string &value, const std::string &t) {
    const onnx::NodeProto *cast = node(value, "Cast"), *prod, *gather, *shape;
    std::vector<int64_t> index;
    std::string flat;
    return cast && (prod = node(inputName(*cast, 0), "ReduceProd")) &&
           (gather = node(inputName(*prod, 0), "Gather")) && gather->input_size() == 2 &&
           knownInts(gather->input(1), index) && index == std::vector<int64_t>{2} &&
           (shape = node(inputName(*gather, 0), "Shape")) && flatten(inputName(*shape, 0), flat) &&
           flat == t;
  }

  bool std(const std::string &value, const std::string &t, double &eps, bool &biased) {
    std::string v, x;
    const onnx::NodeProto *sqrt, *add;
    if (!unflatten(unexpand(value), v) || !(sqrt = node(v, "Sqrt")) ||
        !(add = node(inputName(*sqrt, 0), "Add")) || add->input_size() != 2)
      return false;
    statShapes.push_back({t, pending});
    // Add(var, eps), either way round.
    std::string var;
    if (scalar(add->input(1), eps)) var = add->input(0);
    else if (scalar(add->input(0), eps)) var = add->input(1);
    else return false;
    std::string m2 = var;
    biased = true;
    if (const onnx::NodeProto *div = node(var, "Div")) {
      const onnx::NodeProto *mul = node(inputName(*div, 0), "Mul"),
                            *sub = node(inputName(*div, 1), "Sub");
      double one;
      if (!mul || !sub || mul->input_size() != 2 || sub->input_size() != 2 ||
          !scalar(sub->input(1), one) || one != 1.0 || mul->input(1) != sub->input(0) ||
          !count(sub->input(0), t))
        return false;
      m2 = mul->input(0);
      biased = false;
    }
    const onnx::NodeProto *reduce = meanOverAxis2(m2, 0), *sq, *d, *mean;
    if (!reduce || reduce->input_size() < 1) return false;
    std::string dName;
    if ((sq = node(reduce->input(0), "Mul"))) {
      if (sq->input_size() != 2 || sq->input(0) != sq->input(1)) return false;
      dName = sq->input(0);
    } else if ((sq = node(reduce->input(0), "Pow"))) {
      double two;
      if (sq->input_size() != 2 || !scalar(sq->input(1), two) || two != 2.0) return false;
      dName = sq->input(0);
    } else {
      return false;
    }
    if (!(d = node(dName, "Sub")) || d->input_size() != 2 ||
        !(mean = meanOverAxis2(d->input(1), 1)) || mean->input_size() < 1)
      return false;
    std::string t1, t2;
    return flatten(d->input(0), t1) && flatten(mean->input(0), t2) && t1 == t && t2 == t;
  }
};

} // namespace

bool planAdaIN(GraphImporter &g, int sink, AdaINPlan &plan) {
  const onnx::NodeProto &add = g.node(sink);
  if (add.op_type() != "Add" || add.input_size() != 2) return false;
  for (int order = 0; order < 2; ++order) {
    Matcher m{g, {sink}};
    const onnx::NodeProto *mul = m.node(add.input(order), "Mul");
    if (!mul || mul->input_size() != 2) continue;
    std::string meanS = add.input(1 - order);
    for (int morder = 0; morder < 2; ++morder) {
      Matcher k = m;
      const onnx::NodeProto *div = k.node(mul->input(morder), "Div"), *sub;
      std::string stdS = mul->input(1 - morder), content, style, t;
      double epsC, epsS;
      bool biasedC, biasedS;
      if (!div || div->input_size() != 2 || !(sub = k.node(div->input(0), "Sub")) ||
          sub->input_size() != 2)
        continue;
      content = sub->input(0);
      if (!k.mean(sub->input(1), t) || t != content || !k.std(div->input(1), content, epsC, biasedC) ||
          !k.mean(meanS, style) || !k.std(stdS, style, epsS, biasedS) || epsC != epsS ||
          biasedC != biasedS || content == style)
        continue;
      // Every value the DAG computes is read only inside it.
      bool closed = true;
      for (int n : k.nodes) {
        if (n == sink) continue;
        for (const std::string &out : g.node(n).output()) {
          if (out.empty()) continue;
          closed &= !g.isGraphOutput(out);
          for (int u : g.users(out)) closed &= k.nodes.count(u) > 0;
        }
      }
      if (!closed) continue;
      plan = {content, style, float(epsC), biasedC, k.nodes, k.statShapes, k.expandShapes};
      return true;
    }
  }
  return false;
}

bool emitAdaIN(GraphImporter &g, int sink, const AdaINPlan &plan, std::string &error) {
  Value content = g.computed(plan.content), style = g.computed(plan.style);
  if (!content || !style) {
    error = "the AdaIN it computes reads content '" + plan.content + "' and style '" + plan.style +
            "', which must be computed tensors";
    return false;
  }
  auto ct = cast<RankedTensorType>(content.getType()), st = cast<RankedTensorType>(style.getType());
  if (ct.getRank() != 4 || st.getRank() != 4) {
    error = "the AdaIN it computes takes 4-D content and style";
    return false;
  }
  // The statistics are per (n, c): every reshape keeps N and C (0 copies).
  for (const auto &[t, shape] : plan.statShapes) {
    auto type = t == plan.content ? ct : st;
    for (int d = 0; d < 2; ++d)
      if (shape[d] != 0 && (type.isDynamicDim(d) || shape[d] != type.getDimSize(d))) {
        error = "the AdaIN-like subgraph ending here reshapes '" + t + "' to [" +
                std::to_string(shape[0]) + ", " + std::to_string(shape[1]) +
                ", ...]: its statistics are not per (n, c), which norm.adain computes";
        return false;
      }
  }
  // Each Expand broadcasts a statistic to the content's own shape.
  for (const std::string &name : plan.expandShapes) {
    ConstTensor s;
    bool same = g.peekConstant(name, s) && !s.isFloat() && s.numElements() == 4;
    for (int64_t d = 0; same && d < 4; ++d)
      same = s.isSymbolic(d) ? g.symbolIs(s.symbols[d], plan.content, d)
                             : !ct.isDynamicDim(d) && s.ints[d] == ct.getDimSize(d);
    if (!same) {
      error = "the AdaIN-like subgraph ending here expands a statistic to a shape that is not "
              "the content's";
      return false;
    }
  }
  OpBuilder &b = g.builder();
  Value y = b.create<AdaINOp>(g.nodeLoc(sink), content.getType(), content, style,
                              b.getF32FloatAttr(1.0f), b.getF32FloatAttr(plan.epsilon),
                              plan.biased ? b.getUnitAttr() : UnitAttr(), UnitAttr());
  g.setComputed(g.node(sink).output(0), y);
  return true;
}

} // namespace normc::onnx_import
