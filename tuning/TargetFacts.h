//===- TargetFacts.h - what the schedules need to know about a target -----===//
//
// Halide-free: read from a target string in Halide's spelling
// ("x86-64-linux-avx2-fma", "arm-64-linux", "host"), so the passes can
// choose knobs without linking Halide. The host's facts come from the CPU
// itself (cpuid), and so does the hardware fingerprint that keys tuning
// records.
//
//===----------------------------------------------------------------------===//
#ifndef NORMC_TUNING_TARGETFACTS_H_
#define NORMC_TUNING_TARGETFACTS_H_

#include <string>

namespace normc {

struct TargetFacts {
  enum class Arch { X86, Arm, Unknown } arch = Arch::Unknown;
  int vectorBits = 128;     ///< widest float vectors the schedules use
  int vectorRegisters = 16; ///< architectural vector registers
  bool gpu = false;         ///< a GPU feature (cuda, opencl, ...) is named

  int f32Lanes() const { return vectorBits / 32; }
};

/// Facts of a target string; "host" (alone or with features) reads the CPU
/// this process runs on. Unknown words are ignored (the drivers validate
/// target strings with Halide before they get here).
TargetFacts targetFacts(const std::string &target);

/// The hardware a measurement was made on: CPU model, ISA features, cores.
struct HardwareFingerprint {
  std::string cpu;      ///< e.g. "AMD EPYC 7B13" (/proc/cpuinfo model name)
  std::string features; ///< e.g. "avx2,fma,f16c" (vector ISA features, fixed order)
  int cores = 0;        ///< logical CPUs available to the process

  bool sameMachineKind(const HardwareFingerprint &o) const {
    return cpu == o.cpu && features == o.features;
  }
};
HardwareFingerprint hostFingerprint();

} // namespace normc

#endif // NORMC_TUNING_TARGETFACTS_H_
