//===- GraphImporter.h - the state of one ONNX graph's import --------------===//
//
// Walks the graph's nodes in order (ONNX requires topological order). Every
// value is known (a ConstTensor) or computed (an MLIR value of the function
// being built); the first node that cannot be imported is an error. Op importers (OpImporters.cpp) and the patterns that
// fold exporters' decompositions (Patterns.cpp) work through this class.
//
//===----------------------------------------------------------------------===//
#ifndef NORMC_IMPORTERS_ONNX_GRAPHIMPORTER_H_
#define NORMC_IMPORTERS_ONNX_GRAPHIMPORTER_H_

#include "importers/onnx/ConstTensor.h"
#include "importers/onnx/OnnxImporter.h"
#include "importers/onnx/OnnxProto.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/Builders.h"

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace normc::onnx_import {

class GraphImporter;

/// What an op importer gets: the node, the op's version that applies (the
/// largest version the importer knows that is <= the model's opset), and a
/// way to report errors that names the node.
struct NodeContext {
  GraphImporter &g;
  const onnx::NodeProto &node;
  int nodeIndex;
  int64_t version; // the op version in force
  int64_t opset;   // the model's default-domain opset
  std::string error;
  /// Sets the error (prefixed with the node by the caller); returns false.
  bool fail(const std::string &message);
  mlir::Location loc() const;
};

using OpImporterFn = bool (*)(NodeContext &);

struct OpInfo {
  const char *name;
  std::vector<int64_t> versions; // ONNX versions with the semantics imported
  OpImporterFn import;           // null: evaluated at import time only
  const char *note;              // what is supported, for docs and --help
};

/// The op table: one source of truth for what is imported (OpImporters.cpp).
const std::vector<OpInfo> &onnxOpTable();

class GraphImporter {
public:
  GraphImporter(mlir::MLIRContext &context, const onnx::ModelProto &model,
                std::string fileName, int64_t opset);

  /// Builds the function; false with `error` on failure.
  bool run(const std::string &functionName, ImportedOnnxModel &result, std::string &error);

  // --- values -----------------------------------------------------------
  const ConstTensor *constant(const std::string &name) const;
  /// The computed value `name`, or null (see valueProblem for why).
  mlir::Value computed(const std::string &name) const;
  /// Why `name` is neither known nor computed (it is not defined yet), or "".
  std::string valueProblem(const std::string &name) const;
  bool isDefined(const std::string &name) const;
  void setComputed(const std::string &name, mlir::Value v);
  void setConstant(const std::string &name, ConstTensor c);
  /// How many nodes (and graph outputs) read `name`.
  int useCount(const std::string &name) const;
  /// The nodes reading `name`, in order (indices into the graph).
  const std::vector<int> &users(const std::string &name) const;
  const onnx::NodeProto &node(int index) const { return graph_.node(index); }
  bool isConsumed(int index) const { return consumed_.count(index) > 0; }
  void markConsumed(int index) { consumed_.insert(index); }
  bool isGraphOutput(const std::string &name) const { return outputs_.count(name) > 0; }
  /// The node producing `name`, or -1 (an input, an initializer).
  int producer(const std::string &name) const;
  /// The value of `name` if it is known or would be once the nodes before
  /// it run: patterns read side inputs (constants, Shape of the input)
  /// whose nodes come after the pattern's first node. Evaluates those
  /// nodes without defining their outputs (the walk still does).
  bool peekConstant(const std::string &name, ConstTensor &out, int depth = 0);
  /// Whether symbol `id` is dimension `dim` of the computed value `value`
  /// (false for a derived symbol).
  bool symbolIs(int32_t id, const std::string &value, int64_t dim) const {
    return id >= 0 && size_t(id) < symbols_.size() && symbols_[id] == DimSymbol{value, dim};
  }
  /// The symbol `id` (>= 0).
  const DimSymbol &symbol(int32_t id) const { return symbols_[id]; }
  int32_t internSymbol(const DimSymbol &s);

  // --- building ---------------------------------------------------------
  mlir::OpBuilder &builder() { return builder_; }
  mlir::MLIRContext *context() { return builder_.getContext(); }
  mlir::Location nodeLoc(int index) const;
  mlir::RankedTensorType tensorType(llvm::ArrayRef<int64_t> dims);
  /// A weight argument holding `c` with dims `dims` (c's own when empty),
  /// named after `onnxName`; one argument per (name, dims).
  /// `suffix` names a derived tensor (GroupNormalization-18's per-channel
  /// expansion): the argument is <name><suffix>, its onnx_name the original.
  mlir::Value weightArgument(const std::string &onnxName, const ConstTensor &c,
                             std::optional<std::vector<int64_t>> dims = std::nullopt,
                             const std::string &suffix = "");
  /// A splat constant of `rank` unit dims, folded into the generated code.
  mlir::Value splatConstant(double value, int64_t rank);
  /// Input `k` of `ctx.node` as an operand: computed, or a known float
  /// tensor made a weight argument, its dims padded on the left with 1s up
  /// to `rank` (0: its own rank). With `splatInto` (the other operand's
  /// dims, of a broadcasting op) an all-equal tensor whose dims are each 1
  /// or that operand's becomes a [1, ..., 1] constant in the code instead:
  /// the result's shape does not depend on it. False with an error when it
  /// is missing, unresolved or not float.
  bool operand(NodeContext &ctx, int k, mlir::Value &out, int64_t rank = 0,
               const std::vector<int64_t> *splatInto = nullptr);
  /// Reshapes `v` to `dims` when they differ from its dims only in unit
  /// dimensions (tensor.collapse_shape / expand_shape); null otherwise.
  mlir::Value reshapeUnitDims(mlir::Value v, llvm::ArrayRef<int64_t> dims);

  std::string describeNode(int index) const;
  std::string fileName() const { return fileName_; }
  int64_t opset() const { return opset_; }

private:
  bool importNode(int index, std::string &error);
  bool defineInputs(std::string &error);
  std::string uniqueName(const std::string &onnxName, bool function);
  bool peekUncached(const std::string &name, ConstTensor &out, int depth);

  const onnx::GraphProto &graph_;
  std::string fileName_;
  int64_t opset_;
  mlir::OpBuilder builder_;
  mlir::func::FuncOp func_;
  mlir::Block *body_ = nullptr;

  struct Entry {
    enum class State { Known, Computed } state;
    ConstTensor known;
    mlir::Value value;
  };

  std::map<std::string, Entry> values_;
  std::map<std::string, std::vector<int>> users_;
  std::map<std::string, int> producers_;
  std::map<std::string, std::pair<std::optional<ConstTensor>, int64_t>> peeked_;
  int64_t computedCount_ = 0;
  std::set<std::string> outputs_;
  std::set<int> consumed_;
  std::vector<DimSymbol> symbols_;
  std::set<std::string> usedNames_;
  std::vector<std::string> argNames_, argOnnxNames_;
  std::map<std::pair<std::string, std::vector<int64_t>>, mlir::Value> weightArgs_;
  std::vector<OnnxWeight> weights_;
};

/// A C identifier that normc accepts as an exported function (`function`)
/// or parameter name, made from any name: letters and digits kept, every
/// other run one '_'; `digitPrefix` before a leading digit; an "onnx_"
/// prefix for a reserved word; `fallback` if even that is refused.
std::string identifierFrom(const std::string &name, bool function, const std::string &digitPrefix,
                           const std::string &fallback);

/// AdaINPattern.cpp: the hand-written AdaIN DAG ending at node `sink`,
/// matched before the walk (its nodes are then marked consumed) and emitted
/// as norm.adain when the walk reaches the sink.
struct AdaINPlan {
  std::string content, style;
  float epsilon = 1e-5f;
  bool biased = false;
  std::set<int> nodes;
  std::vector<std::pair<std::string, std::vector<int64_t>>> statShapes;
  std::vector<std::string> expandShapes;
};
bool planAdaIN(GraphImporter &g, int sink, AdaINPlan &plan);
bool emitAdaIN(GraphImporter &g, int sink, const AdaINPlan &plan, std::string &error);

/// Patterns.cpp: folds the decomposition starting at `index` (PyTorch's
/// GroupNorm, InstanceNorm as BatchNorm, a ReduceMean LayerNorm, Erf GELU,
/// Sigmoid-Mul SiLU) into one norm op. Returns true when it did (the nodes
/// are marked consumed); a chain that does not match whole is left to the walk.
bool foldPattern(GraphImporter &g, int index);

} // namespace normc::onnx_import

#endif // NORMC_IMPORTERS_ONNX_GRAPHIMPORTER_H_
