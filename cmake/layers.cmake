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
