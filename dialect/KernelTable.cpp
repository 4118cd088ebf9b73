//===- KernelTable.cpp - normc's C table of a kernel's arguments ----------===//
#include "KernelTable.h"

#include "KernelNames.h"

#include "mlir/IR/BuiltinTypes.h"
#include "llvm/Support/raw_ostream.h"

#include <cstdio>

using namespace mlir;

namespace normc {

namespace {

const char *dtypeEnum(Type element) {
  if (element.isF16())
    return "NORMRT_DTYPE_F16";
  if (element.isBF16())
    return "NORMRT_DTYPE_BF16";
  return "NORMRT_DTYPE_F32";
}

} // namespace

std::string cStringLiteral(llvm::StringRef s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\')
      out += '\\';
    out += c;
  }
  return out + "\"";
}

std::string cStringLiteralBytes(llvm::StringRef s) {
  std::string out = "\"";
  for (unsigned char c : s) {
    if (c == '"' || c == '\\' || c == '?') { // '?': no trigraphs in C99
      out += '\\';
      out += char(c);
    } else if (c >= 0x20 && c < 0x7f) {
      out += char(c);
    } else {
      char octal[5];
      snprintf(octal, sizeof octal, "\\%03o", c);
      out += octal;
    }
  }
  return out + "\"";
}

std::string kernelArgTable(func::FuncOp func, const std::string &prefix) {
  std::string text;
  llvm::raw_string_ostream os(text);
  std::vector<std::string> entries;
  auto describe = [&](Type type, const std::string &name, bool output, unsigned index) {
    std::string source = kernelSourceName(func, index, output);
    auto t = cast<RankedTensorType>(type);
    std::string extents = prefix + "__" + (output ? "result" : "arg") + std::to_string(index);
    os << "  static const int64_t " << extents << "[] = {";
    for (auto [d, size] : llvm::enumerate(t.getShape()))
      os << (d ? ", " : "") << (ShapedType::isDynamic(size) ? -1 : size);
    os << "};\n";
    entries.push_back("{" + cStringLiteral(name) + ", " + (output ? "1" : "0") + ", " +
                      dtypeEnum(t.getElementType()) + ", " + std::to_string(t.getRank()) + ", " +
                      extents + ", " + (source.empty() ? "NULL" : cStringLiteralBytes(source)) +
                      "}");
  };
  for (unsigned i = 0; i < func.getNumArguments(); ++i)
    describe(func.getArgumentTypes()[i], kernelArgName(func, i), false, i);
  for (unsigned i = 0; i < func.getNumResults(); ++i)
    describe(func.getResultTypes()[i], kernelResultName(func, i), true, i);
  os << "  static const normrt_arg_info_t " << prefix << "__args[] = {\n";
  for (const std::string &e : entries)
    os << "    " << e << ",\n";
  os << "  };\n";
  return os.str();
}

} // namespace normc
