//===- WeightsFile.cpp - the NORMCW1 weights file --------------------------===//
#include "importers/onnx/WeightsFile.h"

#include <cstdio>
#include <cstring>

namespace normc {

namespace {

// The format's limits (examples/style_transfer/README.md).
constexpr size_t kMaxTensors = 65536;
constexpr size_t kMaxRank = 8;

template <typename T> void putLE(std::string &out, T v) {
  unsigned char bytes[sizeof(T)];
  std::memcpy(bytes, &v, sizeof(T)); // x86-64 and AArch64 are little-endian
  out.append(reinterpret_cast<char *>(bytes), sizeof(T));
}

} // namespace

bool writeWeightsFile(const std::string &path, const std::vector<OnnxWeight> &weights,
                      std::string &error) {
  if (weights.size() > kMaxTensors) {
    error = "the model has " + std::to_string(weights.size()) +
            " weight tensors; the weights file holds at most 65536";
    return false;
  }
  std::string header("NORMCW1\0", 8);
  putLE<uint32_t>(header, uint32_t(weights.size()));
  FILE *f = std::fopen(path.c_str(), "wb");
  if (!f) {
    error = "cannot write '" + path + "': " + std::strerror(errno);
    return false;
  }
  bool ok = std::fwrite(header.data(), 1, header.size(), f) == header.size();
  for (const OnnxWeight &w : weights) {
    if (!ok) break;
    if (w.name.empty() || w.name.size() > 65535 || w.shape.empty() ||
        w.shape.size() > kMaxRank) {
      error = "weight '" + w.name + "' cannot be stored (name of 1..65535 bytes, rank 1..8)";
      std::fclose(f);
      return false;
    }
    std::string record;
    putLE<uint16_t>(record, uint16_t(w.name.size()));
    record += w.name;
    putLE<uint8_t>(record, 0); // f32
    putLE<uint8_t>(record, uint8_t(w.shape.size()));
    for (int64_t d : w.shape) putLE<int64_t>(record, d);
    ok = std::fwrite(record.data(), 1, record.size(), f) == record.size() &&
         std::fwrite(w.data.data(), sizeof(float), w.data.size(), f) == w.data.size();
  }
  if (std::fclose(f) != 0) ok = false;
  if (!ok) {
    error = "cannot write '" + path + "': " + std::strerror(errno);
    return false;
  }
  return true;
}

} // namespace normc
