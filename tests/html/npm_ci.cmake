# The setup of the browser test (ctest html_report_npm): playwright-core from the npm registry,
# installed with `npm ci` into DEST (the build directory of tests/html) from the package.json and
# package-lock.json of SRC, again only when the lock file changed.
# cmake -DSRC=... -DDEST=... -DNPM=... -P npm_ci.cmake
foreach(var SRC DEST NPM)
  if(NOT ${var})
    message(FATAL_ERROR "npm_ci.cmake: ${var} is not set")
  endif()
endforeach()
file(SHA256 ${SRC}/package-lock.json lock_hash)
set(stamp ${DEST}/node_modules/.viewcheck-lock-sha256)
if(EXISTS ${stamp})
  file(READ ${stamp} installed)
  if(installed STREQUAL lock_hash)
    message(STATUS "playwright-core is installed in ${DEST}/node_modules")
    return()
  endif()
endif()
file(MAKE_DIRECTORY ${DEST})
file(COPY ${SRC}/package.json ${SRC}/package-lock.json DESTINATION ${DEST})
execute_process(COMMAND ${NPM} ci --no-audit --no-fund --loglevel=error
                WORKING_DIRECTORY ${DEST} RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "'npm ci' in ${DEST} failed (${rc}): the browser test needs playwright-core "
                      "from the npm registry")
endif()
file(WRITE ${stamp} ${lock_hash})
