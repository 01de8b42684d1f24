#pragma once
// What every service does with a record: load it (404), check that the
// records it references exist (422), and save it with its audit entry. The
// rules of each kind of record are in its own service file.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/codec/json_codec.hpp"
#include "app/services/audit.hpp"
#include "domain/conflict.hpp"
#include "domain/draft.hpp"
#include "storage/records.hpp"

namespace capdev::services {

// A saved record and, for writes that can double-book, the conflicts the
// write created.
template <class E>
struct Written {
  E record;
  std::optional<std::vector<domain::Conflict>> conflicts;
};

template <class E>
domain::StatusOr<E> Load(storage::Database& db, std::int64_t id) {
  ASSIGN_OR_RETURN(auto found, storage::Get<E>(db, id));
  if (!found) return storage::NotFound<E>(id);
  return std::move(*found);
}

// "no organization with id 12", for a field that refers to one.
inline domain::Message NoSuch(std::string_view noun, std::int64_t id) {
  return domain::Message(
      "error.no_such_record",
      {{"noun", storage::RecordTerm(noun)}, {"id", std::to_string(id)}});
}

// Adds "no organization with id N" under `field` when `id` is set and
// unknown.
template <class E>
domain::Status CheckExists(storage::Database& db, std::string_view field,
                           const std::optional<std::int64_t>& id,
                           domain::Errors& errors) {
  if (!id || *id <= 0) return domain::Status::Ok();
  ASSIGN_OR_RETURN(const bool exists, storage::Exists<E>(db, *id));
  if (!exists) {
    errors.Add(std::string(field), domain::kNotFound,
               NoSuch(domain::Fields<E>::kNoun, *id));
  }
  return domain::Status::Ok();
}

// The two records of a merge: `id` (404 when unknown) and `into_id` (422
// when unknown or the same).
template <class E>
domain::StatusOr<std::pair<E, E>> LoadMerge(storage::Database& db,
                                            std::int64_t id,
                                            std::int64_t into_id) {
  ASSIGN_OR_RETURN(auto from, Load<E>(db, id));
  if (into_id == id) {
    return domain::Status::Invalid(
        {{"into_id", domain::kInvalid,
          domain::Message(
              "error.merge_into_itself",
              {{"noun", storage::RecordTerm(domain::Fields<E>::kNoun)}})}});
  }
  ASSIGN_OR_RETURN(auto into, storage::Get<E>(db, into_id));
  if (!into) {
    return domain::Status::Invalid(
        {{"into_id", domain::kNotFound,
          NoSuch(domain::Fields<E>::kNoun, into_id)}});
  }
  return std::pair{std::move(from), std::move(*into)};
}

// Inserts `record` and audits it; returns it as stored.
template <class E>
domain::StatusOr<E> SaveNew(storage::WriteTx& tx, const domain::Principal* by,
                            E record) {
  ASSIGN_OR_RETURN(record.id, storage::Insert(tx, record));
  ASSIGN_OR_RETURN(E stored, Load<E>(tx.db(), record.id));
  RETURN_IF_ERROR(Audit(tx, by, "create", domain::Fields<E>::kNoun, stored.id,
                        nullptr, codec::Encode(stored)));
  return stored;
}

// Updates `after` (which was `before`) and audits it; returns it as stored.
template <class E>
domain::StatusOr<E> SaveChanged(storage::WriteTx& tx,
                                const domain::Principal* by, const E& before,
                                const E& after) {
  RETURN_IF_ERROR(storage::Update(tx, after));
  ASSIGN_OR_RETURN(E stored, Load<E>(tx.db(), after.id));
  RETURN_IF_ERROR(Audit(tx, by, "update", domain::Fields<E>::kNoun, stored.id,
                        codec::Encode(before), codec::Encode(stored)));
  return stored;
}

// Deletes `record` and audits it (409 while others reference it).
template <class E>
domain::Status Remove(storage::WriteTx& tx, const domain::Principal* by,
                      const E& record) {
  RETURN_IF_ERROR(storage::Delete<E>(tx, record.id));
  RETURN_IF_ERROR(Audit(tx, by, "delete", domain::Fields<E>::kNoun, record.id,
                        codec::Encode(record), nullptr));
  return domain::Status::Ok();
}

}  // namespace capdev::services
