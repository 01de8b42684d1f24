#include "domain/validation.hpp"

#include <algorithm>

namespace capdev::domain {

std::size_t CountCodePoints(std::string_view utf8) {
  return std::count_if(utf8.begin(), utf8.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  });
}

std::string JoinAllowed(std::span<const std::string_view> allowed) {
  std::string out;
  for (auto v : allowed) {
    if (!out.empty()) out += ", ";
    out += v;
  }
  return out;
}

Status Combine(const Errors& decoding, const Status& rules) {
  // A rule about a field, or about a list or record that decoding already
  // refused a part of (what it then holds is not what was sent): not said
  // again.
  const auto refused = [&](const std::string& field) {
    for (const auto& d : decoding.list()) {
      if (d.field == field ||
          (d.field.starts_with(field) && d.field.size() > field.size() &&
           (d.field[field.size()] == '[' || d.field[field.size()] == '.')))
        return true;
    }
    return false;
  };
  Errors all = decoding;
  for (const auto& e : rules.errors()) {
    if (!refused(e.field)) all.Add(e);
  }
  if (!all.empty()) return all.ToStatus();
  return rules;
}

void Errors::Add(std::string field, ErrorCode code) {
  errors_.emplace_back(std::move(field), code,
                       Message("error." + std::string(code.text), {}));
}

void Errors::Required(std::string_view field, const std::string& value) {
  if (value.empty()) Add(std::string(field), kRequired);
}

void Errors::Required(std::string_view field, std::int64_t id) {
  if (id <= 0) Add(std::string(field), kRequired, "error.required_id");
}

namespace {
// C0 controls and DEL; `allowed` lists the ones a long text may hold.
bool HasControl(std::string_view text, std::string_view allowed = "") {
  return std::any_of(text.begin(), text.end(), [&](char c) {
    const auto u = static_cast<unsigned char>(c);
    return (u < 0x20 || u == 0x7F) && allowed.find(c) == std::string_view::npos;
  });
}
}  // namespace

void Errors::MaxLength(std::string_view field, const std::string& value,
                       std::size_t max) {
  if (value.size() > max && CountCodePoints(value) > max) {
    Add(std::string(field), kTooLong,
        Message("error.too_long", {{"max", max}}));
  } else if (HasControl(value)) {
    Add(std::string(field), kInvalid, "error.control_characters");
  }
}

bool Errors::AtMost(std::string_view field, std::size_t size,
                    std::size_t max_items, const Term& noun) {
  if (size <= max_items) return true;
  Add(std::string(field), kTooMany,
      Message("error.too_many", {{"max", max_items}, {"noun", noun}}));
  return false;
}

void Errors::NameList(std::string_view field,
                      const std::vector<std::string>& items,
                      std::size_t max_items, const Term& noun) {
  if (!AtMost(field, items.size(), max_items, noun)) return;
  Distinct(field, items);
  for (std::size_t i = 0; i < items.size(); ++i) {
    const std::string each = std::string(field) + "[" + std::to_string(i) + "]";
    Required(each, items[i]);
    MaxLength(each, items[i], kMaxName);
  }
}

void Errors::LongText(std::string_view field,
                      const std::optional<std::string>& value) {
  if (!value) return;
  if (value->size() > kMaxText && CountCodePoints(*value) > kMaxText) {
    Add(std::string(field), kTooLong,
        Message("error.too_long", {{"max", kMaxText}}));
  } else if (HasControl(*value, "\t\n")) {
    Add(std::string(field), kInvalid, "error.control_characters_long_text");
  }
}

void Errors::Count(std::string_view field,
                   const std::optional<std::int64_t>& n) {
  if (n && (*n < 0 || *n > kMaxCount))
    Add(std::string(field), kOutOfRange,
        Message("error.out_of_range", {{"min", 0}, {"max", kMaxCount}}));
}

std::string Trim(std::string_view text) {
  constexpr std::string_view kSpaces[] = {" ",  "\t", "\n",     "\r",
                                          "\f", "\v", "\u00a0", "\u3000"};
  bool trimmed = true;
  while (trimmed && !text.empty()) {
    trimmed = false;
    for (auto space : kSpaces) {
      if (text.starts_with(space)) {
        text.remove_prefix(space.size());
        trimmed = true;
      }
      if (text.ends_with(space)) {
        text.remove_suffix(space.size());
        trimmed = true;
      }
    }
  }
  return std::string(text);
}

void Errors::MaxLength(std::string_view field,
                       const std::optional<std::string>& value,
                       std::size_t max) {
  if (value) MaxLength(field, *value, max);
}

void Errors::Positive(std::string_view field,
                      const std::optional<std::int64_t>& id) {
  if (id && *id <= 0) Add(std::string(field), kInvalid, "error.positive_id");
}

void Errors::NotNegative(std::string_view field,
                         const std::optional<std::int64_t>& n) {
  if (n && *n < 0) Add(std::string(field), kOutOfRange, "error.not_negative");
}

void Errors::UpperLetters(std::string_view field,
                          const std::optional<std::string>& value,
                          std::size_t n) {
  if (!value) return;
  bool ok = value->size() == n &&
            std::all_of(value->begin(), value->end(),
                        [](char c) { return c >= 'A' && c <= 'Z'; });
  if (!ok)
    Add(std::string(field), kInvalid,
        Message("error.upper_letters", {{"n", n}}));
}

}  // namespace capdev::domain
