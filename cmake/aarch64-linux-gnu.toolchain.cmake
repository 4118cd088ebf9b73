# Cross-compiling for AArch64 Linux with Debian's g++-aarch64-linux-gnu.
# Programs built with it run on x86-64 under qemu-user:
#   qemu-aarch64 -L /usr/aarch64-linux-gnu ./program
# (CMAKE_CROSSCOMPILING_EMULATOR makes ctest and gtest_discover_tests do so.)
set(CMAKE_SYSTEM_NAME Linux)
set(CMAKE_SYSTEM_PROCESSOR aarch64)
set(CMAKE_C_COMPILER aarch64-linux-gnu-gcc)
set(CMAKE_CXX_COMPILER aarch64-linux-gnu-g++)
set(NORMC_AARCH64_SYSROOT /usr/aarch64-linux-gnu CACHE PATH
    "AArch64 libraries that qemu-aarch64 loads (-L)")
find_program(NORMC_QEMU_AARCH64 qemu-aarch64 REQUIRED)
set(CMAKE_CROSSCOMPILING_EMULATOR "${NORMC_QEMU_AARCH64};-L;${NORMC_AARCH64_SYSROOT}")
# Libraries and headers of the target only; programs (normc) of the host.
set(CMAKE_FIND_ROOT_PATH ${NORMC_AARCH64_SYSROOT})
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE ONLY)
