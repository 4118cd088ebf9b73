//===- HalideGen.cpp - one kernel group -> one Halide AOT function --------===//
//
// Walks the single norm.kernel of a function: arguments become ImageParams
// (static dims are constrained, which specializes the code), each op is
// lowered by its algorithm builder, the yielded values become the pipeline's
// outputs, and the schedule for the target is applied. Every Halide exception
// is caught here and turned into an MLIR diagnostic.
//
//===----------------------------------------------------------------------===//
#include "HalideGen.h"

#include "Algorithm.h"
#include "Schedule.h"
#include "dialect/NormOps.h"

#include <cctype>
#include <fstream>
#include <set>
#include <sstream>

using namespace mlir;
using namespace normc::norm;

namespace normc {

namespace {

std::string argName(func::FuncOp func, unsigned i) {
  if (auto name = func.getArgAttrOfType<StringAttr>(i, "norm.name"))
    return name.str();
  return "arg" + std::to_string(i);
}

std::string resultName(func::FuncOp func, unsigned i) {
  if (auto name = func.getResultAttrOfType<StringAttr>(i, "norm.name"))
    return name.str();
  return "result" + std::to_string(i);
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

} // namespace

bool validateKnobOverrides(const std::string &spec, std::string &error) {
  CpuNormKnobs knobs;
  return applyKnobOverrides(knobs, spec, error);
}

LogicalResult compileKernelFunc(func::FuncOp func, const TargetInfo &targetInfo,
                                const std::string &outDir,
                                const KernelEmitOptions &emit) {
  // Kernel groups in execution order; constants (which canonicalization
  // hoists out of the groups) are shared by all of them.
  SmallVector<KernelOp> kernelOps;
  SmallVector<Operation *> constants;
  for (Operation &op : func.getBody().front()) {
    if (auto k = dyn_cast<KernelOp>(op))
      kernelOps.push_back(k);
    else if (op.getNumOperands() == 0 && op.hasTrait<OpTrait::ConstantLike>())
      constants.push_back(&op);
    else if (!isa<func::ReturnOp>(op))
      return op.emitOpError() << "lies outside a norm.kernel; run "
                                 "--norm-form-kernels before code generation";
  }
  if (kernelOps.empty())
    return func.emitError() << "@" << func.getSymName()
                            << " has no norm.kernel to compile";

  for (auto [i, type] : llvm::enumerate(func.getArgumentTypes()))
    if (failed(checkSupportedType(func, type, "argument " + argName(func, i))))
      return failure();
  for (auto [i, type] : llvm::enumerate(func.getResultTypes()))
    if (failed(checkSupportedType(func, type, "result " + resultName(func, i))))
      return failure();

  // Argument and result names become C parameter names and metadata keys.
  std::set<std::string> names;
  auto checkName = [&](const std::string &n, const char *what,
                       unsigned i) -> LogicalResult {
    bool ident = !n.empty() && (std::isalpha(static_cast<unsigned char>(n[0])) || n[0] == '_');
    for (char ch : n)
      ident = ident && (std::isalnum(static_cast<unsigned char>(ch)) || ch == '_');
    if (!ident)
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

  const std::string name = func.getSymName().str();
  try {
    Halide::Target target = Halide::Target(targetInfo.canonical)
                                .with_feature(Halide::Target::UserContext)
                                .with_feature(Halide::Target::NoRuntime);
    llvm::DenseMap<Value, HTensor> values;
    std::vector<Halide::Argument> args;
    std::vector<Halide::ImageParam> inputs;

    for (auto [i, arg] : llvm::enumerate(func.getArguments())) {
      auto type = cast<RankedTensorType>(arg.getType());
      const int rank = type.getRank();
      Halide::ImageParam param(halideTypeOf(type.getElementType()), rank,
                               argName(func, i));
      HTensor t;
      t.func = Halide::Func(argName(func, i) + "_in");
      // Everything inside the kernel is computed in f32 (f16/bf16 storage).
      t.func(halideVars(rank)) = Halide::cast<float>(param(halideVars(rank)));
      for (int d = 0; d < rank; ++d) {
        int64_t size = type.getDimSize(d);
        constrainDim(param.dim(rank - 1 - d), rank - 1 - d, size);
        t.shape.push_back(ShapedType::isDynamic(size)
                              ? param.dim(rank - 1 - d).extent()
                              : Halide::Expr(static_cast<int>(size)));
        t.unit.push_back(size == 1);
      }
      inputs.push_back(param);
      args.push_back(param);
      values[arg] = t;
    }

    CpuNormKnobs defaults = defaultCpuKnobs(target);
    std::string knobError;
    if (!applyKnobOverrides(defaults, emit.knobOverrides, knobError))
      return func.emitError() << knobError;

    // Constants hoisted out of the groups: inlined wherever they are used.
    LoweredKernel shared;
    for (Operation *op : constants)
      if (llvm::any_of(op->getResultTypes(), [](Type t) { return isa<TensorType>(t); }) &&
          !lowerOp(op, values, shared, defaults.stats))
        return failure();

    auto ret = cast<func::ReturnOp>(func.getBody().front().getTerminator());
    std::vector<Halide::Func> outputs(ret.getNumOperands());
    std::vector<LoweredKernel> groups(kernelOps.size());
    std::vector<CpuNormKnobs> groupKnobs(kernelOps.size(), defaults);
    for (auto [g, kernelOp] : llvm::enumerate(kernelOps)) {
      LoweredKernel &kernel = groups[g];
      kernel.inputs = inputs;
      for (Operation &op : kernelOp.getBody().front().without_terminator()) {
        bool producesTensors = llvm::any_of(
            op.getResultTypes(), [](Type t) { return isa<TensorType>(t); });
        if (!producesTensors)
          continue; // index arithmetic feeding reshapes: shapes are tracked here
        if (!lowerOp(&op, values, kernel, defaults.stats))
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

      auto yield = cast<YieldOp>(kernelOp.getBody().front().getTerminator());
      for (auto [r, result] : llvm::enumerate(kernelOp.getResults())) {
        Value yielded = yield.getValues()[r];
        if (isa<BlockArgument>(yielded))
          return yield.emitOpError() << "yields argument #"
                                     << cast<BlockArgument>(yielded).getArgNumber()
                                     << " unchanged; normc kernels must compute "
                                        "every result";
        const HTensor &t = values.at(yielded);
        auto type = cast<RankedTensorType>(result.getType());
        const int rank = type.getRank();
        Halide::Func returned; // an output Func of this value, if any
        for (OpOperand &use : result.getUses()) {
          if (use.getOwner() != ret.getOperation())
            continue;
          unsigned i = use.getOperandNumber();
          Halide::Func out(resultName(func, i));
          out(halideVars(rank)) = Halide::cast(halideTypeOf(type.getElementType()),
                                               t.func(halideVars(rank)));
          for (int d = 0; d < rank; ++d) {
            auto dim = out.output_buffer().dim(rank - 1 - d);
            constrainDim(dim, rank - 1 - d, type.getDimSize(d));
            if (ShapedType::isDynamic(type.getDimSize(d)))
              requireEqual(kernel, dim.extent(), t.shape[d],
                           {"shape mismatch: dimension " + std::to_string(d) +
                                " of output " + resultName(func, i) + " is",
                            dim.extent(), std::string("but the computed value's is"),
                            t.shape[d]});
          }
          outputs[i] = out;
          returned = out;
          kernel.outputs.push_back(out);
          kernel.outputTensors.push_back(t);
        }
        // A value a later group reads is materialized once, in f32: an f32
        // output already is that buffer (later groups read it rather than
        // computing the value a second time); otherwise an f32 intermediate.
        bool usedLater = llvm::any_of(result.getUsers(), [&](Operation *user) {
          return user != ret.getOperation();
        });
        if (usedLater) {
          Halide::Func stored = returned;
          if (!stored.defined() || !type.getElementType().isF32()) {
            stored = Halide::Func(kernelOp.getGroupName().str() + "_r" + std::to_string(r));
            stored(halideVars(rank)) = t.func(halideVars(rank));
            stored.compute_root();
            kernel.outputs.push_back(stored);
            kernel.outputTensors.push_back(t);
          }
          values[result] = HTensor{stored, t.shape, t.unit};
        }
      }
      if (kernel.outputs.empty())
        return kernelOp.emitOpError() << "computes nothing that is used";
      if (!applyConvSchedule(kernel, groupKnobs[g]))
        applyCpuSchedule(kernel, groupKnobs[g]);
    }
    for (auto [i, out] : llvm::enumerate(outputs)) {
      if (out.defined())
        continue;
      Value value = ret.getOperand(i);
      if (auto arg = dyn_cast<BlockArgument>(value))
        return ret.emitOpError() << "returns argument #" << arg.getArgNumber()
                                 << " unchanged as result #" << i
                                 << "; normc kernels must compute every result";
      return ret.emitOpError() << "returns a value that no kernel group "
                                  "computes (result "
                               << i << ")";
    }
    CpuNormKnobs knobs = groupKnobs[0];

    Halide::Pipeline pipeline(outputs);
    groups.push_back(std::move(shared));
    for (LoweredKernel &k : groups)
      for (auto &[condition, message] : k.requirements)
        pipeline.add_requirement(condition, message);

    std::map<Halide::OutputFileType, std::string> files;
    const std::string base = outDir + "/" + name;
    if (emit.library)
      files[Halide::OutputFileType::static_library] = base + ".a";
    if (emit.header)
      files[Halide::OutputFileType::c_header] = base + ".h";
    if (emit.stmt)
      files[Halide::OutputFileType::stmt] = base + ".stmt";
    if (emit.assembly)
      files[Halide::OutputFileType::assembly] = base + ".s";
    if (!files.empty())
      pipeline.compile_to(files, args, name, target);
    if (emit.header && !fixHeaderGuard(base + ".h", name))
      return func.emitError() << "cannot rewrite " << base << ".h";
    if (emit.schedule) {
      std::ofstream os(base + ".schedule.json");
      os << "{\"function\": \"" << name << "\", \"target\": \""
         << targetInfo.canonical << "\", \"knobs\": " << knobs.toJson();
      if (kernelOps.size() > 1) {
        os << ", \"groups\": [";
        for (auto [g, kernelOp] : llvm::enumerate(kernelOps))
          os << (g ? ", " : "") << "{\"name\": \"" << kernelOp.getGroupName().str()
             << "\", \"knobs\": " << groupKnobs[g].toJson() << "}";
        os << "]";
      }
      os << "}\n";
      if (!os)
        return func.emitError() << "cannot write " << base << ".schedule.json";
    }
    return success();
  } catch (const Halide::Error &e) {
    std::string what = e.what();
    while (!what.empty() && (what.back() == '\n' || what.back() == ' '))
      what.pop_back();
    return func.emitError() << "Halide failed to compile @" << name << ": "
                            << what;
  }
}

} // namespace normc
