# SPDX-License-Identifier: GPL-3.0-or-later
# The phrase tables from gettext files (cmake/po_to_cpp.cmake), as a translator meets them:
#   cmake -DSRC=<repo> -DWORK=<scratch folder> -P po_to_cpp_test.cmake
# A new pt.po becomes a Portuguese table with no C++; a fuzzy or empty entry falls back to
# English; a .po whose English is no longer the template's is refused with its file and line.
set(pot ${SRC}/src/ui/i18n/plaza.pot)
set(generator ${SRC}/cmake/po_to_cpp.cmake)
file(REMOVE_RECURSE ${WORK})
file(MAKE_DIRECTORY ${WORK})

file(WRITE ${WORK}/pt.po [=[
# Plaza's own words in Portuguese.
msgid ""
msgstr ""
"Language: pt\n"
"Content-Type: text/plain; charset=UTF-8\n"
"Plural-Forms: nplurals=2; plural=(n > 1);\n"

msgctxt "back"
msgid "Back"
msgstr "Voltar"

#, fuzzy
msgctxt "home"
msgid "Home"
msgstr "Início"

msgctxt "partnerships"
msgid "Partnerships"
msgstr ""

msgctxt "search_prompt"
msgid "Type a city, a theme or a name"
msgstr ""
"Escreva uma cidade, "
"um tema ou um nome"
]=])
execute_process(COMMAND ${CMAKE_COMMAND} -DTEMPLATE=${pot} -DPO_FILES=${WORK}/pt.po
                        -DOUTPUT=${WORK}/out.cpp -P ${generator}
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE out)
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "a valid pt.po was refused:\n${out}")
endif()
file(READ ${WORK}/out.cpp cpp)
foreach(expected
        [=[const Translation kLanguage_pt = {
    "pt",]=]
        [=[{Phrase::back, "Voltar"},]=]
        [=[{Phrase::search_prompt, "Escreva uma cidade, um tema ou um nome"},]=]
        [=[    PluralRule::zero_and_one};]=]
        [=[&kLanguage_en, &kLanguage_pt, ]=])
    string(FIND "${cpp}" "${expected}" at)
    if(at EQUAL -1)
        message(FATAL_ERROR "the generated table lacks: ${expected}\n${cpp}")
    endif()
endforeach()
foreach(unexpected [=["Início"]=] [=[{Phrase::partnerships, ""}]=])
    string(FIND "${cpp}" "${unexpected}" at)
    if(NOT at EQUAL -1)
        message(FATAL_ERROR "a fuzzy or empty entry reached the table: ${unexpected}")
    endif()
endforeach()

file(WRITE ${WORK}/pt.po [=[
msgctxt "back"
msgid "Go back"
msgstr "Voltar"
]=])
execute_process(COMMAND ${CMAKE_COMMAND} -DTEMPLATE=${pot} -DPO_FILES=${WORK}/pt.po
                        -DOUTPUT=${WORK}/stale.cpp -P ${generator}
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE out)
# CMake wraps the message at a width, so any space in it may come out as a line break.
if(rc EQUAL 0 OR NOT out MATCHES "pt.po:1:[ \n]+the[ \n]+English[ \n]+of[ \n]+'back'")
    message(FATAL_ERROR "a stale msgid was not refused with its line:\n${out}")
endif()

# Three plural forms (Polish): refused with the file, naming the rules Plaza knows.
file(WRITE ${WORK}/pl.po [=[
msgid ""
msgstr ""
"Language: pl\n"
"Plural-Forms: nplurals=3; plural=(n==1 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);\n"

msgctxt "back"
msgid "Back"
msgstr "Wstecz"
]=])
execute_process(COMMAND ${CMAKE_COMMAND} -DTEMPLATE=${pot} -DPO_FILES=${WORK}/pl.po
                        -DOUTPUT=${WORK}/pl.cpp -P ${generator}
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE out)
if(rc EQUAL 0 OR NOT out MATCHES "pl.po:[ \n]+its[ \n]+header[ \n]+needs")
    message(FATAL_ERROR "a plural rule of three forms was not refused:\n${out}")
endif()
message(STATUS "po_to_cpp: a new language, fuzzy and empty entries, a stale msgid, plural rules: as expected")
