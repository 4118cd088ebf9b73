//===- NodeAttributes.cpp - typed access to an ONNX node's attributes ------===//
#include "importers/onnx/NodeAttributes.h"

namespace normc::onnx_import {

const onnx::AttributeProto *findAttribute(const onnx::NodeProto &node, const std::string &name) {
  for (const auto &a : node.attribute())
    if (a.name() == name)
      return &a;
  return nullptr;
}

int64_t intAttribute(const onnx::NodeProto &node, const std::string &name, int64_t otherwise) {
  const auto *a = findAttribute(node, name);
  return a ? a->i() : otherwise;
}

float floatAttribute(const onnx::NodeProto &node, const std::string &name, float otherwise) {
  const auto *a = findAttribute(node, name);
  return a ? a->f() : otherwise;
}

std::string stringAttribute(const onnx::NodeProto &node, const std::string &name,
                            const std::string &otherwise) {
  const auto *a = findAttribute(node, name);
  return a ? a->s() : otherwise;
}

std::optional<std::vector<int64_t>> intsAttribute(const onnx::NodeProto &node,
                                                  const std::string &name) {
  const auto *a = findAttribute(node, name);
  if (!a)
    return std::nullopt;
  return std::vector<int64_t>(a->ints().begin(), a->ints().end());
}

std::optional<std::vector<float>> floatsAttribute(const onnx::NodeProto &node,
                                                  const std::string &name) {
  const auto *a = findAttribute(node, name);
  if (!a)
    return std::nullopt;
  return std::vector<float>(a->floats().begin(), a->floats().end());
}

} // namespace normc::onnx_import
