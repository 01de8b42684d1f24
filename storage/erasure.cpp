#include "storage/erasure.hpp"

#include <optional>
#include <string>

#include "domain/concat.hpp"
#include "storage/engine_errors.hpp"
#include "storage/evaluations.hpp"
#include "storage/row_mapping.hpp"
#include "storage/text_key.hpp"

namespace capdev::storage {

domain::Status ErasePerson(WriteTx& tx, std::int64_t person_id) {
  return Guarded([&]() -> domain::Status {
    // The name it is left with, and its search key computed here (ICU), as
    // for every other name.
    const std::string name = "Erased person " + std::to_string(person_id);
    ScopedStatement q(
        tx.db(),
        "UPDATE people SET full_name = ?, native_name = NULL, email = NULL,"
        " phone = NULL, position = NULL, unique_key = NULL,"
        " full_name_generated = 0, search_key = ? WHERE id = ?");
    BindAll(*q, name, PersonSearchKey(name, std::nullopt, std::nullopt),
            person_id);
    if (q->Exec() == 0) {
      return domain::Status::NotFound(RecordNotFound("person", person_id));
    }
    // Their personal links stop working; their check-ins' browsers and
    // addresses go, in the check-ins and in the trail's entries of them
    // (which the services write with person_id as their first field). Their
    // certificates go: a code then verifies as unknown, where it would show
    // the erased name.
    for (const char* sql :
         {"DELETE FROM participant_links WHERE registration_id IN"
          " (SELECT id FROM registrations WHERE person_id = ?)",
          "DELETE FROM checkins WHERE registration_id IN"
          " (SELECT id FROM registrations WHERE person_id = ?)",
          "DELETE FROM certificates WHERE person_id = ?"}) {
      ScopedStatement remove(tx.db(), sql);
      BindAll(*remove, person_id);
      remove->Exec();
    }
    const std::string first =
        domain::Concat("{\"person_id\":", std::to_string(person_id), ",");
    ScopedStatement trail(
        tx.db(),
        "UPDATE audit_log SET after = ? WHERE entity = 'checkin' AND action"
        " = 'checkin' AND after LIKE ?");
    BindAll(*trail, first + "\"erased\":true}", first + "%");
    trail->Exec();
    return EraseOpenAnswers(tx, person_id);
  });
}

}  // namespace capdev::storage
