// The participant list's import (CheckParticipants and ImportParticipants,
// in imports.hpp): every row is read and matched first, with a handful of
// indexed queries for the whole list; a real run then writes what the check
// decided, each row in its own savepoint.

#include <algorithm>
#include <charconv>
#include <map>
#include <set>
#include <unordered_map>

#include "app/services/import_sheet.hpp"
#include "app/services/imports.hpp"
#include "app/services/organizations.hpp"
#include "app/services/people.hpp"
#include "domain/person.hpp"
#include "domain/registration.hpp"
#include "domain/workshop.hpp"
#include "storage/audit_log.hpp"
#include "storage/import_lookups.hpp"
#include "storage/organization_namespace.hpp"
#include "storage/romanize.hpp"
#include "storage/text_key.hpp"

namespace capdev::services {

namespace {

using domain::ImportAction;
using domain::ImportColumn;

std::vector<domain::FieldError> ErrorsOf(const domain::Status& status) {
  if (!status.errors().empty()) return status.errors();
  domain::ErrorCode code = domain::kInvalid;
  if (status.code() == domain::Code::kAlreadyExists) code = domain::kTaken;
  if (status.code() == domain::Code::kNotFound) code = domain::kNotFound;
  return {domain::FieldError("row", code, status.detail())};
}

void Put(json::object& o, const char* name, const std::string& value) {
  if (!value.empty()) o[name] = value;
}

// A row as read and matched, with what a real run writes for it.
struct PlannedRow {
  ImportRow report;
  domain::Person person;  // validated, organization not yet set
  domain::Registration registration;
  std::string organization_key;  // folded; empty: no organization
  std::optional<std::int64_t> organization_id;
  std::optional<std::size_t> same_as;  // an earlier row's new person
};

struct Plan {
  ImportReport report;  // rows filled from `rows` at the end
  std::vector<PlannedRow> rows;
  std::map<std::string, std::size_t> unmatched;  // key -> report index
};

// The list's own number: a whole number, or an error.
std::optional<std::int64_t> ListOrder(const std::string& text,
                                      std::vector<domain::FieldError>& errors) {
  if (text.empty()) return std::nullopt;
  std::int64_t n = 0;
  const auto [end, ec] =
      std::from_chars(text.data(), text.data() + text.size(), n);
  if (ec != std::errc() || end != text.data() + text.size() || n < 0 ||
      n > domain::kMaxCount) {
    errors.emplace_back("list_order", domain::kInvalid,
                        domain::Message("error.list_order"));
    return std::nullopt;
  }
  return n;
}

// Reads one row into `p`: the person's and the registration's fields,
// checked as their forms check them.
void ReadRow(const ImportHeader& header,
             const std::vector<formats::SheetCell>& cells, PlannedRow& p) {
  using C = ImportColumn;
  auto& row = p.report;
  const auto get = [&](C column) { return header.Get(cells, column); };
  json::object person;
  // A name in Chinese characters in the name column is the Chinese name: the
  // Latin one is generated from it.
  std::string full_name = get(C::kFullName), native = get(C::kNativeName);
  if (native.empty() && storage::LatinNameOf(full_name)) {
    native = full_name;
    full_name.clear();
  }
  Put(person, "full_name", full_name);
  Put(person, "native_name", native);
  Put(person, "position", get(C::kPosition));
  Put(person, "province", get(C::kProvince));
  Put(person, "email", get(C::kEmail));
  Put(person, "phone", get(C::kPhone));
  if (const auto gender = get(C::kGender); !gender.empty()) {
    if (const auto g = domain::GenderOf(gender)) {
      person["gender"] = domain::ToText(*g);
    } else {
      row.errors.emplace_back("gender", domain::kUnknownValue,
                              domain::Message("error.gender_values"));
    }
  }
  json::object registration;
  Put(registration, "role", domain::LowerTrimmed(get(C::kRole)));
  Put(registration, "status", domain::LowerTrimmed(get(C::kStatus)));
  registration["person_id"] = 1;  // the real one is known later
  const auto person_draft = codec::DecodeDraft<domain::Person>(person);
  const auto registration_draft =
      codec::DecodeDraft<domain::Registration>(registration);
  for (const auto* errors :
       {&person_draft.errors.list(), &registration_draft.errors.list()})
    row.errors.insert(row.errors.end(), errors->begin(), errors->end());
  p.person = WithGeneratedName(person_draft.ApplyTo({}), person_draft, {});
  p.registration = registration_draft.ApplyTo({});
  p.registration.list_order = ListOrder(get(C::kListOrder), row.errors);
  for (const auto& status :
       {domain::Validate(p.person), domain::Validate(p.registration)}) {
    if (status.ok()) continue;
    for (auto& e : ErrorsOf(status)) {
      const bool known =
          std::any_of(row.errors.begin(), row.errors.end(),
                      [&](const auto& have) { return have.field == e.field; });
      if (!known) row.errors.push_back(std::move(e));
    }
  }
  row.full_name = p.person.full_name;
  row.native_name = p.person.native_name.value_or("");
  row.organization = get(C::kOrganization);
  row.list_order = p.registration.list_order;
  p.organization_key =
      row.organization.empty() ? "" : storage::FoldKey(row.organization);
  if (!row.errors.empty()) row.action = ImportAction::kError;
}

// Matches every row: agencies by any of their names, people by email or by
// name within their organization, registrations of this workshop.
// `suggest`: find the organizations closest to each unmatched agency.
domain::StatusOr<Plan> MakePlan(storage::Database& db, std::int64_t workshop_id,
                                const formats::Rows& sheet, bool suggest) {
  RETURN_IF_ERROR(Load<domain::Workshop>(db, workshop_id));
  const auto header_index = FindHeaderRow(
      sheet, {ImportColumn::kFullName, ImportColumn::kNativeName});
  if (!header_index) return MissingColumn("participants");
  Plan plan;
  auto& report = plan.report;
  report.header_row = *header_index + 1;
  const ImportHeader header = ReadImportHeader(sheet[*header_index]);
  for (const auto& [column, text] : header.others)
    report.unknown_columns.push_back(text);

  // Agencies first: the people are matched within them.
  std::map<std::string, std::optional<std::int64_t>> organizations;
  for (std::size_t i = *header_index + 1; i < sheet.size(); ++i) {
    if (IsBlankRow(sheet[i])) continue;
    auto& p = plan.rows.emplace_back();
    p.report.row = i + 1;
    p.report.action = ImportAction::kCreatePerson;
    ReadRow(header, sheet[i], p);
    if (p.organization_key.empty()) continue;
    auto [it, added] = organizations.try_emplace(p.organization_key);
    if (added) {
      ASSIGN_OR_RETURN(it->second,
                       storage::OrganizationHolding(db, p.report.organization));
    }
    p.organization_id = it->second;
  }
  std::vector<std::optional<std::int64_t>> matched_orgs;
  for (const auto& [key, id] : organizations) {
    if (id) matched_orgs.push_back(id);
  }
  std::sort(matched_orgs.begin(), matched_orgs.end());
  matched_orgs.erase(std::unique(matched_orgs.begin(), matched_orgs.end()),
                     matched_orgs.end());
  report.organizations_matched = matched_orgs.size();
  const bool some_without =
      std::any_of(plan.rows.begin(), plan.rows.end(),
                  [](const auto& p) { return p.organization_key.empty(); });
  if (some_without) matched_orgs.emplace_back(std::nullopt);
  ASSIGN_OR_RETURN(auto known,
                   storage::ImportLookups::Load(db, workshop_id, matched_orgs));

  // Keys of the new people met so far: a later row naming one is the same.
  std::unordered_map<std::string, std::size_t> new_people;
  std::set<std::int64_t> registered_here;
  for (std::size_t k = 0; k < plan.rows.size(); ++k) {
    auto& p = plan.rows[k];
    auto& row = p.report;
    if (row.action == ImportAction::kError) continue;
    const bool unmatched = !p.organization_key.empty() && !p.organization_id;

    std::optional<std::int64_t> found;
    if (p.person.email) {
      ASSIGN_OR_RETURN(found, known.PersonWithEmail(*p.person.email));
    }
    if (!found && !unmatched) {
      const auto named = known.PeopleNamed(p.person, p.organization_id);
      if (named.size() > 1) {
        std::string ids;
        for (auto id : named)
          ids += (ids.empty() ? "" : ", ") + std::to_string(id);
        row.action = ImportAction::kError;
        row.errors.emplace_back(
            "full_name", domain::kInvalid,
            domain::Message("error.names_several_people",
                            {{"n", named.size()}, {"ids", ids}}));
        continue;
      }
      if (!named.empty()) found = named.front();
    }
    const std::string org_key = p.organization_id
                                    ? std::to_string(*p.organization_id)
                                    : "name:" + p.organization_key;
    if (found) {
      row.action = ImportAction::kMatchPerson;
      row.person_id = found;
    } else {
      // The same new person, by the rule that matches the people already
      // recorded: by email, else in the same agency by Chinese name, or by
      // Latin name where one of the two rows has no Chinese name (王芳 and
      // 汪芳 are two people, both WANG Fang).
      const std::string latin =
          storage::CompactKey(p.person.full_name) + '\x1f' + org_key;
      std::vector<std::string> lookups, claims;
      if (p.person.email) {
        lookups.push_back("@" + storage::FoldKey(*p.person.email));
        claims.push_back(lookups.back());
      }
      if (p.person.native_name) {
        claims.push_back("zh:" + storage::CompactKey(*p.person.native_name) +
                         '\x1f' + org_key);
        lookups.insert(lookups.end(), {claims.back(), "en:" + latin});
        claims.push_back("en+zh:" + latin);
      } else {
        lookups.insert(lookups.end(), {"en:" + latin, "en+zh:" + latin});
        claims.push_back("en:" + latin);
      }
      for (const auto& key : lookups) {
        if (auto it = new_people.find(key); it != new_people.end()) {
          p.same_as = it->second;
          break;
        }
      }
      if (p.same_as) {
        row.action = ImportAction::kAlreadyRegistered;
        ++report.duplicates_in_file;
        // A Latin-only row now has its Chinese name: 汪芳 later is not it.
        if (p.person.native_name) new_people.erase("en:" + latin);
        for (const auto& key : claims) new_people.emplace(key, *p.same_as);
        continue;
      }
      for (const auto& key : claims) new_people.emplace(key, k);
      continue;
    }
    if (auto registration = known.RegistrationOf(*found)) {
      row.action = ImportAction::kAlreadyRegistered;
      row.registration_id = registration;
    } else if (!registered_here.insert(*found).second) {
      row.action = ImportAction::kAlreadyRegistered;
      ++report.duplicates_in_file;
    }
  }
  // The agencies a new person would need: one that matches no organization
  // stops a real run (a person found by email needs none).
  for (const auto& p : plan.rows) {
    const bool creates =
        p.report.action == ImportAction::kCreatePerson || p.same_as;
    if (!creates || p.organization_key.empty() || p.organization_id) continue;
    auto [it, added] = plan.unmatched.try_emplace(
        p.organization_key, report.unmatched_organizations.size());
    if (added)
      report.unmatched_organizations.push_back({p.report.organization, {}, {}});
    report.unmatched_organizations[it->second].rows.push_back(p.report.row);
  }
  // Candidates for the first kMaxSuggested only: a list of a thousand
  // unknown agencies is to be looked at, not mapped one by one.
  constexpr std::size_t kMaxSuggested = 100;
  auto& unmatched = report.unmatched_organizations;
  if (suggest && !unmatched.empty()) {
    std::vector<std::string> names;
    for (std::size_t i = 0; i < unmatched.size() && i < kMaxSuggested; ++i)
      names.push_back(unmatched[i].name);
    ASSIGN_OR_RETURN(const auto all, storage::AllOrganizations(db));
    auto closest = storage::ClosestOrganizations(all, names, 3);
    for (std::size_t i = 0; i < closest.size(); ++i)
      unmatched[i].candidates = std::move(closest[i]);
  }
  return plan;
}

void Finish(Plan& plan) {
  for (auto& p : plan.rows) plan.report.rows.push_back(std::move(p.report));
  std::stable_sort(plan.report.rows.begin(), plan.report.rows.end(),
                   [](const auto& a, const auto& b) { return a.row < b.row; });
}

}  // namespace

domain::StatusOr<ImportReport> CheckParticipants(storage::Database& db,
                                                 std::int64_t workshop_id,
                                                 const formats::Rows& sheet) {
  ASSIGN_OR_RETURN(const auto snapshot, storage::ReadTransaction::Begin(db));
  ASSIGN_OR_RETURN(auto plan, MakePlan(db, workshop_id, sheet, true));
  SkipAboveHeader(sheet, plan.report.header_row - 1, plan.report.rows);
  Finish(plan);
  return std::move(plan.report);
}

namespace {

// The report's rows above the header, and whether the run stops there
// (refused: it writes nothing).
bool Settle(Plan& plan, const formats::Rows& sheet,
            const ImportOptions& options) {
  auto& report = plan.report;
  SkipAboveHeader(sheet, report.header_row - 1, report.rows);
  const bool errors = std::any_of(
      plan.rows.begin(), plan.rows.end(),
      [](const auto& p) { return p.report.action == ImportAction::kError; });
  const bool refused = errors && !options.skip_invalid;
  // Agencies to be created do not stop a run (nor are they news in its
  // refusal).
  if (options.create_organizations && refused)
    report.unmatched_organizations.clear();
  return refused || (!report.unmatched_organizations.empty() &&
                     !options.create_organizations);
}

// The writes of a plan that Settle let through.
domain::StatusOr<ImportReport> Write(storage::WriteTx& tx,
                                     const domain::Principal& by,
                                     std::int64_t workshop_id, Plan& plan) {
  auto& report = plan.report;

  // Unmatched agencies, created as the list spells them (kind other).
  std::map<std::string, std::int64_t> created;
  for (const auto& [key, index] : plan.unmatched) {
    const auto& u = report.unmatched_organizations[index];
    // A name in Chinese is its Chinese name too: kept when someone gives it
    // the English one.
    json::object fields{{"name", u.name}, {"kind", "other"}};
    if (storage::WrittenInHan(u.name)) fields["native_name"] = u.name;
    const auto draft = codec::DecodeDraft<domain::Organization>(fields);
    ASSIGN_OR_RETURN(auto org, CreateOrganization(tx, by, draft));
    created[key] = org.id;
    report.organizations_created.push_back(std::move(org));
  }
  report.unmatched_organizations.clear();

  for (auto& p : plan.rows) {
    auto& row = p.report;
    if (row.action == ImportAction::kError) continue;
    if (auto it = created.find(p.organization_key);
        !p.organization_id && it != created.end())
      p.organization_id = it->second;
    if (p.same_as) {
      const auto& first = plan.rows[*p.same_as].report;
      if (first.action == ImportAction::kError) {
        row.action = ImportAction::kError;
        row.errors.emplace_back(
            "row", domain::kInvalid,
            domain::Message("error.same_person_as_unsaved_row",
                            {{"row", first.row}}));
        continue;
      }
      row.person_id = first.person_id;
      row.registration_id = first.registration_id;
      continue;
    }
    // Past the writer's budget: stopped between rows, all of it undone.
    if (tx.db().PastDeadline())
      return domain::Status::Unavailable("error.import_over_budget");
    // A savepoint: the row or nothing.
    ASSIGN_OR_RETURN(auto row_tx, storage::WriteTx::Begin(tx.db()));
    domain::Status written = [&]() -> domain::Status {
      if (row.action == ImportAction::kCreatePerson) {
        p.person.organization_id = p.organization_id;
        ASSIGN_OR_RETURN(const auto person, SaveNew(tx, &by, p.person));
        row.person_id = person.id;
      }
      if (row.action == ImportAction::kAlreadyRegistered) return {};
      p.registration.workshop_id = workshop_id;
      p.registration.person_id = *row.person_id;
      ASSIGN_OR_RETURN(const auto registration,
                       SaveNew(tx, &by, p.registration));
      row.registration_id = registration.id;
      return {};
    }();
    if (written.ok()) {
      RETURN_IF_ERROR(row_tx.Commit());
    } else if (written.ServerFault()) {
      return written;  // the disk or a bug, not the row: the whole import
    } else {
      row.action = ImportAction::kError;
      row.errors = ErrorsOf(written);
      row.person_id.reset();  // rolled back with the row
      row.registration_id.reset();
    }
  }
  Finish(plan);
  return std::move(report);
}

}  // namespace

domain::StatusOr<ImportReport> ImportParticipants(
    storage::WriteTx& tx, const domain::Principal& by, std::int64_t workshop_id,
    const formats::Rows& sheet, const ImportOptions& options) {
  ASSIGN_OR_RETURN(auto plan, MakePlan(tx.db(), workshop_id, sheet,
                                       !options.create_organizations));
  if (Settle(plan, sheet, options)) {
    Finish(plan);
    return std::move(plan.report);
  }
  return Write(tx, by, workshop_id, plan);
}

domain::StatusOr<PlannedImport> PlanParticipants(storage::Database& db,
                                                 const domain::Principal& by,
                                                 std::int64_t workshop_id,
                                                 const formats::Rows& sheet,
                                                 const ImportOptions& options) {
  ASSIGN_OR_RETURN(const auto snapshot, storage::ReadTransaction::Begin(db));
  // Every change to the records is audited: the trail says what changed
  // after this snapshot.
  ASSIGN_OR_RETURN(const auto seen, storage::LastAuditId(db));
  ASSIGN_OR_RETURN(auto made, MakePlan(db, workshop_id, sheet,
                                       !options.create_organizations));
  PlannedImport planned;
  if (Settle(made, sheet, options)) {
    Finish(made);
    planned.report = std::move(made.report);
    return planned;
  }
  const bool creates_organizations = !made.unmatched.empty();
  const auto plan = std::make_shared<const Plan>(std::move(made));
  planned.write = [plan, by, workshop_id, seen, creates_organizations](
                      storage::WriteTx& tx) -> domain::StatusOr<ImportReport> {
    auto& now = tx.db();
    RETURN_IF_ERROR(Load<domain::Workshop>(now, workshop_id));
    // What could change a row's match since the snapshot: people,
    // registrations, the workshop; organizations changed or merged (a new one
    // only where the list has agencies to create).
    ASSIGN_OR_RETURN(const bool changed, storage::RecordsChangedSince(
                                             now, seen, creates_organizations));
    if (changed)
      return domain::Status::FailedPrecondition(
          "error.records_changed_during_import");
    // Write fills in the plan as it goes: each run (the writer runs a batch
    // again when it lost to another instance's) starts from the plan as made.
    Plan attempt = *plan;
    return Write(tx, by, workshop_id, attempt);
  };
  return planned;
}

}  // namespace capdev::services
