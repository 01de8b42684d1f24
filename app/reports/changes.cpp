#include "app/reports/changes.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "app/reports/texts.hpp"

namespace capdev::reports {

namespace json = boost::json;

namespace {

// Where a value sits: the keys from the root (no indices), and the records
// around it.
struct Context {
  std::vector<std::string> keys;
  const json::object* workshop = nullptr;
  const json::object* indicator = nullptr;
  const json::object* project = nullptr;
  const json::value* group = nullptr;  // a disaggregated or gender group's key
};

const json::object* Object(const json::value* v) {
  return v && v->is_object() ? &v->as_object() : nullptr;
}

std::optional<std::int64_t> IdOf(const json::object* o, const char* key) {
  if (!o) return std::nullopt;
  const auto* v = o->if_contains(key);
  if (v && v->is_int64()) return v->as_int64();
  return std::nullopt;
}

std::string StringOf(const json::object* o, const char* key) {
  if (!o) return {};
  const auto* v = o->if_contains(key);
  return v && v->is_string() ? std::string(v->as_string()) : std::string();
}

// The records an object is, or sits in.
void Enter(const json::object& o, Context& c) {
  const std::string last = c.keys.empty() ? "" : c.keys.back();
  if (o.contains("workshop_id")) c.workshop = &o;
  if (last == "indicators") c.indicator = &o;
  if (last == "projects") c.project = &o;
  if (const auto* p = Object(o.if_contains("project")); p && p->contains("id"))
    c.project = p;
  if (const auto* k = o.if_contains("key")) c.group = k;
  if (const auto* g = o.if_contains("gender")) c.group = g;
}

bool Scalar(const json::value& v) { return !v.is_object() && !v.is_array(); }

// The member that names each item of both lists, when every item has one
// and no two share it.
std::optional<std::string> Identity(const json::array& x,
                                    const json::array& y) {
  for (const char* key : {"workshop_id", "id", "project_id", "key", "gender"}) {
    bool all = !(x.empty() && y.empty());
    for (const auto* list : {&x, &y}) {
      std::set<std::string> seen;
      for (const auto& item : *list) {
        const auto* o = Object(&item);
        if (!o || !o->contains(key) ||
            !seen.insert(json::serialize(o->at(key))).second) {
          all = false;
        }
      }
    }
    if (all) return key;
  }
  return std::nullopt;
}

struct Walk {
  std::vector<FigureChange>& out;
  std::vector<Context> contexts;  // one per change, for naming it

  void Leaf(const json::value& a, const json::value& b, const std::string& path,
            Context c) {
    // 12 and 12.0 are the same figure.
    if (a.is_number() && b.is_number() &&
        a.to_number<double>() == b.to_number<double>())
      return;
    if (a == b) return;
    if (const auto* o = Object(a.is_object() ? &a : &b)) Enter(*o, c);
    FigureChange change;
    change.path = path;
    change.submitted = a;
    change.current = b;
    out.push_back(std::move(change));
    contexts.push_back(std::move(c));
  }

  void Diff(const json::value& a, const json::value& b, const std::string& path,
            Context c) {
    if (a.is_object() && b.is_object()) {
      Enter(a.as_object(), c);
      std::set<std::string> keys;
      for (const auto& [k, v] : a.as_object()) keys.emplace(k);
      for (const auto& [k, v] : b.as_object()) keys.emplace(k);
      const json::value null;
      for (const auto& k : keys) {
        if (k == "generated_at") continue;
        const auto* x = a.as_object().if_contains(k);
        const auto* y = b.as_object().if_contains(k);
        Context inner = c;
        inner.keys.push_back(k);
        std::string at = path;
        if (!at.empty()) at += '.';
        at += k;
        Diff(x ? *x : null, y ? *y : null, at, std::move(inner));
      }
      return;
    }
    if (!a.is_array() || !b.is_array()) return Leaf(a, b, path, std::move(c));
    const auto& x = a.as_array();
    const auto& y = b.as_array();
    const bool scalars = std::all_of(x.begin(), x.end(), Scalar) &&
                         std::all_of(y.begin(), y.end(), Scalar);
    if (scalars) return Leaf(a, b, path, std::move(c));
    const json::value null;
    const auto at = [&](std::size_t i) {
      return path + "[" + std::to_string(i) + "]";
    };
    const auto id = Identity(x, y);
    if (!id) {
      for (std::size_t i = 0; i < std::max(x.size(), y.size()); ++i) {
        Diff(i < x.size() ? x[i] : null, i < y.size() ? y[i] : null, at(i), c);
      }
      return;
    }
    std::map<std::string, std::size_t> today;
    for (std::size_t i = 0; i < y.size(); ++i)
      today[json::serialize(y[i].as_object().at(*id))] = i;
    std::set<std::size_t> matched;
    for (std::size_t i = 0; i < x.size(); ++i) {
      const auto it = today.find(json::serialize(x[i].as_object().at(*id)));
      if (it == today.end()) {
        Diff(x[i], null, at(i), c);
      } else {
        matched.insert(it->second);
        Diff(x[i], y[it->second], at(i), c);
      }
    }
    for (std::size_t i = 0; i < y.size(); ++i) {
      if (!matched.contains(i)) Diff(null, y[i], at(i), c);
    }
  }
};

// Written out whole: the catalogs' test finds each key in the code.
std::optional<Figure> FigureNamed(const std::string& key) {
  static const std::map<std::string, Figure> kFigures = {
      {"people_trained", Figure::kPeopleTrained},
      {"participations", Figure::kParticipations},
      {"participant_days", Figure::kParticipantDays},
      {"participants_registered", Figure::kParticipantsRegistered},
      {"completed", Figure::kCompleted},
      {"people_completed", Figure::kPeopleCompleted},
      {"attendance_rate", Figure::kAttendanceRate},
      {"trainers", Figure::kTrainers},
      {"reported_headcount", Figure::kReportedHeadcount},
      {"estimated_participant_days", Figure::kEstimatedParticipantDays},
      {"participants", Figure::kParticipants},
      {"agencies_reached", Figure::kAgenciesReached},
      {"trainer_institutions", Figure::kTrainerInstitutions}};
  const auto it = kFigures.find(key);
  if (it == kFigures.end()) return std::nullopt;
  return it->second;
}

const char* ColumnKey(const std::string& key) {
  static const std::map<std::string, const char*> kColumns = {
      {"actual", "report.column.actual"},
      {"target", "report.column.target"},
      {"baseline_value", "report.column.baseline"},
      {"baseline_year", "report.column.baseline_year"},
      {"comment", "report.column.comment"},
      {"amount", "report.column.amount"},
      {"currency", "report.column.currency"},
      {"role", "report.column.role"},
      {"funder", "report.column.funder"},
      {"city", "common.city"},
      {"kind", "common.kind"},
      {"title", "common.title"},
      {"start_date", "report.column.start"},
      {"end_date", "report.column.end"},
      {"project_code", "report.column.project"},
      {"participating_agencies", "report.column.participating_agencies"},
      {"workshops", "report.column.workshop"},
      {"projects", "report.column.project"},
      {"indicators", "report.column.indicator"},
      {"results", "report.column.result"},
      {"sessions", "report.change.sessions"},
      {"sessions_held", "report.change.sessions_held"},
      {"stated_dates", "report.change.stated_dates"},
      {"dates_estimated", "report.change.dates_estimated"},
      {"duration_days", "report.change.duration_days"}};
  const auto it = kColumns.find(key);
  return it == kColumns.end() ? nullptr : it->second;
}

class Namer {
 public:
  explicit Namer(domain::Language language) : x_(language) {}

  void Name(FigureChange& f, const Context& c) const {
    f.workshop_id = IdOf(c.workshop, "workshop_id");
    f.indicator_id = IdOf(c.indicator, "id");
    f.project_id = IdOf(c.project, "project_id");
    if (!f.project_id) f.project_id = IdOf(c.project, "id");
    const std::string last = c.keys.empty() ? "" : c.keys.back();
    f.label = Label(c, last);
    f.where = Where(c);
    f.submitted_text = Value(f.submitted, last, c);
    f.current_text = Value(f.current, last, c);
  }

 private:
  std::string Label(const Context& c, const std::string& key) const {
    const std::size_t n = c.keys.size();
    const std::string parent = n >= 2 ? c.keys[n - 2] : "";
    const auto within = [&](const char* list) {
      return std::find(c.keys.begin(), c.keys.end(), list);
    };
    if (const auto d = within("disaggregated");
        c.group && d != c.keys.end() && d + 1 != c.keys.end()) {
      const std::string& name = *(d + 1);
      const auto by = domain::FromText<domain::Disaggregation>(name);
      return x_(domain::Message("report.change.actual_by",
                                {{"by", by ? x_.Label(*by) : name},
                                 {"group", GroupName(*c.group, name)}}));
    }
    if (c.group && within("by_gender") != c.keys.end()) {
      return x_(domain::Message("report.totals.people_trained_by_gender",
                                {{"gender", GroupName(*c.group, "sex")}}));
    }
    if (key == "workshops" && parent == "totals")
      return FigureLabel(x_, Figure::kWorkshopsHeld);
    if (const auto figure = FigureNamed(key)) return FigureLabel(x_, *figure);
    if (const char* column = ColumnKey(key)) return x_(column);
    return key;
  }

  std::string GroupName(const json::value& key, const std::string& by) const {
    if (!key.is_string() || key.as_string().empty())
      return x_("report.not_recorded");
    std::string k(key.as_string());
    if (by == "sex") return x_.GenderLabel(k);
    if (by == "organization") return x_.Organization(k);
    return k;
  }

  std::string Where(const Context& c) const {
    if (c.indicator) {
      const std::string code = StringOf(c.indicator, "code");
      const std::string title = StringOf(c.indicator, "title");
      return x_(domain::Message(
          "report.results.indicator",
          {{"name", code.empty() ? title : code + " " + title},
           {"id", std::to_string(IdOf(c.indicator, "id").value_or(0))}}));
    }
    if (c.workshop) {
      return x_(domain::Message(
          "report.workshop_label",
          {{"title", StringOf(c.workshop, "title")},
           {"id",
            std::to_string(IdOf(c.workshop, "workshop_id").value_or(0))}}));
    }
    if (c.project) {
      const std::string code = StringOf(c.project, "code");
      const std::string title = StringOf(c.project, "title");
      return code.empty() ? title : title.empty() ? code : code + " " + title;
    }
    const bool uncertain = !c.keys.empty() && c.keys[0] == "dates_uncertain";
    const std::string section = x_(uncertain ? "report.section.dates_uncertain"
                                             : "report.section.in_period");
    if (std::find(c.keys.begin(), c.keys.end(), "totals") != c.keys.end())
      return x_(
          domain::Message("report.totals_heading", {{"heading", section}}));
    return x_("report.change.whole_report");
  }

  std::string Value(const json::value& v, const std::string& key,
                    const Context& c) const {
    if (v.is_null()) return "—";
    if (v.is_bool()) return x_(v.as_bool() ? "common.yes" : "common.no");
    if (v.is_string()) {
      std::string s(v.as_string());
      if (key == "start_date" || key == "end_date") {
        const auto day = domain::Date::Parse(s);
        return day ? x_.Date(day).text : s;
      }
      if (key == "kind") {
        const auto kind = domain::FromText<domain::WorkshopKind>(s);
        return kind ? x_.Label(*kind) : s;
      }
      if (key == "role") {
        const auto role = domain::FromText<domain::ProjectRole>(s);
        return role ? x_.Label(*role) : s;
      }
      return s;
    }
    if (v.is_number()) {
      const double n = v.to_number<double>();
      if (key == "attendance_rate") return x_.Percent(n).text;
      if (key == "amount") return x_.Amount(n).text;
      if (v.is_double()) return x_.Number(n).text;
      return x_.Count(static_cast<std::int64_t>(n)).text;
    }
    if (v.is_array()) {
      std::vector<std::string> items;
      for (const auto& item : v.as_array()) {
        items.push_back(item.is_string()
                            ? x_.Organization(std::string(item.as_string()))
                            : Value(item, key, c));
      }
      return x_.Join(items);
    }
    // A whole record, listed on one side only.
    const auto& o = v.as_object();
    if (o.contains("workshop_id")) {
      return x_(domain::Message(
          "report.workshop_label",
          {{"title", StringOf(&o, "title")},
           {"id", std::to_string(IdOf(&o, "workshop_id").value_or(0))}}));
    }
    if (const auto* value = o.if_contains("value")) return Value(*value, "", c);
    if (const auto* count = o.if_contains("people_trained"))
      return Value(*count, "", c);
    std::string name = StringOf(&o, "code");
    const std::string title = StringOf(&o, "title");
    if (!title.empty()) name += name.empty() ? title : " " + title;
    if (name.empty()) name = StringOf(&o, "name");
    return name.empty() ? "…" : name;
  }

  Texts x_;
};

}  // namespace

std::vector<FigureChange> ReportChanges(const json::value& submitted,
                                        const json::value& current,
                                        domain::Language language) {
  std::vector<FigureChange> out;
  Walk walk{out, {}};
  walk.Diff(submitted, current, "", Context{});
  const Namer namer(language);
  for (std::size_t i = 0; i < out.size(); ++i)
    namer.Name(out[i], walk.contexts[i]);
  return out;
}

json::object ToJson(const FigureChange& f) {
  json::object o{{"path", f.path},
                 {"submitted", f.submitted},
                 {"current", f.current},
                 {"label", f.label},
                 {"where", f.where},
                 {"submitted_text", f.submitted_text},
                 {"current_text", f.current_text}};
  if (f.workshop_id) o["workshop_id"] = *f.workshop_id;
  if (f.indicator_id) o["indicator_id"] = *f.indicator_id;
  if (f.project_id) o["project_id"] = *f.project_id;
  return o;
}

}  // namespace capdev::reports
