//===- OutputStaging.h - all of normc's outputs, or none of them ----------===//
//
// normc writes every file into a staging directory and moves them into the
// output directory only once all of them exist:
//  - a new output directory is the staging directory renamed into place (one
//    atomic rename); missing parents are created only then;
//  - into an existing directory, every move is checked first (nothing in the
//    way), files it replaces are kept aside, and a failed move puts every
//    file back as it was;
//  - on SIGINT, SIGTERM, SIGHUP, SIGQUIT, a closed output pipe (SIGPIPE, exit
//    74) or a crash, the staging directory is removed before the process
//    ends.
// The staging directory lies inside the output directory when it exists,
// else in its nearest existing ancestor (the same file system either way, so
// moves are renames). Interrupt signals are blocked while files move.
//
//===----------------------------------------------------------------------===//
#ifndef NORMC_TOOLS_NORMC_OUTPUTSTAGING_H_
#define NORMC_TOOLS_NORMC_OUTPUTSTAGING_H_

#include "llvm/ADT/StringRef.h"

#include <string>

namespace normc {

class OutputStaging {
public:
  OutputStaging() = default;
  OutputStaging(const OutputStaging &) = delete;
  OutputStaging &operator=(const OutputStaging &) = delete;
  /// Removes the staging directory unless commit() moved it into place.
  ~OutputStaging();

  /// Creates the staging directory for `outputDir` and installs the signal
  /// handlers that remove it. Creates nothing else.
  bool begin(llvm::StringRef outputDir, std::string &error);
  /// Where to write the outputs.
  const std::string &dir() const { return staging; }
  /// Moves every staged file into the output directory: all or none.
  bool commit(std::string &error);

private:
  bool commitIntoExisting(std::string &error);
  std::string output;  // absolute, normalized
  std::string staging; // empty before begin() and after commit()
};

} // namespace normc

#endif // NORMC_TOOLS_NORMC_OUTPUTSTAGING_H_
