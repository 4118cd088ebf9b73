// Tests for normrt_kernel.h against hand-written fake kernels.
//
// Each fake kernel is a static halide_filter_metadata_t plus an argv function,
// laid out the way Halide 14 emits them for a pipeline compiled with the
// user_context feature: a handle scalar "__user_context" whose argv slot
// points at the context, and one halide_buffer_t * per buffer slot with
// Halide's dimension 0 innermost.
#include <gtest/gtest.h>

#include <atomic>
#include <cstdint>
#include <cstring>
#include <initializer_list>
#include <string>
#include <thread>
#include <vector>

#include "HalideRuntime.h"
#include "normrt.h"

namespace {

// ------------------------------------------------------------ metadata kit

halide_filter_argument_t Arg(const char *name, int32_t kind, int32_t dims,
                             halide_type_t type,
                             const int64_t *const *estimates = nullptr) {
  halide_filter_argument_t a{};
  a.name = name;
  a.kind = kind;
  a.dimensions = dims;
  a.type = type;
  a.buffer_estimates = estimates;
  return a;
}

halide_filter_argument_t UserContextArg() {
  return Arg("__user_context", halide_argument_kind_input_scalar, 0,
             halide_type_t(halide_type_handle, 64));
}

const halide_type_t kF32(halide_type_float, 32);

halide_filter_metadata_t Metadata(const halide_filter_argument_t *args,
                                  int32_t n, const char *name,
                                  int32_t version = 1) {
  halide_filter_metadata_t md{};
  md.version = version;
  md.num_arguments = n;
  md.arguments = args;
  md.target = "x86-64-linux-user_context";
  md.name = name;
  return md;
}

// (min, extent) estimate pointers per Halide dimension (w, h, c, n): W is
// static 13 and C static 3; H and N are dynamic.
const int64_t kZero = 0;
const int64_t kW = 13;
const int64_t kC = 3;
const int64_t *const kNchwEstimates[8] = {&kZero, &kW, &kZero,  nullptr,
                                          &kZero, &kC, nullptr, nullptr};
// An estimates array whose extents are all unknown.
const int64_t *const kDynamic2d[4] = {&kZero, nullptr, nullptr, nullptr};

// -------------------------------------------------- what a fake kernel saw

// Kernel invocations; atomic because some tests call from several threads.
std::atomic<int> g_calls{0};

struct Received {
  void *user_context = nullptr;
  halide_buffer_t buffers[2];
  halide_dimension_t dims[2][8];
};
Received g_received;

void RecordBuffer(int i, const halide_buffer_t *b) {
  g_received.buffers[i] = *b;
  for (int d = 0; d < b->dimensions; ++d) g_received.dims[i][d] = b->dim[d];
}

// Copies a rank-4 f32 buffer using Halide's view of both buffers.
void Copy4d(const halide_buffer_t *in, const halide_buffer_t *out) {
  const float *src = reinterpret_cast<const float *>(in->host);
  float *dst = reinterpret_cast<float *>(out->host);
  const halide_dimension_t *i = in->dim;
  const halide_dimension_t *o = out->dim;
  for (int n = 0; n < o[3].extent; ++n)
    for (int c = 0; c < o[2].extent; ++c)
      for (int h = 0; h < o[1].extent; ++h)
        for (int w = 0; w < o[0].extent; ++w)
          dst[w * o[0].stride + h * o[1].stride + c * o[2].stride +
              n * o[3].stride] = src[w * i[0].stride + h * i[1].stride +
                                     c * i[2].stride + n * i[3].stride];
}

// Halide's bounds-query mode: a buffer with neither host nor device memory.
// normrt queries every kernel before calling it; like a Halide pipeline, a
// fake answers by leaving in each input the region it reads (fake_copy: x
// over y's region; the others: the whole tensor, the dims normrt passed) and
// touches no memory.
bool IsBoundsQuery(void *slot) {
  auto *b = static_cast<halide_buffer_t *>(slot);
  return b->host == nullptr && b->device == 0;
}

}  // namespace

// fake_copy: y = x, both f32 NCHW with static W = 13 and C = 3. Declared the
// way normc's generated header declares a kernel so NORMRT_KERNEL applies.
extern "C" int fake_copy_argv(void **args) {
  if (IsBoundsQuery(args[1])) {
    // Like Halide: x is read over y's region.
    auto *x = static_cast<halide_buffer_t *>(args[1]);
    const auto *y = static_cast<const halide_buffer_t *>(args[2]);
    for (int d = 0; d < x->dimensions && d < y->dimensions; ++d) {
      x->dim[d].min = y->dim[d].min;
      x->dim[d].extent = y->dim[d].extent;
    }
    return 0;
  }
  ++g_calls;
  g_received.user_context = *static_cast<void **>(args[0]);
  auto *x = static_cast<halide_buffer_t *>(args[1]);
  auto *y = static_cast<halide_buffer_t *>(args[2]);
  RecordBuffer(0, x);
  RecordBuffer(1, y);
  Copy4d(x, y);
  return 0;
}

extern "C" const halide_filter_metadata_t *fake_copy_metadata() {
  static const halide_filter_argument_t args[] = {
      UserContextArg(),
      Arg("x", halide_argument_kind_input_buffer, 4, kF32, kNchwEstimates),
      Arg("y", halide_argument_kind_output_buffer, 4, kF32, kNchwEstimates)};
  static const halide_filter_metadata_t md = Metadata(args, 3, "fake_copy");
  return &md;
}

// normc's table of fake_copy, as the generated header defines it: the same
// static extents as the metadata's estimates.
static inline const normrt_kernel_info_t *fake_copy_kernel_info(void) {
  static const int64_t extents[] = {-1, 3, -1, 13};
  static const normrt_arg_info_t args[] = {{"x", 0, NORMRT_DTYPE_F32, 4, extents},
                                           {"y", 1, NORMRT_DTYPE_F32, 4, extents}};
  static const normrt_kernel_info_t info = {"fake_copy", "host", 2, args};
  return &info;
}

namespace {

const normrt_kernel_t kCopy = NORMRT_KERNEL(fake_copy);
// The same kernel without normc's table (a hand-written Halide pipeline):
// checked against the metadata alone.
const normrt_kernel_t kCopyNoTable = {"fake_copy", fake_copy_argv, fake_copy_metadata, nullptr};

// fake_fail: same signature as fake_copy; reports what the test asks for.
struct FailPlan {
  int code = halide_error_code_access_out_of_bounds;
  std::vector<std::string> messages;
  bool from_worker_thread = false;
};
thread_local FailPlan t_fail_plan;

int FakeFailArgv(void **args) {
  if (IsBoundsQuery(args[1])) return 0;
  ++g_calls;
  void *uc = *static_cast<void **>(args[0]);
  const FailPlan plan = t_fail_plan;
  auto report = [uc, &plan] {
    for (const std::string &m : plan.messages) halide_error(uc, m.c_str());
  };
  if (plan.from_worker_thread) {
    std::thread worker(report);
    worker.join();
  } else {
    report();
  }
  return plan.code;
}

const normrt_kernel_t kFail = {"fake_fail", FakeFailArgv, fake_copy_metadata, nullptr};

// fake_dyn: b = a for rank-2 f32, no static extents, and __user_context in
// the middle of the argument list (argv slots follow metadata order).
const halide_filter_metadata_t *FakeDynMetadata() {
  static const halide_filter_argument_t args[] = {
      Arg("a", halide_argument_kind_input_buffer, 2, kF32), UserContextArg(),
      Arg("b", halide_argument_kind_output_buffer, 2, kF32, kDynamic2d)};
  static const halide_filter_metadata_t md = Metadata(args, 3, "fake_dyn");
  return &md;
}

int FakeDynArgv(void **args) {
  if (IsBoundsQuery(args[0])) return 0;
  ++g_calls;
  RecordBuffer(0, static_cast<halide_buffer_t *>(args[0]));
  g_received.user_context = *static_cast<void **>(args[1]);
  RecordBuffer(1, static_cast<halide_buffer_t *>(args[2]));
  return 0;
}

const normrt_kernel_t kDyn = {"fake_dyn", FakeDynArgv, FakeDynMetadata, nullptr};

// fake_dyn's code with tables that say more than, or contradict, its
// metadata: the table is what calls are checked against.
const int64_t kStatic4x6[] = {4, 6};
const int64_t kAny2d[] = {-1, -1};
const normrt_kernel_info_t *StaticTableInfo() {
  static const normrt_arg_info_t args[] = {{"input", 0, NORMRT_DTYPE_F32, 2, kStatic4x6},
                                           {"output", 1, NORMRT_DTYPE_F32, 2, kAny2d}};
  static const normrt_kernel_info_t info = {"dyn_with_table", "host", 2, args};
  return &info;
}
const normrt_kernel_info_t *WrongRankTableInfo() {
  static const normrt_arg_info_t args[] = {{"input", 0, NORMRT_DTYPE_F32, 3, kStatic4x6},
                                           {"output", 1, NORMRT_DTYPE_F32, 2, kAny2d}};
  static const normrt_kernel_info_t info = {"dyn_with_table", "host", 2, args};
  return &info;
}
const normrt_kernel_info_t *WrongCountTableInfo() {
  static const normrt_arg_info_t args[] = {{"input", 0, NORMRT_DTYPE_F32, 2, kAny2d}};
  static const normrt_kernel_info_t info = {"dyn_with_table", "host", 1, args};
  return &info;
}
const normrt_kernel_t kDynStaticTable = {"dyn_with_table", FakeDynArgv, FakeDynMetadata,
                                         StaticTableInfo};
const normrt_kernel_t kDynWrongRank = {"dyn_with_table", FakeDynArgv, FakeDynMetadata,
                                       WrongRankTableInfo};
const normrt_kernel_t kDynWrongCount = {"dyn_with_table", FakeDynArgv, FakeDynMetadata,
                                        WrongCountTableInfo};

// fake_reads_more: b(i) = a(i) + a(i + 1), rank-1 f32 with dynamic extents
// and no checks of its own (like a kernel built without assertions). Its
// bounds query is all that says it reads one element past b's extent of a.
const halide_filter_metadata_t *FakeReadsMoreMetadata() {
  static const halide_filter_argument_t args[] = {
      UserContextArg(), Arg("a", halide_argument_kind_input_buffer, 1, kF32),
      Arg("b", halide_argument_kind_output_buffer, 1, kF32)};
  static const halide_filter_metadata_t md = Metadata(args, 3, "fake_reads_more");
  return &md;
}

int FakeReadsMoreArgv(void **args) {
  auto *a = static_cast<halide_buffer_t *>(args[1]);
  auto *b = static_cast<halide_buffer_t *>(args[2]);
  if (IsBoundsQuery(a)) {
    a->dim[0].min = b->dim[0].min;
    a->dim[0].extent = b->dim[0].extent + 1;
    return 0;
  }
  ++g_calls;
  const float *in = reinterpret_cast<const float *>(a->host);
  float *out = reinterpret_cast<float *>(b->host);
  for (int i = 0; i < b->dim[0].extent; ++i) out[i] = in[i] + in[i + 1];
  return 0;
}

const normrt_kernel_t kReadsMore = {"fake_reads_more", FakeReadsMoreArgv,
                                    FakeReadsMoreMetadata, nullptr};

int NeverCalledArgv(void **) {
  // (Kernels whose metadata normrt rejects are not even bounds-queried.)
  ++g_calls;
  return 0;
}

// Kernels normrt must refuse to call.
const halide_filter_metadata_t *ScalarParamMetadata() {
  static const halide_filter_argument_t args[] = {
      UserContextArg(), Arg("x", halide_argument_kind_input_buffer, 1, kF32),
      Arg("eps", halide_argument_kind_input_scalar, 0, kF32),
      Arg("y", halide_argument_kind_output_buffer, 1, kF32)};
  static const halide_filter_metadata_t md = Metadata(args, 4, "with_eps");
  return &md;
}

const halide_filter_metadata_t *NoUserContextMetadata() {
  static const halide_filter_argument_t args[] = {
      Arg("x", halide_argument_kind_input_buffer, 1, kF32),
      Arg("y", halide_argument_kind_output_buffer, 1, kF32)};
  static const halide_filter_metadata_t md = Metadata(args, 2, "no_uc");
  return &md;
}

const halide_filter_metadata_t *OldVersionMetadata() {
  static const halide_filter_argument_t args[] = {UserContextArg()};
  static const halide_filter_metadata_t md = Metadata(args, 1, "old", 0);
  return &md;
}

const halide_filter_metadata_t *NullMetadata() { return nullptr; }

const halide_filter_metadata_t *RankNineMetadata() {
  static const halide_filter_argument_t args[] = {
      UserContextArg(), Arg("x", halide_argument_kind_input_buffer, 9, kF32)};
  static const halide_filter_metadata_t md = Metadata(args, 2, "rank9");
  return &md;
}

const halide_filter_metadata_t *Uint16Metadata() {
  static const halide_filter_argument_t args[] = {
      UserContextArg(),
      Arg("x", halide_argument_kind_input_buffer, 1,
          halide_type_t(halide_type_uint, 16)),
      Arg("y", halide_argument_kind_output_buffer, 1, kF32)};
  static const halide_filter_metadata_t md = Metadata(args, 3, "u16");
  return &md;
}

const halide_filter_metadata_t *TooManyBuffersMetadata() {
  static const std::vector<halide_filter_argument_t> args = [] {
    static std::string names[NORMRT_MAX_KERNEL_ARGS + 1];
    std::vector<halide_filter_argument_t> v = {UserContextArg()};
    for (int i = 0; i <= NORMRT_MAX_KERNEL_ARGS; ++i) {
      names[i] = "in" + std::to_string(i);
      v.push_back(
          Arg(names[i].c_str(), halide_argument_kind_input_buffer, 1, kF32));
    }
    return v;
  }();
  static const halide_filter_metadata_t md =
      Metadata(args.data(), static_cast<int32_t>(args.size()), "many");
  return &md;
}

const halide_filter_metadata_t *TwoUserContextsMetadata() {
  static const halide_filter_argument_t args[] = {UserContextArg(),
                                                  UserContextArg()};
  static const halide_filter_metadata_t md = Metadata(args, 2, "two_uc");
  return &md;
}

// -------------------------------------------------------------- test utils

std::string LastError() { return normrt_last_error(); }

normrt_tensor_t Tensor(void *data, std::initializer_list<int64_t> shape,
                       const int64_t *strides = nullptr,
                       normrt_dtype_t dtype = NORMRT_DTYPE_F32) {
  normrt_tensor_t t;
  EXPECT_EQ(
      normrt_tensor_init(&t, data, dtype, static_cast<int32_t>(shape.size()),
                         shape.begin(), strides),
      NORMRT_STATUS_OK)
      << LastError();
  return t;
}

class KernelCallTest : public ::testing::Test {
 protected:
  void SetUp() override {
    g_received = Received();
    g_calls = 0;
    x_data_.resize(2 * 3 * 5 * 13);
    for (size_t i = 0; i < x_data_.size(); ++i) x_data_[i] = float(i) + 0.5f;
    y_data_.assign(x_data_.size(), -1.0f);
    x_ = Tensor(x_data_.data(), {2, 3, 5, 13});
    y_ = Tensor(y_data_.data(), {2, 3, 5, 13});
  }

  normrt_status_t Call(const normrt_kernel_t *k = &kCopy) {
    const normrt_tensor_t *args[] = {&x_, &y_};
    return normrt_kernel_call(k, args, 2);
  }

  // Expects the call to fail validation: `status`, a message containing
  // `part`, and the kernel never invoked.
  void ExpectRejected(normrt_status_t status, const std::string &part,
                      const normrt_kernel_t *k = &kCopy) {
    const int calls_before = g_calls.load();
    EXPECT_EQ(Call(k), status) << LastError();
    EXPECT_NE(LastError().find(part), std::string::npos)
        << "'" << LastError() << "' lacks '" << part << "'";
    EXPECT_EQ(g_calls.load(), calls_before) << "kernel ran anyway";
  }

  std::vector<float> x_data_, y_data_;
  normrt_tensor_t x_{}, y_{};
};

// ------------------------------------------------------------- happy path

TEST_F(KernelCallTest, PassesReversedDimsAndUserContext) {
  ASSERT_EQ(Call(), NORMRT_STATUS_OK) << LastError();
  ASSERT_EQ(g_calls.load(), 1);
  EXPECT_NE(g_received.user_context, nullptr);

  const halide_buffer_t &x = g_received.buffers[0];
  EXPECT_EQ(x.host, reinterpret_cast<uint8_t *>(x_data_.data()));
  EXPECT_EQ(x.type.code, halide_type_float);
  EXPECT_EQ(x.type.bits, 32);
  EXPECT_EQ(x.type.lanes, 1);
  EXPECT_EQ(x.dimensions, 4);
  EXPECT_EQ(x.device, 0u);
  EXPECT_EQ(x.device_interface, nullptr);
  // Halide dim 0 is W (innermost), dim 3 is N.
  const int32_t extents[4] = {13, 5, 3, 2};
  const int32_t strides[4] = {1, 13, 65, 195};
  for (int d = 0; d < 4; ++d) {
    EXPECT_EQ(g_received.dims[0][d].min, 0) << d;
    EXPECT_EQ(g_received.dims[0][d].extent, extents[d]) << d;
    EXPECT_EQ(g_received.dims[0][d].stride, strides[d]) << d;
  }
  EXPECT_EQ(g_received.buffers[1].host,
            reinterpret_cast<uint8_t *>(y_data_.data()));
  EXPECT_EQ(y_data_, x_data_);
}

TEST_F(KernelCallTest, StridedInputIsReadThroughItsStrides) {
  // W padded from 13 to 16.
  const int64_t padded[4] = {3 * 5 * 16, 5 * 16, 16, 1};
  std::vector<float> storage(2 * 3 * 5 * 16, 0.0f);
  x_ = Tensor(storage.data(), {2, 3, 5, 13}, padded);
  for (int n = 0; n < 2; ++n)
    for (int c = 0; c < 3; ++c)
      for (int h = 0; h < 5; ++h)
        for (int w = 0; w < 13; ++w)
          storage[n * padded[0] + c * padded[1] + h * padded[2] + w] =
              float(((n * 3 + c) * 5 + h) * 13 + w);

  ASSERT_EQ(Call(), NORMRT_STATUS_OK) << LastError();
  EXPECT_EQ(g_received.dims[0][1].stride, 16);
  EXPECT_EQ(g_received.dims[0][2].stride, 80);
  EXPECT_EQ(g_received.dims[0][3].stride, 240);
  for (size_t i = 0; i < y_data_.size(); ++i) {
    ASSERT_EQ(y_data_[i], float(i)) << "element " << i;
  }
}

TEST_F(KernelCallTest, DynamicDimsAcceptAnyExtent) {
  x_data_.resize(7 * 3 * 11 * 13);
  y_data_.resize(x_data_.size());
  x_ = Tensor(x_data_.data(), {7, 3, 11, 13});
  y_ = Tensor(y_data_.data(), {7, 3, 11, 13});
  ASSERT_EQ(Call(), NORMRT_STATUS_OK) << LastError();
  EXPECT_EQ(g_received.dims[0][1].extent, 11);
  EXPECT_EQ(g_received.dims[0][3].extent, 7);
}

TEST_F(KernelCallTest, UserContextSlotFollowsMetadataOrder) {
  float a[6] = {0}, b[6] = {0};
  normrt_tensor_t ta = Tensor(a, {2, 3});
  normrt_tensor_t tb = Tensor(b, {2, 3});
  const normrt_tensor_t *args[] = {&ta, &tb};
  ASSERT_EQ(normrt_kernel_call(&kDyn, args, 2), NORMRT_STATUS_OK)
      << LastError();
  EXPECT_NE(g_received.user_context, nullptr);
  EXPECT_EQ(g_received.buffers[0].host, reinterpret_cast<uint8_t *>(a));
  EXPECT_EQ(g_received.buffers[1].host, reinterpret_cast<uint8_t *>(b));
  EXPECT_EQ(g_received.dims[0][0].extent, 3);
  EXPECT_EQ(g_received.dims[0][1].extent, 2);
  EXPECT_EQ(g_received.dims[0][1].stride, 3);
}

TEST_F(KernelCallTest, StrideOfUnitInnermostDimIsNotChecked) {
  float a[4] = {0}, b[4] = {0};
  const int64_t odd[2] = {1, 7};
  normrt_tensor_t ta = Tensor(a, {4, 1}, odd);
  normrt_tensor_t tb = Tensor(b, {4, 1});
  const normrt_tensor_t *args[] = {&ta, &tb};
  ASSERT_EQ(normrt_kernel_call(&kDyn, args, 2), NORMRT_STATUS_OK)
      << LastError();
  EXPECT_EQ(g_received.dims[0][0].extent, 1);
  EXPECT_EQ(g_received.dims[0][0].stride, 1);
  EXPECT_EQ(g_received.dims[0][1].stride, 1);
}

// --------------------------------------------------------------- validation

TEST_F(KernelCallTest, NullKernel) {
  const normrt_tensor_t *args[] = {&x_, &y_};
  EXPECT_EQ(normrt_kernel_call(nullptr, args, 2),
            NORMRT_STATUS_INVALID_ARGUMENT);
  EXPECT_EQ(LastError(), "normrt_kernel_call: kernel is NULL");
}

TEST_F(KernelCallTest, KernelWithoutEntryPoints) {
  const normrt_kernel_t no_argv = {"k", nullptr, fake_copy_metadata, nullptr};
  ExpectRejected(NORMRT_STATUS_INVALID_ARGUMENT,
                 "kernel 'k' has no argv function", &no_argv);
  const normrt_kernel_t no_metadata = {nullptr, fake_copy_argv, nullptr, nullptr};
  ExpectRejected(NORMRT_STATUS_INVALID_ARGUMENT,
                 "kernel '<unnamed>' has no metadata function", &no_metadata);
}

TEST_F(KernelCallTest, UnusableMetadata) {
  const normrt_kernel_t null_md = {"nullmd", NeverCalledArgv, NullMetadata, nullptr};
  ExpectRejected(NORMRT_STATUS_INVALID_ARGUMENT,
                 "kernel 'nullmd': metadata function returned NULL", &null_md);
  const normrt_kernel_t old = {"old", NeverCalledArgv, OldVersionMetadata, nullptr};
  ExpectRejected(NORMRT_STATUS_INVALID_ARGUMENT, "metadata version", &old);
  const normrt_kernel_t rank9 = {"rank9", NeverCalledArgv, RankNineMetadata, nullptr};
  ExpectRejected(NORMRT_STATUS_INVALID_ARGUMENT,
                 "kernel 'rank9' argument 'x' has rank 9", &rank9);
}

TEST_F(KernelCallTest, ArgumentListLimits) {
  const normrt_kernel_t many = {"many", NeverCalledArgv, TooManyBuffersMetadata, nullptr};
  ExpectRejected(NORMRT_STATUS_INVALID_ARGUMENT,
                 "kernel 'many' has " + std::to_string(NORMRT_MAX_KERNEL_ARGS + 1) +
                     " buffer arguments; normrt supports at most " +
                     std::to_string(NORMRT_MAX_KERNEL_ARGS),
                 &many);
  const normrt_kernel_t two = {"two_uc", NeverCalledArgv, TwoUserContextsMetadata, nullptr};
  ExpectRejected(NORMRT_STATUS_INVALID_ARGUMENT,
                 "kernel 'two_uc' lists __user_context more than once", &two);
}

TEST_F(KernelCallTest, ScalarParametersAreUnsupported) {
  const normrt_kernel_t k = {"with_eps", NeverCalledArgv, ScalarParamMetadata, nullptr};
  ExpectRejected(NORMRT_STATUS_INVALID_ARGUMENT,
                 "kernel 'with_eps' argument 'eps' is a scalar parameter", &k);
  EXPECT_NE(LastError().find("kernel has scalar parameters, unsupported"),
            std::string::npos);
  EXPECT_EQ(normrt_kernel_num_args(&k), -1);
}

TEST_F(KernelCallTest, KernelsNeedUserContext) {
  const normrt_kernel_t k = {"no_uc", NeverCalledArgv, NoUserContextMetadata, nullptr};
  ExpectRejected(NORMRT_STATUS_INVALID_ARGUMENT,
                 "kernel 'no_uc' has no __user_context argument", &k);
}

TEST_F(KernelCallTest, NullArgs) {
  const int calls_before = g_calls.load();
  EXPECT_EQ(normrt_kernel_call(&kCopy, nullptr, 2),
            NORMRT_STATUS_INVALID_ARGUMENT);
  EXPECT_EQ(LastError(), "kernel 'fake_copy': args is NULL");
  EXPECT_EQ(normrt_kernel_call(&kCopy, nullptr, 0),
            NORMRT_STATUS_INVALID_ARGUMENT);
  EXPECT_EQ(LastError(),
            "kernel 'fake_copy' expects 2 tensor arguments, got 0");
  EXPECT_EQ(g_calls.load(), calls_before);
}

TEST_F(KernelCallTest, WrongArgumentCount) {
  const normrt_tensor_t *args[] = {&x_, &y_, &y_};
  EXPECT_EQ(normrt_kernel_call(&kCopy, args, 1),
            NORMRT_STATUS_INVALID_ARGUMENT);
  EXPECT_EQ(LastError(),
            "kernel 'fake_copy' expects 2 tensor arguments, got 1");
  EXPECT_EQ(normrt_kernel_call(&kCopy, args, 3),
            NORMRT_STATUS_INVALID_ARGUMENT);
  EXPECT_EQ(normrt_kernel_call(&kCopy, args, -1),
            NORMRT_STATUS_INVALID_ARGUMENT);
  EXPECT_EQ(g_calls.load(), 0);
}

TEST_F(KernelCallTest, NullTensor) {
  const normrt_tensor_t *args[] = {&x_, nullptr};
  EXPECT_EQ(normrt_kernel_call(&kCopy, args, 2),
            NORMRT_STATUS_INVALID_ARGUMENT);
  EXPECT_EQ(LastError(),
            "kernel 'fake_copy' argument 'y' (args[1]): tensor is NULL");
  EXPECT_EQ(g_calls.load(), 0);
}

TEST_F(KernelCallTest, NullData) {
  x_.data = nullptr;
  ExpectRejected(NORMRT_STATUS_INVALID_ARGUMENT,
                 "kernel 'fake_copy' argument 'x' (args[0]): data is NULL");
}

TEST_F(KernelCallTest, MalformedTensor) {
  y_.dtype = static_cast<normrt_dtype_t>(99);
  ExpectRejected(NORMRT_STATUS_INVALID_ARGUMENT,
                 "kernel 'fake_copy' argument 'y': invalid dtype 99");
  y_ = x_;
  y_.rank = 12;
  ExpectRejected(NORMRT_STATUS_INVALID_ARGUMENT,
                 "kernel 'fake_copy' argument 'y': invalid rank 12");
  y_ = x_;
  y_.shape[2] = -5;
  ExpectRejected(NORMRT_STATUS_INVALID_ARGUMENT,
                 "kernel 'fake_copy' argument 'y' dim 2: negative extent -5");
}

TEST_F(KernelCallTest, DtypeMismatch) {
  x_.dtype = NORMRT_DTYPE_F16;
  ExpectRejected(NORMRT_STATUS_DTYPE_MISMATCH,
                 "kernel 'fake_copy' argument 'x': expected f32, got f16");
  EXPECT_EQ(LastError(),
            "kernel 'fake_copy' argument 'x': expected f32, got f16");
  x_.dtype = NORMRT_DTYPE_F32;
  y_.dtype = NORMRT_DTYPE_BF16;
  ExpectRejected(NORMRT_STATUS_DTYPE_MISMATCH,
                 "kernel 'fake_copy' argument 'y': expected f32, got bf16");
}

TEST_F(KernelCallTest, UnsupportedKernelElementType) {
  const normrt_kernel_t k = {"u16", NeverCalledArgv, Uint16Metadata, nullptr};
  uint8_t bytes[4] = {0};
  float out[4] = {0};
  normrt_tensor_t tx = Tensor(bytes, {4}, nullptr, NORMRT_DTYPE_U8);
  normrt_tensor_t ty = Tensor(out, {4});
  const normrt_tensor_t *args[] = {&tx, &ty};
  EXPECT_EQ(normrt_kernel_call(&k, args, 2), NORMRT_STATUS_DTYPE_MISMATCH);
  EXPECT_EQ(LastError(), "kernel 'u16' argument 'x': expected uint16, got u8");
  EXPECT_EQ(g_calls.load(), 0);
}

TEST_F(KernelCallTest, RankMismatch) {
  x_ = Tensor(x_data_.data(), {6, 5, 13});
  ExpectRejected(NORMRT_STATUS_SHAPE_MISMATCH,
                 "kernel 'fake_copy' argument 'x': expected rank 4, got 3");
}

TEST_F(KernelCallTest, StaticExtentMismatchNamesTensorDim) {
  x_ = Tensor(x_data_.data(), {2, 3, 5, 12});
  ExpectRejected(NORMRT_STATUS_SHAPE_MISMATCH,
                 "kernel 'fake_copy' argument 'x' dim 3: expected extent 13, "
                 "got 12");
  EXPECT_EQ(
      LastError(),
      "kernel 'fake_copy' argument 'x' dim 3: expected extent 13, got 12");

  x_ = Tensor(x_data_.data(), {2, 3, 5, 13});
  y_ = Tensor(y_data_.data(), {1, 4, 5, 13});
  ExpectRejected(NORMRT_STATUS_SHAPE_MISMATCH,
                 "kernel 'fake_copy' argument 'y' dim 1: expected extent 3, "
                 "got 4");
}

TEST_F(KernelCallTest, WithoutATableStaticExtentsComeFromTheMetadata) {
  x_ = Tensor(x_data_.data(), {2, 3, 5, 12});
  ExpectRejected(NORMRT_STATUS_SHAPE_MISMATCH,
                 "kernel 'fake_copy' argument 'x' dim 3: expected extent 13, got 12",
                 &kCopyNoTable);
}

// normc's table, not the metadata, decides the static extents and names.
TEST(KernelTableTest, TableExtentsAndNamesAreWhatCallsAreCheckedAgainst) {
  std::vector<float> a(3 * 6, 1.0f), b(3 * 6);
  normrt_tensor_t ta = Tensor(a.data(), {3, 6}), tb = Tensor(b.data(), {3, 6});
  const normrt_tensor_t *args[] = {&ta, &tb};
  // The metadata alone accepts any extent.
  ASSERT_EQ(normrt_kernel_call(&kDyn, args, 2), NORMRT_STATUS_OK) << LastError();
  const int calls = g_calls.load();
  EXPECT_EQ(normrt_kernel_call(&kDynStaticTable, args, 2), NORMRT_STATUS_SHAPE_MISMATCH);
  EXPECT_EQ(LastError(),
            "kernel 'dyn_with_table' argument 'input' dim 0: expected extent 4, got 3");
  EXPECT_EQ(g_calls.load(), calls) << "kernel ran anyway";

  std::vector<float> a4(4 * 6, 1.0f), b4(4 * 6);
  ta = Tensor(a4.data(), {4, 6});
  tb = Tensor(b4.data(), {4, 6});
  EXPECT_EQ(normrt_kernel_call(&kDynStaticTable, args, 2), NORMRT_STATUS_OK) << LastError();

  const char *name = nullptr;
  ASSERT_EQ(normrt_kernel_arg_info(&kDynStaticTable, 1, &name, nullptr, nullptr, nullptr),
            NORMRT_STATUS_OK);
  EXPECT_STREQ(name, "output");
}

TEST(KernelTableTest, TableThatContradictsTheKernelIsRejectedBeforeRunning) {
  std::vector<float> a(4 * 6, 1.0f), b(4 * 6);
  normrt_tensor_t ta = Tensor(a.data(), {4, 6}), tb = Tensor(b.data(), {4, 6});
  const normrt_tensor_t *args[] = {&ta, &tb};
  const int calls = g_calls.load();
  EXPECT_EQ(normrt_kernel_call(&kDynWrongRank, args, 2), NORMRT_STATUS_INVALID_ARGUMENT);
  EXPECT_NE(LastError().find("normc's table and the compiled kernel disagree about argument 0 "
                             "('input'"),
            std::string::npos)
      << LastError();
  EXPECT_EQ(normrt_kernel_call(&kDynWrongCount, args, 2), NORMRT_STATUS_INVALID_ARGUMENT);
  EXPECT_NE(LastError().find("normc's table lists 1 arguments, the compiled kernel has 2"),
            std::string::npos)
      << LastError();
  EXPECT_EQ(normrt_kernel_num_args(&kDynWrongCount), -1);
  EXPECT_EQ(g_calls.load(), calls) << "kernel ran anyway";
}

TEST_F(KernelCallTest, ExtentMustFitInt32) {
  // H is dynamic, so only the int32 check stops this (data is never read).
  x_ = Tensor(x_data_.data(), {1, 3, INT64_C(1) << 31, 13});
  ExpectRejected(NORMRT_STATUS_TOO_LARGE,
                 "kernel 'fake_copy' argument 'x' dim 2: extent 2147483648 "
                 "does not fit in int32");
}

TEST_F(KernelCallTest, StrideMustFitInt32) {
  const int64_t strides[4] = {INT64_C(1) << 32, 65, 13, 1};
  x_ = Tensor(x_data_.data(), {2, 3, 5, 13}, strides);
  ExpectRejected(NORMRT_STATUS_TOO_LARGE,
                 "kernel 'fake_copy' argument 'x' dim 0: stride 4294967296 "
                 "does not fit in int32");
  const int64_t negative[4] = {195, 65, INT64_C(-3000000000), 1};
  x_ = Tensor(x_data_.data(), {2, 3, 5, 13}, negative);
  ExpectRejected(NORMRT_STATUS_TOO_LARGE, "dim 2: stride -3000000000");
}

TEST_F(KernelCallTest, InnermostStrideMustBeOne) {
  const int64_t strides[4] = {390, 130, 26, 2};
  x_ = Tensor(x_data_.data(), {2, 3, 5, 13}, strides);
  ExpectRejected(NORMRT_STATUS_INVALID_ARGUMENT,
                 "kernel 'fake_copy' argument 'x' dim 3: innermost stride "
                 "must be 1, got 2");
}

// ------------------------------------------------------------ kernel errors

TEST_F(KernelCallTest, HalideMessageIsCapturedNotPrinted) {
  t_fail_plan = FailPlan();
  t_fail_plan.messages = {
      "Input buffer x is accessed at 13, which is beyond the max (12) in "
      "dimension 0\n"};
  testing::internal::CaptureStderr();
  testing::internal::CaptureStdout();
  const normrt_status_t status = Call(&kFail);
  const std::string out = testing::internal::GetCapturedStdout();
  const std::string err = testing::internal::GetCapturedStderr();
  EXPECT_EQ(status, NORMRT_STATUS_SHAPE_MISMATCH);
  EXPECT_EQ(LastError(),
            "kernel 'fake_fail' failed: Input buffer x is accessed at 13, "
            "which is beyond the max (12) in dimension 0");
  EXPECT_EQ(out, "");
  EXPECT_EQ(err, "");
}

TEST_F(KernelCallTest, FirstHalideMessageWins) {
  t_fail_plan = FailPlan();
  t_fail_plan.code = halide_error_code_requirement_failed;
  t_fail_plan.messages = {"first\n", "second\n"};
  EXPECT_EQ(Call(&kFail), NORMRT_STATUS_SHAPE_MISMATCH);
  EXPECT_EQ(LastError(), "kernel 'fake_fail' failed: first");
}

TEST_F(KernelCallTest, MessageFromHalideWorkerThreadIsCaptured) {
  t_fail_plan = FailPlan();
  t_fail_plan.code = halide_error_code_out_of_memory;
  t_fail_plan.messages = {"Out of memory (halide_malloc returned NULL)"};
  t_fail_plan.from_worker_thread = true;
  EXPECT_EQ(Call(&kFail), NORMRT_STATUS_OUT_OF_MEMORY);
  EXPECT_EQ(LastError(),
            "kernel 'fake_fail' failed: Out of memory (halide_malloc "
            "returned NULL)");
}

TEST_F(KernelCallTest, ConcurrentCallsKeepTheirOwnMessages) {
  constexpr int kThreads = 4;
  std::string seen[kThreads];
  normrt_status_t status[kThreads];
  std::vector<std::thread> threads;
  for (int i = 0; i < kThreads; ++i) {
    threads.emplace_back([this, i, &seen, &status] {
      t_fail_plan = FailPlan();
      t_fail_plan.code = halide_error_code_bad_type;
      t_fail_plan.messages = {"message of thread " + std::to_string(i)};
      const normrt_tensor_t *args[] = {&x_, &y_};
      for (int round = 0; round < 50; ++round) {
        status[i] = normrt_kernel_call(&kFail, args, 2);
        seen[i] = normrt_last_error();
        if (seen[i] != "kernel 'fake_fail' failed: message of thread " +
                           std::to_string(i)) {
          break;
        }
      }
    });
  }
  for (std::thread &t : threads) t.join();
  for (int i = 0; i < kThreads; ++i) {
    EXPECT_EQ(status[i], NORMRT_STATUS_DTYPE_MISMATCH);
    EXPECT_EQ(seen[i], "kernel 'fake_fail' failed: message of thread " +
                           std::to_string(i));
  }
}

TEST_F(KernelCallTest, SuccessLeavesLastErrorAlone) {
  x_.dtype = NORMRT_DTYPE_I8;
  ASSERT_EQ(Call(), NORMRT_STATUS_DTYPE_MISMATCH);
  const std::string before = LastError();
  x_.dtype = NORMRT_DTYPE_F32;
  ASSERT_EQ(Call(), NORMRT_STATUS_OK);
  EXPECT_EQ(LastError(), before);
}

struct CodeCase {
  int code;
  normrt_status_t status;
  const char *name;
};

class HalideErrorCodeTest : public KernelCallTest,
                            public ::testing::WithParamInterface<CodeCase> {};

TEST_P(HalideErrorCodeTest, MapsToStatusWithoutMessage) {
  const CodeCase &c = GetParam();
  t_fail_plan = FailPlan();
  t_fail_plan.code = c.code;
  EXPECT_EQ(Call(&kFail), c.status) << c.code;
  const std::string expected = "kernel 'fake_fail' failed: Halide error " +
                               std::to_string(c.code) + " (" + c.name + ")";
  EXPECT_EQ(LastError(), expected);
}

INSTANTIATE_TEST_SUITE_P(
    AllMappedCodes, HalideErrorCodeTest,
    ::testing::Values(
        CodeCase{halide_error_code_requirement_failed,
                 NORMRT_STATUS_SHAPE_MISMATCH, "requirement_failed"},
        CodeCase{halide_error_code_constraint_violated,
                 NORMRT_STATUS_SHAPE_MISMATCH, "constraint_violated"},
        CodeCase{halide_error_code_access_out_of_bounds,
                 NORMRT_STATUS_SHAPE_MISMATCH, "access_out_of_bounds"},
        CodeCase{halide_error_code_explicit_bounds_too_small,
                 NORMRT_STATUS_SHAPE_MISMATCH, "explicit_bounds_too_small"},
        CodeCase{halide_error_code_buffer_extents_negative,
                 NORMRT_STATUS_SHAPE_MISMATCH, "buffer_extents_negative"},
        CodeCase{halide_error_code_bad_dimensions, NORMRT_STATUS_SHAPE_MISMATCH,
                 "bad_dimensions"},
        CodeCase{halide_error_code_constraints_make_required_region_smaller,
                 NORMRT_STATUS_SHAPE_MISMATCH,
                 "constraints_make_required_region_smaller"},
        CodeCase{halide_error_code_bad_type, NORMRT_STATUS_DTYPE_MISMATCH,
                 "bad_type"},
        CodeCase{halide_error_code_out_of_memory, NORMRT_STATUS_OUT_OF_MEMORY,
                 "out_of_memory"},
        CodeCase{halide_error_code_buffer_allocation_too_large,
                 NORMRT_STATUS_TOO_LARGE, "buffer_allocation_too_large"},
        CodeCase{halide_error_code_buffer_extents_too_large,
                 NORMRT_STATUS_TOO_LARGE, "buffer_extents_too_large"},
        CodeCase{halide_error_code_buffer_argument_is_null,
                 NORMRT_STATUS_INVALID_ARGUMENT, "buffer_argument_is_null"},
        CodeCase{halide_error_code_generic_error, NORMRT_STATUS_KERNEL_FAILED,
                 "generic_error"},
        CodeCase{halide_error_code_internal_error, NORMRT_STATUS_KERNEL_FAILED,
                 "internal_error"},
        CodeCase{halide_error_code_device_run_failed,
                 NORMRT_STATUS_DEVICE_ERROR, "device_run_failed"},
        CodeCase{halide_error_code_incompatible_device_interface,
                 NORMRT_STATUS_INCOMPATIBLE_DEVICE, "incompatible_device_interface"},
        CodeCase{-1000, NORMRT_STATUS_KERNEL_FAILED, "unknown"},
        CodeCase{7, NORMRT_STATUS_KERNEL_FAILED, "unknown"}));

// --------------------------------------------------------- num_args/arg_info

TEST(KernelInfoTest, NumArgsSkipsUserContext) {
  EXPECT_EQ(normrt_kernel_num_args(&kCopy), 2);
  EXPECT_EQ(normrt_kernel_num_args(&kDyn), 2);
  EXPECT_EQ(normrt_kernel_num_args(nullptr), -1);
  EXPECT_EQ(LastError(), "normrt_kernel_num_args: kernel is NULL");
}

TEST(KernelInfoTest, ArgInfoInCallOrder) {
  const char *name = nullptr;
  int32_t is_output = -1, rank = -1;
  normrt_dtype_t dtype = NORMRT_DTYPE_U8;
  ASSERT_EQ(normrt_kernel_arg_info(&kCopy, 0, &name, &is_output, &dtype, &rank),
            NORMRT_STATUS_OK);
  EXPECT_STREQ(name, "x");
  EXPECT_EQ(is_output, 0);
  EXPECT_EQ(dtype, NORMRT_DTYPE_F32);
  EXPECT_EQ(rank, 4);
  ASSERT_EQ(normrt_kernel_arg_info(&kCopy, 1, &name, &is_output, &dtype, &rank),
            NORMRT_STATUS_OK);
  EXPECT_STREQ(name, "y");
  EXPECT_EQ(is_output, 1);

  // __user_context in the middle does not shift buffer indices.
  ASSERT_EQ(normrt_kernel_arg_info(&kDyn, 1, &name, nullptr, nullptr, &rank),
            NORMRT_STATUS_OK);
  EXPECT_STREQ(name, "b");
  EXPECT_EQ(rank, 2);
  EXPECT_EQ(
      normrt_kernel_arg_info(&kDyn, 0, nullptr, nullptr, nullptr, nullptr),
      NORMRT_STATUS_OK);
}

TEST(KernelInfoTest, ArgInfoErrorsLeaveOutputsUntouched) {
  const char *name = "sentinel";
  int32_t is_output = -7, rank = -7;
  normrt_dtype_t dtype = NORMRT_DTYPE_I8;
  EXPECT_EQ(normrt_kernel_arg_info(&kCopy, 2, &name, &is_output, &dtype, &rank),
            NORMRT_STATUS_NOT_FOUND);
  EXPECT_EQ(LastError(),
            "kernel 'fake_copy' has no argument 2 (it has 2 buffer arguments)");
  EXPECT_EQ(
      normrt_kernel_arg_info(&kCopy, -1, &name, &is_output, &dtype, &rank),
      NORMRT_STATUS_NOT_FOUND);
  EXPECT_EQ(
      normrt_kernel_arg_info(nullptr, 0, &name, &is_output, &dtype, &rank),
      NORMRT_STATUS_INVALID_ARGUMENT);
  const normrt_kernel_t u16 = {"u16", NeverCalledArgv, Uint16Metadata, nullptr};
  EXPECT_EQ(normrt_kernel_arg_info(&u16, 0, &name, &is_output, &dtype, &rank),
            NORMRT_STATUS_DTYPE_MISMATCH);
  EXPECT_EQ(LastError(),
            "kernel 'u16' argument 'x' has element type uint16, which normrt "
            "does not support");
  EXPECT_STREQ(name, "sentinel");
  EXPECT_EQ(is_output, -7);
  EXPECT_EQ(dtype, NORMRT_DTYPE_I8);
  EXPECT_EQ(rank, -7);
}

}  // namespace

// ------------------------------------------- whole-call checks (hardening)

TEST(KernelBoundsTest, ReadsBeyondAnInputAreCaughtByTheBoundsQuery) {
  std::vector<float> a(9, 1.0f), b(8, 0.0f);
  normrt_tensor_t ta = Tensor(a.data(), {8}), tb = Tensor(b.data(), {8});
  const normrt_tensor_t *args[] = {&ta, &tb};
  const int calls = g_calls.load();
  EXPECT_EQ(normrt_kernel_call(&kReadsMore, args, 2), NORMRT_STATUS_SHAPE_MISMATCH);
  EXPECT_NE(LastError().find("kernel 'fake_reads_more' argument 'a' (args[0]) dim 0: the "
                             "kernel would read indices 0..8, the tensor has extent 8"),
            std::string::npos)
      << LastError();
  EXPECT_EQ(g_calls.load(), calls) << "kernel ran anyway";
  // Given the element it reads, the call runs.
  ta = Tensor(a.data(), {9});
  ASSERT_EQ(normrt_kernel_call(&kReadsMore, args, 2), NORMRT_STATUS_OK) << LastError();
  EXPECT_EQ(g_calls.load(), calls + 1);
  EXPECT_EQ(b[7], 2.0f);
}

TEST_F(KernelCallTest, OutputThatIsTheInputIsRejected) {
  y_ = Tensor(x_data_.data(), {2, 3, 5, 13});
  ExpectRejected(NORMRT_STATUS_ALIASED,
                 "kernel 'fake_copy' output 'y' (args[1]) overlaps argument 'x' (args[0]) "
                 "in memory; normc's kernels do not compute in place");
}

TEST_F(KernelCallTest, OutputShiftedByOnePlaneIsRejected) {
  x_data_.resize(x_data_.size() + 5 * 13);
  x_ = Tensor(x_data_.data(), {2, 3, 5, 13});
  y_ = Tensor(x_data_.data() + 5 * 13, {2, 3, 5, 13});
  ExpectRejected(NORMRT_STATUS_ALIASED, "output 'y' (args[1]) overlaps argument 'x'");
}

TEST_F(KernelCallTest, OutputWithAZeroStrideIsRejected) {
  // Every batch of y at the same address: the batches would overwrite each other.
  const int64_t strides[4] = {0, 65, 13, 1};
  y_ = Tensor(y_data_.data(), {2, 3, 5, 13}, strides);
  ExpectRejected(NORMRT_STATUS_ALIASED,
                 "output 'y' (args[1]): its strides map several elements to one address");
}

TEST_F(KernelCallTest, OutputWhosePlanesOverlapIsRejected) {
  // A channel stride shorter than a plane: channels share rows.
  const int64_t strides[4] = {3 * 13 * 2, 13 * 2, 13, 1};
  y_ = Tensor(y_data_.data(), {2, 3, 5, 13}, strides);
  ExpectRejected(NORMRT_STATUS_ALIASED, "its strides map several elements to one address");
}

TEST_F(KernelCallTest, InterleavedButDisjointOutputIsAccepted) {
  // y in an NHWC-like layout (C innermost but not unit-stride in NCHW
  // order): strides permuted, no element shared.
  std::vector<float> nhwc(x_data_.size(), -1.0f);
  const int64_t strides[4] = {3 * 5 * 13, 1 * 13, 3 * 13, 1};
  y_ = Tensor(nhwc.data(), {2, 3, 5, 13}, strides);
  ASSERT_EQ(Call(), NORMRT_STATUS_OK) << LastError();
  EXPECT_EQ(g_calls.load(), 1);
}

TEST_F(KernelCallTest, EmptyBatchReturnsOkWithoutCallingTheKernel) {
  x_ = Tensor(x_data_.data(), {0, 3, 5, 13});
  y_ = Tensor(y_data_.data(), {0, 3, 5, 13});
  ASSERT_EQ(Call(), NORMRT_STATUS_OK) << LastError();
  EXPECT_EQ(g_calls.load(), 0);
  EXPECT_EQ(y_data_[0], -1.0f) << "memory touched";
  // An empty plane (H = 0) too.
  x_ = Tensor(x_data_.data(), {2, 3, 0, 13});
  y_ = Tensor(y_data_.data(), {2, 3, 0, 13});
  ASSERT_EQ(Call(), NORMRT_STATUS_OK) << LastError();
  EXPECT_EQ(g_calls.load(), 0);
}

TEST_F(KernelCallTest, EmptyInputForANonEmptyOutputIsRejected) {
  x_ = Tensor(x_data_.data(), {0, 3, 5, 13});
  ExpectRejected(NORMRT_STATUS_SHAPE_MISMATCH,
                 "kernel 'fake_copy' argument 'x' (args[0]) dim 0: the kernel would read "
                 "indices 0..1, the tensor has extent 0");
}

TEST_F(KernelCallTest, EmptyTensorsStillHaveTheirStaticExtentsChecked) {
  x_ = Tensor(x_data_.data(), {0, 4, 5, 13});
  y_ = Tensor(y_data_.data(), {0, 4, 5, 13});
  ExpectRejected(NORMRT_STATUS_SHAPE_MISMATCH, "dim 1: expected extent 3, got 4");
}

TEST(KernelSizeTest, TensorOverTwoGiBIsTooLarge) {
  // 2 x 300,000,000 f32: every extent fits int32, the bytes (2.4 GB) do not.
  // Nothing is read: the size is checked before the kernel runs.
  float dummy[2] = {0, 0};
  const int64_t strides[2] = {300000000, 1};
  normrt_tensor_t a = Tensor(dummy, {2, 300000000}, strides);
  normrt_tensor_t b = Tensor(dummy + 1, {1, 1});
  const normrt_tensor_t *args[] = {&a, &b};
  const int calls = g_calls.load();
  EXPECT_EQ(normrt_kernel_call(&kDyn, args, 2), NORMRT_STATUS_TOO_LARGE);
  EXPECT_NE(LastError().find("kernel 'fake_dyn' argument 'a' (args[0]) spans more than "
                             "2^31 - 1 bytes"),
            std::string::npos)
      << LastError();
  EXPECT_EQ(g_calls.load(), calls);
  EXPECT_STREQ(normrt_status_string(NORMRT_STATUS_TOO_LARGE), "too large");
  EXPECT_STREQ(normrt_status_string(NORMRT_STATUS_ALIASED), "aliased");
}
