//===- InputText.cpp - limits on IR text checked before MLIR parses it ----===//
#include "dialect/InputText.h"

#include "llvm/Support/raw_ostream.h"

#include <string>

namespace normc {

bool checkInputText(llvm::SourceMgr &sourceMgr, unsigned bufferId) {
  llvm::StringRef text = sourceMgr.getMemoryBuffer(bufferId)->getBuffer();
  auto fail = [&](size_t offset, const llvm::Twine &message) {
    sourceMgr.PrintMessage(llvm::errs(), llvm::SMLoc::getFromPointer(text.data() + offset),
                           llvm::SourceMgr::DK_Error, message);
    return false;
  };
  unsigned depth = 0;
  bool inString = false;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\0')
      return fail(i, "NUL byte in the input (MLIR's parser would stop reading here "
                     "and ignore the rest of the file)");
    if (inString) {
      if (c == '\\')
        ++i; // the escaped character, whatever it is
      else if (c == '"' || c == '\n')
        inString = false; // an unterminated string is the parser's error
      continue;
    }
    switch (c) {
    case '"':
      inString = true;
      break;
    case '/':
      if (i + 1 < text.size() && text[i + 1] == '/')
        while (i + 1 < text.size() && text[i + 1] != '\n' && text[i + 1] != '\0')
          ++i;
      break;
    case '(':
    case '[':
    case '{':
    case '<':
      if (++depth > kMaxNestingDepth)
        return fail(i, "brackets nested more than " + std::to_string(kMaxNestingDepth) +
                           " deep; normc limits nesting so that parsing cannot "
                           "exhaust the stack");
      break;
    case '-':
      if (i + 1 < text.size() && text[i + 1] == '>')
        ++i; // '->' closes nothing
      break;
    case ')':
    case ']':
    case '}':
    case '>':
      if (depth > 0)
        --depth; // unbalanced text is the parser's error
      break;
    default:
      break;
    }
  }
  return true;
}

bool checkInputText(const llvm::MemoryBuffer &buffer) {
  llvm::SourceMgr sourceMgr;
  unsigned id = sourceMgr.AddNewSourceBuffer(
      llvm::MemoryBuffer::getMemBuffer(buffer.getMemBufferRef(), /*RequiresNullTerminator=*/false),
      llvm::SMLoc());
  return checkInputText(sourceMgr, id);
}

} // namespace normc
