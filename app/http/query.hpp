#pragma once
// Typed access to a request's query parameters. A value that cannot be read
// is noted and read as absent; Check() answers the 400 naming every such
// parameter, so a reader reads all it needs and then checks once. A route's
// query records the names it is asked for: how the router learns, from the
// route's reader, which parameters the route takes (router.hpp).

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "domain/date.hpp"
#include "domain/enums.hpp"
#include "domain/status.hpp"
#include "storage/page.hpp"

namespace capdev::http {

inline constexpr int kDefaultLimit = 50;
inline constexpr int kMaxLimit = 500;

class Query {
 public:
  explicit Query(std::vector<std::pair<std::string, std::string>> params)
      : params_(std::move(params)) {}
  // A route's query: asking for a name outside `declared` (a reader whose
  // reads depend on the values it found) is a bug, thrown as logic_error.
  Query(std::vector<std::pair<std::string, std::string>> params,
        const std::vector<std::string>& declared)
      : params_(std::move(params)), declared_(&declared) {}

  // Every name `reader` asks for (it reads each unconditionally): run on an
  // empty query, which answers nothing.
  template <class Reader>
  static std::vector<std::string> NamesReadBy(const Reader& reader) {
    Query empty({});
    static_cast<void>(reader(empty));
    return std::move(empty.asked_);
  }

  std::optional<std::string> Text(std::string_view name);
  std::optional<std::int64_t> Id(std::string_view name);
  // A whole number from `min` to `max`.
  std::optional<std::int64_t> Integer(std::string_view name, std::int64_t min,
                                      std::int64_t max);
  std::optional<domain::Date> Date(std::string_view name);
  std::optional<bool> Bool(std::string_view name);
  std::optional<std::string> OneOf(std::string_view name,
                                   std::span<const std::string_view> allowed);
  template <domain::Enumeration E>
  std::optional<E> Enum(std::string_view name) {
    auto text = OneOf(name, domain::Texts<E>());
    return text ? domain::FromText<E>(*text) : std::nullopt;
  }
  // `limit` (1..500, default 50) and `cursor` (from a previous page).
  storage::PageRequest Page();
  // A parameter that must be there (noted as missing otherwise).
  template <class T>
  T Required(std::optional<T> value, std::string_view name) {
    if (!value && !Noted(name)) Note(name, domain::kRequired, "error.required");
    return value.value_or(T{});
  }
  // Notes a rule broken by values that were each readable.
  void Note(std::string_view name, domain::ErrorCode code,
            domain::Message message);

  // Ok, or a 400 naming every parameter that could not be read.
  domain::Status Check() const;
  // The names sent, in order (repeated names once per occurrence).
  std::vector<std::string> Names() const;

 private:
  bool Noted(std::string_view name) const;

  std::vector<std::pair<std::string, std::string>> params_;
  const std::vector<std::string>* declared_ = nullptr;
  std::vector<std::string> asked_;  // in the order first asked
  std::vector<domain::FieldError> errors_;
};

// Cursors are opaque to clients; they carry the last id of the page.
std::string EncodeCursor(std::int64_t after_id);
std::optional<std::int64_t> DecodeCursor(std::string_view cursor);

}  // namespace capdev::http
