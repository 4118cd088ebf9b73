//===- OnnxImporter.cpp - ONNX models to norm IR ---------------------------===//
#include "importers/onnx/OnnxImporter.h"

#include "dialect/ExportedNames.h"
#include "importers/onnx/GraphImporter.h"
#include "importers/onnx/OnnxProto.h"

#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"

#include <google/protobuf/io/coded_stream.h>

namespace normc {

namespace {

/// The newest default-domain opset whose ops the table describes.
constexpr int64_t kNewestOpset = 21;
/// Models larger than this are refused before parsing (protobuf's own
/// limit is 2 GiB; normc's tensors are at most 2^31 - 1 bytes each).
constexpr uint64_t kMaxModelBytes = uint64_t(2) << 30;

std::string functionNameFor(llvm::StringRef path) {
  return onnx_import::identifierFrom(llvm::sys::path::stem(path).str(), /*function=*/true,
                                     "model_", "onnx_model");
}

} // namespace

bool isOnnxPath(llvm::StringRef path) { return path.ends_with(".onnx"); }

bool importOnnxModel(llvm::StringRef path, mlir::MLIRContext &context,
                     const OnnxImportOptions &options, ImportedOnnxModel &result,
                     std::string &error) {
  const std::string file = path.str();
  auto fail = [&](const std::string &message) {
    error = file + ": " + message;
    return false;
  };
  auto buffer = llvm::MemoryBuffer::getFileOrSTDIN(path, /*IsText=*/false);
  if (!buffer) return fail("cannot read the file: " + buffer.getError().message());
  if ((*buffer)->getBufferSize() >= kMaxModelBytes)
    return fail("the model is 2 GiB or larger, which the importer does not read");
  onnx::ModelProto model;
  google::protobuf::io::CodedInputStream stream(
      reinterpret_cast<const uint8_t *>((*buffer)->getBufferStart()),
      int((*buffer)->getBufferSize()));
  stream.SetRecursionLimit(64); // nested graphs (If, Loop) are not imported
  if (!model.ParseFromCodedStream(&stream) || !stream.ConsumedEntireMessage())
    return fail("not an ONNX model (the protobuf does not parse: truncated or another format)");
  if (!model.has_graph()) return fail("the model has no graph");
  int64_t opset = 0;
  for (const auto &imp : model.opset_import())
    if (imp.domain().empty() || imp.domain() == "ai.onnx") opset = imp.version();
  if (opset == 0 && model.ir_version() < 3) opset = 1; // before opset_import existed
  if (opset <= 0) return fail("the model imports no opset of the default ONNX domain");
  if (opset > kNewestOpset)
    return fail("the model uses opset " + std::to_string(opset) + "; the importer knows opsets up to " +
                std::to_string(kNewestOpset));
  if (model.functions_size())
    return fail("the model defines local functions, which the importer does not expand");
  std::string name = options.functionName.empty() ? functionNameFor(path) : options.functionName;
  if (std::string why = exportedNameProblem(name, ExportedNameKind::Function); !why.empty())
    return fail("the function name '" + name + "' " + why);
  onnx_import::GraphImporter importer(context, model, file, opset);
  std::string why;
  if (!importer.run(name, result, why)) return fail(why);
  return true;
}

std::string describeOnnxOps(bool markdown) {
  std::string out;
  if (markdown) out += "| Op | Versions | Imported as / note |\n|---|---|---|\n";
  for (const onnx_import::OpInfo &op : onnx_import::onnxOpTable()) {
    std::string versions;
    for (int64_t v : op.versions) versions += (versions.empty() ? "" : ", ") + std::to_string(v);
    std::string note = op.note;
    if (markdown)
      out += "| " + std::string(op.name) + " | " + versions + " | " + note + " |\n";
    else
      out += "  " + std::string(op.name) + " (versions " + versions + ")" +
             (note.empty() ? "" : ": " + note) + "\n";
  }
  return out;
}

} // namespace normc
