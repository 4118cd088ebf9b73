//===- norm-opt.cpp - the normc IR driver for lit tests -------------------===//
//
// Parses norm IR, runs the passes named on the command line, prints the result.
// Registers only the dialects normc IR uses. The input is checked before
// MLIR parses it (no NUL byte, bounded nesting: dialect/InputText.h), so
// this is MlirOptMain's flow with that check in the middle.
//
//===----------------------------------------------------------------------===//
#include "dialect/InputText.h"
#include "dialect/NormDialect.h"
#include "passes/Passes.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/DialectRegistry.h"
#include "mlir/Support/FileUtilities.h"
#include "mlir/Tools/mlir-opt/MlirOptMain.h"
#include "mlir/Transforms/Passes.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/ToolOutputFile.h"
#include "llvm/Support/raw_ostream.h"

int main(int argc, char **argv) {
  llvm::InitLLVM init(argc, argv);
  mlir::DialectRegistry registry;
  registry.insert<normc::norm::NormDialect, mlir::func::FuncDialect,
                  mlir::arith::ArithDialect, mlir::tensor::TensorDialect>();
  normc::registerAllNormcPasses();
  mlir::registerCanonicalizerPass();
  mlir::registerCSEPass();
  auto [inputFile, outputFile] = mlir::registerAndParseCLIOptions(
      argc, argv, "norm-opt: run normc passes on norm IR\n", registry);
  mlir::MlirOptMainConfig config = mlir::MlirOptMainConfig::createFromCLOptions();
  if (config.shouldShowDialects()) {
    for (llvm::StringRef name : registry.getDialectNames())
      llvm::outs() << name << "\n";
    return 0;
  }
  std::string error;
  std::unique_ptr<llvm::MemoryBuffer> input = mlir::openInputFile(inputFile, &error);
  if (!input) {
    llvm::errs() << "norm-opt: error: " << error << "\n";
    return 1;
  }
  if (!normc::checkInputText(*input))
    return 1;
  std::unique_ptr<llvm::ToolOutputFile> output = mlir::openOutputFile(outputFile, &error);
  if (!output) {
    llvm::errs() << "norm-opt: error: " << error << "\n";
    return 1;
  }
  if (mlir::failed(mlir::MlirOptMain(output->os(), std::move(input), registry, config)))
    return 1;
  output->keep();
  return 0;
}
