#include "storage/organization_merge.hpp"

#include "storage/engine_errors.hpp"

namespace capdev::storage {

domain::Status MoveOrganizationRecords(WriteTx& tx, std::int64_t from,
                                       std::int64_t into) {
  return Guarded([&] {
    Database& db = tx.db();
    // ?1 the merged organization, ?2 the kept one. Partner roles are keyed by
    // (record, organization, role): where both hold one, the kept one's stays
    // (the merged one's is not moved onto it), and the DELETEs drop what
    // stayed behind.
    for (const char* sql : {
             // A kept one below the merged one (at any depth) takes the merged
             // one's parent first: no cycle once the children move.
             "UPDATE organizations SET parent_id = (SELECT parent_id FROM"
             " organizations WHERE id = ?1) WHERE id = ?2 AND ?1 IN ("
             " WITH RECURSIVE up(id) AS (SELECT parent_id FROM organizations"
             " WHERE id = ?2 UNION SELECT o.parent_id FROM organizations o"
             " JOIN up ON o.id = up.id WHERE o.parent_id IS NOT NULL)"
             " SELECT id FROM up)",
             "UPDATE organizations SET parent_id = ?2 WHERE parent_id = ?1",
             "UPDATE people SET organization_id = ?2 WHERE organization_id = "
             "?1",
             "UPDATE workshop_organizations SET organization_id = ?2"
             " WHERE organization_id = ?1 AND NOT EXISTS (SELECT 1 FROM"
             " workshop_organizations k WHERE k.organization_id = ?2 AND"
             " k.workshop_id = workshop_organizations.workshop_id AND"
             " k.role = workshop_organizations.role)",
             "DELETE FROM workshop_organizations WHERE organization_id = ?1",
             // A funder role both hold on one project: the amounts add up
             // (FundingClashes has refused different currencies).
             "UPDATE project_organizations AS k SET"
             " amount = CASE WHEN k.amount IS NULL AND m.amount IS NULL THEN "
             "NULL"
             " ELSE coalesce(k.amount, 0) + coalesce(m.amount, 0) END,"
             " currency = coalesce(k.currency, m.currency)"
             " FROM project_organizations AS m WHERE k.organization_id = ?2"
             " AND m.organization_id = ?1 AND k.project_id = m.project_id"
             " AND k.role = m.role",
             "UPDATE project_organizations SET organization_id = ?2"
             " WHERE organization_id = ?1 AND NOT EXISTS (SELECT 1 FROM"
             " project_organizations k WHERE k.organization_id = ?2 AND"
             " k.project_id = project_organizations.project_id AND"
             " k.role = project_organizations.role)",
             "DELETE FROM project_organizations WHERE organization_id = ?1",
             "UPDATE users SET organization_id = ?2 WHERE organization_id = ?1",
             "DELETE FROM organizations WHERE id = ?1",
         }) {
      ScopedStatement q(db, sql);
      q->Bind(1, from);
      if (q->ParameterCount() > 1) q->Bind(2, into);
      q->Exec();
    }
  });
}

domain::StatusOr<std::vector<std::int64_t>> FundingClashes(Database& db,
                                                           std::int64_t from,
                                                           std::int64_t into) {
  return Guarded([&] {
    ScopedStatement q(db, R"sql(
      SELECT DISTINCT k.project_id FROM project_organizations k
      JOIN project_organizations m ON m.project_id = k.project_id
        AND m.role = k.role AND m.organization_id = ?1
      WHERE k.organization_id = ?2 AND k.amount IS NOT NULL
        AND m.amount IS NOT NULL AND k.currency IS DISTINCT FROM m.currency
      ORDER BY k.project_id)sql");
    q->Bind(1, from);
    q->Bind(2, into);
    std::vector<std::int64_t> out;
    while (q->Step()) out.push_back(q->Int64(0));
    return out;
  });
}

}  // namespace capdev::storage
