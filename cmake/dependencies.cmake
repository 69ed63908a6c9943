# SPDX-License-Identifier: GPL-3.0-or-later
# Finds Plaza's Debian 12 dependencies and compiles Dear ImGui's SDL_Renderer backend, which
# libimgui-dev ships only as example source (libimgui.a has no imgui_impl_sdlrenderer.o).
find_package(PkgConfig REQUIRED)
find_package(SDL2 REQUIRED CONFIG)
find_package(SQLite3 REQUIRED)
find_package(Freetype REQUIRED)
find_package(nlohmann_json REQUIRED)
pkg_check_modules(IMGUI REQUIRED IMPORTED_TARGET imgui)
pkg_check_modules(STB REQUIRED IMPORTED_TARGET stb)
pkg_check_modules(HARFBUZZ_SUBSET REQUIRED IMPORTED_TARGET harfbuzz-subset)
pkg_check_modules(SODIUM REQUIRED IMPORTED_TARGET libsodium)
pkg_check_modules(QRCODEGEN REQUIRED IMPORTED_TARGET qrcodegencpp)
pkg_check_modules(MD4C REQUIRED IMPORTED_TARGET md4c)
pkg_check_modules(SYSTEMD REQUIRED IMPORTED_TARGET libsystemd)
pkg_check_modules(ESPEAK_NG REQUIRED IMPORTED_TARGET espeak-ng)
pkg_check_modules(LIBDRM REQUIRED IMPORTED_TARGET libdrm)
pkg_check_modules(FONTCONFIG REQUIRED IMPORTED_TARGET fontconfig)
pkg_check_modules(FRIBIDI REQUIRED IMPORTED_TARGET fribidi)

set(PLAZA_IMGUI_BACKENDS_DIR "/usr/share/doc/libimgui-dev/examples/backends"
    CACHE PATH "Folder with Dear ImGui's backend sources (Debian: libimgui-dev)")
set(_sdlrenderer_backend "${PLAZA_IMGUI_BACKENDS_DIR}/imgui_impl_sdlrenderer.cpp")
if(NOT EXISTS "${_sdlrenderer_backend}")
    message(FATAL_ERROR
        "Dear ImGui's SDL_Renderer backend source is missing: ${_sdlrenderer_backend}\n"
        "It comes with Debian's libimgui-dev package. Some minimal images exclude /usr/share/doc "
        "from dpkg (see /etc/dpkg/dpkg.cfg.d/); reinstall libimgui-dev without that exclusion, "
        "or pass -DPLAZA_IMGUI_BACKENDS_DIR=<folder holding imgui_impl_sdlrenderer.cpp>.")
endif()

add_library(imgui_sdlrenderer_backend STATIC "${_sdlrenderer_backend}")
target_include_directories(imgui_sdlrenderer_backend SYSTEM PUBLIC /usr/include/imgui/backends)
# Link order matters: libimgui.a leaves stb_truetype symbols undefined, so -limgui before -lstb;
# the FreeType font builder (imgui_freetype.o) needs libfreetype after both.
target_link_libraries(imgui_sdlrenderer_backend PUBLIC PkgConfig::IMGUI PkgConfig::STB
                      Freetype::Freetype SDL2::SDL2)
set_target_properties(imgui_sdlrenderer_backend PROPERTIES COMPILE_OPTIONS "-w")

find_package(doctest QUIET CONFIG)
if(PLAZA_BUILD_TESTS)
    if(NOT doctest_FOUND)
        message(FATAL_ERROR "doctest is missing: install Debian's doctest-dev")
    endif()
    # doctest's config file does not pull in doctest_discover_tests(); Debian ships it beside it.
    include("${doctest_DIR}/doctest.cmake")
endif()
