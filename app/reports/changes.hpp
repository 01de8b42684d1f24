#pragma once
// What differs between a report as submitted and the same report today: each
// figure that changed, named and formatted as the report shows it, with the
// workshop, indicator or project it belongs to.

#include <boost/json.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/message.hpp"

namespace capdev::reports {

struct FigureChange {
  // Where in the submitted JSON ("workshops[0].people_trained"; an item only
  // today takes its index in today's list).
  std::string path;
  boost::json::value submitted;  // null when it was not there
  boost::json::value current;    // null when it is gone
  std::optional<std::int64_t> workshop_id;
  std::optional<std::int64_t> indicator_id;
  std::optional<std::int64_t> project_id;  // of the indicator or project
  std::string label;  // the figure's name ("People trained", "Actual by sex:
                      // Female")
  std::string where;  // the workshop, indicator, project or section
  std::string submitted_text;  // the values as the report prints them
  std::string current_text;
};

// Lists of records (workshops, projects, indicators, groups) are matched by
// their ids, so a workshop added at the top changes one entry, not every
// one below it. `generated_at` is ignored; 12 and 12.0 are the same figure.
std::vector<FigureChange> ReportChanges(const boost::json::value& submitted,
                                        const boost::json::value& current,
                                        domain::Language language);

// {path, submitted, current, label, where, submitted_text, current_text}
// and workshop_id, indicator_id or project_id where there is one.
boost::json::object ToJson(const FigureChange& change);

}  // namespace capdev::reports
