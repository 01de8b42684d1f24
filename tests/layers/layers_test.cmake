# Run by ctest (tests/layers/CMakeLists.txt): builds each probe; the allowed
# one must compile, every other must fail for the reason expected.
set(refused "the database engine belongs to storage/ alone")
set(probes
  "services_may_include_storage|compiles"
  "services_include_sqlitecpp|${refused}"
  "reports_include_sqlite3|${refused}"
  "services_include_http|app/http/message.hpp: No such file"
  "storage_include_services|app/services/people.hpp: No such file"
  "domain_include_storage|storage/database.hpp: No such file"
  "codec_include_services|app/services/records.hpp: No such file")
foreach(probe IN LISTS probes)
  string(REPLACE "|" ";" probe "${probe}")
  list(GET probe 0 name)
  list(GET probe 1 expected)
  execute_process(
    COMMAND ${CMAKE_COMMAND} --build ${BUILD_DIR} --target probe_${name}
    RESULT_VARIABLE failed OUTPUT_VARIABLE out ERROR_VARIABLE out)
  if(expected STREQUAL "compiles")
    if(failed)
      message(FATAL_ERROR "${name}: an allowed include failed to build:\n${out}")
    endif()
  else()
    if(NOT failed)
      message(FATAL_ERROR "${name}: built, but the layers forbid it")
    endif()
    string(FIND "${out}" "${expected}" at)
    if(at EQUAL -1)
      message(FATAL_ERROR "${name}: failed, but not with \"${expected}\":\n${out}")
    endif()
  endif()
  message(STATUS "${name}: as expected")
endforeach()
