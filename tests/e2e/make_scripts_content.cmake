# SPDX-License-Identifier: GPL-3.0-or-later
# Makes a content folder for the glyph test: the sample content plus a partnership whose cities
# are written in Greek, Cyrillic, Korean, Chinese, Vietnamese and Polish (marked illustrative).
# Invoked by CTest: cmake -DSOURCE=content -DOUT=folder -DPLAZA_BUNDLE=exe -DBUNDLE=out.plaza -P ...
file(REMOVE_RECURSE "${OUT}")
file(COPY "${SOURCE}/" DESTINATION "${OUT}")
file(APPEND "${OUT}/countries.csv" "GR,Greece,Grecia,Grècia,Grèce,Europe\nUA,Ukraine,Ucrania,Ucraïna,Ukraine,Europe\n")
file(APPEND "${OUT}/cities.csv" "athina,Αθήνα,Athina,GR,37.98,23.73\nkyiv,Київ,Kyiv,UA,50.45,30.52\n")
file(APPEND "${OUT}/partnerships.csv"
     "scripts-of-the-world,\"Αθήνα, Київ, 서울, 台北, Đà Nẵng, Łódź\",,,,athina,kyiv;seoul;taipei;da-nang;lodz,icp,circular-economy,11,2024,2024,active,Illustrative record that names its cities in their own scripts.,,,,,,,,,1\n")
execute_process(COMMAND "${PLAZA_BUNDLE}" build "${OUT}" -o "${BUNDLE}" RESULT_VARIABLE failed)
if(failed)
    message(FATAL_ERROR "plaza-bundle build of ${OUT} failed")
endif()
