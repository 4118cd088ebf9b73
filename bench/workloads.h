//===- workloads.h - what the benchmark measures ---------------------------===//
#ifndef NORMC_BENCH_WORKLOADS_H_
#define NORMC_BENCH_WORKLOADS_H_

#include "reference.h"

#include <memory>
#include <string>
#include <vector>

namespace normc_bench {

using normc_test::Shape;

enum class Op { InstanceNorm, GroupNorm, LayerNorm, ConvBlock, ResidualBlock };

/// The element type of a normalization's tensors (x, scale, bias, y), as a
/// model converted with .to(torch.float16 / bfloat16) has them; statistics
/// are f32 in every implementation. Conv and residual blocks are f32 only.
enum class Storage { F32, F16, BF16 };

struct Workload {
  Op op;
  Shape shape;    ///< x, NCHW
  /// The conv FLOPs of one call (2*C*K*9*H*W*N per conv), 0 for the
  /// normalizations.
  double convFlops() const;
  int groups = 1; ///< group norm only
  /// Instance norm on channels-last (NHWC) data. Shapes, inputs and
  /// references stay NCHW; runners transpose at setup and for the check.
  bool channelsLast = false;
  Storage storage = Storage::F32;
  /// Bytes of one element of x, y, scale and bias.
  size_t elemBytes() const { return storage == Storage::F32 ? 4 : 2; }
  std::string opName() const;
  std::string shapeName() const;
  /// Kernel name of the normc build (bench/normc_kernels.mlir).
  std::string normcKernel() const;
};

/// The workloads of the benchmark issue, in report order.
std::vector<Workload> allWorkloads();
/// Small shapes for --check: every implementation, a few seconds.
std::vector<Workload> checkWorkloads();

/// Inputs and references of one workload. Conv blocks are conv3x3 (C -> C,
/// bias, padding 1) -> instance norm (affine) -> ReLU. Residual blocks are
/// TransformerNet's: reflection pad 1 -> conv3x3 -> IN -> ReLU -> reflection
/// pad 1 -> conv3x3 -> IN, plus x (the second conv's weights, bias and IN
/// parameters are the `2` members).
struct Problem {
  Workload w;
  std::vector<float> x, gamma, beta, weight, convBias;
  std::vector<float> weight2, convBias2, gamma2, beta2; ///< residual blocks
  std::vector<double> ref;     ///< the workload's output, double precision
  std::vector<double> convRef; ///< conv blocks: the conv output alone
  size_t numel() const { return x.size(); }
};

/// For 16-bit storage, x, gamma and beta hold values exactly representable in
/// the storage type (rounded once at creation) and the references are of
/// those values.
Problem makeProblem(const Workload &w, bool withReference);

/// `v` rounded to nearest even in a 16-bit storage type (the bits).
std::vector<uint16_t> toStorage16(const std::vector<float> &v, Storage s);
/// `n` 16-bit values of storage type `s` as floats (exact).
std::vector<float> fromStorage16(const uint16_t *v, size_t n, Storage s);

/// A block of memory an implementation reads or writes.
struct Span {
  const void *data;
  size_t bytes;
};

/// One implementation of one workload, set up outside the timed region.
class Runner {
public:
  virtual ~Runner() = default;
  virtual void run() = 0;
  /// Every buffer the implementation keeps that a call reads or writes
  /// (inputs, parameters, results, kept scratch; not what a library
  /// allocates inside the call): what --cold-caches flushes before each
  /// counted call.
  virtual std::vector<Span> buffers() = 0;
  /// The last result in NCHW, for the correctness check.
  virtual std::vector<float> output() = 0;
  /// Computes only the conv of a conv block (checked against convRef).
  virtual bool convOnly() const { return false; }
};

struct NamedRunner {
  std::string name;
  std::unique_ptr<Runner> runner;
};

std::vector<NamedRunner> makeNormcRunners(const Problem &p);
std::vector<NamedRunner> makeTorchRunners(const Problem &p);
std::vector<NamedRunner> makeDnnlRunners(const Problem &p);

void setNormcThreads(int threads);
void setTorchThreads(int threads);

} // namespace normc_bench

#endif // NORMC_BENCH_WORKLOADS_H_
