//===- normc.cpp - the normc compiler driver ------------------------------===//
//
// normc IN.mlir|IN.onnx -o OUTDIR [--target=T[,T...]] [--emit=KINDS]
//
// Parses norm IR (or imports an ONNX model into it: importers/onnx), runs the shared pipeline once per target (form fused
// kernel groups, decompose, outline each group, assign its schedule knobs
// from the target's defaults, --tuning-db and --schedule), and compiles each
// exported function into a static library and a C header with Halide (with
// several targets, one variant per target and a run-time dispatcher), plus
// the Halide runtime. All files are written into a
// temporary directory next to OUTDIR and moved into place only when every
// step succeeded, so a failed run leaves no partial outputs.
//
//===----------------------------------------------------------------------===//
#include "dialect/Identifiers.h"
#include "dialect/NormDialect.h"
#include "LibraryHeader.h"
#include "OutputStaging.h"
#include "dialect/ExportedNames.h"
#include "dialect/InputText.h"
#include "dialect/TensorLimits.h"
#include "halide_gen/HalideGen.h"
#include "importers/onnx/OnnxImporter.h"
#include "importers/onnx/WeightsFile.h"
#include "passes/Passes.h"
#include "tuning/Autoschedulers.h"
#include "tuning/Knobs.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/IR/Verifier.h"
#include "mlir/Parser/Parser.h"
#include "mlir/Pass/PassManager.h"
#include "mlir/Support/FileUtilities.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/ToolOutputFile.h"
#include "llvm/Support/raw_ostream.h"

using namespace mlir;
namespace cl = llvm::cl;

namespace {

cl::OptionCategory normcCategory("normc options");

cl::opt<std::string> inputFile(cl::Positional, cl::desc("<input.mlir | model.onnx>"),
                               cl::cat(normcCategory));
cl::opt<std::string> outputDir(
    "o", cl::desc("Output directory (created if missing), e.g. -o out/"),
    cl::value_desc("dir"), cl::cat(normcCategory));
cl::opt<std::string> targetList(
    "target",
    cl::desc("Halide target, e.g. --target=host (default), "
             "--target=arm-64-linux or --target=host-cuda-cuda_capability_80. "
             "Several CPU targets of one architecture, most capable first and "
             "the baseline last, make one library per function that picks the "
             "best variant for the CPU at run time, e.g. "
             "--target=x86-64-linux-avx512_skylake,x86-64-linux-avx2,x86-64-linux; "
             "each variant has its own target's schedule. See --list-targets"),
    cl::init("host"), cl::cat(normcCategory));
cl::opt<std::string> emitList(
    "emit",
    cl::desc("Comma-separated outputs: lib (<func>.a), header (<func>.h), "
             "runtime (normc_halide_runtime.a), mlir (IR after the passes, "
             "<input>.kernels.mlir), stmt (Halide loop nest, <func>.stmt), "
             "asm (<func>.s), schedule (<func>.schedule.json, the knobs "
             "used), ptx (<func>.ptx, CUDA targets only: the kernels' PTX, "
             "for ptxas). Default: --emit=lib,header,runtime"),
    cl::init("lib,header,runtime"), cl::cat(normcCategory));
// The knob list in --help comes from the schema (tuning/Knobs.def).
const std::string scheduleHelp =
    "Override schedule knobs of every kernel group where they apply (defaults "
    "come from the target and the group; see --list-knobs), e.g. "
    "--schedule=stats=shifted_one_pass,placement=root,vector_width=16. May be "
    "repeated: the lists are applied in order (a knob given twice keeps the "
    "later value). Knobs:\n" +
    normc::knobHelpText();
// A list: with a plain option a second --schedule silently replaced the
// first, so `--schedule=conv_k_tile=6 --schedule=conv_x_vectors=4` built 4 x 4.
cl::list<std::string> scheduleKnobLists("schedule", cl::desc(scheduleHelp),
                                        cl::value_desc("key=value,..."),
                                        cl::cat(normcCategory));
cl::opt<std::string> tuningDb(
    "tuning-db",
    cl::desc("Tuning database (JSON, written by norm-tune): the best record for "
             "each group, target and this machine's kind sets the group's knobs; "
             "groups without one keep the defaults (a remark says which). "
             "--schedule overrides still apply on top. E.g. --tuning-db=tuned.json"),
    cl::value_desc("file"), cl::init(""), cl::cat(normcCategory));
cl::opt<std::string> listKnobs(
    "list-knobs",
    cl::desc("Print the schedule knobs (name, groups, values, default, meaning) "
             "and exit: --list-knobs or --list-knobs=markdown (the table in "
             "docs/knobs.md)"),
    cl::value_desc("text|markdown"), cl::ValueOptional, cl::init(""), cl::cat(normcCategory));
cl::opt<std::string> fusePolicy(
    "fuse",
    cl::desc("How ops are grouped into fused kernels: chains (default: "
             "pad/upsample -> conv -> norm -> activation -> add chains are one "
             "loop nest each, the intermediates never written to memory), none "
             "(every op its own group, intermediates materialized: an unfused "
             "build for comparison), single (a whole function in one group)"),
    cl::value_desc("chains|none|single"), cl::init("chains"), cl::cat(normcCategory));
cl::opt<bool> noFuse("no-fuse", cl::desc("Same as --fuse=none"),
                     cl::cat(normcCategory));
cl::opt<std::string> functionList(
    "functions",
    cl::desc("Compile only these public functions (comma-separated), e.g. "
             "--functions=block,head; each must exist. Default: every public "
             "function of the input"),
    cl::value_desc("f,g,..."), cl::init(""), cl::cat(normcCategory));
cl::opt<std::string> libraryName(
    "library",
    cl::desc("Bundle every compiled function into one library: <name>.a (all "
             "kernels) and <name>.h (includes each function's header and defines "
             "<name>_registry(), the kernel table of normrt_registry.h), instead "
             "of one <func>.a per function; e.g. --library=style_kernels. The "
             "name must be a C identifier and no function's name"),
    cl::value_desc("name"), cl::init(""), cl::cat(normcCategory));
cl::opt<std::string> listOnnxOps(
    "list-onnx-ops",
    cl::desc("Print the ONNX ops (and versions) the importer takes and exit: "
             "--list-onnx-ops or --list-onnx-ops=markdown (the table in docs/onnx.md)"),
    cl::value_desc("text|markdown"), cl::ValueOptional, cl::init(""), cl::cat(normcCategory));
const std::string autoscheduleHelp =
    "Schedule each function with one of Halide 14's autoschedulers instead of "
    "normc's schedules and knobs, for comparison (norm-tune measures them as "
    "reference points): " + normc::autoschedulerNames() +
    "; the function becomes one Halide pipeline. CPU targets";
cl::opt<std::string> autoschedule(
    "autoschedule", cl::desc(autoscheduleHelp),
    cl::value_desc("name"), cl::init(""), cl::cat(normcCategory));
cl::opt<bool> listTargets("list-targets",
                          cl::desc("Print the accepted target spellings and "
                                   "exit"),
                          cl::cat(normcCategory));

int fail(const llvm::Twine &message) {
  llvm::errs() << "normc: error: " << message << "\n";
  return 1;
}

struct EmitKinds {
  normc::KernelEmitOptions kernel;
  bool runtime = false;
  bool mlir = false;
};

bool parseEmit(llvm::StringRef list, EmitKinds &out, std::string &error) {
  out.kernel = normc::KernelEmitOptions{false, false, false, false, false, false};
  llvm::SmallVector<llvm::StringRef> kinds;
  list.split(kinds, ',', -1, /*KeepEmpty=*/false);
  if (kinds.empty()) {
    error = "'--emit=' needs at least one of lib, header, runtime, mlir, "
            "stmt, asm, schedule, ptx";
    return false;
  }
  for (llvm::StringRef k : kinds) {
    if (k == "lib") out.kernel.library = true;
    else if (k == "header") out.kernel.header = true;
    else if (k == "stmt") out.kernel.stmt = true;
    else if (k == "asm") out.kernel.assembly = true;
    else if (k == "schedule") out.kernel.schedule = true;
    else if (k == "ptx") out.kernel.ptx = true;
    else if (k == "runtime") out.runtime = true;
    else if (k == "mlir") out.mlir = true;
    else {
      error = ("unknown output kind '" + k + "' in '--emit=" + list +
               "' (expected lib, header, runtime, mlir, stmt, asm, schedule, ptx)")
                  .str();
      return false;
    }
  }
  return true;
}

bool needsKernels(const EmitKinds &e) {
  const auto &k = e.kernel;
  return k.library || k.header || k.stmt || k.assembly || k.schedule || k.ptx || e.mlir;
}

} // namespace

int main(int argc, char **argv) {
  llvm::InitLLVM init(argc, argv);
  cl::HideUnrelatedOptions(normcCategory);
  cl::SetVersionPrinter([](llvm::raw_ostream &os) {
    os << "normc " << NORMC_VERSION << " (MLIR 19, Halide 14)\n";
  });
  cl::ParseCommandLineOptions(
      argc, argv,
      "normc: compile norm-dialect IR into normalization kernels\n\n"
      "  normc model.mlir -o out/                 # host CPU\n"
      "  normc model.mlir -o out/ --target=arm-64-linux --emit=lib,header,stmt\n"
      "\nFor each exported func.func @f it writes f.a and f.h (call f() through\n"
      "the normrt runtime or directly), plus normc_halide_runtime.a. With\n"
      "several targets f.a holds one variant per target and dispatches at run\n"
      "time (f.h declares f_variant(), the index it runs). Errors are reported as file:line:col diagnostics; on error\n"
      "nothing is written.\n\n"
      "An ONNX model (model.onnx) is imported first: one function named after the\n"
      "file, its initializers become arguments, and <function>.weights holds their\n"
      "values (the NORMCW1 format of examples/style_transfer). See docs/onnx.md and\n"
      "--list-onnx-ops.\n");

  if (listTargets) {
    llvm::outs() << normc::describeTargets();
    return 0;
  }
  if (listOnnxOps.getNumOccurrences()) {
    if (listOnnxOps != "markdown" && !listOnnxOps.empty() && listOnnxOps != "text")
      return fail("unknown format '" + listOnnxOps + "' in '--list-onnx-ops=" + listOnnxOps +
                  "' (expected text or markdown)");
    llvm::outs() << normc::describeOnnxOps(listOnnxOps == "markdown");
    return 0;
  }
  if (listKnobs.getNumOccurrences()) {
    if (listKnobs == "markdown")
      llvm::outs() << normc::knobMarkdownTable();
    else if (listKnobs.empty() || listKnobs == "text")
      llvm::outs() << normc::knobHelpText();
    else
      return fail("unknown format '" + listKnobs + "' in '--list-knobs=" + listKnobs +
                  "' (expected text or markdown)");
    return 0;
  }

  EmitKinds emit;
  std::string error;
  if (!parseEmit(emitList, emit, error))
    return fail(error);
  std::string scheduleKnobs;
  for (const std::string &list : scheduleKnobLists)
    scheduleKnobs += (scheduleKnobs.empty() || list.empty() ? "" : ",") + list;
  normc::CpuKnobs probe;
  if (!normc::applyKnobOverrides(probe, scheduleKnobs, error))
    return fail(error + " in '--schedule=" + scheduleKnobs + "'");
  if (fusePolicy != "chains" && fusePolicy != "none" && fusePolicy != "single")
    return fail("unknown fusion policy '" + fusePolicy + "' in '--fuse=" + fusePolicy +
                "' (expected chains, none or single)");
  if (noFuse && fusePolicy.getNumOccurrences() && fusePolicy != "none")
    return fail("'--no-fuse' contradicts '--fuse=" + fusePolicy + "'");
  if (outputDir.empty())
    return fail("no output directory; use -o <dir>");
  if (!autoschedule.empty() && !normc::isAutoscheduler(autoschedule))
    return fail("unknown autoscheduler '" + autoschedule + "' in '--autoschedule=" +
                autoschedule + "' (expected " + normc::autoschedulerNames() + ")");
  emit.kernel.autoscheduler = autoschedule;
  if (libraryName.getNumOccurrences() && !normc::isCIdentifier(libraryName))
    return fail("'--library=" + libraryName + "': the library name must be a C identifier "
                "(it names <name>.a, <name>.h and the header's include guard)");
  if (inputFile.empty() && needsKernels(emit))
    return fail("no input file (only '--emit=runtime' works without one)");

  std::vector<normc::TargetInfo> targets;
  llvm::SmallVector<llvm::StringRef> targetSpecs;
  llvm::StringRef(targetList).split(targetSpecs, ',', -1, /*KeepEmpty=*/true);
  for (llvm::StringRef spec : targetSpecs) {
    if (spec.empty())
      return fail("empty target in '--target=" + targetList + "'");
    if (llvm::count(targetSpecs, spec) > 1)
      return fail("target '" + spec + "' is listed twice in '--target=" +
                  targetList + "'");
    normc::TargetInfo info;
    if (!normc::parseTarget(spec.str(), info, error))
      return fail(error);
    if (emit.kernel.ptx && !info.isCuda)
      return fail("'--emit=ptx' needs a CUDA target, e.g. "
                  "--target=host-cuda-cuda_capability_80 ('" + spec + "' is not one)");
    targets.push_back(info);
  }
  if (targets.size() > 1 && !normc::checkMultitarget(targets, error))
    return fail(error);

  DialectRegistry registry;
  registry.insert<normc::norm::NormDialect, func::FuncDialect,
                  arith::ArithDialect, tensor::TensorDialect>();
  MLIRContext context(registry);
  context.loadAllAvailableDialects();
  // Diagnostics point at file:line:col; a dump of the whole op adds noise.
  context.printOpOnDiagnostic(false);
  llvm::SourceMgr sourceMgr;
  SourceMgrDiagnosticHandler diagHandler(sourceMgr, &context);
  // Remarks (which tuning record a group got) are one-line notes; errors
  // keep their file:line:col and source line.
  ScopedDiagnosticHandler notes(&context, [](Diagnostic &diag) {
    if (diag.getSeverity() != DiagnosticSeverity::Remark)
      return failure();
    llvm::errs() << "normc: note: " << diag.str() << "\n";
    return success();
  });

  // Parse once; the pass pipeline runs per target (schedules differ).
  OwningOpRef<ModuleOp> parsed;
  std::vector<normc::OnnxWeight> onnxWeights; // an ONNX model's initializers
  std::string onnxFunction;
  if (!inputFile.empty() && normc::isOnnxPath(inputFile)) {
    normc::ImportedOnnxModel model;
    if (!normc::importOnnxModel(inputFile, context, {}, model, error))
      return fail(error); // names the file and the node
    if (failed(verify(*model.module)))
      return 1; // the verifier's diagnostics name the node
    parsed = std::move(model.module);
    onnxWeights = std::move(model.weights);
    onnxFunction = model.functionName;
    if (failed(normc::verifyTensorSizes(*parsed)))
      return 1;
  } else if (!inputFile.empty()) {
    std::string readError;
    auto buffer = openInputFile(inputFile, &readError);
    if (!buffer)
      return fail(readError); // "cannot open input file '...': reason"
    unsigned id = sourceMgr.AddNewSourceBuffer(std::move(buffer), llvm::SMLoc());
    if (!normc::checkInputText(sourceMgr, id))
      return 1; // a NUL byte or nesting too deep, at file:line:col
    parsed = parseSourceFile<ModuleOp>(sourceMgr, &context);
    if (!parsed)
      return 1; // the parser/verifier already printed file:line:col
    if (failed(normc::verifyTensorSizes(*parsed)))
      return 1;
  }
  // The functions to compile, and their names checked before any work.
  std::vector<func::FuncOp> exported;
  if (parsed) {
    llvm::SmallVector<llvm::StringRef> only;
    llvm::StringRef(functionList).split(only, ',', -1, /*KeepEmpty=*/false);
    for (llvm::StringRef name : only) {
      auto f = parsed->lookupSymbol<func::FuncOp>(name);
      if (!f || !f.isPublic() || f.isExternal())
        return fail("'--functions=" + functionList + "' names '" + name +
                    "', which is not a public function of '" + inputFile + "'");
    }
    for (auto func : parsed->getOps<func::FuncOp>())
      if (func.isPublic() && !func.isExternal() &&
          (only.empty() || llvm::is_contained(only, func.getSymName())))
        exported.push_back(func);
    if (exported.empty())
      return fail("'" + inputFile + "' has no public func.func to compile");
    if (failed(normc::verifyExportedNames(exported, targets.size() > 1, libraryName)))
      return 1;
  }
  if (!tuningDb.empty() && !llvm::sys::fs::exists(tuningDb))
    return fail("cannot read tuning database '" + tuningDb + "': no such file");
  auto runPipeline = [&](const normc::TargetInfo &target) -> OwningOpRef<ModuleOp> {
    OwningOpRef<ModuleOp> module(cast<ModuleOp>(parsed->getOperation()->clone()));
    PassManager pm(&context);
    normc::NormcPipelineConfig config;
    config.fusionPolicy = noFuse ? std::string("none") : std::string(fusePolicy);
    config.target = target.canonical;
    config.scheduleOverrides = scheduleKnobs;
    config.tuningDb = tuningDb;
    normc::buildNormcPipeline(pm, config);
    if (failed(pm.run(*module)))
      return nullptr;
    return module;
  };

  // Everything is produced in a staging directory and moved into place at
  // the end (OutputStaging.h): all outputs or none.
  normc::OutputStaging staging;
  if (!staging.begin(outputDir, error))
    return fail(error);
  const std::string dir = staging.dir();
  // The pipeline once per target: each variant gets its own target's knobs.
  std::vector<OwningOpRef<ModuleOp>> modules;
  if (parsed)
    for (const normc::TargetInfo &target : targets) {
      modules.push_back(runPipeline(target));
      if (!modules.back())
        return 1;
    }
  std::vector<std::string> libraryObjects; // --library
  std::vector<func::FuncOp> compiledFuncs;
  if (!modules.empty()) {
    for (func::FuncOp parsedFunc : exported) {
      llvm::StringRef name = parsedFunc.getSymName();
      llvm::SmallVector<func::FuncOp> variants;
      for (auto &m : modules)
        variants.push_back(m->lookupSymbol<func::FuncOp>(name));
      if (failed(normc::compileKernelFunc(variants, targets, dir, emit.kernel,
                                          libraryName.empty() ? nullptr : &libraryObjects)))
        return 1;
      compiledFuncs.push_back(variants.front());
    }
    if (!libraryName.empty() && emit.kernel.library &&
        !normc::writeStaticLibrary(libraryObjects, targets, dir + "/" + libraryName + ".a", error))
      return fail("cannot write the library '" + libraryName + ".a': " + error);
    if (!libraryName.empty() && emit.kernel.header &&
        !normc::writeLibraryHeader(dir + "/" + libraryName + ".h", libraryName, inputFile,
                                   compiledFuncs, targetList, targets.size() > 1))
      return fail("cannot write '" + libraryName + ".h'");
    if (emit.mlir) {
      std::string stem = inputFile == "-" ? std::string("stdin")
                                          : llvm::sys::path::stem(inputFile).str();
      for (auto [i, m] : llvm::enumerate(modules)) {
        // One IR file per variant: <stem>.kernels.mlir, or
        // <stem>.<suffix>.kernels.mlir with several targets.
        std::string variant = targets.size() > 1 ? "." + targets[i].suffix : "";
        std::error_code ec;
        llvm::raw_fd_ostream os(dir + "/" + stem + variant + ".kernels.mlir", ec);
        if (ec)
          return fail("cannot write IR: " + ec.message());
        m->print(os);
      }
    }
  }
  // An imported model's weights, next to its library.
  if (!onnxFunction.empty() && emit.kernel.library &&
      !normc::writeWeightsFile(dir + "/" + onnxFunction + ".weights", onnxWeights, error))
    return fail(error);
  if (emit.runtime &&
      !normc::emitHalideRuntime(targets, dir + "/normc_halide_runtime.a", error))
    return fail("cannot emit the Halide runtime for '" + targetList + "': " + error);

  if (!staging.commit(error))
    return fail(error);
  return 0;
}
