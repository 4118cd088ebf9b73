//===- TuningDb.cpp - read, match, merge and write tuning records ---------===//
#include "tuning/TuningDb.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/raw_ostream.h"

namespace normc {

namespace {

bool readString(const llvm::json::Object &o, llvm::StringRef key, std::string &out,
                std::string &error, const std::string &where) {
  auto s = o.getString(key);
  if (!s) {
    error = where + ": '" + key.str() + "' must be a string";
    return false;
  }
  out = s->str();
  return true;
}

bool parseRecord(const llvm::json::Value &value, TuningRecord &r, std::string &error,
                 const std::string &where) {
  const llvm::json::Object *o = value.getAsObject();
  if (!o) {
    error = where + ": a record must be an object";
    return false;
  }
  if (!readString(*o, "group", r.group, error, where) ||
      !readString(*o, "target", r.target, error, where))
    return false;
  const llvm::json::Object *hw = o->getObject("hardware");
  if (!hw) {
    error = where + ": 'hardware' must be an object {cpu, features, cores}";
    return false;
  }
  if (!readString(*hw, "cpu", r.hardware.cpu, error, where + " hardware") ||
      !readString(*hw, "features", r.hardware.features, error, where + " hardware"))
    return false;
  if (auto cores = hw->getInteger("cores"))
    r.hardware.cores = static_cast<int>(*cores);
  const llvm::json::Object *knobs = o->getObject("knobs");
  if (!knobs) {
    error = where + ": 'knobs' must be an object";
    return false;
  }
  // The knobs must be valid now, not only when the record is applied.
  CpuKnobs scratch;
  std::string knobError;
  if (!knobsFromJson(*knobs, scratch, knobError)) {
    error = where + ": " + knobError;
    return false;
  }
  r.knobs = *knobs;
  auto time = o->getNumber("time_ms");
  if (!time || *time <= 0) {
    error = where + ": 'time_ms' must be a positive number";
    return false;
  }
  r.timeMs = *time;
  if (auto d = o->getString("date"))
    r.date = d->str();
  if (auto v = o->getString("normc_version"))
    r.normcVersion = v->str();
  if (auto f = o->getString("function"))
    r.function = f->str();
  if (auto d = o->getNumber("default_ms"))
    r.defaultMs = *d;
  if (auto t = o->getInteger("trials"))
    r.trials = static_cast<int>(*t);
  if (auto g = o->getNumber("gain"))
    r.gain = *g;
  if (const llvm::json::Object *a = o->getObject("autoschedulers"))
    r.autoschedulers = *a;
  return true;
}

llvm::json::Value recordToJson(const TuningRecord &r) {
  llvm::json::Object o{
      {"group", r.group},
      {"target", r.target},
      {"hardware", llvm::json::Object{{"cpu", r.hardware.cpu},
                                      {"features", r.hardware.features},
                                      {"cores", r.hardware.cores}}},
      {"knobs", llvm::json::Object(r.knobs)},
      {"time_ms", r.timeMs},
      {"date", r.date},
      {"normc_version", r.normcVersion}};
  if (!r.function.empty())
    o["function"] = r.function;
  if (r.defaultMs > 0)
    o["default_ms"] = r.defaultMs;
  if (r.trials > 0)
    o["trials"] = r.trials;
  if (r.gain > 0)
    o["gain"] = r.gain;
  if (!r.autoschedulers.empty())
    o["autoschedulers"] = llvm::json::Object(r.autoschedulers);
  return o;
}

} // namespace

const TuningRecord *TuningDb::best(const std::string &group, const std::string &target,
                                   const HardwareFingerprint &host) const {
  const TuningRecord *best = nullptr;
  auto rank = [&](const TuningRecord &r) { return r.hardware.sameMachineKind(host) ? 0 : 1; };
  for (const TuningRecord &r : records) {
    if (r.group != group || r.target != target)
      continue;
    if (!best || rank(r) < rank(*best) || (rank(r) == rank(*best) && r.timeMs < best->timeMs))
      best = &r;
  }
  return best;
}

void TuningDb::merge(TuningRecord record) {
  for (TuningRecord &r : records)
    if (r.group == record.group && r.target == record.target &&
        r.hardware.sameMachineKind(record.hardware)) {
      if (record.timeMs < r.timeMs)
        r = std::move(record);
      return;
    }
  records.push_back(std::move(record));
}

void TuningDb::put(TuningRecord record) {
  for (TuningRecord &r : records)
    if (r.group == record.group && r.target == record.target &&
        r.hardware.sameMachineKind(record.hardware)) {
      r = std::move(record);
      return;
    }
  records.push_back(std::move(record));
}

bool loadTuningDb(const std::string &path, TuningDb &db, std::string &error) {
  auto buffer = llvm::MemoryBuffer::getFile(path);
  if (!buffer) {
    error = "cannot read tuning database '" + path + "': " + buffer.getError().message();
    return false;
  }
  auto parsed = llvm::json::parse((*buffer)->getBuffer());
  if (!parsed) {
    error = "tuning database '" + path + "' is not valid JSON: " +
            llvm::toString(parsed.takeError());
    return false;
  }
  const llvm::json::Object *top = parsed->getAsObject();
  if (!top || !top->getInteger("normc_tuning_db")) {
    error = "tuning database '" + path +
            "' has no \"normc_tuning_db\": <version> field (is it a normc tuning database?)";
    return false;
  }
  if (*top->getInteger("normc_tuning_db") != 1) {
    error = "tuning database '" + path + "' has version " +
            std::to_string(*top->getInteger("normc_tuning_db")) + "; this normc reads version 1";
    return false;
  }
  const llvm::json::Array *records = top->getArray("records");
  if (!records) {
    error = "tuning database '" + path + "': 'records' must be an array";
    return false;
  }
  db.records.clear();
  for (size_t i = 0; i < records->size(); ++i) {
    TuningRecord r;
    if (!parseRecord((*records)[i], r, error,
                     "tuning database '" + path + "' record " + std::to_string(i)))
      return false;
    db.records.push_back(std::move(r));
  }
  return true;
}

bool saveTuningDb(const std::string &path, const TuningDb &db, std::string &error) {
  llvm::json::Array records;
  for (const TuningRecord &r : db.records)
    records.push_back(recordToJson(r));
  llvm::json::Value top = llvm::json::Object{{"normc_tuning_db", 1}, {"records", std::move(records)}};
  llvm::SmallString<256> temp;
  int fd = -1;
  llvm::SmallString<256> model(path);
  model += ".tmp-%%%%%%";
  if (std::error_code ec = llvm::sys::fs::createUniqueFile(model, fd, temp)) {
    error = "cannot write tuning database '" + path + "': " + ec.message();
    return false;
  }
  {
    llvm::raw_fd_ostream os(fd, /*shouldClose=*/true);
    os << llvm::formatv("{0:2}", top) << "\n";
    os.flush();
    if (os.has_error()) {
      llvm::sys::fs::remove(temp);
      error = "cannot write tuning database '" + path + "'";
      return false;
    }
  }
  if (std::error_code ec = llvm::sys::fs::rename(temp, path)) {
    llvm::sys::fs::remove(temp);
    error = "cannot write tuning database '" + path + "': " + ec.message();
    return false;
  }
  return true;
}

} // namespace normc
