#include "app/api/crud.hpp"

#include <set>

namespace capdev::app {

void ThrowIfInvalid(domain::Errors& errors, const domain::Status& status) {
  std::set<std::string> rejected;
  for (const auto& e : errors.list()) rejected.insert(e.field);
  for (const auto& e : status.errors()) {
    if (!rejected.contains(e.field)) errors.Add(e.field, e.message);
  }
  if (!errors.empty()) throw StatusError(errors.ToStatus());
  ThrowIfError(status);  // a status without field errors (e.g. a 409)
}

std::string RequestPath(const Context& ctx) {
  const auto& t = ctx.request.target;
  return t.substr(0, t.find('?'));
}

}  // namespace capdev::app
