#pragma once
// A spreadsheet as capdev reads and writes it: rows of typed cells. The CSV
// and XLSX readers produce Rows; the XLSX writer takes Sheets (a title, a
// header row, typed cells), so every report can become a workbook.

#include <cstddef>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "domain/date.hpp"

namespace capdev::formats {

// A ratio shown as a percentage (0.875 reads 87.5%); written only.
struct Percent {
  double ratio = 0;
};

// Empty, text, a number, or a date (written as a date-formatted number).
using SheetCell =
    std::variant<std::monostate, std::string, double, domain::Date, Percent>;
using Rows = std::vector<std::vector<SheetCell>>;  // row 0 is the sheet's row 1

struct Sheet {
  std::string title;  // the tab's name (made one Excel accepts, unique)
  std::vector<std::string> header;
  Rows rows;
  std::vector<double> widths;  // per column, in characters; default 12
  // Lines above the header (report title, period, generated at), the first
  // bold; the header row below them is the one frozen.
  std::vector<std::string> preamble;
};

// What a reader accepts before it answers 413: rows (5,000 rows of people,
// their header and up to 9 rows above it, such as a title), columns, and
// bytes once unzipped.
struct ReadLimits {
  std::size_t max_rows = 5010;
  std::size_t max_columns = 200;
  std::size_t max_unzipped = 64u << 20;
};

// The cell as text: numbers without a needless ".0" (13800138000, 12),
// dates as YYYY-MM-DD, empty as "".
std::string CellText(const SheetCell& cell);
// An Excel serial day number (1900 date system) as a date, when it is one.
std::optional<domain::Date> DateFromSerial(double serial);
double SerialFromDate(domain::Date date);

}  // namespace capdev::formats
