#pragma once
// Finds records by what identifies them in the real world, for loaders that
// must not create a second record of the same thing (the seed).

#include <cstdint>
#include <optional>
#include <string>

#include "storage/database.hpp"

namespace capdev::storage {

domain::StatusOr<std::optional<std::int64_t>> OrganizationByName(
    Database& db, const std::string& name);
domain::StatusOr<std::optional<std::int64_t>> ProjectByCode(
    Database& db, const std::string& code);
domain::StatusOr<std::optional<std::int64_t>> PersonByName(
    Database& db, const std::string& full_name,
    std::optional<std::int64_t> organization_id);
// A seeded workshop: its title, and a source that is the seed document's
// name (the first seed) or a citation ending "(seed document NAME)".
domain::StatusOr<std::optional<std::int64_t>> WorkshopBySource(
    Database& db, const std::string& source, const std::string& title);
domain::StatusOr<std::optional<std::int64_t>> RegistrationOf(
    Database& db, std::int64_t workshop_id, std::int64_t person_id);

}  // namespace capdev::storage
