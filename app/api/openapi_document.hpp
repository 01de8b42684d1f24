#pragma once
// app/openapi.json, compiled into the binary (see cmake/embed.cmake).

#include <string_view>

namespace capdev::api {

std::string_view OpenApiDocument();

}  // namespace capdev::api
