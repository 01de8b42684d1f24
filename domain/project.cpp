#include "domain/project.hpp"

#include <set>
#include <utility>

#include "domain/concat.hpp"
#include "domain/validation.hpp"

namespace capdev::domain {

bool IsFunderRole(ProjectRole role) {
  return role == ProjectRole::kLeadFunder || role == ProjectRole::kCoFunder;
}

Status Validate(const Project& p) {
  Errors e;
  e.Required("code", p.code);
  e.MaxLength("code", p.code, 32);
  e.Required("title", p.title);
  e.MaxLength("title", p.title, kMaxName);
  e.MaxLength("native_title", p.native_title, kMaxName);
  e.LongText("summary", p.summary);
  e.MaxLength("funding_instrument", p.funding_instrument, kMaxName);
  e.UpperLetters("default_currency", p.default_currency, 3);
  if (p.start_date && p.end_date && *p.end_date < *p.start_date) {
    e.Add("end_date", kNotBefore,
          Message("error.not_before", {{"other", FieldTerm("start_date")}}));
  }
  return e.ToStatus();
}

Status ValidateParties(std::span<const ProjectParty> parties) {
  Errors e;
  if (!e.AtMost("", parties.size(), kMaxParties, Term{"error.noun.parties"})) {
    return e.ToStatus();
  }
  std::set<std::pair<std::int64_t, ProjectRole>> seen;
  for (std::size_t i = 0; i < parties.size(); ++i) {
    const auto& p = parties[i];
    const std::string at = Concat("[", std::to_string(i), "].");
    e.Required(at + "organization_id", p.organization_id);
    e.Required(at + "role", p.role);
    if (!p.role) continue;
    if (!IsFunderRole(*p.role) && (p.amount || p.currency)) {
      e.Add(at + "amount", kNotAllowed, "error.amount_for_funders_only");
    }
    if (p.amount && *p.amount < 0)
      e.Add(at + "amount", kOutOfRange, "error.not_negative");
    e.UpperLetters(at + "currency", p.currency, 3);
    if (!seen.emplace(p.organization_id, *p.role).second) {
      e.Add(at + "role", kRepeated, "error.role_repeated_in_project");
    }
  }
  return e.ToStatus();
}

}  // namespace capdev::domain
