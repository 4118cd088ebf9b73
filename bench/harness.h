//===- harness.h - interleaved timing with medians -------------------------===//
//
// The machines are shared and noisy, so every implementation of a workload is
// timed round-robin in the same loop (one call each per round, the
// same-size copy included) and compared by medians of those rounds.
//
//===----------------------------------------------------------------------===//
#ifndef NORMC_BENCH_HARNESS_H_
#define NORMC_BENCH_HARNESS_H_

#include <functional>
#include <string>
#include <vector>

namespace normc_bench {

struct Timing {
  double medianMs = 0, minMs = 0;
  int samples = 0;
};

struct Contender {
  std::string name;
  std::function<void()> run;
};

/// Runs `warmup` untimed rounds, then `rounds` timed rounds in which every
/// contender runs once, in order. Returns one Timing per contender.
std::vector<Timing> timeInterleaved(const std::vector<Contender> &contenders,
                                    int warmup, int rounds);

/// Chooses a round count so one workload takes about `budgetMs`, clamped to
/// [minRounds, maxRounds], from one estimate of a round's duration.
int roundsFor(double roundMs, double budgetMs, int minRounds, int maxRounds);

} // namespace normc_bench

#endif // NORMC_BENCH_HARNESS_H_
