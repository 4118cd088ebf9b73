# cmake --install: normc and norm-opt, libnormrt and its headers, the normc
# CMake package (normcConfig.cmake, NormcKernels.cmake, the exported
# normc::runtime) and normrt.pc for pkg-config. The install rules of the
# targets themselves are next to them (tools/, runtime/).
include(GNUInstallDirs)
include(CMakePackageConfigHelpers)
set(NORMC_PACKAGE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/normc)
install(EXPORT normcTargets NAMESPACE normc:: DESTINATION ${NORMC_PACKAGE_DIR})
configure_package_config_file(${CMAKE_CURRENT_LIST_DIR}/normcConfig.cmake.in
  ${CMAKE_CURRENT_BINARY_DIR}/normcConfig.cmake
  INSTALL_DESTINATION ${NORMC_PACKAGE_DIR}
  PATH_VARS CMAKE_INSTALL_BINDIR)
write_basic_package_version_file(${CMAKE_CURRENT_BINARY_DIR}/normcConfigVersion.cmake
  COMPATIBILITY SameMinorVersion)
install(FILES ${CMAKE_CURRENT_BINARY_DIR}/normcConfig.cmake
              ${CMAKE_CURRENT_BINARY_DIR}/normcConfigVersion.cmake
              ${CMAKE_CURRENT_LIST_DIR}/NormcKernels.cmake
        DESTINATION ${NORMC_PACKAGE_DIR})
configure_file(${CMAKE_CURRENT_LIST_DIR}/normrt.pc.in ${CMAKE_CURRENT_BINARY_DIR}/normrt.pc @ONLY)
install(FILES ${CMAKE_CURRENT_BINARY_DIR}/normrt.pc DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig)
