#pragma once
// Lists for SQL `IN (...)` built from the domain's rules, so that queries
// never re-type what counts as attended, which roles can be double-booked,
// and so on. The texts are the enumerations' own (domain/enums.hpp): fixed
// identifiers, never user input.

#include <string>

#include "domain/enums.hpp"

namespace capdev::storage {

// "'present', 'late'": the texts of the values `rule` holds for.
template <domain::Enumeration E, class Rule>
std::string SqlTexts(Rule rule) {
  std::string out;
  for (E value : domain::Values<E>()) {
    if (!rule(value)) continue;
    if (!out.empty()) out += ", ";
    out += "'" + std::string(domain::ToText(value)) + "'";
  }
  return out;
}

}  // namespace capdev::storage
