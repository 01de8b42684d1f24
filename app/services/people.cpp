#include "app/services/people.hpp"

#include "domain/organization.hpp"
#include "storage/erasure.hpp"
#include "storage/people.hpp"

namespace capdev::app {

namespace {

domain::Status CheckAndValidate(storage::Database& db,
                                const domain::Person& person,
                                const domain::Errors& decoding) {
  domain::Errors errors = decoding;
  CheckExists<domain::Organization>(db, "organization_id",
                                    person.organization_id, errors);
  RETURN_IF_ERROR(domain::Combine(errors, domain::Validate(person)));
  if (!person.email) return domain::Status::Ok();
  auto holder = storage::PersonWithEmail(db, *person.email, person.id);
  if (!holder) return domain::Status::Ok();
  const std::string who =
      "person " + std::to_string(holder->id) + " (" + holder->full_name + ")";
  return domain::Status::AlreadyExists(
      who + " already has this email; open that record instead",
      {{"email", "belongs to " + who}});
}

}  // namespace

domain::StatusOr<PersonCreated> CreatePerson(
    storage::WriteTx& tx, const domain::Principal& by,
    const domain::Draft<domain::Person>& draft) {
  const auto person = draft.ApplyTo({});
  RETURN_IF_ERROR(CheckAndValidate(tx.db(), person, draft.errors));
  ASSIGN_OR_RETURN(auto stored, SaveNew(tx, &by, person));
  auto duplicates = storage::SameNameAndOrganization(tx.db(), stored);
  return PersonCreated{std::move(stored), std::move(duplicates)};
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

domain::StatusOr<domain::Person> MergePerson(storage::WriteTx& tx,
                                             const domain::Principal& by,
                                             std::int64_t id,
                                             std::int64_t into_id) {
  ASSIGN_OR_RETURN(const auto from, Load<domain::Person>(tx.db(), id));
  if (into_id == id) {
    return domain::Status::Invalid(
        {{"into_id", "must be another person than the one merged"}});
  }
  auto into = storage::Get<domain::Person>(tx.db(), into_id);
  if (!into)
    return domain::Status::Invalid(
        {{"into_id", "no record with id " + std::to_string(into_id)}});
  const auto shared = storage::SharedWorkshops(tx.db(), id, into_id);
  if (!shared.empty()) {
    std::string list;
    for (auto w : shared)
      list += (list.empty() ? "" : ", ") + std::to_string(w);
    return domain::Status::FailedPrecondition(
        "both people are registered for workshop " + list +
        "; remove one of those registrations first");
  }
  storage::MovePersonRecords(tx, id, into_id);
  const json::object moved{{"merged_into", into_id}};
  Audit(tx, &by, "merge", "person", id, Encode(from), moved);
  Audit(tx, &by, "merge", "person", into_id, nullptr,
        json::object{{"merged_from", id}});
  return *into;
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
