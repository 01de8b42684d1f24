#pragma once
// Concat("[", std::to_string(i), "].") joins pieces into one string.
//
// Why not `"[" + std::to_string(i)`: that is operator+(const char*,
// std::string&&), which inserts at the front of the temporary; GCC 12 at -O2
// and above inlines the insert and warns about a memcpy of "up to 2^63
// bytes" (-Wrestrict, -Wstringop-overflow: GCC PR 105329, 105651), a false
// positive that scrolled past every build. Appending to a reserved string
// says the same without it.

#include <string>
#include <string_view>

namespace capdev::domain {

template <class... Parts>
std::string Concat(const Parts&... parts) {
  std::string out;
  out.reserve((std::string_view(parts).size() + ...));
  (out.append(std::string_view(parts)), ...);
  return out;
}

}  // namespace capdev::domain
