# lit configuration for normc's IR and driver tests.
import os
import lit.formats

config.name = "normc"
config.test_format = lit.formats.ShTest(execute_external=True)
config.suffixes = [".mlir"]
config.test_source_root = os.path.dirname(__file__)
config.test_exec_root = os.path.join(config.normc_obj_root, "test")
# Inputs shared by several tests, not tests themselves.
config.excludes = ["Inputs", "CMakeLists.txt", "lit.cfg.py", "lit.site.cfg.py",
                   # kernel sources compiled by the build for the gtests
                   "norm_kernels.mlir", "e2e_kernels.mlir", "variant_matrix.mlir",
                   "conv_kernels.mlir", "device_kernels.mlir",
                   # the integration tests' consumer project (ctest integration/*)
                   "consumer"]

# The tools are found on PATH: the build's own first, then LLVM's FileCheck/not.
config.environment["PATH"] = os.pathsep.join([
    os.path.join(config.normc_tools_dir, "norm-opt"),
    os.path.join(config.normc_tools_dir, "normc"),
    os.path.join(config.normc_tools_dir, "norm-translate"),
    os.path.join(config.normc_tools_dir, "norm-tune"),
    config.llvm_tools_dir,
    config.environment.get("PATH", ""),
])
config.substitutions.append(("%examples", os.path.join(config.normc_src_root, "examples")))

# The ONNX importer's tests write their models with Debian's python3-onnx,
# which belongs to /usr/bin/python3 (scripts/install-deps.sh installs it).
import subprocess
onnx_python = "/usr/bin/python3"
if subprocess.run([onnx_python, "-c", "import onnx"], capture_output=True).returncode:
    lit_config.fatal(onnx_python + " cannot import onnx: run scripts/install-deps.sh")
config.substitutions.append(("%onnx_python", onnx_python))

# norm-tune's cross-target test runs AArch64 candidates under qemu-user,
# linked by the cross compiler (scripts/install-deps.sh installs both).
import shutil
if shutil.which("qemu-aarch64") and shutil.which("aarch64-linux-gnu-gcc"):
    config.available_features.add("qemu-aarch64")
