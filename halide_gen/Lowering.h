//===- Lowering.h - shared state of the MLIR -> Halide lowering -----------===//
//
// Private to halide_gen: uses Halide types.
//
//===----------------------------------------------------------------------===//
#ifndef NORMC_HALIDE_GEN_LOWERING_H_
#define NORMC_HALIDE_GEN_LOWERING_H_

#include "Halide.h"
#include "tuning/Knobs.h"
#include "mlir/IR/Operation.h"
#include "mlir/IR/Value.h"
#include "llvm/ADT/DenseMap.h"

#include <map>
#include <string>
#include <tuple>
#include <vector>

namespace normc {

/// A tensor value lowered to Halide. Indices and extents are kept in the
/// tensor's own order (NCHW: index 0 is the outermost dimension); Halide's
/// order is the reverse (its dimension 0 is the innermost), and `at()` and
/// `vars()` convert.
struct HTensor {
  Halide::Func func;
  std::vector<Halide::Expr> shape; ///< extent of each dimension (NCHW order)
  std::vector<bool> unit;          ///< statically size 1: broadcasts
  /// Set for the mean produced by moments: mean = shiftPart + offsetPart,
  /// kept apart so that modulate computes (x - shift) - offset. Rounding the
  /// mean itself to f32 would cost up to half an ulp of the mean, which for a
  /// mean of 1e4 and a std of 1e-2 is 5% of a standard deviation.
  bool splitMean = false;
  Halide::Func shiftPart, offsetPart;

  int rank() const { return static_cast<int>(shape.size()); }
  /// Element at NCHW-ordered `index`; unit dimensions read index 0.
  Halide::Expr at(const std::vector<Halide::Expr> &index) const;
  /// Same indexing rule applied to another Func of this tensor's shape.
  Halide::Expr at(const Halide::Func &f,
                  const std::vector<Halide::Expr> &index) const;
};

/// A reduction Func and its domain (innermost reduction variable first).
struct Reduction {
  Halide::Func func;
  Halide::RDom rdom;
};

/// Records what a statistics op produced, so the schedule can place it.
struct MomentsInfo {
  std::vector<Reduction> reductions; ///< in evaluation order
  Halide::Func stats;    ///< Tuple(shift, mean - shift, rstd) per (group) point
  Halide::Func setStats; ///< Tuple(shift, mean - shift, variance) it derives from
  /// Hierarchical statistics (>= 3 reduced dims, or channel groups with
  /// spatial dims): per-slice statistics over
  /// NCHW dim `sliceDim` (reductions above are per slice), then `merges`.
  Halide::Func slice;
  int sliceDim = -1;
  /// The slices are the image rows of channels-last statistics over (H, W):
  /// each row's sums belong inside the slice's row loop.
  bool channelsLastRows = false;
  std::vector<Halide::Func> merges;
  std::vector<int64_t> dims;         ///< reduced dims (NCHW order)
  int rank = 0;
  int64_t groups = 1;
  int channelDim = 1;                ///< NCHW index of the channels (groups)
  Halide::Expr channelsPerGroup;     ///< C / groups when groups > 1
  /// The innermost dim is kept and not a unit broadcast (channels-last
  /// statistics): the sums vectorize across it instead of along a reduction.
  bool innermostKept = false;
};

/// What a conv2d produced, so the schedule can tile it.
struct ConvInfo {
  Halide::Func conv;    ///< the sum: pure init (bias) + update over rdom
  Halide::Func input;   ///< x in padded coordinates (zeros outside)
  Halide::Func weights; ///< staged weights (also in smallTables)
  Halide::RDom rdom;    ///< (s, r, c): kernel column, row, input channel
  Halide::Expr outChannels; ///< K, the conv's output channels
  bool stageInput = true; ///< input must be materialized (padding or a producer)
  bool channelsLast = false;
};

/// Everything the algorithm builders produce for one kernel group.
struct LoweredKernel {
  std::vector<Halide::ImageParam> inputs;
  std::vector<Halide::Func> outputs;
  std::vector<HTensor> outputTensors;
  std::vector<MomentsInfo> moments;
  std::vector<ConvInfo> convs;
  /// Small per-(n, c) tables (mixed style parameters) that the schedule
  /// computes once instead of inlining into every element.
  std::vector<Halide::Func> smallTables;
  /// Statistics already built, by (tensor, reduced dims, groups), so that
  /// moments ops differing only in their final formula share one pass.
  std::map<std::tuple<void *, std::vector<int64_t>, int64_t>, Halide::Func>
      setStatsCache;
  /// Runtime shape relations between arguments: condition + message pieces.
  std::vector<std::pair<Halide::Expr, std::vector<Halide::Expr>>> requirements;
};

/// A Func of the group being lowered, named <prefix><base>. The prefix names
/// the group (`conv_norm_4db261c722001840_`) and, where several calls share
/// one pipeline, the call (`..._c3_`), so that a .stmt file and Halide's
/// profiler (the `profile` target feature, examples/style_transfer
/// --profile) say which kernel group each loop nest belongs to. The
/// builders need no access to the group: GroupNameScope sets the prefix for
/// the lowering of one group.
Halide::Func groupFunc(const std::string &base);

class GroupNameScope {
public:
  explicit GroupNameScope(std::string prefix);
  ~GroupNameScope();
  GroupNameScope(const GroupNameScope &) = delete;
  GroupNameScope &operator=(const GroupNameScope &) = delete;

private:
  std::string saved;
};

/// Halide pure variables for a rank-`rank` tensor, in Halide order
/// (innermost first) and reused across Funcs so schedules can name them.
const std::vector<Halide::Var> &halideVars(int rank);
/// The same variables in NCHW order, as Exprs.
std::vector<Halide::Expr> nchwVars(int rank);

/// Lowers one op of a kernel group given its lowered operands; returns false
/// after emitting a diagnostic on `op` if the op is not supported.
bool lowerOp(mlir::Operation *op,
             llvm::DenseMap<mlir::Value, HTensor> &values,
             LoweredKernel &kernel, StatsStrategy statsStrategy);

} // namespace normc

#endif // NORMC_HALIDE_GEN_LOWERING_H_
