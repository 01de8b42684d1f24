#include "domain/person.hpp"

#include "domain/validation.hpp"

namespace capdev::domain {

Status Validate(const Person& p) {
  Errors e;
  e.Required("full_name", p.full_name);
  e.MaxLength("full_name", p.full_name, kMaxName);
  e.MaxLength("native_name", p.native_name, kMaxName);
  e.Positive("organization_id", p.organization_id);
  e.MaxLength("position", p.position, kMaxName);
  e.MaxLength("province", p.province, kMaxShort);
  e.MaxLength("email", p.email, 254);
  if (p.email && p.email->find('@') == std::string::npos) {
    e.Add("email", "must be an email address");
  }
  e.MaxLength("phone", p.phone, 50);
  return e.ToStatus();
}

}  // namespace capdev::domain
