#include "app/http/query.hpp"

#include <charconv>

#include "app/status_error.hpp"
#include "domain/validation.hpp"

namespace capdev::app {

namespace {

[[noreturn]] void BadParameter(std::string_view name, std::string message) {
  std::string detail = "query parameter '" + std::string(name) + "' " + message;
  throw StatusError(domain::Status::Malformed(
      std::move(detail), {{std::string(name), std::move(message)}}));
}

std::optional<std::int64_t> ParseInt(std::string_view text) {
  std::int64_t value = 0;
  auto [end, ec] =
      std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size())
    return std::nullopt;
  return value;
}

constexpr std::string_view kCursorPrefix = "c1.";

}  // namespace

std::optional<std::string> Query::Text(std::string_view name) const {
  for (const auto& [k, v] : params_) {
    if (k == name) return v;
  }
  return std::nullopt;
}

std::optional<std::int64_t> Query::Id(std::string_view name) const {
  auto text = Text(name);
  if (!text) return std::nullopt;
  auto id = ParseInt(*text);
  if (!id || *id <= 0) BadParameter(name, "must be a positive integer id");
  return id;
}

std::optional<domain::Date> Query::Date(std::string_view name) const {
  auto text = Text(name);
  if (!text) return std::nullopt;
  auto date = domain::Date::Parse(*text);
  if (!date) BadParameter(name, "must be a date (YYYY-MM-DD)");
  return date;
}

std::optional<bool> Query::Bool(std::string_view name) const {
  auto text = Text(name);
  if (!text) return std::nullopt;
  if (*text == "true" || *text == "1") return true;
  if (*text == "false" || *text == "0") return false;
  BadParameter(name, "must be true or false");
}

std::optional<std::string> Query::OneOf(
    std::string_view name, std::span<const std::string_view> allowed) const {
  auto text = Text(name);
  if (!text) return std::nullopt;
  for (auto v : allowed) {
    if (v == *text) return text;
  }
  BadParameter(name, "must be one of: " + domain::JoinAllowed(allowed));
}

storage::PageRequest Query::Page() const {
  storage::PageRequest page{0, kDefaultLimit};
  if (auto limit = Text("limit")) {
    auto n = ParseInt(*limit);
    if (!n || *n < 1 || *n > kMaxLimit) {
      BadParameter("limit",
                   "must be an integer from 1 to " + std::to_string(kMaxLimit));
    }
    page.limit = static_cast<int>(*n);
  }
  if (auto cursor = Text("cursor")) {
    auto after = DecodeCursor(*cursor);
    if (!after) BadParameter("cursor", "is not a cursor this server gave out");
    page.after_id = *after;
  }
  return page;
}

std::string EncodeCursor(std::int64_t after_id) {
  return std::string(kCursorPrefix) + std::to_string(after_id);
}

std::optional<std::int64_t> DecodeCursor(std::string_view cursor) {
  if (!cursor.starts_with(kCursorPrefix)) return std::nullopt;
  auto id = ParseInt(cursor.substr(kCursorPrefix.size()));
  if (!id || *id <= 0) return std::nullopt;
  return id;
}

}  // namespace capdev::app
