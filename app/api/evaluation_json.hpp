#pragma once
// The participant's page's questionnaires (GET /api/v1/participant/{token}),
// as api/evaluations.cpp encodes them: items without their correct option.

#include <vector>

#include "app/codec/json_codec.hpp"
#include "app/services/evaluations.hpp"

namespace capdev::api {

boost::json::array ParticipantQuestionnairesJson(
    const std::vector<services::OwnQuestionnaire>& own);

}  // namespace capdev::api
