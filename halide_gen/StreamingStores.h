//===- StreamingStores.h - non-temporal stores of a function's results ----===//
//
// Halide 14 has no non-temporal store. normc adds them after Halide's code
// generation: the module is written as LLVM IR, the full-vector stores into
// the chosen result buffers (found by Halide's per-buffer TBAA tags) become
// stores that are non-temporal where the address is aligned to the vector
// size and plain where it is not (a run-time test of the address: the
// caller's buffers need no particular alignment), every function that
// stores non-temporally ends with an sfence, and LLVM 14's opt and llc (the
// LLVM Halide 14 is built on, with the CPU, features and floating-point
// options Halide recorded in the module) make the object or assembly.
//
// Why: a result written with plain stores is first read into the cache
// (read for ownership) and later written back; a non-temporal store skips
// the read. docs/performance.md has the measurements behind the default.
//
//===----------------------------------------------------------------------===//
#ifndef NORMC_HALIDE_GEN_STREAMINGSTORES_H_
#define NORMC_HALIDE_GEN_STREAMINGSTORES_H_

#include "Halide.h"

#include <map>
#include <set>
#include <string>
#include <vector>

namespace normc {

/// True when this normc was built with LLVM 14's opt and llc (found by CMake
/// next to Halide 14's LLVM) and they are still there.
bool streamingStoresAvailable();

/// llc's code-generation options (optimization level, CPU, features,
/// relocation and code model, floating-point options) for LLVM 14 IR text
/// that Halide 14 wrote, read from the module flags Halide records, so that
/// llc makes the code Halide's own object output would.
std::vector<std::string> llcCodegenOptions(const std::string &ir);

/// Rewrites LLVM 14 IR text: full-vector stores (16, 32 or 64 bytes) whose
/// TBAA tag names one of `buffers` become calls of an always-inline helper
/// that stores non-temporally when the address is aligned to the vector's
/// size. Returns the new text; `rewritten` gets the number of stores changed.
std::string rewriteStoresAsStreaming(const std::string &ir, const std::set<std::string> &buffers,
                                     int &rewritten);

/// Compiles `module` into the object and/or assembly files of `files`
/// (other kinds through Halide as usual) with streaming stores into
/// `buffers`. On failure returns false with a one-line `error`; no output
/// file of `files` is left half-written.
bool compileWithStreamingStores(const Halide::Module &module,
                                const std::map<Halide::OutputFileType, std::string> &files,
                                const std::set<std::string> &buffers, std::string &error);

} // namespace normc

#endif // NORMC_HALIDE_GEN_STREAMINGSTORES_H_
