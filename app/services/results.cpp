#include "app/services/results.hpp"

#include "storage/results_queries.hpp"

namespace capdev::services {

namespace {

// The parent, if any, must be a result of the same project a level above;
// and every result below must stay below.
domain::Status CheckPlace(storage::Database& db, const domain::Result& r) {
  if (r.parent_id) {
    ASSIGN_OR_RETURN(const auto parent,
                     storage::Get<domain::Result>(db, *r.parent_id));
    if (!parent) {
      return domain::Status::Invalid(
          {{"parent_id", domain::kNotFound,
            NoSuch(domain::Fields<domain::Result>::kNoun, *r.parent_id)}});
    }
    RETURN_IF_ERROR(domain::ValidateParent(r, *parent));
  }
  if (r.id == 0) return domain::Status::Ok();
  ASSIGN_OR_RETURN(
      const auto children,
      storage::List(db, storage::ResultFilter{r.project_id}, {0, 500}));
  for (const auto& child : children.items) {
    if (child.parent_id != r.id) continue;
    if (!domain::ValidateParent(child, r).ok()) {
      return domain::Status::Invalid(
          {{"level", domain::kInvalid,
            domain::Message("error.child_level",
                            {{"child", std::to_string(child.id)}})}});
    }
  }
  return domain::Status::Ok();
}

}  // namespace

domain::StatusOr<domain::Result> CreateResult(
    storage::WriteTx& tx, const domain::Principal& by, std::int64_t project_id,
    const domain::Draft<domain::Result>& draft) {
  RETURN_IF_ERROR(Load<domain::Project>(tx.db(), project_id));
  auto result = draft.ApplyTo({});
  result.project_id = project_id;
  RETURN_IF_ERROR(domain::Combine(draft.errors, domain::Validate(result)));
  RETURN_IF_ERROR(CheckPlace(tx.db(), result));
  return SaveNew(tx, &by, result);
}

domain::StatusOr<domain::Result> UpdateResult(
    storage::WriteTx& tx, const domain::Principal& by, std::int64_t id,
    const domain::Draft<domain::Result>& draft) {
  ASSIGN_OR_RETURN(const auto before, Load<domain::Result>(tx.db(), id));
  const auto after = draft.ApplyTo(before);
  RETURN_IF_ERROR(domain::Combine(draft.errors, domain::Validate(after)));
  RETURN_IF_ERROR(CheckPlace(tx.db(), after));
  return SaveChanged(tx, &by, before, after);
}

domain::Status DeleteResult(storage::WriteTx& tx, const domain::Principal& by,
                            std::int64_t id) {
  ASSIGN_OR_RETURN(const auto result, Load<domain::Result>(tx.db(), id));
  return Remove(tx, &by, result);
}

domain::StatusOr<domain::Indicator> CreateIndicator(
    storage::WriteTx& tx, const domain::Principal& by, std::int64_t result_id,
    const domain::Draft<domain::Indicator>& draft) {
  RETURN_IF_ERROR(Load<domain::Result>(tx.db(), result_id));
  auto indicator = draft.ApplyTo({});
  indicator.result_id = result_id;
  RETURN_IF_ERROR(domain::Combine(draft.errors, domain::Validate(indicator)));
  return SaveNew(tx, &by, indicator);
}

domain::StatusOr<domain::Indicator> UpdateIndicator(
    storage::WriteTx& tx, const domain::Principal& by, std::int64_t id,
    const domain::Draft<domain::Indicator>& draft) {
  ASSIGN_OR_RETURN(const auto before, Load<domain::Indicator>(tx.db(), id));
  const auto after = draft.ApplyTo(before);
  RETURN_IF_ERROR(domain::Combine(draft.errors, domain::Validate(after)));
  ASSIGN_OR_RETURN(const auto values, storage::IndicatorValues(tx.db(), id));
  if (after.source != domain::IndicatorSource::kManual && !values.empty()) {
    return domain::Status::FailedPrecondition(domain::Message(
        "error.indicator_has_values", {{"id", std::to_string(id)}}));
  }
  return SaveChanged(tx, &by, before, after);
}

domain::Status DeleteIndicator(storage::WriteTx& tx,
                               const domain::Principal& by, std::int64_t id) {
  ASSIGN_OR_RETURN(const auto indicator, Load<domain::Indicator>(tx.db(), id));
  return Remove(tx, &by, indicator);
}

domain::StatusOr<std::vector<domain::IndicatorValue>> ReplaceIndicatorValues(
    storage::WriteTx& tx, const domain::Principal& by, std::int64_t id,
    std::span<const domain::IndicatorValue> values,
    const domain::Errors& decoding) {
  ASSIGN_OR_RETURN(const auto indicator, Load<domain::Indicator>(tx.db(), id));
  RETURN_IF_ERROR(domain::Combine(decoding, domain::ValidateValues(values)));
  if (indicator.source != domain::IndicatorSource::kManual && !values.empty()) {
    return domain::Status::FailedPrecondition(domain::Message(
        "error.indicator_counted", {{"id", std::to_string(id)}}));
  }
  ASSIGN_OR_RETURN(const auto before, storage::IndicatorValues(tx.db(), id));
  RETURN_IF_ERROR(storage::ReplaceIndicatorValues(tx, id, values));
  ASSIGN_OR_RETURN(auto after, storage::IndicatorValues(tx.db(), id));
  RETURN_IF_ERROR(Audit(tx, &by, "replace", "indicator_values", id,
                        codec::EncodeAll(before), codec::EncodeAll(after)));
  return after;
}

}  // namespace capdev::services
