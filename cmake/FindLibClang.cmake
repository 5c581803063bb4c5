# Finds libclang's C API, newest first (Debian installs each version under /usr/lib/llvm-NN).
# Defines the imported target LibClang::LibClang. Needs 17+ for the operator-kind functions.
set(_vc_llvm_roots)
foreach(v 21 20 19 18 17)
  list(APPEND _vc_llvm_roots /usr/lib/llvm-${v})
endforeach()
find_path(LibClang_INCLUDE_DIR clang-c/Index.h
  PATHS ${_vc_llvm_roots} PATH_SUFFIXES include NO_DEFAULT_PATH)
get_filename_component(_vc_root "${LibClang_INCLUDE_DIR}" DIRECTORY)
find_library(LibClang_LIBRARY NAMES clang libclang PATHS ${_vc_root}/lib NO_DEFAULT_PATH)

include(CheckSymbolExists)
include(CMakePushCheckState)
if(LibClang_INCLUDE_DIR AND LibClang_LIBRARY)
  cmake_push_check_state(RESET)
  set(CMAKE_REQUIRED_INCLUDES ${LibClang_INCLUDE_DIR})
  set(CMAKE_REQUIRED_LIBRARIES ${LibClang_LIBRARY})
  check_symbol_exists(clang_getCursorBinaryOperatorKind clang-c/Index.h LibClang_HAS_OPERATOR_KINDS)
  cmake_pop_check_state()
endif()

include(FindPackageHandleStandardArgs)
find_package_handle_standard_args(LibClang
  REQUIRED_VARS LibClang_LIBRARY LibClang_INCLUDE_DIR LibClang_HAS_OPERATOR_KINDS)
if(LibClang_FOUND AND NOT TARGET LibClang::LibClang)
  add_library(LibClang::LibClang UNKNOWN IMPORTED)
  set_target_properties(LibClang::LibClang PROPERTIES
    IMPORTED_LOCATION ${LibClang_LIBRARY} INTERFACE_INCLUDE_DIRECTORIES ${LibClang_INCLUDE_DIR})
endif()
