//===- Mutator.h - text mutations of norm IR for the fuzzer ---------------===//
//
// Mutations that keep most of a file's structure so that inputs get past the
// parser into the verifier, the passes and code generation: byte edits,
// span deletion and duplication, tokens from a dictionary (normc's own
// spellings plus every op name and attribute key found in the seeds),
// "interesting" numbers in place of numbers, line swaps, and splices of two
// inputs at line boundaries.
//
//===----------------------------------------------------------------------===//
#ifndef NORMC_FUZZ_MUTATOR_H_
#define NORMC_FUZZ_MUTATOR_H_

#include <cstdint>
#include <random>
#include <string>
#include <vector>

namespace normc::fuzz {

class Mutator {
public:
  explicit Mutator(uint64_t seed) : rng(seed) {}
  /// Adds the op names and attribute keys of `text` to the dictionary.
  void learnTokens(const std::string &text);
  /// `input` after 1 to 4 mutations; `other` is the splice partner.
  std::string mutate(const std::string &input, const std::string &other);
  size_t pick(size_t n) { return n == 0 ? 0 : std::uniform_int_distribution<size_t>(0, n - 1)(rng); }

private:
  void mutateOnce(std::string &text, const std::string &other);
  std::mt19937_64 rng;
  std::vector<std::string> dictionary;
};

} // namespace normc::fuzz

#endif // NORMC_FUZZ_MUTATOR_H_
