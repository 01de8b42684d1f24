#include "app/services/imports.hpp"

#include <set>

#include "app/services/import_sheet.hpp"
#include "app/services/organizations.hpp"
#include "app/services/people.hpp"
#include "app/services/registrations.hpp"
#include "domain/workshop.hpp"
#include "storage/natural_keys.hpp"
#include "storage/people.hpp"

namespace capdev::app {

namespace {

using domain::ImportAction;
using domain::ImportColumn;

// A refused write's reasons, as a row's errors.
std::vector<domain::FieldError> ErrorsOf(const domain::Status& status) {
  if (!status.errors().empty()) return status.errors();
  return {{"row", status.detail()}};
}

void Put(json::object& o, const char* name, const std::string& value) {
  if (!value.empty()) o[name] = value;
}

// The organization of a participant-list row, found by name or created.
domain::StatusOr<std::optional<std::int64_t>> OrganizationFor(
    storage::WriteTx& tx, const domain::Principal& by, const std::string& name,
    ImportReport& report) {
  if (name.empty()) return std::optional<std::int64_t>();
  if (auto id = storage::OrganizationNamed(tx.db(), name)) return id;
  const auto draft = DecodeDraft<domain::Organization>(
      json::object{{"name", name}, {"kind", "other"}});
  ASSIGN_OR_RETURN(const auto org, CreateOrganization(tx, by, draft));
  ++report.organizations_created;
  return std::optional<std::int64_t>(org.id);
}

// One participant-list row, written in `tx`; its errors are the row's.
ImportRow ImportParticipant(storage::WriteTx& tx, const domain::Principal& by,
                            std::int64_t workshop_id,
                            const ImportHeader& header,
                            const std::vector<SheetCell>& cells,
                            ImportReport& report) {
  using C = ImportColumn;
  ImportRow row;
  const auto get = [&](C column) { return header.Get(cells, column); };

  // Every field is read and checked before anything is written.
  json::object person;
  Put(person, "full_name", get(C::kFullName));
  Put(person, "native_name", get(C::kNativeName));
  Put(person, "position", get(C::kPosition));
  Put(person, "province", get(C::kProvince));
  Put(person, "email", get(C::kEmail));
  Put(person, "phone", get(C::kPhone));
  if (const auto gender = get(C::kGender); !gender.empty()) {
    if (const auto g = domain::GenderOf(gender)) {
      person["gender"] = domain::ToText(*g);
    } else {
      row.errors.push_back(
          {"gender",
           "must be F, M, 女, 男, female, male, other or undisclosed"});
    }
  }
  json::object registration;
  Put(registration, "role", domain::LowerTrimmed(get(C::kRole)));
  Put(registration, "status", domain::LowerTrimmed(get(C::kStatus)));
  registration["person_id"] = 1;  // checked below with the real id
  const auto person_draft = DecodeDraft<domain::Person>(person);
  const auto registration_draft =
      DecodeDraft<domain::Registration>(registration);
  for (const auto* errors :
       {&person_draft.errors.list(), &registration_draft.errors.list()})
    row.errors.insert(row.errors.end(), errors->begin(), errors->end());
  if (row.errors.empty()) {
    const auto invalid = domain::Validate(person_draft.ApplyTo({}));
    if (!invalid.ok()) row.errors = ErrorsOf(invalid);
  }
  if (!row.errors.empty()) return row;

  // The same person: by email, else by full name in the organization (found
  // by name, or created: nobody can be in a new one).
  std::optional<domain::Person> found;
  if (const auto email = get(C::kEmail); !email.empty())
    found = storage::PersonWithEmail(tx.db(), email);
  std::optional<std::int64_t> org;
  if (!found) {
    auto org_found = OrganizationFor(tx, by, get(C::kOrganization), report);
    if (!org_found.ok()) {
      row.errors = ErrorsOf(org_found.status());
      for (auto& e : row.errors) e.field = "organization";
      return row;
    }
    org = *org_found;
    found = storage::PersonNamed(tx.db(), get(C::kFullName), org);
  }
  if (found) {
    row.action = ImportAction::kMatchPerson;
    row.person_id = found->id;
  } else {
    auto draft = person_draft;
    draft.values.organization_id = org;
    if (org) draft.present.emplace_back("organization_id");
    auto created = CreatePerson(tx, by, draft);
    if (!created.ok()) {
      row.errors = ErrorsOf(created.status());
      return row;
    }
    row.action = ImportAction::kCreatePerson;
    row.person_id = created->person.id;
  }

  if (auto id = storage::RegistrationOf(tx.db(), workshop_id, *row.person_id)) {
    row.action = ImportAction::kAlreadyRegistered;
    row.registration_id = id;
    return row;
  }
  auto draft = registration_draft;
  draft.values.person_id = *row.person_id;
  auto registered = CreateRegistration(tx, by, workshop_id, draft, false);
  if (!registered.ok()) {
    row.action = ImportAction::kError;
    row.errors = ErrorsOf(registered.status());
    return row;
  }
  row.registration_id = registered->record.id;
  return row;
}

}  // namespace

bool ImportReport::HasErrors() const {
  for (const auto& r : rows) {
    if (r.action == ImportAction::kError) return true;
  }
  return false;
}

json::object ImportReport::ToJson() const {
  json::array list;
  json::object counts;
  for (auto action : domain::Values<ImportAction>())
    counts[domain::ToText(action)] = 0;
  for (const auto& r : rows) {
    json::array errors;
    for (const auto& e : r.errors)
      errors.push_back({{"field", e.field}, {"message", e.message}});
    const auto action = domain::ToText(r.action);
    counts[action] = counts[action].as_int64() + 1;
    list.push_back(
        {{"row", r.row},
         {"action", action},
         {"person_id", r.person_id ? json::value(*r.person_id) : nullptr},
         {"registration_id",
          r.registration_id ? json::value(*r.registration_id) : nullptr},
         {"errors", std::move(errors)}});
  }
  json::array unknown;
  for (const auto& name : unknown_columns)
    unknown.push_back(json::string(name));
  json::object summary{{"rows", rows.size()},
                       {"actions", std::move(counts)},
                       {"organizations_created", organizations_created},
                       {"marks_changed", marks_changed},
                       {"unknown_columns", std::move(unknown)}};
  return {{"rows", std::move(list)}, {"summary", std::move(summary)}};
}

domain::StatusOr<ImportReport> ImportParticipants(storage::WriteTx& tx,
                                                  const domain::Principal& by,
                                                  std::int64_t workshop_id,
                                                  const Rows& sheet,
                                                  bool dry_run) {
  RETURN_IF_ERROR(Load<domain::Workshop>(tx.db(), workshop_id));
  const ImportHeader header =
      ReadImportHeader(sheet.empty() ? std::vector<SheetCell>{} : sheet[0]);
  if (!header.known.contains(ImportColumn::kFullName))
    return MissingColumn("Full name (Name, 姓名)");
  ImportReport report;
  for (const auto& [column, text] : header.others)
    report.unknown_columns.push_back(text);
  std::set<std::int64_t> new_people, new_registrations;
  for (std::size_t i = 1; i < sheet.size(); ++i) {
    if (IsBlankRow(sheet[i])) continue;
    ImportRow row =
        ImportParticipant(tx, by, workshop_id, header, sheet[i], report);
    row.row = i + 1;
    if (row.action == ImportAction::kCreatePerson && row.person_id)
      new_people.insert(*row.person_id);
    if (row.registration_id && row.action != ImportAction::kAlreadyRegistered)
      new_registrations.insert(*row.registration_id);
    report.rows.push_back(std::move(row));
  }
  if (dry_run) {
    // Those records are rolled back: their ids would mislead.
    for (auto& row : report.rows) {
      if (row.person_id && new_people.contains(*row.person_id))
        row.person_id.reset();
      if (row.registration_id &&
          new_registrations.contains(*row.registration_id))
        row.registration_id.reset();
    }
  }
  return report;
}

}  // namespace capdev::app
