//===- InputText.h - limits on IR text checked before MLIR parses it ------===//
//
// MLIR's parser recurses once per nested bracket; an attribute nested ten
// thousand deep overflows the stack of normc and norm-opt (SIGSEGV, in the
// user's build). It also stops silently at a NUL byte, ignoring the rest of
// the file, and a use of result number N (`%r#N`) that the parser has not
// seen yet makes it allocate N entries first: `%r#2147483647` aborted normc
// with "LLVM ERROR: out of memory" (found by norm-fuzz). All three are
// rejected before parsing, with file:line:col.
//
//===----------------------------------------------------------------------===//
#ifndef NORMC_DIALECT_INPUTTEXT_H_
#define NORMC_DIALECT_INPUTTEXT_H_

#include "llvm/Support/SourceMgr.h"

namespace normc {

/// Deeper nesting of (), [], {} and <> than any real normc IR needs (a
/// module, functions, a region op, attribute dictionaries: about 10), far
/// below what overflows an 8 MiB stack.
constexpr unsigned kMaxNestingDepth = 256;

/// Result numbers in `%name#N` up to this; an op with more results than
/// this is no normc IR (the widest, norm.kernel, yields one per output).
constexpr unsigned long kMaxResultNumber = 65535;

/// Checks buffer `bufferId` of `sourceMgr`: no NUL byte, brackets nested at
/// most kMaxNestingDepth deep and result numbers of at most
/// kMaxResultNumber (outside string literals and comments). On
/// failure prints "file:line:col: error: ..." through the SourceMgr and
/// returns false.
bool checkInputText(llvm::SourceMgr &sourceMgr, unsigned bufferId);

/// The same for a buffer not (yet) in a SourceMgr; it is not copied.
bool checkInputText(const llvm::MemoryBuffer &buffer);

} // namespace normc

#endif // NORMC_DIALECT_INPUTTEXT_H_
