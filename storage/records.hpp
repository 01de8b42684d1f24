#pragma once
// Get, list, insert, update and delete for every entity described by
// domain::Fields (its table and columns). Instantiated in records.cpp, which
// keeps the engine out of this header. Each answers a Status (storage/
// engine_errors.hpp): Unavailable (503) when the disk or a lock fails.

#include <cstdint>
#include <optional>
#include <string>

#include "domain/field.hpp"
#include "domain/status.hpp"
#include "storage/database.hpp"
#include "storage/filters.hpp"
#include "storage/page.hpp"
#include "storage/record_messages.hpp"
#include "storage/transaction.hpp"

namespace capdev::storage {

// nullopt when there is no such record.
template <class E>
domain::StatusOr<std::optional<E>> Get(Database& db, std::int64_t id);
template <class E>
domain::StatusOr<bool> Exists(Database& db, std::int64_t id);
// One page of the entities a filter (filters.hpp) selects, by id.
template <class Filter>
domain::StatusOr<Page<typename Filter::Entity>> List(Database& db,
                                                     const Filter& filter,
                                                     const PageRequest& page);
// AlreadyExists (409) on a duplicate, InvalidArgument (422) on a missing
// reference.
template <class E>
domain::StatusOr<std::int64_t> Insert(WriteTx& tx, const E& entity);
template <class E>
domain::Status Update(WriteTx& tx, const E& entity);
// FailedPrecondition (409) while other records still reference it.
template <class E>
domain::Status Delete(WriteTx& tx, std::int64_t id);

// "workshop 12 does not exist" (404).
template <class E>
domain::Status NotFound(std::int64_t id) {
  return domain::Status::NotFound(RecordNotFound(domain::Fields<E>::kNoun, id));
}

}  // namespace capdev::storage
