# `make package`: a Debian package of the server, the built web app, a hardened systemd unit
# and a configuration under /etc/jinguo (docs/operations.md). Included by the top CMakeLists.
set(JINGUO_PACKAGING_DIR ${CMAKE_CURRENT_LIST_DIR})

install(TARGETS jinguo RUNTIME DESTINATION bin)
# The web app is built by `make web` (scripts/build-web.sh) into web/dist, outside CMake.
install(CODE "
  if(NOT EXISTS \"${PROJECT_SOURCE_DIR}/web/dist/index.html\")
    message(FATAL_ERROR \"web/dist/index.html is missing: run 'make build' (or scripts/build-web.sh) before packaging\")
  endif()")
install(DIRECTORY ${PROJECT_SOURCE_DIR}/web/dist/ DESTINATION share/jinguo/web)
# The operator guide and every page it links to (and the README, for its configuration table),
# laid out as in the source tree (README.md, docs/*.md) so that the same relative links
# (docs/operations.md → ../README.md#configuration) resolve in both places.
set(JINGUO_OPERATOR_DOCS operations.md backup.md nginx.md metrics.md crash-safety.md)
list(TRANSFORM JINGUO_OPERATOR_DOCS PREPEND ${PROJECT_SOURCE_DIR}/docs/)
install(FILES ${JINGUO_OPERATOR_DOCS} DESTINATION share/doc/jinguo/docs)
install(FILES ${PROJECT_SOURCE_DIR}/README.md DESTINATION share/doc/jinguo)
# Absolute destinations: where Debian expects them whatever the install prefix.
install(FILES ${JINGUO_PACKAGING_DIR}/jinguo.service DESTINATION /lib/systemd/system)
install(FILES ${JINGUO_PACKAGING_DIR}/config.json DESTINATION /etc/jinguo)

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME jinguo)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_CONTACT "Jinguo maintainers <jinguo@localhost>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "grassroots women's federation membership server (巾帼)")
set(CPACK_PACKAGE_DESCRIPTION
    "Jinguo keeps the registry of a women's federation's grassroots bodies, their members and\n\
positions: the web application, the JSON API and the command-line tool, on SQLite or PostgreSQL.")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION web)
# The shared libraries the binary links, as dpkg-shlibdeps finds them; the rest by hand:
# the CJK fonts the PDF forms and certificates embed, adduser for the postinst.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "adduser, fonts-noto-cjk")
# pg_dump for backups of a PostgreSQL database; nginx for TLS in front (docs/nginx.md).
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "postgresql-client")
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "nginx, postgresql")
set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA
    ${JINGUO_PACKAGING_DIR}/debian/postinst ${JINGUO_PACKAGING_DIR}/debian/prerm
    ${JINGUO_PACKAGING_DIR}/debian/postrm ${JINGUO_PACKAGING_DIR}/debian/conffiles)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
include(CPack)
