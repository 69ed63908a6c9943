# SPDX-License-Identifier: GPL-3.0-or-later
# Makes a content folder for the speaker photo test: the sample content with a photo for one
# speaker (Pieter De Smet, illustrative; the "photo" is a plain test card in one colour, so that
# a pixel check can find it on screen). Nguyễn Thị Lan, in the same session, has none.
# Invoked by CTest: cmake -DSOURCE=content -DPHOTO=png -DOUT=folder -DPLAZA_BUNDLE=exe
#                         -DBUNDLE=out.plaza -P ...
file(REMOVE_RECURSE "${OUT}")
file(COPY "${SOURCE}/" DESTINATION "${OUT}")
file(COPY "${PHOTO}" DESTINATION "${OUT}/images")
get_filename_component(photo_name "${PHOTO}" NAME)
file(READ "${OUT}/speakers.csv" speakers)
string(REPLACE "on sustainable public procurement.,,,,\n"
               "on sustainable public procurement.,,,,images/${photo_name}\n" with_photo "${speakers}")
if(with_photo STREQUAL speakers)
    message(FATAL_ERROR "speakers.csv no longer has the row this test gives a photo")
endif()
file(WRITE "${OUT}/speakers.csv" "${with_photo}")
execute_process(COMMAND "${PLAZA_BUNDLE}" build "${OUT}" -o "${BUNDLE}" RESULT_VARIABLE failed)
if(failed)
    message(FATAL_ERROR "plaza-bundle build of ${OUT} failed")
endif()
