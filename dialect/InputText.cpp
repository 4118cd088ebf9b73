//===- InputText.cpp - limits on IR text checked before MLIR parses it ----===//
#include "dialect/InputText.h"

#include "llvm/ADT/StringExtras.h"
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
  // Open brackets, innermost last. A closer pops only its own kind, so text
  // that is not a bracket ('>' of '->' or '>=', stray closers) can never
  // lower the count below the parser's real nesting.
  std::string open;
  unsigned minusRun = 0; // '- - - x' recurses in affine expressions too
  bool inString = false;
  auto tooDeep = [&](size_t at) {
    return fail(at, "brackets nested more than " + std::to_string(kMaxNestingDepth) +
                        " deep; normc limits nesting so that parsing cannot exhaust the "
                        "stack");
  };
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
    const char next = i + 1 < text.size() ? text[i + 1] : '\0';
    if (c != '-' && c != ' ' && c != '\t' && c != '\n' && c != '\r')
      minusRun = 0;
    switch (c) {
    case '"':
      inString = true;
      break;
    case '/':
      if (next == '/')
        while (i + 1 < text.size() && text[i + 1] != '\n' && text[i + 1] != '\0')
          ++i;
      break;
    case '-':
      if (next == '>') {
        ++i; // '->' closes nothing
        minusRun = 0;
      } else if (++minusRun > kMaxNestingDepth) {
        return fail(i, "more than " + std::to_string(kMaxNestingDepth) +
                           " minus signs in a row; normc limits nesting so that parsing "
                           "cannot exhaust the stack");
      }
      break;
    case '%': {
      // `%name#N`: the name's characters, then the result number.
      size_t j = i + 1;
      while (j < text.size() && (llvm::isAlnum(text[j]) || text[j] == '_' || text[j] == '$' ||
                                 text[j] == '.' || text[j] == '-'))
        ++j;
      if (j == i + 1 || j + 1 >= text.size() || text[j] != '#' || !llvm::isDigit(text[j + 1]))
        break;
      size_t digitsEnd = j + 1;
      unsigned long number = 0;
      bool tooLarge = false;
      while (digitsEnd < text.size() && llvm::isDigit(text[digitsEnd])) {
        number = number * 10 + static_cast<unsigned long>(text[digitsEnd] - '0');
        tooLarge = tooLarge || number > kMaxResultNumber;
        ++digitsEnd;
      }
      if (tooLarge)
        return fail(j + 1, "result number " + text.substr(j + 1, digitsEnd - j - 1).str() +
                               " is larger than " + std::to_string(kMaxResultNumber) +
                               "; MLIR's parser would try to allocate that many results");
      i = digitsEnd - 1;
      break;
    }
    case '<':
    case '>':
      if (next == '=') {
        ++i; // '<=' and '>=' compare
        break;
      }
      if (c == '>') {
        if (!open.empty() && open.back() == '<')
          open.pop_back();
        break;
      }
      [[fallthrough]];
    case '(':
    case '[':
    case '{':
      open.push_back(c);
      if (open.size() > kMaxNestingDepth)
        return tooDeep(i);
      break;
    case ')':
    case ']':
    case '}': {
      const char opener = c == ')' ? '(' : c == ']' ? '[' : '{';
      if (!open.empty() && open.back() == opener)
        open.pop_back(); // anything else is unbalanced: the parser's error
      break;
    }
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
