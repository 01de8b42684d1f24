#pragma once
// Lists for SQL `IN (...)` built from the domain's rules, so that queries
// never re-type what counts as attended, which roles can be double-booked,
// and so on. The texts are the enumerations' own (domain/enums.hpp): fixed
// identifiers, never user input.

#include <string>

#include "domain/concat.hpp"
#include "domain/enums.hpp"

namespace capdev::storage {

// The ids of organization :org and, when :children is not 0, of every
// organization below it: what a funder report covers, and so what a funder
// user may see. A subquery: "x IN (" + kOrganizationAndBelow + ")".
inline constexpr const char* kOrganizationAndBelow = R"sql(
WITH RECURSIVE below(id) AS (
  SELECT :org
  UNION SELECT o.id FROM organizations o JOIN below b ON o.parent_id = b.id
  WHERE :children <> 0)
SELECT id FROM below)sql";

// "'present', 'late'": the texts of the values `rule` holds for.
template <domain::Enumeration E, class Rule>
std::string SqlTexts(Rule rule) {
  std::string out;
  for (E value : domain::Values<E>()) {
    if (!rule(value)) continue;
    if (!out.empty()) out += ", ";
    out += domain::Concat("'", domain::ToText(value), "'");
  }
  return out;
}

}  // namespace capdev::storage
