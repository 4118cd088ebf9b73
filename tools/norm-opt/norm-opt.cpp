//===- norm-opt.cpp - the normc IR driver for lit tests -------------------===//
//
// Parses norm IR, runs the passes named on the command line, prints the result.
// Registers only the dialects normc IR uses.
//
//===----------------------------------------------------------------------===//
#include "dialect/NormDialect.h"
#include "passes/Passes.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/DialectRegistry.h"
#include "mlir/Tools/mlir-opt/MlirOptMain.h"
#include "mlir/Transforms/Passes.h"

int main(int argc, char **argv) {
  mlir::DialectRegistry registry;
  registry.insert<normc::norm::NormDialect, mlir::func::FuncDialect,
                  mlir::arith::ArithDialect, mlir::tensor::TensorDialect>();
  normc::registerAllNormcPasses();
  mlir::registerCanonicalizerPass();
  mlir::registerCSEPass();
  return mlir::asMainReturnCode(mlir::MlirOptMain(
      argc, argv, "norm-opt: run normc passes on norm IR\n", registry));
}
