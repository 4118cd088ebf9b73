//===- Tuner.h - norm-tune's search: groups, candidates, rounds ----------===//
//
// For each function of the input, each of its kernel groups in turn (the
// others at their best knobs so far): candidates from the group's search
// space (SearchSpace.h), exhaustive when the plausible space fits the
// budget, else random draws for the first half and local refinement around
// the best for the rest; built in parallel batches; each one's outputs
// checked against the defaults' before it is timed; then timed in rounds
// interleaved with the best so far (A B, B A, ...), and kept only when it
// wins the median round by --min-gain and most rounds. The database is
// written atomically after every batch, so an interruption keeps what was
// found. At the end of a function its tuned schedule, its defaults and each
// autoscheduler are timed against each other in the same rounds.
//
//===----------------------------------------------------------------------===//
#ifndef NORMC_TUNING_TUNER_H_
#define NORMC_TUNING_TUNER_H_

#include "tuning/Measure.h"
#include "tuning/SearchSpace.h"

#include <atomic>
#include <map>
#include <string>
#include <vector>

namespace normc {

struct TuneOptions {
  int trialsPerGroup = 24;   ///< --budget=N
  double timeBudgetS = 0;    ///< --budget=<time>; 0: none
  int jobs = 2;              ///< parallel builds
  int rounds = 3;            ///< interleaved rounds per comparison
  double minGain = 0.02;     ///< a candidate must be this much faster
  double measureMs = 100;    ///< kernel time per runner process
  bool resume = false;
  bool searchStats = false;  ///< --allow-one-pass-stats
  std::vector<std::string> autoschedulers; ///< reference points
  unsigned seed = 1;
  std::string dbPath;
  std::string normcVersion;
  bool progressTty = false;  ///< redraw one progress line (a terminal)
};

/// A function to tune and its groups, as normc --emit=schedule reports them.
struct TunedFunction {
  std::string name;
  std::string target; ///< the canonical target normc compiled it for
  std::vector<TunedGroup> groups;
};

/// Reads <dir>/<function>.schedule.json files (normc --emit=schedule).
bool readScheduleReport(const std::string &path, TunedFunction &out, std::string &error);

class Tuner {
public:
  Tuner(Measurer &measurer, TuneOptions options, TargetFacts facts, TuningDb db);

  /// Tunes every function; false with `error` for what stops the whole run
  /// (a database that cannot be written, the defaults failing to build or
  /// run). Per-candidate failures are counted and reported, not fatal.
  bool run(const std::vector<TunedFunction> &functions, std::string &error);

  /// Set from a signal handler: stop after the current step.
  static std::atomic<bool> interrupted;

private:
  struct Measured {
    double aMs = 0, bMs = 0; ///< medians over the rounds
    double ratio = 0;        ///< median round's b / a
    int bWins = 0;           ///< rounds b was faster
    bool ok = false;
    std::string error;
  };
  Measured compare(const BuiltCandidate &a, const BuiltCandidate &b, const std::string &function,
                   int rounds);
  /// What ends a function's tuning early.
  enum class Stop {
    None,     ///< tuned (or interrupted)
    Function, ///< this function cannot be tuned; the others can
    Run,      ///< the database cannot be written: nothing more can be kept
  };
  Stop tuneFunction(const TunedFunction &fn, std::string &error);
  TuningRecord recordFor(const TunedFunction &fn, const TunedGroup &g, const CpuKnobs &knobs,
                         double timeMs) const;
  TuningDb candidateDb(const TunedFunction &fn, const std::vector<CpuKnobs> &knobs) const;
  bool save(std::string &error);
  void progress(const std::string &line, bool final);

  Measurer &measurer_;
  TuneOptions options_;
  TargetFacts facts_;
  TuningDb db_;
  HardwareFingerprint hardware_; ///< where the candidates run (from the runner)
  int reps_ = 10;
  double startS_ = 0;
  int totalTrials_ = 0, doneTrials_ = 0;
  int wrong_ = 0, failed_ = 0, pruned_ = 0;
  int remainingGroups_ = 0;                      ///< for --budget=<time>
  std::map<std::string, CpuKnobs> tunedHere_;    ///< groups done in this run
};

/// Prints the database's records as tables: per function, the defaults',
/// the tuned and each autoscheduler's times with speed-ups; per group, the
/// tuned knobs and the gain from them.
std::string tuningReport(const TuningDb &db);

} // namespace normc

#endif // NORMC_TUNING_TUNER_H_
