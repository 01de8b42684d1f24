# A layer sees only the layers it links. Each library gets an include root of
# its own in the build tree holding one link, DIR -> the source folder, so
# `#include "DIR/x.hpp"` resolves in that library and in whatever links it,
# and a header of a layer not linked is "No such file" at compile time.
# (Every folder's headers would be reachable through one include root at the
# top of the source tree; that is what this replaces.)
function(capdev_layer target dir)
  set(root ${CMAKE_BINARY_DIR}/layers/${target})
  cmake_path(GET dir PARENT_PATH parent)
  file(MAKE_DIRECTORY ${root}/${parent})
  file(CREATE_LINK ${PROJECT_SOURCE_DIR}/${dir} ${root}/${dir} SYMBOLIC)
  target_include_directories(${target} PUBLIC ${root})
endfunction()

# The database engines are storage's alone. Their headers sit in the system's
# include folder, where any file could reach them, so the layers above
# storage search a folder first in which each of them is an #error.
set(CAPDEV_ENGINE_REFUSED ${CMAKE_BINARY_DIR}/layers/engine-refused)
get_target_property(sqlitecpp_include SQLiteCpp INTERFACE_INCLUDE_DIRECTORIES)
file(GLOB engine_headers RELATIVE ${sqlitecpp_include} ${sqlitecpp_include}/SQLiteCpp/*.h)
foreach(header IN LISTS engine_headers ITEMS sqlite3.h libpq-fe.h)
  file(CONFIGURE OUTPUT ${CAPDEV_ENGINE_REFUSED}/${header} CONTENT
       "#error \"${header}: the database engine belongs to storage/ alone; call a storage function instead\"\n")
endforeach()
function(capdev_refuse_engine target)
  target_include_directories(${target} BEFORE PRIVATE ${CAPDEV_ENGINE_REFUSED})
endfunction()
