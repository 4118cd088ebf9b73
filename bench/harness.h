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
  /// Runs before each counted call, not timed (--cold-caches: flushes the
  /// contender's buffers from the caches); empty for warm calls.
  std::function<void()> beforeEachCall = {};
};

/// Runs `warmup` untimed rounds, then `rounds` timed rounds in which every
/// contender runs `block` counted calls in a row. With block > 1, each block
/// starts with at least 10 ms of uncounted warm-up calls: libgomp's workers
/// (libtorch, oneDNN, the copy) spin for milliseconds after a parallel region
/// and an idle vCPU takes time to come back, and either would otherwise be
/// charged to whichever library runs next on a 2-core machine (measured:
/// normc 1.8 ms alone, 3.3 ms right after an OpenMP copy). Returns one
/// Timing per contender.
std::vector<Timing> timeInterleaved(const std::vector<Contender> &contenders,
                                    int warmup, int rounds, int block = 1);

/// Chooses a round count so one workload takes about `budgetMs`, clamped to
/// [minRounds, maxRounds], from one estimate of a round's duration.
int roundsFor(double roundMs, double budgetMs, int minRounds, int maxRounds);

} // namespace normc_bench

#endif // NORMC_BENCH_HARNESS_H_
