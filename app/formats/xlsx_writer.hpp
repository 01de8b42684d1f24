#pragma once
// Writing XLSX workbooks with libxlsxwriter: a tab per Sheet, the header row
// bold and frozen, column widths, dates as date-formatted serial numbers;
// printed on A4 landscape, one page wide, the header row on every page.
// Every text is written as a string cell, so a name beginning with "=" is
// shown as typed and never run as a formula.

#include <span>
#include <string>
#include <vector>

#include "app/formats/sheet.hpp"
#include "domain/status.hpp"

namespace capdev::formats {

// The workbook's bytes; a 503 when the temporary file cannot be written.
domain::StatusOr<std::string> WriteXlsx(std::span<const Sheet> sheets);

// The tab names WriteXlsx gives `sheets`: each title as Excel accepts it (31
// characters at most, none of []:*?/\ , no apostrophe at either end), and a
// repeated one numbered: "Results (2)".
std::vector<std::string> TabNames(std::span<const Sheet> sheets);

}  // namespace capdev::formats
