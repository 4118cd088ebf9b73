//===- TargetFacts.cpp - target facts from target strings and the host ----===//
#include "tuning/TargetFacts.h"

#include <fstream>
#include <sstream>
#include <thread>
#include <vector>

namespace normc {

namespace {

std::vector<std::string> words(const std::string &s) {
  std::vector<std::string> out;
  std::stringstream ss(s);
  std::string w;
  while (std::getline(ss, w, '-'))
    out.push_back(w);
  return out;
}

#if defined(__x86_64__) || defined(__i386__)
bool hostHasAvx512() { return __builtin_cpu_supports("avx512f"); }
bool hostHasAvx2() { return __builtin_cpu_supports("avx2"); }
#else
bool hostHasAvx512() { return false; }
bool hostHasAvx2() { return false; }
#endif

} // namespace

TargetFacts targetFacts(const std::string &target) {
  TargetFacts f;
  std::vector<std::string> ws = words(target);
  bool host = !ws.empty() && ws[0] == "host";
  if (host) {
#if defined(__x86_64__)
    f.arch = TargetFacts::Arch::X86;
#elif defined(__aarch64__)
    f.arch = TargetFacts::Arch::Arm;
#endif
  } else if (!ws.empty() && ws[0] == "x86") {
    f.arch = TargetFacts::Arch::X86;
  } else if (!ws.empty() && ws[0] == "arm") {
    f.arch = TargetFacts::Arch::Arm;
  }
  bool avx512 = false, avx2 = false;
  for (const std::string &w : ws) {
    avx512 |= w.rfind("avx512", 0) == 0; // avx512, avx512_skylake, ...
    avx2 |= w == "avx2";
    f.gpu |= w == "cuda" || w == "opencl" || w == "metal" || w == "vulkan" ||
             w == "d3d12compute";
  }
  if (host && f.arch == TargetFacts::Arch::X86) {
    avx512 |= hostHasAvx512();
    avx2 |= hostHasAvx2();
  }
  if (f.arch == TargetFacts::Arch::X86) {
    // Halide's natural vector size follows the widest enabled ISA.
    f.vectorBits = avx512 ? 512 : avx2 ? 256 : 128;
    f.vectorRegisters = avx512 ? 32 : 16;
  } else if (f.arch == TargetFacts::Arch::Arm) {
    f.vectorBits = 128; // NEON
    f.vectorRegisters = 32;
  }
  return f;
}

HardwareFingerprint hostFingerprint() {
  HardwareFingerprint fp;
  std::ifstream cpuinfo("/proc/cpuinfo");
  for (std::string line; std::getline(cpuinfo, line);) {
    if (line.rfind("model name", 0) == 0) {
      size_t colon = line.find(':');
      if (colon != std::string::npos) {
        fp.cpu = line.substr(colon + 1);
        fp.cpu.erase(0, fp.cpu.find_first_not_of(" \t"));
      }
      break;
    }
  }
  if (fp.cpu.empty())
    fp.cpu = "unknown";
#if defined(__x86_64__)
  struct Feature {
    const char *name;
    bool present;
  };
  __builtin_cpu_init();
  const Feature features[] = {
      {"sse41", static_cast<bool>(__builtin_cpu_supports("sse4.1"))},
      {"avx", static_cast<bool>(__builtin_cpu_supports("avx"))},
      {"avx2", static_cast<bool>(__builtin_cpu_supports("avx2"))},
      {"fma", static_cast<bool>(__builtin_cpu_supports("fma"))},
      {"avx512f", static_cast<bool>(__builtin_cpu_supports("avx512f"))},
      {"avx512bw", static_cast<bool>(__builtin_cpu_supports("avx512bw"))},
      {"avx512vl", static_cast<bool>(__builtin_cpu_supports("avx512vl"))},
  };
  for (const Feature &f : features)
    if (f.present)
      fp.features += (fp.features.empty() ? "" : ",") + std::string(f.name);
#elif defined(__aarch64__)
  fp.features = "neon";
#endif
  fp.cores = static_cast<int>(std::thread::hardware_concurrency());
  return fp;
}

} // namespace normc
