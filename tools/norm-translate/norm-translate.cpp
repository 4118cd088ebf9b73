//===- norm-translate.cpp - other formats to norm IR -----------------------===//
//
// norm-translate --import-onnx model.onnx [-o out.mlir] [--weights=w.bin]
//
// Prints the norm IR the ONNX importer makes of a model, before normc's
// passes (what `normc model.onnx` compiles), and optionally writes its
// weights file. For lit tests and for reading what an import did.
//
//===----------------------------------------------------------------------===//
#include "dialect/NormDialect.h"
#include "importers/onnx/OnnxImporter.h"
#include "importers/onnx/WeightsFile.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/Verifier.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/ToolOutputFile.h"
#include "mlir/Support/FileUtilities.h"

using namespace mlir;
namespace cl = llvm::cl;

namespace {
cl::OptionCategory category("norm-translate options");
cl::opt<std::string> inputFile(cl::Positional, cl::desc("<model.onnx>"), cl::cat(category));
cl::opt<bool> importOnnx("import-onnx",
                         cl::desc("Import an ONNX model (the only translation so far)"),
                         cl::cat(category));
cl::opt<std::string> outputFile("o", cl::desc("Output file (default: stdout)"),
                                cl::value_desc("file"), cl::init("-"), cl::cat(category));
cl::opt<std::string> weightsFile(
    "weights", cl::desc("Also write the model's weights (NORMCW1 format) to this file"),
    cl::value_desc("file"), cl::init(""), cl::cat(category));
cl::opt<std::string> functionName(
    "function", cl::desc("Name of the imported function (default: the file's stem)"),
    cl::value_desc("name"), cl::init(""), cl::cat(category));
cl::opt<bool> listOps("list-onnx-ops", cl::desc("Print the ONNX ops the importer takes and exit"),
                      cl::cat(category));
} // namespace

int main(int argc, char **argv) {
  llvm::InitLLVM init(argc, argv);
  cl::HideUnrelatedOptions(category);
  cl::ParseCommandLineOptions(argc, argv,
                              "norm-translate: other formats to norm IR\n\n"
                              "  norm-translate --import-onnx model.onnx -o model.mlir\n");
  auto fail = [](const std::string &m) {
    llvm::errs() << "norm-translate: error: " << m << "\n";
    return 1;
  };
  if (listOps) {
    llvm::outs() << normc::describeOnnxOps(false);
    return 0;
  }
  if (!importOnnx) return fail("choose a translation: --import-onnx");
  if (inputFile.empty()) return fail("no input file");
  DialectRegistry registry;
  registry.insert<normc::norm::NormDialect, func::FuncDialect, arith::ArithDialect,
                  tensor::TensorDialect>();
  MLIRContext context(registry);
  context.loadAllAvailableDialects();
  normc::ImportedOnnxModel model;
  normc::OnnxImportOptions options;
  options.functionName = functionName;
  std::string error;
  if (!normc::importOnnxModel(inputFile, context, options, model, error)) return fail(error);
  if (failed(verify(*model.module))) return 1; // diagnostics name the node
  std::string openError;
  auto out = openOutputFile(outputFile, &openError);
  if (!out) return fail(openError);
  model.module->print(out->os());
  if (!weightsFile.empty() && !normc::writeWeightsFile(weightsFile, model.weights, error))
    return fail(error);
  out->keep();
  return 0;
}
