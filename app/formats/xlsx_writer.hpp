#pragma once
// Writing XLSX workbooks with libxlsxwriter: a tab per Sheet, the header row
// bold and frozen, column widths, dates as date-formatted serial numbers.
// Every text is written as a string cell, so a name beginning with "=" is
// shown as typed and never run as a formula.

#include <span>
#include <string>

#include "app/formats/sheet.hpp"
#include "domain/status.hpp"

namespace capdev::app {

// The workbook's bytes; a 503 when the temporary file cannot be written.
domain::StatusOr<std::string> WriteXlsx(std::span<const Sheet> sheets);

}  // namespace capdev::app
