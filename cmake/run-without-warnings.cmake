# SPDX-License-Identifier: GPL-3.0-or-later
# cmake -P run-without-warnings.cmake -- COMMAND [ARGUMENT]...
# Runs COMMAND and fails when it fails or writes anything to its standard
# error: makeinfo's and help2man's warnings fail the build.
set(command)
set(seen_separator FALSE)
math(EXPR last "${CMAKE_ARGC} - 1")
foreach(i RANGE 1 ${last})
  if(seen_separator)
    list(APPEND command "${CMAKE_ARGV${i}}")
  elseif(CMAKE_ARGV${i} STREQUAL "--")
    set(seen_separator TRUE)
  endif()
endforeach()
if(NOT command)
  message(FATAL_ERROR "usage: cmake -P run-without-warnings.cmake -- COMMAND [ARGUMENT]...")
endif()
execute_process(COMMAND ${command} RESULT_VARIABLE status ERROR_VARIABLE errors)
if(NOT status EQUAL 0 OR NOT errors STREQUAL "")
  list(JOIN command " " shown)
  message(FATAL_ERROR "${shown}\nexited with status ${status}; its standard error "
                      "(where warnings count as errors):\n${errors}")
endif()
