//===- NormConvOps.cpp - verifiers of conv2d, pad and upsample -------------===//
#include "dialect/NormOps.h"
#include "dialect/VerifyUtils.h"

#include "llvm/ADT/STLExtras.h"

using namespace mlir;
using namespace normc::norm;

namespace {

/// Checks that an i64 array attribute has `size` entries, each >= `min`.
LogicalResult verifyArray(Operation *op, ArrayRef<int64_t> values, StringRef name,
                          size_t size, int64_t min) {
  if (values.size() != size)
    return op->emitOpError() << name << " must have " << size << " entries, got "
                             << values.size();
  for (int64_t v : values)
    if (v < min)
      return op->emitOpError() << name << " entries must be >= " << min
                               << ", got " << v;
  return success();
}

/// Checks result dimension `d` against the expected size (when both static).
LogicalResult verifyResultDim(Operation *op, RankedTensorType result, int64_t d,
                              int64_t expected) {
  int64_t got = result.getDimSize(d);
  if (!dimsCompatible(got, expected))
    return op->emitOpError() << "result dimension " << d << " is " << dimString(got)
                             << ", expected " << dimString(expected);
  return success();
}

} // namespace

LogicalResult Conv2DOp::verify() {
  auto x = getX().getType(), w = getWeight().getType(), y = getY().getType();
  if (x.getRank() != 4 || w.getRank() != 4 || y.getRank() != 4)
    return emitOpError() << "expects x, weight and result of rank 4, got "
                         << x.getRank() << ", " << w.getRank() << " and "
                         << y.getRank();
  if (failed(verifyArray(*this, getStrides(), "strides", 2, 1)) ||
      failed(verifyArray(*this, getPadding(), "padding", 4, 0)) ||
      failed(verifyArray(*this, getDilations(), "dilations", 2, 1)))
    return failure();
  const bool cl = getChannelsLast();
  const int64_t cDim = cl ? 3 : 1, hDim = cl ? 1 : 2, wDim = cl ? 2 : 3;
  const int64_t groups = getGroups();
  int64_t C = x.getDimSize(cDim), K = w.getDimSize(0);
  if (!ShapedType::isDynamic(C) && C % groups != 0)
    return emitOpError() << "groups = " << groups << " does not divide the " << C
                         << " input channels";
  if (!ShapedType::isDynamic(K) && K % groups != 0)
    return emitOpError() << "groups = " << groups << " does not divide the " << K
                         << " output channels (weight dimension 0)";
  if (!ShapedType::isDynamic(C) &&
      !dimsCompatible(w.getDimSize(1), C / groups))
    return emitOpError() << "weight dimension 1 is " << dimString(w.getDimSize(1))
                         << ", expected C / groups = " << C / groups;
  if (getBias() && !dimsCompatible(getBias().getType().getDimSize(0), K))
    return emitOpError() << "bias has " << dimString(getBias().getType().getDimSize(0))
                         << " elements but the weights have " << dimString(K)
                         << " output channels";
  if (failed(verifyResultDim(*this, y, 0, x.getDimSize(0))) ||
      failed(verifyResultDim(*this, y, cDim, K)))
    return failure();
  // Spatial output sizes, when the input and kernel sizes are static.
  ArrayRef<int64_t> pad = getPadding(), stride = getStrides(), dil = getDilations();
  for (int i = 0; i < 2; ++i) {
    int64_t in = x.getDimSize(i == 0 ? hDim : wDim), k = w.getDimSize(2 + i);
    if (ShapedType::isDynamic(in) || ShapedType::isDynamic(k))
      continue;
    int64_t span = in + pad[i] + pad[i + 2] - dil[i] * (k - 1) - 1;
    if (span < 0)
      return emitOpError() << "the dilated kernel (" << dil[i] * (k - 1) + 1
                           << ") is larger than the padded input ("
                           << in + pad[i] + pad[i + 2] << ") in spatial dimension "
                           << i;
    if (failed(verifyResultDim(*this, y, i == 0 ? hDim : wDim, span / stride[i] + 1)))
      return failure();
  }
  return success();
}

LogicalResult PadOp::verify() {
  auto x = getX().getType(), y = getY().getType();
  StringRef mode = getMode();
  if (mode != "reflect" && mode != "replicate" && mode != "zero")
    return emitOpError() << "mode must be \"reflect\", \"replicate\" or \"zero\", got \""
                         << mode << "\"";
  if (y.getRank() != x.getRank())
    return emitOpError() << "result must have the rank of x (" << x.getRank() << ")";
  if (failed(verifyArray(*this, getLow(), "low", x.getRank(), 0)) ||
      failed(verifyArray(*this, getHigh(), "high", x.getRank(), 0)))
    return failure();
  for (int64_t d = 0; d < x.getRank(); ++d) {
    int64_t in = x.getDimSize(d), lo = getLow()[d], hi = getHigh()[d];
    if (mode == "reflect" && !ShapedType::isDynamic(in) && (lo >= in || hi >= in))
      return emitOpError() << "reflect padding of dimension " << d << " ("
                           << std::max(lo, hi)
                           << ") must be smaller than the dimension (" << in << ")";
    if (failed(verifyResultDim(*this, y, d,
                               ShapedType::isDynamic(in) ? in : in + lo + hi)))
      return failure();
  }
  return success();
}

LogicalResult UpsampleOp::verify() {
  auto x = getX().getType(), y = getY().getType();
  StringRef mode = getMode();
  if (mode != "nearest" && mode != "bilinear" && mode != "zeros")
    return emitOpError() << "mode must be \"nearest\", \"bilinear\" or \"zeros\", got \""
                         << mode << "\"";
  if (y.getRank() != x.getRank())
    return emitOpError() << "result must have the rank of x (" << x.getRank() << ")";
  if (failed(verifyArray(*this, getScale(), "scale", x.getRank(), 1)))
    return failure();
  for (int64_t d = 0; d < x.getRank(); ++d) {
    int64_t in = x.getDimSize(d);
    if (failed(verifyResultDim(*this, y, d,
                               ShapedType::isDynamic(in) ? in : in * getScale()[d])))
      return failure();
  }
  return success();
}
