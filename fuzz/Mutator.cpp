//===- Mutator.cpp - text mutations of norm IR for the fuzzer -------------===//
#include "Mutator.h"

#include <algorithm>
#include <cctype>
#include <set>

namespace normc::fuzz {

namespace {

/// Spellings that reach normc's checks: types, shapes at the int32 and
/// 2^31-byte limits, names that clash with C, brackets, attribute syntax.
const char *const kBaseTokens[] = {
    "tensor<", ">", "xf32", "xf16", "xbf16", "xf64", "xi32", "?x", "0x", "1x", "65535x",
    "46341x", "2147483647x", "%x", "%y", "%0", "func.func @", "func.func private @",
    "return ", "{norm.name = \"", "\"}", "eps = ", "groups = ", "momentum = ", "axis = ",
    "stride = ", "padding = ", "dilation = ", "[", "]", "(", ")", "{", "}", "<", ":", ",",
    "->", "=", "\"", "-", "1.0e-05", "0.0", "-1.0", "nan", "inf", "0x7F800000", "dense<",
    "@malloc", "@halide_error", "@for", "@f_argv", "__user_context", "normc_halide_runtime",
    "\n", " ", "//", "#norm", "!norm", "true", "false", "unit", "i64", "f32", "index"};

const char *const kInterestingNumbers[] = {
    "0", "1", "2", "3", "4", "7", "8", "13", "16", "31", "32", "33", "63", "64", "127",
    "128", "255", "256", "1023", "1024", "4096", "65535", "65536", "46341", "2147483647",
    "2147483648", "4294967295", "4294967296", "9223372036854775807", "-1", "-2147483648",
    "1e30", "1e-30", "0.5"};

} // namespace

void Mutator::learnTokens(const std::string &text) {
  static std::set<std::string> seen;
  // Dotted names (norm.instance_norm, func.return) and attribute keys (eps =).
  for (size_t i = 0; i < text.size();) {
    if (!std::isalpha(static_cast<unsigned char>(text[i]))) {
      ++i;
      continue;
    }
    size_t j = i;
    while (j < text.size() && (std::isalnum(static_cast<unsigned char>(text[j])) ||
                               text[j] == '_' || text[j] == '.'))
      ++j;
    std::string word = text.substr(i, j - i);
    bool dotted = word.find('.') != std::string::npos && word.size() < 40;
    bool key = j + 2 < text.size() && text.compare(j, 3, " = ") == 0 && word.size() < 24;
    if ((dotted || key) && seen.insert(word).second)
      dictionary.push_back(key ? word + " = " : word);
    i = j;
  }
}

std::string Mutator::mutate(const std::string &input, const std::string &other) {
  std::string text = input;
  const size_t rounds = 1 + pick(4);
  for (size_t r = 0; r < rounds; ++r)
    mutateOnce(text, other);
  if (text.size() > (1u << 20))
    text.resize(1u << 20); // keep inputs small enough to run quickly
  return text;
}

void Mutator::mutateOnce(std::string &text, const std::string &other) {
  const size_t n = text.size();
  switch (pick(9)) {
  case 0: // one byte, any value (NUL and non-ASCII included)
    if (n)
      text[pick(n)] = static_cast<char>(pick(256));
    break;
  case 1: { // delete a span
    if (!n)
      break;
    size_t at = pick(n), len = 1 + pick(std::min<size_t>(32, n - at));
    text.erase(at, len);
    break;
  }
  case 2: { // duplicate a span
    if (!n)
      break;
    size_t at = pick(n), len = 1 + pick(std::min<size_t>(64, n - at));
    text.insert(pick(n + 1), text.substr(at, len));
    break;
  }
  case 3:
  case 4: { // a token
    const size_t base = sizeof(kBaseTokens) / sizeof(kBaseTokens[0]);
    size_t k = pick(base + dictionary.size());
    text.insert(pick(n + 1), k < base ? std::string(kBaseTokens[k]) : dictionary[k - base]);
    break;
  }
  case 5:
  case 6: { // a number replaced by an interesting one
    std::vector<size_t> starts;
    for (size_t i = 0; i < n; ++i)
      if (std::isdigit(static_cast<unsigned char>(text[i])) &&
          (i == 0 || !std::isalnum(static_cast<unsigned char>(text[i - 1]))))
        starts.push_back(i);
    if (starts.empty())
      break;
    size_t at = starts[pick(starts.size())], end = at;
    while (end < n && std::isdigit(static_cast<unsigned char>(text[end])))
      ++end;
    const size_t count = sizeof(kInterestingNumbers) / sizeof(kInterestingNumbers[0]);
    text.replace(at, end - at, kInterestingNumbers[pick(count)]);
    break;
  }
  case 7: { // swap two lines
    std::vector<size_t> lineStarts{0};
    for (size_t i = 0; i < n; ++i)
      if (text[i] == '\n' && i + 1 < n)
        lineStarts.push_back(i + 1);
    if (lineStarts.size() < 2)
      break;
    size_t a = pick(lineStarts.size()), b = pick(lineStarts.size());
    if (a == b)
      break;
    if (a > b)
      std::swap(a, b);
    auto lineAt = [&](size_t k) {
      size_t s = lineStarts[k], e = text.find('\n', s);
      return text.substr(s, (e == std::string::npos ? n : e) - s);
    };
    std::string la = lineAt(a), lb = lineAt(b);
    text.replace(lineStarts[b], lb.size(), la);
    text.replace(lineStarts[a], la.size(), lb);
    break;
  }
  default: { // splice: a prefix of this input and a suffix of the other
    if (other.empty())
      break;
    size_t cut = text.find('\n', pick(n + 1));
    size_t from = other.find('\n', pick(other.size()));
    text = text.substr(0, cut == std::string::npos ? n : cut) +
           (from == std::string::npos ? std::string() : other.substr(from));
    break;
  }
  }
}

} // namespace normc::fuzz
