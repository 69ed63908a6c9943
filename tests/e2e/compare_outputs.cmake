# SPDX-License-Identifier: GPL-3.0-or-later
# Fails unless each named file is byte-identical in folders A and B.
foreach(f IN LISTS FILES)
    execute_process(COMMAND ${CMAKE_COMMAND} -E compare_files "${A}/${f}" "${B}/${f}"
                    RESULT_VARIABLE different)
    if(different)
        message(FATAL_ERROR "${f} differs between ${A} and ${B}")
    endif()
endforeach()
