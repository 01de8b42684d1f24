#pragma once
// The catalog files, compiled in by cmake/embed.cmake.

#include <string_view>

namespace capdev::i18n {

std::string_view EnCatalog();
std::string_view ZhCatalog();

}  // namespace capdev::i18n
