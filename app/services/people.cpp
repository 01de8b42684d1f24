#include "app/services/people.hpp"

#include "domain/organization.hpp"
#include "storage/erasure.hpp"

namespace capdev::app {

namespace {

domain::Status CheckAndValidate(storage::Database& db,
                                const domain::Person& person,
                                const domain::Errors& decoding) {
  domain::Errors errors = decoding;
  CheckExists<domain::Organization>(db, "organization_id",
                                    person.organization_id, errors);
  return domain::Combine(errors, domain::Validate(person));
}

}  // namespace

domain::StatusOr<domain::Person> CreatePerson(
    storage::WriteTx& tx, const domain::Principal& by,
    const domain::Draft<domain::Person>& draft) {
  const auto person = draft.ApplyTo({});
  RETURN_IF_ERROR(CheckAndValidate(tx.db(), person, draft.errors));
  return SaveNew(tx, &by, person);
}

domain::StatusOr<domain::Person> UpdatePerson(
    storage::WriteTx& tx, const domain::Principal& by, std::int64_t id,
    const domain::Draft<domain::Person>& draft) {
  ASSIGN_OR_RETURN(const auto before, Load<domain::Person>(tx.db(), id));
  const auto after = draft.ApplyTo(before);
  RETURN_IF_ERROR(CheckAndValidate(tx.db(), after, draft.errors));
  return SaveChanged(tx, &by, before, after);
}

domain::Status DeletePerson(storage::WriteTx& tx, const domain::Principal& by,
                            std::int64_t id) {
  ASSIGN_OR_RETURN(const auto person, Load<domain::Person>(tx.db(), id));
  return Remove(tx, &by, person);
}

domain::StatusOr<domain::Person> ErasePerson(storage::WriteTx& tx,
                                             const domain::Principal& by,
                                             std::int64_t id) {
  ASSIGN_OR_RETURN(const auto before, Load<domain::Person>(tx.db(), id));
  RETURN_IF_ERROR(storage::ErasePerson(tx, id));
  ASSIGN_OR_RETURN(auto after, Load<domain::Person>(tx.db(), id));
  Audit(tx, &by, "erase", "person", id, Encode(before), Encode(after));
  return after;
}

}  // namespace capdev::app
