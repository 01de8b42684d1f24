#pragma once
// A project's logframe: results, their indicators and the values entered by
// hand for manual indicators.

#include <span>
#include <vector>

#include "app/services/records.hpp"
#include "domain/results.hpp"

namespace capdev::services {

domain::StatusOr<domain::Result> CreateResult(
    storage::WriteTx& tx, const domain::Principal& by, std::int64_t project_id,
    const domain::Draft<domain::Result>& draft);
domain::StatusOr<domain::Result> UpdateResult(
    storage::WriteTx& tx, const domain::Principal& by, std::int64_t id,
    const domain::Draft<domain::Result>& draft);
// 409 while indicators or results below it remain.
domain::Status DeleteResult(storage::WriteTx& tx, const domain::Principal& by,
                            std::int64_t id);

domain::StatusOr<domain::Indicator> CreateIndicator(
    storage::WriteTx& tx, const domain::Principal& by, std::int64_t result_id,
    const domain::Draft<domain::Indicator>& draft);
domain::StatusOr<domain::Indicator> UpdateIndicator(
    storage::WriteTx& tx, const domain::Principal& by, std::int64_t id,
    const domain::Draft<domain::Indicator>& draft);
// Its manual values go with it.
domain::Status DeleteIndicator(storage::WriteTx& tx,
                               const domain::Principal& by, std::int64_t id);

// Replaces a manual indicator's values as a set (409 for one counted from
// attendance).
domain::StatusOr<std::vector<domain::IndicatorValue>> ReplaceIndicatorValues(
    storage::WriteTx& tx, const domain::Principal& by, std::int64_t id,
    std::span<const domain::IndicatorValue> values,
    const domain::Errors& decoding);

}  // namespace capdev::services
