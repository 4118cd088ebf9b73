//===- TuningDb.h - tuning records: knobs measured for a group ------------===//
//
// A tuning database is one JSON file:
//
//   {"normc_tuning_db": 1, "records": [
//     {"group": "conv_norm_5c1e...", "target": "x86-64-linux-avx2-fma-...",
//      "hardware": {"cpu": "AMD EPYC 7B13", "features": "avx2,fma", "cores": 2},
//      "knobs": {"conv_k_tile": 4, ...}, "time_ms": 0.82,
//      "date": "2026-12-01", "normc_version": "0.1.0",
//      "function": "block", "default_ms": 1.07,
//      "autoschedulers": {"Mullapudi2016": 2.3, "Adams2019": "failed: ..."},
//      "trials": 24, "gain": 1.12}]}
//
// time_ms is the time of the function the group was measured in (its other
// groups at their best knobs); default_ms is that function with every group
// at normc's defaults and autoschedulers the function scheduled by each of
// Halide's autoschedulers (a time, or why it could not be measured), all
// measured in the same run (norm-tune --report prints them); trials counts
// the candidates tried for the group (--resume goes on from there) and gain
// is what this group's knobs alone won over its defaults. These are
// optional: normc reads only group, target, hardware, knobs, time_ms.
//
// A record is keyed by the group's stable name (a structural hash of its
// body, see norm-outline-kernels), the target string (Halide's canonical
// spelling) and the hardware it was measured on. Records are data written
// by norm-tune; lookups prefer the same hardware, then the fastest.
//
//===----------------------------------------------------------------------===//
#ifndef NORMC_TUNING_TUNINGDB_H_
#define NORMC_TUNING_TUNINGDB_H_

#include "tuning/Knobs.h"
#include "tuning/TargetFacts.h"

#include <string>
#include <vector>

namespace normc {

struct TuningRecord {
  std::string group, target;
  HardwareFingerprint hardware;
  llvm::json::Object knobs; ///< as written; validated when applied
  double timeMs = 0;
  std::string date, normcVersion;
  std::string function; ///< optional: where it was measured
  double defaultMs = 0; ///< optional (0: not measured)
  int trials = 0;       ///< optional: candidates norm-tune measured for the group
  double gain = 0;      ///< optional: the function's speed-up from this group's knobs
  /// optional: autoscheduler name -> time in ms, or "failed: why"
  llvm::json::Object autoschedulers;
};

struct TuningDb {
  std::vector<TuningRecord> records;

  /// The record to apply for `group` compiled for `target` on `host`:
  /// same group and target; among those the same kind of machine (CPU
  /// model and features) first, then the fastest. Null when none.
  const TuningRecord *best(const std::string &group, const std::string &target,
                           const HardwareFingerprint &host) const;
  /// Adds `record`, keeping one record per (group, target, machine kind):
  /// the faster one.
  void merge(TuningRecord record);
  /// Adds `record`, replacing the record of the same (group, target,
  /// machine kind) whatever its time: a newer measurement of this run.
  void put(TuningRecord record);
};

/// Reads a database; false with `error` ("file: what is wrong, where") when
/// the file cannot be read, is not JSON, or a record is malformed.
bool loadTuningDb(const std::string &path, TuningDb &db, std::string &error);
/// Writes a database atomically (a temporary file renamed over `path`).
bool saveTuningDb(const std::string &path, const TuningDb &db, std::string &error);

} // namespace normc

#endif // NORMC_TUNING_TUNINGDB_H_
