//===- WeightsFile.h - the NORMCW1 weights file ----------------------------===//
//
// The weights of an imported model, in the format of
// examples/style_transfer/README.md ("Weights file format"): a list of named
// f32 tensors that a program binds to the kernel's arguments by name.
//
//===----------------------------------------------------------------------===//
#ifndef NORMC_IMPORTERS_ONNX_WEIGHTSFILE_H_
#define NORMC_IMPORTERS_ONNX_WEIGHTSFILE_H_

#include "importers/onnx/OnnxImporter.h"

#include <string>
#include <vector>

namespace normc {

/// Writes `weights` to `path` (normc writes into its staging directory, so
/// the file appears only with the other outputs).
bool writeWeightsFile(const std::string &path, const std::vector<OnnxWeight> &weights,
                      std::string &error);

} // namespace normc

#endif // NORMC_IMPORTERS_ONNX_WEIGHTSFILE_H_
