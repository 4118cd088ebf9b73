//===- harness.cpp - interleaved timing with medians -----------------------===//
#include "harness.h"

#include <algorithm>
#include <chrono>

namespace normc_bench {

namespace {
double nowMs() {
  using clock = std::chrono::steady_clock;
  return std::chrono::duration<double, std::milli>(clock::now().time_since_epoch())
      .count();
}
} // namespace

std::vector<Timing> timeInterleaved(const std::vector<Contender> &contenders,
                                    int warmup, int rounds, int block) {
  std::vector<std::vector<double>> samples(contenders.size());
  for (int r = 0; r < warmup + rounds; ++r) {
    for (size_t i = 0; i < contenders.size(); ++i) {
      if (block > 1) {
        // Warm up for at least 10 ms (at least one call), not counted: the
        // previous library's libgomp workers spin for milliseconds after
        // their last parallel region, and an idle vCPU takes a while to be
        // scheduled again.
        double start = nowMs();
        do
          contenders[i].run();
        while (nowMs() - start < 10.0);
      }
      for (int b = 0; b < block; ++b) {
        if (contenders[i].beforeEachCall)
          contenders[i].beforeEachCall();
        double t0 = nowMs();
        contenders[i].run();
        double t1 = nowMs();
        if (r >= warmup)
          samples[i].push_back(t1 - t0);
      }
    }
  }
  std::vector<Timing> out(contenders.size());
  for (size_t i = 0; i < contenders.size(); ++i) {
    std::vector<double> &s = samples[i];
    std::sort(s.begin(), s.end());
    out[i].samples = static_cast<int>(s.size());
    out[i].minMs = s.front();
    out[i].medianMs = s.size() % 2 ? s[s.size() / 2]
                                   : 0.5 * (s[s.size() / 2 - 1] + s[s.size() / 2]);
  }
  return out;
}

int roundsFor(double roundMs, double budgetMs, int minRounds, int maxRounds) {
  int r = roundMs > 0 ? static_cast<int>(budgetMs / roundMs) : maxRounds;
  return std::max(minRounds, std::min(maxRounds, r));
}

} // namespace normc_bench
