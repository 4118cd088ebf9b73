//===- Measure.h - build and time candidate schedules for norm-tune -------===//
//
// A candidate is a set of knobs for every kernel group of one function. It
// is built the way a user builds: `normc --tuning-db=<the candidate's
// records> --library=normtune_candidate`, linked with the runner program
// (tuning/runner/norm_tune_runner.c), libnormrt and the Halide runtime by
// the target's C compiler; and it runs where the kernels will run: here, or
// behind a command prefix (`ssh board`, `qemu-aarch64 -L sysroot`) that
// sees the same work directory. Builds may run in parallel; runs never do.
//
//===----------------------------------------------------------------------===//
#ifndef NORMC_TUNING_MEASURE_H_
#define NORMC_TUNING_MEASURE_H_

#include "tuning/TuningDb.h"

#include <string>
#include <vector>

namespace normc {

/// How candidates are built and run.
struct MeasureConfig {
  std::string normc;         ///< the normc executable
  std::string input;         ///< the .mlir or .onnx file being tuned
  std::string target;        ///< as given to normc (--target)
  std::string canonical;     ///< Halide's spelling (the records' key)
  std::string cc;            ///< the target's C compiler, e.g. "cc", "aarch64-linux-gnu-gcc"
  std::string runnerPrefix;  ///< prepended to the runner's command line; empty: run here
  std::string runtimeDir;    ///< libnormrt's sources and headers
  std::string runnerSource;  ///< norm_tune_runner.c
  std::string halideInclude; ///< directory of HalideRuntime.h
  std::string workDir;       ///< everything built goes under it
  std::string extraNormcFlags; ///< appended to every normc command (e.g. --fuse=none)
  int threads = 0;           ///< the runner's thread count; 0: the machine's
  /// Limits of one candidate's build (an autoscheduler can take minutes and
  /// gigabytes on a large conv): wall time, and address space in MiB (0: none).
  int buildTimeoutS = 300;
  int buildMemoryMb = 0;
};

/// One output as the runner reported it.
struct RunnerOutput {
  std::string name, dtype;
  int64_t elements = 0;
};

/// What one runner process reported.
struct RunResult {
  bool ok = false;
  std::string error;          ///< when !ok: the runner's or the shell's message
  double medianMs = 0, cpuMs = 0;
  std::vector<double> timesMs;
  std::string cpu;            ///< the machine it ran on
  int cores = 0;
  std::vector<RunnerOutput> outputs;
};

/// A built candidate: a directory holding the runner executable.
struct BuiltCandidate {
  bool ok = false;
  std::string dir, runner, error, log;
};

/// A shell command line with `words` quoted for /bin/sh.
std::string shellQuote(const std::string &word);

/// Runs `command` with /bin/sh -c, stdout and stderr into files; returns
/// the exit status (-1 when it could not start or was killed).
int runCommand(const std::string &command, const std::string &outPath,
               const std::string &errPath);

class Measurer {
public:
  explicit Measurer(MeasureConfig config) : config_(std::move(config)) {}
  const MeasureConfig &config() const { return config_; }

  /// Builds what every candidate links: libnormrt's objects and the Halide
  /// runtime, once. False with `error`.
  bool prepare(std::string &error);

  /// Builds candidates for `function` in parallel (`jobs` at a time): each
  /// element of `dbs` is the tuning database of one candidate (or empty
  /// for the defaults), `autoschedulers` the matching autoscheduler names
  /// (empty for normc's schedules). The results come back in order.
  std::vector<BuiltCandidate> build(const std::string &function,
                                    const std::vector<TuningDb> &dbs,
                                    const std::vector<std::string> &autoschedulers, int jobs);

  /// Runs a built candidate once: `reps` timed calls after `warmup`,
  /// writing its outputs to `dumpPath` when not empty.
  RunResult run(const BuiltCandidate &candidate, const std::string &function, int reps,
                int warmup, const std::string &dumpPath);

private:
  MeasureConfig config_;
  std::vector<std::string> supportObjects_; ///< libnormrt's objects, the Halide runtime
  int counter_ = 0;
};

/// Compares two output dumps element by element: f32 within
/// 1e-4 * (1 + |reference|), f16 and bf16 within two units in the last
/// place of 1 + |reference|; NaN only where the reference has NaN. Empty
/// when they agree, else where the first difference is.
std::string compareDumps(const std::string &referencePath, const std::string &candidatePath,
                         const std::vector<RunnerOutput> &outputs);

} // namespace normc

#endif // NORMC_TUNING_MEASURE_H_
