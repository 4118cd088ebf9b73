//===- AlgorithmConv.cpp - conv2d, pad and upsample algorithms ------------===//
//
// The algorithm only. The convolution reads a staged input (`conv_in`: x
// with its zero padding, in padded coordinates) and staged weights
// (`conv_w`), so that its inner loop has no bounds conditions and no
// per-element recomputation of folded weights; where they are computed, and
// how the sum is tiled into registers, is ScheduleConv.cpp's business.
//
//===----------------------------------------------------------------------===//
#include "Algorithm.h"

using namespace Halide;
using namespace normc::norm;

namespace normc {

namespace {

/// Halide argument list from indices in tensor (NCHW) order.
std::vector<Expr> halideOrder(const std::vector<Expr> &nchw) {
  return std::vector<Expr>(nchw.rbegin(), nchw.rend());
}

/// Reads x at `index` (tensor order), 0 outside [0, extent) in every dim.
Expr zeroOutside(const HTensor &x, const std::vector<Expr> &index) {
  Expr inside = Halide::Internal::const_true();
  std::vector<Expr> clamped = index;
  for (int d = 0; d < x.rank(); ++d) {
    if (x.unit[d])
      continue;
    inside = inside && index[d] >= 0 && index[d] < x.shape[d];
    clamped[d] = clamp(index[d], 0, x.shape[d] - 1);
  }
  return select(inside, x.at(clamped), 0.0f);
}

} // namespace

HTensor buildConv2D(Conv2DOp op, const HTensor &x, const HTensor &w,
                    const HTensor *bias, bool inputIsArgument,
                    LoweredKernel &kernel) {
  const std::string tag = std::to_string(kernel.convs.size());
  const bool cl = op.getChannelsLast();
  const int cDim = cl ? 3 : 1, hDim = cl ? 1 : 2, wDim = cl ? 2 : 3;
  llvm::ArrayRef<int64_t> pad = op.getPadding(), stride = op.getStrides(),
                    dil = op.getDilations();
  const int groups = static_cast<int>(op.getGroups());
  Expr C = x.shape[cDim], K = w.shape[0], R = w.shape[2], S = w.shape[3];
  Expr Cg = w.shape[1], Kg = K / groups;
  kernel.requirements.push_back(
      {Cg * groups == C,
       {Expr(std::string("shape mismatch: the weights of ") + describeOp(op) +
             " expect C / groups ="),
        Cg, Expr("input channels per group, but x has"), C,
        Expr("channels for groups = " + std::to_string(groups))}});

  ConvInfo info;
  info.channelsLast = cl;
  info.outChannels = K;
  // Staged input in padded coordinates: conv_in(p) = x(p - pad_low).
  const auto &hv4 = halideVars(4);
  std::vector<Var> v(hv4.begin(), hv4.end());
  std::vector<Expr> idx = nchwVars(4);
  const bool padded = pad[0] || pad[1] || pad[2] || pad[3];
  idx[hDim] = idx[hDim] - static_cast<int>(pad[0]);
  idx[wDim] = idx[wDim] - static_cast<int>(pad[1]);
  info.input = groupFunc("conv_in" + tag);
  info.input(v) = padded ? zeroOutside(x, idx) : x.at(idx);
  info.stageInput = padded || !inputIsArgument;

  info.weights = groupFunc("conv_w" + tag);
  info.weights(v) = w.at(nchwVars(4));
  kernel.smallTables.push_back(info.weights);
  Func biasF;
  if (bias) {
    biasF = groupFunc("conv_bias" + tag);
    biasF(Var("k")) = bias->at({Var("k")});
    kernel.smallTables.push_back(biasF);
  }

  // y(n, k, i, j) = bias(k) + sum_{c,r,s} w(k,c,r,s) in(n, g*Cg+c, i*sh+r*dh, j*sw+s*dw)
  RDom r(0, S, 0, R, 0, Cg, "rconv" + tag);
  std::vector<Expr> out = nchwVars(4);
  Expr k = out[cDim];
  std::vector<Expr> in(4);
  in[0] = out[0];
  in[cDim] = (k / Kg) * Cg + r.z;
  in[hDim] = out[hDim] * static_cast<int>(stride[0]) + r.y * static_cast<int>(dil[0]);
  in[wDim] = out[wDim] * static_cast<int>(stride[1]) + r.x * static_cast<int>(dil[1]);
  Func conv = groupFunc("conv" + tag);
  conv(v) = bias ? biasF(k) : Expr(0.0f);
  conv(v) += info.weights(halideOrder({k, r.z, r.y, r.x})) * info.input(halideOrder(in));
  info.conv = conv;
  info.rdom = r;
  kernel.convs.push_back(info);

  HTensor y;
  y.func = conv;
  y.shape.resize(4);
  y.shape[0] = x.shape[0];
  y.shape[cDim] = K;
  for (int i = 0; i < 2; ++i) {
    Expr in = x.shape[i == 0 ? hDim : wDim];
    Expr span = in + static_cast<int>(pad[i] + pad[i + 2]) -
                static_cast<int>(dil[i]) * ((i == 0 ? R : S) - 1) - 1;
    y.shape[i == 0 ? hDim : wDim] = span / static_cast<int>(stride[i]) + 1;
  }
  y.unit.assign(4, false);
  return y;
}

HTensor buildPad(PadOp op, const HTensor &x, LoweredKernel &kernel) {
  const int rank = x.rank();
  std::vector<Expr> idx = nchwVars(rank);
  HTensor y = x;
  llvm::StringRef mode = op.getMode();
  for (int d = 0; d < rank; ++d) {
    int lo = static_cast<int>(op.getLow()[d]), hi = static_cast<int>(op.getHigh()[d]);
    if (lo == 0 && hi == 0)
      continue;
    Expr n = x.shape[d];
    Expr i = idx[d] - lo;
    if (mode == "reflect") {
      // Mirror without repeating the edge: -1 -> 1, n -> n - 2.
      i = select(i < 0, -i, i);
      i = select(i > n - 1, 2 * (n - 1) - i, i);
      // A no-op for valid pads, but Halide's bounds inference does not use
      // select conditions: without it x would be read over [-n, n).
      i = clamp(i, 0, n - 1);
      kernel.requirements.push_back(
          {lo < n && hi < n,
           {std::string("shape mismatch: reflect padding of dimension ") +
                std::to_string(d) + " by " + std::to_string(std::max(lo, hi)) +
                " needs a larger dimension than",
            n, "in " + describeOp(op)}});
    } else if (mode == "replicate") {
      i = clamp(i, 0, n - 1);
    }
    idx[d] = i;
    y.shape[d] = n + lo + hi;
    y.unit[d] = false;
  }
  Func padded = groupFunc("pad");
  padded(halideVars(rank)) = mode == "zero" ? zeroOutside(x, idx) : x.at(idx);
  y.func = padded;
  y.splitMean = false;
  return y;
}

HTensor buildUpsample(UpsampleOp op, const HTensor &x) {
  const int rank = x.rank();
  std::vector<Expr> vars = nchwVars(rank);
  HTensor y = x;
  y.splitMean = false;
  Func up = groupFunc("upsample");
  if (op.getMode() == "nearest") {
    std::vector<Expr> idx = vars;
    for (int d = 0; d < rank; ++d) {
      int s = static_cast<int>(op.getScale()[d]);
      if (s > 1) {
        idx[d] = vars[d] / s;
        y.shape[d] = x.shape[d] * s;
      }
    }
    up(halideVars(rank)) = x.at(idx);
    y.func = up;
    return y;
  }
  if (op.getMode() == "zeros") {
    // Zero insertion (a transposed convolution's input): x[i / s] where
    // every scaled index is a multiple of its scale, else 0.
    std::vector<Expr> idx = vars;
    Expr onGrid = Halide::Internal::const_true();
    for (int d = 0; d < rank; ++d) {
      int s = static_cast<int>(op.getScale()[d]);
      if (s > 1) {
        idx[d] = vars[d] / s;
        onGrid = onGrid && vars[d] % s == 0;
        y.shape[d] = x.shape[d] * s;
      }
    }
    Expr value = x.at(idx);
    up(halideVars(rank)) = select(onGrid, value, Halide::Internal::make_zero(value.type()));
    y.func = up;
    return y;
  }
  // Bilinear, PyTorch's align_corners=False: src = max((i + 0.5) / s - 0.5, 0),
  // interpolating between floor(src) and the next index (clamped).
  struct Axis {
    int dim;
    Expr i0, i1, frac;
  };
  std::vector<Axis> axes;
  for (int d = 0; d < rank; ++d) {
    int s = static_cast<int>(op.getScale()[d]);
    if (s <= 1)
      continue;
    Expr src = max((cast<float>(vars[d]) + 0.5f) / static_cast<float>(s) - 0.5f, 0.0f);
    // Clamped for bounds inference (floor(src) is already in range).
    Expr i0 = clamp(cast<int>(floor(src)), 0, x.shape[d] - 1);
    axes.push_back({d, i0, min(i0 + 1, x.shape[d] - 1), src - cast<float>(i0)});
    y.shape[d] = x.shape[d] * s;
  }
  // Sum over the 2^k corners of the interpolation cell.
  Expr value = 0.0f;
  for (int corner = 0; corner < (1 << axes.size()); ++corner) {
    std::vector<Expr> idx = vars;
    Expr weight = 1.0f;
    for (size_t a = 0; a < axes.size(); ++a) {
      bool upper = (corner >> a) & 1;
      idx[axes[a].dim] = upper ? axes[a].i1 : axes[a].i0;
      weight = weight * (upper ? axes[a].frac : 1.0f - axes[a].frac);
    }
    value = value + weight * x.at(idx);
  }
  up(halideVars(rank)) = value;
  y.func = up;
  return y;
}

} // namespace normc
