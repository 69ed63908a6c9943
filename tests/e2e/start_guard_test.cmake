# A kiosk whose installed bundle makes it fail as it starts (run by CTest through `cmake -P`): a
# bundle it cannot open counts as a failed start at once, so after two the same start comes up
# through the real frame loop on the previous bundle and says why on screen (issue 20). Starts
# that die later (an abort, a crash) are counted across processes the same way; the StartGuard
# unit tests cover those.
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
