//===- Target.cpp - validate and describe Halide target strings -----------===//
#include "HalideGen.h"

#include "Halide.h"

#include <map>
#include <set>
#if defined(__x86_64__)
#include <cpuid.h>
#endif
#include <sstream>

namespace normc {

namespace {

#if defined(__x86_64__)
bool cpuHasAvx512Fp16() {
  unsigned a, b, c, d;
  return __get_cpuid_count(7, 0, &a, &b, &c, &d) && (d & (1u << 23));
}
#endif

/// Halide 14 takes any CPU with AVX512-BF16 for a Sapphire Rapids, whose
/// code (LLVM's sapphirerapids CPU) uses AVX512-FP16 instructions such as
/// vmovw for f16 loads: on AMD Zen 4 (BF16, no FP16) those kernels died
/// with SIGILL. There the host target keeps the AVX-512 subsets Zen 4 has
/// (Cannon Lake's: F, CD, BW, DQ, VL, IFMA, VBMI).
Halide::Target correctHostTarget(Halide::Target t) {
#if defined(__x86_64__)
  if (t.has_feature(Halide::Target::AVX512_SapphireRapids) && !cpuHasAvx512Fp16())
    t = t.without_feature(Halide::Target::AVX512_SapphireRapids)
            .with_feature(Halide::Target::AVX512_Cannonlake);
#endif
  return t;
}

Halide::Target hostTarget() { return correctHostTarget(Halide::get_host_target()); }
const std::set<std::string> kArchWords = {"x86", "arm", "powerpc", "hexagon",
                                          "wasm", "riscv", "host"};
const std::set<std::string> kBitsWords = {"32", "64"};
const std::set<std::string> kOsWords = {"linux", "windows", "osx", "android",
                                        "ios", "qurt", "noos", "fuchsia",
                                        "wasmrt"};

/// "cuda_capability_30, ..., cuda_capability_86": the capabilities Halide 14
/// knows, from its own feature list.
std::string cudaCapabilityList() {
  std::string list;
  for (int f = 0; f < Halide::Target::FeatureEnd; ++f) {
    std::string name = Halide::Target::feature_to_name(static_cast<Halide::Target::Feature>(f));
    if (name.rfind("cuda_capability_", 0) == 0)
      list += (list.empty() ? "" : ", ") + name;
  }
  return list;
}

/// The features normc accepts in --target: instruction sets, GPU APIs, and
/// instrumentation that leaves the kernel's checks and ABI alone. Every other
/// Halide 14 feature is refused with the reason in kRefusedFeatures (or a
/// generic one): some remove the checks normrt relies on, some change the
/// ABI normrt calls, some belong to architectures normc does not schedule.
const std::set<Halide::Target::Feature> kAcceptedFeatures = {
    // x86 instruction sets
    Halide::Target::SSE41, Halide::Target::AVX, Halide::Target::AVX2, Halide::Target::FMA,
    Halide::Target::FMA4, Halide::Target::F16C, Halide::Target::AVX512,
    Halide::Target::AVX512_KNL, Halide::Target::AVX512_Skylake,
    Halide::Target::AVX512_Cannonlake, Halide::Target::AVX512_SapphireRapids,
    // ARM64 instruction sets
    Halide::Target::NoNEON, Halide::Target::SVE, Halide::Target::SVE2,
    Halide::Target::ARMDotProd, Halide::Target::ARMFp16, Halide::Target::ARMv81a,
    // GPU APIs
    Halide::Target::CUDA, Halide::Target::CUDACapability30, Halide::Target::CUDACapability32,
    Halide::Target::CUDACapability35, Halide::Target::CUDACapability50,
    Halide::Target::CUDACapability61, Halide::Target::CUDACapability70,
    Halide::Target::CUDACapability75, Halide::Target::CUDACapability80,
    Halide::Target::CUDACapability86, Halide::Target::OpenCL, Halide::Target::CLDoubles,
    Halide::Target::CLAtomics64, Halide::Target::CLHalf,
    // instrumentation and code generation that keep checks and ABI
    Halide::Target::Debug, Halide::Target::Profile, Halide::Target::ProfileByTimer,
    Halide::Target::ASAN, Halide::Target::MSAN, Halide::Target::TSAN,
    Halide::Target::SanitizerCoverage, Halide::Target::StrictFloat,
    Halide::Target::EmbedBitcode, Halide::Target::EnableLLVMLoopOpt,
    Halide::Target::DisableLLVMLoopOpt, Halide::Target::LLVMLargeCodeModel,
    Halide::Target::CheckUnsafePromises, Halide::Target::TraceLoads,
    Halide::Target::TraceStores, Halide::Target::TraceRealizations,
    Halide::Target::TracePipeline};

const std::map<Halide::Target::Feature, const char *> kRefusedFeatures = {
    {Halide::Target::NoAsserts,
     "it removes the kernel's shape checks, and normrt's calls rely on them"},
    {Halide::Target::NoBoundsQuery,
     "it removes the bounds queries normrt uses to check every argument's extents"},
    {Halide::Target::NoRuntime,
     "normc sets it itself: the kernels share one Halide runtime, emitted as "
     "normc_halide_runtime.a"},
    {Halide::Target::UserContext,
     "normc sets it itself (normrt passes the user context)"},
    {Halide::Target::JIT, "normc compiles ahead of time"},
    {Halide::Target::Matlab, "normc's kernels are called through normrt, not MATLAB"},
    {Halide::Target::CPlusPlusMangling,
     "normrt and the generated headers call the kernels by their C names"},
    {Halide::Target::LargeBuffers,
     "normc's kernels and normrt address at most 2^31 - 1 bytes per tensor"},
    {Halide::Target::FuzzFloatStores,
     "it perturbs every stored float on purpose (a Halide testing aid)"},
    {Halide::Target::SoftFloatABI, "it applies to 32-bit ARM, which normc does not target"},
    {Halide::Target::ARMv7s, "it applies to 32-bit ARM, which normc does not target"},
};

std::vector<std::string> splitDash(const std::string &s) {
  std::vector<std::string> parts;
  std::stringstream ss(s);
  std::string part;
  while (std::getline(ss, part, '-'))
    parts.push_back(part);
  return parts;
}
} // namespace

bool parseTarget(const std::string &spec, TargetInfo &out, std::string &error) {
  if (spec.empty()) {
    error = "empty target in '--target='";
    return false;
  }
  for (const std::string &word : splitDash(spec)) {
    if (kArchWords.count(word) || kBitsWords.count(word) || kOsWords.count(word))
      continue;
    if (Halide::Target::feature_from_name(word) == Halide::Target::FeatureEnd) {
      error = "unknown target feature '" + word + "' in '--target=" + spec + "'";
      return false;
    }
  }
  if (spec != "host" && !Halide::Target::validate_target_string(spec)) {
    error = "invalid target '" + spec + "' (expected <arch>-<bits>-<os>"
            "[-<feature>...] such as 'x86-64-linux-avx2', or 'host'; see "
            "--list-targets)";
    return false;
  }
  try {
    // "host" and "host-<features>": Halide fills in this machine's CPU.
    Halide::Target target = spec == "host" ? hostTarget() : Halide::Target(spec);
    if (spec.rfind("host", 0) == 0)
      target = correctHostTarget(target);
    if (target.arch == Halide::Target::ArchUnknown ||
        target.os == Halide::Target::OSUnknown) {
      error = "target '" + spec + "' names no architecture or OS (expected "
              "e.g. 'x86-64-linux-avx2' or 'arm-64-linux')";
      return false;
    }
    if (target.has_feature(Halide::Target::CUDA) && target.has_feature(Halide::Target::OpenCL)) {
      error = "target '" + spec + "' names both cuda and opencl: a library runs on one "
              "GPU API (compile twice for both)";
      return false;
    }
    for (auto f : {Halide::Target::Metal, Halide::Target::OpenGLCompute,
                   Halide::Target::D3D12Compute})
      if (target.has_feature(f)) {
        error = "target '" + spec + "' asks for " +
                Halide::Target::feature_to_name(f) +
                ": normc's GPU schedules cover cuda and opencl only";
        return false;
      }
    // Halide's PTX back end aborts the process inside LLVM (no exception)
    // for a GPU-lane schedule when no capability is named, so the capability
    // is required up front.
    if (target.has_feature(Halide::Target::CUDA) &&
        target.get_cuda_capability_lower_bound() < 30) {
      error = "target '" + spec + "' names cuda without a capability: add one of " +
              cudaCapabilityList() + " (e.g. 'host-cuda-cuda_capability_80' for A100/H100)";
      return false;
    }
    for (int f = 0; f < Halide::Target::FeatureEnd; ++f) {
      auto feature = static_cast<Halide::Target::Feature>(f);
      if (!target.has_feature(feature) || kAcceptedFeatures.count(feature))
        continue;
      auto reason = kRefusedFeatures.find(feature);
      error = "target '" + spec + "': normc does not accept the feature '" +
              Halide::Target::feature_to_name(feature) + "': " +
              (reason != kRefusedFeatures.end()
                   ? std::string(reason->second)
                   : std::string("it belongs to an architecture or GPU API that normc "
                                 "does not schedule"));
      return false;
    }
    if (target.bits != 64) {
      error = "target '" + spec + "' is " + std::to_string(target.bits) +
              "-bit: normc supports 64-bit x86 and arm only";
      return false;
    }
    if (target.arch != Halide::Target::X86 && target.arch != Halide::Target::ARM) {
      error = "target '" + spec + "': normc's schedules cover x86 and arm only";
      return false;
    }
    if (target.os != Halide::Target::Linux) {
      error = "target '" + spec + "' is for another OS than Linux: normc's libraries and "
              "normrt are built and tested for Linux (x86-64 and arm-64)";
      return false;
    }
    out.requested = spec;
    out.canonical = target.to_string();
    out.suffix.clear();
    for (const std::string &word : splitDash(spec))
      if (!kArchWords.count(word) || word == "host")
        if (!kBitsWords.count(word) && !kOsWords.count(word))
          out.suffix += (out.suffix.empty() ? "" : "_") + word;
    if (out.suffix.empty())
      out.suffix = "base";
    out.isGpu = target.has_gpu_feature();
    out.isCuda = target.has_feature(Halide::Target::CUDA);
    return true;
  } catch (const Halide::Error &e) {
    std::string what = e.what();
    error = "invalid target '" + spec + "': " + what.substr(0, what.find('\n'));
    return false;
  }
}

namespace {
/// Features that change how code is built or checked rather than which
/// instructions it may use: the variants of one library must agree on them.
const Halide::Target::Feature kMustMatch[] = {
    Halide::Target::ASAN,     Halide::Target::MSAN,     Halide::Target::TSAN,
    Halide::Target::Debug,    Halide::Target::SanitizerCoverage,
    Halide::Target::NoAsserts, Halide::Target::NoBoundsQuery,
    Halide::Target::CPlusPlusMangling, Halide::Target::Profile,
    Halide::Target::LargeBuffers, Halide::Target::StrictFloat};

bool featuresSubset(const Halide::Target &a, const Halide::Target &b) {
  for (int f = 0; f < Halide::Target::FeatureEnd; ++f)
    if (a.has_feature(static_cast<Halide::Target::Feature>(f)) &&
        !b.has_feature(static_cast<Halide::Target::Feature>(f)))
      return false;
  return true;
}
} // namespace

bool checkMultitarget(const std::vector<TargetInfo> &targets, std::string &error) {
  std::vector<Halide::Target> ts;
  for (const TargetInfo &t : targets) {
    if (t.isGpu) {
      error = "target '" + t.requested + "' is a GPU target: several targets make one "
              "library that picks a CPU variant at run time; compile GPU targets in a "
              "normc run of their own";
      return false;
    }
    ts.emplace_back(t.canonical);
  }
  const Halide::Target &base = ts.back();
  for (size_t i = 0; i < ts.size(); ++i) {
    if (ts[i].arch != base.arch || ts[i].bits != base.bits || ts[i].os != base.os) {
      error = "targets '" + targets[i].requested + "' and '" + targets.back().requested +
              "' differ in architecture, bits or OS: several targets make one library "
              "for one of them (run normc once per architecture)";
      return false;
    }
    for (auto f : kMustMatch)
      if (ts[i].has_feature(f) != base.has_feature(f)) {
        error = std::string("targets '") + targets[i].requested + "' and '" +
                targets.back().requested + "' differ in '" +
                Halide::Target::feature_to_name(f) + "': the variants of one library "
                "must agree on every feature that is not an instruction set";
        return false;
      }
    for (size_t j = i + 1; j < ts.size(); ++j)
      if (featuresSubset(ts[i], ts[j])) {
        error = "target '" + targets[j].requested + "' could never run: the library "
                "runs the first target the CPU supports, and '" + targets[i].requested +
                "', listed before it, runs wherever it does (list the most capable "
                "target first and the baseline last)";
        return false;
      }
  }
  return true;
}

std::string describeTargets() {
  std::ostringstream os;
  os << "host target: " << hostTarget().to_string() << "\n"
     << "form: <arch>-<bits>-<os>[-<feature>...] or host[-<feature>...]\n"
     << "targets normc schedules (backend; what CI tests):\n"
     << "  host, x86-64-linux[-avx2|-avx512_skylake|...]  CPU backend (4/8/16 f32 lanes, "
        "16 or 32 registers by ISA); numerics suites run on the CI machine's own ISA "
        "(AVX2 or AVX-512)\n"
     << "  x86-64-linux-avx512_skylake,x86-64-linux-avx2,x86-64-linux  one library per "
        "function, a variant per target and a run-time dispatcher (most capable target "
        "first, baseline last; an avx512_sapphirerapids variant also needs AVX512-FP16); the "
        "numerics and conv suites run on every variant the CI CPU has (CI's libraries "
        "add avx512_sapphirerapids first), the others report themselves skipped\n"
     << "  arm-64-linux[-arm_fp16]                       CPU backend (NEON: 4 f32 lanes, "
        "32 registers; arm_fp16 converts f16 in hardware); numerics, variant matrix (also "
        "with arm_fp16), conv, runtime, e2e and example cross-built and run under "
        "qemu-aarch64 (ctest arm64/qemu_suites)\n"
     << "  host-cuda-" << cudaCapabilityList().substr(0, cudaCapabilityList().find(','))
     << " ... cuda_capability_86  GPU backend; PTX of every test kernel (capability 80) "
        "assembled by ptxas for sm_80 and sm_90; executed by scripts/gpu-check.sh on a GPU\n"
     << "  host-opencl                                   GPU backend; numerics suites, "
        "device API and GPU benchmark executed on PoCL (the CPU), f16/bf16 excluded "
        "(no cl_khr_fp16)\n"
     << "cuda capabilities: " << cudaCapabilityList() << "\n"
     << "examples: host, x86-64-linux-avx2, x86-64-linux-avx512_skylake, "
        "arm-64-linux, host-cuda-cuda_capability_80, host-opencl\n"
     << "features normc accepts:";
  int column = 0;
  for (int f = 0; f < Halide::Target::FeatureEnd; ++f)
    if (kAcceptedFeatures.count(static_cast<Halide::Target::Feature>(f)))
      os << (column++ % 8 == 0 ? "\n  " : " ")
         << Halide::Target::feature_to_name(static_cast<Halide::Target::Feature>(f));
  os << "\nHalide features normc refuses (and why):\n";
  for (const auto &[feature, reason] : kRefusedFeatures)
    os << "  " << Halide::Target::feature_to_name(feature) << ": " << reason << "\n";
  os << "  any other (hvx, metal, wasm_*, vsx, ...): another architecture or GPU API\n";
  return os.str();
}

bool emitHalideRuntime(const std::vector<TargetInfo> &targets, const std::string &path,
                       std::string &error) {
  try {
    // The features every target has: a runtime that runs wherever any
    // variant of the library may be chosen.
    Halide::Target target(targets.back().canonical);
    for (const TargetInfo &t : targets) {
      Halide::Target other(t.canonical);
      for (int f = 0; f < Halide::Target::FeatureEnd; ++f) {
        auto feature = static_cast<Halide::Target::Feature>(f);
        if (!other.has_feature(feature))
          target = target.without_feature(feature);
      }
    }
    target = target.with_feature(Halide::Target::UserContext);
    Halide::compile_standalone_runtime(
        {{Halide::OutputFileType::static_library, path}}, target);
    return true;
  } catch (const Halide::Error &e) {
    error = e.what();
    return false;
  }
}

} // namespace normc
