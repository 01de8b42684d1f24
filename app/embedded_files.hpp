#pragma once
// Files compiled into the binary by cmake/embed.cmake.

#include "app/openapi_document.hpp"
#include "app/seed_data.hpp"
