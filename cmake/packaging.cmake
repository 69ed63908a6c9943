# SPDX-License-Identifier: GPL-3.0-or-later
# The Debian packages (`cpack` in a build folder), one per CPack component:
#   plaza         the kiosk and plaza-say in /usr/bin, the sample bundle built from content/, the
#                 systemd unit, the USB automount udev rule, the commented /etc/plaza/plaza.conf
#                 (a conffile) with its drop-in folder, and the maintainer scripts from
#                 platform/debian/;
#   plaza-bundle  the organisers' tool. It alone reads iCalendar files (libical, which pulls in
#                 ICU's 35 MB of data), so a kiosk does not carry it.
# For the architecture the build targets: the build machine's, or arm64 in a cross build
# (platform/release.sh, platform/pi/check.sh).
include(GNUInstallDirs)

set(_debian ${PROJECT_SOURCE_DIR}/platform/debian)
set(_man ${PROJECT_SOURCE_DIR}/platform/man)
set(_staging ${PROJECT_BINARY_DIR}/packaging)
file(MAKE_DIRECTORY ${_staging})

install(TARGETS plaza plaza-say RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT kiosk)
install(TARGETS plaza-bundle RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT bundle)

# The sample bundle is made when the package is made, by the plaza-bundle just built, so the
# package always carries content the kiosk of the same version can read. Version 1, older than
# any organiser's bundle (whose default version is its build time). (Not at build time: a
# content/ folder half-way through an edit must not break every build.) In a cross build
# plaza-bundle runs through the emulator CMake was given, or binfmt_misc's.
set(_sample ${_staging}/sample.plaza)
set(_bundle_tool "$<TARGET_FILE:plaza-bundle>")
if(CMAKE_CROSSCOMPILING_EMULATOR)
    set(_bundle_tool "${CMAKE_CROSSCOMPILING_EMULATOR};${_bundle_tool}")
endif()
install(CODE "
    execute_process(
        COMMAND ${_bundle_tool} build \"${PROJECT_SOURCE_DIR}/content\" -o \"${_sample}\" --version 1
        RESULT_VARIABLE result OUTPUT_VARIABLE output ERROR_VARIABLE output)
    if(NOT result EQUAL 0)
        message(FATAL_ERROR \"plaza-bundle could not build the sample bundle:\\n\${output}\")
    endif()
" COMPONENT kiosk)
install(FILES ${_sample} DESTINATION ${CMAKE_INSTALL_DATADIR}/plaza COMPONENT kiosk)
install(FILES ${PROJECT_SOURCE_DIR}/assets/map/world_110m.bin
        DESTINATION ${CMAKE_INSTALL_DATADIR}/plaza/map COMPONENT kiosk)

# Debian's places for these (bookworm keeps units and udev rules under /lib).
install(FILES ${_debian}/plaza.conf DESTINATION /etc/plaza COMPONENT kiosk)
# The drop-in folder ships empty: a technician's files in it are never the package's, so
# upgrades neither ask about them nor replace them.
file(MAKE_DIRECTORY ${_staging}/plaza.conf.d)
install(DIRECTORY ${_staging}/plaza.conf.d DESTINATION /etc/plaza COMPONENT kiosk)
install(FILES ${_debian}/plaza.service DESTINATION /lib/systemd/system COMPONENT kiosk)
install(FILES ${_debian}/71-plaza-usb-automount.rules DESTINATION /lib/udev/rules.d
        COMPONENT kiosk)
# lib/, not CMAKE_INSTALL_LIBDIR: that is the multiarch folder when the prefix is /usr.
install(FILES ${_debian}/plaza-tmpfiles.conf DESTINATION lib/tmpfiles.d RENAME plaza.conf
        COMPONENT kiosk)

# Debian wants the changelog and manual pages compressed with `gzip -9n` (no name or time stamp
# inside, so the same source gives the same package).
file(STRINGS ${_debian}/changelog _changelog_head LIMIT_COUNT 1)
if(NOT _changelog_head MATCHES "^plaza \\(${PROJECT_VERSION}\\) ")
    message(FATAL_ERROR "platform/debian/changelog does not start with version "
                        "${PROJECT_VERSION}: add an entry for it")
endif()
function(plaza_gzip source target)
    set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${source})
    execute_process(COMMAND gzip -9nc ${source} OUTPUT_FILE ${target} COMMAND_ERROR_IS_FATAL ANY)
endfunction()
plaza_gzip(${_debian}/changelog ${_staging}/changelog.gz)
foreach(page plaza plaza-say plaza-bundle)
    plaza_gzip(${_man}/${page}.1 ${_staging}/${page}.1.gz)
endforeach()
install(FILES ${_staging}/plaza.1.gz ${_staging}/plaza-say.1.gz
        DESTINATION ${CMAKE_INSTALL_MANDIR}/man1 COMPONENT kiosk)
install(FILES ${_staging}/plaza-bundle.1.gz DESTINATION ${CMAKE_INSTALL_MANDIR}/man1
        COMPONENT bundle)
install(FILES ${_debian}/copyright ${_staging}/changelog.gz
        DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/plaza COMPONENT kiosk)
install(FILES ${_debian}/copyright ${_staging}/changelog.gz
        DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/plaza-bundle COMPONENT bundle)

# The project maintains the packages, not one person.
set(PLAZA_DEB_MAINTAINER "The Plaza project <maintainers@plaza.example>")
# The Debian architecture the build targets; a cross build names it (dpkg-architecture's
# DEB_HOST_ARCH), a native one asks dpkg.
if(NOT PLAZA_DEB_ARCHITECTURE)
    execute_process(COMMAND dpkg --print-architecture OUTPUT_VARIABLE _deb_arch
                    OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_QUIET)
    set(PLAZA_DEB_ARCHITECTURE "${_deb_arch}" CACHE STRING "Debian architecture of the packages")
endif()

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME plaza)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_CONTACT ${PLAZA_DEB_MAINTAINER})
# Installed paths are /usr/... plus the absolute ones above (/etc, /lib), so the staging area
# is a whole root.
set(CPACK_SET_DESTDIR ON)
set(CPACK_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_INSTALL_DEFAULT_DIRECTORY_PERMISSIONS
    OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ GROUP_EXECUTE WORLD_READ WORLD_EXECUTE)

set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_COMPONENTS_ALL kiosk bundle)
set(CPACK_COMPONENTS_GROUPING IGNORE)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_ARCHITECTURE ${PLAZA_DEB_ARCHITECTURE})
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)

set(CPACK_DEBIAN_KIOSK_PACKAGE_NAME plaza)
set(CPACK_DEBIAN_KIOSK_PACKAGE_SECTION misc)
set(CPACK_DEBIAN_KIOSK_DESCRIPTION
    "offline touch kiosk for city partnership events\n"
    "Plaza shows partnership profiles, good practices and the event schedule\n"
    "from one signed SQLite bundle that organisers bring on a USB stick. It runs\n"
    "fullscreen on KMSDRM without X11 or Wayland, fully offline, as a systemd\n"
    "service with a watchdog.\n"
    "\n"
    "The package contains the kiosk (plaza), the voice check for technicians\n"
    "(plaza-say), a sample bundle, the service, a udev rule that mounts USB\n"
    "sticks read-only under /media/plaza, and the configuration file\n"
    "/etc/plaza/plaza.conf. The organisers' tool is in plaza-bundle.")
string(REPLACE ";" "" CPACK_DEBIAN_KIOSK_DESCRIPTION "${CPACK_DEBIAN_KIOSK_DESCRIPTION}")
# Runtime libraries come from dpkg-shlibdeps; the rest is what the kiosk uses besides them:
# - fonts (text, and Material Icons for the icons) and espeak-ng's voices, which the kiosk opens
#   by path and language;
# - what SDL loads with dlopen() on a KMSDRM display, invisible to dpkg-shlibdeps: EGL and
#   OpenGL ES through glvnd (libegl1, libgles2), Mesa's EGL vendor library (libegl-mesa0,
#   registered in /usr/share/glvnd/egl_vendor.d) and its drivers (libgl1-mesa-dri: v3d and vc4
#   on a Raspberry Pi), and GBM for the KMS buffers (libgbm1). platform/pi/check.sh lists what
#   the kiosk really opens on arm64;
# - systemd-mount and udev for the automount rule, adduser for the maintainer scripts.
set(CPACK_DEBIAN_KIOSK_PACKAGE_DEPENDS
    "adduser, systemd, udev, fonts-noto-core, fonts-noto-cjk, fonts-material-design-icons-iconfont, "
    "espeak-ng-data, libegl1, libgles2, libgbm1, libegl-mesa0, libgl1-mesa-dri")
string(REPLACE ";" "" CPACK_DEBIAN_KIOSK_PACKAGE_DEPENDS "${CPACK_DEBIAN_KIOSK_PACKAGE_DEPENDS}")
set(CPACK_DEBIAN_KIOSK_PACKAGE_SUGGESTS plaza-bundle)
set(CPACK_DEBIAN_KIOSK_PACKAGE_CONTROL_EXTRA
    ${_debian}/conffiles ${_debian}/postinst ${_debian}/prerm ${_debian}/postrm)

set(CPACK_DEBIAN_BUNDLE_PACKAGE_NAME plaza-bundle)
set(CPACK_DEBIAN_BUNDLE_PACKAGE_SECTION utils)
set(CPACK_DEBIAN_BUNDLE_DESCRIPTION
    "content bundle tool for the Plaza kiosk\n"
    "plaza-bundle turns an event's content folder (partnerships in CSV, good\n"
    "practices in Markdown with photos, the schedule as a pretalx or frab export\n"
    "or an iCalendar file) into one bundle for the Plaza touch kiosk, signs it\n"
    "with a minisign-compatible key, and checks and inspects bundles.")
string(REPLACE ";" "" CPACK_DEBIAN_BUNDLE_DESCRIPTION "${CPACK_DEBIAN_BUNDLE_DESCRIPTION}")
# iso-codes: the names of session languages in each event language, read while building.
set(CPACK_DEBIAN_BUNDLE_PACKAGE_DEPENDS "iso-codes")
# Up to 0.1.0 the plaza package carried /usr/bin/plaza-bundle.
set(CPACK_DEBIAN_BUNDLE_PACKAGE_BREAKS "plaza (<< 0.2.0~)")
set(CPACK_DEBIAN_BUNDLE_PACKAGE_REPLACES "plaza (<< 0.2.0~)")

include(CPack)
