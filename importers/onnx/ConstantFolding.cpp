//===- ConstantFolding.cpp - evaluating ONNX nodes at import time ----------===//
#include "importers/onnx/ConstantFolding.h"

#include "importers/onnx/NodeAttributes.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <map>
#include <set>

namespace normc::onnx_import {

namespace {

using P = onnx::TensorProto;

const std::set<std::string> &foldableOps() {
  static const std::set<std::string> ops = {
      "Identity", "Cast", "Gather", "Concat", "Reshape", "Slice", "Transpose",
      "Unsqueeze", "Squeeze", "Add", "Sub", "Mul", "Div", "Neg", "Sqrt", "Pow",
      "Equal", "Where", "ConstantOfShape", "Range", "Expand", "Min", "Max", "Floor",
      "Ceil", "Abs", "Reciprocal", "ReduceProd"};
  return ops;
}

/// The most elements a folded value may have: shapes, pads and small
/// constant tensors are far below it; a hostile Expand or ConstantOfShape
/// is refused instead of allocated.
constexpr int64_t kMaxFoldedElements = int64_t(1) << 24;

/// The element count of `dims`, or -1 when a dim is negative or the count
/// passes kMaxFoldedElements (no overflow on the way).
int64_t boundedCount(const std::vector<int64_t> &dims) {
  int64_t n = 1;
  for (int64_t d : dims) {
    if (d < 0) return -1;
    if (d && n > kMaxFoldedElements / d) return -1;
    n *= d;
  }
  return n;
}

bool checkCount(const std::vector<int64_t> &dims, std::string &error) {
  if (boundedCount(dims) >= 0) return true;
  error = "its result would have a negative dimension or more than 2^24 elements, which the "
          "importer does not evaluate";
  return false;
}

/// Row-major strides of `dims`.
std::vector<int64_t> stridesOf(const std::vector<int64_t> &dims) {
  std::vector<int64_t> s(dims.size(), 1);
  for (int k = int(dims.size()) - 2; k >= 0; --k)
    s[k] = s[k + 1] * dims[k + 1];
  return s;
}

/// Copies element `from` of `src` to the end of `dst` (same kind), with its
/// symbol.
void appendElement(ConstTensor &dst, const ConstTensor &src, int64_t from) {
  if (src.isFloat()) {
    dst.floats.push_back(src.floats[from]);
    return;
  }
  dst.ints.push_back(src.ints[from]);
  if (!src.symbols.empty() || !dst.symbols.empty()) {
    dst.symbols.resize(dst.ints.size() - 1, -1);
    dst.symbols.push_back(src.symbols.empty() ? -1 : src.symbols[from]);
  }
}

ConstTensor emptyLike(const ConstTensor &t, std::vector<int64_t> dims) {
  ConstTensor r;
  r.kind = t.kind;
  r.onnxType = t.onnxType;
  r.dims = std::move(dims);
  return r;
}

/// Normalizes a possibly negative axis of a rank-`rank` tensor.
bool normalizeAxis(int64_t &axis, int64_t rank, std::string &error) {
  if (axis < -rank || axis >= std::max<int64_t>(rank, 1)) {
    error = "axis " + std::to_string(axis) + " is out of range for rank " + std::to_string(rank);
    return false;
  }
  if (axis < 0) axis += rank;
  return true;
}

/// A known integer vector (shape, axes, pads, ...) from input `t`.
bool knownInts(const ConstTensor *t, const char *what, std::vector<int64_t> &out,
               std::string &error) {
  if (!t) {
    error = std::string("its ") + what + " is missing";
    return false;
  }
  if (t->anySymbolic()) {
    error = std::string("its ") + what + " depends on a dynamic dimension";
    return false;
  }
  out.clear();
  for (int64_t k = 0; k < t->numElements(); ++k)
    out.push_back(int64_t(t->at(k)));
  return true;
}

/// Numpy broadcasting of two shapes.
bool broadcastDims(const std::vector<int64_t> &a, const std::vector<int64_t> &b,
                   std::vector<int64_t> &out, std::string &error) {
  size_t rank = std::max(a.size(), b.size());
  out.assign(rank, 1);
  for (size_t k = 0; k < rank; ++k) {
    int64_t da = k < rank - a.size() ? 1 : a[k - (rank - a.size())];
    int64_t db = k < rank - b.size() ? 1 : b[k - (rank - b.size())];
    if (da != db && da != 1 && db != 1) {
      error = "its inputs' shapes do not broadcast (dimension " + std::to_string(da) +
              " against " + std::to_string(db) + ")";
      return false;
    }
    out[k] = da == 1 ? db : da;
  }
  return true;
}

/// The flat index into a tensor of `dims` (right-aligned, broadcast) of the
/// output element at multi-index `idx`.
int64_t broadcastIndex(const std::vector<int64_t> &idx, const std::vector<int64_t> &dims) {
  int64_t flat = 0, stride = 1;
  for (int k = int(dims.size()) - 1, o = int(idx.size()) - 1; k >= 0; --k, --o) {
    if (dims[k] != 1) flat += idx[o] * stride;
    stride *= dims[k];
  }
  return flat;
}

/// Applies `f` elementwise over the broadcast inputs. Integer results of
/// symbolic inputs are derived symbols, except that an entry passes through
/// unchanged ops of one input (Where, Min/Max picking it, Expand).
bool elementwise(const std::vector<const ConstTensor *> &in, bool floatResult,
                 const std::function<double(const std::vector<double> &)> &f,
                 ConstTensor &out, std::string &error, int32_t derivedSymbol) {
  std::vector<int64_t> dims;
  for (const ConstTensor *t : in) {
    std::vector<int64_t> next;
    if (!broadcastDims(dims, t->dims, next, error)) return false;
    dims = next;
  }
  if (!checkCount(dims, error)) return false;
  out = ConstTensor();
  out.kind = floatResult ? ConstTensor::Kind::Float : ConstTensor::Kind::Int;
  out.onnxType = floatResult ? (in[0]->isFloat() ? in[0]->onnxType : int32_t(P::FLOAT))
                             : (in[0]->isFloat() ? int32_t(P::INT64) : in[0]->onnxType);
  out.dims = dims;
  int64_t n = out.numElements();
  std::vector<int64_t> idx(dims.size(), 0);
  std::vector<double> args(in.size());
  for (int64_t e = 0; e < n; ++e) {
    bool symbolic = false;
    for (size_t k = 0; k < in.size(); ++k) {
      int64_t j = broadcastIndex(idx, in[k]->dims);
      args[k] = in[k]->at(j);
      symbolic |= in[k]->isSymbolic(j);
    }
    double v = symbolic ? 0 : f(args);
    if (floatResult) out.floats.push_back(v);
    else out.ints.push_back(int64_t(v));
    if (symbolic) {
      out.symbols.resize(size_t(e), -1);
      out.symbols.push_back(derivedSymbol);
    } else if (!out.symbols.empty()) {
      out.symbols.push_back(-1);
    }
    for (int k = int(dims.size()) - 1; k >= 0; --k) {
      if (++idx[k] < dims[k]) break;
      idx[k] = 0;
    }
  }
  return true;
}

bool foldGather(const std::vector<const ConstTensor *> &in, int64_t axis, ConstTensor &out,
                std::string &error) {
  const ConstTensor &data = *in[0];
  std::vector<int64_t> indices;
  if (!knownInts(in[1], "indices", indices, error)) return false;
  int64_t rank = data.dims.size();
  if (rank < 1) {
    error = "it gathers from a scalar";
    return false;
  }
  if (!normalizeAxis(axis, rank, error)) return false;
  std::vector<int64_t> dims(data.dims.begin(), data.dims.begin() + axis);
  dims.insert(dims.end(), in[1]->dims.begin(), in[1]->dims.end());
  dims.insert(dims.end(), data.dims.begin() + axis + 1, data.dims.end());
  if (!checkCount(dims, error)) return false;
  out = emptyLike(data, dims);
  int64_t outer = 1, inner = 1;
  for (int64_t k = 0; k < axis; ++k) outer *= data.dims[k];
  for (int64_t k = axis + 1; k < rank; ++k) inner *= data.dims[k];
  for (int64_t o = 0; o < outer; ++o)
    for (int64_t i : indices) {
      if (i < -data.dims[axis] || i >= data.dims[axis]) {
        error = "index " + std::to_string(i) + " is out of range for a dimension of " +
                std::to_string(data.dims[axis]);
        return false;
      }
      if (i < 0) i += data.dims[axis];
      for (int64_t j = 0; j < inner; ++j)
        appendElement(out, data, (o * data.dims[axis] + i) * inner + j);
    }
  return true;
}

bool foldConcat(const std::vector<const ConstTensor *> &in, int64_t axis, ConstTensor &out,
                std::string &error) {
  int64_t rank = in[0]->dims.size();
  if (rank < 1) {
    error = "it concatenates scalars";
    return false;
  }
  if (!normalizeAxis(axis, rank, error)) return false;
  std::vector<int64_t> dims = in[0]->dims;
  dims[axis] = 0;
  for (const ConstTensor *t : in) {
    if (int64_t(t->dims.size()) != rank || t->kind != in[0]->kind) {
      error = "its inputs differ in rank or element type";
      return false;
    }
    for (int64_t k = 0; k < rank; ++k)
      if (k != axis && t->dims[k] != in[0]->dims[k]) {
        error = "its inputs differ in dimension " + std::to_string(k);
        return false;
      }
    dims[axis] += t->dims[axis];
  }
  if (!checkCount(dims, error)) return false;
  out = emptyLike(*in[0], dims);
  int64_t outer = 1;
  for (int64_t k = 0; k < axis; ++k) outer *= dims[k];
  for (int64_t o = 0; o < outer; ++o)
    for (const ConstTensor *t : in) {
      int64_t chunk = 1;
      for (int64_t k = axis; k < rank; ++k) chunk *= t->dims[k];
      for (int64_t j = 0; j < chunk; ++j) appendElement(out, *t, o * chunk + j);
    }
  return true;
}

bool foldSlice(const onnx::NodeProto &node, int64_t opset,
               const std::vector<const ConstTensor *> &in, ConstTensor &out,
               std::string &error) {
  const ConstTensor &data = *in[0];
  int64_t rank = data.dims.size();
  if (rank < 1) {
    error = "it slices a scalar";
    return false;
  }
  std::vector<int64_t> starts, ends, axes, steps;
  if (opset < 10) {
    starts = intsAttribute(node, "starts").value_or(std::vector<int64_t>{});
    ends = intsAttribute(node, "ends").value_or(std::vector<int64_t>{});
    axes = intsAttribute(node, "axes").value_or(std::vector<int64_t>{});
  } else {
    if (!knownInts(in.size() > 1 ? in[1] : nullptr, "starts", starts, error) ||
        !knownInts(in.size() > 2 ? in[2] : nullptr, "ends", ends, error))
      return false;
    if (in.size() > 3 && in[3] && !knownInts(in[3], "axes", axes, error)) return false;
    if (in.size() > 4 && in[4] && !knownInts(in[4], "steps", steps, error)) return false;
  }
  if (axes.empty())
    for (size_t k = 0; k < starts.size(); ++k) axes.push_back(k);
  if (steps.empty()) steps.assign(starts.size(), 1);
  if (starts.size() != ends.size() || axes.size() != starts.size() ||
      steps.size() != starts.size()) {
    error = "its starts, ends, axes and steps differ in length";
    return false;
  }
  std::vector<int64_t> begin(rank, 0), step(rank, 1), count = data.dims;
  for (size_t k = 0; k < axes.size(); ++k) {
    int64_t a = axes[k];
    if (!normalizeAxis(a, rank, error)) return false;
    int64_t d = data.dims[a], s = steps[k], b = starts[k], e = ends[k];
    if (s == 0) {
      error = "a step is 0";
      return false;
    }
    // ONNX's clamping: negative indices count from the end; then clamp to
    // [0, d] for positive steps and [-1, d - 1] for negative ones.
    if (b < 0) b += d;
    if (e < 0) e += d;
    if (s > 0) {
      b = std::clamp<int64_t>(b, 0, d);
      e = std::clamp<int64_t>(e, 0, d);
      count[a] = e > b ? (e - b + s - 1) / s : 0;
    } else {
      // ONNX: starts to [0, d - 1], ends to [-1, d - 1].
      b = std::clamp<int64_t>(b, 0, d - 1);
      e = std::clamp<int64_t>(e, -1, d - 1);
      count[a] = b > e ? (b - e - s - 1) / -s : 0;
    }
    begin[a] = b;
    step[a] = s;
  }
  out = emptyLike(data, count);
  std::vector<int64_t> strides = stridesOf(data.dims), idx(rank, 0);
  int64_t n = out.numElements();
  for (int64_t e = 0; e < n; ++e) {
    int64_t flat = 0;
    for (int64_t k = 0; k < rank; ++k) flat += (begin[k] + idx[k] * step[k]) * strides[k];
    appendElement(out, data, flat);
    for (int64_t k = rank - 1; k >= 0; --k) {
      if (++idx[k] < count[k]) break;
      idx[k] = 0;
    }
  }
  return true;
}

bool foldTranspose(const onnx::NodeProto &node, const ConstTensor &data, ConstTensor &out,
                   std::string &error) {
  int64_t rank = data.dims.size();
  std::vector<int64_t> perm;
  if (auto p = intsAttribute(node, "perm")) perm = *p;
  else
    for (int64_t k = rank - 1; k >= 0; --k) perm.push_back(k);
  std::vector<int64_t> sorted = perm;
  std::sort(sorted.begin(), sorted.end());
  for (int64_t k = 0; k < rank; ++k)
    if (int64_t(sorted.size()) != rank || sorted[k] != k) {
      error = "its perm is not a permutation of the " + std::to_string(rank) + " dimensions";
      return false;
    }
  std::vector<int64_t> dims(rank);
  for (int64_t k = 0; k < rank; ++k) dims[k] = data.dims[perm[k]];
  out = emptyLike(data, dims);
  std::vector<int64_t> strides = stridesOf(data.dims), idx(rank, 0);
  for (int64_t e = 0, n = out.numElements(); e < n; ++e) {
    int64_t flat = 0;
    for (int64_t k = 0; k < rank; ++k) flat += idx[k] * strides[perm[k]];
    appendElement(out, data, flat);
    for (int64_t k = rank - 1; k >= 0; --k) {
      if (++idx[k] < dims[k]) break;
      idx[k] = 0;
    }
  }
  return true;
}

/// A copy of `data` with new dims (same elements).
ConstTensor withDims(const ConstTensor &data, std::vector<int64_t> dims) {
  ConstTensor r = data;
  r.dims = std::move(dims);
  return r;
}

} // namespace

bool isFoldableOp(const std::string &opType) { return foldableOps().count(opType) > 0; }

bool foldNode(const onnx::NodeProto &node, int64_t opset,
              const std::vector<const ConstTensor *> &in, std::vector<ConstTensor> &outputs,
              std::string &error) {
  const std::string &op = node.op_type();
  outputs.assign(1, ConstTensor());
  ConstTensor &out = outputs[0];
  // The inputs each op needs (present, not ""), and from which index on
  // they are optional.
  static const std::map<std::string, std::pair<size_t, size_t>> arity = {
      {"Gather", {2, 2}}, {"Reshape", {2, 2}}, {"Expand", {2, 2}}, {"Add", {2, 2}},
      {"Sub", {2, 2}}, {"Mul", {2, 2}}, {"Div", {2, 2}}, {"Pow", {2, 2}}, {"Equal", {2, 2}},
      {"Where", {3, 3}}, {"Range", {3, 3}}, {"Slice", {1, 3}}, {"Squeeze", {1, 1}},
      {"Unsqueeze", {1, 1}}, {"ReduceProd", {1, 1}}};
  auto [needed, optionalFrom] = arity.count(op) ? arity.at(op) : std::pair<size_t, size_t>{1, 1};
  if (op == "Slice" && opset >= 10) needed = 3;
  if (op == "Concat" || op == "Min" || op == "Max") optionalFrom = in.size();
  if (in.size() < needed) {
    error = "it has " + std::to_string(in.size()) + " inputs; " + op + " needs " +
            std::to_string(needed);
    return false;
  }
  for (size_t k = 0; k < in.size(); ++k)
    if (!in[k] && k < std::max(needed, optionalFrom)) {
      error = "its input " + std::to_string(k) + " is missing";
      return false;
    }
  const int32_t derived = ConstTensor::kDerivedSymbol; // no consumer can resolve it
  if (op == "Identity") {
    out = *in[0];
    return true;
  }
  if (op == "Cast") {
    int64_t to = intAttribute(node, "to", P::FLOAT);
    bool toFloat = to == P::FLOAT || to == P::DOUBLE || to == P::FLOAT16 || to == P::BFLOAT16;
    out = *in[0];
    out.onnxType = int32_t(to);
    if (toFloat && !in[0]->isFloat()) {
      if (in[0]->anySymbolic()) {
        error = "it casts a dynamic dimension to a float";
        return false;
      }
      out.kind = ConstTensor::Kind::Float;
      out.floats.assign(in[0]->ints.begin(), in[0]->ints.end());
      out.ints.clear();
    } else if (!toFloat && in[0]->isFloat()) {
      out.kind = ConstTensor::Kind::Int;
      for (double v : in[0]->floats)
        out.ints.push_back(to == P::BOOL ? (v != 0) : int64_t(std::trunc(v)));
      out.floats.clear();
    } else if (to == P::BOOL) {
      if (in[0]->anySymbolic()) {
        error = "it casts a dynamic dimension to bool";
        return false;
      }
      for (int64_t &v : out.ints) v = v != 0;
    }
    return true;
  }
  if (op == "Gather") return foldGather(in, intAttribute(node, "axis", 0), out, error);
  if (op == "Concat") return foldConcat(in, intAttribute(node, "axis", 0), out, error);
  if (op == "Slice") return foldSlice(node, opset, in, out, error);
  if (op == "Transpose") return foldTranspose(node, *in[0], out, error);
  if (op == "Reshape") {
    std::vector<int64_t> shape;
    if (in.size() < 2 || !knownInts(in[1], "shape", shape, error)) return false;
    bool allowZero = intAttribute(node, "allowzero", 0) != 0;
    int64_t known = 1, infer = -1;
    for (size_t k = 0; k < shape.size(); ++k) {
      if (shape[k] == 0 && !allowZero) {
        if (k >= in[0]->dims.size()) {
          error = "its shape copies dimension " + std::to_string(k) + " of a rank-" +
                  std::to_string(in[0]->dims.size()) + " tensor";
          return false;
        }
        shape[k] = in[0]->dims[k];
      }
      if (shape[k] == -1) {
        if (infer >= 0) {
          error = "its shape has two -1 entries";
          return false;
        }
        infer = k;
      } else if (shape[k] < 0) {
        error = "its shape has a negative entry";
        return false;
      } else {
        if (shape[k] && known > kMaxFoldedElements / shape[k]) {
          error = "its shape holds more than 2^24 elements";
          return false;
        }
        known *= shape[k];
      }
    }
    int64_t n = in[0]->numElements();
    if (infer >= 0) shape[infer] = known ? n / known : 0;
    int64_t total = 1;
    for (int64_t d : shape) total *= d;
    if (total != n) {
      error = "its shape holds " + std::to_string(total) + " elements, its input " +
              std::to_string(n);
      return false;
    }
    out = withDims(*in[0], shape);
    return true;
  }
  if (op == "Unsqueeze" || op == "Squeeze") {
    std::vector<int64_t> axes;
    if (opset >= 13 && in.size() > 1 && in[1]) {
      if (!knownInts(in[1], "axes", axes, error)) return false;
    } else {
      axes = intsAttribute(node, "axes").value_or(std::vector<int64_t>{});
    }
    std::vector<int64_t> dims = in[0]->dims;
    if (op == "Unsqueeze") {
      int64_t rank = dims.size() + axes.size();
      for (int64_t &a : axes)
        if (!normalizeAxis(a, rank, error)) return false;
      std::sort(axes.begin(), axes.end());
      if (std::adjacent_find(axes.begin(), axes.end()) != axes.end()) {
        error = "its axes repeat an axis";
        return false;
      }
      for (int64_t a : axes) dims.insert(dims.begin() + a, 1);
    } else {
      int64_t rank = dims.size();
      if (rank < 1 && !axes.empty()) {
        error = "it squeezes a scalar";
        return false;
      }
      std::vector<bool> drop(rank, false);
      for (int64_t a : axes) {
        if (!normalizeAxis(a, rank, error)) return false;
        drop[a] = true;
      }
      std::vector<int64_t> kept;
      for (int64_t k = 0; k < rank; ++k) {
        if (axes.empty() ? dims[k] == 1 : drop[k]) {
          if (dims[k] != 1) {
            error = "it squeezes dimension " + std::to_string(k) + " of size " +
                    std::to_string(dims[k]);
            return false;
          }
          continue;
        }
        kept.push_back(dims[k]);
      }
      dims = kept;
    }
    out = withDims(*in[0], dims);
    return true;
  }
  if (op == "ConstantOfShape") {
    std::vector<int64_t> dims;
    if (!knownInts(in[0], "shape", dims, error)) return false;
    ConstTensor value = ConstTensor::floatTensor({1}, {0.0});
    if (const auto *a = findAttribute(node, "value"))
      if (!readTensorProto(a->t(), value, error)) return false;
    if (value.numElements() != 1) {
      error = "its value does not hold one element";
      return false;
    }
    if (!checkCount(dims, error)) return false;
    int64_t n = boundedCount(dims);
    out = emptyLike(value, dims);
    for (int64_t k = 0; k < n; ++k) appendElement(out, value, 0);
    return true;
  }
  if (op == "Range") {
    if (in.size() != 3 || !in[0] || !in[1] || !in[2] || in[0]->anySymbolic() ||
        in[1]->anySymbolic() || in[2]->anySymbolic() || in[0]->numElements() != 1 ||
        in[1]->numElements() != 1 || in[2]->numElements() != 1) {
      error = "its start, limit and delta must be known scalars";
      return false;
    }
    double start = in[0]->at(0), limit = in[1]->at(0), delta = in[2]->at(0);
    if (delta == 0) {
      error = "its delta is 0";
      return false;
    }
    int64_t n = std::max<int64_t>(int64_t(std::ceil((limit - start) / delta)), 0);
    if (n > (int64_t(1) << 24)) {
      error = "it would make more than 2^24 elements";
      return false;
    }
    out = emptyLike(*in[0], {n});
    for (int64_t k = 0; k < n; ++k) {
      double v = start + k * delta;
      if (out.isFloat()) out.floats.push_back(v);
      else out.ints.push_back(int64_t(v));
    }
    return true;
  }
  if (op == "Expand") {
    std::vector<int64_t> shape;
    if (in.size() < 2 || !knownInts(in[1], "shape", shape, error)) return false;
    if (!checkCount(shape, error)) return false;
    ConstTensor ones = emptyLike(*in[0], shape);
    ones.kind = ConstTensor::Kind::Int;
    ones.ints.assign(size_t(ones.numElements()), 1);
    std::vector<const ConstTensor *> args = {in[0], &ones};
    bool isFloat = in[0]->isFloat();
    if (!elementwise(args, isFloat, [](const std::vector<double> &a) { return a[0]; }, out,
                     error, derived))
      return false;
    out.onnxType = in[0]->onnxType;
    // Expand repeats entries: keep their symbols.
    if (!isFloat && in[0]->anySymbolic()) {
      std::vector<int64_t> idx(out.dims.size(), 0);
      out.symbols.assign(out.ints.size(), -1);
      for (size_t e = 0; e < out.ints.size(); ++e) {
        out.symbols[e] = in[0]->symbols[broadcastIndex(idx, in[0]->dims)];
        for (int k = int(out.dims.size()) - 1; k >= 0; --k) {
          if (++idx[k] < out.dims[k]) break;
          idx[k] = 0;
        }
      }
    }
    return true;
  }
  if (op == "ReduceProd") {
    // Over all axes (what exporters use it for: counting elements).
    if (findAttribute(node, "axes") || (in.size() > 1 && in[1])) {
      error = "it reduces over given axes; the importer evaluates ReduceProd over all axes only";
      return false;
    }
    if (in[0]->anySymbolic()) {
      error = "it multiplies a dynamic dimension";
      return false;
    }
    double p = 1;
    for (int64_t k = 0; k < in[0]->numElements(); ++k) p *= in[0]->at(k);
    bool keep = intAttribute(node, "keepdims", 1) != 0;
    out = emptyLike(*in[0], keep ? std::vector<int64_t>(in[0]->dims.size(), 1) : std::vector<int64_t>{});
    if (out.isFloat()) out.floats.push_back(p);
    else out.ints.push_back(int64_t(p));
    return true;
  }
  // Elementwise arithmetic and comparisons.
  using Fn = std::function<double(const std::vector<double> &)>;
  bool isFloat = in[0]->isFloat();
  auto arithmetic = [&](const Fn &f) {
    return elementwise(in, isFloat, f, out, error, derived);
  };
  if (op == "Add") return arithmetic([](auto &a) { return a[0] + a[1]; });
  if (op == "Sub") return arithmetic([](auto &a) { return a[0] - a[1]; });
  if (op == "Mul") return arithmetic([](auto &a) { return a[0] * a[1]; });
  if (op == "Div") {
    if (!isFloat)
      for (int64_t k = 0; k < in[1]->numElements(); ++k)
        if (in[1]->at(k) == 0 && !in[1]->isSymbolic(k)) {
          error = "it divides an integer by 0";
          return false;
        }
    return arithmetic([isFloat](auto &a) {
      return isFloat ? a[0] / a[1] : std::trunc(a[0] / a[1]);
    });
  }
  if (op == "Pow") return arithmetic([](auto &a) { return std::pow(a[0], a[1]); });
  if (op == "Min")
    return arithmetic([](auto &a) { return *std::min_element(a.begin(), a.end()); });
  if (op == "Max")
    return arithmetic([](auto &a) { return *std::max_element(a.begin(), a.end()); });
  if (op == "Neg") return arithmetic([](auto &a) { return -a[0]; });
  if (op == "Abs") return arithmetic([](auto &a) { return std::fabs(a[0]); });
  if (op == "Sqrt") return arithmetic([](auto &a) { return std::sqrt(a[0]); });
  if (op == "Reciprocal") return arithmetic([](auto &a) { return 1.0 / a[0]; });
  if (op == "Floor") return arithmetic([](auto &a) { return std::floor(a[0]); });
  if (op == "Ceil") return arithmetic([](auto &a) { return std::ceil(a[0]); });
  if (op == "Equal") {
    bool ok = elementwise(in, false, [](auto &a) { return double(a[0] == a[1]); }, out, error,
                          derived);
    out.onnxType = P::BOOL;
    return ok;
  }
  if (op == "Where") {
    if (in.size() != 3) {
      error = "it needs condition, X and Y";
      return false;
    }
    std::vector<const ConstTensor *> values = {in[0], in[1], in[2]};
    bool ok = elementwise(values, in[1]->isFloat(),
                          [](auto &a) { return a[0] != 0 ? a[1] : a[2]; }, out, error, derived);
    out.onnxType = in[1]->onnxType;
    return ok;
  }
  error = "the importer cannot evaluate " + op;
  return false;
}

} // namespace normc::onnx_import
