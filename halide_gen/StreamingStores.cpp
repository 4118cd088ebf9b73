//===- StreamingStores.cpp - non-temporal stores of a function's results --===//
//
// See StreamingStores.h. The IR is Halide 14's (LLVM 14 text, typed
// pointers); everything here reads only the few line forms that LLVM 14's
// printer writes for stores, TBAA nodes and module flags, and leaves every
// other line as it is.
//
//===----------------------------------------------------------------------===//
#include "StreamingStores.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Program.h"

#include <cctype>
#include <cstdio>
#include <fstream>
#include <regex>
#include <sstream>
#include <vector>

namespace normc {

namespace {

/// Bytes of one element of an LLVM scalar type name, 0 if not a plain one.
int elementBytes(const std::string &t) {
  if (t == "float" || t == "i32")
    return 4;
  if (t == "half" || t == "bfloat" || t == "i16")
    return 2;
  if (t == "double" || t == "i64")
    return 8;
  if (t == "i8")
    return 1;
  return 0;
}

/// Buffer name of each TBAA access tag: Halide tags an access with a chain
/// of scalar type nodes whose top (the child of the "Halide buffer" root)
/// is named after the buffer.
std::map<std::string, std::string> tagBuffers(const std::vector<std::string> &lines) {
  static const std::regex root(R"re(^!(\d+) = !\{!"Halide buffer"\}\s*$)re");
  static const std::regex node(R"re(^!(\d+) = !\{!"([^"]*)", !(\d+), i64 0\}\s*$)re");
  static const std::regex tag(R"re(^!(\d+) = !\{!(\d+), !(\d+), i64 0\}\s*$)re");
  std::string rootId;
  std::map<std::string, std::pair<std::string, std::string>> nodes; // id -> (name, parent)
  std::map<std::string, std::string> tags;                          // id -> base node
  std::smatch m;
  for (const std::string &l : lines) {
    if (l.empty() || l[0] != '!')
      continue;
    if (std::regex_match(l, m, root))
      rootId = m[1];
    else if (std::regex_match(l, m, node))
      nodes[m[1]] = {m[2], m[3]};
    else if (std::regex_match(l, m, tag))
      tags[m[1]] = m[2];
  }
  std::map<std::string, std::string> out;
  for (auto &[id, base] : tags) {
    std::string at = base;
    for (int depth = 0; depth < 64; ++depth) {
      auto it = nodes.find(at);
      if (it == nodes.end())
        break;
      if (it->second.second == rootId) {
        out[id] = it->second.first;
        break;
      }
      at = it->second.second;
    }
  }
  return out;
}

std::string helperName(int lanes, const std::string &elem) {
  return "normc_stream_store_" + std::to_string(lanes) + "x" + elem;
}

/// The helper: non-temporal when the address is aligned to the vector's
/// size (the instruction faults otherwise, and LLVM splits an unaligned
/// non-temporal vector store into scalar ones), plain when it is not.
std::string helperDefinition(int lanes, const std::string &elem, int bytes, int ntNode) {
  const std::string vec = "<" + std::to_string(lanes) + " x " + elem + ">";
  std::ostringstream os;
  os << "define internal void @" << helperName(lanes, elem) << "(" << vec << " %v, " << vec
     << "* %p) alwaysinline nounwind {\n"
     << "entry:\n"
     << "  %a = ptrtoint " << vec << "* %p to i64\n"
     << "  %m = and i64 %a, " << (bytes - 1) << "\n"
     << "  %c = icmp eq i64 %m, 0\n"
     << "  br i1 %c, label %nt, label %plain\n"
     << "nt:\n"
     << "  store " << vec << " %v, " << vec << "* %p, align " << bytes << ", !nontemporal !"
     << ntNode << "\n"
     << "  ret void\n"
     << "plain:\n"
     << "  store " << vec << " %v, " << vec << "* %p, align " << elementBytes(elem) << "\n"
     << "  ret void\n"
     << "}\n";
  return os.str();
}

/// The value of module flag `name` in LLVM 14 IR text (`!{i32 2, !"name",
/// !"text"}` or `!{i32 2, !"name", i32 N}`): the text or the digits of N;
/// "" when the module has no such flag. Searched from the end: LLVM prints
/// the module's metadata after its functions.
std::string moduleFlag(const std::string &ir, const std::string &name) {
  const std::string key = "!\"" + name + "\", ";
  const size_t at = ir.rfind(key);
  if (at == std::string::npos)
    return "";
  const size_t value = at + key.size();
  if (ir.compare(value, 2, "!\"") == 0) {
    const size_t end = ir.find('"', value + 2);
    return end == std::string::npos ? "" : ir.substr(value + 2, end - value - 2);
  }
  if (ir.compare(value, 4, "i32 ") == 0) {
    size_t end = value + 4;
    while (end < ir.size() && std::isdigit(static_cast<unsigned char>(ir[end])))
      ++end;
    return ir.substr(value + 4, end - value - 4);
  }
  return "";
}

bool readFile(const std::string &path, std::string &text) {
  std::ifstream in(path, std::ios::binary);
  if (!in)
    return false;
  std::stringstream ss;
  ss << in.rdbuf();
  text = ss.str();
  return true;
}

/// Runs `argv` (argv[0] the program), stderr into `log`; false with the
/// tool's first line of complaint in `error`.
bool run(const std::vector<std::string> &argv, const std::string &log, std::string &error) {
  std::vector<llvm::StringRef> args(argv.begin(), argv.end());
  std::optional<llvm::StringRef> redirects[] = {std::nullopt, llvm::StringRef(log),
                                                llvm::StringRef(log)};
  std::string message;
  int rc = llvm::sys::ExecuteAndWait(argv[0], args, std::nullopt, redirects, 0, 0, &message);
  if (rc == 0)
    return true;
  std::string text;
  readFile(log, text);
  std::string first = text.substr(0, text.find('\n'));
  error = argv[0] + " failed (" + (message.empty() ? "exit " + std::to_string(rc) : message) +
          ")" + (first.empty() ? "" : ": " + first);
  return false;
}

} // namespace

bool streamingStoresAvailable() {
#if defined(NORMC_LLVM14_OPT) && defined(NORMC_LLVM14_LLC)
  return llvm::sys::fs::can_execute(NORMC_LLVM14_OPT) && llvm::sys::fs::can_execute(NORMC_LLVM14_LLC);
#else
  return false;
#endif
}

std::vector<std::string> llcCodegenOptions(const std::string &ir) {
  // Halide 14 sets these from its module flags when it makes an object
  // itself (get_target_options and make_target_machine in
  // CodeGen_Internal.cpp); the same flags give llc the same code.
  std::vector<std::string> options = {"-O3", "-function-sections"};
  const std::string cpu = moduleFlag(ir, "halide_mcpu"), attrs = moduleFlag(ir, "halide_mattrs");
  if (!cpu.empty())
    options.push_back("-mcpu=" + cpu);
  if (!attrs.empty())
    options.push_back("-mattr=" + attrs);
  options.push_back(moduleFlag(ir, "halide_use_pic") == "0" ? "-relocation-model=static"
                                                            : "-relocation-model=pic");
  if (moduleFlag(ir, "halide_use_large_code_model") == "1")
    options.push_back("-code-model=large");
  // Halide sets this flag when some expression of the pipeline is
  // strict_float (normc's shifted moments are): each instruction then
  // carries its own fast-math flags (contract on the non-strict ones) and
  // nothing may be fused or reassociated beyond them.
  if (moduleFlag(ir, "halide_per_instruction_fast_math_flags") == "1") {
    options.push_back("--fp-contract=off");
  } else {
    for (const char *flag : {"--fp-contract=fast", "--enable-unsafe-fp-math",
                             "--enable-no-infs-fp-math", "--enable-no-nans-fp-math",
                             "--enable-sign-dependent-rounding-fp-math"})
      options.push_back(flag);
  }
  return options;
}

std::string rewriteStoresAsStreaming(const std::string &ir, const std::set<std::string> &buffers,
                                     int &rewritten) {
  rewritten = 0;
  std::vector<std::string> lines;
  {
    std::istringstream in(ir);
    for (std::string l; std::getline(in, l);)
      lines.push_back(l);
  }
  const std::map<std::string, std::string> buffersOfTag = tagBuffers(lines);
  // store <N x T> VALUE, <N x T>* PTR, align A[, metadata...]
  static const std::regex store(
      R"re(^(\s*)store <(\d+) x ([a-z0-9]+)> (.+), <\2 x \3>\* (%[-a-zA-Z$._0-9]+|%"[^"]*"), align (\d+)(, .*)?$)re");
  static const std::regex tbaa(R"re(!tbaa !(\d+))re");
  static const std::regex defineLine(R"re(^define .*\{\s*$)re");
  static const std::regex metadataId(R"re(^!(\d+) = )re");
  int maxId = -1;
  std::smatch m;
  for (const std::string &l : lines)
    if (!l.empty() && l[0] == '!' && std::regex_search(l, m, metadataId))
      maxId = std::max(maxId, std::stoi(m[1]));
  const int ntNode = maxId + 1;

  std::set<std::pair<int, std::string>> helpers;
  std::vector<bool> functionHasStreaming;
  std::vector<int> functionOf(lines.size(), -1);
  int current = -1;
  for (size_t i = 0; i < lines.size(); ++i) {
    std::string &l = lines[i];
    if (std::regex_match(l, defineLine)) {
      current = static_cast<int>(functionHasStreaming.size());
      functionHasStreaming.push_back(false);
    } else if (l == "}") {
      functionOf[i] = current;
      current = -1;
      continue;
    }
    functionOf[i] = current;
    if (current < 0 || l.find("store <") == std::string::npos ||
        l.find("volatile") != std::string::npos || !std::regex_match(l, m, store))
      continue;
    const int lanes = std::stoi(m[2]);
    const std::string elem = m[3];
    const int bytes = lanes * elementBytes(elem);
    if (bytes != 16 && bytes != 32 && bytes != 64)
      continue;
    std::string tail = m[7];
    std::smatch t;
    if (!std::regex_search(tail, t, tbaa))
      continue;
    auto buffer = buffersOfTag.find(t[1]);
    if (buffer == buffersOfTag.end() || !buffers.count(buffer->second))
      continue;
    const std::string vec = "<" + std::to_string(lanes) + " x " + elem + ">";
    const std::string indent = m[1];
    std::string value = m[4], pointer = m[5], storedElem = elem;
    if (elem == "half") { // (Halide 14 writes bf16 as i16 already)
      // f16 vectors are stored as i16 lanes, cast here in the
      // store's own block: LLVM 14 has no non-temporal store of them where
      // they are legal (AVX512-FP16: a plain vmovaps came out), and where
      // they are not (AVX2, AVX-512 without FP16) a value of that type
      // passed to the helper's blocks was split into 16-bit scalars.
      const std::string ivec = "<" + std::to_string(lanes) + " x i16>";
      const std::string name = "%normc_stream" + std::to_string(rewritten);
      l = indent + name + "_bits = bitcast " + vec + " " + value + " to " + ivec + "\n" +
          indent + name + "_ptr = bitcast " + vec + "* " + pointer + " to " + ivec + "*\n";
      value = name + "_bits";
      pointer = name + "_ptr";
      storedElem = "i16";
    } else {
      l.clear();
    }
    const std::string svec = "<" + std::to_string(lanes) + " x " + storedElem + ">";
    l += indent + "call void @" + helperName(lanes, storedElem) + "(" + svec + " " + value +
         ", " + svec + "* " + pointer + ")";
    helpers.insert({lanes, storedElem});
    functionHasStreaming[current] = true;
    ++rewritten;
  }
  if (!rewritten)
    return ir;

  // Non-temporal stores are weakly ordered: each function that made some
  // fences them before it returns, so whoever synchronizes with its return
  // (the thread pool's join, the caller) sees the data.
  std::ostringstream os;
  static const std::regex ret(R"re(^\s*ret .*$)re");
  for (size_t i = 0; i < lines.size(); ++i) {
    int f = functionOf[i];
    if (f >= 0 && functionHasStreaming[f] && std::regex_match(lines[i], ret))
      os << "  call void @llvm.x86.sse.sfence()\n";
    os << lines[i] << "\n";
  }
  for (auto &[lanes, elem] : helpers)
    os << "\n" << helperDefinition(lanes, elem, lanes * elementBytes(elem), ntNode);
  if (ir.find("declare void @llvm.x86.sse.sfence()") == std::string::npos)
    os << "\ndeclare void @llvm.x86.sse.sfence() nounwind\n";
  os << "\n!" << ntNode << " = !{i32 1}\n";
  return os.str();
}

bool compileWithStreamingStores(const Halide::Module &module,
                                const std::map<Halide::OutputFileType, std::string> &files,
                                const std::set<std::string> &buffers, std::string &error) {
#if defined(NORMC_LLVM14_OPT) && defined(NORMC_LLVM14_LLC)
  std::map<Halide::OutputFileType, std::string> halideFiles, llcFiles;
  for (auto &[kind, path] : files) {
    if (kind == Halide::OutputFileType::object || kind == Halide::OutputFileType::assembly)
      llcFiles[kind] = path;
    else
      halideFiles[kind] = path;
  }
  if (llcFiles.empty()) {
    module.compile(halideFiles);
    return true;
  }
  llvm::SmallString<128> dir;
  if (std::error_code ec = llvm::sys::fs::createUniqueDirectory("normc-nt", dir)) {
    error = "cannot create a temporary directory: " + ec.message();
    return false;
  }
  const std::string base = std::string(dir) + "/" + module.name();
  auto cleanup = [&] {
    for (const char *suffix : {".ll", ".nt.ll", ".bc", ".log", ".out"})
      std::remove((base + suffix).c_str());
    llvm::sys::fs::remove(dir);
  };
  module.compile({{Halide::OutputFileType::llvm_assembly, base + ".ll"}});
  std::string ir;
  if (!readFile(base + ".ll", ir)) {
    cleanup();
    error = "cannot read Halide's LLVM IR " + base + ".ll";
    return false;
  }
  int rewritten = 0;
  std::string streaming = rewriteStoresAsStreaming(ir, buffers, rewritten);
  if (rewritten == 0) { // no full-vector store into those buffers: Halide's own code
    cleanup();
    module.compile(files);
    return true;
  }
  {
    std::ofstream os(base + ".nt.ll", std::ios::binary);
    os << streaming;
    if (!os) {
      cleanup();
      error = "cannot write " + base + ".nt.ll";
      return false;
    }
  }
  // The always-inline helpers are inlined by opt; llc then generates code
  // with the options Halide itself would use (its module flags).
  if (!run({NORMC_LLVM14_OPT, "-passes=always-inline", base + ".nt.ll", "-o", base + ".bc"},
           base + ".log", error)) {
    cleanup();
    return false;
  }
  std::vector<std::string> llc = {NORMC_LLVM14_LLC};
  for (std::string &option : llcCodegenOptions(ir))
    llc.push_back(std::move(option));
  for (auto &[kind, path] : llcFiles) {
    std::vector<std::string> argv = llc;
    argv.push_back(kind == Halide::OutputFileType::object ? "-filetype=obj" : "-filetype=asm");
    argv.insert(argv.end(), {base + ".bc", "-o", base + ".out"});
    if (!run(argv, base + ".log", error)) {
      cleanup();
      return false;
    }
    if (std::error_code ec = llvm::sys::fs::rename(base + ".out", path)) {
      // Another file system: copy, then drop the temporary.
      if ((ec = llvm::sys::fs::copy_file(base + ".out", path))) {
        cleanup();
        error = "cannot write " + path + ": " + ec.message();
        return false;
      }
    }
  }
  cleanup();
  // The other outputs last: a failure above leaves none of them behind.
  if (!halideFiles.empty())
    module.compile(halideFiles);
  return true;
#else
  (void)module, (void)files, (void)buffers;
  error = "this normc was built without LLVM 14's opt and llc (streaming stores)";
  return false;
#endif
}

} // namespace normc
