#include "domain/organization.hpp"

#include "domain/validation.hpp"

namespace capdev::domain {

Status Validate(const Organization& org) {
  Errors e;
  e.Required("name", org.name);
  e.MaxLength("name", org.name, kMaxName);
  e.MaxLength("short_name", org.short_name, kMaxShort);
  e.MaxLength("native_name", org.native_name, kMaxName);
  e.Required("kind", org.kind);
  e.UpperLetters("country", org.country, 2);
  e.Positive("parent_id", org.parent_id);
  if (org.id != 0 && org.parent_id == org.id)
    e.Add("parent_id", "must not be the organization itself");
  e.MaxLength("iati_ref", org.iati_ref, kMaxShort);
  return e.ToStatus();
}

}  // namespace capdev::domain
