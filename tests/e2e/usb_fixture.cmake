# SPDX-License-Identifier: GPL-3.0-or-later
# Prepares the USB end-to-end test (run by CTest through `cmake -P`): a kiosk data folder, an
# organisers' key the kiosk trusts, a stick with the sample content as a newer signed bundle
# (version 2), a stick whose bundle was changed after signing, and a configuration file.
file(REMOVE_RECURSE "${DIR}")
file(MAKE_DIRECTORY "${DIR}/data" "${DIR}/stick" "${DIR}/bad-stick")

function(run)
    execute_process(COMMAND ${ARGN} RESULT_VARIABLE rc ERROR_VARIABLE err OUTPUT_QUIET)
    if(NOT rc EQUAL 0)
        message(FATAL_ERROR "${ARGN} failed (${rc}): ${err}")
    endif()
endfunction()

run("${TOOL}" keygen -o "${DIR}/organisers")
run("${TOOL}" build "${CONTENT}" -o "${DIR}/stick/event.plaza" --version 2)
run("${TOOL}" sign "${DIR}/stick/event.plaza" --key "${DIR}/organisers.key")
# The same bundle with bytes appended after signing: the signature no longer matches.
file(COPY "${DIR}/stick/event.plaza" "${DIR}/stick/event.plaza.minisig"
     DESTINATION "${DIR}/bad-stick")
file(APPEND "${DIR}/bad-stick/event.plaza" "tampered")
file(WRITE "${DIR}/plaza.conf"
     "trusted_keys = ${DIR}/organisers.pub\n"
     "data_folder = ${DIR}/data\n"
     "watch_folders = ${DIR}/stick\n"
     "admin_pin = 2468\n")

# A stick as a careless export script or a stranger leaves it (issue 20): two newer bundles, and
# named pipes (FIFOs) where the kiosk writes its report; a kiosk with its own data folder for it.
file(MAKE_DIRECTORY "${DIR}/two-stick" "${DIR}/data-two")
file(COPY_FILE "${DIR}/stick/event.plaza" "${DIR}/two-stick/event-2.plaza")
file(COPY_FILE "${DIR}/stick/event.plaza.minisig" "${DIR}/two-stick/event-2.plaza.minisig")
run("${TOOL}" build "${CONTENT}" -o "${DIR}/two-stick/event-3.plaza" --version 3)
run("${TOOL}" sign "${DIR}/two-stick/event-3.plaza" --key "${DIR}/organisers.key")
file(MAKE_DIRECTORY "${DIR}/two-stick/plaza-report")
run(mkfifo "${DIR}/two-stick/plaza-report/plaza-report.txt"
    "${DIR}/two-stick/plaza-report/.plaza-report.txt.tmp")
file(WRITE "${DIR}/plaza-two.conf"
     "trusted_keys = ${DIR}/organisers.pub\n"
     "data_folder = ${DIR}/data-two\n"
     "admin_pin = 2468\n")

# A fresh kiosk (issue 19): the organiser's first bundle carries the sample's own version number,
# and another stick holds its bundle in a folder, as sticks are often laid out. Own data folder:
# the tests run in parallel.
file(MAKE_DIRECTORY "${DIR}/first-stick" "${DIR}/folder-stick/plaza" "${DIR}/fresh-data")
run("${TOOL}" build "${CONTENT}" -o "${DIR}/first-stick/event.plaza" --version 1)
run("${TOOL}" sign "${DIR}/first-stick/event.plaza" --key "${DIR}/organisers.key")
file(COPY "${DIR}/first-stick/event.plaza" "${DIR}/first-stick/event.plaza.minisig"
     DESTINATION "${DIR}/folder-stick/plaza")
file(WRITE "${DIR}/plaza-fresh.conf"
     "trusted_keys = ${DIR}/organisers.pub\n"
     "data_folder = ${DIR}/fresh-data\n"
     "watch_folders = ${DIR}/first-stick\n")
