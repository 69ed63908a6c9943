# SPDX-License-Identifier: GPL-3.0-or-later
# Makes a content folder for the session-language test: the sample content with one session
# (Buying and making garments fairly) held in Portuguese, a language the event does not offer, so
# plaza-bundle names it from iso-codes in each of the event's languages.
# Invoked by CTest: cmake -DSOURCE=content -DOUT=folder -DPLAZA_BUNDLE=exe -DBUNDLE=out.plaza -P ...
file(REMOVE_RECURSE "${OUT}")
file(COPY "${SOURCE}/" DESTINATION "${OUT}")
file(READ "${OUT}/sessions.csv" sessions)
string(REPLACE ",fair-trade,panel,en,speaker-d" ",fair-trade,panel,pt,speaker-d" in_portuguese
               "${sessions}")
if(in_portuguese STREQUAL sessions)
    message(FATAL_ERROR "sessions.csv no longer has the row this test puts in Portuguese")
endif()
file(WRITE "${OUT}/sessions.csv" "${in_portuguese}")
execute_process(COMMAND "${PLAZA_BUNDLE}" build "${OUT}" -o "${BUNDLE}" RESULT_VARIABLE failed)
if(failed)
    message(FATAL_ERROR "plaza-bundle build of ${OUT} failed")
endif()
