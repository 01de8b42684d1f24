#pragma once
// app/openapi.json, compiled into the binary (see cmake/embed.cmake).

#include <string_view>

namespace capdev::app {

std::string_view OpenApiDocument();

}  // namespace capdev::app
