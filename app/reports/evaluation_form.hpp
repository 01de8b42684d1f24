#pragma once
// A questionnaire on paper, blank, for readers of both languages: what
// participants without a phone fill in, typed in later on the workshop's
// evaluation screen. Printable on A4.

#include <string>

#include "domain/evaluation.hpp"
#include "domain/workshop.hpp"

namespace capdev::reports {

std::string RenderEvaluationForm(const domain::Workshop& workshop,
                                 const domain::Evaluation& evaluation,
                                 const domain::Questionnaire& questionnaire);

}  // namespace capdev::reports
