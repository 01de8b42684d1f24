#pragma once
// A workshop's sessions: the days (or parts of days) attendance is taken on.

#include "app/services/records.hpp"
#include "domain/session.hpp"

namespace capdev::services {

// Each answers 404 when the workshop, or the session within it, is unknown.
domain::StatusOr<Written<domain::Session>> CreateSession(
    storage::WriteTx& tx, const domain::Principal& by, std::int64_t workshop_id,
    const domain::Draft<domain::Session>& draft, bool strict);
domain::StatusOr<Written<domain::Session>> UpdateSession(
    storage::WriteTx& tx, const domain::Principal& by, std::int64_t workshop_id,
    std::int64_t session_id, const domain::Draft<domain::Session>& draft,
    bool strict);
domain::Status DeleteSession(storage::WriteTx& tx, const domain::Principal& by,
                             std::int64_t workshop_id, std::int64_t session_id);

// The session, if it belongs to the workshop (404 otherwise).
domain::StatusOr<domain::Session> LoadSession(storage::Database& db,
                                              std::int64_t workshop_id,
                                              std::int64_t session_id);

}  // namespace capdev::services
