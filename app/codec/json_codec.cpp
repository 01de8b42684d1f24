#include "app/codec/json_codec.hpp"

#include "app/i18n/catalog.hpp"

namespace capdev::codec {

json::object ConflictJson(const domain::Conflict& c) {
  return {{"kind", ToJson(c.kind)},
          {"severity", ToJson(c.severity)},
          {"date", c.date.ToString()},
          {"workshop_id", c.workshop_id},
          {"other_workshop_id", c.other_workshop_id},
          {"other_workshop_title", c.other_workshop_title},
          {"person_id", ToJson(c.person_id)},
          {"organization_id", ToJson(c.organization_id)},
          {"venue", ToJson(c.venue)},
          {"city", ToJson(c.city)}};
}

json::array ToJson(const std::vector<domain::Conflict>& conflicts) {
  json::array a;
  for (const auto& c : conflicts) a.push_back(ConflictJson(c));
  return a;
}

void FromJson(const json::value& j, std::string& out, const std::string& field,
              domain::Errors& e) {
  if (!j.is_string()) return e.Add(field, domain::kInvalid, "error.not_string");
  // Stored trimmed: "  Sun Li  " and "Sun Li" are one name.
  out = domain::Trim(j.as_string());
}

void FromJson(const json::value& j, std::int64_t& out, const std::string& field,
              domain::Errors& e) {
  if (j.is_int64()) {
    out = j.as_int64();
  } else if (j.is_uint64()) {
    e.Add(field, domain::kOutOfRange, "error.integer_too_large");
  } else {
    e.Add(field, domain::kInvalid, "error.not_integer");
  }
}

void FromJson(const json::value& j, bool& out, const std::string& field,
              domain::Errors& e) {
  if (!j.is_bool()) return e.Add(field, domain::kInvalid, "error.not_boolean");
  out = j.as_bool();
}

void FromJson(const json::value& j, double& out, const std::string& field,
              domain::Errors& e) {
  if (j.is_double()) {
    out = j.as_double();
  } else if (j.is_int64()) {
    out = static_cast<double>(j.as_int64());
  } else if (j.is_uint64()) {
    out = static_cast<double>(j.as_uint64());
  } else {
    e.Add(field, domain::kInvalid, "error.not_number");
  }
}

void FromJson(const json::value& j, domain::Date& out, const std::string& field,
              domain::Errors& e) {
  std::optional<domain::Date> d;
  if (j.is_string()) d = domain::Date::Parse(std::string_view(j.as_string()));
  if (!d) return e.Add(field, domain::kInvalid, "error.not_date");
  out = *d;
}

json::object SheetJson(std::int64_t session_id,
                       const std::vector<domain::AttendanceMark>& marks) {
  return {{"session_id", session_id},
          {"items", EncodeAll(marks)},
          {"next_cursor", nullptr}};
}

json::array CheckinFlagsJson(const std::vector<domain::CheckinFlag>& flags) {
  json::array out;
  for (const auto& f : flags) {
    json::array people(f.person_ids.begin(), f.person_ids.end());
    out.push_back({{"session_id", f.session_id},
                   {"kind", f.kind},
                   {"person_ids", std::move(people)}});
  }
  return out;
}

json::object ToJson(
    const std::vector<std::pair<std::string, domain::Arg>>& args) {
  json::object params;
  for (const auto& [name, arg] : args) {
    std::visit(
        [&, &key = name](const auto& v) {
          using V = std::decay_t<decltype(v)>;
          if constexpr (std::is_same_v<V, domain::Term>) {
            params[key] = v.key;
          } else if constexpr (std::is_same_v<V, domain::CountList>) {
            json::object counts;
            for (const auto& [what, n] : v.counts) counts[what] = n;
            params[key] = std::move(counts);
          } else {
            params[key] = v;
          }
        },
        arg.value());
  }
  return params;
}

json::object ToJson(const domain::FieldError& error, domain::Language lang) {
  json::object o{{"field", error.field},
                 {"code", error.code},
                 {"message", i18n::Render(lang, error.message)}};
  if (!error.message.args().empty()) o["params"] = ToJson(error.message.args());
  return o;
}

}  // namespace capdev::codec
