//===- norm-fuzz.cpp - mutation fuzzer of normc's front to back -----------===//
//
// norm-fuzz [options] SEED... : mutates norm IR (SEED files, or every .mlir
// under SEED directories, split at split-file and split-input-file markers)
// and runs each input through what `normc --emit=stmt,schedule` runs: the
// text checks, the parser and verifier, the tensor-size and exported-name
// rules, the normc pipeline, and halide_gen's lowering of every exported
// function into a Halide loop nest. Each input runs in a forked child, so a
// crash is caught, classified and saved (with its log) instead of ending the
// run. Not coverage-guided: an input that compiles, or whose first
// diagnostic is new (numbers, quoted names and locations stripped), joins
// the corpus, which steers mutation toward inputs that get further.
//
//===----------------------------------------------------------------------===//
#include "Mutator.h"

#include "dialect/ExportedNames.h"
#include "dialect/InputText.h"
#include "dialect/NormDialect.h"
#include "dialect/TensorLimits.h"
#include "halide_gen/HalideGen.h"
#include "passes/Passes.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/Parser/Parser.h"
#include "mlir/Pass/PassManager.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/raw_ostream.h"

#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <map>
#include <poll.h>
#include <set>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

namespace cl = llvm::cl;
using namespace mlir;

namespace {

cl::OptionCategory fuzzCategory("norm-fuzz options");
cl::list<std::string> seedPaths(cl::Positional, cl::desc("<seed file or directory>..."),
                                cl::ZeroOrMore, cl::cat(fuzzCategory));
cl::opt<unsigned> timeBudget("time", cl::desc("Stop after this many seconds (default 120)"),
                             cl::init(120), cl::cat(fuzzCategory));
cl::opt<unsigned> maxRuns("runs", cl::desc("Stop after this many inputs (0: no limit)"),
                          cl::init(0), cl::cat(fuzzCategory));
cl::opt<uint64_t> randomSeed("seed", cl::desc("Seed of the mutations (default: the time); "
                                              "the same seed and seeds repeat a run"),
                             cl::init(0), cl::cat(fuzzCategory));
cl::opt<unsigned> inputTimeout("timeout",
                               cl::desc("Seconds one input may take before it counts as a "
                                        "hang (default 30)"),
                               cl::init(30), cl::cat(fuzzCategory));
cl::opt<std::string> findingsDir("out",
                                 cl::desc("Where findings are saved as <kind>-<hash>.mlir "
                                          "with a .log (default fuzz-findings)"),
                                 cl::init("fuzz-findings"), cl::cat(fuzzCategory));
cl::opt<std::string> targetList(
    "target",
    cl::desc("Halide targets, comma-separated, used in turn (one per input): the CPU, "
             "ARM and GPU schedule backends lower differently (default "
             "host,arm-64-linux,host-opencl)"),
    cl::init("host,arm-64-linux,host-opencl"), cl::cat(fuzzCategory));

/// The target of the next input (one of --target's, in turn).
std::string gTarget = "host";
cl::opt<bool> replay("replay",
                     cl::desc("Run each SEED file once, unmutated, and report its outcome "
                              "(a finding's reproducer)"),
                     cl::cat(fuzzCategory));
cl::opt<bool> selfTest("self-test",
                       cl::desc("Check that the fuzzer classifies a crashing, a hanging and "
                                "an oddly exiting child correctly, then exit"),
                       cl::cat(fuzzCategory));
cl::opt<bool> strict("strict",
                     cl::desc("Also fail (exit 1) on hangs and Halide internal errors, not "
                              "only on crashes"),
                     cl::cat(fuzzCategory));

// --------------------------------------------------------------- the target

/// --self-test: inputs that make the child misbehave on purpose.
bool gSelfTestInputs = false;

/// What normc does with one input, stopping before LLVM code generation.
int compileOnce(const std::string &text, const std::string &workDir) {
  if (gSelfTestInputs) {
    if (text == "crash") // a real fault: LLVM's handler prints the stack, then it recurs
      *static_cast<volatile int *>(nullptr) = 0;
    if (text == "hang")
      for (;;)
        ::pause();
    if (text == "odd-exit")
      ::_exit(3);
    if (text == "internal") {
      llvm::errs() << "error: Halide failed to compile @f: Internal Error at x.cpp:1\n";
      return 1;
    }
  }
  DialectRegistry registry;
  registry.insert<normc::norm::NormDialect, func::FuncDialect, arith::ArithDialect,
                  tensor::TensorDialect>();
  MLIRContext context(registry, MLIRContext::Threading::DISABLED);
  context.loadAllAvailableDialects();
  context.printOpOnDiagnostic(false);
  llvm::SourceMgr sourceMgr;
  unsigned id = sourceMgr.AddNewSourceBuffer(
      llvm::MemoryBuffer::getMemBufferCopy(text, "input.mlir"), llvm::SMLoc());
  SourceMgrDiagnosticHandler diagnostics(sourceMgr, &context);
  if (!normc::checkInputText(sourceMgr, id))
    return 1;
  OwningOpRef<ModuleOp> module = parseSourceFile<ModuleOp>(sourceMgr, &context);
  if (!module || failed(normc::verifyTensorSizes(*module)))
    return 1;
  std::vector<func::FuncOp> exported;
  for (auto f : module->getOps<func::FuncOp>())
    if (f.isPublic() && !f.isExternal())
      exported.push_back(f);
  if (exported.empty() || failed(normc::verifyExportedNames(exported, false, "")))
    return 1;
  normc::TargetInfo target;
  std::string error;
  if (!normc::parseTarget(gTarget, target, error)) {
    llvm::errs() << "norm-fuzz: error: " << error << "\n";
    return 1;
  }
  PassManager pm(&context);
  normc::NormcPipelineConfig config;
  config.target = target.canonical;
  normc::buildNormcPipeline(pm, config);
  if (failed(pm.run(*module)))
    return 1;
  normc::KernelEmitOptions emit{false, false, /*stmt=*/true, false, /*schedule=*/true, false};
  for (auto f : module->getOps<func::FuncOp>()) {
    if (!f.isPublic() || f.isExternal())
      continue;
    if (failed(normc::compileKernelFunc({f}, {target}, workDir, emit)))
      return 1;
  }
  return 0;
}

// ------------------------------------------------------------ one run

enum class Outcome { Ok, Rejected, Crash, Hang, InternalError, OddExit };

const char *outcomeName(Outcome o) {
  switch (o) {
  case Outcome::Ok: return "ok";
  case Outcome::Rejected: return "rejected";
  case Outcome::Crash: return "crash";
  case Outcome::Hang: return "hang";
  case Outcome::InternalError: return "internal";
  case Outcome::OddExit: return "odd-exit";
  }
  return "?";
}

struct RunResult {
  Outcome outcome = Outcome::Ok;
  std::string log;       // the child's stderr (its tail when long)
  std::string signature; // first diagnostic, numbers and locations removed
  std::string detail;    // e.g. "signal 11 (Segmentation fault)"
};

std::string signatureOf(const std::string &log) {
  size_t at = log.find("error: ");
  if (at == std::string::npos)
    return log.empty() ? "ok" : "no-error-line";
  size_t end = log.find('\n', at);
  std::string line = log.substr(at, end == std::string::npos ? std::string::npos : end - at);
  // Numbers and quoted names vary with the mutation, not with the code path.
  std::string out;
  bool quoted = false;
  for (char c : line) {
    if (c == '\'')
      quoted = !quoted;
    else if (!quoted && !std::isdigit(static_cast<unsigned char>(c)))
      out += c;
  }
  return out.substr(0, 160);
}

RunResult runInChild(const std::string &text) {
  RunResult result;
  int pipeFds[2];
  if (::pipe(pipeFds) != 0) {
    result.outcome = Outcome::OddExit;
    result.detail = "pipe() failed";
    return result;
  }
  llvm::SmallString<128> workDir;
  llvm::sys::fs::createUniqueDirectory("norm-fuzz", workDir);
  pid_t pid = ::fork();
  if (pid < 0) {
    ::close(pipeFds[0]);
    ::close(pipeFds[1]);
    llvm::sys::fs::remove_directories(workDir);
    result.outcome = Outcome::OddExit;
    result.detail = std::string("fork() failed: ") + std::strerror(errno);
    return result;
  }
  if (pid == 0) {
    ::close(pipeFds[0]);
    ::dup2(pipeFds[1], 2);
    int devNull = ::open("/dev/null", O_WRONLY);
    ::dup2(devNull, 1);
    // Bound what one input may take: a runaway allocation is a finding, not
    // the end of the machine.
    struct rlimit memory = {size_t(6) << 30, size_t(6) << 30};
    ::setrlimit(RLIMIT_AS, &memory);
    int rc = compileOnce(text, workDir.str().str());
    llvm::errs().flush();
    ::_exit(rc);
  }
  ::close(pipeFds[1]);
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(inputTimeout);
  bool killed = false;
  char buffer[4096];
  for (;;) {
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
                    deadline - std::chrono::steady_clock::now())
                    .count();
    if (left <= 0) {
      ::kill(pid, SIGKILL);
      killed = true;
      break;
    }
    struct pollfd p = {pipeFds[0], POLLIN, 0};
    if (::poll(&p, 1, static_cast<int>(std::min<long long>(left, 1000))) <= 0)
      continue;
    ssize_t n = ::read(pipeFds[0], buffer, sizeof(buffer));
    if (n <= 0)
      break;
    result.log.append(buffer, n);
    if (result.log.size() > (64u << 10))
      result.log.erase(0, result.log.size() - (32u << 10));
  }
  ::close(pipeFds[0]);
  // The child may close stderr and go on: wait for it until the deadline too.
  int status = 0;
  while (!killed && ::waitpid(pid, &status, WNOHANG) == 0) {
    if (std::chrono::steady_clock::now() >= deadline) {
      ::kill(pid, SIGKILL);
      killed = true;
      break;
    }
    ::usleep(2000);
  }
  if (killed)
    ::waitpid(pid, &status, 0);
  llvm::sys::fs::remove_directories(workDir);
  result.signature = signatureOf(result.log);
  if (killed) {
    result.outcome = Outcome::Hang;
    result.detail = "killed after " + std::to_string(inputTimeout) + " s";
  } else if (WIFSIGNALED(status)) {
    result.outcome = Outcome::Crash;
    result.detail = "signal " + std::to_string(WTERMSIG(status)) + " (" +
                    ::strsignal(WTERMSIG(status)) + ")";
  } else if (WEXITSTATUS(status) > 1) {
    result.outcome = Outcome::OddExit;
    result.detail = "exit code " + std::to_string(WEXITSTATUS(status));
  } else if (result.log.find("Internal Error") != std::string::npos ||
             result.log.find("Internal error") != std::string::npos) {
    result.outcome = Outcome::InternalError;
    result.detail = "Halide internal error";
  } else {
    result.outcome = WEXITSTATUS(status) == 0 ? Outcome::Ok : Outcome::Rejected;
  }
  return result;
}

// ---------------------------------------------------------------- seeds

/// A file's inputs: the whole file, or its split-file / split-input-file parts.
void addSeeds(const std::string &text, std::vector<std::string> &corpus) {
  std::vector<std::string> parts;
  std::string current;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t end = text.find('\n', pos);
    std::string line = text.substr(pos, end == std::string::npos ? std::string::npos : end - pos + 1);
    pos = end == std::string::npos ? text.size() : end + 1;
    if (line.rfind("//---", 0) == 0 || line.rfind("// -----", 0) == 0) {
      parts.push_back(current);
      current.clear();
      continue;
    }
    if (line.rfind("// RUN", 0) == 0 || line.rfind("// CHECK", 0) == 0)
      continue; // lit lines are noise to the mutator
    current += line;
  }
  parts.push_back(current);
  for (std::string &p : parts) {
    // A part with many functions (the variant matrix has dozens) is one seed
    // per top-level function: small inputs run fast under every target, and
    // splices recombine them.
    std::vector<size_t> starts; // top-level (column 0) functions
    for (size_t i = p.find("func.func"); i != std::string::npos; i = p.find("func.func", i + 1))
      if (i == 0 || p[i - 1] == '\n')
        starts.push_back(i);
    if (starts.size() > 4) {
      const std::string head = p.substr(0, starts[0]); // #map and the like
      for (size_t k = 0; k < starts.size(); ++k)
        corpus.push_back(head + p.substr(starts[k], k + 1 < starts.size()
                                                        ? starts[k + 1] - starts[k]
                                                        : std::string::npos));
      continue;
    }
    if (p.find("func.func") != std::string::npos)
      corpus.push_back(std::move(p));
  }
}

/// With --replay, the file each corpus entry came from.
std::vector<std::string> replayNames;

bool loadSeeds(std::vector<std::string> &corpus) {
  for (const std::string &path : seedPaths) {
    std::vector<std::string> files;
    if (llvm::sys::fs::is_directory(path)) {
      std::error_code ec;
      for (llvm::sys::fs::recursive_directory_iterator it(path, ec), end; it != end && !ec;
           it.increment(ec))
        if (llvm::sys::path::extension(it->path()) == ".mlir")
          files.push_back(it->path());
      std::sort(files.begin(), files.end()); // the same order for the same --seed
    } else {
      files.push_back(path);
    }
    for (const std::string &file : files) {
      auto buffer = llvm::MemoryBuffer::getFile(file);
      if (!buffer) {
        llvm::errs() << "norm-fuzz: error: cannot read '" << file << "'\n";
        return false;
      }
      if (replay) {
        corpus.push_back((*buffer)->getBuffer().str());
        replayNames.push_back(file);
      }
      else if ((*buffer)->getBufferSize() <= (256u << 10))
        addSeeds((*buffer)->getBuffer().str(), corpus);
    }
  }
  return true;
}

uint64_t fnv1a(const std::string &s) {
  uint64_t h = 1469598103934665603ull;
  for (unsigned char c : s)
    h = (h ^ c) * 1099511628211ull;
  return h;
}

void saveFinding(const std::string &text, const RunResult &r) {
  llvm::sys::fs::create_directories(findingsDir);
  char hash[17];
  std::snprintf(hash, sizeof(hash), "%016llx", static_cast<unsigned long long>(fnv1a(text)));
  std::string base = findingsDir + "/" + outcomeName(r.outcome) + "-" + hash;
  std::error_code ec;
  llvm::raw_fd_ostream(base + ".mlir", ec) << text;
  llvm::raw_fd_ostream(base + ".log", ec) << "target " << gTarget << ": " << r.detail << "\n"
                                          << r.log;
  llvm::errs() << "norm-fuzz: " << outcomeName(r.outcome) << " (" << r.detail << ", --target="
               << gTarget << "): saved "
               << base << ".mlir\n";
}

} // namespace

int main(int argc, char **argv) {
  llvm::InitLLVM init(argc, argv);
  cl::HideUnrelatedOptions(fuzzCategory);
  cl::ParseCommandLineOptions(
      argc, argv,
      "norm-fuzz: mutation fuzzer of normc (parser, verifier, passes, Halide lowering)\n\n"
      "  norm-fuzz test examples --time=120            # a short run (CI)\n"
      "  norm-fuzz test examples --time=1800 --out=f/  # a long run\n"
      "  norm-fuzz --replay f/crash-0123abcd.mlir --target=<the log's target>\n"
      "\nExit status: 1 when a crash or an odd exit was found (with --strict also\n"
      "a hang or a Halide internal error), 0 otherwise.\n");
  if (selfTest) {
    gSelfTestInputs = true;
    inputTimeout = 2;
    const std::pair<const char *, Outcome> cases[] = {
        {"crash", Outcome::Crash},       {"hang", Outcome::Hang},
        {"odd-exit", Outcome::OddExit},  {"internal", Outcome::InternalError},
        {"func.func @", Outcome::Rejected}};
    bool allRight = true;
    for (const auto &[input, expected] : cases) {
      RunResult r = runInChild(input);
      const bool right = r.outcome == expected;
      allRight &= right;
      llvm::outs() << (right ? "ok: " : "WRONG: ") << "'" << input << "' classified as "
                   << outcomeName(r.outcome) << (r.detail.empty() ? "" : " (" + r.detail + ")")
                   << ", expected " << outcomeName(expected) << "\n";
    }
    return allRight ? 0 : 1;
  }
  if (seedPaths.empty()) {
    llvm::errs() << "norm-fuzz: error: no seed file or directory (e.g. norm-fuzz test examples)\n";
    return 2;
  }
  std::vector<std::string> corpus;
  if (!loadSeeds(corpus))
    return 2;
  if (corpus.empty()) {
    llvm::errs() << "norm-fuzz: error: no seed with a func.func in the given paths\n";
    return 2;
  }

  if (replay) {
    gTarget = llvm::StringRef(targetList).split(',').first.str();
    bool bad = false;
    for (auto [i, text] : llvm::enumerate(corpus)) {
      RunResult r = runInChild(text);
      llvm::outs() << replayNames[i] << ": " << outcomeName(r.outcome)
                   << (r.detail.empty() ? "" : " (" + r.detail + ")") << "\n"
                   << r.log;
      bad |= r.outcome == Outcome::Crash || r.outcome == Outcome::OddExit ||
             (strict && r.outcome != Outcome::Ok && r.outcome != Outcome::Rejected);
    }
    return bad ? 1 : 0;
  }

  llvm::SmallVector<llvm::StringRef> targets;
  llvm::StringRef(targetList).split(targets, ',', -1, /*KeepEmpty=*/false);
  if (targets.empty()) {
    llvm::errs() << "norm-fuzz: error: '--target=" << targetList << "' names no target\n";
    return 2;
  }
  for (llvm::StringRef t : targets) {
    normc::TargetInfo info;
    std::string error;
    if (!normc::parseTarget(t.str(), info, error)) {
      llvm::errs() << "norm-fuzz: error: " << error << "\n";
      return 2;
    }
  }
  const uint64_t seed = randomSeed ? randomSeed.getValue()
                                   : static_cast<uint64_t>(std::time(nullptr));
  normc::fuzz::Mutator mutator(seed);
  for (const std::string &text : corpus)
    mutator.learnTokens(text);
  std::set<std::string> signatures;
  std::map<Outcome, unsigned> counts;
  std::set<uint64_t> saved;
  const size_t seeds = corpus.size();
  llvm::errs() << "norm-fuzz: " << seeds << " seed inputs, --seed=" << seed << ", "
               << timeBudget << " s\n";
  const auto start = std::chrono::steady_clock::now();
  auto elapsed = [&] {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  };
  unsigned runs = 0;
  double nextReport = 10;
  while (elapsed() < timeBudget && (maxRuns == 0 || runs < maxRuns)) {
    const std::string &base = corpus[mutator.pick(corpus.size())];
    const std::string &other = corpus[mutator.pick(corpus.size())];
    std::string input = mutator.mutate(base, other);
    gTarget = targets[runs % targets.size()].str();
    RunResult r = runInChild(input);
    ++runs;
    ++counts[r.outcome];
    if (r.outcome != Outcome::Ok && r.outcome != Outcome::Rejected &&
        saved.insert(fnv1a(input)).second)
      saveFinding(input, r);
    const bool admit = r.outcome == Outcome::Ok ||
                       (r.outcome == Outcome::Rejected && signatures.insert(r.signature).second);
    if (admit && corpus.size() < 4000)
      corpus.push_back(input);
    if (elapsed() >= nextReport) {
      nextReport += 10;
      llvm::errs() << llvm::format("[%5.0fs] ", elapsed()) << runs << " runs ("
                   << llvm::format("%.1f", runs / elapsed()) << "/s), corpus " << corpus.size()
                   << ", ok " << counts[Outcome::Ok] << ", rejected "
                   << counts[Outcome::Rejected] << ", crashes " << counts[Outcome::Crash]
                   << ", hangs " << counts[Outcome::Hang] << ", internal "
                   << counts[Outcome::InternalError] << "\n";
    }
  }
  const unsigned crashes = counts[Outcome::Crash] + counts[Outcome::OddExit];
  llvm::outs() << "norm-fuzz: " << runs << " runs in " << llvm::format("%.0f", elapsed())
               << " s (--seed=" << seed << "): " << counts[Outcome::Ok] << " compiled, "
               << counts[Outcome::Rejected] << " rejected with a diagnostic, " << crashes
               << " crashes, " << counts[Outcome::Hang] << " hangs, "
               << counts[Outcome::InternalError] << " Halide internal errors; corpus "
               << corpus.size() << " (" << seeds << " seeds)\n";
  const bool failedRun =
      crashes > 0 ||
      (strict && (counts[Outcome::Hang] > 0 || counts[Outcome::InternalError] > 0));
  return failedRun ? 1 : 0;
}
