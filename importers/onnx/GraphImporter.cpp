//===- GraphImporter.cpp - the state of one ONNX graph's import ------------===//
#include "importers/onnx/GraphImporter.h"

#include "dialect/ExportedNames.h"
#include "importers/onnx/ConstantFolding.h"
#include "importers/onnx/NodeAttributes.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/BuiltinAttributes.h"

#include <algorithm>

using namespace mlir;

namespace normc::onnx_import {

bool NodeContext::fail(const std::string &message) {
  error = message; // the caller prefixes the node
  return false;
}

Location NodeContext::loc() const { return g.nodeLoc(nodeIndex); }

GraphImporter::GraphImporter(MLIRContext &context, const onnx::ModelProto &model,
                             std::string fileName, int64_t opset)
    : graph_(model.graph()), fileName_(std::move(fileName)), opset_(opset),
      builder_(&context) {}

// --- values ---------------------------------------------------------------

const ConstTensor *GraphImporter::constant(const std::string &name) const {
  auto it = values_.find(name);
  return it != values_.end() && it->second.state == Entry::State::Known ? &it->second.known
                                                                        : nullptr;
}

Value GraphImporter::computed(const std::string &name) const {
  auto it = values_.find(name);
  return it != values_.end() && it->second.state == Entry::State::Computed ? it->second.value
                                                                           : Value();
}

std::string GraphImporter::valueProblem(const std::string &name) const {
  auto it = values_.find(name);
  if (it == values_.end())
    return "'" + name + "' is not produced by any earlier node";
  return "";
}

bool GraphImporter::isDefined(const std::string &name) const { return values_.count(name) > 0; }

void GraphImporter::setComputed(const std::string &name, Value v) {
  ++computedCount_;
  Entry e{Entry::State::Computed, {}, v};
  values_[name] = std::move(e);
}

void GraphImporter::setConstant(const std::string &name, ConstTensor c) {
  Entry e{Entry::State::Known, std::move(c), {}};
  values_[name] = std::move(e);
}


int GraphImporter::useCount(const std::string &name) const {
  auto it = users_.find(name);
  return (it == users_.end() ? 0 : int(it->second.size())) + (outputs_.count(name) ? 1 : 0);
}

const std::vector<int> &GraphImporter::users(const std::string &name) const {
  static const std::vector<int> none;
  auto it = users_.find(name);
  return it == users_.end() ? none : it->second;
}

int GraphImporter::producer(const std::string &name) const {
  auto it = producers_.find(name);
  return it == producers_.end() ? -1 : it->second;
}

bool GraphImporter::peekConstant(const std::string &name, ConstTensor &out, int depth) {
  if (const ConstTensor *c = constant(name)) {
    out = *c;
    return true;
  }
  // Memoized, so shared subgraphs are evaluated once, not once per path to
  // them. A value found stays valid; "not known" only until another value
  // is computed (Shape of it may then be known).
  if (auto it = peeked_.find(name); it != peeked_.end()) {
    if (it->second.first) {
      out = *it->second.first;
      return true;
    }
    if (it->second.second == computedCount_) return false;
  }
  bool ok = peekUncached(name, out, depth);
  peeked_[name] = {ok ? std::optional<ConstTensor>(out) : std::nullopt, computedCount_};
  return ok;
}

bool GraphImporter::peekUncached(const std::string &name, ConstTensor &out, int depth) {
  int p = producer(name);
  if (p < 0 || depth > 16 || isDefined(name)) return false;
  const onnx::NodeProto &n = graph_.node(p);
  if (n.op_type() == "Constant" && n.output_size() == 1) {
    const onnx::AttributeProto *a = findAttribute(n, "value");
    std::string why;
    return a && readTensorProto(a->t(), out, why);
  }
  if (n.op_type() == "Shape" && n.input_size() == 1 && !findAttribute(n, "start") &&
      !findAttribute(n, "end")) {
    Value v = computed(n.input(0));
    if (!v) return false;
    auto type = cast<RankedTensorType>(v.getType());
    out = ConstTensor::intTensor({type.getRank()}, {});
    for (int64_t d = 0; d < type.getRank(); ++d) {
      bool dyn = type.isDynamicDim(d);
      out.ints.push_back(dyn ? 0 : type.getDimSize(d));
      out.symbols.push_back(dyn ? internSymbol({n.input(0), d}) : -1);
    }
    return true;
  }
  if (!isFoldableOp(n.op_type()) || n.output_size() != 1) return false;
  std::vector<ConstTensor> ins(n.input_size());
  std::vector<const ConstTensor *> ptrs;
  for (int k = 0; k < n.input_size(); ++k) {
    if (n.input(k).empty()) {
      ptrs.push_back(nullptr);
      continue;
    }
    if (!peekConstant(n.input(k), ins[k], depth + 1)) return false;
    ptrs.push_back(&ins[k]);
  }
  std::vector<ConstTensor> outs;
  std::string why;
  if (!foldNode(n, opset_, ptrs, outs, why)) return false;
  out = std::move(outs[0]);
  return true;
}

int32_t GraphImporter::internSymbol(const DimSymbol &s) {
  for (size_t k = 0; k < symbols_.size(); ++k)
    if (symbols_[k] == s) return int32_t(k);
  symbols_.push_back(s);
  return int32_t(symbols_.size() - 1);
}

// --- building ---------------------------------------------------------------

std::string GraphImporter::describeNode(int index) const {
  const onnx::NodeProto &n = graph_.node(index);
  std::string name = n.name().empty() ? "#" + std::to_string(index) : "'" + n.name() + "'";
  return "node " + name + " (" + n.op_type() + ", opset " + std::to_string(opset_) + ")";
}

Location GraphImporter::nodeLoc(int index) const {
  const onnx::NodeProto &n = graph_.node(index);
  std::string name = n.name().empty() ? n.op_type() + "#" + std::to_string(index) : n.name();
  auto file = FileLineColLoc::get(builder_.getContext(), fileName_, 0, 0);
  return NameLoc::get(StringAttr::get(builder_.getContext(), name), file);
}

RankedTensorType GraphImporter::tensorType(ArrayRef<int64_t> dims) {
  return RankedTensorType::get(dims, builder_.getF32Type());
}

std::string identifierFrom(const std::string &name, bool function, const std::string &digitPrefix,
                           const std::string &fallback) {
  // ONNX names ("conv1.weight", "onnx::Conv_12", "/res1/Add_output_0") and
  // file stems are not C identifiers: keep letters, digits and single
  // underscores.
  std::string s;
  for (char c : name) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    char w = ok ? c : '_';
    if (w == '_' && (s.empty() || s.back() == '_')) continue;
    s.push_back(w);
  }
  while (!s.empty() && s.back() == '_') s.pop_back();
  if (s.size() > 100) s.resize(100);
  if (s.empty() || (s[0] >= '0' && s[0] <= '9')) s = digitPrefix + s;
  auto kind = function ? ExportedNameKind::Function : ExportedNameKind::Parameter;
  if (!exportedNameProblem(s, kind).empty()) s = "onnx_" + s;
  if (!exportedNameProblem(s, kind).empty()) s = fallback;
  return s;
}

std::string GraphImporter::uniqueName(const std::string &onnxName, bool function) {
  std::string s = identifierFrom(onnxName, function, "v_", "v" + std::to_string(usedNames_.size()));
  std::string name = s;
  for (int k = 2; usedNames_.count(name); ++k) name = s + "_" + std::to_string(k);
  usedNames_.insert(name);
  return name;
}

Value GraphImporter::weightArgument(const std::string &onnxName, const ConstTensor &c,
                                    std::optional<std::vector<int64_t>> dims,
                                    const std::string &suffix) {
  std::vector<int64_t> shape = dims ? *dims : c.dims;
  if (shape.empty()) shape = {1}; // a scalar weight: one element
  auto key = std::make_pair(onnxName + suffix, shape);
  if (auto it = weightArgs_.find(key); it != weightArgs_.end()) return it->second;
  Value arg = body_->addArgument(tensorType(shape), func_.getLoc());
  std::string name = uniqueName(onnxName + suffix, false);
  argNames_.push_back(name);
  argOnnxNames_.push_back(onnxName);
  OnnxWeight w;
  w.name = name;
  w.onnxName = onnxName;
  w.shape = shape;
  w.data.assign(c.floats.begin(), c.floats.end());
  weights_.push_back(std::move(w));
  weightArgs_[key] = arg;
  return arg;
}

Value GraphImporter::splatConstant(double value, int64_t rank) {
  auto type = tensorType(std::vector<int64_t>(size_t(rank), 1));
  return builder_.create<arith::ConstantOp>(
      func_.getLoc(), DenseElementsAttr::get(type, builder_.getF32FloatAttr(float(value))));
}

bool GraphImporter::operand(NodeContext &ctx, int k, Value &out, int64_t rank,
                            const std::vector<int64_t> *splatInto) {
  std::string name = inputName(ctx.node, k);
  if (name.empty())
    return ctx.fail("its input " + std::to_string(k) + " is missing");
  if (Value v = computed(name)) {
    auto type = cast<RankedTensorType>(v.getType());
    if (rank && type.getRank() < rank) {
      std::vector<int64_t> dims(size_t(rank - type.getRank()), 1);
      dims.insert(dims.end(), type.getShape().begin(), type.getShape().end());
      v = reshapeUnitDims(v, dims);
    } else if (rank && type.getRank() > rank) {
      return ctx.fail("input '" + name + "' has rank " + std::to_string(type.getRank()) +
                      ", more than " + std::to_string(rank));
    }
    out = v;
    return true;
  }
  if (const ConstTensor *c = constant(name)) {
    if (!c->isFloat())
      return ctx.fail("input '" + name + "' is a " + onnxTypeName(c->onnxType) +
                      " tensor; the op takes float tensors");
    int64_t r = rank ? rank : std::max<int64_t>(int64_t(c->dims.size()), 1);
    if (int64_t(c->dims.size()) > r)
      return ctx.fail("input '" + name + "' has rank " + std::to_string(c->dims.size()) +
                      ", more than " + std::to_string(r));
    std::vector<int64_t> dims(size_t(r - c->dims.size()), 1);
    dims.insert(dims.end(), c->dims.begin(), c->dims.end());
    bool splat = splatInto && splatInto->size() == dims.size() && c->isSplat();
    for (size_t d = 0; splat && d < dims.size(); ++d)
      splat = dims[d] == 1 || dims[d] == (*splatInto)[d];
    if (splat) {
      // Folded into the code: an all-equal tensor is its one value broadcast.
      out = splatConstant(c->at(0), r);
      return true;
    }
    if (c->numElements() == 0)
      return ctx.fail("input '" + name + "' is empty");
    out = weightArgument(name, *c, dims);
    return true;
  }
  return ctx.fail("input '" + name + "': " + valueProblem(name));
}

Value GraphImporter::reshapeUnitDims(Value v, ArrayRef<int64_t> dims) {
  auto type = cast<RankedTensorType>(v.getType());
  ArrayRef<int64_t> src = type.getShape();
  if (src == dims) return v;
  auto core = [](ArrayRef<int64_t> d) {
    std::vector<int64_t> c;
    for (int64_t x : d)
      if (x != 1) c.push_back(x);
    return c;
  };
  std::vector<int64_t> srcCore = core(src), dstCore = core(dims);
  if (srcCore != dstCore) return Value();
  // Groups of a shape around its non-unit dims: each unit dim joins the
  // group of the next non-unit dim, trailing ones the last group.
  auto groups = [](ArrayRef<int64_t> d) {
    SmallVector<ReassociationIndices> g;
    ReassociationIndices pending;
    for (int64_t k = 0; k < int64_t(d.size()); ++k) {
      pending.push_back(k);
      if (d[k] != 1) {
        g.push_back(pending);
        pending.clear();
      }
    }
    if (!pending.empty()) {
      if (g.empty()) g.push_back(pending);
      else g.back().append(pending.begin(), pending.end());
    }
    return g;
  };
  Location loc = v.getLoc();
  std::vector<int64_t> mid = srcCore.empty() ? std::vector<int64_t>{1} : srcCore;
  Value x = v;
  if (ArrayRef<int64_t>(mid) != src)
    x = builder_.create<tensor::CollapseShapeOp>(loc, tensorType(mid), x, groups(src));
  if (ArrayRef<int64_t>(mid) != dims)
    x = builder_.create<tensor::ExpandShapeOp>(loc, tensorType(dims), x, groups(dims));
  return x;
}

// --- the walk ---------------------------------------------------------------

bool GraphImporter::defineInputs(std::string &error) {
  for (const onnx::TensorProto &init : graph_.initializer()) {
    ConstTensor c;
    std::string why;
    if (!readTensorProto(init, c, why)) {
      error = "initializer '" + init.name() + "': " + why;
      return false;
    }
    setConstant(init.name(), std::move(c));
  }
  if (graph_.sparse_initializer_size()) {
    error = "the graph has sparse initializers, which the importer does not read";
    return false;
  }
  for (const onnx::ValueInfoProto &input : graph_.input()) {
    if (constant(input.name())) continue; // IR < 4 lists initializers as inputs
    if (!input.type().has_tensor_type()) {
      error = "input '" + input.name() + "' is not a tensor";
      return false;
    }
    const auto &tt = input.type().tensor_type();
    if (tt.elem_type() != onnx::TensorProto::FLOAT) {
      error = "input '" + input.name() + "' has element type " + onnxTypeName(tt.elem_type()) +
              "; the importer takes float (f32) inputs";
      return false;
    }
    if (!tt.has_shape()) {
      error = "input '" + input.name() + "' has no shape; the importer needs its rank";
      return false;
    }
    std::vector<int64_t> dims;
    if (tt.shape().dim_size() == 0) {
      error = "input '" + input.name() + "' is a scalar (rank 0); give it shape [1]";
      return false;
    }
    for (const auto &d : tt.shape().dim()) {
      if (d.has_dim_value()) {
        if (d.dim_value() < 0) {
          error = "input '" + input.name() + "' has a negative dimension";
          return false;
        }
        dims.push_back(d.dim_value());
      } else {
        dims.push_back(ShapedType::kDynamic); // dim_param or unknown
      }
    }
    Value arg = body_->addArgument(tensorType(dims), func_.getLoc());
    argNames_.push_back(uniqueName(input.name(), false));
    argOnnxNames_.push_back(input.name());
    setComputed(input.name(), arg);
  }
  return true;
}

bool GraphImporter::importNode(int index, std::string &error) {
  const onnx::NodeProto &n = graph_.node(index);
  auto failHere = [&](const std::string &message) {
    error = describeNode(index) + ": " + message;
    return false;
  };
  if (!n.domain().empty() && n.domain() != "ai.onnx")
    return failHere("the op's domain '" + n.domain() + "' is not supported (only ONNX's own ops)");
  for (const std::string &in : n.input())
    if (!in.empty() && !isDefined(in))
      return failHere("it reads '" + in + "', which no earlier node produces (the graph is "
                      "not in topological order, has a cycle, or lacks the value)");
  const std::string &op = n.op_type();
  const OpInfo *info = nullptr;
  for (const OpInfo &candidate : onnxOpTable())
    if (op == candidate.name) info = &candidate;
  if (!info)
    return failHere("the op type is not supported (see 'normc --list-onnx-ops')");
  int64_t version = 0;
  for (int64_t v : info->versions)
    if (v <= opset_) version = std::max(version, v);
  if (!version)
    return failHere("the importer supports " + op + " from opset " +
                    std::to_string(info->versions.front()));

  // Known inputs only: evaluate the node now.
  bool allKnown = true;
  std::vector<const ConstTensor *> known;
  for (const std::string &in : n.input()) {
    known.push_back(in.empty() ? nullptr : constant(in));
    if (!in.empty() && !known.back()) allKnown = false;
  }
  if (op == "Constant") {
    ConstTensor c;
    std::string why;
    const onnx::AttributeProto *a = nullptr;
    if ((a = findAttribute(n, "value"))) {
      if (!readTensorProto(a->t(), c, why)) return failHere("its value: " + why);
    } else if ((a = findAttribute(n, "value_float"))) {
      c = ConstTensor::floatTensor({}, {a->f()});
    } else if ((a = findAttribute(n, "value_floats"))) {
      c = ConstTensor::floatTensor({a->floats_size()},
                                   std::vector<double>(a->floats().begin(), a->floats().end()));
    } else if ((a = findAttribute(n, "value_int"))) {
      c = ConstTensor::intTensor({}, {a->i()});
    } else if ((a = findAttribute(n, "value_ints"))) {
      c = ConstTensor::intTensor({a->ints_size()},
                                 std::vector<int64_t>(a->ints().begin(), a->ints().end()));
    } else {
      return failHere("its value is a sparse tensor or strings, which the importer does not read");
    }
    setConstant(outputName(n, 0), std::move(c));
    return true;
  }
  if (op == "Shape") {
    std::vector<int64_t> dims;
    std::vector<int32_t> syms;
    const std::string in = inputName(n, 0);
    if (const ConstTensor *c = constant(in)) {
      dims = c->dims;
      syms.assign(dims.size(), -1);
    } else if (Value v = computed(in)) {
      auto type = cast<RankedTensorType>(v.getType());
      for (int64_t d = 0; d < type.getRank(); ++d) {
        bool dyn = type.isDynamicDim(d);
        dims.push_back(dyn ? 0 : type.getDimSize(d));
        syms.push_back(dyn ? internSymbol({in, d}) : -1);
      }
    } else {
      return failHere("input '" + in + "': " + valueProblem(in));
    }
    int64_t rank = dims.size();
    int64_t start = version >= 15 ? intAttribute(n, "start", 0) : 0;
    int64_t end = version >= 15 ? intAttribute(n, "end", rank) : rank;
    if (start < 0) start += rank;
    if (end < 0) end += rank;
    start = std::clamp<int64_t>(start, 0, rank);
    end = std::clamp<int64_t>(end, start, rank);
    ConstTensor c = ConstTensor::intTensor(
        {end - start}, std::vector<int64_t>(dims.begin() + start, dims.begin() + end));
    c.symbols.assign(syms.begin() + start, syms.begin() + end);
    setConstant(outputName(n, 0), std::move(c));
    return true;
  }
  if (allKnown && isFoldableOp(op)) {
    std::vector<ConstTensor> outs;
    std::string why;
    if (!foldNode(n, version, known, outs, why)) return failHere(why);
    for (size_t k = 0; k < outs.size() && int(k) < n.output_size(); ++k)
      setConstant(n.output(int(k)), std::move(outs[k]));
    return true;
  }
  if (!info->import)
    return failHere("the importer takes " + op + " only on known values (" + info->note +
                    "), and an input here is computed from the graph's inputs");
  NodeContext ctx{*this, n, index, version, opset_, {}};
  builder_.setInsertionPointToEnd(body_);
  if (!info->import(ctx))
    return failHere(ctx.error);
  return true;
}

bool GraphImporter::run(const std::string &functionName, ImportedOnnxModel &result,
                        std::string &error) {
  MLIRContext *ctx = builder_.getContext();
  auto fileLoc = FileLineColLoc::get(ctx, fileName_, 0, 0);
  OwningOpRef<ModuleOp> module(ModuleOp::create(fileLoc));
  builder_.setInsertionPointToEnd(module->getBody());
  func_ = builder_.create<func::FuncOp>(fileLoc, functionName, builder_.getFunctionType({}, {}));
  body_ = func_.addEntryBlock();
  builder_.setInsertionPointToEnd(body_);
  usedNames_.insert(functionName);

  for (int k = 0; k < graph_.node_size(); ++k)
    for (const std::string &in : graph_.node(k).input())
      if (!in.empty()) users_[in].push_back(k);
  for (int k = 0; k < graph_.node_size(); ++k)
    for (const std::string &out : graph_.node(k).output())
      if (!out.empty() && !producers_.count(out)) producers_[out] = k;
  for (const auto &out : graph_.output()) outputs_.insert(out.name());
  if (!defineInputs(error)) return false;

  // DAG patterns, matched backwards from their last node before the walk.
  std::map<int, AdaINPlan> adain;
  for (int k = graph_.node_size() - 1; k >= 0; --k) {
    AdaINPlan plan;
    if (isConsumed(k) || !planAdaIN(*this, k, plan)) continue;
    for (int n : plan.nodes) markConsumed(n);
    adain[k] = std::move(plan);
  }

  for (int k = 0; k < graph_.node_size(); ++k) {
    if (auto it = adain.find(k); it != adain.end()) {
      builder_.setInsertionPointToEnd(body_);
      std::string why;
      if (!emitAdaIN(*this, k, it->second, why)) {
        error = describeNode(k) + ": " + why;
        return false;
      }
      continue;
    }
    if (isConsumed(k)) continue;
    builder_.setInsertionPointToEnd(body_);
    if (foldPattern(*this, k)) continue;
    if (!importNode(k, error)) return false;
  }

  builder_.setInsertionPointToEnd(body_);
  SmallVector<Value> results;
  std::vector<std::string> resultNames;
  for (const auto &out : graph_.output()) {
    Value v = computed(out.name());
    if (!v) {
      std::string problem = valueProblem(out.name());
      error = "output '" + out.name() + "' " +
              (constant(out.name()) ? std::string("is a constant; normc compiles outputs "
                                                  "computed from the graph's inputs")
                                    : "cannot be computed: " + problem);
      return false;
    }
    for (BlockArgument arg : body_->getArguments())
      if (v == arg) {
        error = "output '" + out.name() + "' is a graph input itself; normc compiles "
                "outputs computed from the inputs";
        return false;
      }
    results.push_back(v);
    resultNames.push_back(uniqueName(out.name(), false));
  }
  if (results.empty()) {
    error = "the graph has no outputs";
    return false;
  }
  builder_.create<func::ReturnOp>(fileLoc, results);
  func_.setFunctionType(
      builder_.getFunctionType(body_->getArgumentTypes(), ValueRange(results).getTypes()));
  for (size_t k = 0; k < argNames_.size(); ++k) {
    func_.setArgAttr(k, "norm.name", builder_.getStringAttr(argNames_[k]));
    if (argNames_[k] != argOnnxNames_[k])
      func_.setArgAttr(k, "norm.onnx_name", builder_.getStringAttr(argOnnxNames_[k]));
  }
  for (size_t k = 0; k < resultNames.size(); ++k) {
    func_.setResultAttr(k, "norm.name", builder_.getStringAttr(resultNames[k]));
    const std::string &onnxName = graph_.output(int(k)).name();
    if (resultNames[k] != onnxName)
      func_.setResultAttr(k, "norm.onnx_name", builder_.getStringAttr(onnxName));
  }
  result.module = std::move(module);
  result.functionName = functionName;
  result.weights = std::move(weights_);
  return true;
}

} // namespace normc::onnx_import
