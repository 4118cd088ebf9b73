//===- Identifiers.h - names that become C identifiers --------------------===//
#ifndef NORMC_DIALECT_IDENTIFIERS_H_
#define NORMC_DIALECT_IDENTIFIERS_H_

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringRef.h"

namespace normc {

/// Function, argument and result names become C function and parameter
/// names in the generated header: [A-Za-z_][A-Za-z0-9_]*.
inline bool isCIdentifier(llvm::StringRef name) {
  if (name.empty() || !(llvm::isAlpha(name[0]) || name[0] == '_'))
    return false;
  return llvm::all_of(name, [](char c) { return llvm::isAlnum(c) || c == '_'; });
}

} // namespace normc

#endif // NORMC_DIALECT_IDENTIFIERS_H_
