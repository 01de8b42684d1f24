#pragma once
// Collects every broken rule of a record at once, so that a client sees all
// of its mistakes in one 422 rather than one per round trip.

#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "domain/status.hpp"

namespace capdev::domain {

// Length limits, in characters (Unicode code points).
inline constexpr std::size_t kMaxName = 300;
inline constexpr std::size_t kMaxShort = 100;
inline constexpr std::size_t kMaxText = 10000;
// Largest headcount or capacity accepted: beyond any workshop, and far from
// overflowing a sum over every workshop of the programme.
inline constexpr std::int64_t kMaxCount = 1'000'000;
// Organizations in the roles of one project or workshop.
inline constexpr std::size_t kMaxParties = 100;

class Errors {
 public:
  void Add(std::string field, ErrorCode code, Message message) {
    errors_.emplace_back(std::move(field), code, std::move(message));
  }
  // With the code's own message ("error.required" for kRequired).
  void Add(std::string field, ErrorCode code);
  void Add(FieldError e) { errors_.push_back(std::move(e)); }
  bool empty() const { return errors_.empty(); }
  bool Has(std::string_view field) const {
    for (const auto& e : errors_) {
      if (e.field == field) return true;
    }
    return false;
  }
  const std::vector<FieldError>& list() const { return errors_; }
  // Ok when nothing was added, otherwise a 422 with every entry.
  Status ToStatus() const {
    return empty() ? Status::Ok() : Status::Invalid(errors_);
  }

  void Required(std::string_view field, const std::string& value);
  void Required(std::string_view field, std::int64_t id);
  // One-line text: at most `max` characters, no control characters.
  void MaxLength(std::string_view field, const std::string& value,
                 std::size_t max);
  void MaxLength(std::string_view field,
                 const std::optional<std::string>& value, std::size_t max);
  // A list in a body holds at most `max_items` (`noun`: what it holds,
  // Term{"error.noun.targets"}). True when it does, so that the caller checks
  // the items only then: 8,000 copies of one target are one error, not 8,000.
  bool AtMost(std::string_view field, std::size_t size, std::size_t max_items,
              const Term& noun);
  // Each item once: "[i]" of a repeat names the one it repeats. `key` gives
  // what makes two items the same (the item itself by default).
  template <class T, class Key = std::identity>
  void Distinct(std::string_view field, const std::vector<T>& items,
                Key key = {}) {
    std::map<std::decay_t<decltype(key(items.front()))>, std::size_t> seen;
    for (std::size_t i = 0; i < items.size(); ++i) {
      const auto [at, fresh] = seen.emplace(key(items[i]), i);
      if (!fresh) {
        Add(std::string(field) + "[" + std::to_string(i) + "]", kRepeated,
            Message("error.repeated", {{"first", at->second}}));
      }
    }
  }
  // A list of names or topics: at most `max_items` (named `noun` in the
  // message), each once, each required and at most kMaxName, one line
  // without control characters (storage relies on it: see row_mapping.hpp).
  void NameList(std::string_view field, const std::vector<std::string>& items,
                std::size_t max_items, const Term& noun);
  // Long text (summaries, notes): tab and newline allowed, at most kMaxText.
  void LongText(std::string_view field,
                const std::optional<std::string>& value);
  // An enumeration without a default (its text was checked when decoded).
  template <class E>
  void Required(std::string_view field, const std::optional<E>& value) {
    if (!value) Add(std::string(field), kRequired);
  }
  void Positive(std::string_view field, const std::optional<std::int64_t>& id);
  void NotNegative(std::string_view field,
                   const std::optional<std::int64_t>& n);
  // A headcount or capacity: 0 to kMaxCount.
  void Count(std::string_view field, const std::optional<std::int64_t>& n);
  // ISO 3166-1 alpha-2 / ISO 4217 shape: exactly `n` upper-case ASCII letters.
  void UpperLetters(std::string_view field,
                    const std::optional<std::string>& value, std::size_t n);

 private:
  std::vector<FieldError> errors_;
};

// `decoding` (fields that could not be read) plus the field errors of
// `rules` for the fields decoding did not already reject, in whole or in
// part ("items" when it refused "items[0].text"); a status of `rules`
// without field errors (a 409, ...) when decoding found nothing.
Status Combine(const Errors& decoding, const Status& rules);

std::size_t CountCodePoints(std::string_view utf8);
// `text` without leading and trailing white space (ASCII, no-break and
// ideographic spaces).
std::string Trim(std::string_view text);
std::string JoinAllowed(std::span<const std::string_view> allowed);

}  // namespace capdev::domain
