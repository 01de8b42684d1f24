#pragma once
// Typed access to query parameters. A value that cannot be read is a 400
// naming the parameter (thrown as StatusError).

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "domain/date.hpp"
#include "storage/page.hpp"

namespace capdev::app {

inline constexpr int kDefaultLimit = 50;
inline constexpr int kMaxLimit = 500;

class Query {
 public:
  explicit Query(std::vector<std::pair<std::string, std::string>> params)
      : params_(std::move(params)) {}

  std::optional<std::string> Text(std::string_view name) const;
  std::optional<std::int64_t> Id(std::string_view name) const;
  std::optional<domain::Date> Date(std::string_view name) const;
  std::optional<bool> Bool(std::string_view name) const;
  std::optional<std::string> OneOf(
      std::string_view name, std::span<const std::string_view> allowed) const;
  // `limit` (1..500, default 50) and `cursor` (from a previous page).
  storage::PageRequest Page() const;

 private:
  std::vector<std::pair<std::string, std::string>> params_;
};

// Cursors are opaque to clients; they carry the last id of the page.
std::string EncodeCursor(std::int64_t after_id);
std::optional<std::int64_t> DecodeCursor(std::string_view cursor);

}  // namespace capdev::app
