#pragma once
// JSON <-> domain entities, generic over domain::Fields: one decoder and one
// encoder for every resource. Decoding reports every bad field at once.

#include <boost/json.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/attendance.hpp"
#include "domain/concat.hpp"
#include "domain/conflict.hpp"
#include "domain/date.hpp"
#include "domain/draft.hpp"
#include "domain/enums.hpp"
#include "domain/field.hpp"
#include "domain/validation.hpp"

namespace capdev {
// Every layer above domain writes Boost.JSON as json::.
namespace json = boost::json;
}  // namespace capdev

namespace capdev::codec {

inline json::value ToJson(const std::string& v) { return json::string(v); }
inline json::value ToJson(std::int64_t v) { return v; }
inline json::value ToJson(bool v) { return v; }
inline json::value ToJson(double v) { return v; }
inline json::value ToJson(const domain::Date& v) {
  return json::string(v.ToString());
}
// Lists and nested records (an indicator's targets and filter), defined
// below Encode and Decode.
template <class T>
json::value ToJson(const std::vector<T>& v);
template <class E>
requires requires { domain::Fields<E>::kAll; }
json::value ToJson(const E& entity);
template <domain::Enumeration E>
json::value ToJson(E v) {
  return json::string(domain::ToText(v));
}
template <class T>
json::value ToJson(const std::optional<T>& v) {
  return v ? ToJson(*v) : json::value(nullptr);
}
json::object ConflictJson(const domain::Conflict& conflict);
json::array ToJson(const std::vector<domain::Conflict>& conflicts);
// A broken rule for the reader: {field, code, message[, params]}.
json::object ToJson(const domain::FieldError& error, domain::Language lang);
// A message's values as sent beside it (`params`): numbers and texts, a
// Term as its key.
json::object ToJson(
    const std::vector<std::pair<std::string, domain::Arg>>& args);

// One session's attendance sheet, as its GET and PUT answer it.
json::object SheetJson(std::int64_t session_id,
                       const std::vector<domain::AttendanceMark>& marks);
// [{session_id, kind, person_ids}]: what a coordinator should look at.
json::array CheckinFlagsJson(const std::vector<domain::CheckinFlag>& flags);

void FromJson(const json::value& j, std::string& out, const std::string& field,
              domain::Errors& e);
void FromJson(const json::value& j, std::int64_t& out, const std::string& field,
              domain::Errors& e);
void FromJson(const json::value& j, bool& out, const std::string& field,
              domain::Errors& e);
void FromJson(const json::value& j, double& out, const std::string& field,
              domain::Errors& e);
void FromJson(const json::value& j, domain::Date& out, const std::string& field,
              domain::Errors& e);
template <class T>
void FromJson(const json::value& j, std::vector<T>& out,
              const std::string& field, domain::Errors& e);
template <class E>
requires requires { domain::Fields<E>::kAll; }
void FromJson(const json::value& j, E& out, const std::string& field,
              domain::Errors& e);
// An enumeration's text; anything else names the allowed texts.
template <domain::Enumeration E>
void FromJson(const json::value& j, E& out, const std::string& field,
              domain::Errors& e) {
  if (!j.is_string())
    return e.Add(field, domain::kInvalid, domain::Message("error.not_string"));
  auto value = domain::FromText<E>(j.as_string());
  if (!value) {
    return e.Add(field, domain::kUnknownValue,
                 domain::Message(
                     "error.unknown_value",
                     {{"allowed", domain::JoinAllowed(domain::Texts<E>())}}));
  }
  out = *value;
}
template <class T>
void FromJson(const json::value& j, std::optional<T>& out,
              const std::string& field, domain::Errors& e) {
  if (j.is_null()) return out.reset();
  T value{};
  const std::size_t before = e.list().size();
  FromJson(j, value, field, e);
  if (e.list().size() == before) out = std::move(value);
}

template <class E>
json::object Encode(const E& entity) {
  json::object o;
  if constexpr (requires { entity.id; }) o["id"] = entity.id;
  domain::ForEachField<E>(
      [&](const auto& f) { o[f.name] = ToJson(entity.*(f.member)); });
  return o;
}

template <class E>
json::array EncodeAll(const std::vector<E>& entities) {
  json::array a;
  for (const auto& e : entities) a.push_back(Encode(e));
  return a;
}

// Decodes the members present in `body` (create starts from defaults, PATCH
// from the stored record: the service applies them). `prefix` names nested
// entries in errors, e.g. "[3].".
template <class E>
void Decode(const json::object& body, E& entity, domain::Errors& errors,
            const std::string& prefix = "",
            std::vector<std::string_view>* present = nullptr) {
  for (const auto& [key, value] : body) {
    bool known = false;
    domain::ForEachField<E>([&](const auto& f) {
      if (f.name != key) return;
      known = true;
      if (f.access == domain::Access::kEcho) return;
      if (f.access == domain::Access::kServer)
        return errors.Add(prefix + std::string(key), domain::kNotAllowed,
                          domain::Message("error.read_only"));
      FromJson(value, entity.*(f.member), prefix + std::string(key), errors);
      if (present) present->push_back(f.name);
    });
    if (!known && key != "id")
      errors.Add(prefix + std::string(key), domain::kNotAllowed,
                 domain::Message("error.not_a_field_of_resource"));
  }
}

template <class E>
domain::Draft<E> DecodeDraft(const json::object& body) {
  domain::Draft<E> draft;
  Decode(body, draft.values, draft.errors, "", &draft.present);
  return draft;
}

template <class T>
json::value ToJson(const std::vector<T>& v) {
  json::array a;
  for (const auto& item : v) a.push_back(ToJson(item));
  return a;
}

template <class E>
requires requires { domain::Fields<E>::kAll; }
json::value ToJson(const E& entity) { return Encode(entity); }

// Items in error are named "field[i]" and left out.
template <class T>
void FromJson(const json::value& j, std::vector<T>& out,
              const std::string& field, domain::Errors& e) {
  if (!j.is_array())
    return e.Add(field, domain::kInvalid, domain::Message("error.not_array"));
  out.clear();
  for (std::size_t i = 0; i < j.as_array().size(); ++i) {
    T item{};
    const std::size_t before = e.list().size();
    FromJson(j.as_array()[i], item,
             domain::Concat(field, "[", std::to_string(i), "]"), e);
    if (e.list().size() == before) out.push_back(std::move(item));
  }
}

template <class E>
requires requires { domain::Fields<E>::kAll; }
void FromJson(const json::value& j, E& out, const std::string& field,
              domain::Errors& e) {
  if (!j.is_object())
    return e.Add(field, domain::kInvalid, domain::Message("error.not_object"));
  out = E{};
  Decode(j.as_object(), out, e, field + ".");
}

// Decodes a JSON array of entries (a set or a sheet) into entities.
template <class E>
std::vector<E> DecodeList(const json::array& body, domain::Errors& errors) {
  std::vector<E> out;
  for (std::size_t i = 0; i < body.size(); ++i) {
    const std::string index = domain::Concat("[", std::to_string(i), "]");
    auto& entity = out.emplace_back();
    if (!body[i].is_object()) {
      errors.Add(index, domain::kInvalid, domain::Message("error.not_object"));
      continue;
    }
    Decode(body[i].as_object(), entity, errors, index + ".");
  }
  return out;
}

}  // namespace capdev::codec
