//===- ConstTensor.h - ONNX values known at import time --------------------===//
//
// The importer evaluates every ONNX value that does not depend on a graph
// input's data: initializers, Constant nodes and the shape arithmetic that
// exporters emit around them (Shape -> Gather -> Concat -> Reshape, ...).
// Such a value is a ConstTensor. Integer entries may stand for a dynamic
// dimension of a computed tensor (Shape of a 1x3x?x? image), so that
// `Reshape(y, Shape(x))` still resolves to "the shape of x".
//
//===----------------------------------------------------------------------===//
#ifndef NORMC_IMPORTERS_ONNX_CONSTTENSOR_H_
#define NORMC_IMPORTERS_ONNX_CONSTTENSOR_H_

#include <cstdint>
#include <string>
#include <vector>

namespace onnx {
class TensorProto;
}

namespace normc::onnx_import {

/// An integer entry that is not a number but dimension `dim` of the computed
/// value `value` (an ONNX value name). Arithmetic on such an entry has no
/// symbol (ConstTensor::kDerivedSymbol).
struct DimSymbol {
  std::string value;
  int64_t dim = -1;
  bool operator==(const DimSymbol &o) const { return value == o.value && dim == o.dim; }
};

struct ConstTensor {
  enum class Kind { Float, Int };
  Kind kind = Kind::Float;
  /// The ONNX element type (TensorProto_DataType) the value has: Cast and
  /// the type checks of consumers look at it; the data is held widened.
  int32_t onnxType = 1;
  std::vector<int64_t> dims;
  std::vector<double> floats; // Kind::Float
  std::vector<int64_t> ints;  // Kind::Int (bool too)
  /// Empty, or one entry per element of `ints`: -1 for a known number,
  /// kDerivedSymbol for arithmetic on a dynamic dimension (no value), else an
  /// index into the importer's DimSymbol table.
  std::vector<int32_t> symbols;
  static constexpr int32_t kDerivedSymbol = -2;

  int64_t numElements() const;
  bool isFloat() const { return kind == Kind::Float; }
  double at(int64_t i) const { return isFloat() ? floats[i] : double(ints[i]); }
  bool isSymbolic(int64_t i) const { return !symbols.empty() && symbols[i] != -1; }
  bool anySymbolic() const;
  /// Every element equal (and known): such constants are folded into the
  /// generated code instead of becoming weights.
  bool isSplat() const;

  static ConstTensor floatTensor(std::vector<int64_t> dims, std::vector<double> values);
  static ConstTensor intTensor(std::vector<int64_t> dims, std::vector<int64_t> values);
};

/// `c` broadcast (numpy rules, right-aligned) to `dims`, all known; false
/// when its dims do not broadcast there.
bool broadcastConstant(const ConstTensor &c, const std::vector<int64_t> &dims, ConstTensor &out);

/// The ONNX element type's name ("float", "int64", ...) for messages.
std::string onnxTypeName(int32_t onnxType);

/// Reads an initializer or a Constant's tensor. Supports float, double,
/// float16, the integer types and bool, in typed fields or raw_data; data
/// stored outside the file (external_data) is an error.
bool readTensorProto(const onnx::TensorProto &proto, ConstTensor &out, std::string &error);

} // namespace normc::onnx_import

#endif // NORMC_IMPORTERS_ONNX_CONSTTENSOR_H_
