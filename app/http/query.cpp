#include "app/http/query.hpp"

#include <algorithm>
#include <charconv>
#include <stdexcept>

#include "domain/validation.hpp"

namespace capdev::http {

namespace {

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

std::optional<std::string> Query::Text(std::string_view name) {
  // Every typed read comes through here.
  if (std::find(asked_.begin(), asked_.end(), name) == asked_.end()) {
    if (declared_ && std::find(declared_->begin(), declared_->end(), name) ==
                         declared_->end()) {
      throw std::logic_error("query parameter '" + std::string(name) +
                             "' read but not declared by its route");
    }
    asked_.emplace_back(name);
  }
  for (const auto& [k, v] : params_) {
    if (k == name) return v;
  }
  return std::nullopt;
}

std::optional<std::int64_t> Query::Id(std::string_view name) {
  auto text = Text(name);
  if (!text) return std::nullopt;
  auto id = ParseInt(*text);
  if (!id || *id <= 0) {
    Note(name, domain::kInvalid, "error.positive_id");
    return std::nullopt;
  }
  return id;
}

std::optional<std::int64_t> Query::Integer(std::string_view name,
                                           std::int64_t min, std::int64_t max) {
  auto text = Text(name);
  if (!text) return std::nullopt;
  auto n = ParseInt(*text);
  if (!n || *n < min || *n > max) {
    Note(name, domain::kOutOfRange,
         domain::Message("error.whole_number_range",
                         {{"min", min}, {"max", max}}));
    return std::nullopt;
  }
  return n;
}

std::optional<domain::Date> Query::Date(std::string_view name) {
  auto text = Text(name);
  if (!text) return std::nullopt;
  auto date = domain::Date::Parse(*text);
  if (!date) Note(name, domain::kInvalid, "error.not_date");
  return date;
}

std::optional<bool> Query::Bool(std::string_view name) {
  auto text = Text(name);
  if (!text) return std::nullopt;
  if (*text == "true" || *text == "1") return true;
  if (*text == "false" || *text == "0") return false;
  Note(name, domain::kInvalid, "error.not_boolean");
  return std::nullopt;
}

std::optional<std::string> Query::OneOf(
    std::string_view name, std::span<const std::string_view> allowed) {
  auto text = Text(name);
  if (!text) return std::nullopt;
  for (auto v : allowed) {
    if (v == *text) return text;
  }
  Note(name, domain::kUnknownValue,
       domain::Message("error.unknown_value",
                       {{"allowed", domain::JoinAllowed(allowed)}}));
  return std::nullopt;
}

storage::PageRequest Query::Page() {
  storage::PageRequest page{0, kDefaultLimit};
  if (auto limit = Text("limit")) {
    auto n = ParseInt(*limit);
    if (!n || *n < 1 || *n > kMaxLimit) {
      Note("limit", domain::kOutOfRange,
           domain::Message("error.whole_number_range",
                           {{"min", 1}, {"max", kMaxLimit}}));
    } else {
      page.limit = static_cast<int>(*n);
    }
  }
  if (auto cursor = Text("cursor")) {
    auto after = DecodeCursor(*cursor);
    if (!after) {
      Note("cursor", domain::kInvalid, "error.unknown_cursor");
    } else {
      page.after_id = *after;
    }
  }
  return page;
}

void Query::Note(std::string_view name, domain::ErrorCode code,
                 domain::Message message) {
  errors_.emplace_back(std::string(name), code, std::move(message));
}

bool Query::Noted(std::string_view name) const {
  return std::any_of(errors_.begin(), errors_.end(),
                     [&](const auto& e) { return e.field == name; });
}

domain::Status Query::Check() const {
  if (errors_.empty()) return domain::Status::Ok();
  // The first problem as the detail, as a person would say it.
  const auto& first = errors_.front();
  return domain::Status::Malformed(
      domain::Message("error.bad_parameter", {{"name", first.field}}), errors_);
}

std::vector<std::string> Query::Names() const {
  std::vector<std::string> out;
  out.reserve(params_.size());
  for (const auto& [k, v] : params_) out.push_back(k);
  return out;
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

}  // namespace capdev::http
