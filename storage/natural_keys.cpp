#include "storage/natural_keys.hpp"

#include "storage/engine_errors.hpp"
#include "storage/row_mapping.hpp"

namespace capdev::storage {

namespace {
template <class... Args>
std::optional<std::int64_t> FirstId(Database& db, const std::string& sql,
                                    const Args&... args) {
  ScopedStatement q(db, sql);
  BindAll(*q, args...);
  if (!q->Step()) return std::nullopt;
  return q->Int64(0);
}
}  // namespace

domain::StatusOr<std::optional<std::int64_t>> OrganizationByName(
    Database& db, const std::string& name) {
  return Guarded([&] {
    return FirstId(db, "SELECT id FROM organizations WHERE name = ?", name);
  });
}

domain::StatusOr<std::optional<std::int64_t>> ProjectByCode(
    Database& db, const std::string& code) {
  return Guarded([&] {
    return FirstId(db, "SELECT id FROM projects WHERE code = ?", code);
  });
}

domain::StatusOr<std::optional<std::int64_t>> PersonByName(
    Database& db, const std::string& full_name,
    std::optional<std::int64_t> organization_id) {
  return Guarded([&] {
    return FirstId(db,
                   "SELECT id FROM people WHERE full_name = ? AND "
                   "organization_id IS NOT DISTINCT FROM ? ORDER BY id",
                   full_name, organization_id);
  });
}

domain::StatusOr<std::optional<std::int64_t>> WorkshopBySource(
    Database& db, const std::string& document, const std::string& title) {
  return Guarded([&] {
    return FirstId(
        db,
        "SELECT id FROM workshops WHERE title = ?1 AND (source = ?2 OR"
        " source LIKE '%(seed document ' || ?2 || ')') ORDER BY id",
        title, document);
  });
}

domain::StatusOr<std::optional<std::int64_t>> RegistrationOf(
    Database& db, std::int64_t workshop_id, std::int64_t person_id) {
  return Guarded([&] {
    return FirstId(
        db,
        "SELECT id FROM registrations WHERE workshop_id = ? AND person_id = ?",
        workshop_id, person_id);
  });
}

}  // namespace capdev::storage
