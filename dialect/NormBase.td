//===- NormBase.td - norm dialect definition and shared constraints --------===//
//
// The `norm` dialect describes normalization operators (instance, group, layer
// norm and their family), the activations that usually follow them, and a
// small decomposed core (moments + modulate) that every variant lowers to.
//
//===----------------------------------------------------------------------===//

#ifndef NORMC_DIALECT_NORMBASE_TD
#define NORMC_DIALECT_NORMBASE_TD

include "mlir/IR/OpBase.td"
include "mlir/IR/AttrTypeBase.td"

def Norm_Dialect : Dialect {
  let name = "norm";
  let summary = "Normalization operators for the normc compiler";
  let description = [{
    Tensors are ranked and laid out NCHW: dimension 0 is the batch N,
    dimension 1 the channels C, the rest are spatial; ops with a channel
    dimension take `channels_last` for NHWC tensors ([N, spatial..., C]). Dimensions may be
    static or dynamic (`?`). Elements are f32, f16 or bf16; statistics are
    always f32.
  }];
  let cppNamespace = "::normc::norm";
  let dependentDialects = ["::mlir::tensor::TensorDialect",
                           "::mlir::arith::ArithDialect"];
}

class Norm_Op<string mnemonic, list<Trait> traits = []>
    : Op<Norm_Dialect, mnemonic, traits>;

// Element types: tensors of data (and their parameters) are f32, f16 or bf16;
// statistics are always f32 (f16 overflows in x^2 above |x| = 256). halide_gen
// computes every intermediate in f32 and rounds only the function results.
def Norm_F32Tensor : RankedTensorOf<[F32]>;
def Norm_FloatTensor : RankedTensorOf<[F32, F16, BF16]>;
def Norm_FloatVector : 1DTensorOf<[F32, F16, BF16]>;

def Norm_FloatPositive : AttrConstraint<
    CPred<"::llvm::cast<::mlir::FloatAttr>($_self).getValueAsDouble() > 0.0">,
    "whose value is positive">;

def Norm_FloatUnitInterval : AttrConstraint<
    CPred<"::llvm::cast<::mlir::FloatAttr>($_self).getValueAsDouble() >= 0.0 && "
          "::llvm::cast<::mlir::FloatAttr>($_self).getValueAsDouble() <= 1.0">,
    "whose value is in [0, 1]">;

def Norm_EpsilonAttr : ConfinedAttr<F32Attr, [Norm_FloatPositive]>;
def Norm_PositiveI64Attr : ConfinedAttr<I64Attr, [IntPositive]>;

#endif // NORMC_DIALECT_NORMBASE_TD
