//===- ConstTensor.cpp - ONNX values known at import time ------------------===//
#include "importers/onnx/ConstTensor.h"

#include "importers/onnx/OnnxProto.h"
#include "tuning/HalfBits.h"

#include <cmath>
#include <cstring>

namespace normc::onnx_import {

namespace {

/// Bytes per element in raw_data, or 0 for a type the importer cannot read.
size_t rawElementSize(int32_t t) {
  using P = onnx::TensorProto;
  switch (t) {
  case P::FLOAT: case P::INT32: case P::UINT32: return 4;
  case P::DOUBLE: case P::INT64: case P::UINT64: return 8;
  case P::INT16: case P::UINT16: case P::FLOAT16: case P::BFLOAT16: return 2;
  case P::INT8: case P::UINT8: case P::BOOL: return 1;
  default: return 0;
  }
}

bool isFloatType(int32_t t) {
  using P = onnx::TensorProto;
  return t == P::FLOAT || t == P::DOUBLE || t == P::FLOAT16 || t == P::BFLOAT16;
}

/// One little-endian element of raw data, widened.
template <typename T> T load(const char *p) {
  T v;
  std::memcpy(&v, p, sizeof(T));
  return v;
}

} // namespace

int64_t ConstTensor::numElements() const {
  int64_t n = 1;
  for (int64_t d : dims) n *= d;
  return n;
}

bool ConstTensor::anySymbolic() const {
  for (int32_t s : symbols)
    if (s != -1) return true;
  return false;
}

bool ConstTensor::isSplat() const {
  int64_t n = numElements();
  if (n == 0 || anySymbolic()) return false;
  for (int64_t k = 1; k < n; ++k)
    if (at(k) != at(0)) return false;
  return true;
}

ConstTensor ConstTensor::floatTensor(std::vector<int64_t> dims, std::vector<double> values) {
  ConstTensor t;
  t.kind = Kind::Float;
  t.onnxType = onnx::TensorProto::FLOAT;
  t.dims = std::move(dims);
  t.floats = std::move(values);
  return t;
}

ConstTensor ConstTensor::intTensor(std::vector<int64_t> dims, std::vector<int64_t> values) {
  ConstTensor t;
  t.kind = Kind::Int;
  t.onnxType = onnx::TensorProto::INT64;
  t.dims = std::move(dims);
  t.ints = std::move(values);
  return t;
}

bool broadcastConstant(const ConstTensor &c, const std::vector<int64_t> &dims, ConstTensor &out) {
  if (c.dims.size() > dims.size() || c.anySymbolic()) return false;
  size_t offset = dims.size() - c.dims.size();
  for (size_t k = 0; k < c.dims.size(); ++k)
    if (c.dims[k] != 1 && c.dims[k] != dims[offset + k]) return false;
  out = c;
  out.dims = dims;
  out.floats.clear();
  out.ints.clear();
  out.symbols.clear();
  int64_t n = out.numElements();
  std::vector<int64_t> idx(dims.size(), 0);
  for (int64_t e = 0; e < n; ++e) {
    int64_t flat = 0, stride = 1;
    for (int k = int(c.dims.size()) - 1; k >= 0; --k) {
      if (c.dims[k] != 1) flat += idx[offset + k] * stride;
      stride *= c.dims[k];
    }
    if (c.isFloat()) out.floats.push_back(c.floats[flat]);
    else out.ints.push_back(c.ints[flat]);
    for (int k = int(dims.size()) - 1; k >= 0; --k) {
      if (++idx[k] < dims[k]) break;
      idx[k] = 0;
    }
  }
  return true;
}

std::string onnxTypeName(int32_t t) {
  using P = onnx::TensorProto;
  switch (t) {
  case P::FLOAT: return "float";
  case P::UINT8: return "uint8";
  case P::INT8: return "int8";
  case P::UINT16: return "uint16";
  case P::INT16: return "int16";
  case P::INT32: return "int32";
  case P::INT64: return "int64";
  case P::STRING: return "string";
  case P::BOOL: return "bool";
  case P::FLOAT16: return "float16";
  case P::DOUBLE: return "double";
  case P::UINT32: return "uint32";
  case P::UINT64: return "uint64";
  case P::BFLOAT16: return "bfloat16";
  default: return "type " + std::to_string(t);
  }
}

bool readTensorProto(const onnx::TensorProto &proto, ConstTensor &out, std::string &error) {
  using P = onnx::TensorProto;
  const int32_t type = proto.data_type();
  if (proto.data_location() == P::EXTERNAL || proto.external_data_size()) {
    error = "its data is stored outside the model file (external_data), which "
            "the importer does not read";
    return false;
  }
  const size_t elementSize = rawElementSize(type);
  if (elementSize == 0) {
    error = "its element type " + onnxTypeName(type) + " is not supported";
    return false;
  }
  out = ConstTensor();
  out.onnxType = type;
  out.kind = isFloatType(type) ? ConstTensor::Kind::Float : ConstTensor::Kind::Int;
  // 2^31 elements at most: normc's tensors span at most 2^31 - 1 bytes.
  constexpr int64_t kMaxElements = int64_t(1) << 31;
  int64_t n = 1;
  for (int64_t d : proto.dims()) {
    if (d < 0) {
      error = "it has a negative dimension (" + std::to_string(d) + ")";
      return false;
    }
    out.dims.push_back(d);
    if (d && n > kMaxElements / d) {
      error = "it has more than 2^31 elements";
      return false;
    }
    n *= d;
  }
  auto put = [&](double v, int64_t i) {
    if (out.isFloat()) out.floats.push_back(v);
    else out.ints.push_back(i);
  };
  if (proto.has_raw_data()) {
    const std::string &raw = proto.raw_data();
    if (raw.size() != size_t(n) * elementSize) {
      error = "its raw_data holds " + std::to_string(raw.size()) + " bytes, its " +
              std::to_string(n) + " " + onnxTypeName(type) + " elements need " +
              std::to_string(size_t(n) * elementSize);
      return false;
    }
    for (int64_t k = 0; k < n; ++k) {
      const char *p = raw.data() + k * elementSize;
      switch (type) {
      case P::FLOAT: put(load<float>(p), 0); break;
      case P::DOUBLE: put(load<double>(p), 0); break;
      case P::FLOAT16: put(halfBitsToDouble(load<uint16_t>(p)), 0); break;
      case P::BFLOAT16: put(bfloat16BitsToDouble(load<uint16_t>(p)), 0); break;
      case P::INT64: put(0, load<int64_t>(p)); break;
      case P::UINT64: put(0, int64_t(load<uint64_t>(p))); break;
      case P::INT32: put(0, load<int32_t>(p)); break;
      case P::UINT32: put(0, load<uint32_t>(p)); break;
      case P::INT16: put(0, load<int16_t>(p)); break;
      case P::UINT16: put(0, load<uint16_t>(p)); break;
      case P::INT8: put(0, load<int8_t>(p)); break;
      case P::UINT8: put(0, load<uint8_t>(p)); break;
      case P::BOOL: put(0, load<uint8_t>(p) != 0); break;
      }
    }
    return true;
  }
  // Typed fields (ONNX's TensorProto documents which field holds which type).
  int64_t have = 0;
  switch (type) {
  case P::FLOAT:
    have = proto.float_data_size();
    for (float v : proto.float_data()) put(v, 0);
    break;
  case P::DOUBLE:
    have = proto.double_data_size();
    for (double v : proto.double_data()) put(v, 0);
    break;
  case P::INT64:
    have = proto.int64_data_size();
    for (int64_t v : proto.int64_data()) put(0, v);
    break;
  case P::UINT32: case P::UINT64:
    have = proto.uint64_data_size();
    for (uint64_t v : proto.uint64_data()) put(0, int64_t(v));
    break;
  default: // int32_data: the small integer types, bool, float16, bfloat16
    have = proto.int32_data_size();
    for (int32_t v : proto.int32_data()) {
      if (type == P::FLOAT16) put(halfBitsToDouble(uint16_t(v)), 0);
      else if (type == P::BFLOAT16) put(bfloat16BitsToDouble(uint16_t(v)), 0);
      else put(0, type == P::BOOL ? (v != 0) : v);
    }
    break;
  }
  if (have != n) {
    error = "it holds " + std::to_string(have) + " values for " + std::to_string(n) +
            " elements";
    return false;
  }
  return true;
}

} // namespace normc::onnx_import
