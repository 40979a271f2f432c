# Install rules and CPack (DEB) for `make package`: plumbline_<version>_amd64.deb.
# Only the app, its data files and docs are installed; tests and benchmarks have no install rules.
include(GNUInstallDirs)

# AppStream release date: set by hand with each version bump, so builds stay reproducible
# (a build-time date would change the package on every build).
set(PLUMBLINE_RELEASE_DATE "2026-12-01")
set(pkg_dir ${PROJECT_SOURCE_DIR}/packaging)
set(pkg_out ${PROJECT_BINARY_DIR}/packaging)
set(metainfo_id io.plumbline.Plumbline)
configure_file(${pkg_dir}/${metainfo_id}.metainfo.xml.in ${pkg_out}/${metainfo_id}.metainfo.xml @ONLY)

# Man page and PNG icon are generated from the binary's --help and the SVG icon, so they cannot
# drift from them; help2man and rsvg-convert come from .ci/install-deps.sh.
find_program(HELP2MAN help2man REQUIRED)
find_program(RSVG_CONVERT rsvg-convert REQUIRED)
find_program(GZIP gzip REQUIRED)
set(app_svg ${PROJECT_SOURCE_DIR}/resources/icons/app.svg)
add_custom_command(OUTPUT ${pkg_out}/plumbline.1.gz
    COMMAND ${HELP2MAN} --no-info --no-discard-stderr --include=${pkg_dir}/plumbline.h2m
            --name=check\ data\ architectures\ against\ their\ workloads
            --output=${pkg_out}/plumbline.1 $<TARGET_FILE:plumbline>
    # -n: no name or time stamp in the gzip header, so the package is reproducible.
    COMMAND ${GZIP} -9nf ${pkg_out}/plumbline.1
    DEPENDS plumbline ${pkg_dir}/plumbline.h2m
    COMMENT "Generating the man page with help2man" VERBATIM)
add_custom_command(OUTPUT ${pkg_out}/plumbline.png
    COMMAND ${RSVG_CONVERT} -w 256 -h 256 -o ${pkg_out}/plumbline.png ${app_svg}
    DEPENDS ${app_svg} COMMENT "Rendering the 256x256 icon" VERBATIM)
add_custom_command(OUTPUT ${pkg_out}/changelog.gz
    COMMAND ${GZIP} -9nc ${pkg_dir}/changelog.Debian > ${pkg_out}/changelog.gz
    DEPENDS ${pkg_dir}/changelog.Debian VERBATIM)
# Built by `make package` only, so the everyday, sanitizer and fuzz builds never run help2man.
add_custom_target(plumbline_packaging_data
    DEPENDS ${pkg_out}/plumbline.1.gz ${pkg_out}/plumbline.png ${pkg_out}/changelog.gz)

install(TARGETS plumbline RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(DIRECTORY ${PROJECT_SOURCE_DIR}/resources/examples/
    DESTINATION ${CMAKE_INSTALL_DATADIR}/plumbline/examples
    FILES_MATCHING PATTERN "*.json" PATTERN "*.findings.md")
install(FILES ${pkg_dir}/plumbline.desktop DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
install(FILES ${app_svg} RENAME plumbline.svg
    DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps)
install(FILES ${pkg_out}/plumbline.png DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/256x256/apps)
install(FILES ${pkg_dir}/plumbline-mime.xml RENAME plumbline.xml
    DESTINATION ${CMAKE_INSTALL_DATADIR}/mime/packages)
install(FILES ${pkg_out}/${metainfo_id}.metainfo.xml DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo)
install(FILES ${pkg_out}/plumbline.1.gz DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
# The version has no Debian revision, so lintian treats the package as native: changelog.gz.
install(FILES ${pkg_dir}/copyright ${pkg_out}/changelog.gz
    DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/plumbline)

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME plumbline)
set(CPACK_PACKAGE_VENDOR "Plumbline")
set(CPACK_PACKAGE_CONTACT "Plumbline maintainers <maintainers@plumbline.invalid>")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION devel)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
# Runtime Depends come from dpkg-shlibdeps on the built binary, never from a hand-kept list.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# CPack takes the synopsis from the summary (else project(DESCRIPTION)), the long description
# from CPACK_DEBIAN_PACKAGE_DESCRIPTION, indenting each of its lines.
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "check data architectures against their workloads")
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION "Plumbline is a desktop workbench for data architecture: draw bounded
contexts, services, stores, caches and event streams, connect them with
data flows and workload estimates, and it checks every store against a
built-in knowledge base, explaining each finding with numbers and
better-fitting alternatives.
.
The same checks run headless (plumbline check, with text, JSON or SARIF
output) for continuous integration, and plumbline report writes HTML,
Markdown or PDF architecture reports.")
include(CPack)
