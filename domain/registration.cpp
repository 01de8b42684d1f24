#include "domain/registration.hpp"

#include "domain/validation.hpp"

namespace capdev::domain {

Status Validate(const Registration& r) {
  Errors e;
  e.Required("person_id", r.person_id);
  e.Count("list_order", r.list_order);
  return e.ToStatus();
}

}  // namespace capdev::domain
