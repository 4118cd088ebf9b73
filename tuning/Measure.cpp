//===- Measure.cpp - build and time candidate schedules for norm-tune -----===//
#include "tuning/Measure.h"
#include "tuning/HalfBits.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Program.h"
#include "llvm/Support/raw_ostream.h"

#include <cmath>
#include <cstring>
#include <fstream>
#include <sstream>

namespace normc {

std::string shellQuote(const std::string &word) {
  std::string out = "'";
  for (char c : word)
    out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

namespace {

std::string readFile(const std::string &path) {
  auto buffer = llvm::MemoryBuffer::getFile(path);
  return buffer ? (*buffer)->getBuffer().str() : std::string();
}

/// The last lines of a log, for error messages.
std::string tail(const std::string &text, size_t lines = 6) {
  size_t pos = text.size();
  while (pos > 0 && (text[pos - 1] == '\n'))
    --pos;
  size_t end = pos;
  for (size_t n = 0; pos > 0 && n < lines; --pos)
    if (text[pos - 1] == '\n')
      ++n;
  return text.substr(pos, end - pos);
}

llvm::sys::ProcessInfo startShell(const std::string &command, const std::string &outPath,
                                  const std::string &errPath, std::string &error) {
  std::optional<llvm::StringRef> redirects[] = {std::nullopt, llvm::StringRef(outPath),
                                                llvm::StringRef(errPath)};
  llvm::StringRef args[] = {"/bin/sh", "-c", command};
  bool failed = false;
  llvm::sys::ProcessInfo info =
      llvm::sys::ExecuteNoWait("/bin/sh", args, std::nullopt, redirects, 0, &error, &failed);
  if (failed)
    info.Pid = 0;
  return info;
}

/// Runs `commands` with at most `jobs` at a time; each one's exit status.
std::vector<int> runParallel(const std::vector<std::string> &commands,
                             const std::vector<std::string> &logs, int jobs) {
  std::vector<int> status(commands.size(), -1);
  std::vector<std::pair<size_t, llvm::sys::ProcessInfo>> running;
  size_t next = 0;
  while (next < commands.size() || !running.empty()) {
    while (next < commands.size() && static_cast<int>(running.size()) < std::max(1, jobs)) {
      std::string error;
      llvm::sys::ProcessInfo p = startShell(commands[next], logs[next], logs[next], error);
      if (p.Pid == 0)
        status[next] = -1;
      else
        running.push_back({next, p});
      ++next;
    }
    if (running.empty())
      continue;
    // Wait for the oldest; the others keep running meanwhile.
    auto [index, info] = running.front();
    running.erase(running.begin());
    llvm::sys::ProcessInfo done = llvm::sys::Wait(info, std::nullopt);
    status[index] = done.ReturnCode;
  }
  return status;
}

} // namespace

int runCommand(const std::string &command, const std::string &outPath,
               const std::string &errPath) {
  std::string error;
  llvm::sys::ProcessInfo p = startShell(command, outPath, errPath, error);
  if (p.Pid == 0)
    return -1;
  return llvm::sys::Wait(p, std::nullopt).ReturnCode;
}

bool Measurer::prepare(std::string &error) {
  const MeasureConfig &c = config_;
  std::string dir = c.workDir + "/support";
  llvm::sys::fs::create_directories(dir);
  // The Halide runtime for the target, as normc emits it for users.
  std::string log = dir + "/build.log";
  std::string cmd = shellQuote(c.normc) + " --emit=runtime --target=" + shellQuote(c.target) +
                    " -o " + shellQuote(dir + "/halide");
  if (runCommand(cmd, log, log) != 0) {
    error = "cannot build the Halide runtime for '" + c.target + "':\n" + tail(readFile(log));
    return false;
  }
  // libnormrt from its sources with the target's compiler (the host's
  // libnormrt.a is of no use on a board of another architecture).
  const char *sources[] = {"status.c",  "tensor.c", "kernel.c", "registry.c",
                           "internal/halide_bridge.c", "internal/halide_device.c"};
  std::vector<std::string> commands, logs;
  supportObjects_.clear();
  for (const char *s : sources) {
    std::string object = dir + "/" + llvm::sys::path::stem(s).str() + ".o";
    commands.push_back(c.cc + " -O2 -std=gnu99 -c " + shellQuote(c.runtimeDir + "/" + s) +
                       " -I " + shellQuote(c.runtimeDir) + " -I " +
                       shellQuote(c.halideInclude) + " -o " + shellQuote(object));
    logs.push_back(object + ".log");
    supportObjects_.push_back(object);
  }
  std::vector<int> status = runParallel(commands, logs, 2);
  for (size_t i = 0; i < status.size(); ++i)
    if (status[i] != 0) {
      error = "cannot compile libnormrt with '" + c.cc + "' (see --cc):\n" +
              tail(readFile(logs[i]));
      return false;
    }
  supportObjects_.push_back(dir + "/halide/normc_halide_runtime.a");
  return true;
}

std::vector<BuiltCandidate> Measurer::build(const std::string &function,
                                            const std::vector<TuningDb> &dbs,
                                            const std::vector<std::string> &autoschedulers,
                                            int jobs) {
  const MeasureConfig &c = config_;
  std::vector<BuiltCandidate> out(dbs.size());
  std::vector<std::string> commands, logs;
  for (size_t i = 0; i < dbs.size(); ++i) {
    BuiltCandidate &b = out[i];
    b.dir = c.workDir + "/" + function + "/c" + std::to_string(counter_++);
    llvm::sys::fs::remove_directories(b.dir);
    llvm::sys::fs::create_directories(b.dir);
    b.runner = b.dir + "/runner";
    b.log = b.dir + "/build.log";
    std::string cmd;
    if (c.buildMemoryMb > 0)
      cmd += "ulimit -v " + std::to_string(int64_t(c.buildMemoryMb) * 1024) + " && ";
    cmd += "timeout " + std::to_string(c.buildTimeoutS) + " " + shellQuote(c.normc) + " " +
           shellQuote(c.input) +
                      " --functions=" + shellQuote(function) +
                      " --library=normtune_candidate --emit=lib,header --target=" +
                      shellQuote(c.target) + " -o " + shellQuote(b.dir + "/lib");
    if (!dbs[i].records.empty()) {
      std::string error, db = b.dir + "/candidate.json";
      if (!saveTuningDb(db, dbs[i], error)) {
        b.error = error;
        commands.push_back("false");
        logs.push_back(b.log);
        continue;
      }
      cmd += " --tuning-db=" + shellQuote(db);
    }
    if (!autoschedulers[i].empty())
      cmd += " --autoschedule=" + shellQuote(autoschedulers[i]);
    if (!c.extraNormcFlags.empty())
      cmd += " " + c.extraNormcFlags;
    cmd += " && " + c.cc + " -O2 -std=gnu99 " + shellQuote(c.runnerSource) + " -I " +
           shellQuote(b.dir + "/lib") + " -I " + shellQuote(c.runtimeDir) + " -I " +
           shellQuote(c.halideInclude) + " " + shellQuote(b.dir + "/lib/normtune_candidate.a");
    for (const std::string &o : supportObjects_)
      cmd += " " + shellQuote(o);
    cmd += " -lpthread -ldl -lm -o " + shellQuote(b.runner);
    commands.push_back(cmd);
    logs.push_back(b.log);
  }
  std::vector<int> status = runParallel(commands, logs, jobs);
  for (size_t i = 0; i < out.size(); ++i) {
    out[i].ok = status[i] == 0 && out[i].error.empty();
    if (status[i] == 124) // timeout(1)'s status
      out[i].error = "normc took longer than " + std::to_string(c.buildTimeoutS) +
                     " s (--build-timeout)";
    else if (!out[i].ok && out[i].error.empty()) {
      std::string log = tail(readFile(out[i].log), 3);
      out[i].error = "exit status " + std::to_string(status[i]) +
                     (log.empty() ? std::string() : ": " + log);
    }
  }
  return out;
}

RunResult Measurer::run(const BuiltCandidate &candidate, const std::string &function, int reps,
                        int warmup, const std::string &dumpPath) {
  RunResult r;
  std::string cmd = config_.runnerPrefix.empty() ? std::string() : config_.runnerPrefix + " ";
  cmd += shellQuote(candidate.runner) + " " + shellQuote(function) +
         " --reps=" + std::to_string(reps) + " --warmup=" + std::to_string(warmup);
  if (config_.threads > 0)
    cmd += " --threads=" + std::to_string(config_.threads);
  if (!dumpPath.empty())
    cmd += " --dump=" + shellQuote(dumpPath);
  std::string outPath = candidate.dir + "/run.out", errPath = candidate.dir + "/run.err";
  int status = runCommand(cmd, outPath, errPath);
  std::string text = readFile(outPath);
  if (status != 0) {
    std::string err = tail(readFile(errPath), 3);
    r.error = "the runner exited with status " + std::to_string(status) +
              (err.empty() ? std::string() : ": " + err);
    return r;
  }
  std::istringstream lines(text);
  bool sawProtocol = false, sawMedian = false;
  for (std::string line; std::getline(lines, line);) {
    std::istringstream words(line);
    std::string key;
    words >> key;
    if (key == "runner") {
      int version = 0;
      words >> version;
      sawProtocol = version == 1;
    } else if (key == "cpu") {
      std::getline(words >> std::ws, r.cpu);
    } else if (key == "cores") {
      words >> r.cores;
    } else if (key == "time_ms") {
      for (double t; words >> t;)
        r.timesMs.push_back(t);
    } else if (key == "median_ms") {
      sawMedian = static_cast<bool>(words >> r.medianMs);
    } else if (key == "cpu_ms") {
      words >> r.cpuMs;
    } else if (key == "output") {
      int index;
      RunnerOutput o;
      words >> index >> o.name >> o.dtype >> o.elements;
      r.outputs.push_back(o);
    }
  }
  if (!sawProtocol || !sawMedian || r.medianMs < 0) {
    r.error = "the runner's report is not protocol 1 (" + tail(text, 2) + ")";
    return r;
  }
  r.ok = true;
  return r;
}

std::string compareDumps(const std::string &referencePath, const std::string &candidatePath,
                         const std::vector<RunnerOutput> &outputs) {
  std::string ref = readFile(referencePath), cand = readFile(candidatePath);
  size_t offset = 0;
  for (const RunnerOutput &o : outputs) {
    const bool f32 = o.dtype == "f32";
    const size_t size = f32 ? 4 : 2;
    // f32: schedules reorder sums (accumulators, chunks, one or two passes):
    // that moves results by ~1e-6 relative; an indexing or race error moves
    // them by the data's own scale (~1). f16/bf16 outputs are rounded from
    // f32: a reordered sum may land one unit in the last place away, so two
    // units (2^-10, 2^-7 relative) are allowed.
    const double tolerance = f32 ? 1e-4 : o.dtype == "f16" ? 2.0 / 1024 : 2.0 / 128;
    const size_t bytes = size * static_cast<size_t>(o.elements);
    if (ref.size() < offset + bytes || cand.size() < offset + bytes)
      return "output '" + o.name + "' is missing from a dump";
    for (int64_t i = 0; i < o.elements; ++i) {
      const char *pr = ref.data() + offset + i * size, *pc = cand.data() + offset + i * size;
      double a, b;
      if (f32) {
        float x, y;
        std::memcpy(&x, pr, 4), std::memcpy(&y, pc, 4);
        a = x, b = y;
      } else {
        uint16_t x, y;
        std::memcpy(&x, pr, 2), std::memcpy(&y, pc, 2);
        a = o.dtype == "f16" ? halfBitsToDouble(x) : bfloat16BitsToDouble(x);
        b = o.dtype == "f16" ? halfBitsToDouble(y) : bfloat16BitsToDouble(y);
      }
      if (std::isnan(a) && std::isnan(b))
        continue;
      if (!(std::fabs(a - b) <= tolerance * (1 + std::fabs(a)))) {
        char buf[160];
        std::snprintf(buf, sizeof buf, "output '%s' element %lld: %.7g, the default schedule gives %.7g",
                      o.name.c_str(), static_cast<long long>(i), b, a);
        return buf;
      }
    }
    offset += bytes;
  }
  return "";
}

} // namespace normc
