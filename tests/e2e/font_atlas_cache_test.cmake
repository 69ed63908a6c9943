# SPDX-License-Identifier: GPL-3.0-or-later
# The font atlas cache file in the data folder (run by CTest through `cmake -P`): a first start
# builds the atlas and keeps it, the next reads it and draws the same home pixel for pixel, and a
# damaged or cut file is set aside with a log line, never a kiosk that does not start.
file(REMOVE_RECURSE "${DIR}")
file(MAKE_DIRECTORY "${DIR}/data")
file(WRITE "${DIR}/plaza.conf" "data_folder = ${DIR}/data\nidle_timeout_seconds = 600\n")
set(cache "${DIR}/data/font-atlas.cache")

# Starts the kiosk on the sample; `expected` must be in its log, and --stats must list the font
# atlas's step as read or built to match. Sets `home` to the shot's hash.
function(start name expected)
    execute_process(
        COMMAND "${PLAZA}" --headless --bundle "${BUNDLE}" --config "${DIR}/plaza.conf"
                --script "${SCRIPT}" --out "${DIR}/out/${name}" --stats "${DIR}/out/${name}.json"
        RESULT_VARIABLE exit_code ERROR_VARIABLE stderr TIMEOUT 300)
    if(NOT exit_code EQUAL 0)
        message(FATAL_ERROR "${name}: the kiosk did not show home (exit ${exit_code}):\n${stderr}")
    endif()
    if(NOT stderr MATCHES "${expected}")
        message(FATAL_ERROR "${name}: the log does not say \"${expected}\":\n${stderr}")
    endif()
    set(step "font_atlas_built")
    if(expected MATCHES "read from the cache")
        set(step "font_atlas_from_cache")
    endif()
    file(READ "${DIR}/out/${name}.json" stats)
    foreach(listed "content_load" "${step}" "display_open" "app_start" "first_frame")
        if(NOT stats MATCHES "\"step\": \"${listed}\"")
            message(FATAL_ERROR "${name}: --stats does not list the step ${listed}:\n${stats}")
        endif()
    endforeach()
    if(NOT EXISTS "${cache}")
        message(FATAL_ERROR "${name}: no cache file ${cache} after the start")
    endif()
    file(SHA256 "${DIR}/out/${name}/home.png" hash)
    set(home "${hash}" PARENT_SCOPE)
endfunction()

start(built "font atlas cache not used: no cache file")
set(built_home "${home}")
start(cached "font atlas [0-9]+x[0-9]+ read from the cache")
if(NOT home STREQUAL built_home)
    message(FATAL_ERROR "home from the cached atlas differs from home from the built one")
endif()

# Damages the cache file with the shell command `damage`: that start builds the atlas again and
# draws the same home, and keeps a good file, which the start after it reads.
function(start_damaged name damage)
    execute_process(COMMAND sh -c "${damage}" RESULT_VARIABLE rc)
    if(NOT rc EQUAL 0)
        message(FATAL_ERROR "could not damage ${cache} with: ${damage}")
    endif()
    start(${name} "font atlas cache not used: [^\n]* is damaged")
    if(NOT home STREQUAL built_home)
        message(FATAL_ERROR "${name}: home differs from home from the built atlas")
    endif()
    start(${name}-then "read from the cache")
endfunction()

file(SIZE "${cache}" size)
math(EXPR middle "${size} / 2")
start_damaged(byte-changed
              "printf X | dd of='${cache}' bs=1 seek=${middle} conv=notrunc 2>/dev/null")
start_damaged(cut-short "truncate -s 5000 '${cache}'")
