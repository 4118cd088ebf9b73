//===- ExportedNames.cpp - which names an exported kernel may take --------===//
#include "dialect/ExportedNames.h"

#include "dialect/Identifiers.h"
#include "dialect/KernelNames.h"

#include "llvm/ADT/StringSet.h"

namespace normc {

namespace {

const llvm::StringSet<> &reservedWords() {
  static const llvm::StringSet<> words = {
#define NORMC_RESERVED_WORD(name) #name,
#include "dialect/ReservedNames.def"
  };
  return words;
}

const llvm::StringSet<> &reservedSymbols() {
  static const llvm::StringSet<> symbols = {
#define NORMC_RESERVED_SYMBOL(name) #name,
#define NORMC_RESERVED_MATH_SYMBOL(name) #name, #name "f", #name "l",
#include "dialect/ReservedNames.def"
  };
  return symbols;
}

/// Prefixes of symbols that the program already has: Halide's runtime,
/// normrt, normc's own runtime archive and generated tables, POSIX threads.
constexpr llvm::StringLiteral kReservedPrefixes[] = {"halide_", "normrt_", "normc_",
                                                    "pthread_"};

/// The symbols normc derives from an exported function's name. `__` is
/// reserved outright (variants and groups are <f>__<suffix>).
constexpr llvm::StringLiteral kDerivedSuffixes[] = {"_argv", "_metadata", "_kernel_info",
                                                   "_variant"};

/// A name as diagnostics show it: names past the length limit are cut.
std::string shown(llvm::StringRef name) {
  if (name.size() <= kMaxExportedNameLength)
    return name.str();
  return (name.take_front(40) + "...").str();
}

} // namespace

std::string exportedNameProblem(llvm::StringRef name, ExportedNameKind kind) {
  if (!isCIdentifier(name))
    return "is not a C identifier ([A-Za-z_][A-Za-z0-9_]*)";
  if (name.size() > kMaxExportedNameLength)
    return "is " + std::to_string(name.size()) + " characters long; names are limited to " +
           std::to_string(kMaxExportedNameLength);
  if (name.starts_with("_"))
    return "starts with '_': C reserves such names for the implementation "
           "(Halide's own parameters are named __user_context, _halide_...)";
  if (name.contains("__"))
    return "contains '__', which normc reserves for the symbols it derives "
           "(<f>__<variant>, <f>__<group>) and C++ reserves everywhere";
  if (kind == ExportedNameKind::Function && name.ends_with("_t"))
    return "ends in '_t', which POSIX reserves for type names";
  if (reservedWords().contains(name))
    return "is a C or C++ keyword or a standard macro";
  for (llvm::StringRef prefix : kReservedPrefixes)
    if (name.starts_with(prefix))
      return ("starts with '" + prefix + "', the prefix of " +
              (prefix == "halide_"   ? "Halide's runtime symbols"
               : prefix == "normrt_" ? "normrt's symbols"
               : prefix == "normc_"  ? "normc's own symbols (e.g. normc_halide_runtime)"
                                     : "POSIX threads' symbols"))
          .str();
  if (kind == ExportedNameKind::Function && reservedSymbols().contains(name))
    return "is a function or object of the C library or POSIX: the kernel's symbol "
           "would replace it in the program";
  return "";
}

mlir::LogicalResult verifyExportedNames(llvm::ArrayRef<mlir::func::FuncOp> funcs,
                                        bool multitarget, llvm::StringRef libraryName) {
  llvm::StringSet<> exported;
  for (mlir::func::FuncOp f : funcs)
    exported.insert(f.getSymName());
  for (mlir::func::FuncOp f : funcs) {
    llvm::StringRef name = f.getSymName();
    std::string problem = exportedNameProblem(name, ExportedNameKind::Function);
    if (!problem.empty())
      return f.emitError() << "function name '" << shown(name) << "' " << problem
                           << "; it names the generated C function";
    for (llvm::StringRef suffix : kDerivedSuffixes) {
      if (!name.ends_with(suffix))
        continue;
      llvm::StringRef base = name.drop_back(suffix.size());
      if (exported.contains(base) && (suffix != "_variant" || multitarget))
        return f.emitError() << "function name '" << name << "' clashes with the symbol "
                             << "normc generates for @" << base << " (" << name
                             << "); rename one of them";
    }
    if (!libraryName.empty() && (name == libraryName || name == (libraryName + "_registry").str()))
      return f.emitError() << "function @" << name << " clashes with the library ('--library="
                           << libraryName << "': " << libraryName << ".a, " << libraryName
                           << ".h, " << libraryName << "_registry())";
    for (unsigned i = 0; i < f.getNumArguments() + f.getNumResults(); ++i) {
      const bool isArg = i < f.getNumArguments();
      std::string param = isArg ? kernelArgName(f, i) : kernelResultName(f, i - f.getNumArguments());
      problem = exportedNameProblem(param, ExportedNameKind::Parameter);
      if (!problem.empty())
        return f.emitError() << (isArg ? "argument #" : "result #")
                             << (isArg ? i : i - f.getNumArguments()) << " of @" << name
                             << " is named '" << shown(param) << "', which " << problem
                             << "; it names a parameter of the generated C function";
    }
  }
  return mlir::success();
}

} // namespace normc
