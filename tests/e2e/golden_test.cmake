# SPDX-License-Identifier: GPL-3.0-or-later
# Golden screenshots (issue 16): the screens of scripts/gallery.plz, the attract loop and a room
# sign from the sample bundle with a fixed clock, at one size and in one palette, compared with
# the PNGs in docs/screens that the README shows. A changed look is an intentional update of the goldens:
# platform/gallery.sh runs this with UPDATE=ON to write them. Invoked through `cmake -P` with
# PLAZA, BUNDLE, SCRIPTS, OUT, GOLDEN, PROBE, SIZE (WxH), PALETTE (standard or high-contrast).
set(clock 2024-03-19T11:15:00+01:00)
# At most this share of a screen may differ from its golden (text rendering is deterministic
# with the same fonts; the margin forgives a glyph or two).
set(max_percent 0.5)
file(REMOVE_RECURSE "${OUT}")
file(MAKE_DIRECTORY "${OUT}/shots")
file(READ "${SCRIPTS}/gallery.plz" script)
set(suffix "")
if(PALETTE STREQUAL "high-contrast")
    set(script "tap \"High contrast\"\n${script}")
    set(suffix "-hc")
endif()
file(WRITE "${OUT}/gallery.plz" "${script}")
set(runs "${OUT}/gallery.plz")
# The attract loop resets the visitor's palette: it has only the standard one.
if(PALETTE STREQUAL "standard")
    list(APPEND runs "${SCRIPTS}/gallery_attract.plz")
endif()
# The room sign takes its palette from the configuration (it has no accessibility bar).
set(high_contrast off)
if(PALETTE STREQUAL "high-contrast")
    set(high_contrast on)
endif()
file(WRITE "${OUT}/room_sign.conf" "high_contrast = ${high_contrast}\ndata_folder = ${OUT}/data\n")
list(APPEND runs "${SCRIPTS}/gallery_room_sign.plz")
foreach(run IN LISTS runs)
    set(mode "")
    if(run MATCHES "room_sign")
        set(mode --mode room --room room-1 --config "${OUT}/room_sign.conf")
    endif()
    execute_process(
        COMMAND "${PLAZA}" --headless --bundle "${BUNDLE}" --script "${run}" --out "${OUT}/shots"
                --size "${SIZE}" --clock "${clock}" ${mode}
        RESULT_VARIABLE exit_code ERROR_VARIABLE stderr)
    if(NOT exit_code EQUAL 0)
        message(FATAL_ERROR "${run} failed (exit ${exit_code}):\n${stderr}")
    endif()
endforeach()
file(GLOB shots "${OUT}/shots/*.png")
set(differing "")
foreach(shot IN LISTS shots)
    get_filename_component(screen "${shot}" NAME_WE)
    set(golden "${GOLDEN}/${screen}-${SIZE}${suffix}.png")
    if(UPDATE)
        file(COPY_FILE "${shot}" "${golden}")
        message("wrote ${golden}")
        continue()
    endif()
    if(NOT EXISTS "${golden}")
        list(APPEND differing "${screen} (no golden ${golden})")
        continue()
    endif()
    execute_process(COMMAND "${PROBE}" --compare "${golden}" "${shot}" "${max_percent}"
                    RESULT_VARIABLE probe_exit OUTPUT_VARIABLE probe_out ERROR_VARIABLE probe_err)
    message("${probe_out}${probe_err}")
    if(NOT probe_exit EQUAL 0)
        list(APPEND differing "${screen}")
    endif()
endforeach()
list(LENGTH shots count)
if(count EQUAL 0)
    message(FATAL_ERROR "no screenshots were taken")
endif()
if(differing)
    message(FATAL_ERROR "these screens differ from their goldens: ${differing} (if the change "
                        "is intended, run platform/gallery.sh and commit docs/screens)")
endif()
