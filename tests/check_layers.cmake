# SPDX-License-Identifier: GPL-3.0-or-later
# The layer rules README.md writes down ("Folder layout"), checked on the sources and the build:
#  - each folder of src/ includes only from the folders its layer may use (layers point
#    inwards: core <- content <- ui <- platform <- app; the tool's bundle/ and the kiosk's
#    install/ share only core, content and signing);
#  - SDL only in platform/, Dear ImGui only in ui/, platform/ and app/, <sqlite3.h> only in
#    content/, and the SQL wrapper (content/sqlite_db.h) only in content/ and the bundle writer;
#  - plaza_platform (and the voice, plaza_speech) link no UI or content library, plaza_core no
#    SDL or Dear ImGui;
#  - plaza-say needs neither SQLite nor FreeType nor HarfBuzz at run time (ldd).
# Every broken rule is listed with the file (or library) and what it does.
# cmake -DSRC=src -DPLATFORM_LINKS=... -DSPEECH_LINKS=... -DCORE_LINKS=... -DPLAZA_SAY=exe -P
cmake_minimum_required(VERSION 3.25)
set(may_include_core core)
set(may_include_content core content)
set(may_include_signing core signing)
set(may_include_install core content signing install)
set(may_include_ui core content ui)
set(may_include_platform core platform)
set(may_include_app core content install platform ui app)
set(may_include_bundle core content signing bundle)
set(may_include_main app)

set(problems "")
file(GLOB_RECURSE sources RELATIVE ${SRC} ${SRC}/*.h ${SRC}/*.cpp)
foreach(file IN LISTS sources)
    if(file STREQUAL "main.cpp")
        set(layer main)
    else()
        string(REGEX REPLACE "/.*" "" layer "${file}")
    endif()
    if(NOT DEFINED may_include_${layer})
        list(APPEND problems "src/${file}: folder '${layer}' is in no layer (add it to README.md's layout and to tests/check_layers.cmake)")
        continue()
    endif()
    file(STRINGS ${SRC}/${file} includes REGEX "^[ \t]*#[ \t]*include")
    foreach(line IN LISTS includes)
        if(line MATCHES "include[ \t]*\"([a-z_]+)/")
            if(NOT CMAKE_MATCH_1 IN_LIST may_include_${layer})
                list(APPEND problems "src/${file}: ${layer}/ may not include from ${CMAKE_MATCH_1}/: ${line}")
            endif()
        endif()
        if(line MATCHES "<SDL" AND NOT layer STREQUAL "platform")
            list(APPEND problems "src/${file}: SDL outside platform/: ${line}")
        endif()
        if(line MATCHES "<imgui" AND NOT layer MATCHES "^(ui|platform|app)$")
            list(APPEND problems "src/${file}: Dear ImGui outside ui/, platform/ and app/: ${line}")
        endif()
        if(line MATCHES "<sqlite3\\.h>" AND NOT layer STREQUAL "content")
            list(APPEND problems "src/${file}: SQLite outside content/: ${line}")
        endif()
        if(line MATCHES "\"content/sqlite_db\\.h\"" AND NOT layer STREQUAL "content"
           AND NOT file STREQUAL "bundle/bundle_writer.cpp")
            list(APPEND problems "src/${file}: SQL outside content/ and the bundle writer: ${line}")
        endif()
    endforeach()
endforeach()

foreach(target platform speech)
    string(TOUPPER ${target} upper)
    foreach(lib IN LISTS ${upper}_LINKS)
        if(lib MATCHES "plaza_(ui|content|app)")
            list(APPEND problems "plaza_${target} links ${lib}: the platform needs no UI or content")
        endif()
    endforeach()
endforeach()
foreach(lib IN LISTS CORE_LINKS)
    if(lib MATCHES "SDL|IMGUI|imgui")
        list(APPEND problems "plaza_core links ${lib}: core has no SDL and no Dear ImGui")
    endif()
endforeach()

execute_process(COMMAND ldd ${PLAZA_SAY} OUTPUT_VARIABLE linked RESULT_VARIABLE failed)
if(failed)
    list(APPEND problems "ldd ${PLAZA_SAY} failed")
endif()
string(REGEX MATCHALL "lib(sqlite3|freetype|harfbuzz)[^ \t]*" heavy "${linked}")
list(REMOVE_DUPLICATES heavy)
foreach(lib IN LISTS heavy)
    list(APPEND problems "plaza-say needs ${lib} at run time: it should link the voice alone")
endforeach()

if(problems)
    list(LENGTH problems count)
    list(JOIN problems "\n  " text)
    message(FATAL_ERROR "${count} layer rule(s) broken:\n  ${text}")
endif()
list(LENGTH sources checked)
message(STATUS "layer rules hold in ${checked} files; plaza-say links neither SQLite, FreeType nor HarfBuzz")
