#pragma once
// The fields a client sent for a record (a create or a partial update),
// decoded but not yet applied: a service applies them onto the stored record
// (or a new one) inside its transaction, then checks the rules.

#include <algorithm>
#include <string_view>
#include <vector>

#include "domain/field.hpp"
#include "domain/validation.hpp"

namespace capdev::domain {

template <class E>
struct Draft {
  E values;                               // the sent fields; others default
  std::vector<std::string_view> present;  // the names of the sent fields
  Errors errors;                          // fields that could not be read

  bool Has(std::string_view name) const {
    return std::find(present.begin(), present.end(), name) != present.end();
  }
  // `base` with the sent fields replaced.
  E ApplyTo(E base) const {
    ForEachField<E>([&](const auto& f) {
      if (Has(f.name)) base.*(f.member) = values.*(f.member);
    });
    return base;
  }
};

}  // namespace capdev::domain
