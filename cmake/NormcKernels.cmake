# normc_add_kernels(<name> SOURCE <file.mlir> FUNCS <f>... [TARGET <halide target>]
#                   [FLAGS <extra normc flags>...])
#
# Compiles the listed exported functions of <file.mlir> with the normc built in
# this tree, at build time, and defines an INTERFACE library <name> that
# carries the generated headers (include "<f>.h") and archives. Link it together
# with normc::runtime and a Halide runtime from normc_add_halide_runtime().
# (Modelled on Halide's add_halide_library, which we cannot use: see
# NormcHalide.cmake.)
function(normc_add_kernels name)
  cmake_parse_arguments(ARG "" "SOURCE;TARGET" "FUNCS;FLAGS" ${ARGN})
  if(NOT ARG_TARGET)
    set(ARG_TARGET host)
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
    COMMAND normc "${source}" -o "${outdir}" --target=${ARG_TARGET} --emit=lib,header
            --functions=${funcs} ${ARG_FLAGS}
    DEPENDS normc "${source}"
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
  cmake_parse_arguments(ARG "" "TARGET" "" ${ARGN})
  if(NOT ARG_TARGET)
    set(ARG_TARGET host)
  endif()
  set(outdir "${CMAKE_CURRENT_BINARY_DIR}/${name}")
  set(archive "${outdir}/normc_halide_runtime.a")
  add_custom_command(
    OUTPUT "${archive}"
    COMMAND normc -o "${outdir}" --target=${ARG_TARGET} --emit=runtime
    DEPENDS normc
    COMMENT "normc: emitting the Halide runtime for ${ARG_TARGET}"
    VERBATIM)
  add_custom_target(${name}_gen DEPENDS "${archive}")
  find_package(Threads REQUIRED)
  add_library(${name} INTERFACE)
  add_dependencies(${name} ${name}_gen)
  target_link_libraries(${name} INTERFACE "${archive}" Threads::Threads ${CMAKE_DL_LIBS})
endfunction()
