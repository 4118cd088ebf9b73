//===- Algorithm.h - one algorithm builder per op (no schedules) ----------===//
#ifndef NORMC_HALIDE_GEN_ALGORITHM_H_
#define NORMC_HALIDE_GEN_ALGORITHM_H_

#include "Lowering.h"
#include "dialect/NormOps.h"

namespace normc {

/// A short description of where `op` is, for runtime error messages:
/// "norm.modulate at file.mlir:12:5".
std::string describeOp(mlir::Operation *op);

HTensor buildMoments(normc::norm::MomentsOp op, const HTensor &x,
                     LoweredKernel &kernel, StatsStrategy strategy,
                     HTensor &rstdOut);
HTensor buildModulate(normc::norm::ModulateOp op,
                      llvm::DenseMap<mlir::Value, HTensor> &values,
                      LoweredKernel &kernel);
/// relu, leaky_relu, silu, gelu, sigmoid, tanh, reciprocal, sqrt, clamp;
/// returns false for other ops.
bool buildActivation(mlir::Operation *op, const HTensor &x, HTensor &out);
/// norm.matmul: a reduction over the contracted dimension.
HTensor buildMatmul(normc::norm::MatmulOp op, const HTensor &lhs,
                    const HTensor &rhs, LoweredKernel &kernel);
/// norm.add / norm.mul with broadcasting.
HTensor buildBinary(mlir::Operation *op, const HTensor &a, const HTensor &b,
                    LoweredKernel &kernel);
HTensor buildExpandShape(mlir::tensor::ExpandShapeOp op, const HTensor &src);
/// Collapses that only remove unit dimensions.
HTensor buildCollapseShape(mlir::tensor::CollapseShapeOp op, const HTensor &src);
/// Splat tensor constants; returns false (no diagnostic) for other constants.
bool buildSplatConstant(mlir::arith::ConstantOp op, HTensor &out);

/// norm.conv2d; `bias` may be null. `inputIsArgument`: x is a function
/// argument (no producer to stage).
HTensor buildConv2D(normc::norm::Conv2DOp op, const HTensor &x, const HTensor &w,
                    const HTensor *bias, bool inputIsArgument,
                    LoweredKernel &kernel);
HTensor buildPad(normc::norm::PadOp op, const HTensor &x, LoweredKernel &kernel);
HTensor buildUpsample(normc::norm::UpsampleOp op, const HTensor &x);

/// Adds a runtime requirement that `a == b` unless Halide can already see it.
void requireEqual(LoweredKernel &kernel, const Halide::Expr &a,
                  const Halide::Expr &b, std::vector<Halide::Expr> message);

} // namespace normc

#endif // NORMC_HALIDE_GEN_ALGORITHM_H_
