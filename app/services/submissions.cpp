#include "app/services/submissions.hpp"

#include <sodium.h>

#include <map>
#include <set>

#include "app/services/audit.hpp"
#include "domain/date.hpp"
#include "domain/session.hpp"
#include "domain/workshop.hpp"
#include "storage/records.hpp"

namespace capdev::services {

namespace {

// The kinds of write that can move a funder or results report's figures.
const std::vector<std::string> kMoving = {
    "workshop",         "workshop_organizations",
    "session",          "registration",
    "attendance",       "indicator",
    "indicator_values", "project_organizations"};

constexpr std::int64_t kMaxRecorded = 2000;

json::object ObjectOf(const std::optional<std::string>& text) {
  if (!text) return {};
  boost::system::error_code ec;
  auto v = json::parse(*text, ec);
  return !ec && v.is_object() ? std::move(v.as_object()) : json::object{};
}

std::optional<std::int64_t> IdIn(const json::object& o, const char* key) {
  const auto* v = o.if_contains(key);
  if (v && v->is_int64()) return v->as_int64();
  return std::nullopt;
}

std::optional<std::string> TextIn(const json::object& o, const char* key) {
  const auto* v = o.if_contains(key);
  if (v && v->is_string()) return std::string(v->as_string());
  return std::nullopt;
}

// Each person's mark in a sheet as the audit trail keeps it.
std::map<std::int64_t, std::string> Marks(const json::object& sheet) {
  std::map<std::int64_t, std::string> out;
  const auto* items = sheet.if_contains("items");
  if (!items || !items->is_array()) return out;
  for (const auto& item : items->as_array()) {
    if (!item.is_object()) continue;
    const auto person = IdIn(item.as_object(), "person_id");
    if (person) out[*person] = TextIn(item.as_object(), "status").value_or("");
  }
  return out;
}

std::int64_t MarksChanged(const json::object& before,
                          const json::object& after) {
  const auto a = Marks(before);
  const auto b = Marks(after);
  std::set<std::int64_t> people;
  for (const auto& [p, m] : a) people.insert(p);
  for (const auto& [p, m] : b) people.insert(p);
  std::int64_t n = 0;
  for (const auto p : people) {
    const auto x = a.find(p);
    const auto y = b.find(p);
    if (x == a.end() || y == b.end() || x->second != y->second) ++n;
  }
  return n;
}

}  // namespace

std::string Sha256Hex(std::string_view bytes) {
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(digest,
                     reinterpret_cast<const unsigned char*>(bytes.data()),
                     bytes.size());
  static constexpr char kHex[] = "0123456789abcdef";
  std::string hex;
  for (unsigned char c : digest) {
    hex += kHex[c >> 4];
    hex += kHex[c & 15];
  }
  return hex;
}

domain::StatusOr<storage::Submission> SubmitReport(storage::WriteTx& tx,
                                                   const domain::Principal& by,
                                                   storage::Submission s) {
  s.submitted_at = domain::NowUtc();
  s.submitted_by = by.username;
  s.sha256 = Sha256Hex(s.body);
  ASSIGN_OR_RETURN(s.id, storage::AddSubmission(tx, s));
  RETURN_IF_ERROR(Audit(tx, &by, "create", "report_submission", s.id, nullptr,
                        json::object{{"report", s.report},
                                     {"params", json::parse(s.params)},
                                     {"sha256", s.sha256}}));
  return s;
}

domain::StatusOr<std::vector<RecordedChange>> RecordedSince(
    storage::Database& db, std::int64_t submission_id) {
  ASSIGN_OR_RETURN(auto entries,
                   storage::AuditAfter(db, "create", "report_submission",
                                       submission_id, kMoving, kMaxRecorded));
  // Sessions' workshops and dates, workshops' projects: from the trail where
  // it holds them (a deleted record), else from the records.
  std::map<std::int64_t, std::pair<std::int64_t, std::optional<std::string>>>
      sessions;
  std::map<std::int64_t, std::int64_t> projects;
  for (const auto& e : entries) {
    if (!e.entity_id) continue;
    for (const auto& text : {e.after, e.before}) {
      const auto o = ObjectOf(text);
      if (e.entity == "session" && IdIn(o, "workshop_id"))
        sessions[*e.entity_id] = {*IdIn(o, "workshop_id"), TextIn(o, "date")};
      if (e.entity == "workshop" && IdIn(o, "project_id"))
        projects[*e.entity_id] = *IdIn(o, "project_id");
    }
  }
  std::vector<RecordedChange> out;
  out.reserve(entries.size());
  for (auto& e : entries) {
    RecordedChange r;
    const auto before = ObjectOf(e.before);
    const auto after = ObjectOf(e.after);
    const auto& either = after.empty() ? before : after;
    if (e.entity == "workshop" || e.entity == "workshop_organizations") {
      r.workshop_id = e.entity_id;
    } else if (e.entity == "registration") {
      r.workshop_id = IdIn(either, "workshop_id");
    } else if (e.entity == "session" || e.entity == "attendance") {
      if (e.entity_id && !sessions.contains(*e.entity_id)) {
        ASSIGN_OR_RETURN(const auto session,
                         storage::Get<domain::Session>(db, *e.entity_id));
        if (session) {
          sessions[*e.entity_id] = {
              session->workshop_id,
              session->date ? std::optional(session->date->ToString())
                            : std::nullopt};
        }
      }
      if (const auto it = sessions.find(e.entity_id.value_or(0));
          it != sessions.end()) {
        r.workshop_id = it->second.first;
        r.session_date = it->second.second;
      }
      if (e.entity == "attendance")
        r.marks_changed = MarksChanged(before, after);
    } else if (e.entity == "indicator" || e.entity == "indicator_values") {
      r.indicator_id = e.entity_id;
    }
    if (r.workshop_id) {
      if (!projects.contains(*r.workshop_id)) {
        ASSIGN_OR_RETURN(const auto w,
                         storage::Get<domain::Workshop>(db, *r.workshop_id));
        if (w) projects[*r.workshop_id] = w->project_id;
      }
      if (const auto it = projects.find(*r.workshop_id); it != projects.end())
        r.project_id = it->second;
    }
    if (e.action == "update") {
      for (const auto& [k, v] : after) {
        const auto* was = before.if_contains(k);
        if (!was || *was != v) r.fields.emplace_back(k);
      }
    }
    r.entry = std::move(e);
    out.push_back(std::move(r));
  }
  return out;
}

json::object ToJson(const RecordedChange& r) {
  const auto& e = r.entry;
  json::object o{
      {"at", e.at},
      {"by", e.username ? json::value(*e.username) : json::value(nullptr)},
      {"action", e.action},
      {"entity", e.entity},
      {"entity_id",
       e.entity_id ? json::value(*e.entity_id) : json::value(nullptr)}};
  if (r.workshop_id) o["workshop_id"] = *r.workshop_id;
  if (r.indicator_id) o["indicator_id"] = *r.indicator_id;
  if (r.session_date) o["session_date"] = *r.session_date;
  if (r.marks_changed) o["marks_changed"] = *r.marks_changed;
  if (!r.fields.empty()) {
    json::array fields;
    for (const auto& f : r.fields) fields.emplace_back(json::string(f));
    o["fields"] = std::move(fields);
  }
  return o;
}

}  // namespace capdev::services
