//===- Library.cpp - one exported function -> one library ------------------===//
//
// A single target's library holds the function compiled for it. A
// multitarget library (--target=a,b,c) holds one variant per target,
// <name>__<suffix>, each with its own target's schedule, and a dispatcher
// <name> with the variants' signature: on its first call it asks the
// Halide runtime (halide_can_use_target_features, i.e. cpuid) for the first
// variant whose instruction sets the CPU has, the last target being the
// fallback that needs none of them, caches the choice and calls it. An
// avx512_sapphirerapids variant also needs AVX512-FP16, which normc tests
// itself (CpuFeatures.ll): Halide's runtime does not.
// <name>_variant() asks the same questions in the same order and returns
// the index, so programs and tests can see the choice.
//
//===----------------------------------------------------------------------===//
#include "HalideGen.h"
#include "dialect/KernelTable.h"
#include "Variant.h"

#include "Halide.h"

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <sstream>

#ifdef NORMC_HAVE_CPU_FEATURES_BITCODE
// CpuFeatures.ll as LLVM 14 bitcode (generated at build time).
extern const unsigned char kNormcCpuFeaturesBitcode[];
extern const size_t kNormcCpuFeaturesBitcodeSize;
#endif

using namespace mlir;

namespace normc {

namespace {

namespace HI = Halide::Internal;

/// Halide::Target's feature words, as halide_can_use_target_features takes
/// them.
constexpr int kFeatureWords = (Halide::Target::FeatureEnd + 63) / 64;

/// Halide 14's runtime reports avx512_sapphirerapids on CPUs without
/// AVX512-FP16 (AMD Zen 4), whose code needs it: the variant needs
/// normc's own test of the FP16 bit too (CpuFeatures.ll), or, in a normc
/// built without LLVM 14's llvm-as, is never chosen.
bool needsFp16Check(const Halide::Target &target) {
  return target.arch == Halide::Target::X86 &&
         target.has_feature(Halide::Target::AVX512_SapphireRapids);
}

Halide::Expr cpuHasAvx512Fp16() {
#ifdef NORMC_HAVE_CPU_FEATURES_BITCODE
  return HI::Call::make(Halide::Int(32), "normc_x86_cpu_has_avx512_fp16", {},
                        HI::Call::Extern) != 0;
#else
  return HI::const_false();
#endif
}

/// "The CPU has every feature of `target`" (the runtime ignores features it
/// cannot detect, such as user_context).
Halide::Expr cpuCanRun(const Halide::Target &target) {
  uint64_t words[kFeatureWords] = {0};
  for (int f = 0; f < Halide::Target::FeatureEnd; ++f)
    if (target.has_feature(static_cast<Halide::Target::Feature>(f)))
      words[f / 64] |= uint64_t(1) << (f % 64);
  std::vector<Halide::Expr> fields;
  for (uint64_t w : words)
    fields.push_back(HI::UIntImm::make(Halide::UInt(64), w));
  Halide::Expr array = HI::Call::make(Halide::type_of<uint64_t *>(), HI::Call::make_struct,
                                      fields, HI::Call::Intrinsic);
  Halide::Expr halideSaysYes = HI::Call::make(Halide::Int(32), "halide_can_use_target_features",
                                              {kFeatureWords, array}, HI::Call::Extern) != 0;
  return needsFp16Check(target) ? halideSaysYes && cpuHasAvx512Fp16() : halideSaysYes;
}

/// A function body returning `code` (0 on success, else the value itself:
/// Halide returns an int assertion message as the function's result).
HI::Stmt returnValue(const std::string &name, Halide::Expr code) {
  Halide::Expr var = HI::Variable::make(Halide::Int(32), name);
  return HI::LetStmt::make(name, code, HI::AssertStmt::make(var == 0, var));
}

/// The dispatcher <name> and the query <name>_variant, as one object.
void writeDispatcher(const std::string &name, const std::vector<std::string> &symbols,
                     const std::vector<Halide::Target> &targets,
                     const std::vector<HI::LoweredArgument> &args, const std::string &object) {
  // Without bounds-query support (the variants have it) and with asserts,
  // the only way to pass a variant's error code on.
  Halide::Target target = targets.back()
                              .with_feature(Halide::Target::NoRuntime)
                              .with_feature(Halide::Target::NoBoundsQuery)
                              .with_feature(Halide::Target::UserContext)
                              .without_feature(Halide::Target::NoAsserts);
  std::vector<Halide::Expr> choices;
  for (size_t i = 0; i < symbols.size(); ++i) {
    // The last variant is taken when no other is: its condition is true.
    choices.push_back(i + 1 == symbols.size() ? HI::const_true() : cpuCanRun(targets[i]));
    choices.push_back(Halide::Expr(symbols[i]));
  }
  Halide::Expr call = HI::Call::make(Halide::Int(32), HI::Call::call_cached_indirect_function,
                                     choices, HI::Call::Intrinsic);
  Halide::Expr index = static_cast<int>(symbols.size()) - 1;
  for (int i = static_cast<int>(symbols.size()) - 2; i >= 0; --i)
    index = Halide::select(cpuCanRun(targets[i]), i, index);

  Halide::Module module(name, target);
#ifdef NORMC_HAVE_CPU_FEATURES_BITCODE
  if (std::any_of(targets.begin(), targets.end(), needsFp16Check)) {
    std::vector<uint8_t> code(kNormcCpuFeaturesBitcode,
                              kNormcCpuFeaturesBitcode + kNormcCpuFeaturesBitcodeSize);
    // The CPU of the bitcode: x86-64 Linux, features ignored by Halide's match.
    Halide::Target cpu(Halide::Target::Linux, Halide::Target::X86, 64);
    module.append(Halide::ExternalCode::bitcode_wrapper(cpu, code, "normc_cpu_features"));
  }
#endif
  module.append(HI::LoweredFunc(name, args, returnValue(name + "_result", call),
                                Halide::LinkageType::ExternalPlusMetadata));
  module.append(HI::LoweredFunc(name + "_variant", std::vector<HI::LoweredArgument>{},
                                returnValue(name + "_index", index),
                                Halide::LinkageType::External));
  module.compile({{Halide::OutputFileType::object, object}});
}

/// <name>.h for a multitarget library: the dispatcher's declarations (as
/// for a single target), then the variants'.
bool writeMultitargetHeader(const std::string &path, const std::string &name,
                            const std::vector<std::string> &symbols,
                            llvm::ArrayRef<TargetInfo> infos, const Halide::Target &target,
                            const std::vector<HI::LoweredArgument> &args) {
  Halide::Module header(name, target.with_feature(Halide::Target::UserContext)
                                    .with_feature(Halide::Target::NoRuntime));
  header.append(HI::LoweredFunc(name, args, {}, Halide::LinkageType::ExternalPlusMetadata));
  header.compile({{Halide::OutputFileType::c_header, path}});
  if (!fixHeaderGuard(path, name))
    return false;

  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  std::string h = text.str();
  // The dispatcher's C prototype, "int <name>(...);": each variant has the
  // same one under its own name.
  const std::string head = "int " + name + "(";
  size_t protoAt = h.find(head);
  size_t protoEnd = protoAt == std::string::npos ? protoAt : h.find(");", protoAt);
  // Inside the extern "C" block, which closes at the last __cplusplus test.
  size_t at = h.rfind("#ifdef __cplusplus");
  if (!in || protoEnd == std::string::npos || at == std::string::npos)
    return false;
  const std::string params = h.substr(protoAt + head.size(), protoEnd + 2 - protoAt - head.size());

  std::ostringstream extra;
  const size_t n = symbols.size();
  extra << "// normc multitarget library: " << name << "() runs the first of these "
        << n << " variants\n// whose instruction sets this CPU has (the last one on any CPU);\n"
        << "// the choice is made on the first call and kept.\n"
        << "#define " << name << "_VARIANT_COUNT " << n << "\n\n"
        << "// The index of the variant " << name << "() runs on this CPU.\n"
        << "HALIDE_FUNCTION_ATTRS\nint " << name << "_variant(void);\n\n"
        << "// The target of variant `index`, or 0 outside 0.." << n - 1 << ".\n"
        << "static inline const char *" << name << "_variant_target(int index) {\n"
        << "  static const char *const targets[" << n << "] = {\n";
  for (const TargetInfo &t : infos)
    extra << "    \"" << t.requested << "\",\n";
  extra << "  };\n  return index >= 0 && index < " << n << " ? targets[index] : 0;\n}\n\n"
        << "// Each variant's entry points, to run one directly (tests, benchmarks;\n"
        << "// a normrt kernel is NORMRT_KERNEL(" << symbols.front() << ")).\n";
  for (size_t i = 0; i < n; ++i)
    extra << "// " << i << ": " << infos[i].requested << "\n"
          << "HALIDE_FUNCTION_ATTRS\nint " << symbols[i] << "(" << params << "\n"
          << "HALIDE_FUNCTION_ATTRS\nint " << symbols[i] << "_argv(void **args);\n"
          << "HALIDE_FUNCTION_ATTRS\nconst struct halide_filter_metadata_t *" << symbols[i]
          << "_metadata(void);\n";
  extra << "\n";
  h.insert(at, extra.str());
  std::ofstream out(path, std::ios::trunc);
  out << h;
  return static_cast<bool>(out);
}

/// Adds normc's table of the function's arguments to <name>.h:
/// <name>_kernel_info() (normrt_kernel.h), which NORMRT_KERNEL(<name>)
/// carries so that normrt checks calls against normc's own record rather
/// than Halide's buffer estimates. A multitarget library's variants share it.
bool appendKernelInfo(const std::string &path, func::FuncOp func,
                      llvm::ArrayRef<TargetInfo> targets,
                      const std::vector<std::string> &variantSymbols) {
  const std::string name = func.getSymName().str();
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  std::string h = text.str();
  const std::string stdint = "#include <stdint.h>\n";
  size_t includeAt = h.find(stdint);
  size_t at = h.rfind("#ifdef __cplusplus");
  if (!in || includeAt == std::string::npos || at == std::string::npos)
    return false;
  std::string spelled;
  for (const TargetInfo &t : targets)
    spelled += (spelled.empty() ? "" : ",") + t.requested;
  std::ostringstream table;
  table << "// normc's record of " << name << "'s tensor arguments, in the order calls\n"
        << "// take them: the .mlir names, dtypes and static extents (-1: any).\n"
        << "// NORMRT_KERNEL(" << name << ") carries it; normrt checks calls against it.\n"
        << "static inline const normrt_kernel_info_t *" << name << "_kernel_info(void) {\n"
        << kernelArgTable(func, name) << "  static const normrt_kernel_info_t info = {"
        << cStringLiteral(name) << ", " << cStringLiteral(spelled) << ", "
        << func.getNumArguments() + func.getNumResults() << ", " << name << "__args};\n"
        << "  return &info;\n}\n";
  for (const std::string &symbol : variantSymbols)
    if (symbol != name)
      table << "#define " << symbol << "_kernel_info " << name << "_kernel_info\n";
  table << "\n";
  h.insert(at, table.str());
  h.insert(includeAt + stdint.size(), "#include \"normrt_kernel.h\"\n");
  std::ofstream out(path, std::ios::trunc);
  out << h;
  return static_cast<bool>(out);
}

void removeFiles(const std::vector<std::string> &paths) {
  for (const std::string &p : paths)
    std::remove(p.c_str());
}

} // namespace

LogicalResult compileKernelFunc(llvm::ArrayRef<func::FuncOp> variants,
                                llvm::ArrayRef<TargetInfo> targets, const std::string &outDir,
                                const KernelEmitOptions &emit,
                                std::vector<std::string> *objectsOut) {
  func::FuncOp func = variants.front();
  const std::string name = func.getSymName().str();
  const std::string base = outDir + "/" + name;
  std::vector<std::string> objects, symbols;
  std::vector<HI::LoweredArgument> args;
  for (size_t i = 0; i < variants.size(); ++i) {
    KernelEmitOptions variantEmit = emit;
    std::string symbol = name;
    if (variants.size() > 1) {
      symbol = name + "__" + targets[i].suffix;
      variantEmit.header = false; // the library's header is the dispatcher's
    }
    CompiledVariant compiled;
    if (failed(compileVariant(variants[i], targets[i], outDir, symbol, variantEmit, compiled))) {
      removeFiles(objects);
      return failure();
    }
    objects.insert(objects.end(), compiled.objects.begin(), compiled.objects.end());
    symbols.push_back(symbol);
    args = compiled.args;
  }
  try {
    std::vector<Halide::Target> halideTargets;
    for (const TargetInfo &t : targets)
      halideTargets.emplace_back(t.canonical);
    if (variants.size() > 1) {
      if (emit.library) {
        objects.push_back(base + ".dispatch.o");
        writeDispatcher(name, symbols, halideTargets, args, objects.back());
      }
      if (emit.header &&
          !writeMultitargetHeader(base + ".h", name, symbols, targets, halideTargets.back(), args)) {
        removeFiles(objects);
        return func.emitError() << "cannot write " << base << ".h";
      }
    }
    if (emit.header && !appendKernelInfo(base + ".h", func, targets, symbols)) {
      removeFiles(objects);
      return func.emitError() << "cannot write " << base << ".h";
    }
    if (objectsOut) {
      objectsOut->insert(objectsOut->end(), objects.begin(), objects.end());
      return success();
    }
    std::string error;
    if (emit.library && !writeStaticLibrary(objects, targets, base + ".a", error))
      return func.emitError() << "cannot write " << base << ".a: " << error;
    removeFiles(objects); // none left when the archive was written
    return success();
  } catch (const Halide::Error &e) {
    removeFiles(objects);
    std::string what = e.what();
    while (!what.empty() && (what.back() == '\n' || what.back() == ' '))
      what.pop_back();
    return func.emitError() << "Halide failed to build the library of @" << name << ": " << what;
  }
}

bool writeStaticLibrary(const std::vector<std::string> &objects,
                        llvm::ArrayRef<TargetInfo> targets, const std::string &path,
                        std::string &error) {
  try {
    Halide::create_static_library(objects, Halide::Target(targets.back().canonical), path);
    removeFiles(objects);
    return true;
  } catch (const Halide::Error &e) {
    removeFiles(objects);
    error = e.what();
    return false;
  }
}

} // namespace normc
