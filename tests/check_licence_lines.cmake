# SPDX-License-Identifier: GPL-3.0-or-later
# Every source file of Plaza names its licence in an SPDX line near its top (Plaza is
# GPL-3.0-or-later, see LICENSE and platform/debian/copyright), so a file copied out of the
# project still says under which terms. Fails naming each file without one.
# Run as: cmake -DREPO=<repository> -P check_licence_lines.cmake
set(tag "SPDX-License-Identifier: GPL-3.0-or-later")
file(GLOB_RECURSE sources RELATIVE ${REPO}
     ${REPO}/src/*.cpp ${REPO}/src/*.h ${REPO}/tests/*.cpp ${REPO}/tests/*.h ${REPO}/tests/*.cmake
     ${REPO}/tests/*.sh ${REPO}/tests/*.py ${REPO}/cmake/*.cmake ${REPO}/platform/*.sh
     ${REPO}/tools/*.mjs ${REPO}/content/*.py ${REPO}/src/*CMakeLists.txt
     ${REPO}/tests/*CMakeLists.txt)
# The top CMakeLists.txt by name: a recursive glob for it would walk build/ too, where
# platform/pi/check.sh keeps whole Debian roots.
list(APPEND sources CMakeLists.txt)
set(missing "")
foreach(source ${sources})
  if(source MATCHES "^tests/fuzz/corpus/" OR source MATCHES "/node_modules/")
    continue()
  endif()
  file(STRINGS ${REPO}/${source} head LIMIT_COUNT 3)
  string(FIND "${head}" "${tag}" at)
  if(at EQUAL -1)
    string(APPEND missing "\n  ${source}")
  endif()
endforeach()
if(missing)
  message(FATAL_ERROR "source files without the line '${tag}' in their first three lines:${missing}")
endif()
