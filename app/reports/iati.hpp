#pragma once
// A project as an IATI 2.03 activity file (iati-activities holding one
// iati-activity); the choices it makes are listed in README "IATI".

#include <optional>
#include <string>
#include <vector>

#include "domain/organization.hpp"
#include "domain/project.hpp"
#include "domain/results.hpp"
#include "domain/status.hpp"

namespace capdev::reports {

struct IatiParty {
  domain::Organization organization;
  domain::ProjectRole role = domain::ProjectRole::kImplementer;
};

// One target period of an indicator with the actual counted or entered for
// exactly that period (as the results report computes it).
struct IatiPeriod {
  domain::Target target;
  std::optional<double> actual;
  std::vector<domain::GroupValue> by_sex;  // when disaggregated by sex
};

struct IatiIndicator {
  domain::Indicator indicator;
  std::vector<IatiPeriod> periods;
};

struct IatiResult {
  domain::Result result;
  std::vector<IatiIndicator> indicators;
};

struct IatiActivity {
  domain::Project project;
  std::vector<IatiParty> parties;  // in the project's order
  // The project's dates, or its workshops' when it records none.
  std::optional<domain::Date> start;
  std::optional<domain::Date> end;
  domain::Date today;
  std::string generated;            // RFC 3339, UTC
  std::vector<IatiResult> results;  // the logframe in order
};

// The XML; 422 when no party has an `iati_ref` (the identifier needs one) or
// the activity has no date at all.
domain::StatusOr<std::string> RenderIati(const IatiActivity& activity);

}  // namespace capdev::reports
