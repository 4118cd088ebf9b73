//===- HalideGen.cpp - exported functions -> Halide AOT libraries ---------===//
//
// An exported function is a sequence of calls to outlined kernel groups
// (norm-outline-kernels). Each group is lowered by the algorithm builders
// with its arguments bound to Halide values, and scheduled by the target's
// backend with the knobs norm-assign-schedules requested (norm.schedule).
// Two ways to compose a function's groups:
//
//  - separate (CPU targets, several groups, one f32 result per call):
//    every distinct group is its own Halide pipeline (compiled once, however
//    often it is called), and the function is a pipeline of extern stages
//    calling them; the modules are linked into one library. Compile time
//    grows linearly with the number of groups (one pipeline of a 16-block
//    residual stack took 48 s to compile; separate groups, a few seconds).
//    With dynamic shapes each stage's extents come from the arguments'
//    (externPipeline's `extents`), not from bounds inference.
//  - inline (everything else: GPU targets, f16/bf16 values between groups,
//    groups with several results): one pipeline in which each call is a
//    fused loop nest and values passed between groups are materialized in
//    f32.
//
// Every Halide exception is caught here and turned into an MLIR diagnostic.
//
//===----------------------------------------------------------------------===//
#include "HalideGen.h"
#include "Variant.h"

#include "Algorithm.h"
#include "Schedule.h"
#include "Float16.h"
#include "StreamingStores.h"
#include "dialect/Identifiers.h"
#include "dialect/KernelNames.h"
#include "dialect/NormOps.h"
#include "tuning/Autoschedulers.h"
#include "tuning/Knobs.h"

#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/SymbolTable.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/raw_ostream.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <set>
#include <sstream>
#include <thread>

using namespace mlir;
using namespace normc::norm;

namespace normc {

/// Halide derives the include guard from the output path, which here is a
/// temporary directory; use a stable guard named after the function instead.
bool fixHeaderGuard(const std::string &path, const std::string &name) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  std::string header = text.str();
  if (!in)
    return false;
  size_t start = header.find("#ifndef ");
  if (start == std::string::npos)
    return true;
  size_t end = header.find('\n', start);
  std::string oldGuard = header.substr(start + 8, end - start - 8);
  std::string newGuard = "NORMC_KERNEL_" + name + "_H_";
  for (size_t pos = 0; (pos = header.find(oldGuard, pos)) != std::string::npos;
       pos += newGuard.size())
    header.replace(pos, oldGuard.size(), newGuard);
  std::ofstream out(path, std::ios::trunc);
  out << header;
  return static_cast<bool>(out);
}

namespace {

std::string argName(func::FuncOp func, unsigned i) { return kernelArgName(func, i); }
std::string resultName(func::FuncOp func, unsigned i) { return kernelResultName(func, i); }

/// A Func named exactly `name`: it names a result buffer, so the name is
/// the header's parameter and the metadata's argument name. Halide's
/// Func(name) makes names unique per process ("result0$1" for the second
/// function of a file). A function's result names are unique within it
/// (checkName), and taking them from Halide's name counter before lowering
/// keeps its internal Funcs off them: all its pipeline needs.
Halide::Func resultFunc(const std::string &name) {
  return Halide::Func(Halide::Internal::Function(name));
}

/// Constrains min 0 and dense innermost stride; static dims get a fixed
/// extent (which specializes the generated code) and an estimate (which the
/// runtime reads back from the metadata to check shapes before the call).
template <typename Dim>
void constrainDim(Dim dim, int halideIndex, int64_t size) {
  dim.set_min(0);
  if (halideIndex == 0)
    dim.set_stride(1);
  if (!ShapedType::isDynamic(size)) {
    dim.set_extent(static_cast<int>(size));
    dim.set_estimate(0, static_cast<int>(size));
  }
}

/// The Halide type of a tensor element type (f32, f16, bf16).
Halide::Type halideTypeOf(Type element) {
  if (element.isF16())
    return Halide::Float(16);
  if (element.isBF16())
    return Halide::BFloat(16);
  return Halide::Float(32);
}

LogicalResult checkSupportedType(Operation *op, Type type, StringRef what) {
  auto tensor = dyn_cast<RankedTensorType>(type);
  Type element = tensor ? tensor.getElementType() : Type();
  if (!tensor || !(element.isF32() || element.isF16() || element.isBF16()) ||
      tensor.getRank() < 1 || tensor.getRank() > 8)
    return op->emitError() << what << " has type " << type
                           << "; halide_gen supports ranked f32, f16 and bf16 "
                              "tensors of rank 1 to 8";
  for (int64_t d : tensor.getShape())
    if (!ShapedType::isDynamic(d) && d > INT32_MAX)
      return op->emitError() << what << " has a dimension of " << d
                             << " elements; Halide extents must fit in int32";
  return success();
}

/// A call of an outlined group in an exported function.
struct GroupCall {
  mutable func::CallOp call; // op handles: const GroupCall still reads them
  mutable func::FuncOp callee;
  GroupRole role;
  CpuKnobs requested;
  std::string source; ///< where the requested knobs came from
};

/// What was decided for one group, for --emit=schedule.
struct GroupRecord {
  std::string name;
  GroupRole role;
  std::string source;
  CpuKnobs requested, effective;
  std::vector<std::string> notes;
  std::vector<int64_t> shape; ///< the first result's, as typed (-1: dynamic)
  bool channelsLast = false;
};

/// Reads norm.role and norm.schedule of a group function.
LogicalResult readGroup(func::CallOp call, SymbolTable &symbols, GroupCall &out) {
  out.call = call;
  out.callee = symbols.lookup<func::FuncOp>(call.getCallee());
  if (!out.callee || out.callee.isExternal())
    return call.emitOpError() << "calls @" << call.getCallee()
                              << ", which is not an outlined kernel group";
  auto role = out.callee->getAttrOfType<StringAttr>("norm.role");
  if (!role || !parseRole(role.str(), out.role))
    return call.emitOpError() << "calls @" << call.getCallee()
                              << ", which has no valid norm.role; run --norm-outline-kernels";
  auto schedule = out.callee->getAttrOfType<DictionaryAttr>("norm.schedule");
  auto requested = schedule ? schedule.getAs<DictionaryAttr>("requested") : DictionaryAttr();
  if (!requested)
    return out.callee.emitError() << "@" << out.callee.getSymName()
                                  << " has no norm.schedule = {requested = {...}}; run "
                                     "--norm-assign-schedules before code generation";
  llvm::json::Object knobs;
  for (NamedAttribute entry : requested) {
    // BoolAttr first: it is an IntegerAttr of type i1.
    if (auto b = dyn_cast<BoolAttr>(entry.getValue()))
      knobs[entry.getName().str()] = b.getValue();
    else if (auto i = dyn_cast<IntegerAttr>(entry.getValue()))
      knobs[entry.getName().str()] = i.getInt();
    else if (auto str = dyn_cast<StringAttr>(entry.getValue()))
      knobs[entry.getName().str()] = str.str();
    else
      return out.callee.emitError() << "norm.schedule knob '" << entry.getName().str()
                                    << "' must be an integer, boolean or string";
  }
  std::string error;
  if (!knobsFromJson(knobs, out.requested, error))
    return out.callee.emitError() << "norm.schedule: " << error;
  auto source = schedule.getAs<StringAttr>("source");
  out.source = source ? source.str() : "";
  return success();
}

/// `value` (f16 or bf16 storage) widened to f32 (Float16.h).
Halide::Expr widenToF32(const Halide::Expr &value, const Halide::Target &target) {
  if (value.type().is_bfloat())
    return bfloat16ToF32(value);
  if (value.type().is_float() && value.type().bits() == 16)
    return float16ToF32(value, target);
  return Halide::cast<float>(value);
}

/// f32 `value` rounded to storage `type` once (Float16.h: F16C for f16 and
/// AVX512-BF16 for bf16 where the target has them).
Halide::Expr narrowFromF32(const Halide::Type &type, const Halide::Expr &value,
                           const Halide::Target &target) {
  // (Halide's is_float() is true of bf16 too.)
  if (type.is_float() && !type.is_bfloat() && type.bits() == 16)
    return f32ToFloat16(value, target);
  if (type.is_bfloat())
    return f32ToBfloat16(value, target);
  return Halide::cast(type, value);
}

/// An f32 view of an input buffer (f16/bf16 storage is computed in f32).
HTensor tensorOfParam(const Halide::ImageParam &param, RankedTensorType type,
                      const std::string &name, const Halide::Target &target) {
  const int rank = type.getRank();
  HTensor t;
  t.func = Halide::Func(name + "_in");
  t.func(halideVars(rank)) = widenToF32(param(halideVars(rank)), target);
  for (int d = 0; d < rank; ++d) {
    int64_t size = type.getDimSize(d);
    constrainDim(param.dim(rank - 1 - d), rank - 1 - d, size);
    t.shape.push_back(ShapedType::isDynamic(size) ? param.dim(rank - 1 - d).extent()
                                                  : Halide::Expr(static_cast<int>(size)));
    t.unit.push_back(size == 1);
  }
  return t;
}

/// Lowers the body of group `callee` with its arguments bound to `args`;
/// `results` get the returned values.
LogicalResult lowerGroupBody(func::FuncOp callee, ArrayRef<HTensor> args,
                             LoweredKernel &kernel, const CpuKnobs &knobs,
                             std::vector<HTensor> &results) {
  llvm::DenseMap<Value, HTensor> values;
  for (auto [arg, t] : llvm::zip(callee.getArguments(), args))
    values[arg] = t;
  Block &body = callee.getBody().front();
  for (Operation &op : body.without_terminator()) {
    bool producesTensors =
        llvm::any_of(op.getResultTypes(), [](Type t) { return isa<TensorType>(t); });
    if (!producesTensors)
      continue; // index arithmetic feeding reshapes: shapes are tracked here
    if (!lowerOp(&op, values, kernel, knobs.stats))
      return failure();
    // Dimensions that the IR types as static 1 broadcast, whatever the
    // builder derived (e.g. the batch of a style tensor of batch 1).
    for (Value result : op.getResults()) {
      auto type = dyn_cast<RankedTensorType>(result.getType());
      auto it = values.find(result);
      if (!type || it == values.end())
        continue;
      for (int64_t d = 0; d < type.getRank(); ++d)
        if (type.getDimSize(d) == 1) {
          it->second.unit[d] = true;
          it->second.shape[d] = 1;
        }
    }
  }
  auto ret = cast<func::ReturnOp>(body.getTerminator());
  for (Value v : ret.getOperands()) {
    if (auto arg = dyn_cast<BlockArgument>(v))
      return ret.emitOpError() << "returns argument #" << arg.getArgNumber()
                               << " of the group unchanged; normc kernels must compute "
                                  "every result";
    results.push_back(values.at(v));
  }
  return success();
}

/// Output constraints of a returned value, and the run-time check that a
/// dynamic output has the computed value's shape.
void constrainOutput(Halide::Func out, RankedTensorType type, const HTensor *t,
                     const std::string &name, LoweredKernel *kernel) {
  const int rank = type.getRank();
  for (int d = 0; d < rank; ++d) {
    auto dim = out.output_buffer().dim(rank - 1 - d);
    constrainDim(dim, rank - 1 - d, type.getDimSize(d));
    if (t && kernel && ShapedType::isDynamic(type.getDimSize(d)))
      requireEqual(*kernel, dim.extent(), t->shape[d],
                   {"shape mismatch: dimension " + std::to_string(d) + " of output " + name +
                        " is",
                    dim.extent(), std::string("but the computed value's is"), t->shape[d]});
  }
}

/// Whether `func`'s groups can be compiled as separate pipelines: several
/// calls, static shapes, one result per call, f32 values between groups,
/// and each returned value returned once.
bool canComposeSeparately(func::FuncOp func, ArrayRef<GroupCall> calls, bool gpu) {
  // GPU targets: one pipeline, so values between groups stay on the device
  // (an extern stage's buffers would be copied to the host and back).
  if (calls.size() < 2 || gpu)
    return false;
  auto ret = cast<func::ReturnOp>(func.getBody().front().getTerminator());
  llvm::DenseSet<Value> returned;
  for (Value v : ret.getOperands())
    if (!returned.insert(v).second || isa<BlockArgument>(v))
      return false;
  for (const GroupCall &c : calls) {
    if (c.call.getNumResults() != 1)
      return false;
    Value r = c.call.getResult(0);
    auto type = dyn_cast<RankedTensorType>(r.getType());
    if (!type)
      return false;
    bool usedLater = llvm::any_of(r.getUsers(), [&](Operation *u) { return u != ret; });
    if (usedLater && !type.getElementType().isF32())
      return false;
  }
  return true;
}

/// A value-numbered graph of extern calls: values are a pipeline's
/// arguments and its steps' results, all static tensors.
struct ExternGraph {
  std::vector<RankedTensorType> types; ///< by value id
};
struct ExternStep {
  std::string symbol;        ///< the Halide function called
  std::vector<int> operands; ///< value ids, in the callee's argument order
  int result = -1;           ///< value id
};

/// A Halide pipeline `symbol` of extern stages: `inputs` become ImageParams
/// named `inputNames`, each step calls its function with the caller's
/// user_context, `outputs` (step results) are written straight into output
/// buffers named `outputNames`. `args` gets the pipeline's arguments.
Halide::Module externPipeline(const std::string &symbol, const ExternGraph &graph,
                              const std::vector<int> &inputs,
                              const std::vector<std::string> &inputNames,
                              const std::vector<ExternStep> &steps,
                              const std::vector<int> &outputs,
                              const std::vector<std::string> &outputNames,
                              const Halide::Target &target,
                              const std::vector<Halide::ImageParam> *existing = nullptr,
                              const std::map<int, std::vector<Halide::Expr>> *extents = nullptr,
                              const std::vector<std::pair<Halide::Expr, std::vector<Halide::Expr>>>
                                  *requirements = nullptr) {
  std::map<int, Halide::ImageParam> params;
  std::vector<Halide::Argument> args;
  for (auto [i, id] : llvm::enumerate(inputs)) {
    RankedTensorType type = graph.types[id];
    Halide::ImageParam param;
    if (existing) {
      param = (*existing)[i];
    } else {
      param = Halide::ImageParam(halideTypeOf(type.getElementType()), type.getRank(),
                                 inputNames[i]);
      tensorOfParam(param, type, inputNames[i], target); // constrains the dims
    }
    params.emplace(id, param);
    args.push_back(param);
  }
  // One Expr for the caller's user_context (Halide wants one parameter of
  // that name).
  const Halide::Expr userContext = Halide::user_context_value();
  std::map<int, Halide::Func> stages;
  std::vector<Halide::Func> outs(outputs.size());
  for (auto [k, step] : llvm::enumerate(steps)) {
    std::vector<Halide::ExternFuncArgument> operands = {userContext};
    for (int id : step.operands) {
      auto p = params.find(id);
      if (p != params.end())
        operands.emplace_back(p->second);
      else
        operands.emplace_back(stages.at(id));
    }
    RankedTensorType type = graph.types[step.result];
    auto out = std::find(outputs.begin(), outputs.end(), step.result);
    std::string stageName = out != outputs.end()
                                ? outputNames[out - outputs.begin()]
                                : symbol + "_s" + std::to_string(k);
    Halide::Func stage = out != outputs.end() ? resultFunc(stageName) : Halide::Func(stageName);
    stage.define_extern(step.symbol, operands, halideTypeOf(type.getElementType()),
                        halideVars(type.getRank()), Halide::NameMangling::C);
    stage.compute_root();
    // Dynamic shapes: each value's extents, derived from the arguments', set
    // the region computed. Bounds inference cannot derive them through the
    // stages: a group's bounds query reads its inputs' extents (a reflection
    // pad mirrors at the edge), which are not known when it is asked.
    if (extents) {
      const std::vector<Halide::Expr> &e = extents->at(step.result);
      const int rank = type.getRank();
      for (int d = 0; d < rank; ++d)
        stage.bound(halideVars(rank)[rank - 1 - d], 0, e[d]);
    }
    if (out != outputs.end()) {
      constrainOutput(stage, type, nullptr, "", nullptr);
      outs[out - outputs.begin()] = stage;
    }
    stages[step.result] = stage;
  }
  Halide::Pipeline pipeline(outs);
  if (requirements)
    for (const auto &[condition, message] : *requirements) {
      std::vector<Halide::Expr> parts = message;
      pipeline.add_requirement(condition, parts);
    }
  Halide::Module module = pipeline.compile_to_module(args, symbol, target);
  addFloat16Conversions(module, target);
  return module;
}

/// Steps per chunk: a chunk of 8 extern stages (4 residual blocks)
/// compiles in about a second.
constexpr size_t kStepsPerChunk = 8;

/// Cuts `steps` into chunks of about kStepsPerChunk steps at points where
/// exactly one value (besides the pipeline's arguments) passes from one
/// chunk to the next, compiles each distinct chunk into `modules` and
/// returns the top-level steps: one per chunk, then the steps after the
/// last cut.
std::vector<ExternStep> chunkSteps(const ExternGraph &graph, const std::vector<ExternStep> &steps,
                                   const std::vector<int> &returned, int numArgs,
                                   const std::string &name, const Halide::Target &target,
                                   std::vector<Halide::Module> &modules) {
  const int n = static_cast<int>(steps.size());
  // lastUse[id]: the last step reading the value (n when returned).
  std::vector<int> lastUse(graph.types.size(), -1);
  for (int k = 0; k < n; ++k)
    for (int id : steps[k].operands)
      lastUse[id] = std::max(lastUse[id], k);
  for (int id : returned)
    lastUse[id] = n;
  std::vector<ExternStep> top;
  std::map<std::string, std::string> chunkSymbols;
  int start = 0, carried = -1; // the value passed into the current chunk
  for (int k = 0; k < n; ++k) {
    if (k - start + 1 < static_cast<int>(kStepsPerChunk) || k == n - 1)
      continue;
    std::vector<int> crossing;
    for (int j = 0; j <= k; ++j)
      if (lastUse[steps[j].result] > k)
        crossing.push_back(steps[j].result);
    if (crossing.size() != 1)
      continue;
    // Inputs in local order: the carried value, then arguments by first use.
    std::vector<int> inputs;
    if (carried >= 0)
      inputs.push_back(carried);
    for (int j = start; j <= k; ++j)
      for (int id : steps[j].operands)
        if (id < numArgs && std::find(inputs.begin(), inputs.end(), id) == inputs.end())
          inputs.push_back(id);
    // The chunk's structure, by local numbers: identical runs (the blocks
    // of a residual stack) share one compiled chunk.
    std::map<int, int> local;
    std::string key;
    for (int id : inputs) {
      local[id] = static_cast<int>(local.size());
      llvm::raw_string_ostream(key) << graph.types[id] << ";";
    }
    for (int j = start; j <= k; ++j) {
      key += steps[j].symbol + "(";
      for (int id : steps[j].operands)
        key += std::to_string(local.at(id)) + ",";
      key += ");";
      local[steps[j].result] = static_cast<int>(local.size());
    }
    std::string &symbol = chunkSymbols[key];
    if (symbol.empty()) {
      symbol = name + "__chunk" + std::to_string(chunkSymbols.size() - 1);
      std::vector<std::string> inputNames;
      for (size_t i = 0; i < inputs.size(); ++i)
        inputNames.push_back("in" + std::to_string(i));
      std::vector<ExternStep> body(steps.begin() + start, steps.begin() + k + 1);
      modules.push_back(externPipeline(symbol, graph, inputs, inputNames, body, crossing,
                                       {"out"}, target));
    }
    top.push_back(ExternStep{symbol, inputs, crossing[0]});
    carried = crossing[0];
    start = k + 1;
  }
  top.insert(top.end(), steps.begin() + start, steps.end());
  return top;
}

void addRequirements(Halide::Pipeline &pipeline, LoweredKernel &kernel) {
  for (auto &[condition, message] : kernel.requirements)
    pipeline.add_requirement(condition, message);
}

/// The same for a group's own pipeline, which the function's pipeline of
/// extern stages calls first in bounds-query mode: its input buffers then
/// carry no extents yet, so a shape relation between them is only checked
/// on the real call (an input buffer without host memory is a query).
void addGroupRequirements(Halide::Pipeline &pipeline, LoweredKernel &kernel) {
  namespace HI = Halide::Internal;
  if (kernel.inputs.empty())
    return addRequirements(pipeline, kernel);
  Halide::Expr query = HI::Call::make(
      Halide::Bool(), HI::Call::buffer_is_bounds_query,
      {HI::Variable::make(Halide::type_of<halide_buffer_t *>(), kernel.inputs[0].name() + ".buffer",
                          kernel.inputs[0].parameter())},
      HI::Call::Extern);
  for (auto &[condition, message] : kernel.requirements)
    pipeline.add_requirement(condition || query, message);
}

/// Schedules `kernel` with the group's requested knobs through the target's
/// backend; `record` gets the requested and effective knobs and the notes.
void scheduleGroup(LoweredKernel &kernel, const GroupCall &c, const Halide::Target &target,
                   const std::string &autoscheduler, GroupRecord &record) {
  record.name = c.callee.getSymName().str();
  record.role = c.role;
  record.source = c.source;
  record.requested = c.requested;
  record.effective = c.requested;
  // The group's shape, for norm-tune's cost model: its first result as typed.
  if (c.callee.getNumResults() > 0)
    if (auto type = dyn_cast<RankedTensorType>(c.callee.getResultTypes()[0]))
      record.shape.assign(type.getShape().begin(), type.getShape().end());
  c.callee.walk([&](Operation *op) {
    if (op->hasAttr("channels_last"))
      record.channelsLast = true;
  });
  if (!autoscheduler.empty()) {
    record.source = "autoscheduler " + autoscheduler;
    record.notes.push_back("scheduled by Halide's " + autoscheduler +
                           " autoscheduler; the knobs are not used");
    return;
  }
  scheduleBackendFor(target).apply(kernel, c.role, record.effective, record.notes);
}

/// Schedules `pipeline` (every Func of the function) with `name`, after
/// giving its inputs and outputs their static extents as estimates.
void autoschedulePipeline(Halide::Pipeline &pipeline, const std::string &name,
                          std::vector<Halide::ImageParam> &inputs,
                          llvm::ArrayRef<Type> argTypes, std::vector<Halide::Func> &outputs,
                          llvm::ArrayRef<Type> resultTypes, const Halide::Target &target) {
  static std::set<std::string> loaded;
  if (loaded.insert(name).second)
    Halide::load_plugin(std::string(NORMC_HALIDE_PLUGIN_DIR) + "/libautoschedule_" +
                        llvm::StringRef(name).lower() + ".so");
  auto estimates = [](Type type) {
    auto t = cast<RankedTensorType>(type);
    Halide::Region region;
    for (int d = t.getRank() - 1; d >= 0; --d) // Halide's dims: innermost first
      region.push_back({0, static_cast<int>(t.isDynamicDim(d) ? 64 : t.getDimSize(d))});
    return region;
  };
  for (auto [i, param] : llvm::enumerate(inputs)) {
    Halide::Region r = estimates(argTypes[i]);
    for (size_t d = 0; d < r.size(); ++d)
      param.dim(d).set_estimate(r[d].min, r[d].extent);
  }
  for (auto [i, out] : llvm::enumerate(outputs))
    out.set_estimates(estimates(resultTypes[i]));
  // Adams2019's default beam search (32 states, 5 passes) ran out of 8 GB
  // and past 3 minutes on one instance norm of bench/ (half a million
  // states per pass); its greedy mode (beam 1, one pass) is what a compile
  // can afford. HL_BEAM_SIZE / HL_NUM_PASSES set by the user win.
  if (name == "Adams2019") {
    setenv("HL_BEAM_SIZE", "1", /*overwrite=*/0);
    setenv("HL_NUM_PASSES", "1", /*overwrite=*/0);
  }
  const int cores = std::max(1u, std::thread::hardware_concurrency());
  // Mullapudi2016's machine model: cores, a 16 MB last-level cache, and a
  // compute-to-memory balance of 40 (its documented default).
  pipeline.auto_schedule(name, target, Halide::MachineParams(cores, 16 << 20, 40));
}

std::string scheduleJson(const std::string &name, const TargetInfo &target,
                         const char *composition, const std::vector<GroupRecord> &groups) {
  llvm::json::Array list;
  for (const GroupRecord &g : groups) {
    llvm::json::Array notes;
    for (const std::string &n : g.notes)
      notes.push_back(n);
    list.push_back(llvm::json::Object{{"name", g.name},
                                      {"role", roleName(g.role)},
                                      {"source", g.source},
                                      {"shape", llvm::json::Array(g.shape)},
                                      {"channels_last", g.channelsLast},
                                      {"requested", knobsToJson(g.requested, g.role, target.isGpu)},
                                      {"effective", knobsToJson(g.effective, g.role, target.isGpu)},
                                      {"notes", std::move(notes)}});
  }
  llvm::json::Value top = llvm::json::Object{{"function", name},
                                             {"target", target.canonical},
                                             {"composition", composition},
                                             {"groups", std::move(list)}};
  std::string text;
  llvm::raw_string_ostream os(text);
  os << llvm::formatv("{0:2}", top) << "\n";
  return text;
}

} // namespace

LogicalResult compileVariant(func::FuncOp func, const TargetInfo &targetInfo,
                             const std::string &outDir, const std::string &symbol,
                             const KernelEmitOptions &emit, CompiledVariant &out) {
  auto module = func->getParentOfType<ModuleOp>();
  SymbolTable symbols(module);
  std::vector<GroupCall> calls;
  for (Operation &op : func.getBody().front()) {
    if (auto call = dyn_cast<func::CallOp>(op)) {
      GroupCall c;
      if (failed(readGroup(call, symbols, c)))
        return failure();
      calls.push_back(c);
    } else if (!isa<func::ReturnOp>(op)) {
      return op.emitOpError() << "lies outside a kernel group; run --norm-form-kernels and "
                                 "--norm-outline-kernels before code generation";
    }
  }
  if (calls.empty())
    return func.emitError() << "@" << func.getSymName() << " has no kernel group to compile";

  for (auto [i, type] : llvm::enumerate(func.getArgumentTypes()))
    if (failed(checkSupportedType(func, type, "argument " + argName(func, i))))
      return failure();
  for (auto [i, type] : llvm::enumerate(func.getResultTypes()))
    if (failed(checkSupportedType(func, type, "result " + resultName(func, i))))
      return failure();

  // Argument and result names become C parameter names and metadata keys.
  std::set<std::string> names;
  auto checkName = [&](const std::string &n, const char *what, unsigned i) -> LogicalResult {
    if (!isCIdentifier(n))
      return func.emitError() << what << " #" << i << " is named '" << n
                              << "', which is not a C identifier";
    if (!names.insert(n).second)
      return func.emitError() << what << " #" << i << " reuses the name '" << n
                              << "'; argument and result names must be unique";
    return success();
  };
  for (unsigned i = 0; i < func.getNumArguments(); ++i)
    if (failed(checkName(argName(func, i), "argument", i)))
      return failure();
  for (unsigned i = 0; i < func.getNumResults(); ++i)
    if (failed(checkName(resultName(func, i), "result", i)))
      return failure();
  // The result Funcs get exactly these names (resultFunc). Taking each name
  // from Halide's per-process name counter first makes every Func created
  // after this point under the same name (an input's "<arg>_in" when a
  // result is named so, a stage "<symbol>_s<k>") get a suffixed name
  // instead of clashing with the result in the pipeline.
  for (unsigned i = 0; i < func.getNumResults(); ++i)
    (void)Halide::Internal::unique_name(resultName(func, i));

  // The Halide entry point: the function's name, or a variant's
  // <name>__<suffix> in a multitarget library.
  const std::string name = symbol;
  auto ret = cast<func::ReturnOp>(func.getBody().front().getTerminator());
  try {
    Halide::Target target = Halide::Target(targetInfo.canonical)
                                .with_feature(Halide::Target::UserContext)
                                .with_feature(Halide::Target::NoRuntime);
    std::vector<Halide::Argument> args;
    std::vector<Halide::ImageParam> inputs;
    llvm::DenseMap<Value, HTensor> values;
    for (auto [i, arg] : llvm::enumerate(func.getArguments())) {
      auto type = cast<RankedTensorType>(arg.getType());
      Halide::ImageParam param(halideTypeOf(type.getElementType()), type.getRank(),
                               argName(func, i));
      values[arg] = tensorOfParam(param, type, argName(func, i), target);
      inputs.push_back(param);
      args.push_back(param);
    }

    std::vector<GroupRecord> records;
    // Results written with streaming stores (one-pipeline functions only).
    std::set<std::string> streamingResults;
    llvm::DenseSet<Operation *> recorded;
    Halide::Module linked("", target);
    // The header declares the function alone, not the groups it calls and
    // their loop bodies: in separate composition it comes from the wrapper.
    Halide::Module wrapperModule("", target);
    // An autoscheduler sees the whole function as one pipeline.
    const bool separate =
        emit.autoscheduler.empty() && canComposeSeparately(func, calls, targetInfo.isGpu);

    if (separate) {
      // Each distinct group once, as its own pipeline <func>__<group>.
      std::vector<Halide::Module> modules;
      std::map<std::string, std::string> symbolOf;
      for (const GroupCall &c : calls) {
        std::string group = c.callee.getSymName().str();
        if (symbolOf.count(group))
          continue;
        std::string symbol = name + "__" + group;
        symbolOf[group] = symbol;
        std::vector<Halide::Argument> groupArgs;
        std::vector<HTensor> groupInputs;
        LoweredKernel kernel;
        for (auto [i, type] : llvm::enumerate(c.callee.getArgumentTypes())) {
          auto t = cast<RankedTensorType>(type);
          Halide::ImageParam param(halideTypeOf(t.getElementType()), t.getRank(),
                                   "arg" + std::to_string(i));
          groupInputs.push_back(tensorOfParam(param, t, "arg" + std::to_string(i), target));
          kernel.inputs.push_back(param);
          groupArgs.push_back(param);
        }
        std::vector<HTensor> results;
        GroupNameScope names(group + "_"); // one pipeline per group: no call index
        if (failed(lowerGroupBody(c.callee, groupInputs, kernel, c.requested, results)))
          return failure();
        std::vector<Halide::Func> outs;
        for (auto [r, type] : llvm::enumerate(c.callee.getResultTypes())) {
          auto t = cast<RankedTensorType>(type);
          // Named after the group, not after the function's results: this
          // Func is a result of the group's own pipeline.
          Halide::Func out(group + "_result" + std::to_string(r));
          out(halideVars(t.getRank())) =
              narrowFromF32(halideTypeOf(t.getElementType()),
                            results[r].func(halideVars(t.getRank())), target);
          constrainOutput(out, t, nullptr, "", nullptr);
          kernel.outputs.push_back(out);
          kernel.outputTensors.push_back(results[r]);
          outs.push_back(out);
        }
        GroupRecord record;
        scheduleGroup(kernel, c, target, emit.autoscheduler, record);
        if (record.effective.streamingStores) {
          record.effective.streamingStores = false;
          record.notes.push_back("streaming_stores: false: only functions compiled as one "
                                 "pipeline (static shapes, inline composition) get them");
        }
        records.push_back(record);
        Halide::Pipeline pipeline(outs);
        addGroupRequirements(pipeline, kernel);
        modules.push_back(pipeline.compile_to_module(groupArgs, symbol, target));
      }

      // Values: the function's arguments, then one per call.
      ExternGraph graph;
      const int numArgs = static_cast<int>(func.getNumArguments());
      for (Type t : func.getArgumentTypes())
        graph.types.push_back(cast<RankedTensorType>(t));
      llvm::DenseMap<Value, int> idOf;
      for (BlockArgument arg : func.getArguments())
        idOf[arg] = static_cast<int>(arg.getArgNumber());
      std::vector<ExternStep> steps;
      for (const GroupCall &c : calls) {
        ExternStep step;
        step.symbol = symbolOf[c.callee.getSymName().str()];
        for (Value operand : c.call.getOperands())
          step.operands.push_back(idOf.at(operand));
        step.result = static_cast<int>(graph.types.size());
        graph.types.push_back(cast<RankedTensorType>(c.call.getResult(0).getType()));
        idOf[c.call.getResult(0)] = step.result;
        steps.push_back(step);
      }
      std::vector<int> returned;
      for (Value v : ret.getOperands())
        returned.push_back(idOf.at(v));
      std::vector<int> argIds;
      std::vector<std::string> argNames, resultNames;
      for (int i = 0; i < numArgs; ++i) {
        argIds.push_back(i);
        argNames.push_back(argName(func, i));
      }
      for (unsigned i = 0; i < func.getNumResults(); ++i)
        resultNames.push_back(resultName(func, i));

      // Runs of calls between which one value passes become chunks, each a
      // pipeline of its own (identical runs share one), so that no pipeline
      // has more than a few extern stages: Halide's bounds inference across
      // extern stages grows faster than their number (a 16-block residual
      // stack in one pipeline of 32 stages took 12 s to compile).
      // Dynamic shapes: every value's extents as expressions of the
      // arguments' (the groups lowered once more over the function's own
      // parameters, for their shapes and shape requirements only), checked
      // and imposed by the top level; no chunks (their inputs would need
      // the same expressions in their own parameters).
      const bool dynamic = llvm::any_of(graph.types, [](RankedTensorType t) {
        return !t.hasStaticShape();
      });
      std::map<int, std::vector<Halide::Expr>> extents;
      LoweredKernel shapeKernel;
      if (dynamic) {
        llvm::DenseMap<Value, HTensor> shapeValues = values;
        for (const GroupCall &c : calls) {
          std::vector<HTensor> argTensors, results;
          for (Value operand : c.call.getOperands())
            argTensors.push_back(shapeValues.at(operand));
          if (failed(lowerGroupBody(c.callee, argTensors, shapeKernel, c.requested, results)))
            return failure();
          shapeValues[c.call.getResult(0)] = results[0];
          extents[idOf.at(c.call.getResult(0))] = results[0].shape;
        }
      }
      std::vector<ExternStep> top =
          dynamic ? steps : chunkSteps(graph, steps, returned, numArgs, name, target, modules);
      // The top level is called by users only, never bounds-queried (normrt
      // passes real buffers): without bounds-query support its lowering
      // is several times cheaper (8 blocks: 0.8 s instead of 5 s). Its
      // target then differs from the groups', so it is its own object.
      wrapperModule = externPipeline(name, graph, argIds, argNames, top, returned, resultNames,
                                     target.with_feature(Halide::Target::NoBoundsQuery), &inputs,
                                     dynamic ? &extents : nullptr,
                                     dynamic ? &shapeKernel.requirements : nullptr);
      linked = Halide::link_modules(name + "__groups", modules);
      // link_modules keeps functions and buffers only, not external code:
      // the conversions are linked into the result (without them the
      // groups' calls stay out-of-line, one per element).
      addFloat16Conversions(linked, target);
    } else {
      // One pipeline: every call a fused loop nest, values passed between
      // groups materialized in f32.
      std::vector<Halide::Func> outputs(ret.getNumOperands());
      std::vector<LoweredKernel> groups(calls.size());
      for (auto [g, c] : llvm::enumerate(calls)) {
        LoweredKernel &kernel = groups[g];
        kernel.inputs = inputs;
        std::vector<HTensor> argTensors;
        for (Value operand : c.call.getOperands())
          argTensors.push_back(values.at(operand));
        std::vector<HTensor> results;
        const std::string callPrefix = c.callee.getSymName().str() + "_c" + std::to_string(g);
        GroupNameScope names(callPrefix + "_");
        if (failed(lowerGroupBody(c.callee, argTensors, kernel, c.requested, results)))
          return failure();
        for (auto [r, result] : llvm::enumerate(c.call.getResults())) {
          const HTensor &t = results[r];
          auto type = cast<RankedTensorType>(result.getType());
          const int rank = type.getRank();
          Halide::Func returned; // an output Func of this value, if any
          for (OpOperand &use : result.getUses()) {
            if (use.getOwner() != ret.getOperation())
              continue;
            unsigned i = use.getOperandNumber();
            Halide::Func out = resultFunc(resultName(func, i));
            out(halideVars(rank)) =
                narrowFromF32(halideTypeOf(type.getElementType()), t.func(halideVars(rank)), target);
            constrainOutput(out, type, &t, resultName(func, i), &kernel);
            outputs[i] = out;
            returned = out;
            kernel.outputs.push_back(out);
            kernel.outputTensors.push_back(t);
          }
          // A value a later group reads is materialized once, in f32: an f32
          // output already is that buffer (later groups read it rather than
          // computing the value a second time); otherwise an f32 intermediate.
          bool usedLater = llvm::any_of(result.getUsers(),
                                        [&](Operation *user) { return user != ret.getOperation(); });
          if (usedLater) {
            Halide::Func stored = returned;
            if (!stored.defined() || !type.getElementType().isF32()) {
              stored = Halide::Func(callPrefix + "_r" + std::to_string(r));
              stored(halideVars(rank)) = t.func(halideVars(rank));
              // An autoscheduler refuses Funcs that already have a schedule;
              // it places this one itself.
              if (emit.autoscheduler.empty())
                stored.compute_root();
              kernel.outputs.push_back(stored);
              kernel.outputTensors.push_back(t);
            }
            values[result] = HTensor{stored, t.shape, t.unit};
          }
        }
        if (kernel.outputs.empty())
          return c.call.emitOpError() << "computes nothing that is used";
        GroupRecord record;
        scheduleGroup(kernel, c, target, emit.autoscheduler, record);
        if (record.effective.streamingStores) {
          const char *why = nullptr;
          if (!emit.autoscheduler.empty())
            why = "an autoscheduler schedules the function";
          else if (target.arch != Halide::Target::X86 || target.has_gpu_feature())
            why = "x86 targets only";
          else if (!streamingStoresAvailable())
            why = "this normc was built without LLVM 14's opt and llc";
          if (why) {
            record.effective.streamingStores = false;
            record.notes.push_back(std::string("streaming_stores: false: ") + why);
          } else {
            // By identity, not by name (up to 6fd9581 by name, and
            // Halide's Func(name) had renamed the second function's
            // "result0" to "result0$1": its results kept plain stores).
            for (const Halide::Func &o : kernel.outputs)
              for (const Halide::Func &result : outputs)
                if (result.defined() && o.function().same_as(result.function()))
                  streamingResults.insert(o.name());
          }
        }
        if (recorded.insert(c.callee).second)
          records.push_back(record);
      }
      for (auto [i, out] : llvm::enumerate(outputs)) {
        if (out.defined())
          continue;
        Value value = ret.getOperand(i);
        if (auto arg = dyn_cast<BlockArgument>(value))
          return ret.emitOpError() << "returns argument #" << arg.getArgNumber()
                                   << " unchanged as result #" << i
                                   << "; normc kernels must compute every result";
        return ret.emitOpError() << "returns a value that no kernel group computes (result "
                                 << i << ")";
      }
      Halide::Pipeline pipeline(outputs);
      for (LoweredKernel &k : groups)
        addRequirements(pipeline, k);
      if (!emit.autoscheduler.empty())
        autoschedulePipeline(pipeline, emit.autoscheduler, inputs, func.getArgumentTypes(),
                             outputs, func.getResultTypes(), target);
      linked = pipeline.compile_to_module(args, name, target);
      addFloat16Conversions(linked, target);
    }

    std::map<Halide::OutputFileType, std::string> files;
    const std::string base = outDir + "/" + name;
    if (emit.library)
      files[Halide::OutputFileType::object] = base + ".o";
    if (emit.header)
      files[Halide::OutputFileType::c_header] = base + ".h";
    if (emit.stmt)
      files[Halide::OutputFileType::stmt] = base + ".stmt";
    if (emit.assembly)
      files[Halide::OutputFileType::assembly] = base + ".s";
    out.args = (separate ? wrapperModule : linked).get_function_by_name(name).args;
    if (!separate && !files.empty() && !streamingResults.empty() &&
        (emit.library || emit.assembly)) {
      std::string error;
      if (!compileWithStreamingStores(linked, files, streamingResults, error))
        return func.emitError() << "@" << func.getSymName() << ": streaming stores: " << error;
      if (emit.library)
        out.objects.push_back(base + ".o");
    } else if (!separate && !files.empty()) {
      linked.compile(files);
      if (emit.library)
        out.objects.push_back(base + ".o");
    }
    if (separate && !files.empty()) {
      // Two objects: the function (whose header is the library's) and the
      // groups and chunks it calls; stmt and assembly list the function
      // first.
      std::map<Halide::OutputFileType, std::string> top, inner;
      for (auto &[kind, path] : files) {
        if (kind == Halide::OutputFileType::object) {
          top[kind] = base + ".top.o";
          inner[kind] = base + ".groups.o";
        } else if (kind == Halide::OutputFileType::c_header) {
          top[kind] = path;
        } else {
          top[kind] = path;
          inner[kind] = path + ".groups";
        }
      }
      wrapperModule.compile(top);
      linked.compile(inner);
      if (emit.library)
        out.objects.insert(out.objects.end(), {base + ".top.o", base + ".groups.o"});
      for (auto &[kind, path] : inner)
        if (kind != Halide::OutputFileType::object) {
          std::ofstream os(files[kind], std::ios::app);
          std::ifstream in(path);
          os << "\n" << in.rdbuf();
          in.close();
          std::remove(path.c_str());
        }
    }
    if (emit.ptx) {
      // Halide 14 has no PTX output kind: the PTX text is the module's
      // "<api>_gpu_source_kernels" buffer, NUL-terminated.
      std::string ptx;
      for (const Halide::Buffer<> &buffer : linked.buffers())
        if (llvm::StringRef(buffer.name()).ends_with("_gpu_source_kernels")) {
          const char *text = reinterpret_cast<const char *>(buffer.data());
          ptx.assign(text, strnlen(text, buffer.size_in_bytes()));
        }
      if (ptx.empty())
        return func.emitError() << "@" << func.getSymName()
                                << " produced no PTX (is the target a CUDA one?)";
      std::ofstream os(base + ".ptx", std::ios::binary);
      os << ptx;
      if (!os)
        return func.emitError() << "cannot write " << base << ".ptx";
    }
    if (emit.header && !fixHeaderGuard(base + ".h", name))
      return func.emitError() << "cannot rewrite " << base << ".h";
    if (emit.schedule) {
      std::ofstream os(base + ".schedule.json");
      os << scheduleJson(name, targetInfo, separate ? "separate" : "inline", records);
      if (!os)
        return func.emitError() << "cannot write " << base << ".schedule.json";
    }
    return success();
  } catch (const Halide::Error &e) {
    std::string what = e.what();
    while (!what.empty() && (what.back() == '\n' || what.back() == ' '))
      what.pop_back();
    return func.emitError() << "Halide failed to compile @" << func.getSymName() << ": " << what;
  }
}

} // namespace normc
