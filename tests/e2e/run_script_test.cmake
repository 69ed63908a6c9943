# Runs plaza headless on one script and checks its exit code, its error output, a JSON dump, QR
# codes and pixels of screenshots, and the number of frames drawn (from --stats). Invoked by CTest
# through `cmake -P`.
file(REMOVE_RECURSE "${OUT}")
file(MAKE_DIRECTORY "${OUT}")
execute_process(
    COMMAND "${PLAZA}" --headless --bundle "${BUNDLE}" --script "${SCRIPT}" --out "${OUT}"
            --stats "${OUT}/stats.json" ${EXTRA_ARGS}
    RESULT_VARIABLE exit_code
    ERROR_VARIABLE stderr
    OUTPUT_VARIABLE stdout)
if(EXISTS "${OUT}/stats.json")
    file(READ "${OUT}/stats.json" stats)
    string(JSON missing GET "${stats}" missing_glyphs count)
    string(APPEND stderr "\nmissing_glyphs_count=${missing}\n")
endif()
message("${stderr}")
if(NOT exit_code EQUAL EXPECT_EXIT)
    message(FATAL_ERROR "plaza exited with ${exit_code}, expected ${EXPECT_EXIT}")
endif()
if(EXPECT_STDERR AND NOT stderr MATCHES "${EXPECT_STDERR}")
    message(FATAL_ERROR "the error output does not match: ${EXPECT_STDERR}")
endif()
if(JSON_FILE)
    file(READ "${OUT}/${JSON_FILE}" json)
    if(NOT json MATCHES "${JSON_REGEX}")
        message(FATAL_ERROR "${JSON_FILE} does not match: ${JSON_REGEX}")
    endif()
endif()
if(QR_FILE)
    # zbarimg (Debian's zbar-tools) reads every QR code in the screenshot, as a phone would.
    execute_process(COMMAND zbarimg --quiet --raw "${OUT}/${QR_FILE}"
                    OUTPUT_VARIABLE decoded RESULT_VARIABLE zbar_exit)
    message("decoded: ${decoded}")
    if(NOT decoded MATCHES "${QR_REGEX}")
        message(FATAL_ERROR "no QR code in ${QR_FILE} decodes to ${QR_REGEX} (zbarimg exit ${zbar_exit})")
    endif()
endif()
# Each entry: "SHOT.png RRGGBB PERCENT [ITEM_ID]": at least PERCENT % of the screenshot (or of
# the item's rectangle in SHOT.json) is that colour, give or take what JPEG and scaling change.
foreach(check IN LISTS PIXELS)
    string(REPLACE " " ";" parts "${check}")
    list(GET parts 0 png)
    list(GET parts 1 colour)
    list(GET parts 2 percent)
    set(probe_args "${OUT}/${png}" "#${colour}" "${percent}")
    list(LENGTH parts count)
    if(count GREATER 3)
        list(GET parts 3 item)
        string(REGEX REPLACE "\\.png$" ".json" json "${png}")
        list(APPEND probe_args "${OUT}/${json}" "${item}")
    endif()
    execute_process(COMMAND "${PNG_PROBE}" ${probe_args}
                    RESULT_VARIABLE probe_exit OUTPUT_VARIABLE probe_out ERROR_VARIABLE probe_err)
    message("${probe_out}${probe_err}")
    if(NOT probe_exit EQUAL 0)
        message(FATAL_ERROR "pixel check failed: ${check}")
    endif()
endforeach()
if(MAX_FRAMES)
    file(READ "${OUT}/stats.json" stats)
    string(JSON frames GET "${stats}" frames)
    if(frames GREATER MAX_FRAMES)
        message(FATAL_ERROR "${frames} frames were drawn; an idle kiosk should draw at most ${MAX_FRAMES}")
    endif()
    message("frames drawn: ${frames}")
endif()
