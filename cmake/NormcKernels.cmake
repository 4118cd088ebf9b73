# normc_add_kernels(<name> SOURCE <file.mlir> FUNCS <f>... [TARGET <halide target>]
#                   [FLAGS <extra normc flags>...])
#
# Compiles the listed exported functions of <file.mlir> with normc at build
# time (the normc target of this tree, or NORMC_EXECUTABLE in a project
# without one, such as the AArch64 cross build of test/aarch64/), and defines
# an INTERFACE library <name> that carries the generated headers (include
# "<f>.h") and archives. Link it together with normc::runtime and a Halide
# runtime from normc_add_halide_runtime() for the same TARGET. (Modelled on
# Halide's add_halide_library, which we cannot use: see NormcHalide.cmake.)
# TARGET is normc's --target: one target, or a comma-separated list of CPU
# targets for multitarget libraries (docs/cli.md). It defaults to
# NORMC_KERNEL_TARGET, itself "host" unless the project sets it (a cross
# build sets the machine it builds for).
if(NOT DEFINED NORMC_KERNEL_TARGET)
  set(NORMC_KERNEL_TARGET host)
endif()
# The normc to run, resolved when a function is called (the normc target is
# defined after this file is included).
macro(_normc_resolve_tool)
  if(TARGET normc)
    set(_normc_command normc)
    set(_normc_depends normc)
  elseif(NORMC_EXECUTABLE)
    set(_normc_command "${NORMC_EXECUTABLE}")
    set(_normc_depends "${NORMC_EXECUTABLE}")
  else()
    message(FATAL_ERROR "normc_add_kernels: no normc target and no NORMC_EXECUTABLE")
  endif()
endmacro()

function(normc_add_kernels name)
  _normc_resolve_tool()
  cmake_parse_arguments(ARG "" "SOURCE;TARGET" "FUNCS;FLAGS" ${ARGN})
  if(NOT ARG_TARGET)
    set(ARG_TARGET ${NORMC_KERNEL_TARGET})
  endif()
  get_filename_component(source "${ARG_SOURCE}" ABSOLUTE)
  set(outdir "${CMAKE_CURRENT_BINARY_DIR}/${name}")
  set(outputs "")
  set(archives "")
  foreach(f IN LISTS ARG_FUNCS)
    list(APPEND outputs "${outdir}/${f}.a" "${outdir}/${f}.h")
    list(APPEND archives "${outdir}/${f}.a")
  endforeach()
  # Only the listed functions: a file may hold kernels a target cannot
  # build (f16 on an OpenCL device without cl_khr_fp16).
  string(REPLACE ";" "," funcs "${ARG_FUNCS}")
  add_custom_command(
    OUTPUT ${outputs}
    COMMAND ${_normc_command} "${source}" -o "${outdir}" --target=${ARG_TARGET} --emit=lib,header
            --functions=${funcs} ${ARG_FLAGS}
    DEPENDS ${_normc_depends} "${source}"
    COMMENT "normc: compiling kernels of ${ARG_SOURCE}"
    VERBATIM)
  add_custom_target(${name}_gen DEPENDS ${outputs})
  add_library(${name} INTERFACE)
  add_dependencies(${name} ${name}_gen)
  target_include_directories(${name} INTERFACE "${outdir}")
  target_link_libraries(${name} INTERFACE ${archives})
endfunction()

# normc_add_halide_runtime(<name> [TARGET <halide target>])
# The Halide runtime that normc-generated kernels for TARGET link against.
function(normc_add_halide_runtime name)
  _normc_resolve_tool()
  cmake_parse_arguments(ARG "" "TARGET" "" ${ARGN})
  if(NOT ARG_TARGET)
    set(ARG_TARGET ${NORMC_KERNEL_TARGET})
  endif()
  set(outdir "${CMAKE_CURRENT_BINARY_DIR}/${name}")
  set(archive "${outdir}/normc_halide_runtime.a")
  add_custom_command(
    OUTPUT "${archive}"
    COMMAND ${_normc_command} -o "${outdir}" --target=${ARG_TARGET} --emit=runtime
    DEPENDS ${_normc_depends}
    COMMENT "normc: emitting the Halide runtime for ${ARG_TARGET}"
    VERBATIM)
  add_custom_target(${name}_gen DEPENDS "${archive}")
  find_package(Threads REQUIRED)
  add_library(${name} INTERFACE)
  add_dependencies(${name} ${name}_gen)
  target_link_libraries(${name} INTERFACE "${archive}" Threads::Threads ${CMAKE_DL_LIBS})
endfunction()
