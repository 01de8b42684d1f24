#include "storage/parties.hpp"

#include <string>

#include "domain/concat.hpp"
#include "domain/validation.hpp"
#include "storage/engine_errors.hpp"
#include "storage/records.hpp"
#include "storage/row_mapping.hpp"
#include "storage/table.hpp"

namespace capdev::storage {

namespace {

// Each entry's organization must exist: one 422 entry per unknown id.
// Throws the engine's exceptions (its callers guard them).
template <class Party>
domain::Status CheckOrganizations(Database& db,
                                  std::span<const Party> parties) {
  domain::Errors e;
  for (std::size_t i = 0; i < parties.size(); ++i) {
    if (!Table<domain::Organization>(db).Exists(parties[i].organization_id)) {
      e.Add(domain::Concat("[", std::to_string(i), "].organization_id"),
            domain::kNotFound,
            RecordNotFound("organization", parties[i].organization_id));
    }
  }
  return e.ToStatus();
}

}  // namespace

domain::StatusOr<std::vector<domain::ProjectParty>> ProjectParties(
    Database& db, std::int64_t project_id) {
  return Guarded([&] {
    ScopedStatement q(db,
                      "SELECT po.organization_id, po.role, po.amount, "
                      "po.currency, o.name FROM project_organizations po"
                      " JOIN organizations o ON o.id = po.organization_id"
                      " WHERE po.project_id = ? ORDER BY po.position");
    q->Bind(1, project_id);
    std::vector<domain::ProjectParty> out;
    while (q->Step()) {
      auto& p = out.emplace_back();
      Read(*q, 0, p.organization_id);
      Read(*q, 1, p.role);
      Read(*q, 2, p.amount);
      Read(*q, 3, p.currency);
      Read(*q, 4, p.organization_name);
    }
    return out;
  });
}

domain::StatusOr<std::vector<domain::WorkshopParty>> WorkshopParties(
    Database& db, std::int64_t workshop_id) {
  return Guarded([&] {
    ScopedStatement q(db,
                      "SELECT wo.organization_id, wo.role, o.name"
                      " FROM workshop_organizations wo"
                      " JOIN organizations o ON o.id = wo.organization_id"
                      " WHERE wo.workshop_id = ? ORDER BY wo.position");
    q->Bind(1, workshop_id);
    std::vector<domain::WorkshopParty> out;
    while (q->Step()) {
      auto& p = out.emplace_back();
      Read(*q, 0, p.organization_id);
      Read(*q, 1, p.role);
      Read(*q, 2, p.organization_name);
    }
    return out;
  });
}

domain::Status ReplaceProjectParties(
    WriteTx& tx, std::int64_t project_id,
    std::span<const domain::ProjectParty> parties) {
  return Guarded([&]() -> domain::Status {
    Database& db = tx.db();
    if (auto s = CheckOrganizations(db, parties); !s.ok()) return s;
    ScopedStatement clear(
        db, "DELETE FROM project_organizations WHERE project_id = ?");
    clear->Bind(1, project_id);
    clear->Exec();
    ScopedStatement insert(
        db,
        "INSERT INTO project_organizations"
        " (project_id, organization_id, role, amount, currency, position)"
        " VALUES (?, ?, ?, ?, ?, ?)");
    for (std::size_t i = 0; i < parties.size(); ++i) {
      Bind(*insert, 1, project_id);
      Bind(*insert, 2, parties[i].organization_id);
      Bind(*insert, 3, parties[i].role);
      Bind(*insert, 4, parties[i].amount);
      Bind(*insert, 5, parties[i].currency);
      Bind(*insert, 6, static_cast<std::int64_t>(i));
      insert->Exec();
      insert->Reset();
    }
    return domain::Status::Ok();
  });
}

domain::Status ReplaceWorkshopParties(
    WriteTx& tx, std::int64_t workshop_id,
    std::span<const domain::WorkshopParty> parties) {
  return Guarded([&]() -> domain::Status {
    Database& db = tx.db();
    if (auto s = CheckOrganizations(db, parties); !s.ok()) return s;
    ScopedStatement clear(
        db, "DELETE FROM workshop_organizations WHERE workshop_id = ?");
    clear->Bind(1, workshop_id);
    clear->Exec();
    ScopedStatement insert(
        db,
        "INSERT INTO workshop_organizations"
        " (workshop_id, organization_id, role, position) VALUES (?, ?, ?, ?)");
    for (std::size_t i = 0; i < parties.size(); ++i) {
      Bind(*insert, 1, workshop_id);
      Bind(*insert, 2, parties[i].organization_id);
      Bind(*insert, 3, parties[i].role);
      Bind(*insert, 4, static_cast<std::int64_t>(i));
      insert->Exec();
      insert->Reset();
    }
    return domain::Status::Ok();
  });
}

}  // namespace capdev::storage
