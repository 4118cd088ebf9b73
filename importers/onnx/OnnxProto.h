//===- OnnxProto.h - ONNX's protobuf classes -------------------------------===//
//
// Debian's libonnx-dev ships the generated classes as onnx/onnx-ml.pb.h,
// selected by ONNX_ML and placed in ONNX_NAMESPACE (both set by
// importers/onnx/CMakeLists.txt). Only the importer's .cpp files include
// this: protobuf stays out of the rest of normc.
//
//===----------------------------------------------------------------------===//
#ifndef NORMC_IMPORTERS_ONNX_ONNXPROTO_H_
#define NORMC_IMPORTERS_ONNX_ONNXPROTO_H_

#include <onnx/onnx_pb.h>

#endif // NORMC_IMPORTERS_ONNX_ONNXPROTO_H_
