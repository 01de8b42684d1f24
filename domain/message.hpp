#pragma once
// A text meant for a person, kept as a catalog key and its values until the
// reader's language is known: app/i18n renders it (ICU MessageFormat) in
// English or Chinese. The domain and storage never hold prose.

#include <concepts>
#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace capdev::domain {

// A value that is itself a catalog entry (a field's name, an enum value's
// label): rendered in the reader's language too.
struct Term {
  std::string key;
  bool operator==(const Term&) const = default;
};

// The name of a request field as a reader sees it ("start_time" → 开始时间).
inline Term FieldTerm(std::string_view field) {
  return {"field." + std::string(field)};
}

// Things counted, read as one list ("1 organization below it and 2
// people", 1个下级机构和2名人员): each is the catalog entry `prefix` +
// its name with the count as {n}, joined as the reader's language joins a
// list. Sent beside the message as {name: count}.
struct CountList {
  std::string prefix;  // "error.referenced_by."
  std::vector<std::pair<std::string, std::int64_t>> counts;
  bool operator==(const CountList&) const = default;
};

class Arg {
 public:
  template <std::integral I>
  Arg(I n)
      : value_(static_cast<std::int64_t>(n)) {
  }                             // NOLINT(google-explicit-constructor)
  Arg(double x) : value_(x) {}  // NOLINT(google-explicit-constructor)
  Arg(std::string s)
      : value_(std::move(s)) {}  // NOLINT(google-explicit-constructor)
  Arg(const char* s)
      : value_(std::string(s)) {}  // NOLINT(google-explicit-constructor)
  Arg(std::string_view s)
      : value_(std::string(s)) {}        // NOLINT(google-explicit-constructor)
  Arg(Term t) : value_(std::move(t)) {}  // NOLINT(google-explicit-constructor)
  // NOLINTNEXTLINE(google-explicit-constructor)
  Arg(CountList c) : value_(std::move(c)) {}
  using Value =
      std::variant<std::int64_t, double, std::string, Term, CountList>;
  const Value& value() const { return value_; }
  bool operator==(const Arg&) const = default;

 private:
  Value value_;
};

// A catalog key: lower-case words joined by dots ("error.required").
consteval bool IsCatalogKey(std::string_view key) {
  bool dot = false;
  char previous = '.';
  for (char c : key) {
    const bool word =
        (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
    if (!word && c != '.') return false;
    if (c == '.' && previous == '.') return false;
    dot = dot || c == '.';
    previous = c;
  }
  return dot && previous != '.';
}

class Message {
 public:
  Message() = default;
  // A literal must be a catalog key: prose does not compile.
  // NOLINTNEXTLINE(google-explicit-constructor):
  // Status::NotFound("error.not_found")
  consteval Message(const char* catalog_key) : literal_(catalog_key) {
    if (!IsCatalogKey(catalog_key)) throw "not a catalog key";
  }
  // A key built at run time ("enum.workshop_status." + value) and values.
  Message(std::string catalog_key,
          std::vector<std::pair<std::string, Arg>> values)
      : owned_(std::move(catalog_key)), args_(std::move(values)) {}

  std::string_view key() const { return owned_ ? *owned_ : literal_; }
  const std::vector<std::pair<std::string, Arg>>& args() const { return args_; }
  Message&& With(std::string name, Arg value) && {
    args_.emplace_back(std::move(name), std::move(value));
    return std::move(*this);
  }
  bool operator==(const Message& o) const {
    return key() == o.key() && args_ == o.args_;
  }

 private:
  std::string_view literal_;  // a literal's static storage
  std::optional<std::string>
      owned_;  // optional: a consteval literal builds no string
  std::vector<std::pair<std::string, Arg>> args_;
};

// For test failures and debugging: the key and values, not prose.
inline std::ostream& operator<<(std::ostream& out, const Message& m) {
  out << m.key();
  for (const auto& [name, arg] : m.args()) {
    out << ' ' << name << '=';
    std::visit(
        [&](const auto& v) {
          using V = std::decay_t<decltype(v)>;
          if constexpr (std::is_same_v<V, Term>) {
            out << v.key;
          } else if constexpr (std::is_same_v<V, CountList>) {
            for (const auto& [what, n] : v.counts)
              out << what << ':' << n << ';';
          } else {
            out << v;
          }
        },
        arg.value());
  }
  return out;
}

// The languages of the interface (API.md "Language").
enum class Language { kEn, kZh };

}  // namespace capdev::domain
