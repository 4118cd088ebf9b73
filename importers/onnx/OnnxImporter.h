//===- OnnxImporter.h - ONNX models to norm IR -----------------------------===//
//
// The public entry of the importer: reads an ONNX model file and builds one
// func.func of norm ops. Graph inputs become the function's first arguments;
// initializers (and other constant tensors) that computations read become
// further arguments, whose values are returned here for the weights file;
// constants whose elements are all equal, and every shape, axis, pad and
// scale, are folded into the IR. See docs/onnx.md.
//
//===----------------------------------------------------------------------===//
#ifndef NORMC_IMPORTERS_ONNX_ONNXIMPORTER_H_
#define NORMC_IMPORTERS_ONNX_ONNXIMPORTER_H_

#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/IR/OwningOpRef.h"
#include "llvm/ADT/StringRef.h"

#include <cstdint>
#include <string>
#include <vector>

namespace normc {

/// A weight argument's value: what the weights file holds for it.
struct OnnxWeight {
  std::string name;          // the argument's norm.name
  std::string onnxName;      // the ONNX value it came from
  std::vector<int64_t> shape;
  std::vector<float> data;   // row-major
};

struct ImportedOnnxModel {
  mlir::OwningOpRef<mlir::ModuleOp> module;
  std::string functionName;
  std::vector<OnnxWeight> weights;
};

struct OnnxImportOptions {
  /// The function's name; empty: the file's stem (made a valid name).
  std::string functionName;
};

/// Imports the model at `path`. On failure returns false with `error`, one
/// line naming the file and, where one is at fault, the node, its op type
/// and opset: "m.onnx: node '/conv1/Conv' (Conv, opset 13): ...".
bool importOnnxModel(llvm::StringRef path, mlir::MLIRContext &context,
                     const OnnxImportOptions &options, ImportedOnnxModel &result,
                     std::string &error);

/// Whether `path` names an ONNX model (by its extension, .onnx).
bool isOnnxPath(llvm::StringRef path);

/// The ONNX ops the importer takes: "Op: versions; note" lines, or a
/// markdown table (docs/onnx.md holds it).
std::string describeOnnxOps(bool markdown);

} // namespace normc

#endif // NORMC_IMPORTERS_ONNX_ONNXIMPORTER_H_
