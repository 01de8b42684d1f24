#pragma once
// Reading the first sheet of an XLSX workbook (libzip for the archive, expat
// for its XML): shared strings, inline strings, numbers, booleans. Dates are
// numbers (Excel's serial days): DateFromSerial converts them where a date is
// expected. Formulas give their cached value.

#include <string_view>

#include "app/formats/sheet.hpp"
#include "domain/status.hpp"

namespace capdev::formats {

// The first sheet's rows, placed by their cell references (row i of the
// result is the sheet's row i + 1; a missing cell is empty). 400 when the
// bytes are not an XLSX workbook, 413 beyond `limits` (a zip bomb stops at
// max_unzipped bytes, whatever the archive claims).
domain::StatusOr<Rows> ReadXlsx(std::string_view bytes,
                                const ReadLimits& limits = {});

}  // namespace capdev::formats
