#include "storage/erasure.hpp"

#include <string>

#include "storage/engine_errors.hpp"

namespace capdev::storage {

domain::Status ErasePerson(WriteTx& tx, std::int64_t person_id) {
  return Guarded([&]() -> domain::Status {
    Database& db = tx.db();
    ScopedStatement q(
        db,
        "UPDATE people SET full_name = 'Erased person ' || id, native_name = "
        "NULL, email = NULL, phone = NULL, position = NULL, unique_key = NULL,"
        " full_name_generated = 0,"
        " search_key = capdev_person_search_key('Erased person ' || id, NULL, "
        "NULL)"
        " WHERE id = ?");
    q->Bind(1, person_id);
    if (q->Exec() == 0) {
      return domain::Status::NotFound(RecordNotFound("person", person_id));
    }
    return domain::Status::Ok();
  });
}

}  // namespace capdev::storage
