#include "domain/registration.hpp"

#include "domain/validation.hpp"

namespace capdev::domain {

Status Validate(const Registration& r) {
  Errors e;
  e.Required("person_id", r.person_id);
  e.OneOf("role", r.role, kRegistrationRoles);
  e.OneOf("status", r.status, kRegistrationStatuses);
  return e.ToStatus();
}

}  // namespace capdev::domain
