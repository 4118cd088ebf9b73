//===- Tuner.cpp - norm-tune's search: groups, candidates, rounds --------===//
#include "tuning/Tuner.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/raw_ostream.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <ctime>
#include <map>
#include <set>

namespace normc {

std::atomic<bool> Tuner::interrupted{false};

namespace {

double nowS() {
  using namespace std::chrono;
  return duration<double>(steady_clock::now().time_since_epoch()).count();
}

double median(std::vector<double> v) {
  if (v.empty())
    return 0;
  std::sort(v.begin(), v.end());
  size_t n = v.size();
  return n % 2 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
}

std::string today() {
  std::time_t t = std::time(nullptr);
  char buf[16];
  std::strftime(buf, sizeof buf, "%Y-%m-%d", std::gmtime(&t));
  return buf;
}

std::string duration(double s) {
  if (s < 0)
    s = 0;
  int total = static_cast<int>(s + 0.5);
  if (total >= 3600)
    return llvm::formatv("{0}h{1:2}m", total / 3600, (total / 60) % 60).str();
  if (total >= 60)
    return llvm::formatv("{0}m{1:2}s", total / 60, total % 60).str();
  return std::to_string(total) + "s";
}

/// The feature words of a canonical target ("x86-64-linux-avx2-fma" ->
/// "avx2,fma"), the fingerprint of a machine only reached through a runner.
std::string targetFeatures(const std::string &canonical) {
  llvm::SmallVector<llvm::StringRef> words;
  llvm::StringRef(canonical).split(words, '-');
  std::string out;
  for (size_t i = 3; i < words.size(); ++i)
    out += (out.empty() ? "" : ",") + words[i].str();
  return out.empty() ? std::string("base") : out;
}

} // namespace

bool readScheduleReport(const std::string &path, TunedFunction &out, std::string &error) {
  auto buffer = llvm::MemoryBuffer::getFile(path);
  if (!buffer) {
    error = "cannot read '" + path + "'";
    return false;
  }
  auto parsed = llvm::json::parse((*buffer)->getBuffer());
  if (!parsed) {
    error = "'" + path + "' is not JSON: " + llvm::toString(parsed.takeError());
    return false;
  }
  const llvm::json::Object *top = parsed->getAsObject();
  const llvm::json::Array *groups = top ? top->getArray("groups") : nullptr;
  if (!groups || !top->getString("function")) {
    error = "'" + path + "' is not a normc --emit=schedule report";
    return false;
  }
  out.name = top->getString("function")->str();
  if (auto t = top->getString("target"))
    out.target = t->str();
  for (const llvm::json::Value &v : *groups) {
    const llvm::json::Object *g = v.getAsObject();
    TunedGroup group;
    if (!g || !g->getString("name") || !g->getString("role") ||
        !parseRole(g->getString("role")->str(), group.role) || !g->getObject("requested")) {
      error = "'" + path + "': a group without name, role or requested knobs";
      return false;
    }
    group.name = g->getString("name")->str();
    if (const llvm::json::Array *shape = g->getArray("shape"))
      for (const llvm::json::Value &d : *shape)
        group.shape.push_back(d.getAsInteger().value_or(-1));
    group.channelsLast = g->getBoolean("channels_last").value_or(false);
    if (!knobsFromJson(*g->getObject("requested"), group.defaults, error)) {
      error = "'" + path + "' group " + group.name + ": " + error;
      return false;
    }
    out.groups.push_back(std::move(group));
  }
  return true;
}

Tuner::Tuner(Measurer &measurer, TuneOptions options, TargetFacts facts, TuningDb db)
    : measurer_(measurer), options_(std::move(options)), facts_(facts), db_(std::move(db)) {}

bool Tuner::save(std::string &error) { return saveTuningDb(options_.dbPath, db_, error); }

void Tuner::progress(const std::string &line, bool final) {
  if (options_.progressTty) {
    llvm::errs() << "\r\x1b[K" << line;
    if (final)
      llvm::errs() << "\n";
  } else {
    llvm::errs() << line << "\n";
  }
  llvm::errs().flush();
}

TuningRecord Tuner::recordFor(const TunedFunction &fn, const TunedGroup &g,
                              const CpuKnobs &knobs, double timeMs) const {
  TuningRecord r;
  r.group = g.name;
  r.target = measurer_.config().canonical;
  r.hardware = hardware_;
  r.knobs = knobsToJson(knobs, g.role, facts_.gpu);
  r.timeMs = timeMs;
  r.date = today();
  r.normcVersion = options_.normcVersion;
  r.function = fn.name;
  return r;
}

TuningDb Tuner::candidateDb(const TunedFunction &fn, const std::vector<CpuKnobs> &knobs) const {
  TuningDb db;
  for (size_t i = 0; i < fn.groups.size(); ++i) {
    TuningRecord r = recordFor(fn, fn.groups[i], knobs[i], 1.0);
    // normc prefers records of its own machine kind: the one it runs on.
    r.hardware = hostFingerprint();
    db.put(r);
  }
  return db;
}

Tuner::Measured Tuner::compare(const BuiltCandidate &a, const BuiltCandidate &b,
                               const std::string &function, int rounds) {
  Measured m;
  std::vector<double> as, bs, ratios;
  for (int r = 0; r < rounds && !interrupted; ++r) {
    // A B, then B A: drift over the rounds hits both alike.
    RunResult ra, rb;
    if (r % 2 == 0) {
      ra = measurer_.run(a, function, reps_, 1, "");
      rb = measurer_.run(b, function, reps_, 1, "");
    } else {
      rb = measurer_.run(b, function, reps_, 1, "");
      ra = measurer_.run(a, function, reps_, 1, "");
    }
    if (!ra.ok || !rb.ok) {
      m.error = !ra.ok ? ra.error : rb.error;
      return m;
    }
    as.push_back(ra.medianMs);
    bs.push_back(rb.medianMs);
    ratios.push_back(rb.medianMs / std::max(ra.medianMs, 1e-9));
    if (rb.medianMs < ra.medianMs)
      ++m.bWins;
  }
  if (ratios.empty()) {
    m.error = "interrupted";
    return m;
  }
  m.aMs = median(as);
  m.bMs = median(bs);
  m.ratio = median(ratios);
  m.ok = true;
  return m;
}

bool Tuner::run(const std::vector<TunedFunction> &functions, std::string &error) {
  startS_ = nowS();
  int groups = 0;
  for (const TunedFunction &f : functions)
    groups += static_cast<int>(f.groups.size());
  totalTrials_ = groups * options_.trialsPerGroup;
  remainingGroups_ = groups;
  bool allOk = true;
  for (const TunedFunction &f : functions) {
    if (interrupted)
      break;
    std::string fnError;
    switch (tuneFunction(f, fnError)) {
    case Stop::None:
      break;
    case Stop::Function:
      llvm::errs() << "norm-tune: error: @" << f.name << ": " << fnError << "\n";
      allOk = false;
      break;
    case Stop::Run:
      error = fnError;
      return false;
    }
  }
  llvm::errs() << llvm::formatv("norm-tune: {0} candidates measured in {1}; {2} pruned by the "
                                "cost model, {3} failed to build or run, {4} gave wrong "
                                "results and were discarded\n",
                                doneTrials_, duration(nowS() - startS_), pruned_, failed_,
                                wrong_);
  if (interrupted)
    llvm::errs() << "norm-tune: interrupted; what was found is in '" << options_.dbPath
                 << "' (--resume goes on)\n";
  if (!allOk)
    error = "some functions could not be tuned (see above)";
  return allOk;
}

Tuner::Stop Tuner::tuneFunction(const TunedFunction &fn, std::string &error) {
  const std::string &name = fn.name;
  const size_t n = fn.groups.size();
  std::vector<CpuKnobs> defaults(n), best(n);
  std::vector<int> doneBefore(n, 0);
  std::vector<double> gains(n, 1.0);
  for (size_t i = 0; i < n; ++i) {
    defaults[i] = best[i] = fn.groups[i].defaults;
    if (!options_.resume)
      continue;
    const TuningRecord *r = db_.best(fn.groups[i].name, measurer_.config().canonical,
                                     hardware_.cpu.empty() ? hostFingerprint() : hardware_);
    std::string knobError;
    if (r && knobsFromJson(r->knobs, best[i], knobError)) {
      doneBefore[i] = r->trials;
      gains[i] = r->gain > 0 ? r->gain : 1.0;
    }
  }

  // The defaults, the resumed best (when it differs) and the autoschedulers.
  std::vector<TuningDb> dbs{TuningDb()};
  std::vector<std::string> schedulers{""};
  const bool resumed = best != defaults;
  if (resumed) {
    dbs.push_back(candidateDb(fn, best));
    schedulers.push_back("");
  }
  for (const std::string &a : options_.autoschedulers) {
    dbs.push_back(TuningDb());
    schedulers.push_back(a);
  }
  progress("norm-tune: @" + name + ": building the defaults" +
               (options_.autoschedulers.empty() ? std::string()
                                                : " and " + std::to_string(options_.autoschedulers.size()) +
                                                      " autoscheduled versions"),
           true);
  std::vector<BuiltCandidate> first = measurer_.build(name, dbs, schedulers, options_.jobs);
  const BuiltCandidate defaultBuilt = first[0];
  if (!defaultBuilt.ok) {
    error = "the default schedule does not build: " + defaultBuilt.error;
    return Stop::Function;
  }
  const std::string reference = defaultBuilt.dir + "/reference.bin";
  RunResult ref = measurer_.run(defaultBuilt, name, 3, 1, reference);
  if (!ref.ok) {
    error = "the default schedule does not run: " + ref.error;
    return Stop::Function;
  }
  if (hardware_.cpu.empty()) {
    if (measurer_.config().runnerPrefix.empty()) {
      hardware_ = hostFingerprint();
    } else {
      hardware_.cpu = ref.cpu;
      hardware_.cores = ref.cores;
      hardware_.features = targetFeatures(measurer_.config().canonical);
    }
  }
  // Enough repetitions per process for ~measureMs of kernel time.
  reps_ = static_cast<int>(std::clamp(options_.measureMs / std::max(ref.medianMs, 1e-3), 3.0, 1000.0));
  const std::vector<RunnerOutput> outputs = ref.outputs;
  // A candidate's first run: its outputs against the defaults'. Empty when
  // they agree; `wrong` tells a wrong result from a failure to run.
  auto check = [&](const BuiltCandidate &c, double &firstMs, bool &wrong) -> std::string {
    wrong = false;
    std::string dump = c.dir + "/outputs.bin";
    RunResult r = measurer_.run(c, name, std::max(1, reps_ / 3), 1, dump);
    if (!r.ok)
      return "run: " + r.error;
    firstMs = r.medianMs;
    std::string diff = compareDumps(reference, dump, outputs);
    llvm::sys::fs::remove(dump);
    wrong = !diff.empty();
    return wrong ? "wrong results: " + diff : std::string();
  };

  BuiltCandidate incumbent = defaultBuilt;
  double incumbentMs = ref.medianMs;
  if (resumed) {
    double ms = 0;
    bool wrong;
    std::string problem = first[1].ok ? check(first[1], ms, wrong) : first[1].error;
    if (problem.empty()) {
      incumbent = first[1];
      incumbentMs = ms;
    } else {
      progress("norm-tune: @" + name + ": the resumed knobs fail (" + problem +
                   "); starting from the defaults",
               true);
      best = defaults;
    }
  }

  const int cores = hardware_.cores > 0 ? hardware_.cores : 1;
  for (size_t gi = 0; gi < n && !interrupted; ++gi) {
    const TunedGroup &g = fn.groups[gi];
    if (tunedHere_.count(g.name)) { // the same group in an earlier function
      best[gi] = tunedHere_[g.name];
      --remainingGroups_;
      continue;
    }
    SearchSpace space(g, facts_, cores, options_.searchStats);
    int budget = std::max(0, options_.trialsPerGroup - doneBefore[gi]);
    double deadline = 1e300;
    if (options_.timeBudgetS > 0) {
      double left = options_.timeBudgetS - (nowS() - startS_);
      deadline = nowS() + left / std::max(1, remainingGroups_);
    }
    std::mt19937 rng(options_.seed + static_cast<unsigned>(std::hash<std::string>()(g.name)));
    size_t rejected = 0;
    // A space of at most `limit` points comes back whole (sample()): then
    // the search is exhaustive when the plausible ones fit the budget.
    const size_t limit = std::max<size_t>(256, 8 * budget);
    std::vector<CpuKnobs> pool = space.sample(limit, rng, &rejected);
    pruned_ += static_cast<int>(rejected);
    const bool exhaustive = space.rawSize() <= limit && pool.size() <= static_cast<size_t>(budget);
    std::set<std::string> tried{space.key(best[gi]), space.key(defaults[gi])};
    size_t poolNext = 0;
    int trials = 0;
    progress(llvm::formatv("norm-tune: @{0}: group {1} ({2}, {3} of {4}): {5} knobs, {6} "
                           "plausible points{7}, {8} trials",
                           name, g.name, roleName(g.role), gi + 1, n, space.axes().size(),
                           exhaustive ? std::to_string(pool.size()) : "sampled " + std::to_string(pool.size()),
                           exhaustive ? " (exhaustive)" : "", std::min<size_t>(budget, exhaustive ? pool.size() : budget))
                 .str(),
             true);
    while (trials < budget && !interrupted && nowS() < deadline) {
      // The next batch: random points for the first half of the budget,
      // then neighbours of the best (local refinement), then the pool.
      std::vector<CpuKnobs> batch;
      if (!exhaustive && trials >= budget / 2)
        for (const CpuKnobs &k : space.neighbours(best[gi]))
          if (static_cast<int>(batch.size()) < options_.jobs &&
              trials + static_cast<int>(batch.size()) < budget && tried.insert(space.key(k)).second)
            batch.push_back(k);
      while (static_cast<int>(batch.size()) < options_.jobs && poolNext < pool.size() &&
             trials + static_cast<int>(batch.size()) < budget) {
        const CpuKnobs &k = pool[poolNext++];
        if (tried.insert(space.key(k)).second)
          batch.push_back(k);
      }
      if (batch.empty())
        break; // the space is exhausted
      std::vector<TuningDb> batchDbs;
      for (const CpuKnobs &k : batch) {
        std::vector<CpuKnobs> all = best;
        all[gi] = k;
        batchDbs.push_back(candidateDb(fn, all));
      }
      std::vector<BuiltCandidate> built = measurer_.build(
          name, batchDbs, std::vector<std::string>(batch.size()), options_.jobs);
      for (size_t b = 0; b < batch.size() && !interrupted; ++b) {
        ++trials;
        ++doneTrials_;
        std::string verdict;
        double firstMs = 0;
        bool wrong = false;
        std::string problem =
            built[b].ok ? check(built[b], firstMs, wrong) : "build: " + built[b].error;
        bool keep = false;
        if (!problem.empty()) {
          ++(wrong ? wrong_ : failed_);
          verdict = problem;
        } else if (firstMs > 1.5 * incumbentMs) {
          verdict = llvm::formatv("{0:f2}x slower on its first run", firstMs / incumbentMs).str();
        } else {
          Measured m = compare(incumbent, built[b], name, options_.rounds);
          if (!m.ok) {
            ++failed_;
            verdict = m.error;
          } else if (m.ratio < 1 - options_.minGain && 2 * m.bWins > options_.rounds) {
            keep = true;
            verdict = llvm::formatv("kept: {0:f3}x the best's time", m.ratio).str();
            gains[gi] /= m.ratio;
            best[gi] = batch[b];
            if (incumbent.dir != defaultBuilt.dir)
              llvm::sys::fs::remove_directories(incumbent.dir);
            incumbent = built[b];
            incumbentMs = m.bMs;
          } else {
            verdict = llvm::formatv("{0:f3}x the best's time", m.ratio).str();
          }
        }
        if (!keep)
          llvm::sys::fs::remove_directories(built[b].dir);
        double gain = 1;
        for (double x : gains)
          gain *= x;
        double elapsed = nowS() - startS_;
        double eta = doneTrials_ > 0 ? elapsed / doneTrials_ * std::max(0, totalTrials_ - doneTrials_) : 0;
        progress(llvm::formatv("[{0,4}/{1}] @{2} {3}: {4} | best {5:f3} ms, {6:f2}x vs default | "
                               "ETA {7}",
                               doneTrials_, totalTrials_, name, space.key(batch[b]), verdict,
                               incumbentMs, gain, duration(eta))
                     .str(),
                 !options_.progressTty || keep);
      }
      // What was found so far survives an interruption.
      TuningRecord r = recordFor(fn, g, best[gi], incumbentMs);
      r.trials = doneBefore[gi] + trials;
      r.gain = gains[gi];
      db_.put(r);
      std::string saveError;
      if (!save(saveError)) {
        error = saveError;
        return Stop::Run;
      }
    }
    tunedHere_[g.name] = best[gi];
    --remainingGroups_;
  }
  if (interrupted)
    return Stop::None;

  // The final word, all in one run: defaults vs tuned, then each
  // autoscheduler vs tuned.
  double tunedMs = incumbentMs, defaultMs = incumbentMs;
  if (incumbent.dir != defaultBuilt.dir) {
    Measured m = compare(defaultBuilt, incumbent, name, std::max(5, options_.rounds));
    if (m.ok) {
      // The tuned time is the defaults' scaled by the median round's ratio,
      // so that the two figures and their speed-up agree.
      defaultMs = m.aMs;
      tunedMs = m.aMs * m.ratio;
      if (m.ratio >= 1) {
        // Noise made a candidate win earlier: the defaults stay.
        progress(llvm::formatv("norm-tune: @{0}: the tuned schedule measured {1:f3}x the "
                               "defaults' time in the final rounds; keeping the defaults",
                               name, m.ratio)
                     .str(),
                 true);
        best = defaults;
        for (const TunedGroup &g : fn.groups) // later functions sharing a group too
          tunedHere_[g.name] = g.defaults;
        tunedMs = defaultMs;
        std::fill(gains.begin(), gains.end(), 1.0);
        incumbent = defaultBuilt;
      }
    }
  }
  llvm::json::Object autos;
  for (size_t i = 0; i < options_.autoschedulers.size(); ++i) {
    const BuiltCandidate &c = first[(resumed ? 2 : 1) + i];
    const std::string &a = options_.autoschedulers[i];
    double ms = 0;
    bool wrong;
    std::string problem = c.ok ? check(c, ms, wrong) : "build: " + c.error;
    if (problem.empty()) {
      Measured m = compare(incumbent, c, name, options_.rounds);
      if (m.ok)
        autos[a] = tunedMs * m.ratio;
      else
        problem = m.error;
    }
    if (!problem.empty()) {
      std::string firstLine = problem.substr(0, problem.find('\n'));
      autos[a] = "failed: " + firstLine.substr(0, 200);
    }
    llvm::sys::fs::remove_directories(c.dir);
  }
  for (size_t gi = 0; gi < n; ++gi) {
    TuningRecord r = recordFor(fn, fn.groups[gi], best[gi], tunedMs);
    const TuningRecord *old = db_.best(r.group, r.target, hardware_);
    r.trials = old && old->hardware.sameMachineKind(hardware_) ? old->trials : doneBefore[gi];
    r.gain = gains[gi];
    r.defaultMs = defaultMs;
    r.autoschedulers = autos;
    db_.put(r);
  }
  std::string saveError;
  if (!save(saveError)) {
    error = saveError;
    return Stop::Run;
  }
  std::string line = llvm::formatv("norm-tune: @{0}: default {1:f3} ms, tuned {2:f3} ms ({3:f2}x)",
                                   name, defaultMs, tunedMs, defaultMs / tunedMs)
                         .str();
  for (const auto &[a, v] : autos) {
    if (auto ms = v.getAsNumber())
      line += llvm::formatv(", {0} {1:f3} ms", a.str(), *ms).str();
    else
      line += ", " + a.str() + " failed";
  }
  progress(line, true);
  if (incumbent.dir != defaultBuilt.dir)
    llvm::sys::fs::remove_directories(incumbent.dir);
  llvm::sys::fs::remove_directories(defaultBuilt.dir);
  return Stop::None;
}

std::string tuningReport(const TuningDb &db) {
  std::string text;
  llvm::raw_string_ostream os(text);
  // Functions in first-record order, with their records.
  std::vector<std::pair<std::string, std::vector<const TuningRecord *>>> functions;
  for (const TuningRecord &r : db.records) {
    std::string key = (r.function.empty() ? "(unknown)" : r.function) + "\t" + r.target + "\t" +
                      r.hardware.cpu;
    auto it = std::find_if(functions.begin(), functions.end(),
                           [&](const auto &f) { return f.first == key; });
    if (it == functions.end())
      functions.push_back({key, {&r}});
    else
      it->second.push_back(&r);
  }
  std::set<std::string> schedulers;
  for (const TuningRecord &r : db.records)
    for (const auto &kv : r.autoschedulers)
      schedulers.insert(kv.first.str());
  os << "| function | target | machine | default ms | tuned ms | tuned vs default |";
  for (const std::string &s : schedulers)
    os << " " << s << " ms (tuned vs it) |";
  os << "\n|---|---|---|---|---|---|";
  for (size_t i = 0; i < schedulers.size(); ++i)
    os << "---|";
  os << "\n";
  double logSum = 0;
  int counted = 0;
  for (const auto &[key, records] : functions) {
    const TuningRecord &r = *records.front();
    os << "| " << (r.function.empty() ? "(unknown)" : r.function) << " | " << r.target << " | "
       << r.hardware.cpu << " | ";
    if (r.defaultMs > 0) {
      os << llvm::formatv("{0:f3} | {1:f3} | {2:f2}x |", r.defaultMs, r.timeMs,
                          r.defaultMs / r.timeMs);
      logSum += std::log(r.defaultMs / r.timeMs);
      ++counted;
    } else {
      os << "- | " << llvm::formatv("{0:f3}", r.timeMs) << " | (not finished) |";
    }
    for (const std::string &s : schedulers) {
      auto it = r.autoschedulers.find(s);
      if (it == r.autoschedulers.end())
        os << " - |";
      else if (auto ms = it->second.getAsNumber())
        os << llvm::formatv(" {0:f3} ({1:f2}x) |", *ms, *ms / r.timeMs);
      else
        os << " " << it->second.getAsString().value_or("failed").str().substr(0, 60) << " |";
    }
    os << "\n";
  }
  if (counted)
    os << llvm::formatv("\nGeometric mean of tuned vs default over {0} functions: {1:f3}x\n",
                        counted, std::exp(logSum / counted));
  os << "\n| group | function | role knobs (as tuned) | trials | gain from its knobs |\n"
        "|---|---|---|---|---|\n";
  for (const auto &[key, records] : functions)
    for (const TuningRecord *r : records) {
      std::vector<std::string> items;
      for (const auto &kv : r->knobs) {
        std::string v;
        if (auto i = kv.second.getAsInteger())
          v = std::to_string(*i);
        else if (auto b = kv.second.getAsBoolean())
          v = *b ? "true" : "false";
        else
          v = kv.second.getAsString().value_or("?").str();
        items.push_back(kv.first.str() + "=" + v);
      }
      std::sort(items.begin(), items.end());
      std::string knobs;
      for (const std::string &item : items)
        knobs += (knobs.empty() ? "" : ", ") + item;
      os << "| " << r->group << " | " << r->function << " | " << knobs << " | " << r->trials
         << " | " << llvm::formatv("{0:f2}x", r->gain > 0 ? r->gain : 1.0) << " |\n";
    }
  return os.str();
}

} // namespace normc
