# SPDX-License-Identifier: GPL-3.0-or-later
# Runs plaza on SDL's KMSDRM driver where there is no DRM device (CI, a container, a desktop
# session): it must exit with the no-display code and a message naming the driver, never crash.
execute_process(
    COMMAND ${CMAKE_COMMAND} -E env SDL_VIDEODRIVER=kmsdrm --unset=NOTIFY_SOCKET
            "${PLAZA}" --bundle "${BUNDLE}" --windowed 640x480
    RESULT_VARIABLE exit_code ERROR_VARIABLE stderr OUTPUT_VARIABLE stdout TIMEOUT 60)
message("${stderr}")
if(NOT exit_code EQUAL 69)
    message(FATAL_ERROR "plaza exited with '${exit_code}', expected 69 (no display)")
endif()
if(NOT stderr MATCHES "no display is available \\(SDL: [^)]*kmsdrm")
    message(FATAL_ERROR "the message does not say that the kmsdrm driver was tried")
endif()
