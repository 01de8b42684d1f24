// IATI 2.03 activity XML written with a small escaping writer (the file is
// a fixed, shallow shape; no DOM needed). Element order follows the schema.

#include "app/reports/iati.hpp"

#include <cstdio>
#include <initializer_list>
#include <utility>

#include "app/reports/document.hpp"
#include "domain/concat.hpp"

namespace capdev::reports {

namespace {

using Attributes =
    std::initializer_list<std::pair<std::string_view, std::string>>;

// Text and attribute values escaped as in HTML (valid XML too), after
// dropping the control characters XML 1.0 forbids.
std::string Escape(std::string_view text) {
  std::string allowed;
  allowed.reserve(text.size());
  for (char c : text) {
    const auto u = static_cast<unsigned char>(c);
    if (u >= 0x20 || c == '\t' || c == '\n' || c == '\r') allowed += c;
  }
  return HtmlEscape(allowed);
}

class XmlWriter {
 public:
  XmlWriter() { out_ = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"; }
  void Open(std::string_view name, Attributes attributes = {}) {
    Start(name, attributes);
    out_ += ">\n";
    open_.emplace_back(name);
  }
  void Close() {
    Indent(open_.size() - 1);
    out_ += "</" + open_.back() + ">\n";
    open_.pop_back();
  }
  // An element with text, or empty when `text` is.
  void Leaf(std::string_view name, Attributes attributes,
            std::string_view text = {}) {
    Start(name, attributes);
    if (text.empty()) {
      out_ += "/>\n";
    } else {
      out_ += domain::Concat(">", Escape(text), "</", name, ">\n");
    }
  }
  std::string Take() { return std::move(out_); }

 private:
  void Indent(std::size_t depth) { out_.append(depth * 2, ' '); }
  void Start(std::string_view name, Attributes attributes) {
    Indent(open_.size());
    out_ += domain::Concat("<", name);
    for (const auto& [key, value] : attributes)
      out_ += domain::Concat(" ", key, "=\"", Escape(value), "\"");
  }
  std::string out_;
  std::vector<std::string> open_;
};

std::string Number(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.15g", v);
  return buf;
}

// IATI OrganisationRole: 1 Funding, 2 Accountable, 4 Implementing. A
// counterpart (the Chinese ministry that owns the activity and answers for
// it to its government) is Accountable, not Extending (that is an agency
// managing a funder's money).
std::string RoleCode(domain::ProjectRole role) {
  switch (role) {
    case domain::ProjectRole::kLeadFunder:
    case domain::ProjectRole::kCoFunder:
      return "1";
    case domain::ProjectRole::kCounterpart:
      return "2";
    case domain::ProjectRole::kImplementer:
      return "4";
  }
  return "4";
}

// IATI OrganisationType.
std::string TypeCode(const domain::Organization& o) {
  using K = domain::OrganizationKind;
  if (!o.kind) return "90";
  switch (*o.kind) {
    case K::kGovernment:
      return "10";
    case K::kIntergovernmental:
      return "40";
    case K::kAcademic:
      return "80";
    case K::kNgo:
      return o.country == "CN" ? "22" : "21";
    case K::kPrivate:
      return "70";
    case K::kOther:
      return "90";
  }
  return "90";
}

// The reporting organization: the lead funder when it has an IATI
// identifier, else the first implementer, co-funder or counterpart (in that
// order) that has one.
const IatiParty* Reporter(const std::vector<IatiParty>& parties) {
  using R = domain::ProjectRole;
  for (R role :
       {R::kLeadFunder, R::kImplementer, R::kCoFunder, R::kCounterpart}) {
    for (const auto& p : parties) {
      if (p.role == role && p.organization.iati_ref &&
          !p.organization.iati_ref->empty())
        return &p;
    }
  }
  return nullptr;
}

// IATI ActivityStatus: 1 Pipeline before it starts, 2 Implementation until
// its end, 3 Finalisation for six months after, 4 Closed from then on.
std::string StatusCode(const IatiActivity& a) {
  if (a.start && a.today < *a.start) return "1";
  if (!a.end || !(*a.end < a.today)) return "2";
  return a.end->DaysUntil(a.today) <= 183 ? "3" : "4";
}

std::string ResultType(const std::optional<domain::ResultLevel>& level) {
  if (!level) return "9";
  switch (*level) {
    case domain::ResultLevel::kOutput:
      return "1";
    case domain::ResultLevel::kOutcome:
      return "2";
    case domain::ResultLevel::kImpact:
      return "3";
  }
  return "9";
}

void Narrative(XmlWriter& x, std::string_view text,
               std::string_view lang = {}) {
  if (lang.empty()) {
    x.Leaf("narrative", {}, text);
  } else {
    x.Leaf("narrative", {{"xml:lang", std::string(lang)}}, text);
  }
}

void Titled(XmlWriter& x, std::string_view element, Attributes attributes,
            const std::string& text) {
  x.Open(element, attributes);
  Narrative(x, text);
  x.Close();
}

void Indicator(XmlWriter& x, const IatiIndicator& ii) {
  const auto& i = ii.indicator;
  const bool percent = i.measure && domain::IsPercent(*i.measure);
  x.Open("indicator", {{"measure", percent ? "2" : "1"}, {"ascending", "1"}});
  Titled(x, "title", {}, (i.code ? *i.code + " " : "") + i.title);
  if (i.baseline_year && *i.baseline_year > 0) {
    if (i.baseline_value) {
      x.Leaf("baseline", {{"year", std::to_string(*i.baseline_year)},
                          {"value", Number(*i.baseline_value)}});
    } else {
      x.Leaf("baseline", {{"year", std::to_string(*i.baseline_year)}});
    }
  }
  for (const auto& p : ii.periods) {
    x.Open("period");
    x.Leaf("period-start", {{"iso-date", p.target.period_start.ToString()}});
    x.Leaf("period-end", {{"iso-date", p.target.period_end.ToString()}});
    x.Leaf("target", {{"value", Number(p.target.value)}});
    if (p.actual) {
      x.Leaf("actual", {{"value", Number(*p.actual)}});
      // Each sex's actual apart, tagged with the dimension.
      for (const auto& g : p.by_sex) {
        if (g.key.empty()) continue;
        x.Open("actual", {{"value", Number(g.value)}});
        x.Leaf("dimension", {{"name", "sex"}, {"value", g.key}});
        x.Close();
      }
    }
    x.Close();
  }
  x.Close();
}

}  // namespace

domain::StatusOr<std::string> RenderIati(const IatiActivity& a) {
  const IatiParty* reporter = Reporter(a.parties);
  if (!reporter || !reporter->organization.iati_ref) {
    return domain::Status::Invalid(
        {}, domain::Message("error.iati_no_reporter",
                            {{"project", a.project.code}}));
  }
  if (!a.start && !a.end) {
    return domain::Status::Invalid(
        {},
        domain::Message("error.iati_no_dates", {{"project", a.project.code}}));
  }
  const std::string& ref = *reporter->organization.iati_ref;
  XmlWriter x;
  x.Open("iati-activities",
         {{"version", "2.03"}, {"generated-datetime", a.generated}});
  if (a.project.default_currency) {
    x.Open("iati-activity", {{"xml:lang", "en"},
                             {"default-currency", *a.project.default_currency},
                             {"last-updated-datetime", a.generated}});
  } else {
    x.Open("iati-activity",
           {{"xml:lang", "en"}, {"last-updated-datetime", a.generated}});
  }
  x.Leaf("iati-identifier", {}, ref + "-" + a.project.code);
  Titled(x, "reporting-org",
         {{"ref", ref}, {"type", TypeCode(reporter->organization)}},
         reporter->organization.name);
  x.Open("title");
  Narrative(x, a.project.title);
  if (a.project.native_title && !a.project.native_title->empty())
    Narrative(x, *a.project.native_title, "zh");
  x.Close();
  Titled(x, "description", {{"type", "1"}},
         a.project.summary.value_or(a.project.title));
  for (const auto& p : a.parties) {
    const auto& o = p.organization;
    if (o.iati_ref && !o.iati_ref->empty()) {
      Titled(x, "participating-org",
             {{"ref", *o.iati_ref},
              {"type", TypeCode(o)},
              {"role", RoleCode(p.role)}},
             o.name);
    } else {
      Titled(x, "participating-org",
             {{"type", TypeCode(o)}, {"role", RoleCode(p.role)}}, o.name);
    }
  }
  x.Leaf("activity-status", {{"code", StatusCode(a)}});
  // Actual once the day has come, planned before.
  if (a.start) {
    x.Leaf("activity-date", {{"type", a.today < *a.start ? "1" : "2"},
                             {"iso-date", a.start->ToString()}});
  }
  if (a.end) {
    x.Leaf("activity-date", {{"type", *a.end < a.today ? "4" : "3"},
                             {"iso-date", a.end->ToString()}});
  }
  // Those trained are Chinese officials wherever a study tour takes them.
  x.Leaf("recipient-country", {{"code", "CN"}, {"percentage", "100"}});
  for (const auto& r : a.results) {
    if (r.indicators.empty()) continue;  // IATI wants an indicator per result
    x.Open("result",
           {{"type", ResultType(r.result.level)}, {"aggregation-status", "0"}});
    Titled(x, "title", {},
           (r.result.code ? *r.result.code + " " : "") + r.result.title);
    for (const auto& i : r.indicators) Indicator(x, i);
    x.Close();
  }
  x.Close();
  x.Close();
  return x.Take();
}

}  // namespace capdev::reports
