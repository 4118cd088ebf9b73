# Two forms.
#
# normc_add_kernels(<name> SOURCES <file.mlir>... [TARGETS <target>...]
#                   [TUNING_DB <file>] [SCHEDULE <knob=value>...]
#                   [FLAGS <extra normc flags>...])
#
# The library form, for users (docs/integration.md): every public function
# of each source is compiled (normc --library) into one archive per source,
# and <name> is one library target to link: the archives, their headers
# (include "<name>.h", which includes every function's header), libnormrt
# (normc::runtime) and the Halide runtime for TARGETS (shared by every
# normc_add_kernels of the project with the same TARGETS). Several TARGETS
# make multitarget libraries (docs/cli.md). Editing a source or the tuning
# database rebuilds.
#
# normc_add_kernels(<name> SOURCE <file.mlir> FUNCS <f>... [TARGET <halide target>]
#                   [FLAGS <extra normc flags>...])
#
# The per-function form (normc's own tests):
# Compiles the listed exported functions of <file.mlir> with normc at build
# time (the normc target of this tree, or NORMC_EXECUTABLE in a project
# without one, such as the AArch64 cross build of test/aarch64/), and defines
# an INTERFACE library <name> that carries the generated headers (include
# "<f>.h", which include normrt_kernel.h) and archives, and normc::runtime
# where the project has it. Link it together with normc::runtime and a Halide
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
  cmake_parse_arguments(PEEK "" "" "SOURCES" ${ARGN})
  if(PEEK_SOURCES)
    _normc_add_kernel_library(${name} ${ARGN})
    return()
  endif()
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
  # Each header includes normrt_kernel.h (its <f>_kernel_info() table).
  if(TARGET normc::runtime)
    target_link_libraries(${name} INTERFACE normc::runtime)
  endif()
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

# The library form of normc_add_kernels (see the top of this file).
function(_normc_add_kernel_library name)
  _normc_resolve_tool()
  cmake_parse_arguments(ARG "" "TUNING_DB" "SOURCES;TARGETS;SCHEDULE;FLAGS" ${ARGN})
  if(ARG_UNPARSED_ARGUMENTS)
    message(FATAL_ERROR "normc_add_kernels(${name}): unexpected arguments ${ARG_UNPARSED_ARGUMENTS}")
  endif()
  if(NOT name MATCHES "^[A-Za-z_][A-Za-z0-9_]*$")
    message(FATAL_ERROR "normc_add_kernels(${name}): the name must be a C identifier "
                        "(it names ${name}.h)")
  endif()
  if(NOT ARG_TARGETS)
    set(ARG_TARGETS ${NORMC_KERNEL_TARGET})
  endif()
  string(REPLACE ";" "," targets "${ARG_TARGETS}")
  set(flags --target=${targets} --emit=lib,header)
  set(depends ${_normc_depends})
  if(ARG_TUNING_DB)
    get_filename_component(db "${ARG_TUNING_DB}" ABSOLUTE)
    list(APPEND flags --tuning-db=${db})
    list(APPEND depends "${db}")
  endif()
  if(ARG_SCHEDULE)
    string(REPLACE ";" "," knobs "${ARG_SCHEDULE}")
    list(APPEND flags --schedule=${knobs})
  endif()
  list(APPEND flags ${ARG_FLAGS})

  set(outdir "${CMAKE_CURRENT_BINARY_DIR}/${name}")
  list(LENGTH ARG_SOURCES nsources)
  set(archives "")
  set(umbrella "")
  foreach(src IN LISTS ARG_SOURCES)
    get_filename_component(source "${src}" ABSOLUTE)
    # One source: the library is <name>; several: <name>_<stem> each, and a
    # <name>.h that includes them all.
    set(lib ${name})
    if(nsources GREATER 1)
      get_filename_component(stem "${source}" NAME_WE)
      string(MAKE_C_IDENTIFIER "${stem}" stem)
      set(lib ${name}_${stem})
      string(APPEND umbrella "#include \"${lib}.h\"\n")
    endif()
    add_custom_command(
      OUTPUT "${outdir}/${lib}.a" "${outdir}/${lib}.h"
      COMMAND ${_normc_command} "${source}" -o "${outdir}" --library=${lib} ${flags}
      DEPENDS ${depends} "${source}"
      COMMENT "normc: compiling ${src} into ${lib}.a"
      VERBATIM)
    list(APPEND archives "${outdir}/${lib}.a")
    list(APPEND generated "${outdir}/${lib}.a" "${outdir}/${lib}.h")
  endforeach()
  if(nsources GREATER 1)
    file(WRITE "${outdir}/${name}.h.tmp"
         "/* ${name}.h: generated by normc_add_kernels(). */\n"
         "#ifndef NORMC_LIBRARY_SET_${name}_H_\n#define NORMC_LIBRARY_SET_${name}_H_\n"
         "${umbrella}#endif\n")
    configure_file("${outdir}/${name}.h.tmp" "${outdir}/${name}.h" COPYONLY)
  endif()
  add_custom_target(${name}_gen DEPENDS ${generated})

  # One Halide runtime per target list in the project.
  string(MAKE_C_IDENTIFIER "normc_halide_runtime_${targets}" runtime)
  if(NOT TARGET ${runtime})
    normc_add_halide_runtime(${runtime} TARGET ${targets})
  endif()

  add_library(${name} INTERFACE)
  add_dependencies(${name} ${name}_gen)
  target_include_directories(${name} INTERFACE "${outdir}")
  # Kernels, then libnormrt, then the Halide runtime both of them call.
  target_link_libraries(${name} INTERFACE ${archives} normc::runtime ${runtime})
endfunction()
