# The Debian package (`cpack -G DEB` in a build folder): plaza, plaza-bundle and plaza-say in
# /usr/bin, the sample bundle built from content/, the systemd unit, the USB automount udev rule,
# the commented /etc/plaza/plaza.conf (a conffile) and the maintainer scripts from
# platform/debian/.
# For the architecture of the build machine: amd64 here, arm64 when built on a Raspberry Pi.
include(GNUInstallDirs)

set(_debian ${PROJECT_SOURCE_DIR}/platform/debian)

install(TARGETS plaza plaza-bundle plaza-say RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})

# The sample bundle is made when the package is made, by the plaza-bundle just built, so the
# package always carries content the kiosk of the same version can read. (Not at build time: a
# content/ folder half-way through an edit must not break every build.)
set(_sample ${PROJECT_BINARY_DIR}/packaging/sample.plaza)
install(CODE "
    file(MAKE_DIRECTORY \"${PROJECT_BINARY_DIR}/packaging\")
    execute_process(
        COMMAND \"$<TARGET_FILE:plaza-bundle>\" build \"${PROJECT_SOURCE_DIR}/content\"
                -o \"${_sample}\"
        RESULT_VARIABLE result OUTPUT_VARIABLE output ERROR_VARIABLE output)
    if(NOT result EQUAL 0)
        message(FATAL_ERROR \"plaza-bundle could not build the sample bundle:\\n\${output}\")
    endif()
")
install(FILES ${_sample} DESTINATION ${CMAKE_INSTALL_DATADIR}/plaza)

# Debian's places for these (bookworm keeps units and udev rules under /lib).
install(FILES ${_debian}/plaza.conf DESTINATION /etc/plaza)
install(FILES ${_debian}/plaza.service DESTINATION /lib/systemd/system)
install(FILES ${_debian}/71-plaza-usb-automount.rules DESTINATION /lib/udev/rules.d)
# lib/, not CMAKE_INSTALL_LIBDIR: that is the multiarch folder when the prefix is /usr.
install(FILES ${_debian}/plaza-tmpfiles.conf DESTINATION lib/tmpfiles.d RENAME plaza.conf)

# Debian wants the changelog compressed with `gzip -9n` (no name or time stamp inside).
file(STRINGS ${_debian}/changelog _changelog_head LIMIT_COUNT 1)
if(NOT _changelog_head MATCHES "^plaza \\(${PROJECT_VERSION}\\) ")
    message(FATAL_ERROR "platform/debian/changelog does not start with version "
                        "${PROJECT_VERSION}: add an entry for it")
endif()
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${_debian}/changelog)
set(_changelog_gz ${PROJECT_BINARY_DIR}/packaging/changelog.gz)
file(MAKE_DIRECTORY ${PROJECT_BINARY_DIR}/packaging)
execute_process(COMMAND gzip -9nc ${_debian}/changelog OUTPUT_FILE ${_changelog_gz}
                COMMAND_ERROR_IS_FATAL ANY)
install(FILES ${_debian}/copyright ${_changelog_gz}
        DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/plaza)

set(PLAZA_DEB_MAINTAINER "Plaza maintainers <maintainers@plaza.example>"
    CACHE STRING "Maintainer field of the Debian package")

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME plaza)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_CONTACT ${PLAZA_DEB_MAINTAINER})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "offline touch kiosk for city partnership events")
set(CPACK_PACKAGE_DESCRIPTION
    "Plaza shows partnership profiles, good practices and the event schedule\n"
    "from one signed SQLite bundle that organisers bring on a USB stick. It runs\n"
    "fullscreen on KMSDRM without X11 or Wayland, fully offline, as a systemd\n"
    "service with a watchdog.\n"
    "\n"
    "The package contains the kiosk (plaza), the organisers' bundle tool\n"
    "(plaza-bundle), a sample bundle, the service, a udev rule that mounts USB\n"
    "sticks read-only under /media/plaza, and the configuration file\n"
    "/etc/plaza/plaza.conf.")
string(REPLACE ";" "" CPACK_PACKAGE_DESCRIPTION "${CPACK_PACKAGE_DESCRIPTION}")
# Installed paths are /usr/... plus the absolute ones above (/etc, /lib), so the staging area
# is a whole root.
set(CPACK_SET_DESTDIR ON)
set(CPACK_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_INSTALL_DEFAULT_DIRECTORY_PERMISSIONS
    OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ GROUP_EXECUTE WORLD_READ WORLD_EXECUTE)

set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION misc)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
# Runtime libraries come from dpkg-shlibdeps; the rest is what the kiosk uses besides them:
# fonts (text, and Material Icons for the icons), espeak-ng's voices (libespeak-ng1 pulls them in
# today, but the kiosk reads them itself by language), systemd-mount for the udev rule, adduser for
# the maintainer scripts.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS
    "adduser, systemd, udev, fonts-noto-core, fonts-noto-cjk, fonts-material-design-icons-iconfont, espeak-ng-data")
set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA
    ${_debian}/conffiles ${_debian}/postinst ${_debian}/prerm ${_debian}/postrm)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)

include(CPack)
