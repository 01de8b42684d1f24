#include "app/reports/submitted.hpp"

#include "app/codec/json_codec.hpp"
#include "app/reports/reports.hpp"
#include "domain/validation.hpp"

namespace capdev::reports {

namespace json = boost::json;

namespace {

// A member as the report wrote it; what is missing or unreadable keeps the
// default (the JSON is the server's own, frozen: nothing to refuse).
template <class T>
void Read(const json::object& o, const char* key, T& out) {
  const auto* v = o.if_contains(key);
  if (!v) return;
  domain::Errors ignored;
  codec::FromJson(*v, out, key, ignored);
}

const json::object& ObjectAt(const json::object& o, const char* key) {
  static const json::object kEmpty;
  const auto* v = o.if_contains(key);
  return v && v->is_object() ? v->as_object() : kEmpty;
}

const json::array& ArrayAt(const json::object& o, const char* key) {
  static const json::array kEmpty;
  const auto* v = o.if_contains(key);
  return v && v->is_array() ? v->as_array() : kEmpty;
}

domain::Totals TotalsFrom(const json::object& o) {
  domain::Totals t;
  Read(o, "workshops", t.workshops);
  Read(o, "people_trained", t.people_trained);
  Read(o, "participations", t.participations);
  Read(o, "participant_days", t.participant_days);
  Read(o, "people_completed", t.people_completed);
  Read(o, "trainers", t.trainers);
  Read(o, "reported_headcount", t.reported_headcount);
  Read(o, "participants", t.participants);
  Read(o, "estimated_participant_days", t.estimated_participant_days);
  Read(o, "attendance_rate", t.attendance_rate);
  for (const auto& g : ArrayAt(o, "by_gender")) {
    if (!g.is_object()) continue;
    domain::Count c;
    Read(g.as_object(), "gender", c.key);
    Read(g.as_object(), "people_trained", c.count);
    t.by_gender.push_back(std::move(c));
  }
  Read(o, "agencies_reached", t.agencies_reached);
  Read(o, "trainer_institutions", t.trainer_institutions);
  return t;
}

domain::Section SectionFrom(const json::array& workshops,
                            const json::object& totals) {
  domain::Section s;
  for (const auto& item : workshops) {
    if (!item.is_object()) continue;
    const auto& o = item.as_object();
    domain::WorkshopLine l;
    auto& w = l.workshop;
    Read(o, "workshop_id", w.id);
    Read(o, "title", w.title);
    Read(o, "kind", w.kind);
    Read(o, "city", w.city);
    Read(o, "start_date", w.start_date);
    Read(o, "end_date", w.end_date);
    Read(o, "dates_estimated", w.dates_estimated);
    Read(o, "stated_dates", w.stated_dates);
    Read(o, "duration_days", w.duration_days);
    Read(o, "project_code", l.project_code);
    Read(o, "trainer_institutions", l.trainer_institutions);
    Read(o, "participating_agencies", l.participating_agencies);
    auto& f = l.figures;
    Read(o, "sessions", f.sessions);
    Read(o, "sessions_held", f.sessions_held);
    Read(o, "participants_registered", f.participants_registered);
    Read(o, "people_trained", f.people_trained);
    Read(o, "participant_days", f.participant_days);
    Read(o, "completed", f.completed);
    Read(o, "trainers", f.trainers);
    Read(o, "attendance_rate", f.attendance_rate);
    Read(o, "reported_headcount", f.reported_headcount);
    Read(o, "estimated_participant_days", f.estimated_participant_days);
    s.workshops.push_back(std::move(l));
  }
  s.totals = TotalsFrom(totals);
  return s;
}

std::vector<domain::ResultLine> LinesFrom(const json::array& results) {
  std::vector<domain::ResultLine> lines;
  for (const auto& item : results) {
    if (!item.is_object()) continue;
    const auto& o = item.as_object();
    domain::ResultLine line;
    domain::Errors ignored;  // project_id and the report's own members
    codec::Decode(o, line.result, ignored);
    Read(o, "id", line.result.id);
    Read(o, "project_id", line.result.project_id);
    std::int64_t depth = 0;
    Read(o, "depth", depth);
    line.depth = static_cast<int>(depth);
    for (const auto& i : ArrayAt(o, "indicators")) {
      if (!i.is_object()) continue;
      const auto& io = i.as_object();
      domain::IndicatorActual a;
      codec::Decode(io, a.indicator, ignored);
      Read(io, "id", a.indicator.id);
      Read(io, "result_id", a.indicator.result_id);
      Read(io, "target", a.target);
      Read(io, "actual", a.actual);
      Read(io, "comment", a.comment);
      for (const auto& [by, values] : ObjectAt(io, "disaggregated")) {
        const auto kind = domain::FromText<domain::Disaggregation>(by);
        if (!kind || !values.is_array()) continue;
        domain::Disaggregated d{*kind, {}};
        for (const auto& g : values.as_array()) {
          if (!g.is_object()) continue;
          domain::GroupValue v;
          std::optional<std::string> key;
          Read(g.as_object(), "key", key);
          v.key = key.value_or("");
          Read(g.as_object(), "value", v.value);
          d.values.push_back(std::move(v));
        }
        a.disaggregated.push_back(std::move(d));
      }
      line.indicators.push_back(std::move(a));
    }
    lines.push_back(std::move(line));
  }
  return lines;
}

domain::ResultsReport ResultsOf(const json::object& project,
                                const json::object& period,
                                const json::array& results) {
  domain::ResultsReport r;
  Read(project, "id", r.project_id);
  Read(project, "code", r.project_code);
  Read(project, "title", r.project_title);
  Read(period, "from", r.from);
  Read(period, "to", r.to);
  r.results = LinesFrom(results);
  return r;
}

}  // namespace

domain::FunderReport FunderFromJson(const json::object& body) {
  domain::FunderReport r;
  const auto& org = ObjectAt(body, "organization");
  Read(org, "id", r.organization_id);
  Read(org, "name", r.organization_name);
  Read(body, "include_children", r.include_children);
  const auto& period = ObjectAt(body, "period");
  Read(period, "from", r.options.from);
  Read(period, "to", r.options.to);
  std::int64_t threshold = domain::kDefaultCompletionThreshold;
  Read(body, "completion_threshold", threshold);
  r.options.completion_threshold = static_cast<int>(threshold);
  for (const auto& item : ArrayAt(body, "projects")) {
    if (!item.is_object()) continue;
    const auto& o = item.as_object();
    domain::FundedProject p;
    Read(o, "project_id", p.project_id);
    Read(o, "code", p.code);
    Read(o, "title", p.title);
    Read(ObjectAt(o, "funder"), "id", p.funder_id);
    Read(ObjectAt(o, "funder"), "name", p.funder_name);
    Read(o, "role", p.role);
    Read(o, "amount", p.amount);
    Read(o, "currency", p.currency);
    r.projects.push_back(std::move(p));
  }
  r.in_period =
      SectionFrom(ArrayAt(body, "workshops"), ObjectAt(body, "totals"));
  const auto& uncertain = ObjectAt(body, "dates_uncertain");
  r.dates_uncertain = SectionFrom(ArrayAt(uncertain, "workshops"),
                                  ObjectAt(uncertain, "totals"));
  for (const auto& item : ArrayAt(body, "results")) {
    if (!item.is_object()) continue;
    r.results.push_back(ResultsOf(ObjectAt(item.as_object(), "project"), period,
                                  ArrayAt(item.as_object(), "results")));
  }
  return r;
}

domain::ResultsReport ResultsFromJson(const json::object& body) {
  return ResultsOf(ObjectAt(body, "project"), ObjectAt(body, "period"),
                   ArrayAt(body, "results"));
}

Document SubmittedDocument(const std::string& report, const json::object& body,
                           const SubmissionFacts& facts,
                           domain::NativeNames natives,
                           domain::Language language) {
  Document d;
  if (report == "funder") {
    auto r = FunderFromJson(body);
    r.native_names = std::move(natives);
    d = FunderDocument(r, language);
  } else {
    d = ResultsDocument(ResultsFromJson(body), language);
  }
  const Texts x(language);
  // When the figures were counted, not now.
  const std::string generated = x("report.fact.generated");
  std::string at;
  Read(body, "generated_at", at);
  for (auto& [name, value] : d.facts) {
    if (name == generated) value = at.empty() ? "" : x.format().Instant(at);
  }
  d.facts.emplace_back(
      x("report.fact.submitted"),
      x(domain::Message("report.submitted_by",
                        {{"at", x.format().Instant(facts.submitted_at)},
                         {"by", facts.submitted_by}})));
  if (facts.note && !facts.note->empty())
    d.facts.emplace_back(x("report.fact.submission_note"), *facts.note);
  // Hexadecimal reads the same in every language.
  d.facts.emplace_back("SHA-256", facts.sha256);
  d.notes.insert(d.notes.begin(),
                 x(domain::Message("report.note.submitted",
                                   {{"id", std::to_string(facts.id)}})));
  return d;
}

}  // namespace capdev::reports
