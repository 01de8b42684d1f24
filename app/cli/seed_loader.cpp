#include "app/cli/seed_loader.hpp"

#include <spdlog/spdlog.h>

#include <fstream>
#include <map>
#include <sstream>

#include "app/cli/seed_data.hpp"
#include "app/codec/json_codec.hpp"
#include "app/i18n/catalog.hpp"
#include "domain/attendance.hpp"
#include "domain/organization.hpp"
#include "domain/person.hpp"
#include "domain/project.hpp"
#include "domain/registration.hpp"
#include "domain/session.hpp"
#include "domain/workshop.hpp"
#include "storage/migrations.hpp"
#include "storage/natural_keys.hpp"
#include "storage/parties.hpp"
#include "storage/records.hpp"
#include "storage/session_schedule.hpp"
#include "storage/transaction.hpp"

namespace capdev::cli {

namespace {

using domain::Status;
using domain::StatusOr;

Status Conflict(const std::string& what) {
  return Status::FailedPrecondition(
      domain::Message("error.seed_conflict", {{"record", what}}));
}

StatusOr<json::array> ParseSeedArray(const std::string& text,
                                     const char* file) {
  boost::system::error_code ec;
  auto v = json::parse(text, ec);
  if (ec || !v.is_array()) {
    return Status::Malformed(
        domain::Message("error.seed_not_array", {{"file", file}}));
  }
  return std::move(v.as_array());
}

// The objects of `record`'s array member `name` (422 when it is not one).
StatusOr<std::vector<json::object>> Objects(const json::object& record,
                                            const char* name,
                                            const std::string& label) {
  const auto* list = record.if_contains(name);
  std::vector<json::object> out;
  if (!list || !list->is_array())
    return Status::Invalid(
        {{label + "." + name, domain::kInvalid, "error.not_array"}});
  for (const auto& v : list->as_array()) {
    if (!v.is_object())
      return Status::Invalid(
          {{label + "." + name, domain::kInvalid, "error.not_objects"}});
    out.push_back(v.as_object());
  }
  return out;
}

// The entity fields of a seed record: everything but the seed's own keys
// (references by key, provenance and notes for human readers).
template <class E>
StatusOr<E> DecodeRecord(const json::object& record,
                         std::initializer_list<std::string_view> seed_keys,
                         const std::string& label) {
  json::object fields = record;
  for (auto k : seed_keys) fields.erase(k);
  E entity;
  domain::Errors errors;
  codec::Decode(fields, entity, errors);
  if (!errors.empty())
    return Status::Invalid(
        errors.list(),
        domain::Message("error.seed_record_malformed", {{"record", label}}));
  return entity;
}

std::string Key(const json::object& record) {
  auto* k = record.if_contains("key");
  return k && k->is_string() ? std::string(k->as_string()) : std::string("?");
}

class Loader {
 public:
  explicit Loader(storage::WriteTx& tx) : tx_(tx), db_(tx.db()) {}

  StatusOr<SeedReport> Run(const SeedFiles& files) {
    ASSIGN_OR_RETURN(auto orgs,
                     ParseSeedArray(files.organizations, "organizations.json"));
    ASSIGN_OR_RETURN(auto projects,
                     ParseSeedArray(files.projects, "projects.json"));
    ASSIGN_OR_RETURN(auto people, ParseSeedArray(files.people, "people.json"));
    ASSIGN_OR_RETURN(auto workshops,
                     ParseSeedArray(files.workshops, "workshops.json"));
    for (const auto& [list, load] :
         {std::pair{&orgs, &Loader::Organization},
          std::pair{&projects, &Loader::Project},
          std::pair{&people, &Loader::Person},
          std::pair{&workshops, &Loader::Workshop}}) {
      for (const auto& v : *list) {
        if (!v.is_object())
          return Status::Malformed("error.seed_record_not_object");
        RETURN_IF_ERROR((this->*load)(v.as_object()));
      }
    }
    return report_;
  }

 private:
  StatusOr<std::int64_t> Ref(const std::map<std::string, std::int64_t>& ids,
                             const json::value* key, const std::string& label) {
    if (!key || !key->is_string())
      return Status::Invalid(
          {{label, domain::kRequired, "error.missing_reference"}});
    auto it = ids.find(std::string(key->as_string()));
    if (it == ids.end()) {
      return Status::Invalid(
          {{label, domain::kNotFound,
            domain::Message("error.unknown_seed_key",
                            {{"key", std::string(key->as_string())}})}});
    }
    return it->second;
  }

  // Creates `entity`, or checks that the record found under its identity is
  // the same. Returns the id and whether it was created.
  template <class E>
  StatusOr<std::pair<std::int64_t, bool>> Upsert(
      const E& entity, std::optional<std::int64_t> existing,
      const std::string& label) {
    if (auto s = domain::Validate(entity); !s.ok())
      return Status::Invalid(s.errors(),
                             domain::Message("error.seed_record_breaks_rule",
                                             {{"record", label}}));
    if (existing) {
      ASSIGN_OR_RETURN(const auto stored, storage::Get<E>(db_, *existing));
      if (!stored || !domain::SameFields(*stored, entity))
        return Conflict(label);
      report_.unchanged++;
      return std::pair{*existing, false};
    }
    ASSIGN_OR_RETURN(const auto id, storage::Insert(tx_, entity));
    report_.created++;
    return std::pair{id, true};
  }

  // A workshop is found by its title and seed document. One loaded by the
  // first seed (its source the bare document name) is brought up to date:
  // the citation, what the release states and the notes; nothing else may
  // differ.
  StatusOr<std::pair<std::int64_t, bool>> UpsertWorkshop(
      const domain::Workshop& w, const std::string& label) {
    if (!w.source)
      return Status::Invalid(
          {{label + ".source", domain::kRequired, "error.required_in_seed"}});
    const std::string& source = *w.source;
    const auto open = source.rfind("(seed document ");
    if (open == std::string::npos || !source.ends_with(")"))
      return Status::Invalid(
          {{label + ".source", domain::kInvalid, "error.seed_source_form"}});
    const std::string document =
        source.substr(open + 15, source.size() - open - 16);
    ASSIGN_OR_RETURN(const auto existing,
                     storage::WorkshopBySource(db_, document, w.title));
    if (existing) {
      ASSIGN_OR_RETURN(const auto found,
                       storage::Get<domain::Workshop>(db_, *existing));
      if (found && found->source == document) {
        const domain::Workshop& stored = *found;
        auto upgraded = stored;
        upgraded.source = w.source;
        upgraded.notes = w.notes;
        upgraded.duration_days = w.duration_days;
        upgraded.stated_dates = w.stated_dates;
        auto wanted = w;
        wanted.id = stored.id;
        if (!domain::SameFields(upgraded, wanted)) return Conflict(label);
        RETURN_IF_ERROR(storage::Update(tx_, upgraded));
        report_.updated++;
        return std::pair{stored.id, false};
      }
    }
    return Upsert(w, existing, label);
  }

  template <class Party>
  Status CheckParties(const std::vector<Party>& stored,
                      const std::vector<Party>& wanted,
                      const std::string& label) {
    bool same = stored.size() == wanted.size();
    for (std::size_t i = 0; same && i < stored.size(); ++i) {
      same = domain::SameFields(stored[i], wanted[i]);
    }
    return same ? Status::Ok()
                : Conflict("the partner organizations of " + label);
  }

  // The parties listed under `name`, each naming its organization by key.
  template <class Party>
  StatusOr<std::vector<Party>> Parties(const json::object& r, const char* name,
                                       const std::string& label) {
    ASSIGN_OR_RETURN(const auto entries, Objects(r, name, label));
    std::vector<Party> parties;
    for (const auto& p : entries) {
      ASSIGN_OR_RETURN(auto party,
                       DecodeRecord<Party>(p, {"organization"}, label));
      ASSIGN_OR_RETURN(
          party.organization_id,
          Ref(organizations_, p.if_contains("organization"), label));
      parties.push_back(party);
    }
    RETURN_IF_ERROR(domain::ValidateParties(parties));
    return parties;
  }

  Status Organization(const json::object& r) {
    const std::string label = "organization " + Key(r);
    ASSIGN_OR_RETURN(auto org,
                     DecodeRecord<domain::Organization>(
                         r, {"key", "parent", "sources", "notes"}, label));
    if (auto* parent = r.if_contains("parent"); parent && !parent->is_null()) {
      ASSIGN_OR_RETURN(org.parent_id,
                       Ref(organizations_, parent, label + ".parent"));
    }
    ASSIGN_OR_RETURN(const auto existing,
                     storage::OrganizationByName(db_, org.name));
    if (existing) RETURN_IF_ERROR(AddChineseNames(*existing, org, label));
    ASSIGN_OR_RETURN(const auto upserted, Upsert(org, existing, label));
    organizations_[Key(r)] = upserted.first;
    return Status::Ok();
  }

  // An organization seeded before it had its Chinese name and aliases gets
  // them, where it has none of its own yet; nothing else may differ.
  Status AddChineseNames(std::int64_t id, const domain::Organization& wanted,
                         const std::string& label) {
    ASSIGN_OR_RETURN(const auto stored,
                     storage::Get<domain::Organization>(db_, id));
    if (!stored || domain::SameFields(*stored, wanted)) return Status::Ok();
    auto upgraded = *stored;
    if (!upgraded.native_name) upgraded.native_name = wanted.native_name;
    if (upgraded.aliases.empty()) upgraded.aliases = wanted.aliases;
    if (!domain::SameFields(upgraded, wanted)) return Conflict(label);
    RETURN_IF_ERROR(storage::Update(tx_, upgraded));
    report_.updated++;
    return Status::Ok();
  }

  Status Project(const json::object& r) {
    const std::string label = "project " + Key(r);
    ASSIGN_OR_RETURN(const auto project,
                     DecodeRecord<domain::Project>(
                         r, {"key", "parties", "sources", "notes"}, label));
    ASSIGN_OR_RETURN(const auto existing,
                     storage::ProjectByCode(db_, project.code));
    ASSIGN_OR_RETURN(const auto upserted, Upsert(project, existing, label));
    const auto [id, created] = upserted;
    projects_[Key(r)] = id;
    ASSIGN_OR_RETURN(const auto parties,
                     Parties<domain::ProjectParty>(r, "parties", label));
    if (!created) {
      ASSIGN_OR_RETURN(const auto stored, storage::ProjectParties(db_, id));
      return CheckParties(stored, parties, label);
    }
    return storage::ReplaceProjectParties(tx_, id, parties);
  }

  Status Person(const json::object& r) {
    const std::string label = "person " + Key(r);
    ASSIGN_OR_RETURN(
        auto person,
        DecodeRecord<domain::Person>(
            r, {"key", "organization", "sources", "notes"}, label));
    if (auto* org = r.if_contains("organization"); org && !org->is_null()) {
      ASSIGN_OR_RETURN(person.organization_id,
                       Ref(organizations_, org, label + ".organization"));
    }
    ASSIGN_OR_RETURN(
        const auto existing,
        storage::PersonByName(db_, person.full_name, person.organization_id));
    ASSIGN_OR_RETURN(const auto upserted, Upsert(person, existing, label));
    people_[Key(r)] = upserted.first;
    return Status::Ok();
  }

  Status Workshop(const json::object& r) {
    const std::string label = "workshop " + Key(r);
    ASSIGN_OR_RETURN(
        auto w,
        DecodeRecord<domain::Workshop>(
            r, {"key", "project", "organizations", "sessions", "registrations"},
            label));
    ASSIGN_OR_RETURN(w.project_id, Ref(projects_, r.if_contains("project"),
                                       label + ".project"));
    ASSIGN_OR_RETURN(const auto upserted, UpsertWorkshop(w, label));
    const auto [id, created] = upserted;
    w.id = id;
    ASSIGN_OR_RETURN(const auto parties,
                     Parties<domain::WorkshopParty>(r, "organizations", label));

    std::vector<domain::Date> days;
    ASSIGN_OR_RETURN(const auto sessions, Objects(r, "sessions", label));
    for (const auto& s : sessions) {
      ASSIGN_OR_RETURN(const auto session, DecodeRecord<domain::Session>(
                                               s, {}, label + " session"));
      RETURN_IF_ERROR(domain::Validate(session, w));
      if (session.date) days.push_back(*session.date);  // Validate requires it
    }

    if (created) {
      RETURN_IF_ERROR(storage::ReplaceWorkshopParties(tx_, id, parties));
      RETURN_IF_ERROR(storage::AddSessions(tx_, id, days));
    } else {
      ASSIGN_OR_RETURN(const auto stored, storage::WorkshopParties(db_, id));
      RETURN_IF_ERROR(CheckParties(stored, parties, label));
      ASSIGN_OR_RETURN(const int count, storage::CountSessions(db_, id));
      if (count != static_cast<int>(days.size()))
        return Conflict("the sessions of " + label);
    }

    ASSIGN_OR_RETURN(const auto registrations,
                     Objects(r, "registrations", label));
    for (const auto& v : registrations) {
      ASSIGN_OR_RETURN(
          auto reg, DecodeRecord<domain::Registration>(v, {"person"}, label));
      reg.workshop_id = id;
      ASSIGN_OR_RETURN(reg.person_id, Ref(people_, v.if_contains("person"),
                                          label + ".registrations"));
      ASSIGN_OR_RETURN(const auto existing,
                       storage::RegistrationOf(db_, id, reg.person_id));
      RETURN_IF_ERROR(Upsert(reg, existing, label + " registration"));
    }
    return Status::Ok();
  }

  storage::WriteTx& tx_;
  storage::Database& db_;
  SeedReport report_;
  std::map<std::string, std::int64_t> organizations_, projects_, people_;
};

StatusOr<std::string> ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return Status::NotFound(
        domain::Message("error.cannot_read_file", {{"path", path}}));
  }
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

}  // namespace

SeedFiles BuiltInSeed() {
  return {std::string(SeedOrganizations()), std::string(SeedProjects()),
          std::string(SeedPeople()), std::string(SeedWorkshops())};
}

domain::StatusOr<SeedFiles> ReadSeedFolder(const std::string& folder) {
  SeedFiles files;
  ASSIGN_OR_RETURN(files.organizations,
                   ReadFile(folder + "/organizations.json"));
  ASSIGN_OR_RETURN(files.projects, ReadFile(folder + "/projects.json"));
  ASSIGN_OR_RETURN(files.people, ReadFile(folder + "/people.json"));
  ASSIGN_OR_RETURN(files.workshops, ReadFile(folder + "/workshops.json"));
  return files;
}

domain::StatusOr<SeedReport> LoadSeed(storage::Database& db,
                                      const SeedFiles& files) {
  return storage::InWriteTx(
      db, [&](storage::WriteTx& tx) { return Loader(tx).Run(files); });
}

int RunSeed(const std::string& db_path, const std::string& folder) {
  storage::Database db({db_path});
  if (auto s = storage::Migrate(db); !s.ok()) {
    spdlog::error("{}", i18n::LogText(s));
    return 1;
  }
  auto files = folder.empty() ? domain::StatusOr<SeedFiles>(BuiltInSeed())
                              : ReadSeedFolder(folder);
  auto result = files.ok() ? LoadSeed(db, *files)
                           : domain::StatusOr<SeedReport>(files.status());
  if (!result.ok()) {
    spdlog::error("seed refused, nothing was written: {}",
                  i18n::LogText(result.status()));
    return 1;
  }
  spdlog::info(
      "seed loaded into {}: {} records created, {} updated, {} already "
      "present",
      db_path, result->created, result->updated, result->unchanged);
  return 0;
}

}  // namespace capdev::cli
