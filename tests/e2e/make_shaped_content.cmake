# SPDX-License-Identifier: GPL-3.0-or-later
# Makes a content folder for the shaped-scripts journeys: the sample content plus cities named in
# their own scripts (Arabic, Hebrew, Devanagari, Bengali, Tamil, Thai, Lao, Khmer, Myanmar,
# Ethiopic, Georgian, Armenian), a partnership of Vientiane and Amman and a session about it
# and a good practice whose Markdown body is in Arabic and Lao, with bold words and links (all
# marked illustrative).
# Invoked by CTest: cmake -DSOURCE=content -DOUT=folder -DPLAZA_BUNDLE=exe -DBUNDLE=out.plaza -P ...
file(REMOVE_RECURSE "${OUT}")
file(COPY "${SOURCE}/" DESTINATION "${OUT}")
file(APPEND "${OUT}/countries.csv"
     "EG,Egypt,Egipto,Egipte,Égypte,Africa\n"
     "JO,Jordan,Jordania,Jordània,Jordanie,Asia\n"
     "IL,Israel,Israel,Israel,Israël,Asia\n"
     "IN,India,India,Índia,Inde,Asia\n"
     "BD,Bangladesh,Bangladés,Bangladesh,Bangladesh,Asia\n"
     "TH,Thailand,Tailandia,Tailàndia,Thaïlande,Asia\n"
     "LA,Laos,Laos,Laos,Laos,Asia\n"
     "KH,Cambodia,Camboya,Cambodja,Cambodge,Asia\n"
     "MM,Myanmar,Myanmar,Myanmar,Myanmar,Asia\n"
     "ET,Ethiopia,Etiopía,Etiòpia,Éthiopie,Africa\n"
     "GE,Georgia,Georgia,Geòrgia,Géorgie,Europe\n"
     "AM,Armenia,Armenia,Armènia,Arménie,Asia\n")
file(APPEND "${OUT}/cities.csv"
     "cairo,القاهرة,Cairo,EG,30.04,31.24\n"
     "amman,عمّان,Amman,JO,31.95,35.93\n"
     "tel-aviv,תל אביב,Tel Aviv,IL,32.09,34.78\n"
     "new-delhi,नई दिल्ली,New Delhi,IN,28.61,77.21\n"
     "dhaka,ঢাকা,Dhaka,BD,23.81,90.41\n"
     "chennai,சென்னை,Chennai,IN,13.08,80.27\n"
     "bangkok,กรุงเทพมหานคร,Bangkok,TH,13.76,100.50\n"
     "vientiane,ວຽງຈັນ,Vientiane,LA,17.97,102.63\n"
     "phnom-penh,ភ្នំពេញ,Phnom Penh,KH,11.56,104.93\n"
     "yangon,ရန်ကုန်,Yangon,MM,16.87,96.20\n"
     "addis-ababa,አዲስ አበባ,Addis Ababa,ET,9.03,38.74\n"
     "tbilisi,თბილისი,Tbilisi,GE,41.72,44.79\n"
     "yerevan,Երևան,Yerevan,AM,40.18,44.51\n")
file(APPEND "${OUT}/partnerships.csv"
     "water-vientiane-amman,Water utilities learning together: ວຽງຈັນ and عمّان,,,,vientiane,amman,icp,circular-economy,6,2024,2025,active,Illustrative record: Vientiane and Amman compare how their water utilities cut losses.,,,,,,,,,1\n"
     "cities-in-their-scripts,Cities in their own scripts,,,,cairo,tel-aviv;new-delhi;dhaka;chennai;bangkok;phnom-penh;yangon;addis-ababa;tbilisi;yerevan,icp,circular-economy,11,2024,2024,active,Illustrative record that names its cities in their own scripts: القاهرة תל אביב नई दिल्ली ঢাকা சென்னை กรุงเทพมหานคร ភ្នំពេញ ရန်ကုန် አዲስ አበባ თბილისი Երևան.,,,,,,,,,\n")
file(APPEND "${OUT}/sessions.csv"
     "water-vientiane-amman,Water losses in ວຽງຈັນ and عمّان,,,,2024-03-19 14:00,2024-03-19 15:00,room-1,circular-economy,panel,en,speaker-a,water-vientiane-amman,Illustrative session: two utilities compare their meters and their leaks.,,,,confirmed\n")
file(WRITE "${OUT}/practices/water-losses-vientiane-amman.md"
     "---\n"
     "title: Water losses in ວຽງຈັນ and عمّان\n"
     "summary: Illustrative practice: two water utilities compare how they find their leaks.\n"
     "city: vientiane\n"
     "themes: circular-economy\n"
     "---\n"
     "## عمّان\n"
     "\n"
     "تتعلم مرافق **المياه** في عمّان وفي ວຽງຈັນ معًا كيف تقلل الفاقد، "
     "و[تقرير الشراكة](https://example.org/water) يشرح طريقتها.\n"
     "\n"
     "## ວຽງຈັນ\n"
     "\n"
     "ນ້ຳປະປາ **ວຽງຈັນ** ແລະ ອຳມານ ຮຽນຮູ້ ນຳກັນ ເບິ່ງ [ບົດລາຍງານ](https://example.org/lao) "
     "ກ່ຽວກັບ ການຮົ່ວໄຫຼ ຂອງ ນ້ຳ.\n"
     "\n"
     "*Illustrative: the texts are an example, not a result of the partnership.*\n")
execute_process(COMMAND "${PLAZA_BUNDLE}" build "${OUT}" -o "${BUNDLE}" RESULT_VARIABLE failed
                ERROR_VARIABLE errors)
if(failed)
    message(FATAL_ERROR "plaza-bundle build of ${OUT} failed: ${errors}")
endif()
if(errors MATCHES "no installed font")
    message(FATAL_ERROR "plaza-bundle build of ${OUT} found characters without a font: ${errors}")
endif()
