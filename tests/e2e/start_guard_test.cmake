# SPDX-License-Identifier: GPL-3.0-or-later
# A kiosk whose installed bundle makes it fail as it starts (run by CTest through `cmake -P`): a
# bundle it cannot open counts as a failed start at once, so after two the same start comes up
# through the real frame loop on the previous bundle and says why on screen (issue 20). Then
# starts that die before getting going are counted across processes the same way.
file(REMOVE_RECURSE "${DIR}")
file(MAKE_DIRECTORY "${DIR}/data" "${DIR}/out")
file(COPY_FILE "${BUNDLE}" "${DIR}/data/content.previous.plaza")
# Version 2, with a table the kiosk reads as it opens the bundle taken away.
execute_process(
    COMMAND "${ALTER}" "${BUNDLE}" "${DIR}/data/content.plaza"
            "UPDATE bundle_meta SET value = '2' WHERE key = 'content_version'"
            "DROP TABLE language"
    RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "the failing bundle could not be made (${rc})")
endif()
file(WRITE "${DIR}/plaza.conf" "data_folder = ${DIR}/data\nidle_timeout_seconds = 600\n")

execute_process(
    COMMAND "${PLAZA}" --headless --config "${DIR}/plaza.conf" --script "${SCRIPT}"
            --out "${DIR}/out/start"
    RESULT_VARIABLE exit_code ERROR_VARIABLE stderr TIMEOUT 300)
message("start: exit ${exit_code}\n${stderr}")
if(NOT exit_code EQUAL 0)
    message(FATAL_ERROR "the start did not come up on the previous bundle")
endif()
if(NOT stderr MATCHES "failed to start 2 times in a row on [^;]*; it went back to version [0-9]+ of")
    message(FATAL_ERROR "the roll-back is not in the log")
endif()
file(READ "${DIR}/data/start-record" record)
if(NOT record MATCHES "count=0")
    message(FATAL_ERROR "a minute of frames on the previous bundle did not clear the count: ${record}")
endif()

# Starts that end before the kiosk got going, whatever ends them (an abort, a crash, here a
# script that stops the kiosk at once with a failure): each is counted across processes, and the
# third start comes up on the previous bundle.
file(REMOVE_RECURSE "${DIR}/data")
file(MAKE_DIRECTORY "${DIR}/data")
file(COPY_FILE "${BUNDLE}" "${DIR}/data/content.previous.plaza")
execute_process(
    COMMAND "${ALTER}" "${BUNDLE}" "${DIR}/data/content.plaza"
            "UPDATE bundle_meta SET value = '2' WHERE key = 'content_version'"
    RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "version 2 could not be made (${rc})")
endif()
file(WRITE "${DIR}/dies_at_once.plz" "expect \"words that are on no screen\"\n")
foreach(start 1 2)
    execute_process(
        COMMAND "${PLAZA}" --headless --config "${DIR}/plaza.conf" --script "${DIR}/dies_at_once.plz"
                --out "${DIR}/out/died${start}"
        RESULT_VARIABLE exit_code ERROR_VARIABLE stderr TIMEOUT 120)
    if(exit_code EQUAL 0)
        message(FATAL_ERROR "start ${start} did not end before getting going:\n${stderr}")
    endif()
    if(stderr MATCHES "failed to start")
        message(FATAL_ERROR "start ${start} already gave up on version 2:\n${stderr}")
    endif()
endforeach()
execute_process(
    COMMAND "${PLAZA}" --headless --config "${DIR}/plaza.conf" --script "${SCRIPT}"
            --out "${DIR}/out/after-two-deaths"
    RESULT_VARIABLE exit_code ERROR_VARIABLE stderr TIMEOUT 300)
message("start after two that died: exit ${exit_code}\n${stderr}")
if(NOT exit_code EQUAL 0 OR NOT stderr MATCHES "failed to start 2 times in a row")
    message(FATAL_ERROR "after two starts that died the kiosk did not come up on the previous bundle")
endif()
