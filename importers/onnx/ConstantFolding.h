//===- ConstantFolding.h - evaluating ONNX nodes at import time ------------===//
//
// Exporters compute shapes, pads and scales with small subgraphs (PyTorch
// 1.13's ReflectionPad2d: ConstantOfShape -> Concat -> Reshape -> Slice ->
// Transpose -> Reshape -> Cast feeding Pad's `pads`). The importer evaluates
// every node whose inputs are all known, so such inputs reach the op
// importers as plain numbers, i.e. static attributes of the norm ops.
//
//===----------------------------------------------------------------------===//
#ifndef NORMC_IMPORTERS_ONNX_CONSTANTFOLDING_H_
#define NORMC_IMPORTERS_ONNX_CONSTANTFOLDING_H_

#include "importers/onnx/ConstTensor.h"

#include <string>
#include <vector>

namespace onnx {
class NodeProto;
}

namespace normc::onnx_import {

/// Whether the importer can evaluate `opType` when its inputs are known.
bool isFoldableOp(const std::string &opType);

/// Evaluates `node` (opset `opset` of the default domain). `inputs[k]` is
/// input k, or null when the node omits it. Returns false with `error` (a
/// sentence about the node's inputs or attributes) when it cannot.
bool foldNode(const onnx::NodeProto &node, int64_t opset,
              const std::vector<const ConstTensor *> &inputs,
              std::vector<ConstTensor> &outputs, std::string &error);

} // namespace normc::onnx_import

#endif // NORMC_IMPORTERS_ONNX_CONSTANTFOLDING_H_
