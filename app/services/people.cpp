#include "app/services/people.hpp"

#include "domain/organization.hpp"
#include "storage/duplicates.hpp"
#include "storage/erasure.hpp"
#include "storage/people.hpp"
#include "storage/romanize.hpp"
#include "storage/text_key.hpp"

namespace capdev::services {

namespace {

domain::Status CheckAndValidate(storage::Database& db,
                                const domain::Person& person,
                                const domain::Errors& decoding) {
  domain::Errors errors = decoding;
  RETURN_IF_ERROR(CheckExists<domain::Organization>(
      db, "organization_id", person.organization_id, errors));
  RETURN_IF_ERROR(domain::Combine(errors, domain::Validate(person)));
  if (!person.email) return domain::Status::Ok();
  ASSIGN_OR_RETURN(const auto holder,
                   storage::PersonWithEmail(db, *person.email, person.id));
  if (!holder) return domain::Status::Ok();
  const std::vector<std::pair<std::string, domain::Arg>> who = {
      {"id", std::to_string(holder->id)}, {"name", holder->full_name}};
  return domain::Status::AlreadyExists(
      domain::Message("error.email_of_other_person", who),
      {{"email", domain::kTaken,
        domain::Message("error.email_belongs_to", who)}});
}

}  // namespace

domain::Person WithGeneratedName(domain::Person person,
                                 const domain::Draft<domain::Person>& draft,
                                 const domain::Person& before) {
  // A full name someone wrote stays theirs; an empty one, or one generated
  // before (and sent back unchanged), follows the Chinese name.
  const bool written = draft.Has("full_name") && !person.full_name.empty() &&
                       person.full_name != before.full_name;
  if (written) {
    person.full_name_generated = false;
    return person;
  }
  if (!person.full_name.empty() && !before.full_name_generated) return person;
  if (!person.native_name) return person;
  if (auto latin = storage::LatinNameOf(*person.native_name)) {
    person.full_name = *latin;
    person.full_name_generated = true;
  } else if (person.full_name_generated) {
    person.full_name.clear();  // no longer a name this one generates
  }
  return person;
}

domain::StatusOr<PersonCreated> CreatePerson(
    storage::WriteTx& tx, const domain::Principal& by,
    const domain::Draft<domain::Person>& draft) {
  const auto person = WithGeneratedName(draft.ApplyTo({}), draft, {});
  RETURN_IF_ERROR(CheckAndValidate(tx.db(), person, draft.errors));
  ASSIGN_OR_RETURN(auto stored, SaveNew(tx, &by, person));
  ASSIGN_OR_RETURN(auto duplicates,
                   storage::SameNameAndOrganization(tx.db(), stored));
  return PersonCreated{std::move(stored), std::move(duplicates)};
}

domain::StatusOr<domain::Person> UpdatePerson(
    storage::WriteTx& tx, const domain::Principal& by, std::int64_t id,
    const domain::Draft<domain::Person>& draft) {
  ASSIGN_OR_RETURN(const auto before, Load<domain::Person>(tx.db(), id));
  const auto after = WithGeneratedName(draft.ApplyTo(before), draft, before);
  RETURN_IF_ERROR(CheckAndValidate(tx.db(), after, draft.errors));
  return SaveChanged(tx, &by, before, after);
}

domain::Status DeletePerson(storage::WriteTx& tx, const domain::Principal& by,
                            std::int64_t id) {
  ASSIGN_OR_RETURN(const auto person, Load<domain::Person>(tx.db(), id));
  return Remove(tx, &by, person);
}

namespace {

// Fills `kept`'s empty optional field from `merged`, or notes a difference.
void Fill(std::string_view field, std::optional<std::string>& kept,
          const std::optional<std::string>& merged, PersonMerged& out) {
  if (!merged || merged->empty()) return;
  if (!kept || kept->empty()) {
    kept = merged;
    out.filled_fields.emplace_back(field);
  } else if (storage::FoldKey(*kept) != storage::FoldKey(*merged)) {
    out.conflicting_fields.push_back({std::string(field), *kept, *merged});
  }
}

}  // namespace

domain::StatusOr<PersonMerged> MergePerson(storage::WriteTx& tx,
                                           const domain::Principal& by,
                                           std::int64_t id,
                                           std::int64_t into_id) {
  ASSIGN_OR_RETURN(const auto pair,
                   LoadMerge<domain::Person>(tx.db(), id, into_id));
  const auto& [from, into] = pair;
  ASSIGN_OR_RETURN(const auto shared,
                   storage::SharedWorkshops(tx.db(), id, into_id));
  if (!shared.empty()) {
    std::string list;
    for (auto w : shared)
      list += (list.empty() ? "" : ", ") + std::to_string(w);
    return domain::Status::FailedPrecondition(
        domain::Message("error.merge_shared_workshops",
                        {{"n", shared.size()}, {"workshops", list}}));
  }

  PersonMerged out;
  domain::Person kept = into;
  Fill("email", kept.email, from.email, out);
  Fill("phone", kept.phone, from.phone, out);
  Fill("position", kept.position, from.position, out);
  Fill("province", kept.province, from.province, out);
  Fill("native_name", kept.native_name, from.native_name, out);
  if (!kept.organization_id && from.organization_id) {
    kept.organization_id = from.organization_id;
    out.filled_fields.emplace_back("organization_id");
  } else if (from.organization_id && kept.organization_id &&
             *kept.organization_id != *from.organization_id) {
    out.conflicting_fields.push_back({"organization_id",
                                      std::to_string(*kept.organization_id),
                                      std::to_string(*from.organization_id)});
  }
  if (kept.gender == domain::Gender::kUndisclosed &&
      from.gender != domain::Gender::kUndisclosed) {
    kept.gender = from.gender;
    out.filled_fields.emplace_back("gender");
  }
  // A generated Latin name gives way to one somebody wrote.
  if (kept.full_name_generated && !from.full_name_generated) {
    kept.full_name = from.full_name;
    kept.full_name_generated = false;
    out.filled_fields.emplace_back("full_name");
  } else if (storage::CompactKey(kept.full_name) !=
             storage::CompactKey(from.full_name)) {
    out.conflicting_fields.push_back(
        {"full_name", kept.full_name, from.full_name});
  }

  // The merged record goes first: its email may be the one the kept one
  // takes, and emails are unique.
  RETURN_IF_ERROR(storage::MovePersonRecords(tx, id, into_id));
  if (!domain::SameFields(kept, into)) {
    ASSIGN_OR_RETURN(kept, SaveChanged(tx, &by, into, kept));
  }
  const json::object moved{{"merged_into", into_id}};
  RETURN_IF_ERROR(
      Audit(tx, &by, "merge", "person", id, codec::Encode(from), moved));
  RETURN_IF_ERROR(Audit(tx, &by, "merge", "person", into_id, nullptr,
                        json::object{{"merged_from", id}}));
  out.kept = std::move(kept);
  return out;
}

domain::Status MarkDistinct(storage::WriteTx& tx, const domain::Principal& by,
                            std::int64_t id, std::int64_t other_id) {
  RETURN_IF_ERROR(Load<domain::Person>(tx.db(), id));
  if (other_id == id)
    return domain::Status::Invalid(
        {{"other_id", domain::kInvalid, "error.other_person_is_same"}});
  ASSIGN_OR_RETURN(const bool other_exists,
                   storage::Exists<domain::Person>(tx.db(), other_id));
  if (!other_exists)
    return domain::Status::Invalid(
        {{"other_id", domain::kNotFound,
          NoSuch(domain::Fields<domain::Person>::kNoun, other_id)}});
  RETURN_IF_ERROR(storage::MarkDistinct(tx, id, other_id));
  return Audit(tx, &by, "distinct", "person", id, nullptr,
               json::object{{"distinct_from", other_id}});
}

domain::StatusOr<domain::Person> ErasePerson(storage::WriteTx& tx,
                                             const domain::Principal& by,
                                             std::int64_t id) {
  ASSIGN_OR_RETURN(const auto before, Load<domain::Person>(tx.db(), id));
  RETURN_IF_ERROR(storage::ErasePerson(tx, id));
  ASSIGN_OR_RETURN(auto after, Load<domain::Person>(tx.db(), id));
  RETURN_IF_ERROR(Audit(tx, &by, "erase", "person", id, codec::Encode(before),
                        codec::Encode(after)));
  return after;
}

}  // namespace capdev::services
