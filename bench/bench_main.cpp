//===- bench_main.cpp - normc vs libtorch vs oneDNN vs the copy roofline --===//
//
//   normc-bench [--check] [--threads=2,1] [--budget-ms=1500] [--filter=TEXT]
//               [--impl=TEXT] [--markdown=FILE] [--data=FILE] [--cold-caches]
//
// --filter keeps the workloads whose name contains TEXT, --impl the
// implementations whose name contains TEXT (the copy always runs).
// --cold-caches times the normalization workloads (the memory-bound ones)
// with every buffer of the contender flushed from all cache levels before
// each counted call (clflush of each line), the copy's included.
//
// Every implementation's output is checked once against the double-precision
// reference before it is timed; one that is wrong is reported and not timed.
// Timings are medians of interleaved rounds (see harness.h), with a streaming
// copy of the same bytes as one of the contenders of every workload.
//
//===----------------------------------------------------------------------===//
#include "harness.h"
#include "roofline.h"
#include "workloads.h"

#include <omp.h>
#if defined(__x86_64__)
#include <emmintrin.h>
#endif

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <functional>
#include <iostream>
#include <map>
#include <memory>
#include <sstream>
#include <string>

using namespace normc_bench;

namespace {

struct Options {
  bool check = false;
  bool coldCaches = false;
  std::vector<int> threads = {2, 1};
  double budgetMs = 1500;
  std::string filter, impls, markdown, data;
};

bool parseArgs(int argc, char **argv, Options &o) {
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    auto value = [&](const char *key) -> const char * {
      size_t n = std::strlen(key);
      return a.compare(0, n, key) == 0 ? argv[i] + n : nullptr;
    };
    if (a == "--check") {
      o.check = true;
    } else if (a == "--cold-caches") {
#if defined(__x86_64__)
      o.coldCaches = true;
#else
      std::cerr << "normc-bench: error: --cold-caches flushes with x86's clflush; "
                   "this build is not for x86-64\n";
      return false;
#endif
    } else if (const char *v = value("--threads=")) {
      o.threads.clear();
      std::stringstream ss(v);
      std::string t;
      while (std::getline(ss, t, ','))
        o.threads.push_back(std::max(1, std::atoi(t.c_str())));
    } else if (const char *v = value("--budget-ms=")) {
      o.budgetMs = std::atof(v);
    } else if (const char *v = value("--filter=")) {
      o.filter = v;
    } else if (const char *v = value("--impl=")) {
      o.impls = v;
    } else if (const char *v = value("--markdown=")) {
      o.markdown = v;
    } else if (const char *v = value("--data=")) {
      o.data = v;
    } else {
      std::cerr << "normc-bench: error: unknown argument '" << a << "'\n"
                << "usage: normc-bench [--check] [--threads=2,1] "
                   "[--budget-ms=1500] [--filter=TEXT] [--impl=TEXT] [--markdown=FILE] "
                   "[--data=FILE] [--cold-caches]\n";
      return false;
    }
  }
  return true;
}

/// Writes back and evicts every cache line of `spans` from every cache
/// level (x86's clflush), then waits for the flushes to finish.
void flushFromCaches(const std::vector<Span> &spans) {
#if defined(__x86_64__)
  for (const Span &s : spans) {
    const char *p = static_cast<const char *>(s.data);
    for (size_t off = 0; off < s.bytes; off += 64)
      _mm_clflush(p + off);
    if (s.bytes)
      _mm_clflush(p + s.bytes - 1); // the last line of an unaligned span
  }
  _mm_mfence();
#else
  (void)spans;
#endif
}

void setThreads(int threads) {
  omp_set_num_threads(threads);
  setTorchThreads(threads);
  setNormcThreads(threads);
}

double maxError(const std::vector<float> &got, const std::vector<double> &ref,
                double atol, double rtol, bool &ok) {
  ok = got.size() == ref.size();
  if (!ok)
    return INFINITY; // never "within rounding" (the 16-bit library rule)
  double worst = 0;
  for (size_t i = 0; ok && i < got.size(); ++i) {
    double err = std::fabs(got[i] - ref[i]);
    if (!(err <= atol + rtol * std::fabs(ref[i])))
      ok = false;
    worst = std::max(worst, std::isnan(err) ? INFINITY : err);
  }
  return worst;
}

double maxMagnitude(const std::vector<double> &v) {
  double m = 0;
  for (double x : v)
    m = std::max(m, std::fabs(x));
  return m;
}

std::string readFirstLine(const std::string &path) {
  std::ifstream in(path);
  std::string line;
  std::getline(in, line);
  return line;
}

std::string cpuModel() {
  std::ifstream in("/proc/cpuinfo");
  std::string line;
  while (std::getline(in, line))
    if (line.rfind("model name", 0) == 0)
      return line.substr(line.find(':') + 2);
  return "unknown";
}

std::string cacheSummary() {
  std::string out;
  for (int i = 0; i < 8; ++i) {
    std::string base = "/sys/devices/system/cpu/cpu0/cache/index" + std::to_string(i);
    std::string level = readFirstLine(base + "/level");
    if (level.empty())
      break;
    std::string type = readFirstLine(base + "/type");
    if (type == "Instruction")
      continue;
    out += (out.empty() ? "" : ", ") + std::string("L") + level + " " +
           readFirstLine(base + "/size");
  }
  return out.empty() ? "unknown" : out + " (per core for L1/L2)";
}

std::string cpuFlags() {
  std::ifstream in("/proc/cpuinfo");
  std::string line;
  while (std::getline(in, line))
    if (line.rfind("flags", 0) == 0) {
      std::string out;
      for (const char *f : {"avx2", "fma", "avx512f", "avx512bw", "avx512vl", "f16c"})
        if (line.find(std::string(" ") + f) != std::string::npos)
          out += (out.empty() ? "" : " ") + std::string(f);
      return out;
    }
  return "";
}

struct Row {
  std::string workload, impl;
  int threads = 0;
  double medianMs = 0, minMs = 0, gbs = 0, pctCopy = 0, maxErr = 0;
  double gflops = 0; // conv rows
  bool correct = true, timed = true;
};

std::string fmt(double v, int prec = 2) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", prec, v);
  return buf;
}

/// Milliseconds with 4 significant digits (tiny workloads run in microseconds).
std::string fmtMs(double ms) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.4g", ms);
  return buf;
}

} // namespace

int main(int argc, char **argv) {
  Options opt;
  if (!parseArgs(argc, argv, opt))
    return 2;

  std::vector<Workload> workloads = opt.check ? checkWorkloads() : allWorkloads();
  if (!opt.filter.empty())
    workloads.erase(std::remove_if(workloads.begin(), workloads.end(),
                                   [&](const Workload &w) {
                                     return (w.opName() + " " + w.shapeName())
                                                .find(opt.filter) == std::string::npos;
                                   }),
                    workloads.end());
  if (opt.coldCaches) // the memory-bound rows; the conv blocks are compute-bound
    workloads.erase(std::remove_if(workloads.begin(), workloads.end(),
                                   [](const Workload &w) {
                                     return w.op == Op::ConvBlock || w.op == Op::ResidualBlock;
                                   }),
                    workloads.end());

  std::map<int, double> fmaPeak, dramGBs;
  if (!opt.check) {
    // DRAM: a 256 MiB copy, far beyond the last-level cache.
    const size_t n = (256u << 20) / sizeof(float);
    std::vector<float> a(n, 1.0f), b(n, 0.0f);
    for (int t : opt.threads) {
      setThreads(t);
      auto timing = timeInterleaved({{"copy", [&] { parallelCopy(a.data(), b.data(), n, t); }}},
                                    2, 11);
      dramGBs[t] = 2.0 * n * sizeof(float) / (timing[0].medianMs * 1e6);
      // The all-thread measurement suffers when the host deschedules a vCPU;
      // the peak is at least the threads times one core's (steadier) peak.
      if (cpuHasAvx2Fma()) {
        static const double oneCore = measureFmaPeakGflops(1);
        fmaPeak[t] = std::max(measureFmaPeakGflops(t), t * oneCore);
      }
      std::printf("threads %d: DRAM copy %.1f GB/s (read+write), %s FMA peak %.0f GFLOP/s\n",
                  t, dramGBs[t], fmaPeakIsa(), fmaPeak[t]);
    }
  }

  std::vector<Row> rows;
  int failures = 0;
  for (const Workload &w : workloads) {
    Problem p = makeProblem(w, /*withReference=*/true);
    // The runners are made after the thread count is set, and made again
    // for each count: oneDNN fixes a primitive's thread decomposition when
    // the primitive is created, so primitives made while 1 thread was set
    // (the previous workload's last count) ran single-threaded in the
    // 2-thread rows (a conv 3x3 64->64 at 128x128: 5.9 ms instead of 3.0).
    auto makeRunners = [&] {
      std::vector<NamedRunner> made = makeNormcRunners(p);
      for (auto *make : {makeTorchRunners, makeDnnlRunners})
        for (auto &r : make(p))
          made.push_back(std::move(r));
      if (!opt.impls.empty())
        made.erase(std::remove_if(made.begin(), made.end(),
                                  [&](const NamedRunner &r) {
                                    return r.name.find(opt.impls) == std::string::npos;
                                  }),
                   made.end());
      return made;
    };

    // Correctness first, with all threads.
    setThreads(opt.threads.front());
    std::vector<NamedRunner> runners = makeRunners();
    std::vector<bool> ok(runners.size());
    std::vector<double> errs(runners.size());
    std::vector<std::string> labels(runners.size()); // the rows' names
    for (size_t i = 0; i < runners.size(); ++i) {
      bool good = false, ran = false;
      try {
        runners[i].runner->run();
        const bool conv = w.op == Op::ConvBlock || w.op == Op::ResidualBlock;
        // f32: 1e-3 (2e-3 after a conv's 9*C-term sums). 16-bit storage:
        // the output's own rounding is half an ulp (2^-11 relative for f16,
        // 2^-8 for bf16); one ulp also admits a library that rounds its f32
        // normalized value to the storage type before scale and bias.
        const double rtol = w.storage == Storage::F16    ? std::ldexp(1.0, -10)
                            : w.storage == Storage::BF16 ? std::ldexp(1.0, -7)
                            : conv                       ? 2e-3
                                                         : 1e-3;
        errs[i] = maxError(runners[i].runner->output(),
                           runners[i].runner->convOnly() ? p.convRef : p.ref,
                           conv ? 2e-3 : 1e-3, rtol, good);
        ran = true;
      } catch (const std::exception &e) {
        std::printf("  %s: %s failed: %s\n", w.shapeName().c_str(),
                    runners[i].name.c_str(), e.what());
      }
      // A library's 16-bit kernel may round intermediates to the storage
      // type (libtorch 1.13's bf16 instance norm misses the bound on ~10% of
      // the elements, by up to an ulp of the pre-bias value): its rows are
      // timed and labeled, as long as the error is that of rounding (under
      // 5% of the largest |y|) and not of a wrong setup. normc's kernels
      // must meet the bound.
      const bool libraryRounding =
          !good && ran && w.storage != Storage::F32 && runners[i].name.rfind("normc", 0) != 0 &&
          errs[i] < 0.05 * maxMagnitude(p.ref);
      labels[i] = runners[i].name + (libraryRounding ? " (outside the 1-ulp bound)" : "");
      ok[i] = good || libraryRounding;
      std::printf("check %-22s %-18s %-44s max error %.2e %s\n", w.opName().c_str(),
                  w.shapeName().c_str(), labels[i].c_str(), errs[i],
                  good ? "ok" : libraryRounding ? "timed" : "WRONG");
      if (!ok[i])
        ++failures;
    }
    if (opt.check)
      continue;

    // The copy moves the bytes the operator must move: x read and y
    // written, and for layer norm also its scale and bias, which have the
    // shape of a whole sample (C, H, W): at N=1 they are as large as x. The
    // copy of the same total bytes is then (x + scale + bias + y) / 2
    // elements each way.
    // Counted in bytes of the storage type; the copy moves as many floats.
    const size_t copyBytesEachWay =
        (w.op == Op::LayerNorm ? p.numel() + p.gamma.size() : p.numel()) * w.elemBytes();
    const size_t copyElems = (copyBytesEachWay + sizeof(float) - 1) / sizeof(float);
    // The copy's buffers are 64-byte aligned like every implementation's.
    std::unique_ptr<float, decltype(&std::free)> copySrcMem(
        static_cast<float *>(std::aligned_alloc(64, (copyElems * 4 + 63) / 64 * 64)), &std::free);
    std::unique_ptr<float, decltype(&std::free)> copyDstMem(
        static_cast<float *>(std::aligned_alloc(64, (copyElems * 4 + 63) / 64 * 64)), &std::free);
    float *copySrc = copySrcMem.get(), *copyDst = copyDstMem.get();
    std::fill(copySrc, copySrc + copyElems, 1.0f);
    std::fill(copyDst, copyDst + copyElems, 0.0f);
    const double bytes = 2.0 * copyElems * sizeof(float);
    const double convFlops = w.convFlops();
    for (int t : opt.threads) {
      setThreads(t);
      if (t != opt.threads.front())
        runners = makeRunners(); // same order; made for this thread count
      // The roofline is the faster of a copy on all threads and a copy on one
      // (thread start-up dominates small tensors).
      std::vector<Contender> contenders;
      std::function<void()> flushCopy;
      if (opt.coldCaches)
        flushCopy = [&] {
          flushFromCaches({{copySrc, copyElems * sizeof(float)},
                           {copyDst, copyElems * sizeof(float)}});
        };
      contenders.push_back({"copy", [&] { parallelCopy(copySrc, copyDst, copyElems, t); },
                            flushCopy});
      contenders.push_back({"copy 1 thread",
                            [&] { parallelCopy(copySrc, copyDst, copyElems, 1); }, flushCopy});
      std::vector<size_t> index;
      for (size_t i = 0; i < runners.size(); ++i)
        if (ok[i]) {
          Runner *r = runners[i].runner.get();
          std::function<void()> flush;
          if (opt.coldCaches)
            flush = [r] { flushFromCaches(r->buffers()); };
          contenders.push_back({labels[i], [r] { r->run(); }, flush});
          index.push_back(i);
        }
      double roundMs = 0;
      for (size_t c = 0; c < contenders.size(); ++c)
        roundMs += timeInterleaved({contenders[c]}, 0, 1)[0].medianMs;
      // Blocks of 3 counted calls after >= 10 ms of warm-up: >= 21 samples.
      int rounds = roundsFor(3 * roundMs + 10.0 * contenders.size(),
                             opt.budgetMs, 7, 60);
      auto timings = timeInterleaved(contenders, 0, rounds, 3);
      const size_t best = timings[1].medianMs < timings[0].medianMs ? 1 : 0;
      const double copyMs = timings[best].medianMs;
      Row copyRow{w.opName() + " " + w.shapeName(),
                  best ? "copy (same bytes, 1 thread)" : "copy (same bytes)", t,
                  copyMs, timings[best].minMs, bytes / (copyMs * 1e6), 100.0};
      rows.push_back(copyRow);
      std::printf("%-40s T=%d %-44s %8.3f ms (%d samples each)\n",
                  copyRow.workload.c_str(), t, "copy", copyMs, timings[0].samples);
      for (size_t c = 2; c < contenders.size(); ++c) {
        Row r;
        r.workload = copyRow.workload;
        r.impl = contenders[c].name;
        r.threads = t;
        r.medianMs = timings[c].medianMs;
        r.minMs = timings[c].minMs;
        r.gbs = bytes / (r.medianMs * 1e6);
        r.pctCopy = 100.0 * copyMs / r.medianMs;
        r.maxErr = errs[index[c - 2]];
        if (convFlops > 0)
          r.gflops = convFlops / (r.medianMs * 1e6);
        rows.push_back(r);
        std::printf("%-40s T=%d %-44s %8.3f ms  %6.1f GB/s  %5.1f%% of copy\n",
                    r.workload.c_str(), t, r.impl.c_str(), r.medianMs, r.gbs, r.pctCopy);
      }
    }
    for (size_t i = 0; i < runners.size(); ++i)
      if (!ok[i])
        rows.push_back({w.opName() + " " + w.shapeName(), runners[i].name,
                        opt.threads.front(), 0, 0, 0, 0, errs[i], 0, false, false});
  }

  if (opt.check) {
    std::printf("%d implementation checks failed\n", failures);
    return failures ? 1 : 0;
  }

  if (!opt.markdown.empty()) {
    std::ofstream md(opt.markdown);
    if (!opt.coldCaches) { // a cold run's tables join a warm run's report
      md << "## Machine\n\n"
         << "- CPU: " << cpuModel() << ", " << omp_get_num_procs() << " cores\n"
         << "- caches: " << cacheSummary() << "\n"
         << "- flags: " << cpuFlags() << "\n";
      for (int t : opt.threads)
        md << "- " << t << " thread(s): DRAM streaming copy (256 MiB) "
           << fmt(dramGBs[t], 1) << " GB/s read+write; " << fmaPeakIsa() << " FMA peak "
           << fmt(fmaPeak[t], 0)
           << " GFLOP/s (the larger of the measured all-thread figure and the "
              "threads times one core's)\n";
      md << "\n";
    }
    for (int t : opt.threads) {
      md << "## " << t << " thread" << (t > 1 ? "s" : "")
         << (opt.coldCaches ? ", cold caches" : "") << "\n\n"
         << (opt.coldCaches ? "Every buffer an implementation keeps (inputs, parameters, "
                              "results, kept scratch; the copy's too) is flushed from all cache "
                              "levels (clflush) before each counted call, so x comes from DRAM "
                              "(`normc-bench --cold-caches`; memory a library allocates inside a "
                              "call is not flushed, and the copy is glibc's memcpy). "
                            : "")
         << "Median of interleaved rounds (per round, each implementation runs "
            "10 ms of uncounted warm-up calls, then 3 counted calls); GB/s "
            "counts x read once + y written "
            "once (layer norm: also its scale and bias, each the size of a sample); % of copy is the same-size streaming copy's time over the "
            "implementation's; speedup = implementation's median / normc's (normc fused for conv blocks).\n\n"
         << "| workload | implementation | median ms | min ms | GB/s | % of copy "
            "| normc speedup | max error |\n|---|---|---|---|---|---|---|---|\n";
      std::map<std::string, double> normcMs;
      for (const Row &r : rows)
        if (r.threads == t && (r.impl == "normc" || r.impl == "normc fused"))
          normcMs[r.workload] = r.medianMs;
      for (const Row &r : rows) {
        if (r.threads != t)
          continue;
        if (!r.correct) {
          md << "| " << r.workload << " | " << r.impl << " | WRONG (max error "
             << r.maxErr << "), not timed | | | | | |\n";
          continue;
        }
        std::string speedup = "";
        if (normcMs.count(r.workload) && r.impl != "normc" && r.impl != "normc fused" &&
            r.impl.rfind("copy", 0))
          speedup = fmt(r.medianMs / normcMs[r.workload]) + "x";
        std::string name = r.impl;
        // Conv GFLOP/s: of the conv alone, and for normc's blocks the conv's
        // FLOPs over the whole block's time (a lower bound of its conv rate).
        if (r.gflops > 0 && (r.impl.find("conv only") != std::string::npos ||
                             r.impl.rfind("normc", 0) == 0))
          name += " (" + fmt(r.gflops, 0) + " GFLOP/s, " +
                  fmt(100.0 * r.gflops / fmaPeak[t], 0) + "% of FMA peak)";
        md << "| " << r.workload << " | " << name << " | " << fmtMs(r.medianMs)
           << " | " << fmtMs(r.minMs) << " | " << fmt(r.gbs, 1) << " | "
           << fmt(r.pctCopy, 0) << "% | " << speedup << " | "
           << (r.impl.rfind("copy", 0) == 0 ? "" : fmt(r.maxErr * 1e6, 1) + "e-6")
           << " |\n";
      }
      md << "\n";
    }
  }
  if (!opt.data.empty()) {
    // Wide table for gnuplot at the first thread count: one row per
    // workload, one column per implementation, % of the same-size copy
    // ('?' where an implementation does not cover the workload).
    std::vector<std::string> impls, loads;
    std::map<std::pair<std::string, std::string>, double> pct;
    for (const Row &r : rows) {
      if (r.threads != opt.threads.front() || !r.correct || !r.impl.rfind("copy", 0) ||
          r.impl.find("conv only") != std::string::npos)
        continue;
      if (std::find(impls.begin(), impls.end(), r.impl) == impls.end())
        impls.push_back(r.impl);
      if (std::find(loads.begin(), loads.end(), r.workload) == loads.end())
        loads.push_back(r.workload);
      pct[{r.workload, r.impl}] = r.pctCopy;
    }
    std::ofstream dat(opt.data);
    dat << "\"workload\"";
    for (const auto &i : impls)
      dat << " \"" << i << '"';
    dat << "\n";
    for (const auto &l : loads) {
      dat << '"' << l << '"';
      for (const auto &i : impls)
        dat << ' ' << (pct.count({l, i}) ? fmt(pct[{l, i}], 1) : std::string("?"));
      dat << "\n";
    }
  }
  return failures ? 1 : 0;
}
