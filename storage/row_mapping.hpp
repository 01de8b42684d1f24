#pragma once
// Binds entity members to statement parameters and reads them back from
// columns, one overload per member type. Internal to storage/.

#include <SQLiteCpp/Column.h>
#include <SQLiteCpp/Statement.h>

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <variant>
#include <vector>

#include "domain/date.hpp"
#include "domain/enums.hpp"

namespace capdev::storage {

using SqlValue = std::variant<std::int64_t, double, std::string>;

// Topics are stored joined by the ASCII unit separator, which text fields
// never contain (domain/ refuses control characters in topics).
inline constexpr char kListSeparator = '\x1f';

inline void Bind(SQLite::Statement& s, int i, const SqlValue& v) {
  std::visit([&](const auto& x) { s.bind(i, x); }, v);
}
inline void Bind(SQLite::Statement& s, int i, const std::string& v) {
  s.bind(i, v);
}
inline void Bind(SQLite::Statement& s, int i, std::int64_t v) { s.bind(i, v); }
inline void Bind(SQLite::Statement& s, int i, bool v) { s.bind(i, v ? 1 : 0); }
inline void Bind(SQLite::Statement& s, int i, const domain::Date& v) {
  s.bind(i, v.ToString());
}
inline void Bind(SQLite::Statement& s, int i, double v) { s.bind(i, v); }
inline void Bind(SQLite::Statement& s, int i,
                 const std::vector<std::string>& v) {
  std::string joined;
  for (const auto& item : v) {
    if (!joined.empty()) joined += kListSeparator;
    joined += item;
  }
  s.bind(i, joined);
}
// Enumerations are stored as their text (domain/enums.hpp).
template <domain::Enumeration E>
void Bind(SQLite::Statement& s, int i, E v) {
  s.bind(i, std::string(domain::ToText(v)));
}
template <class T>
void Bind(SQLite::Statement& s, int i, const std::optional<T>& v) {
  if (v) {
    Bind(s, i, *v);
  } else {
    s.bind(i);
  }
}

template <class... Args>
void BindAll(SQLite::Statement& q, const Args&... args) {
  int i = 0;
  (Bind(q, ++i, args), ...);
}

inline void Read(const SQLite::Column& c, std::string& v) { v = c.getString(); }
inline void Read(const SQLite::Column& c, std::int64_t& v) { v = c.getInt64(); }
inline void Read(const SQLite::Column& c, bool& v) { v = c.getInt() != 0; }
inline void Read(const SQLite::Column& c, double& v) { v = c.getDouble(); }
inline void Read(const SQLite::Column& c, domain::Date& v) {
  v = domain::Date::Parse(c.getString()).value_or(domain::Date());
}
inline void Read(const SQLite::Column& c, std::vector<std::string>& v) {
  v.clear();
  const std::string joined = c.getString();
  if (joined.empty()) return;
  std::size_t start = 0;
  for (std::size_t end;
       (end = joined.find(kListSeparator, start)) != std::string::npos;
       start = end + 1) {
    v.push_back(joined.substr(start, end - start));
  }
  v.push_back(joined.substr(start));
}
template <domain::Enumeration E>
void Read(const SQLite::Column& c, E& v) {
  auto value = domain::FromText<E>(c.getString());
  // The schema's CHECK constraints keep other texts out.
  if (!value) throw std::runtime_error("unknown enumeration text in the database");
  v = *value;
}
template <class T>
void Read(const SQLite::Column& c, std::optional<T>& v) {
  if (c.isNull()) {
    v.reset();
  } else {
    Read(c, v.emplace());
  }
}

}  // namespace capdev::storage
