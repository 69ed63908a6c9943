# SPDX-License-Identifier: GPL-3.0-or-later
# A doctest case whose name holds ';' is split by CMake into a list when doctest_discover_tests
# registers it, so CTest runs a filter that matches no case and reports a pass.
# This check fails on any such name.
# Run as: cmake -DTESTS=<tests folder> -P check_test_names.cmake
file(GLOB_RECURSE sources ${TESTS}/*.cpp)
set(bad "")
foreach(source ${sources})
  file(STRINGS ${source} lines REGEX "TEST_CASE\\(\"")
  foreach(line IN LISTS lines)
    if(line MATCHES "TEST_CASE\\(\"[^\"]*;")
      file(RELATIVE_PATH name ${TESTS} ${source})
      string(APPEND bad "\n  ${name}: ${line}")
    endif()
  endforeach()
endforeach()
if(bad)
  message(FATAL_ERROR "test case names with ';' (CTest would run none of them):${bad}")
endif()
