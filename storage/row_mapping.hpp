#pragma once
// Binds entity members to statement parameters and reads them back from
// columns, one overload per member type. Internal to storage/.

#include <cstdint>
#include <cstdio>
#include <optional>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <variant>
#include <vector>

#include "domain/date.hpp"
#include "domain/enums.hpp"
#include "domain/field.hpp"
#include "storage/statement.hpp"

namespace capdev::storage {

using SqlValue = std::variant<std::int64_t, double, std::string>;

// Topics are stored joined by the ASCII unit separator, which text fields
// never contain (domain/ refuses control characters in topics).
inline constexpr char kListSeparator = '\x1f';

inline void Bind(Statement& s, int i, const SqlValue& v) {
  std::visit([&](const auto& x) { s.Bind(i, x); }, v);
}
inline void Bind(Statement& s, int i, const std::string& v) { s.Bind(i, v); }
inline void Bind(Statement& s, int i, std::int64_t v) { s.Bind(i, v); }
inline void Bind(Statement& s, int i, bool v) { s.Bind(i, v ? 1 : 0); }
inline void Bind(Statement& s, int i, const domain::Date& v) {
  s.Bind(i, v.ToString());
}
inline void Bind(Statement& s, int i, double v) { s.Bind(i, v); }
// Lists and small records (an indicator's targets and filter) are stored
// as text: list items joined by kListSeparator, a record's fields by
// kFieldSeparator (control characters that text fields never hold).
inline constexpr char kFieldSeparator = '\x1e';

template <class E>
concept Record = requires {
  domain::Fields<E>::kAll;
};

// Lists of records within records within a list (a questionnaire's items
// and their options) take the next separators: `depth` counts the lists
// around a value; a list at depth d joins its items with kListSeparators[d],
// a record its fields with kFieldSeparators[d - 1] (kFieldSeparator at the
// top), so an indicator's targets and filter keep the separators above.
inline constexpr char kListSeparators[] = {kListSeparator, '\x1d'};
inline constexpr char kFieldSeparators[] = {kFieldSeparator, '\x1c'};
inline char FieldSeparatorAt(int depth) {
  return kFieldSeparators[depth > 0 ? depth - 1 : 0];
}

// Declared first: lists hold records and records hold lists.
template <Record E>
std::string ToCell(const E& e, int depth = 0);
template <Record E>
void FromCell(const std::string& t, E& e, int depth = 0);
template <class T>
std::string ToCell(const std::vector<T>& v, int depth = 0);
template <class T>
void FromCell(const std::string& t, std::vector<T>& v, int depth = 0);

inline std::string ToCell(const std::string& v, int = 0) { return v; }
inline std::string ToCell(std::int64_t v, int = 0) { return std::to_string(v); }
inline std::string ToCell(const domain::Date& v, int = 0) {
  return v.ToString();
}
inline std::string ToCell(double v, int = 0) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.17g", v);
  return buf;
}
template <domain::Enumeration E>
std::string ToCell(E v, int = 0) {
  return std::string(domain::ToText(v));
}
// Within a list or record "" is none (values held there are never "").
template <class T>
std::string ToCell(const std::optional<T>& v, int depth = 0) {
  return v ? ToCell(*v, depth) : std::string();
}
template <class T>
std::string ToCell(const std::vector<T>& v, int depth) {
  std::string joined;
  for (std::size_t k = 0; k < v.size(); ++k) {
    if (k) joined += kListSeparators[depth];
    joined += ToCell(v[k], depth + 1);
  }
  return joined;
}
template <Record E>
std::string ToCell(const E& e, int depth) {
  std::string joined;
  bool first = true;
  domain::ForEachField<E>([&](const auto& f) {
    if (!first) joined += FieldSeparatorAt(depth);
    first = false;
    joined += ToCell(e.*(f.member), depth);
  });
  return joined;
}

// The parts of `text` between `separator`s ("" has none).
inline std::vector<std::string> SplitCell(const std::string& text,
                                          char separator) {
  std::vector<std::string> parts;
  if (text.empty()) return parts;
  std::size_t start = 0;
  for (std::size_t end;
       (end = text.find(separator, start)) != std::string::npos;
       start = end + 1) {
    parts.push_back(text.substr(start, end - start));
  }
  parts.push_back(text.substr(start));
  return parts;
}

inline void FromCell(const std::string& t, std::string& v, int = 0) { v = t; }
inline void FromCell(const std::string& t, std::int64_t& v, int = 0) {
  v = std::stoll(t);
}
inline void FromCell(const std::string& t, double& v, int = 0) {
  v = std::stod(t);
}
inline void FromCell(const std::string& t, domain::Date& v, int = 0) {
  v = domain::Date::Parse(t).value_or(domain::Date());
}
template <domain::Enumeration E>
void FromCell(const std::string& t, E& v, int = 0) {
  auto value = domain::FromText<E>(t);
  if (!value)
    throw std::runtime_error("unknown enumeration text in the database");
  v = *value;
}
template <class T>
void FromCell(const std::string& t, std::optional<T>& v, int depth = 0) {
  if (t.empty()) {
    v.reset();
  } else {
    FromCell(t, v.emplace(), depth);
  }
}
template <class T>
void FromCell(const std::string& t, std::vector<T>& v, int depth) {
  v.clear();
  for (const auto& part : SplitCell(t, kListSeparators[depth])) {
    FromCell(part, v.emplace_back(), depth + 1);
  }
}
template <Record E>
void FromCell(const std::string& t, E& e, int depth) {
  const auto parts = SplitCell(t, FieldSeparatorAt(depth));
  std::size_t k = 0;
  domain::ForEachField<E>([&](const auto& f) {
    FromCell(k < parts.size() ? parts[k] : std::string(), e.*(f.member), depth);
    ++k;
  });
}

template <class T>
void Bind(Statement& s, int i, const std::vector<T>& v) {
  s.Bind(i, ToCell(v));
}
template <Record E>
void Bind(Statement& s, int i, const E& v) {
  s.Bind(i, ToCell(v));
}
// Enumerations are stored as their text (domain/enums.hpp).
template <domain::Enumeration E>
void Bind(Statement& s, int i, E v) {
  s.Bind(i, std::string(domain::ToText(v)));
}
// The type a T is stored as: enumerations, dates and lists as text.
template <class T>
constexpr SqlType SqlTypeOf() {
  if constexpr (std::is_floating_point_v<T>) return SqlType::kReal;
  if constexpr (std::is_integral_v<T>) return SqlType::kInteger;
  return SqlType::kText;
}

template <class T>
void Bind(Statement& s, int i, const std::optional<T>& v) {
  if (v) {
    Bind(s, i, *v);
  } else {
    s.BindNull(i, SqlTypeOf<T>());
  }
}

template <class... Args>
void BindAll(Statement& q, const Args&... args) {
  int i = 0;
  (Bind(q, ++i, args), ...);
}

inline void Read(Statement& q, int i, std::string& v) { v = q.Text(i); }
inline void Read(Statement& q, int i, std::int64_t& v) { v = q.Int64(i); }
inline void Read(Statement& q, int i, bool& v) { v = q.Int64(i) != 0; }
inline void Read(Statement& q, int i, double& v) { v = q.Double(i); }
inline void Read(Statement& q, int i, domain::Date& v) {
  v = domain::Date::Parse(q.TextView(i)).value_or(domain::Date());
}
template <class T>
void Read(Statement& q, int i, std::vector<T>& v) {
  FromCell(q.Text(i), v);
}
template <Record E>
void Read(Statement& q, int i, E& v) {
  FromCell(q.Text(i), v);
}
template <domain::Enumeration E>
void Read(Statement& q, int i, E& v) {
  auto value = domain::FromText<E>(q.TextView(i));
  // The schema's CHECK constraints keep other texts out.
  if (!value)
    throw std::runtime_error("unknown enumeration text in the database");
  v = *value;
}
template <class T>
void Read(Statement& q, int i, std::optional<T>& v) {
  if (q.IsNull(i)) {
    v.reset();
  } else {
    Read(q, i, v.emplace());
  }
}

}  // namespace capdev::storage
