#pragma once
// Reading CSV as spreadsheets save it: RFC 4180 fields (quotes, doubled
// quotes, line breaks inside quotes), CRLF or LF line ends, in UTF-8 (with or
// without a BOM) or GB18030, which Excel uses on Chinese Windows.

#include <string>
#include <string_view>

#include "app/formats/sheet.hpp"
#include "domain/status.hpp"

namespace capdev::formats {

// The text as UTF-8 without a BOM: UTF-8 when it is valid UTF-8, else
// GB18030 (a 400 when it is neither).
domain::StatusOr<std::string> DecodeText(std::string_view bytes);

// The records of UTF-8 CSV text, every cell a text (empty ones included); a
// blank line is an empty row. 400 for a quote left open, 413 beyond limits.
domain::StatusOr<Rows> ParseCsv(std::string_view text,
                                const ReadLimits& limits = {});

}  // namespace capdev::formats
