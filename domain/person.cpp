#include "domain/person.hpp"

#include "domain/validation.hpp"

namespace capdev::domain {

Status Validate(const Person& p) {
  Errors e;
  // Either name is enough: a Chinese-only name gets its Latin form generated
  // before this check (storage/romanize.hpp).
  if (p.full_name.empty()) {
    e.Add("full_name", kRequired,
          p.native_name ? Message("error.full_name_needs_latin")
                        : Message("error.full_name_or_native_name"));
  }
  e.MaxLength("full_name", p.full_name, kMaxName);
  e.MaxLength("native_name", p.native_name, kMaxName);
  e.Positive("organization_id", p.organization_id);
  e.MaxLength("position", p.position, kMaxName);
  e.MaxLength("province", p.province, kMaxShort);
  e.MaxLength("email", p.email, 254);
  if (p.email && p.email->find('@') == std::string::npos) {
    e.Add("email", kInvalid, "error.email");
  }
  e.MaxLength("phone", p.phone, 50);
  return e.ToStatus();
}

std::string NameInBothScripts(const std::string& full_name,
                              const std::optional<std::string>& native_name) {
  if (!native_name || native_name->empty() || *native_name == full_name)
    return full_name;
  if (full_name.empty()) return *native_name;
  return full_name + " " + *native_name;
}

}  // namespace capdev::domain
