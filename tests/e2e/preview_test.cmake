# SPDX-License-Identifier: GPL-3.0-or-later
# The live preview's headless test: a starting folder from `plaza-bundle new`, three edits of it
# prepared beside it (a renamed partnership, a city without its id, the city repaired), then plaza
# --preview on that folder replaying preview_rebuilds.plz, which saves them in turn. Invoked by
# CTest through `cmake -P` with PLAZA, TOOL, SCRIPT and OUT.
file(REMOVE_RECURSE "${OUT}")
file(MAKE_DIRECTORY "${OUT}/variants")
execute_process(COMMAND "${TOOL}" new "${OUT}/folder" RESULT_VARIABLE made OUTPUT_QUIET)
if(NOT made EQUAL 0)
    message(FATAL_ERROR "plaza-bundle new failed (${made})")
endif()
file(READ "${OUT}/folder/partnerships.csv" partnerships)
string(REPLACE "Cycling streets in Ghent and Porto" "Car-free Sundays in Ghent and Porto" renamed
               "${partnerships}")
file(WRITE "${OUT}/variants/partnerships-renamed.csv" "${renamed}")
file(READ "${OUT}/folder/cities.csv" cities)
string(REGEX REPLACE "\nghent," "\n," broken "${cities}")
if(broken STREQUAL cities)
    message(FATAL_ERROR "the starting cities.csv has no ghent line to break")
endif()
file(WRITE "${OUT}/variants/cities-broken.csv" "${broken}")
file(WRITE "${OUT}/variants/cities-fixed.csv" "${cities}")
execute_process(
    COMMAND "${PLAZA}" --headless --preview folder --script "${SCRIPT}" --out shots
    WORKING_DIRECTORY "${OUT}"
    RESULT_VARIABLE exit_code ERROR_VARIABLE stderr OUTPUT_VARIABLE stdout)
message("${stderr}")
if(NOT exit_code EQUAL 0)
    message(FATAL_ERROR "plaza --preview exited with ${exit_code}")
endif()
