#include "app/cli/seed_loader.hpp"

#include <spdlog/spdlog.h>

#include <fstream>
#include <map>
#include <sstream>

#include "app/http/json_codec.hpp"
#include "app/cli/seed_data.hpp"
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

namespace capdev::app {

namespace {

// Thrown inside the transaction to abandon the whole load.
struct SeedError {
  domain::Status status;
};

[[noreturn]] void Fail(domain::Status status) {
  throw SeedError{std::move(status)};
}

[[noreturn]] void Conflict(const std::string& what) {
  Fail(domain::Status::FailedPrecondition(
      "the database already holds " + what +
      " with different details; refusing to overwrite it (seed into a fresh "
      "database, or "
      "reconcile the record first)"));
}

json::array ParseArray(const std::string& text, const char* file) {
  boost::system::error_code ec;
  auto v = json::parse(text, ec);
  if (ec || !v.is_array()) {
    Fail(domain::Status::Malformed(std::string("seed file ") + file +
                                   " is not a JSON array"));
  }
  return std::move(v.as_array());
}

// The entity fields of a seed record: everything but the seed's own keys
// (references by key, provenance and notes for human readers).
template <class E>
E DecodeRecord(const json::object& record,
               std::initializer_list<std::string_view> seed_keys,
               const std::string& label) {
  json::object fields = record;
  for (auto k : seed_keys) fields.erase(k);
  E entity;
  domain::Errors errors;
  Decode(fields, entity, errors);
  if (!errors.empty())
    Fail(domain::Status::Invalid(errors.list(),
                                 "seed record " + label + " is malformed"));
  return entity;
}

std::string Key(const json::object& record) {
  auto* k = record.if_contains("key");
  return k && k->is_string() ? std::string(k->as_string()) : std::string("?");
}

class Loader {
 public:
  explicit Loader(storage::WriteTx& tx) : tx_(tx), db_(tx.db()) {}

  SeedReport Run(const SeedFiles& files) {
    for (auto& v : ParseArray(files.organizations, "organizations.json"))
      Organization(v.as_object());
    for (auto& v : ParseArray(files.projects, "projects.json"))
      Project(v.as_object());
    for (auto& v : ParseArray(files.people, "people.json"))
      Person(v.as_object());
    for (auto& v : ParseArray(files.workshops, "workshops.json"))
      Workshop(v.as_object());
    return report_;
  }

 private:
  std::int64_t Ref(const std::map<std::string, std::int64_t>& ids,
                   const json::value* key, const std::string& label) {
    if (!key || !key->is_string())
      Fail(domain::Status::Invalid({{label, "missing reference"}}));
    auto it = ids.find(std::string(key->as_string()));
    if (it == ids.end()) {
      Fail(domain::Status::Invalid(
          {{label, "unknown key " + std::string(key->as_string())}}));
    }
    return it->second;
  }

  // Creates `entity`, or checks that the record found under its identity is
  // the same. Returns the id and whether it was created.
  template <class E>
  std::pair<std::int64_t, bool> Upsert(E entity,
                                       std::optional<std::int64_t> existing,
                                       const std::string& label) {
    if (auto s = domain::Validate(entity); !s.ok()) {
      Fail(domain::Status::Invalid(s.errors(),
                                   "seed record " + label + " breaks a rule"));
    }
    if (existing) {
      if (!domain::SameFields(*storage::Get<E>(db_, *existing), entity))
        Conflict(label);
      report_.unchanged++;
      return {*existing, false};
    }
    auto id = storage::Insert(tx_, entity);
    if (!id.ok()) Fail(id.status());
    report_.created++;
    return {id.value(), true};
  }

  template <class Party>
  void CheckParties(const std::vector<Party>& stored,
                    const std::vector<Party>& wanted,
                    const std::string& label) {
    bool same = stored.size() == wanted.size();
    for (std::size_t i = 0; same && i < stored.size(); ++i) {
      same = domain::SameFields(stored[i], wanted[i]);
    }
    if (!same) Conflict("the partner organizations of " + label);
  }

  void Organization(const json::object& r) {
    const std::string label = "organization " + Key(r);
    auto org = DecodeRecord<domain::Organization>(
        r, {"key", "parent", "sources", "notes"}, label);
    if (auto* parent = r.if_contains("parent"); parent && !parent->is_null()) {
      org.parent_id = Ref(organizations_, parent, label + ".parent");
    }
    organizations_[Key(r)] =
        Upsert(org, storage::OrganizationByName(db_, org.name), label).first;
  }

  void Project(const json::object& r) {
    const std::string label = "project " + Key(r);
    auto project = DecodeRecord<domain::Project>(
        r, {"key", "parties", "sources", "notes"}, label);
    auto [id, created] =
        Upsert(project, storage::ProjectByCode(db_, project.code), label);
    projects_[Key(r)] = id;

    std::vector<domain::ProjectParty> parties;
    for (const auto& p : r.at("parties").as_array()) {
      auto party = DecodeRecord<domain::ProjectParty>(p.as_object(),
                                                      {"organization"}, label);
      party.organization_id =
          Ref(organizations_, p.as_object().if_contains("organization"), label);
      parties.push_back(party);
    }
    if (auto s = domain::ValidateParties(parties); !s.ok()) Fail(s);
    if (created) {
      if (auto s = storage::ReplaceProjectParties(tx_, id, parties); !s.ok())
        Fail(s);
    } else {
      CheckParties(storage::ProjectParties(db_, id), parties, label);
    }
  }

  void Person(const json::object& r) {
    const std::string label = "person " + Key(r);
    auto person = DecodeRecord<domain::Person>(
        r, {"key", "organization", "sources", "notes"}, label);
    if (auto* org = r.if_contains("organization"); org && !org->is_null()) {
      person.organization_id =
          Ref(organizations_, org, label + ".organization");
    }
    people_[Key(r)] = Upsert(person,
                             storage::PersonByName(db_, person.full_name,
                                                   person.organization_id),
                             label)
                          .first;
  }

  void Workshop(const json::object& r) {
    const std::string label = "workshop " + Key(r);
    auto w = DecodeRecord<domain::Workshop>(
        r, {"key", "project", "organizations", "sessions", "registrations"},
        label);
    w.project_id = Ref(projects_, r.if_contains("project"), label + ".project");
    if (!w.source)
      Fail(domain::Status::Invalid(
          {{label + ".source", "is required in the seed"}}));
    auto [id, created] =
        Upsert(w, storage::WorkshopBySource(db_, *w.source, w.title), label);
    w.id = id;

    std::vector<domain::WorkshopParty> parties;
    for (const auto& p : r.at("organizations").as_array()) {
      auto party = DecodeRecord<domain::WorkshopParty>(p.as_object(),
                                                       {"organization"}, label);
      party.organization_id =
          Ref(organizations_, p.as_object().if_contains("organization"), label);
      parties.push_back(party);
    }
    if (auto s = domain::ValidateParties(parties); !s.ok()) Fail(s);

    std::vector<domain::Date> days;
    for (const auto& s : r.at("sessions").as_array()) {
      auto session =
          DecodeRecord<domain::Session>(s.as_object(), {}, label + " session");
      if (auto st = domain::Validate(session, w); !st.ok()) Fail(st);
      days.push_back(*session.date);
    }

    if (created) {
      if (auto s = storage::ReplaceWorkshopParties(tx_, id, parties); !s.ok())
        Fail(s);
      storage::AddSessions(tx_, id, days);
    } else {
      CheckParties(storage::WorkshopParties(db_, id), parties, label);
      if (storage::CountSessions(db_, id) != static_cast<int>(days.size())) {
        Conflict("the sessions of " + label);
      }
    }

    for (const auto& v : r.at("registrations").as_array()) {
      auto reg =
          DecodeRecord<domain::Registration>(v.as_object(), {"person"}, label);
      reg.workshop_id = id;
      reg.person_id = Ref(people_, v.as_object().if_contains("person"),
                          label + ".registrations");
      Upsert(reg, storage::RegistrationOf(db_, id, reg.person_id),
             label + " registration");
    }
  }

  storage::WriteTx& tx_;
  storage::Database& db_;
  SeedReport report_;
  std::map<std::string, std::int64_t> organizations_, projects_, people_;
};

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) Fail(domain::Status::NotFound("cannot read " + path));
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

}  // namespace

SeedFiles BuiltInSeed() {
  return {std::string(SeedOrganizations()), std::string(SeedProjects()),
          std::string(SeedPeople()), std::string(SeedWorkshops())};
}

SeedFiles ReadSeedFolder(const std::string& folder) {
  return {ReadFile(folder + "/organizations.json"),
          ReadFile(folder + "/projects.json"),
          ReadFile(folder + "/people.json"),
          ReadFile(folder + "/workshops.json")};
}

domain::StatusOr<SeedReport> LoadSeed(storage::Database& db,
                                      const SeedFiles& files) {
  SeedReport report;
  try {
    auto status = storage::InWriteTx(db, [&](storage::WriteTx& tx) {
      report = Loader(tx).Run(files);
      return domain::Status::Ok();
    });
    if (!status.ok()) return status;
  } catch (const SeedError& e) {
    return e.status;
  } catch (const std::exception& e) {
    // at() on a missing array, as_object() on a wrong type: malformed seed.
    return domain::Status::Malformed(
        std::string("the seed files are malformed: ") + e.what());
  }
  return report;
}

int RunSeed(const std::string& db_path, const std::string& folder) {
  storage::Database db({db_path});
  if (auto s = storage::Migrate(db); !s.ok()) {
    spdlog::error("{}", s.detail());
    return 1;
  }
  domain::StatusOr<SeedReport> result = SeedReport{};
  try {
    result =
        LoadSeed(db, folder.empty() ? BuiltInSeed() : ReadSeedFolder(folder));
  } catch (const SeedError& e) {
    result = e.status;
  }
  if (!result.ok()) {
    spdlog::error("seed refused, nothing was written: {}",
                  result.status().detail());
    for (const auto& e : result.status().errors())
      spdlog::error("  {}: {}", e.field, e.message);
    return 1;
  }
  spdlog::info("seed loaded into {}: {} records created, {} already present",
               db_path, result->created, result->unchanged);
  return 0;
}

}  // namespace capdev::app
