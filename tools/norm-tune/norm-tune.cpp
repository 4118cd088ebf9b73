//===- norm-tune.cpp - tune normc's schedules on the machine at hand ------===//
//
// norm-tune IN.mlir --db=FILE [--target=T] [--budget=N|<time>] [--runner=CMD]
// norm-tune --report --db=FILE
// norm-tune --merge=A.json,B.json --db=FILE
//
// Finds fast knobs for every kernel group of IN by building candidates with
// normc and timing them where they run (here, or behind --runner), and
// records them in a tuning database that `normc --tuning-db` reads. The
// search, the measurement and the database are in tuning/ (Tuner.h,
// Measure.h, SearchSpace.h); docs/tuning.md explains them.
//
//===----------------------------------------------------------------------===//
#include "tuning/Autoschedulers.h"
#include "tuning/Tuner.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Program.h"
#include "llvm/Support/raw_ostream.h"

#include <algorithm>
#include <csignal>
#include <thread>
#include <unistd.h>

namespace cl = llvm::cl;

namespace {

cl::OptionCategory tuneCategory("norm-tune options");

cl::opt<std::string> inputFile(cl::Positional, cl::desc("<input.mlir | model.onnx>"),
                               cl::cat(tuneCategory));
cl::opt<std::string> dbPath("db",
                            cl::desc("Tuning database to write (created if missing, "
                                     "merged into if present; written atomically after "
                                     "every batch), e.g. --db=tuned.json"),
                            cl::value_desc("file"), cl::cat(tuneCategory));
cl::opt<std::string> target("target",
                            cl::desc("Halide target to tune for, as normc takes it "
                                     "(default: host), e.g. --target=arm-64-linux"),
                            cl::init("host"), cl::cat(tuneCategory));
cl::opt<std::string> budget(
    "budget",
    cl::desc("Candidates measured per kernel group (a number, default 24), or "
             "the whole run's time (90s, 20m, 1h; split evenly over the groups)"),
    cl::value_desc("N|time"), cl::init("24"), cl::cat(tuneCategory));
cl::opt<std::string> runner(
    "runner",
    cl::desc("Command prefix that runs a candidate where its kernels run, e.g. "
             "--runner='qemu-aarch64 -L /usr/aarch64-linux-gnu' or --runner='ssh board' "
             "(the board must see --work-dir at the same path). Default: run here"),
    cl::value_desc("cmd"), cl::init(""), cl::cat(tuneCategory));
cl::opt<std::string> ccOption(
    "cc",
    cl::desc("C compiler for the target, to link candidates with the runner "
             "(default: cc for x86-64, aarch64-linux-gnu-gcc for arm-64 on another "
             "host)"),
    cl::value_desc("cmd"), cl::init(""), cl::cat(tuneCategory));
cl::opt<std::string> functionList("functions",
                                  cl::desc("Tune only these functions (comma-separated)"),
                                  cl::value_desc("f,g"), cl::init(""), cl::cat(tuneCategory));
const std::string autoschedulersHelp =
    "Halide autoschedulers to measure per function as reference points "
    "(comma-separated: " + normc::autoschedulerNames() + "; or none). Default: "
    "all of them on CPU targets";
cl::opt<std::string> autoschedulers(
    "autoschedulers", cl::desc(autoschedulersHelp),
    cl::value_desc("list|none"), cl::init(""), cl::cat(tuneCategory));
cl::opt<int> jobs("jobs",
                  cl::desc("Candidates built in parallel (default: the cores); timing "
                           "never runs in parallel"),
                  cl::init(0), cl::cat(tuneCategory));
cl::opt<int> rounds("rounds",
                    cl::desc("Interleaved rounds per comparison with the best (default 3)"),
                    cl::init(3), cl::cat(tuneCategory));
cl::opt<double> minGain("min-gain",
                        cl::desc("How much faster a candidate must be, in the median "
                                 "round, to replace the best (default 0.02 = 2%)"),
                        cl::init(0.02), cl::cat(tuneCategory));
cl::opt<double> measureMs("measure-ms",
                          cl::desc("Kernel time per timing process in ms (default 100): "
                                   "sets the repetitions"),
                          cl::init(100), cl::cat(tuneCategory));
cl::opt<int> threads("kernel-threads",
                     cl::desc("Threads the kernels run with, e.g. --kernel-threads=2 (default: the machine's)"),
                     cl::init(0), cl::cat(tuneCategory));
cl::opt<bool> resume("resume",
                     cl::desc("Go on from the records already in --db: groups with the "
                              "full budget of trials are skipped, the others continue "
                              "from their best knobs"),
                     cl::cat(tuneCategory));
cl::opt<bool> allowOnePassStats(
    "allow-one-pass-stats",
    cl::desc("Also search stats=shifted_one_pass (one read of x instead of two; "
             "loses digits when a plane's first element is a far outlier). "
             "Default: the statistics stay two_pass, exact for any data"),
    cl::cat(tuneCategory));
cl::opt<bool> report("report",
                     cl::desc("Print --db as tables (tuned vs default vs each "
                              "autoscheduler, per function and per group) and exit"),
                     cl::cat(tuneCategory));
cl::opt<std::string> mergeList(
    "merge",
    cl::desc("Merge these databases into --db (per group, target and machine kind "
             "the faster record) and exit"),
    cl::value_desc("a.json,b.json"), cl::init(""), cl::cat(tuneCategory));
cl::opt<std::string> workDir("work-dir",
                             cl::desc("Where candidates are built (default: a new "
                                      "directory in $TMPDIR, removed at the end)"),
                             cl::value_desc("dir"), cl::init(""), cl::cat(tuneCategory));
cl::opt<std::string> normcPath("normc",
                               cl::desc("The normc executable (default: the one next to "
                                        "norm-tune)"),
                               cl::value_desc("path"), cl::init(""), cl::cat(tuneCategory));
cl::opt<std::string> normcFlags("normc-flags",
                                cl::desc("Extra flags for every normc command, e.g. "
                                         "--normc-flags=--fuse=none"),
                                cl::value_desc("flags"), cl::init(""), cl::cat(tuneCategory));
cl::opt<int> buildTimeout("build-timeout",
                          cl::desc("Seconds one candidate's build may take (default 300); "
                                   "a slower build counts as failed"),
                          cl::init(300), cl::cat(tuneCategory));
cl::opt<int> buildMemory(
    "build-memory",
    cl::desc("MiB of address space one candidate's build may use (default: 70% of "
             "the memory divided by --jobs; 0: no limit)"),
    cl::init(-1), cl::cat(tuneCategory));
cl::opt<unsigned> seed("seed", cl::desc("Seed of the random search (default 1)"), cl::init(1),
                       cl::cat(tuneCategory));

int fail(const llvm::Twine &message) {
  llvm::errs() << "norm-tune: error: " << message << "\n";
  return 1;
}

void onInterrupt(int) { normc::Tuner::interrupted = true; }

/// --budget: a count of trials per group, or a time ("90s", "20m", "1h").
bool parseBudget(llvm::StringRef text, int &trials, double &seconds) {
  llvm::StringRef digits = text.take_while(llvm::isDigit);
  llvm::StringRef unit = text.drop_front(digits.size());
  unsigned long long value;
  if (digits.empty() || llvm::getAsUnsignedInteger(digits, 10, value) || value == 0 ||
      value > 1000000)
    return false;
  if (unit.empty()) {
    trials = static_cast<int>(value);
    return true;
  }
  double scale = unit == "s" ? 1 : unit == "m" ? 60 : unit == "h" ? 3600 : 0;
  if (scale == 0)
    return false;
  seconds = value * scale;
  trials = 1000000; // the time decides
  return true;
}

/// The first existing directory holding libnormrt's sources and the runner:
/// the installed share/normc/tune next to the executable, else the source
/// tree this norm-tune was built from.
bool findSupport(const char *argv0, std::string &runtimeDir, std::string &runnerSource) {
  std::string exe = llvm::sys::fs::getMainExecutable(argv0, reinterpret_cast<void *>(&fail));
  llvm::SmallString<256> installed(llvm::sys::path::parent_path(llvm::sys::path::parent_path(exe)));
  llvm::sys::path::append(installed, "share", "normc", "tune");
  const std::string candidates[][2] = {
      {std::string(installed) + "/runtime", std::string(installed) + "/norm_tune_runner.c"},
      {std::string(NORMC_SOURCE_DIR) + "/runtime",
       std::string(NORMC_SOURCE_DIR) + "/tuning/runner/norm_tune_runner.c"}};
  for (const auto &c : candidates)
    if (llvm::sys::fs::exists(c[0] + "/kernel.c") && llvm::sys::fs::exists(c[1])) {
      runtimeDir = c[0];
      runnerSource = c[1];
      return true;
    }
  return false;
}

} // namespace

int main(int argc, char **argv) {
  llvm::InitLLVM init(argc, argv);
  cl::HideUnrelatedOptions(tuneCategory);
  cl::SetVersionPrinter([](llvm::raw_ostream &os) {
    os << "norm-tune " << NORMC_VERSION << " (normc's schedule tuner)\n";
  });
  cl::ParseCommandLineOptions(
      argc, argv,
      "norm-tune: find fast schedule knobs for normc kernels on this machine\n\n"
      "  norm-tune model.mlir --db=tuned.json                 # tune here, 24 trials/group\n"
      "  norm-tune model.mlir --db=tuned.json --budget=20m --resume\n"
      "  norm-tune model.mlir --db=arm.json --target=arm-64-linux \\\n"
      "      --runner='qemu-aarch64 -L /usr/aarch64-linux-gnu'\n"
      "  norm-tune --report --db=tuned.json\n"
      "  normc model.mlir -o out/ --tuning-db=tuned.json      # use the results\n\n"
      "Each kernel group's knobs (normc --list-knobs) are searched; each candidate\n"
      "is built with normc, checked against the default schedule's outputs, and\n"
      "timed interleaved with the best so far. Ctrl-C keeps what was found. See\n"
      "docs/tuning.md.\n");

  if (dbPath.empty())
    return fail("no database; use --db=<file>");
  normc::TuningDb db;
  std::string error;
  const bool haveDb = llvm::sys::fs::exists(dbPath);
  if (haveDb && !normc::loadTuningDb(dbPath, db, error))
    return fail(error);

  if (report) {
    if (!haveDb)
      return fail("cannot read tuning database '" + dbPath + "': no such file");
    llvm::outs() << normc::tuningReport(db);
    return 0;
  }
  if (!mergeList.empty()) {
    llvm::SmallVector<llvm::StringRef> files;
    llvm::StringRef(mergeList).split(files, ',', -1, false);
    for (llvm::StringRef f : files) {
      normc::TuningDb other;
      if (!normc::loadTuningDb(f.str(), other, error))
        return fail(error);
      for (normc::TuningRecord &r : other.records)
        db.merge(std::move(r));
    }
    if (!normc::saveTuningDb(dbPath, db, error))
      return fail(error);
    llvm::outs() << "norm-tune: " << db.records.size() << " records in '" << dbPath << "'\n";
    return 0;
  }
  if (inputFile.empty())
    return fail("no input file (or use --report / --merge)");
  if (!llvm::sys::fs::exists(inputFile))
    return fail("cannot open input file '" + inputFile + "': no such file");
  normc::TuneOptions options;
  if (!parseBudget(budget, options.trialsPerGroup, options.timeBudgetS))
    return fail("invalid '--budget=" + budget +
                "' (expected trials per group, e.g. 24, or a time: 90s, 20m, 1h)");
  if (rounds < 1 || rounds > 99)
    return fail("'--rounds' must be in 1..99");
  if (minGain < 0 || minGain >= 1)
    return fail("'--min-gain' must be in [0, 1)");
  if (measureMs <= 0)
    return fail("'--measure-ms' must be positive");

  normc::MeasureConfig config;
  config.normc = normcPath;
  if (config.normc.empty()) {
    std::string exe = llvm::sys::fs::getMainExecutable(argv[0], reinterpret_cast<void *>(&fail));
    llvm::SmallString<256> sibling(llvm::sys::path::parent_path(exe));
    // The build tree has tools/norm-tune/ and tools/normc/; an install, one bin/.
    for (const char *rel : {"normc", "../normc/normc"}) {
      llvm::SmallString<256> p(sibling);
      llvm::sys::path::append(p, rel);
      if (llvm::sys::fs::can_execute(p)) {
        config.normc = std::string(p);
        break;
      }
    }
    if (config.normc.empty()) {
      auto found = llvm::sys::findProgramByName("normc");
      if (!found)
        return fail("cannot find normc next to norm-tune or on PATH; use --normc=<path>");
      config.normc = *found;
    }
  }
  config.input = inputFile;
  config.target = target;
  config.runnerPrefix = runner;
  config.extraNormcFlags = normcFlags;
  config.threads = threads;
  config.halideInclude = NORMC_HALIDE_INCLUDE_DIR;
  if (!findSupport(argv[0], config.runtimeDir, config.runnerSource))
    return fail("cannot find libnormrt's sources and norm_tune_runner.c (share/normc/tune)");

  // Work directory.
  bool removeWork = workDir.empty();
  if (removeWork) {
    llvm::SmallString<256> dir;
    if (std::error_code ec = llvm::sys::fs::createUniqueDirectory("norm-tune", dir))
      return fail("cannot create a work directory: " + ec.message());
    config.workDir = std::string(dir);
  } else {
    config.workDir = workDir;
    if (std::error_code ec = llvm::sys::fs::create_directories(config.workDir))
      return fail("cannot create '" + workDir + "': " + ec.message());
  }
  llvm::SmallString<256> absWork(config.workDir);
  llvm::sys::fs::make_absolute(absWork);
  config.workDir = std::string(absWork);
  struct Cleanup {
    std::string dir;
    bool active;
    ~Cleanup() {
      if (active)
        llvm::sys::fs::remove_directories(dir);
    }
  } cleanup{config.workDir, removeWork};

  // The groups of every function, as normc schedules them by default.
  std::string probe = config.workDir + "/probe";
  std::string cmd = normc::shellQuote(config.normc) + " " + normc::shellQuote(inputFile) +
                    " --emit=schedule --target=" + normc::shellQuote(target) + " -o " +
                    normc::shellQuote(probe);
  if (!functionList.empty())
    cmd += " --functions=" + normc::shellQuote(functionList);
  if (!normcFlags.empty())
    cmd += " " + normcFlags;
  std::string probeLog = config.workDir + "/probe.log";
  if (normc::runCommand(cmd, probeLog, probeLog) != 0) {
    auto log = llvm::MemoryBuffer::getFile(probeLog);
    return fail("normc cannot compile '" + inputFile + "':\n" +
                (log ? (*log)->getBuffer().str() : std::string()));
  }
  std::vector<normc::TunedFunction> functions;
  std::error_code ec;
  std::vector<std::string> reports;
  for (llvm::sys::fs::directory_iterator it(probe, ec), end; it != end && !ec; it.increment(ec))
    if (llvm::StringRef(it->path()).ends_with(".schedule.json"))
      reports.push_back(it->path());
  std::sort(reports.begin(), reports.end());
  for (const std::string &r : reports) {
    normc::TunedFunction f;
    if (!normc::readScheduleReport(r, f, error))
      return fail(error);
    functions.push_back(f);
  }
  if (functions.empty())
    return fail("'" + inputFile + "' has no function to tune");
  // The canonical target (the records' key), as normc's report spells it.
  config.canonical = functions.front().target;
  normc::TargetFacts facts = normc::targetFacts(config.canonical);
  const bool hostArm =
#if defined(__aarch64__)
      true;
#else
      false;
#endif
  const bool foreign = (facts.arch == normc::TargetFacts::Arch::Arm) != hostArm;
  if (foreign && runner.empty())
    return fail("kernels for '" + config.canonical +
                "' cannot run on this machine: give --runner=<command prefix> (e.g. "
                "--runner='qemu-aarch64 -L /usr/aarch64-linux-gnu')");
  config.cc = ccOption;
  if (config.cc.empty())
    config.cc = facts.arch == normc::TargetFacts::Arch::Arm && !hostArm ? "aarch64-linux-gnu-gcc"
                                                                       : "cc";
  if (facts.gpu && autoschedulers.empty())
    autoschedulers = "none";
  if (autoschedulers.empty())
    autoschedulers = normc::autoschedulerNames(",");
  if (autoschedulers != "none") {
    llvm::SmallVector<llvm::StringRef> names;
    llvm::StringRef(autoschedulers).split(names, ',', -1, false);
    for (llvm::StringRef a : names) {
      if (!normc::isAutoscheduler(a.str()))
        return fail("unknown autoscheduler '" + a + "' in '--autoschedulers=" + autoschedulers +
                    "' (expected " + normc::autoschedulerNames() + " or none)");
      options.autoschedulers.push_back(a.str());
    }
  }

  if (buildTimeout < 1)
    return fail("'--build-timeout' must be at least 1 second");
  config.buildTimeoutS = buildTimeout;
  const int buildJobs = jobs > 0 ? jobs : std::max(1u, std::thread::hardware_concurrency());
  if (buildMemory >= 0) {
    config.buildMemoryMb = buildMemory;
  } else {
    const long pages = sysconf(_SC_PHYS_PAGES), pageSize = sysconf(_SC_PAGE_SIZE);
    const double mb = pages > 0 && pageSize > 0 ? double(pages) * pageSize / (1 << 20) : 0;
    config.buildMemoryMb = static_cast<int>(0.7 * mb / buildJobs);
  }
  normc::Measurer measurer(config);
  llvm::errs() << "norm-tune: " << functions.size()
               << (functions.size() == 1 ? " function" : " functions") << " of '" << inputFile
               << "' for " << config.canonical << "; building the runner support from "
               << config.runtimeDir << "\n";
  if (!measurer.prepare(error))
    return fail(error);
  options.jobs = buildJobs;
  options.rounds = rounds;
  options.minGain = minGain;
  options.measureMs = measureMs;
  options.resume = resume;
  options.searchStats = allowOnePassStats;
  options.seed = seed;
  options.dbPath = dbPath;
  options.normcVersion = NORMC_VERSION;
  options.progressTty = isatty(2);
  std::signal(SIGINT, onInterrupt);
  std::signal(SIGTERM, onInterrupt);
  normc::Tuner tuner(measurer, options, facts, std::move(db));
  bool ok = tuner.run(functions, error);
  if (!ok)
    fail(error);
  if (normc::Tuner::interrupted)
    return 130;
  if (ok)
    llvm::errs() << "norm-tune: wrote '" << dbPath << "'; use it with normc --tuning-db="
                 << dbPath << " (norm-tune --report --db=" << dbPath << " shows it)\n";
  return ok ? 0 : 1;
}
