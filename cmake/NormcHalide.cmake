# Imports Halide 14 as a plain shared library.
#
# Why not find_package(Halide)? Halide 14's package config calls
# find_dependency(LLVM 14), which clobbers the LLVM 19 configuration that MLIR
# needs. normc only needs the compiler library and its headers, so we import
# them directly as normc::Halide.
set(NORMC_HALIDE_INCLUDE_DIR /usr/include/halide14 CACHE PATH "Halide 14 headers")
find_library(NORMC_HALIDE_LIBRARY NAMES Halide14 Halide
  PATHS /usr/lib/x86_64-linux-gnu /usr/lib/aarch64-linux-gnu NO_DEFAULT_PATH)
if(NOT NORMC_HALIDE_LIBRARY OR NOT EXISTS "${NORMC_HALIDE_INCLUDE_DIR}/Halide.h")
  message(FATAL_ERROR "Halide 14 not found: run scripts/install-deps.sh (needs libhalide14-0-dev)")
endif()
add_library(normc::Halide SHARED IMPORTED GLOBAL)
set_target_properties(normc::Halide PROPERTIES
  IMPORTED_LOCATION "${NORMC_HALIDE_LIBRARY}"
  INTERFACE_INCLUDE_DIRECTORIES "${NORMC_HALIDE_INCLUDE_DIR}")
