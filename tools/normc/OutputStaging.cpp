//===- OutputStaging.cpp - all of normc's outputs, or none of them --------===//
#include "OutputStaging.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Signals.h"

#include <atomic>
#include <csignal>
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

namespace normc {

namespace {

/// The kernel's record for getdents64 (glibc 2.36 has no wrapper).
struct LinuxDirent64 {
  uint64_t d_ino;
  int64_t d_off;
  unsigned short d_reclen;
  unsigned char d_type;
  char d_name[];
};

/// rwxr-xr-x less the umask: outputs are meant to be read by build tools and
/// other users (LLVM creates unique directories owner-only).
llvm::sys::fs::perms outputDirPerms() {
  mode_t mask = ::umask(0);
  ::umask(mask);
  return static_cast<llvm::sys::fs::perms>(0755 & ~mask);
}

// ---- cleanup on signals ------------------------------------------------
// The handlers may interrupt any code, malloc included, so the removal uses
// only async-signal-safe system calls (no opendir: it allocates, and a
// signal that arrives inside malloc would deadlock there). The staging path
// lives in a fixed buffer for the same reason.
char gStagingPath[4096];
std::atomic<bool> gStagingActive{false};

/// Removes everything inside the directory open as `dirFd` (depth-first),
/// then closes it.
void removeContents(int dirFd) {
  alignas(8) char entries[4096];
  for (;;) {
    long n = ::syscall(SYS_getdents64, dirFd, entries, sizeof(entries));
    if (n <= 0)
      break;
    for (long offset = 0; offset < n;) {
      auto *entry = reinterpret_cast<struct LinuxDirent64 *>(entries + offset);
      offset += entry->d_reclen;
      const char *name = entry->d_name;
      if (name[0] == '.' && (name[1] == '\0' || (name[1] == '.' && name[2] == '\0')))
        continue;
      if (::unlinkat(dirFd, name, 0) == 0)
        continue;
      int child = ::openat(dirFd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
      if (child >= 0) {
        removeContents(child);
        ::unlinkat(dirFd, name, AT_REMOVEDIR);
      }
    }
  }
  ::close(dirFd);
}

void removeTree(const char *path) {
  int fd = ::open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
  if (fd >= 0)
    removeContents(fd);
  ::rmdir(path);
}

void removeStagingNow() {
  if (gStagingActive.exchange(false))
    removeTree(gStagingPath);
}

constexpr int kInterruptSignals[] = {SIGINT, SIGTERM, SIGHUP, SIGQUIT};

void onInterrupt(int sig) {
  removeStagingNow();
  ::signal(sig, SIG_DFL); // then die of the signal, as without the handler
  ::raise(sig);
}

void onBrokenPipe(int) {
  removeStagingNow();
  ::_exit(74); // EX_IOERR, what LLVM's own SIGPIPE handler exits with
}

void onCrash(void *) { removeStagingNow(); } // LLVM then prints the stack

void installHandlers() {
  static bool installed = false;
  if (installed)
    return;
  installed = true;
  struct sigaction action = {};
  // Every handled signal is blocked while one handler runs: a second Ctrl-C
  // must not cut the removal short.
  sigemptyset(&action.sa_mask);
  for (int sig : kInterruptSignals)
    sigaddset(&action.sa_mask, sig);
  sigaddset(&action.sa_mask, SIGPIPE);
  action.sa_handler = onInterrupt;
  for (int sig : kInterruptSignals)
    ::sigaction(sig, &action, nullptr);
  action.sa_handler = onBrokenPipe;
  ::sigaction(SIGPIPE, &action, nullptr);
  llvm::sys::AddSignalHandler(onCrash, nullptr);
}

/// Every regular file under `root`, as paths relative to it.
std::error_code listFiles(const std::string &root, const std::string &prefix,
                          std::vector<std::string> &out) {
  std::error_code ec;
  for (llvm::sys::fs::directory_iterator it(root + prefix, ec), end; it != end && !ec;
       it.increment(ec)) {
    std::string rel = prefix + "/" + llvm::sys::path::filename(it->path()).str();
    if (it->type() == llvm::sys::fs::file_type::directory_file)
      ec = listFiles(root, rel, out);
    else
      out.push_back(rel);
  }
  return ec;
}

} // namespace

OutputStaging::~OutputStaging() {
  if (staging.empty())
    return;
  gStagingActive = false;
  llvm::sys::fs::remove_directories(staging);
}

bool OutputStaging::begin(llvm::StringRef outputDir, std::string &error) {
  llvm::SmallString<256> abs(outputDir);
  llvm::sys::fs::make_absolute(abs);
  llvm::sys::path::remove_dots(abs, true);
  output = abs.str().str();
  if (llvm::sys::fs::exists(output) && !llvm::sys::fs::is_directory(output)) {
    error = "output path '" + outputDir.str() + "' exists and is not a directory";
    return false;
  }
  // The nearest existing ancestor holds the staging directory; the first
  // missing component names it.
  llvm::SmallString<256> ancestor(output), first(output);
  while (!llvm::sys::fs::exists(ancestor)) {
    first = ancestor;
    ancestor = llvm::sys::path::parent_path(ancestor);
  }
  if (!llvm::sys::fs::is_directory(ancestor)) {
    error = "cannot create '" + outputDir.str() + "': '" + ancestor.str().str() +
            "' is not a directory";
    return false;
  }
  // An existing output directory holds its own staging directory (a mount
  // point or a directory whose parent is not writable works too); a new one
  // is staged beside where it will be.
  const std::string stem = first == ancestor ? output + "/.normc-tmp" : (first + ".normc-tmp").str();
  llvm::SmallString<256> path;
  if (std::error_code ec = llvm::sys::fs::createUniqueDirectory(stem, path)) {
    error = "cannot create a temporary directory in '" + ancestor.str().str() +
            "': " + ec.message();
    return false;
  }
  staging = path.str().str();
  if (staging.size() < sizeof(gStagingPath)) {
    std::copy(staging.begin(), staging.end(), gStagingPath);
    gStagingPath[staging.size()] = '\0';
    gStagingActive = true;
    installHandlers();
  }
  return true;
}

namespace {
/// Blocks the interrupt signals for its lifetime: a signal that arrives
/// while files move would otherwise remove the staging directory, and with
/// it the replaced files set aside there. It is delivered afterwards, when
/// the outputs are either all in place or all back as they were.
struct SignalsBlocked {
  sigset_t previous;
  SignalsBlocked() {
    sigset_t set;
    sigemptyset(&set);
    for (int sig : kInterruptSignals)
      sigaddset(&set, sig);
    sigaddset(&set, SIGPIPE);
    ::pthread_sigmask(SIG_BLOCK, &set, &previous);
  }
  ~SignalsBlocked() { ::pthread_sigmask(SIG_SETMASK, &previous, nullptr); }
};
} // namespace

bool OutputStaging::commit(std::string &error) {
  SignalsBlocked blocked;
  if (llvm::sys::fs::exists(output))
    return commitIntoExisting(error);
  // A new directory: create the missing parents, then one rename.
  llvm::SmallVector<std::string> created;
  for (llvm::SmallString<256> p = llvm::sys::path::parent_path(output);
       !llvm::sys::fs::exists(p); p = llvm::sys::path::parent_path(p))
    created.push_back(p.str().str());
  auto undo = [&] {
    for (const std::string &dir : created) // innermost first
      llvm::sys::fs::remove(dir);
  };
  for (auto it = created.rbegin(); it != created.rend(); ++it)
    if (std::error_code ec = llvm::sys::fs::create_directory(*it, true, outputDirPerms())) {
      error = "cannot create '" + *it + "': " + ec.message();
      undo();
      return false;
    }
  if (std::error_code ec = llvm::sys::fs::setPermissions(staging, outputDirPerms())) {
    error = "cannot set the permissions of '" + staging + "': " + ec.message();
    undo();
    return false;
  }
  gStagingActive = false;
  if (std::error_code ec = llvm::sys::fs::rename(staging, output)) {
    gStagingActive = true;
    error = "cannot move outputs into '" + output + "': " + ec.message();
    undo();
    return false;
  }
  staging.clear();
  return true;
}

bool OutputStaging::commitIntoExisting(std::string &error) {
  std::vector<std::string> files;
  if (std::error_code ec = listFiles(staging, "", files)) {
    error = "cannot list the staged outputs: " + ec.message();
    return false;
  }
  // Check every move before the first one.
  for (const std::string &rel : files) {
    llvm::SmallString<256> dest(output + rel);
    if (llvm::sys::fs::is_directory(dest)) {
      error = "cannot write '" + dest.str().str() + "': a directory is in the way";
      return false;
    }
    for (llvm::SmallString<256> p = llvm::sys::path::parent_path(dest); p.size() > output.size();
         p = llvm::sys::path::parent_path(p))
      if (llvm::sys::fs::exists(p) && !llvm::sys::fs::is_directory(p)) {
        error = "cannot write '" + dest.str().str() + "': '" + p.str().str() +
                "' is not a directory";
        return false;
      }
  }
  // Files being replaced go aside into the staging directory, so that a
  // failed move can put everything back.
  const std::string previous = staging + "/.previous";
  struct Moved {
    std::string dest, aside; // aside empty: the file is new
  };
  std::vector<Moved> moved;
  // Returns "" or the files it could not restore.
  auto rollBack = [&] {
    std::string lost;
    for (auto it = moved.rbegin(); it != moved.rend(); ++it) {
      std::error_code ec = it->aside.empty() ? llvm::sys::fs::remove(it->dest)
                                             : llvm::sys::fs::rename(it->aside, it->dest);
      if (ec)
        lost += (lost.empty() ? "" : ", ") + it->dest;
    }
    return lost;
  };
  auto restored = [](const std::string &lost) {
    return lost.empty() ? std::string(" (every output was put back as it was)")
                        : " (could not restore " + lost + ")";
  };
  for (const std::string &rel : files) {
    std::string dest = output + rel, aside;
    std::error_code ec;
    if (llvm::sys::fs::exists(dest)) {
      aside = previous + rel;
      ec = llvm::sys::fs::create_directories(llvm::sys::path::parent_path(aside));
      if (!ec)
        ec = llvm::sys::fs::rename(dest, aside);
      if (ec) {
        error = "cannot replace '" + dest + "': " + ec.message();
        error += restored(rollBack());
        return false;
      }
      moved.push_back({dest, aside});
    }
    ec = llvm::sys::fs::create_directories(llvm::sys::path::parent_path(dest), true,
                                           outputDirPerms());
    if (!ec)
      ec = llvm::sys::fs::rename(staging + rel, dest);
    if (ec) {
      error = "cannot move '" + rel.substr(1) + "' into '" + output + "': " + ec.message();
      error += restored(rollBack());
      return false;
    }
    if (aside.empty())
      moved.push_back({dest, ""});
  }
  return true; // the destructor removes the staging directory and .previous
}

} // namespace normc
