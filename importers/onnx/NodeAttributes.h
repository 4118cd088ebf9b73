//===- NodeAttributes.h - typed access to an ONNX node's attributes --------===//
#ifndef NORMC_IMPORTERS_ONNX_NODEATTRIBUTES_H_
#define NORMC_IMPORTERS_ONNX_NODEATTRIBUTES_H_

#include "importers/onnx/OnnxProto.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace normc::onnx_import {

/// The attribute `name` of `node`, or null.
const onnx::AttributeProto *findAttribute(const onnx::NodeProto &node, const std::string &name);

int64_t intAttribute(const onnx::NodeProto &node, const std::string &name, int64_t otherwise);
float floatAttribute(const onnx::NodeProto &node, const std::string &name, float otherwise);
std::string stringAttribute(const onnx::NodeProto &node, const std::string &name,
                            const std::string &otherwise);
/// The ints of `name`, or nullopt when the node has no such attribute.
std::optional<std::vector<int64_t>> intsAttribute(const onnx::NodeProto &node,
                                                  const std::string &name);
std::optional<std::vector<float>> floatsAttribute(const onnx::NodeProto &node,
                                                  const std::string &name);

/// Input `k` of the node, or "" when absent (ONNX marks an omitted optional
/// input with an empty name).
inline std::string inputName(const onnx::NodeProto &node, int k) {
  return k < node.input_size() ? node.input(k) : std::string();
}
inline std::string outputName(const onnx::NodeProto &node, int k) {
  return k < node.output_size() ? node.output(k) : std::string();
}

} // namespace normc::onnx_import

#endif // NORMC_IMPORTERS_ONNX_NODEATTRIBUTES_H_
