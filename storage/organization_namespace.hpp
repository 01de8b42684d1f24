#pragma once
// Every name of every organization (name, short name, native name, aliases)
// in one namespace, compared folded: a host's list naming 公安部出入境管理局
// finds the bureau recorded in English, and no spelling becomes a second
// agency. Kept in organization_names by storage's Insert and Update.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "domain/organization.hpp"
#include "domain/status.hpp"
#include "storage/database.hpp"
#include "storage/transaction.hpp"

namespace capdev::storage {

// 409 naming the holder when another organization already has one of
// `org`'s names (the field is the one holding it: name, aliases[2], ...).
domain::Status CheckOrganizationNames(Database& db,
                                      const domain::Organization& org);

// Makes `org`'s names (and no others) point to it. CheckOrganizationNames
// has passed in the same transaction.
domain::Status ClaimOrganizationNames(WriteTx& tx,
                                      const domain::Organization& org);

// The organization that has `name` among its names.
domain::StatusOr<std::optional<std::int64_t>> OrganizationHolding(
    Database& db, std::string_view name);

// Every folded name and its organization, for matching a whole list at once.
domain::StatusOr<std::unordered_map<std::string, std::int64_t>>
OrganizationNameKeys(Database& db);

// Every organization, for ClosestOrganizations.
domain::StatusOr<std::vector<domain::Organization>> AllOrganizations(
    Database& db);

// For each of `names`, up to `n` organizations whose names are most like it
// (shared pairs of neighbouring characters, so it works for Chinese and
// English alike), the closest first; none that share too little.
std::vector<std::vector<domain::Organization>> ClosestOrganizations(
    const std::vector<domain::Organization>& all,
    const std::vector<std::string>& names, std::size_t n);

}  // namespace capdev::storage
