//===- OpImporters.cpp - one ONNX op to norm ops ---------------------------===//
//
// The op table (onnxOpTable) is the one list of what the importer takes:
// the import walk, `normc --list-onnx-ops` and docs/onnx.md come from it.
// Each importer reads the node's inputs (computed values, or known tensors
// that become weights or splat constants) and attributes, checks what the
// norm op cannot express, and defines the node's outputs.
//
//===----------------------------------------------------------------------===//
#include "importers/onnx/GraphImporter.h"
#include "importers/onnx/NodeAttributes.h"

#include "dialect/NormDialect.h"
#include "dialect/NormOps.h"

#include <cfloat>
#include <cmath>
#include <limits>

using namespace mlir;
using namespace normc::norm;

namespace normc::onnx_import {

namespace {

constexpr int64_t kDyn = ShapedType::kDynamic;

std::vector<int64_t> dimsOf(Value v) {
  auto s = cast<RankedTensorType>(v.getType()).getShape();
  return std::vector<int64_t>(s.begin(), s.end());
}

std::string dimsString(const std::vector<int64_t> &dims) {
  std::string s = "[";
  for (size_t k = 0; k < dims.size(); ++k)
    s += (k ? ", " : "") + (dims[k] == kDyn ? std::string("?") : std::to_string(dims[k]));
  return s + "]";
}

/// Input `k` as a computed value of rank `minRank`..`maxRank`.
bool dataInput(NodeContext &c, int k, Value &v, int64_t minRank, int64_t maxRank,
               const char *what = "its input") {
  if (!c.g.operand(c, k, v)) return false;
  int64_t r = cast<RankedTensorType>(v.getType()).getRank();
  if (r < minRank || r > maxRank)
    return c.fail(std::string(what) + " has rank " + std::to_string(r) + "; the importer takes rank " +
                  std::to_string(minRank) + (minRank == maxRank ? "" : " to " + std::to_string(maxRank)));
  return true;
}

/// A per-channel parameter (input `k`, `n` entries): null when absent or a
/// known tensor of only `neutral` (the norm op's default), else a [n] value.
bool channelParam(NodeContext &c, int k, int64_t n, double neutral, Value &out,
                  const char *what) {
  out = Value();
  std::string name = inputName(c.node, k);
  if (name.empty()) return true;
  if (const ConstTensor *t = c.g.constant(name)) {
    if (!t->isFloat()) return c.fail(std::string(what) + " '" + name + "' is not a float tensor");
    if (n != kDyn && t->numElements() != n)
      return c.fail(std::string(what) + " '" + name + "' has " + std::to_string(t->numElements()) +
                    " elements for " + std::to_string(n) + " channels");
    if (t->isSplat() && t->at(0) == neutral) return true;
    out = c.g.weightArgument(name, *t, std::vector<int64_t>{t->numElements()});
    return true;
  }
  if (!c.g.operand(c, k, out)) return false;
  auto dims = dimsOf(out);
  if (dims.size() != 1)
    return c.fail(std::string(what) + " '" + name + "' has rank " + std::to_string(dims.size()) +
                  "; a per-channel parameter has rank 1");
  return true;
}

FloatAttr f32(NodeContext &c, double v) { return c.g.builder().getF32FloatAttr(float(v)); }

bool epsilonAttr(NodeContext &c, float &eps) {
  eps = floatAttribute(c.node, "epsilon", 1e-5f);
  if (!(eps > 0)) return c.fail("its epsilon " + std::to_string(eps) + " is not positive");
  return true;
}

/// The one output a node defines: output 0; a node whose other outputs
/// are read is refused.
bool onlyFirstOutput(NodeContext &c) {
  for (int k = 1; k < c.node.output_size(); ++k)
    if (!c.node.output(k).empty() && c.g.useCount(c.node.output(k)) > 0)
      return c.fail("its output " + std::to_string(k) + " ('" + c.node.output(k) +
                    "') is used, which the importer does not support");
  return true;
}

bool defineOutput(NodeContext &c, Value v) {
  if (!onlyFirstOutput(c)) return false;
  c.g.setComputed(outputName(c.node, 0), v);
  return true;
}

// --- normalizations ---------------------------------------------------------

bool importInstanceNorm(NodeContext &c) {
  Value x, scale, bias;
  if (!dataInput(c, 0, x, 3, 5)) return false;
  int64_t C = dimsOf(x)[1];
  float eps;
  if (!epsilonAttr(c, eps) || !channelParam(c, 1, C, 1.0, scale, "scale") ||
      !channelParam(c, 2, C, 0.0, bias, "B"))
    return false;
  return defineOutput(c, c.g.builder().create<InstanceNormOp>(c.loc(), x.getType(), x, scale,
                                                                bias, f32(c, eps), UnitAttr()));
}

bool importBatchNorm(NodeContext &c) {
  Value x, scale, bias, mean, var;
  if (!dataInput(c, 0, x, 2, 5)) return false;
  int64_t C = dimsOf(x)[1];
  float eps;
  if (!epsilonAttr(c, eps) || !channelParam(c, 1, C, 1.0, scale, "scale") ||
      !channelParam(c, 2, C, 0.0, bias, "B") ||
      !channelParam(c, 3, C, std::nan(""), mean, "input_mean") ||
      !channelParam(c, 4, C, std::nan(""), var, "input_var"))
    return false;
  if (!mean || !var) return c.fail("its input_mean and input_var are required");
  bool training = c.version >= 14 && intAttribute(c.node, "training_mode", 0) != 0;
  OpBuilder &b = c.g.builder();
  if (!training) {
    if (c.version < 14 && !onlyFirstOutput(c)) return false;
    return defineOutput(c, b.create<BatchNormOp>(c.loc(), x.getType(), x, mean, var, scale, bias,
                                                 f32(c, eps), UnitAttr()));
  }
  float momentum = floatAttribute(c.node, "momentum", 0.9f);
  if (!(momentum >= 0 && momentum <= 1))
    return c.fail("its momentum " + std::to_string(momentum) + " is outside [0, 1]");
  // ONNX: running = momentum * running + (1 - momentum) * batch, with the
  // biased batch variance; norm weights the batch value by its momentum.
  auto train = b.create<BatchNormTrainOp>(c.loc(), x.getType(), mean.getType(), var.getType(), x,
                                          mean, var, scale, bias, f32(c, eps),
                                          f32(c, 1.0 - double(momentum)), b.getUnitAttr(),
                                          UnitAttr());
  for (int k = 0; k < 3 && k < c.node.output_size(); ++k)
    if (!c.node.output(k).empty()) c.g.setComputed(c.node.output(k), train->getResult(k));
  return true;
}

bool importLayerNorm(NodeContext &c) {
  Value x, scale, bias;
  if (!dataInput(c, 0, x, 1, 8)) return false;
  std::vector<int64_t> dims = dimsOf(x);
  int64_t rank = dims.size(), axis = intAttribute(c.node, "axis", -1);
  if (axis < -rank || axis >= rank)
    return c.fail("its axis " + std::to_string(axis) + " is out of range for rank " +
                  std::to_string(rank));
  if (axis < 0) axis += rank;
  if (intAttribute(c.node, "stash_type", 1) != 1)
    return c.fail("its stash_type is not 1 (float); normc computes statistics in f32");
  float eps;
  if (!epsilonAttr(c, eps)) return false;
  std::vector<int64_t> normalized(dims.begin() + axis, dims.end());
  bool staticShape = std::none_of(normalized.begin(), normalized.end(),
                                  [](int64_t d) { return d == kDyn; });
  auto param = [&](int k, double neutral, Value &out, const char *what) {
    out = Value();
    std::string name = inputName(c.node, k);
    if (name.empty()) return true;
    if (const ConstTensor *t = c.g.constant(name)) {
      if (t->isSplat() && t->at(0) == neutral) return true;
      ConstTensor full;
      if (!staticShape)
        return c.fail(std::string(what) + " '" + name + "' is a constant, and the normalized shape " +
                      dimsString(normalized) + " has dynamic dimensions to broadcast it to");
      if (!t->isFloat() || !broadcastConstant(*t, normalized, full))
        return c.fail(std::string(what) + " '" + name + "' of shape " + dimsString(t->dims) +
                      " does not broadcast to the normalized shape " + dimsString(normalized));
      out = c.g.weightArgument(name, full);
      return true;
    }
    if (!c.g.operand(c, k, out)) return false;
    if (dimsOf(out) != normalized)
      return c.fail(std::string(what) + " '" + name + "' has shape " + dimsString(dimsOf(out)) +
                    ", not the normalized shape " + dimsString(normalized));
    return true;
  };
  if (!param(1, 1.0, scale, "Scale") || !param(2, 0.0, bias, "B")) return false;
  OpBuilder &b = c.g.builder();
  c.g.setComputed(outputName(c.node, 0),
                  b.create<LayerNormOp>(c.loc(), x.getType(), x, scale, bias,
                                        b.getI64IntegerAttr(axis), f32(c, eps)));
  // The optional Mean and InvStdDev outputs (shape of x with 1 in every
  // normalized dimension): norm.moments over the same dimensions.
  bool statistics = false;
  for (int k = 1; k <= 2; ++k)
    statistics |= !outputName(c.node, k).empty() && c.g.useCount(outputName(c.node, k)) > 0;
  if (statistics) {
    std::vector<int64_t> reduced = dims, axes;
    for (int64_t d = axis; d < rank; ++d) {
      reduced[d] = 1;
      axes.push_back(d);
    }
    auto stats = b.create<MomentsOp>(c.loc(), c.g.tensorType(reduced), c.g.tensorType(reduced), x,
                                     b.getDenseI64ArrayAttr(axes), b.getI64IntegerAttr(1),
                                     f32(c, eps), UnitAttr(), UnitAttr(), UnitAttr());
    for (int k = 1; k <= 2; ++k)
      if (!outputName(c.node, k).empty())
        c.g.setComputed(outputName(c.node, k), stats->getResult(k - 1));
  }
  return true;
}

bool importGroupNorm(NodeContext &c) {
  Value x, scale, bias;
  if (!dataInput(c, 0, x, 3, 5)) return false;
  int64_t C = dimsOf(x)[1], G = intAttribute(c.node, "num_groups", 0);
  if (G <= 0) return c.fail("its num_groups is missing or not positive");
  if (C != kDyn && C % G)
    return c.fail("its " + std::to_string(C) + " channels do not split into " +
                  std::to_string(G) + " groups");
  if (c.version >= 21 && intAttribute(c.node, "stash_type", 1) != 1)
    return c.fail("its stash_type is not 1 (float); normc computes statistics in f32");
  float eps;
  if (!epsilonAttr(c, eps)) return false;
  if (c.version >= 21) {
    if (!channelParam(c, 1, C, 1.0, scale, "scale") || !channelParam(c, 2, C, 0.0, bias, "bias"))
      return false;
  } else {
    // Version 18: one scale and bias per group; the norm op takes them per
    // channel, each group's value repeated over its channels.
    for (int k = 1; k <= 2; ++k) {
      std::string name = inputName(c.node, k);
      const ConstTensor *t = c.g.constant(name);
      if (!t || !t->isFloat() || t->numElements() != G)
        return c.fail("its " + std::string(k == 1 ? "scale" : "bias") + " '" + name +
                      "' must be a known float tensor of num_groups (" + std::to_string(G) +
                      ") elements (GroupNormalization-18)");
      double neutral = k == 1 ? 1.0 : 0.0;
      if (t->isSplat() && t->at(0) == neutral) continue;
      if (C == kDyn) return c.fail("per-group parameters need a static channel count");
      ConstTensor perChannel = ConstTensor::floatTensor({C}, {});
      for (int64_t ch = 0; ch < C; ++ch) perChannel.floats.push_back(t->floats[ch / (C / G)]);
      (k == 1 ? scale : bias) = c.g.weightArgument(name, perChannel, std::nullopt, "_per_channel");
    }
  }
  OpBuilder &b = c.g.builder();
  return defineOutput(c, b.create<GroupNormOp>(c.loc(), x.getType(), x, scale, bias,
                                               b.getI64IntegerAttr(G), f32(c, eps), UnitAttr()));
}

// --- convolution, padding, resizing -----------------------------------------

bool importConv(NodeContext &c) {
  Value x, w, bias;
  if (!dataInput(c, 0, x, 4, 4, "its input (only 2-D convolutions, of 4-D inputs, are supported)") ||
      !dataInput(c, 1, w, 4, 4, "its weight"))
    return false;
  std::vector<int64_t> xd = dimsOf(x), wd = dimsOf(w);
  int64_t K = wd[0], group = intAttribute(c.node, "group", 1);
  if (group <= 0) return c.fail("its group is not positive");
  if (!channelParam(c, 2, K, 0.0, bias, "B")) return false;
  if (xd[1] != kDyn && wd[1] * group != xd[1])
    return c.fail("its weight takes " + std::to_string(wd[1] * group) + " input channels, the input has " +
                  std::to_string(xd[1]));
  if (auto ks = intsAttribute(c.node, "kernel_shape"))
    if (ks->size() != 2 || (*ks)[0] != wd[2] || (*ks)[1] != wd[3])
      return c.fail("its kernel_shape does not match its weight's " + dimsString({wd[2], wd[3]}));
  std::vector<int64_t> strides = intsAttribute(c.node, "strides").value_or(std::vector<int64_t>{1, 1});
  std::vector<int64_t> dil = intsAttribute(c.node, "dilations").value_or(std::vector<int64_t>{1, 1});
  std::vector<int64_t> pads = intsAttribute(c.node, "pads").value_or(std::vector<int64_t>{0, 0, 0, 0});
  if (strides.size() != 2 || dil.size() != 2 || pads.size() != 4)
    return c.fail("its strides, dilations or pads do not have 2, 2 and 4 entries");
  for (int64_t v : strides)
    if (v <= 0) return c.fail("a stride is not positive");
  for (int64_t v : dil)
    if (v <= 0) return c.fail("a dilation is not positive");
  for (int64_t v : pads)
    if (v < 0) return c.fail("a pad is negative");
  std::string autoPad = stringAttribute(c.node, "auto_pad", "NOTSET");
  if (autoPad == "VALID") {
    pads = {0, 0, 0, 0};
  } else if (autoPad == "SAME_UPPER" || autoPad == "SAME_LOWER") {
    for (int d = 0; d < 2; ++d) {
      int64_t in = xd[2 + d];
      if (in == kDyn) return c.fail("auto_pad " + autoPad + " needs static spatial dimensions");
      int64_t out = (in + strides[d] - 1) / strides[d];
      int64_t total = std::max<int64_t>((out - 1) * strides[d] + (wd[2 + d] - 1) * dil[d] + 1 - in, 0);
      int64_t small = total / 2, large = total - small;
      pads[d] = autoPad == "SAME_UPPER" ? small : large;
      pads[d + 2] = total - pads[d];
    }
  } else if (autoPad != "NOTSET") {
    return c.fail("its auto_pad '" + autoPad + "' is not NOTSET, SAME_UPPER, SAME_LOWER or VALID");
  }
  std::vector<int64_t> yd = {xd[0], K, kDyn, kDyn};
  for (int d = 0; d < 2; ++d) {
    int64_t in = xd[2 + d];
    if (in == kDyn) continue;
    int64_t span = in + pads[d] + pads[d + 2] - dil[d] * (wd[2 + d] - 1) - 1;
    if (span < 0) return c.fail("its kernel is larger than the padded input");
    yd[2 + d] = span / strides[d] + 1;
  }
  OpBuilder &b = c.g.builder();
  return defineOutput(c, b.create<Conv2DOp>(c.loc(), c.g.tensorType(yd), x, w, bias,
                                            b.getDenseI64ArrayAttr(strides),
                                            b.getDenseI64ArrayAttr(pads),
                                            b.getDenseI64ArrayAttr(dil),
                                            b.getI64IntegerAttr(group), UnitAttr()));
}

/// ConvTranspose as a convolution: zero insertion by the strides
/// (norm.upsample "zeros"), then a stride-1 conv2d with the weights flipped
/// in space and transposed in channels, padded d*(k-1) - pad on each side
/// (plus output_padding at the end, minus the s - 1 zeros zero insertion
/// leaves after the last element). The weights must be known: the flip is
/// done here, and the weights file holds the flipped tensor
/// (<name>_as_conv).
bool importConvTranspose(NodeContext &c) {
  Value x;
  if (!dataInput(c, 0, x, 4, 4, "its input (only 2-D transposed convolutions are supported)"))
    return false;
  std::string wName = inputName(c.node, 1);
  const ConstTensor *w = c.g.constant(wName);
  if (!w || !w->isFloat() || w->dims.size() != 4)
    return c.fail("its weight '" + wName + "' must be a known 4-D float tensor (normc flips it "
                  "into a convolution's weight at import time)");
  std::vector<int64_t> xd = dimsOf(x), wd = w->dims;
  int64_t group = intAttribute(c.node, "group", 1);
  if (group <= 0 || wd[0] % group) return c.fail("its group does not divide its weight's channels");
  int64_t cinG = wd[0] / group, coutG = wd[1], cout = coutG * group;
  if (xd[1] != kDyn && xd[1] != wd[0])
    return c.fail("its weight takes " + std::to_string(wd[0]) + " input channels, the input has " +
                  std::to_string(xd[1]));
  if (auto ks = intsAttribute(c.node, "kernel_shape"))
    if (ks->size() != 2 || (*ks)[0] != wd[2] || (*ks)[1] != wd[3])
      return c.fail("its kernel_shape does not match its weight's " + dimsString({wd[2], wd[3]}));
  std::string autoPad = stringAttribute(c.node, "auto_pad", "NOTSET");
  if (autoPad != "NOTSET" && autoPad != "VALID" && autoPad != "SAME_UPPER" &&
      autoPad != "SAME_LOWER")
    return c.fail("its auto_pad '" + autoPad + "' is not NOTSET, SAME_UPPER, SAME_LOWER or VALID");
  auto ints = [&](const char *name, std::vector<int64_t> otherwise) {
    return intsAttribute(c.node, name).value_or(otherwise);
  };
  std::vector<int64_t> strides = ints("strides", {1, 1}), dil = ints("dilations", {1, 1}),
                       pads = autoPad == "VALID" ? std::vector<int64_t>{0, 0, 0, 0}
                                                 : ints("pads", {0, 0, 0, 0}),
                       outPad = ints("output_padding", {0, 0});
  if (strides.size() != 2 || dil.size() != 2 || pads.size() != 4 || outPad.size() != 2)
    return c.fail("its strides, dilations, pads or output_padding have the wrong length");
  // An output_shape (or SAME auto_pad: input * stride) sets the pads, as
  // ONNX's ConvTranspose defines: total = s * (in - 1) + output_padding +
  // d * (k - 1) + 1 - out, split with the odd element at the end for
  // SAME_UPPER, at the start otherwise.
  std::optional<std::vector<int64_t>> outShape = intsAttribute(c.node, "output_shape");
  if (outShape || autoPad == "SAME_UPPER" || autoPad == "SAME_LOWER") {
    if (outShape && outShape->size() == 4) outShape = std::vector<int64_t>(outShape->begin() + 2, outShape->end());
    if (outShape && outShape->size() != 2)
      return c.fail("its output_shape does not have 2 spatial entries");
    for (int d = 0; d < 2; ++d) {
      if (xd[2 + d] == kDyn)
        return c.fail("its output_shape or SAME auto_pad needs static spatial dimensions");
      int64_t out = outShape ? (*outShape)[d] : xd[2 + d] * strides[d];
      int64_t total = strides[d] * (xd[2 + d] - 1) + outPad[d] + dil[d] * (wd[2 + d] - 1) + 1 - out;
      bool upper = autoPad == "SAME_UPPER";
      // Floor division, as ONNX's reference (Python) computes it: a
      // negative total (an output larger than the natural one) adds zeros
      // at the end.
      int64_t half = total >= 0 ? total / 2 : -((-total + 1) / 2);
      pads[d] = upper ? half : total - half;
      pads[d + 2] = total - pads[d];
    }
  }
  std::vector<int64_t> convPad(4), yd = {xd[0], cout, kDyn, kDyn};
  for (int d = 0; d < 2; ++d) {
    int64_t k = wd[2 + d], s = strides[d], span = dil[d] * (k - 1);
    if (s <= 0 || dil[d] <= 0 || outPad[d] < 0 || (!outShape && (pads[d] < 0 || pads[d + 2] < 0)))
      return c.fail("its strides, dilations, pads and output_padding must be positive or zero");
    convPad[d] = span - pads[d];
    convPad[d + 2] = span - pads[d + 2] + outPad[d] - (s - 1);
    if (convPad[d] < 0 || convPad[d + 2] < 0)
      return c.fail("its pads (or a stride larger than dilation * (kernel - 1) + 1) crop more "
                    "than dilation * (kernel - 1) plus output_padding, which the convolution it "
                    "becomes cannot express");
    if (xd[2 + d] != kDyn)
      yd[2 + d] = (xd[2 + d] - 1) * s + span + 1 + outPad[d] - pads[d] - pads[d + 2];
  }
  // W'[g*coutG + j][i][r][q] = W[g*cinG + i][j][k-1-r][k-1-q]
  int64_t kh = wd[2], kw = wd[3];
  ConstTensor flipped = ConstTensor::floatTensor({cout, cinG, kh, kw}, {});
  flipped.floats.resize(size_t(cout * cinG * kh * kw));
  for (int64_t g = 0; g < group; ++g)
    for (int64_t j = 0; j < coutG; ++j)
      for (int64_t i = 0; i < cinG; ++i)
        for (int64_t r = 0; r < kh; ++r)
          for (int64_t q = 0; q < kw; ++q)
            flipped.floats[(((g * coutG + j) * cinG + i) * kh + r) * kw + q] =
                w->floats[(((g * cinG + i) * coutG + j) * kh + (kh - 1 - r)) * kw + (kw - 1 - q)];
  Value bias;
  if (!channelParam(c, 2, cout, 0.0, bias, "B")) return false;
  OpBuilder &b = c.g.builder();
  Value input = x;
  if (strides[0] > 1 || strides[1] > 1) {
    std::vector<int64_t> ud = xd;
    for (int d = 0; d < 2; ++d)
      if (ud[2 + d] != kDyn) ud[2 + d] *= strides[d];
    input = b.create<UpsampleOp>(c.loc(), c.g.tensorType(ud), x,
                                 b.getDenseI64ArrayAttr({1, 1, strides[0], strides[1]}),
                                 b.getStringAttr("zeros"));
  }
  Value weight = c.g.weightArgument(wName, flipped, std::nullopt, "_as_conv");
  return defineOutput(c, b.create<Conv2DOp>(c.loc(), c.g.tensorType(yd), input, weight, bias,
                                            b.getDenseI64ArrayAttr({1, 1}),
                                            b.getDenseI64ArrayAttr(convPad),
                                            b.getDenseI64ArrayAttr(dil),
                                            b.getI64IntegerAttr(group), UnitAttr()));
}

bool importPad(NodeContext &c) {
  Value x;
  if (!c.g.operand(c, 0, x)) return false;
  std::vector<int64_t> dims = dimsOf(x), pads;
  int64_t rank = dims.size();
  double value = 0;
  if (c.version < 11) {
    pads = intsAttribute(c.node, "pads").value_or(std::vector<int64_t>{});
    value = floatAttribute(c.node, "value", 0.f);
  } else {
    const ConstTensor *p = c.g.constant(inputName(c.node, 1));
    if (!p || p->anySymbolic() || p->isFloat())
      return c.fail("its pads must be known int64 values");
    for (int64_t k = 0; k < p->numElements(); ++k) pads.push_back(p->ints[k]);
    std::string cv = inputName(c.node, 2);
    if (!cv.empty()) {
      const ConstTensor *v = c.g.constant(cv);
      if (!v || v->numElements() != 1) return c.fail("its constant_value must be a known scalar");
      value = v->at(0);
    }
  }
  std::vector<int64_t> axes;
  std::string axesName = c.version >= 18 ? inputName(c.node, 3) : "";
  if (!axesName.empty()) {
    const ConstTensor *a = c.g.constant(axesName);
    if (!a || a->isFloat() || a->anySymbolic()) return c.fail("its axes must be known integers");
    for (int64_t k = 0; k < a->numElements(); ++k)
      axes.push_back(a->ints[k] < 0 ? a->ints[k] + rank : a->ints[k]);
  } else {
    for (int64_t k = 0; k < rank; ++k) axes.push_back(k);
  }
  int64_t n = axes.size();
  if (int64_t(pads.size()) != 2 * n)
    return c.fail("its pads have " + std::to_string(pads.size()) + " entries for " +
                  std::to_string(n) + " padded dimensions");
  std::vector<int64_t> low(rank, 0), high(rank, 0);
  for (int64_t k = 0; k < n; ++k) {
    if (axes[k] < 0 || axes[k] >= rank) return c.fail("an axis is out of range");
    if (pads[k] < 0 || pads[k + n] < 0)
      return c.fail("its pads are negative (cropping), which norm.pad does not do");
    low[axes[k]] = pads[k];
    high[axes[k]] = pads[k + n];
  }
  std::string mode = stringAttribute(c.node, "mode", "constant"), normMode;
  if (mode == "constant") normMode = "zero";
  else if (mode == "reflect") normMode = "reflect";
  else if (mode == "edge") normMode = "replicate";
  else return c.fail("its mode '" + mode + "' is not constant, reflect or edge");
  if (mode == "constant" && value != 0)
    return c.fail("it pads with the constant " + std::to_string(value) +
                  "; norm.pad pads with zeros only");
  std::vector<int64_t> yd = dims;
  bool any = false;
  for (int64_t k = 0; k < rank; ++k) {
    any |= low[k] || high[k];
    if (yd[k] != kDyn) yd[k] += low[k] + high[k];
    if (mode == "reflect" && dims[k] != kDyn && (low[k] >= dims[k] || high[k] >= dims[k]))
      return c.fail("its reflection pad of dimension " + std::to_string(k) +
                    " is not smaller than the dimension (" + std::to_string(dims[k]) + ")");
  }
  if (!any) return defineOutput(c, x);
  OpBuilder &b = c.g.builder();
  return defineOutput(c, b.create<PadOp>(c.loc(), c.g.tensorType(yd), x, b.getDenseI64ArrayAttr(low),
                                         b.getDenseI64ArrayAttr(high), b.getStringAttr(normMode)));
}

/// Whether ONNX's nearest resize with this coordinate transformation and
/// rounding picks source index floor(i / s) for every output index i at the
/// integer scale s (norm.upsample's nearest): the offset of the source
/// coordinate from floor(i / s) must round to 0 for every phase j < s.
bool nearestIsFloor(const std::string &coords, const std::string &rounding, int64_t s) {
  for (int64_t j = 0; j < s; ++j) {
    double offset;
    if (coords == "asymmetric") offset = double(j) / s;
    else if (coords == "half_pixel" || coords == "pytorch_half_pixel") offset = (j + 0.5) / s - 0.5;
    else if (coords == "tf_half_pixel_for_nn") offset = (j + 0.5) / s;
    else return false;
    double r;
    if (rounding == "floor") r = std::floor(offset);
    else if (rounding == "ceil") r = std::ceil(offset);
    else if (rounding == "round_prefer_floor") r = offset - std::floor(offset) == 0.5 ? std::floor(offset) : std::round(offset);
    else if (rounding == "round_prefer_ceil") r = offset - std::floor(offset) == 0.5 ? std::ceil(offset) : std::round(offset);
    else return false;
    if (r != 0) return false;
  }
  return true;
}

bool importResize(NodeContext &c) {
  Value x;
  if (!c.g.operand(c, 0, x)) return false;
  std::vector<int64_t> dims = dimsOf(x);
  int64_t rank = dims.size();
  const bool upsample = std::string(c.node.op_type()) == "Upsample";
  std::vector<double> scales;
  std::string scalesName = upsample ? (c.version >= 9 ? inputName(c.node, 1) : "")
                                    : inputName(c.node, c.version >= 11 ? 2 : 1);
  std::string sizesName = !upsample && c.version >= 11 ? inputName(c.node, 3) : "";
  if (upsample && c.version < 9) {
    for (float f : floatsAttribute(c.node, "scales").value_or(std::vector<float>{})) scales.push_back(f);
  } else if (!scalesName.empty() && c.g.constant(scalesName) &&
             c.g.constant(scalesName)->numElements() > 0) {
    const ConstTensor *t = c.g.constant(scalesName);
    for (int64_t k = 0; k < t->numElements(); ++k) scales.push_back(t->at(k));
  } else if (!sizesName.empty()) {
    const ConstTensor *t = c.g.constant(sizesName);
    if (!t || t->anySymbolic() || t->isFloat()) return c.fail("its sizes must be known integers");
    if (t->numElements() != rank) return c.fail("its sizes do not have one entry per dimension");
    if (c.version >= 18 && stringAttribute(c.node, "keep_aspect_ratio_policy", "stretch") != "stretch")
      return c.fail("its keep_aspect_ratio_policy is not stretch");
    for (int64_t k = 0; k < rank; ++k) {
      if (dims[k] == kDyn)
        return c.fail("it resizes to sizes, which needs static input dimensions (give scales)");
      if (dims[k] == 0) return c.fail("it resizes an empty dimension");
      if (t->ints[k] % dims[k])
        return c.fail("its size " + std::to_string(t->ints[k]) + " is not a multiple of " +
                      std::to_string(dims[k]) + "; normc upsamples by integer factors");
      scales.push_back(double(t->ints[k] / dims[k]));
    }
  } else {
    return c.fail("its scales (or sizes) must be known values");
  }
  if (!upsample && c.version >= 18 && findAttribute(c.node, "axes"))
    return c.fail("its axes attribute is not supported");
  if (int64_t(scales.size()) != rank)
    return c.fail("its scales have " + std::to_string(scales.size()) + " entries for rank " +
                  std::to_string(rank));
  std::vector<int64_t> factors;
  for (double s : scales) {
    int64_t f = int64_t(std::llround(s));
    if (f < 1 || std::fabs(s - double(f)) > 1e-6)
      return c.fail("its scale " + std::to_string(s) +
                    " is not a positive integer; normc upsamples by integer factors");
    factors.push_back(f);
  }
  if (!upsample && c.version >= 18 && intAttribute(c.node, "antialias", 0) != 0)
    return c.fail("antialias is not supported");
  std::string mode = stringAttribute(c.node, "mode", "nearest");
  std::string coords = upsample || c.version < 11
                           ? "asymmetric"
                           : stringAttribute(c.node, "coordinate_transformation_mode", "half_pixel");
  std::string normMode;
  if (mode == "nearest") {
    std::string rounding = upsample || c.version < 11
                               ? "floor"
                               : stringAttribute(c.node, "nearest_mode", "round_prefer_floor");
    for (int64_t f : factors)
      if (!nearestIsFloor(coords, rounding, f))
        return c.fail("nearest resizing with coordinate_transformation_mode '" + coords +
                      "' and nearest_mode '" + rounding + "' does not pick floor(i / " +
                      std::to_string(f) + "), the only nearest rule norm.upsample has");
    normMode = "nearest";
  } else if (mode == "linear" || mode == "bilinear") {
    if (coords != "half_pixel" && coords != "pytorch_half_pixel")
      return c.fail("linear resizing with coordinate_transformation_mode '" + coords +
                    "' is not supported (only half_pixel and pytorch_half_pixel, PyTorch's "
                    "align_corners=False)");
    normMode = "bilinear";
  } else {
    return c.fail("its mode '" + mode + "' is not supported (nearest and linear are)");
  }
  std::vector<int64_t> yd = dims;
  bool any = false;
  for (int64_t k = 0; k < rank; ++k) {
    any |= factors[k] != 1;
    if (yd[k] != kDyn) yd[k] *= factors[k];
  }
  if (!any) return defineOutput(c, x);
  OpBuilder &b = c.g.builder();
  return defineOutput(c, b.create<UpsampleOp>(c.loc(), c.g.tensorType(yd), x,
                                              b.getDenseI64ArrayAttr(factors),
                                              b.getStringAttr(normMode)));
}

// --- elementwise ------------------------------------------------------------

template <typename OpT> bool importActivation(NodeContext &c) {
  Value x;
  if (!c.g.operand(c, 0, x)) return false;
  return defineOutput(c, c.g.builder().create<OpT>(c.loc(), x.getType(), x));
}

bool importLeakyRelu(NodeContext &c) {
  Value x;
  if (!c.g.operand(c, 0, x)) return false;
  float alpha = floatAttribute(c.node, "alpha", 0.01f);
  return defineOutput(c, c.g.builder().create<LeakyReluOp>(c.loc(), x.getType(), x, f32(c, alpha)));
}

bool importGelu(NodeContext &c) {
  Value x;
  if (!c.g.operand(c, 0, x)) return false;
  std::string approx = stringAttribute(c.node, "approximate", "none");
  if (approx != "none" && approx != "tanh")
    return c.fail("its approximate '" + approx + "' is not none or tanh");
  OpBuilder &b = c.g.builder();
  return defineOutput(c, b.create<GeluOp>(c.loc(), x.getType(), x,
                                          approx == "tanh" ? b.getUnitAttr() : UnitAttr()));
}

int64_t inputRank(NodeContext &c, int k) {
  std::string name = inputName(c.node, k);
  if (Value v = c.g.computed(name)) return cast<RankedTensorType>(v.getType()).getRank();
  if (const ConstTensor *t = c.g.constant(name)) return t->dims.size();
  return 0;
}

/// Input `k`'s dims padded on the left with 1s to `rank` (empty if unknown).
std::vector<int64_t> paddedDims(NodeContext &c, int k, int64_t rank) {
  std::string name = inputName(c.node, k);
  std::vector<int64_t> dims;
  if (Value v = c.g.computed(name)) dims = dimsOf(v);
  else if (const ConstTensor *t = c.g.constant(name)) dims = t->dims;
  else return {};
  if (int64_t(dims.size()) > rank) return {};
  dims.insert(dims.begin(), size_t(rank - int64_t(dims.size())), 1);
  return dims;
}

template <typename OpT> bool importBinary(NodeContext &c) {
  if (c.node.input_size() != 2) return c.fail("it needs two inputs");
  int64_t rank = std::max<int64_t>({inputRank(c, 0), inputRank(c, 1), 1});
  std::vector<int64_t> d0 = paddedDims(c, 0, rank), d1 = paddedDims(c, 1, rank);
  Value a, b;
  if (!c.g.operand(c, 0, a, rank, &d1) || !c.g.operand(c, 1, b, rank, &d0)) return false;
  std::vector<int64_t> da = dimsOf(a), db = dimsOf(b), yd(rank);
  for (int64_t k = 0; k < rank; ++k) {
    if (da[k] == 1) yd[k] = db[k];
    else if (db[k] == 1) yd[k] = da[k];
    else if (da[k] == kDyn) yd[k] = db[k];
    else if (db[k] == kDyn || da[k] == db[k]) yd[k] = da[k];
    else
      return c.fail("its inputs' shapes " + dimsString(da) + " and " + dimsString(db) +
                    " do not broadcast");
  }
  return defineOutput(c, c.g.builder().create<OpT>(c.loc(), c.g.tensorType(yd), a, b));
}

bool importClip(NodeContext &c) {
  Value x;
  if (!c.g.operand(c, 0, x)) return false;
  double lo = -std::numeric_limits<double>::infinity(), hi = -lo;
  if (c.version < 11) {
    lo = floatAttribute(c.node, "min", -FLT_MAX);
    hi = floatAttribute(c.node, "max", FLT_MAX);
  } else {
    for (int k = 1; k <= 2; ++k) {
      std::string name = inputName(c.node, k);
      if (name.empty()) continue;
      const ConstTensor *t = c.g.constant(name);
      if (!t || t->numElements() != 1 || t->anySymbolic())
        return c.fail("its " + std::string(k == 1 ? "min" : "max") + " must be a known scalar");
      (k == 1 ? lo : hi) = t->at(0);
    }
  }
  if (lo > hi)
    return c.fail("its min " + std::to_string(lo) + " is greater than its max " + std::to_string(hi));
  return defineOutput(c, c.g.builder().create<ClampOp>(c.loc(), x.getType(), x, f32(c, lo), f32(c, hi)));
}

bool importIdentity(NodeContext &c) {
  Value x;
  if (!c.g.operand(c, 0, x)) return false;
  return defineOutput(c, x);
}

// --- reshapes of computed values --------------------------------------------

bool importReshapeLike(NodeContext &c) {
  Value x;
  if (!c.g.operand(c, 0, x)) return false;
  const std::string op = c.node.op_type();
  const std::string xName = inputName(c.node, 0);
  std::vector<int64_t> dims = dimsOf(x), target;
  int64_t rank = dims.size();
  auto knownAxes = [&](std::vector<int64_t> &axes) {
    if (c.version >= 13) {
      std::string name = inputName(c.node, 1);
      if (name.empty()) return true;
      const ConstTensor *t = c.g.constant(name);
      if (!t || t->isFloat() || t->anySymbolic()) return c.fail("its axes must be known integers");
      axes.assign(t->ints.begin(), t->ints.end());
      return true;
    }
    axes = intsAttribute(c.node, "axes").value_or(std::vector<int64_t>{});
    return true;
  };
  if (op == "Unsqueeze") {
    std::vector<int64_t> axes;
    if (!knownAxes(axes)) return false;
    int64_t outRank = rank + axes.size();
    for (int64_t &a : axes) {
      if (a < -outRank || a >= outRank) return c.fail("an axis is out of range");
      if (a < 0) a += outRank;
    }
    std::sort(axes.begin(), axes.end());
    if (std::adjacent_find(axes.begin(), axes.end()) != axes.end())
      return c.fail("its axes repeat an axis");
    target = dims;
    for (int64_t a : axes) target.insert(target.begin() + a, 1);
  } else if (op == "Squeeze") {
    std::vector<int64_t> axes;
    if (!knownAxes(axes)) return false;
    std::vector<bool> drop(rank, false);
    for (int64_t a : axes) {
      if (a < -rank || a >= rank) return c.fail("an axis is out of range");
      drop[a < 0 ? a + rank : a] = true;
    }
    for (int64_t k = 0; k < rank; ++k) {
      bool squeeze = axes.empty() ? dims[k] == 1 : drop[k];
      if (squeeze && dims[k] != 1)
        return c.fail("it squeezes dimension " + std::to_string(k) + ", which is not known to be 1");
      if (!squeeze) target.push_back(dims[k]);
    }
  } else { // Reshape
    const ConstTensor *s = c.g.constant(inputName(c.node, 1));
    if (!s || s->isFloat()) return c.fail("its shape must be a known int64 tensor");
    bool allowZero = c.version >= 14 && intAttribute(c.node, "allowzero", 0) != 0;
    int64_t inferAt = -1;
    // origin[k]: the input dimension target entry k copies (a 0 entry, a
    // symbol from Shape(x), the inferred -1), or -1 for a plain number. A
    // dynamic dimension is only known to be kept if it is carried this way.
    std::vector<int64_t> origin;
    for (int64_t k = 0; k < s->numElements(); ++k) {
      if (s->isSymbolic(k)) {
        int32_t id = s->symbols[k];
        if (id < 0)
          return c.fail("its shape holds arithmetic on a dynamic dimension, which has no value "
                        "at import time");
        const DimSymbol &sym = c.g.symbol(id);
        if (sym.value != xName || sym.dim < 0 || sym.dim >= rank)
          return c.fail("its shape holds a dynamic dimension that is not one of its input's own");
        target.push_back(dims[sym.dim]);
        origin.push_back(sym.dim);
        continue;
      }
      int64_t v = s->ints[k];
      if (v == 0 && !allowZero) {
        if (k >= rank) return c.fail("its shape copies a dimension its input does not have");
        target.push_back(dims[k]);
        origin.push_back(k);
      } else if (v == -1 && inferAt < 0) {
        inferAt = k;
        target.push_back(-1);
        origin.push_back(-1);
      } else if (v < 0) {
        return c.fail("its shape has an invalid entry " + std::to_string(v));
      } else {
        target.push_back(v);
        origin.push_back(-1);
      }
    }
    if (inferAt >= 0) {
      // -1 stands for the one non-unit input dimension the others leave.
      std::vector<int64_t> in, out;
      for (int64_t d : dims)
        if (d != 1) in.push_back(d);
      int64_t before = 0;
      for (int64_t k = 0; k < int64_t(target.size()); ++k)
        if (k != inferAt && target[k] != 1) {
          out.push_back(target[k]);
          if (k < inferAt) ++before;
        }
      std::vector<int64_t> inIndex;
      for (int64_t d = 0; d < rank; ++d)
        if (dims[d] != 1) inIndex.push_back(d);
      if (in.size() == out.size() + 1) {
        std::vector<int64_t> rest = in;
        rest.erase(rest.begin() + before);
        if (rest == out) {
          target[inferAt] = in[before];
          origin[inferAt] = inIndex[before];
        }
      } else if (in.size() == out.size() && in == out) {
        target[inferAt] = 1;
      }
      if (target[inferAt] == -1)
        return c.fail(op + " from " + dimsString(dims) + " to " + dimsString(target) +
                      " (-1: inferred) splits or merges dimensions; normc's kernels take "
                      "reshapes that only insert or remove unit dimensions (PyTorch's "
                      "GroupNorm export is recognized whole)");
    }
    // The non-unit dimensions, in order, must be the input's: a dynamic one
    // carried from that very input dimension, a static one equal.
    std::vector<int64_t> src, dst;
    for (int64_t d = 0; d < rank; ++d)
      if (dims[d] != 1) src.push_back(d);
    for (int64_t k = 0; k < int64_t(target.size()); ++k)
      if (target[k] != 1) dst.push_back(k);
    bool kept = src.size() == dst.size();
    for (size_t i = 0; kept && i < src.size(); ++i)
      kept = dims[src[i]] == kDyn ? origin[dst[i]] == src[i] : target[dst[i]] == dims[src[i]];
    if (!kept)
      return c.fail(op + " from " + dimsString(dims) + " to " + dimsString(target) +
                    " splits, merges or reorders dimensions; normc's kernels take reshapes that "
                    "only insert or remove unit dimensions (PyTorch's GroupNorm export is "
                    "recognized whole)");
  }
  Value y = c.g.reshapeUnitDims(x, target);
  if (!y)
    return c.fail(op + " from " + dimsString(dims) + " to " + dimsString(target) +
                  " splits or merges dimensions; normc's kernels take reshapes that only insert "
                  "or remove unit dimensions (PyTorch's GroupNorm export is recognized whole)");
  return defineOutput(c, y);
}

} // namespace

const std::vector<OpInfo> &onnxOpTable() {
  static const std::vector<OpInfo> table = {
      // Normalizations.
      {"InstanceNormalization", {6}, importInstanceNorm, "rank 3-5"},
      {"BatchNormalization", {9, 14, 15}, importBatchNorm,
       "inference, and training_mode (ONNX's running-statistics convention: biased variance, "
       "momentum on the old value); rank 2-5"},
      {"LayerNormalization", {17}, importLayerNorm,
       "any axis, negative too; Scale and B broadcast to the normalized shape; the Mean and "
       "InvStdDev outputs too"},
      {"GroupNormalization", {18, 21}, importGroupNorm,
       "18: per-group scale and bias (expanded per channel); 21: per-channel"},
      // Convolution, padding, resizing.
      {"Conv", {1, 11}, importConv,
       "2-D (4-D tensors): pads, strides, dilations, group, auto_pad"},
      {"ConvTranspose", {1, 11}, importConvTranspose,
       "2-D, known weights: zero insertion and a convolution with the flipped weights "
       "(<name>_as_conv in the weights file); pads, strides, dilations, group, output_padding, "
       "output_shape, auto_pad"},
      {"Pad", {2, 11, 13, 18, 19, 21}, importPad,
       "reflect, edge and constant 0; known pads (and axes); no negative pads"},
      {"Resize", {10, 11, 13, 18, 19}, importResize,
       "integer scales (or sizes that are multiples); nearest (coordinate modes that pick "
       "floor(i / s)) and linear (half_pixel, pytorch_half_pixel)"},
      {"Upsample", {7, 9}, importResize, "nearest, integer scales"},
      // Elementwise.
      {"Relu", {6, 13, 14}, importActivation<ReluOp>, ""},
      {"LeakyRelu", {6, 16}, importLeakyRelu, ""},
      {"Sigmoid", {6, 13}, importActivation<SigmoidOp>, ""},
      {"Tanh", {6, 13}, importActivation<TanhOp>, ""},
      {"Gelu", {20}, importGelu, "approximate none or tanh"},
      {"Add", {7, 13, 14}, importBinary<AddOp>, "numpy broadcasting"},
      {"Sub", {7, 13, 14}, importBinary<SubOp>, "numpy broadcasting"},
      {"Mul", {7, 13, 14}, importBinary<MulOp>, "numpy broadcasting"},
      {"Div", {7, 13, 14}, importBinary<DivOp>, "numpy broadcasting"},
      {"Clip", {6, 11, 12, 13}, importClip, "known min and max"},
      {"Identity", {1, 13, 14, 16, 19, 21}, importIdentity, ""},
      {"Reshape", {5, 13, 14, 19, 21}, importReshapeLike,
       "of computed tensors: only inserting or removing unit dimensions"},
      {"Unsqueeze", {1, 11, 13, 21}, importReshapeLike, ""},
      {"Squeeze", {1, 11, 13, 21}, importReshapeLike, ""},
      // Known values only: shape arithmetic, evaluated at import time.
      {"Constant", {1, 9, 11, 12, 13, 19, 21}, nullptr, "tensor, float(s) and int(s) values"},
      {"Shape", {1, 13, 15, 19, 21}, nullptr, "of any tensor; dynamic dimensions stay symbolic"},
      {"Cast", {6, 9, 13, 19, 21}, nullptr, "evaluated at import time"},
      {"Gather", {1, 11, 13}, nullptr, "evaluated at import time"},
      {"Concat", {4, 11, 13}, nullptr, "evaluated at import time"},
      {"Slice", {1, 10, 11, 13}, nullptr, "evaluated at import time"},
      {"Transpose", {1, 13, 21}, nullptr, "evaluated at import time"},
      {"ConstantOfShape", {9, 20, 21}, nullptr, "evaluated at import time"},
      {"Range", {11}, nullptr, "evaluated at import time"},
      {"Expand", {8, 13}, nullptr, "evaluated at import time"},
      {"Equal", {7, 11, 13, 19}, nullptr, "evaluated at import time"},
      {"Where", {9, 16}, nullptr, "evaluated at import time"},
      {"Neg", {6, 13}, nullptr, "evaluated at import time"},
      {"Abs", {6, 13}, nullptr, "evaluated at import time"},
      {"Sqrt", {6, 13}, nullptr, "evaluated at import time; in the LayerNorm pattern"},
      {"Pow", {7, 12, 13, 15}, nullptr, "evaluated at import time; in the LayerNorm pattern"},
      {"Reciprocal", {6, 13}, nullptr, "evaluated at import time"},
      {"Floor", {6, 13}, nullptr, "evaluated at import time"},
      {"Ceil", {6, 13}, nullptr, "evaluated at import time"},
      {"Min", {8, 12, 13}, nullptr, "evaluated at import time"},
      {"Max", {8, 12, 13}, nullptr, "evaluated at import time"},
      // Inside recognized patterns only (Patterns.cpp).
      {"ReduceMean", {1, 11, 13, 18}, nullptr, "in the LayerNorm and AdaIN patterns only"},
      {"ReduceProd", {1, 11, 13, 18}, nullptr, "evaluated at import time (over all axes); in the AdaIN pattern"},
      {"Erf", {9, 13}, nullptr, "in the GELU pattern only"},
  };
  return table;
}

} // namespace normc::onnx_import
