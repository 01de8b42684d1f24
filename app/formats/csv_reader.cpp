#include "app/formats/csv_reader.hpp"

#include <unicode/ucnv.h>
#include <unicode/ustring.h>

#include <memory>
#include <vector>

namespace capdev::formats {

namespace {

// Strict UTF-8: no overlongs, no surrogates, nothing beyond U+10FFFF.
bool IsUtf8(std::string_view s) {
  std::size_t i = 0;
  const auto byte = [&](std::size_t k) {
    return static_cast<unsigned char>(s[k]);
  };
  while (i < s.size()) {
    const unsigned char c = byte(i);
    std::size_t n = 0;
    unsigned lo = 0x80, hi = 0xBF;
    if (c < 0x80) {
      ++i;
      continue;
    } else if (c >= 0xC2 && c <= 0xDF) {
      n = 1;
    } else if (c >= 0xE0 && c <= 0xEF) {
      n = 2;
      if (c == 0xE0) lo = 0xA0;
      if (c == 0xED) hi = 0x9F;
    } else if (c >= 0xF0 && c <= 0xF4) {
      n = 3;
      if (c == 0xF0) lo = 0x90;
      if (c == 0xF4) hi = 0x8F;
    } else {
      return false;
    }
    if (i + n >= s.size()) return false;  // truncated sequence
    if (byte(i + 1) < lo || byte(i + 1) > hi) return false;
    for (std::size_t k = 2; k <= n; ++k) {
      if (byte(i + k) < 0x80 || byte(i + k) > 0xBF) return false;
    }
    i += n + 1;
  }
  return true;
}

domain::StatusOr<std::string> FromGb18030(std::string_view bytes) {
  const auto refused = domain::Status::Malformed(
      "error.csv_encoding", {{"body", domain::kInvalid, "error.not_text"}});
  UErrorCode error = U_ZERO_ERROR;
  std::unique_ptr<UConverter, decltype(&ucnv_close)> converter(
      ucnv_open("GB18030", &error), &ucnv_close);
  if (U_FAILURE(error)) return refused;
  // Stop at the first byte sequence that is not GB18030 rather than
  // substituting: a wrongly guessed encoding must not import mojibake.
  ucnv_setToUCallBack(converter.get(), UCNV_TO_U_CALLBACK_STOP, nullptr,
                      nullptr, nullptr, &error);
  std::vector<UChar> utf16(bytes.size() * 2 + 1);
  const auto length = ucnv_toUChars(
      converter.get(), utf16.data(), static_cast<int32_t>(utf16.size()),
      bytes.data(), static_cast<int32_t>(bytes.size()), &error);
  if (U_FAILURE(error)) return refused;
  std::string utf8(static_cast<std::size_t>(length) * 3 + 1, '\0');
  int32_t written = 0;
  u_strToUTF8(utf8.data(), static_cast<int32_t>(utf8.size()), &written,
              utf16.data(), length, &error);
  if (U_FAILURE(error)) return refused;
  utf8.resize(static_cast<std::size_t>(written));
  return utf8;
}

}  // namespace

domain::StatusOr<std::string> DecodeText(std::string_view bytes) {
  if (bytes.starts_with("\xEF\xBB\xBF")) bytes.remove_prefix(3);
  if (IsUtf8(bytes)) return std::string(bytes);
  return FromGb18030(bytes);
}

domain::StatusOr<Rows> ParseCsv(std::string_view text,
                                const ReadLimits& limits) {
  Rows rows;
  std::vector<SheetCell> row;
  std::string field;
  bool quoted = false;      // inside a quoted field
  bool was_quoted = false;  // the current field began with a quote
  std::size_t quote_line = 0;
  const auto too_large = [&]() -> domain::Status {
    return domain::Status::TooLarge(domain::Message(
        "error.sheet_too_large",
        {{"rows", limits.max_rows}, {"columns", limits.max_columns}}));
  };
  const auto end_field = [&] {
    row.emplace_back(std::move(field));
    field.clear();
    was_quoted = false;
  };
  const auto end_row = [&] {
    end_field();
    if (row.size() == 1 && std::get<std::string>(row[0]).empty()) row.clear();
    rows.push_back(std::move(row));
    row.clear();
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c != '"') {
        field += c;
      } else if (i + 1 < text.size() && text[i + 1] == '"') {
        field += '"';
        ++i;
      } else {
        quoted = false;
      }
      continue;
    }
    if (c == '"' && field.empty() && !was_quoted) {
      quoted = was_quoted = true;
      quote_line = rows.size() + 1;
    } else if (c == ',') {
      end_field();
      if (row.size() >= limits.max_columns) return too_large();
    } else if (c == '\r' || c == '\n') {
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      end_row();
      if (rows.size() > limits.max_rows) return too_large();
    } else {
      field += c;  // a quote inside an unquoted field is kept as it is
    }
  }
  if (quoted) {
    return domain::Status::Malformed(
        domain::Message("error.csv_unclosed_quote", {{"row", quote_line}}),
        {{"body", domain::kInvalid,
          domain::Message("error.unclosed_quote", {{"row", quote_line}})}});
  }
  if (!field.empty() || !row.empty() || was_quoted) end_row();
  if (rows.size() > limits.max_rows) return too_large();
  return rows;
}

}  // namespace capdev::formats
