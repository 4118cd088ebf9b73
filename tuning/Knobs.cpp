//===- Knobs.cpp - parse, print and describe the knobs of Knobs.def -------===//
#include "tuning/Knobs.h"

#include "llvm/ADT/STLExtras.h"

#include <cstdlib>
#include <sstream>

namespace normc {

namespace {

/// Every enum value of every enum knob: (enum type, value, spelling).
struct EnumValueRow {
  const char *type;
  int value;
  const char *name;
};
const EnumValueRow kEnumValues[] = {
#define NORMC_ENUM_VALUE(EnumType, Enumerator, name)                                 \
  {#EnumType, static_cast<int>(EnumType::Enumerator), name},
#include "tuning/Knobs.def"
};

std::vector<std::string> enumSpellings(const char *type) {
  std::vector<std::string> out;
  for (const EnumValueRow &row : kEnumValues)
    if (std::string(row.type) == type)
      out.push_back(row.name);
  return out;
}

std::string enumSpelling(const char *type, int value) {
  for (const EnumValueRow &row : kEnumValues)
    if (std::string(row.type) == type && row.value == value)
      return row.name;
  return "?";
}

bool enumValue(const char *type, const std::string &name, int &out) {
  for (const EnumValueRow &row : kEnumValues)
    if (std::string(row.type) == type && name == row.name) {
      out = row.value;
      return true;
    }
  return false;
}

std::string joinOr(const std::vector<std::string> &words) {
  std::string s;
  for (size_t i = 0; i < words.size(); ++i)
    s += (i == 0 ? "" : i + 1 == words.size() ? " or " : ", ") + words[i];
  return s;
}

std::string rangeText(const KnobInfo &k) {
  switch (k.type) {
  case KnobInfo::Type::Int:
    return k.min == 0 ? "0 (auto) or an integer in 1.." + std::to_string(k.max)
                      : "an integer in " + std::to_string(k.min) + ".." + std::to_string(k.max);
  case KnobInfo::Type::Bool:
  case KnobInfo::Type::Enum:
    return joinOr(k.values);
  }
  return "";
}

const KnobInfo *findKnob(const std::string &name) {
  for (const KnobInfo &k : knobSchema())
    if (name == k.name)
      return &k;
  return nullptr;
}

std::string knobNameList() {
  std::vector<std::string> names;
  for (const KnobInfo &k : knobSchema())
    names.push_back(k.name);
  std::string s;
  for (size_t i = 0; i < names.size(); ++i)
    s += (i ? ", " : "") + names[i];
  return s;
}

} // namespace

const char *roleName(GroupRole role) {
  switch (role) {
  case GroupRole::ConvNorm:
    return "conv_norm";
  case GroupRole::Conv:
    return "conv";
  case GroupRole::Norm:
    return "norm";
  case GroupRole::Elementwise:
    return "elementwise";
  }
  return "?";
}

bool parseRole(const std::string &name, GroupRole &out) {
  for (GroupRole r : {GroupRole::ConvNorm, GroupRole::Conv, GroupRole::Norm,
                      GroupRole::Elementwise})
    if (name == roleName(r)) {
      out = r;
      return true;
    }
  return false;
}

std::string roleNames() { return "conv_norm, conv, norm, elementwise"; }

bool scopeApplies(KnobScope scope, GroupRole role, bool gpu) {
  const bool conv = role == GroupRole::Conv || role == GroupRole::ConvNorm;
  const bool stats = role == GroupRole::Norm || role == GroupRole::ConvNorm;
  switch (scope) {
  case KnobScope::Common:
    return !gpu;
  case KnobScope::Norm:
    // A conv group without statistics still schedules its elementwise
    // consumers; an elementwise group has no statistics either, but the
    // normalization schedule places its loops (and reads these knobs).
    return !gpu && role != GroupRole::Conv;
  case KnobScope::Conv:
    return !gpu && conv;
  case KnobScope::Stats:
    return role != GroupRole::Conv && (!gpu || stats);
  case KnobScope::Gpu:
    return gpu;
  case KnobScope::GpuNorm:
    return gpu && stats;
  case KnobScope::GpuConv:
    return gpu && conv;
  }
  return false;
}

bool CpuKnobs::operator==(const CpuKnobs &o) const {
  bool same = true;
#define NORMC_INT_KNOB(Scope, name, Field, Min, Max, Default, Doc) same &= Field == o.Field;
#define NORMC_BOOL_KNOB(Scope, name, Field, Default, Doc) same &= Field == o.Field;
#define NORMC_ENUM_KNOB(Scope, name, Field, EnumType, Default, Doc) same &= Field == o.Field;
#include "tuning/Knobs.def"
  return same;
}

const std::vector<KnobInfo> &knobSchema() {
  static const std::vector<KnobInfo> schema = [] {
    std::vector<KnobInfo> rows;
#define NORMC_INT_KNOB(Scope, name, Field, Min, Max, Default, Doc)                   \
  rows.push_back({#name, KnobScope::Scope, KnobInfo::Type::Int, Min, Max, {},            \
                  std::to_string(Default), Doc});
#define NORMC_BOOL_KNOB(Scope, name, Field, Default, Doc)                            \
  rows.push_back({#name, KnobScope::Scope, KnobInfo::Type::Bool, 0, 1, {"false", "true"}, \
                  (Default) ? "true" : "false", Doc});
#define NORMC_ENUM_KNOB(Scope, name, Field, EnumType, Default, Doc)                  \
  rows.push_back({#name, KnobScope::Scope, KnobInfo::Type::Enum, 0, 0,                  \
                  enumSpellings(#EnumType),                                             \
                  enumSpelling(#EnumType, static_cast<int>(Default)), Doc});
#include "tuning/Knobs.def"
    return rows;
  }();
  return schema;
}

bool setKnob(CpuKnobs &knobs, const std::string &name, const std::string &value,
             std::string &error) {
  const KnobInfo *info = findKnob(name);
  if (!info) {
    error = "unknown schedule knob '" + name + "' (expected " + knobNameList() + ")";
    return false;
  }
  auto bad = [&] {
    error = "invalid value '" + value + "' for schedule knob '" + name + "' (expected " +
            rangeText(*info) + ")";
    return false;
  };
  long number = 0;
  if (info->type == KnobInfo::Type::Int) {
    // Digits only, as the knob list spells values: strtol alone would also
    // take '+4', ' 4' and '-0'.
    char *end = nullptr;
    const bool digits = !value.empty() && llvm::all_of(value, [](char c) {
      return c >= '0' && c <= '9';
    });
    number = digits ? std::strtol(value.c_str(), &end, 10) : 0;
    if (!digits || *end != '\0' || number < info->min || number > info->max)
      return bad();
  }
  if (info->type == KnobInfo::Type::Bool && value != "true" && value != "false")
    return bad();
#define NORMC_INT_KNOB(Scope, name_, Field, Min, Max, Default, Doc)                  \
  if (name == #name_) {                                                                \
    knobs.Field = static_cast<int>(number);                                            \
    return true;                                                                       \
  }
#define NORMC_BOOL_KNOB(Scope, name_, Field, Default, Doc)                           \
  if (name == #name_) {                                                                \
    knobs.Field = value == "true";                                                     \
    return true;                                                                       \
  }
#define NORMC_ENUM_KNOB(Scope, name_, Field, EnumType, Default, Doc)                 \
  if (name == #name_) {                                                                \
    int v = 0;                                                                         \
    if (!enumValue(#EnumType, value, v))                                               \
      return bad();                                                                    \
    knobs.Field = static_cast<EnumType>(v);                                            \
    return true;                                                                       \
  }
#include "tuning/Knobs.def"
  return bad();
}

std::string getKnob(const CpuKnobs &knobs, const std::string &name) {
#define NORMC_INT_KNOB(Scope, name_, Field, Min, Max, Default, Doc)                  \
  if (name == #name_)                                                                  \
    return std::to_string(knobs.Field);
#define NORMC_BOOL_KNOB(Scope, name_, Field, Default, Doc)                           \
  if (name == #name_)                                                                  \
    return knobs.Field ? "true" : "false";
#define NORMC_ENUM_KNOB(Scope, name_, Field, EnumType, Default, Doc)                 \
  if (name == #name_)                                                                  \
    return enumSpelling(#EnumType, static_cast<int>(knobs.Field));
#include "tuning/Knobs.def"
  return "";
}

bool applyKnobOverrides(CpuKnobs &knobs, const std::string &spec, std::string &error) {
  std::stringstream items(spec);
  std::string item;
  while (std::getline(items, item, ',')) {
    if (item.empty())
      continue;
    size_t eq = item.find('=');
    if (eq == std::string::npos) {
      error = "schedule knob '" + item + "' needs a value (key=value)";
      return false;
    }
    if (!setKnob(knobs, item.substr(0, eq), item.substr(eq + 1), error))
      return false;
  }
  return true;
}

llvm::json::Object knobsToJson(const CpuKnobs &knobs, GroupRole role, bool gpu) {
  llvm::json::Object object;
  for (const KnobInfo &k : knobSchema()) {
    if (!scopeApplies(k.scope, role, gpu))
      continue;
    std::string v = getKnob(knobs, k.name);
    switch (k.type) {
    case KnobInfo::Type::Int:
      object[k.name] = std::stoi(v);
      break;
    case KnobInfo::Type::Bool:
      object[k.name] = v == "true";
      break;
    case KnobInfo::Type::Enum:
      object[k.name] = v;
      break;
    }
  }
  return object;
}

bool knobsFromJson(const llvm::json::Object &object, CpuKnobs &knobs, std::string &error) {
  for (const auto &entry : object) {
    std::string name = entry.first.str();
    const llvm::json::Value &v = entry.second;
    std::string text;
    if (auto i = v.getAsInteger())
      text = std::to_string(*i);
    else if (auto b = v.getAsBoolean())
      text = *b ? "true" : "false";
    else if (auto s = v.getAsString())
      text = s->str();
    else {
      error = "schedule knob '" + name + "' has a value that is not a number, boolean or string";
      return false;
    }
    if (!setKnob(knobs, name, text, error))
      return false;
  }
  return true;
}

std::vector<std::string> knobDifferences(const CpuKnobs &requested, const CpuKnobs &effective,
                                         GroupRole role, bool gpu) {
  std::vector<std::string> out;
  for (const KnobInfo &k : knobSchema()) {
    if (!scopeApplies(k.scope, role, gpu))
      continue;
    std::string a = getKnob(requested, k.name), b = getKnob(effective, k.name);
    if (a != b)
      out.push_back(std::string(k.name) + ": " + a + " -> " + b);
  }
  return out;
}

namespace {
const char *scopeName(KnobScope s) {
  switch (s) {
  case KnobScope::Common:
    return "all (CPU)";
  case KnobScope::Norm:
    return "norm (CPU)";
  case KnobScope::Conv:
    return "conv (CPU)";
  case KnobScope::Stats:
    return "norm";
  case KnobScope::Gpu:
    return "all (GPU)";
  case KnobScope::GpuNorm:
    return "norm (GPU)";
  case KnobScope::GpuConv:
    return "conv (GPU)";
  }
  return "?";
}
} // namespace

std::string knobHelpText() {
  std::ostringstream os;
  for (const KnobInfo &k : knobSchema())
    os << "  " << k.name << "=<" << rangeText(k) << "> [" << scopeName(k.scope)
       << ", default " << k.defaultValue << "]: " << k.doc << "\n";
  return os.str();
}

std::string knobMarkdownTable() {
  std::ostringstream os;
  os << "| knob | groups | values | default | meaning |\n"
     << "|---|---|---|---|---|\n";
  for (const KnobInfo &k : knobSchema())
    os << "| `" << k.name << "` | " << scopeName(k.scope) << " | " << rangeText(k) << " | "
       << k.defaultValue << " | " << k.doc << " |\n";
  return os.str();
}

} // namespace normc
