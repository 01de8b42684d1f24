// What an import answers: each row and a summary, shared by both imports.

#include "app/services/imports.hpp"

namespace capdev::services {

using domain::ImportAction;

namespace {

json::value OptionalText(const std::string& text) {
  return text.empty() ? json::value(nullptr) : json::value(text);
}

json::object OrganizationJson(const domain::Organization& org) {
  return {{"id", org.id},
          {"name", org.name},
          {"native_name", org.native_name ? json::value(*org.native_name)
                                          : json::value(nullptr)}};
}

}  // namespace

bool ImportReport::HasErrors() const {
  for (const auto& r : rows) {
    if (r.action == ImportAction::kError) return true;
  }
  return false;
}

bool ImportShouldCommit(const ImportReport& report,
                        const ImportOptions& options) {
  return !options.dry_run && report.unmatched_organizations.empty() &&
         (options.skip_invalid || !report.HasErrors());
}

domain::Status ImportRefusal(const ImportReport& report) {
  std::vector<domain::FieldError> errors;
  for (const auto& row : report.rows) {
    for (auto e : row.errors) {
      e.field = "rows[" + std::to_string(row.row) + "]." + e.field;
      errors.push_back(std::move(e));
    }
  }
  domain::Message detail = "error.import_rows_refused";
  if (!report.unmatched_organizations.empty()) {
    std::string names;
    for (const auto& u : report.unmatched_organizations) {
      names += (names.empty() ? "" : ", ") + u.name;
      std::string rows;
      for (auto r : u.rows)
        rows += (rows.empty() ? "" : ", ") + std::to_string(r);
      errors.emplace_back("organization", domain::kNotFound,
                          domain::Message("error.agency_unmatched",
                                          {{"name", u.name}, {"rows", rows}}));
    }
    detail = domain::Message(
        "error.agencies_unmatched",
        {{"n", report.unmatched_organizations.size()}, {"names", names}});
  }
  return domain::Status::Invalid(std::move(errors), std::move(detail));
}

json::object ImportReport::ToJson(domain::Language lang) const {
  json::array list;
  json::object counts;
  for (auto action : domain::Values<ImportAction>())
    counts[domain::ToText(action)] = 0;
  for (const auto& r : rows) {
    json::array errors;
    for (const auto& e : r.errors) errors.push_back(codec::ToJson(e, lang));
    json::array marks;
    for (const auto& m : r.marks) {
      marks.push_back(
          {{"session_id", m.session_id},
           {"date", m.date.ToString()},
           {"from", m.from ? json::value(domain::ToText(*m.from)) : nullptr},
           {"to", domain::ToText(m.to)}});
    }
    const auto action = domain::ToText(r.action);
    counts[action] = counts[action].as_int64() + 1;
    list.push_back(
        {{"row", r.row},
         {"action", action},
         {"person_id", r.person_id ? json::value(*r.person_id) : nullptr},
         {"registration_id",
          r.registration_id ? json::value(*r.registration_id) : nullptr},
         {"full_name", OptionalText(r.full_name)},
         {"native_name", OptionalText(r.native_name)},
         {"organization", OptionalText(r.organization)},
         {"list_order", r.list_order ? json::value(*r.list_order) : nullptr},
         {"errors", std::move(errors)},
         {"marks", std::move(marks)}});
  }
  json::array unknown;
  for (const auto& name : unknown_columns)
    unknown.push_back(json::string(name));
  json::array unmatched;
  for (const auto& u : unmatched_organizations) {
    json::array rows_of, candidates;
    for (auto r : u.rows) rows_of.push_back(r);
    for (const auto& c : u.candidates)
      candidates.push_back(OrganizationJson(c));
    unmatched.push_back({{"name", u.name},
                         {"rows", std::move(rows_of)},
                         {"candidates", std::move(candidates)}});
  }
  json::array created;
  for (const auto& org : organizations_created)
    created.push_back(OrganizationJson(org));
  json::object summary{{"rows", rows.size()},
                       {"actions", std::move(counts)},
                       {"header_row", header_row},
                       {"duplicates_in_file", duplicates_in_file},
                       {"organizations_matched", organizations_matched},
                       {"unmatched_organizations", std::move(unmatched)},
                       {"organizations_created", std::move(created)},
                       {"marks_changed", marks_changed},
                       {"unknown_columns", std::move(unknown)}};
  return {{"rows", std::move(list)}, {"summary", std::move(summary)}};
}

}  // namespace capdev::services
