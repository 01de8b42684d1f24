#include "app/formats/xlsx_writer.hpp"

#include <unistd.h>
#include <xlsxwriter.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace capdev::formats {

namespace {

// The workbook's temporary file, removed however the write ends.
struct TempFile {
  std::string path;
  TempFile() {
    std::string pattern =
        (std::filesystem::temp_directory_path() / "capdev-XXXXXX.xlsx")
            .string();
    const int fd = mkstemps(pattern.data(), 5);
    if (fd >= 0) {
      close(fd);
      path = pattern;
    }
  }
  ~TempFile() {
    if (!path.empty()) std::remove(path.c_str());
  }
};

// A tab name Excel accepts: at most 31 characters, none of []:*?/\ , no
// apostrophe first or last, not blank, and unlike every earlier tab of the
// workbook (compared without regard to case, as Excel does); a repeated
// name gets " (2)", " (3)"...
std::string TabName(const std::string& title, std::vector<std::string>& taken) {
  std::string clean;
  for (char c : title) {
    if (std::string_view("[]:*?/\\").find(c) != std::string_view::npos) c = ' ';
    if (c != ' ' || (!clean.empty() && clean.back() != ' ')) clean += c;
  }
  // The first `chars` characters (a UTF-8 sequence stays whole), without
  // apostrophes or spaces at either end.
  const auto cut = [&](std::size_t chars) {
    std::size_t n = 0, end = 0;
    for (; end < clean.size(); ++end) {
      if ((static_cast<unsigned char>(clean[end]) & 0xC0) != 0x80 &&
          ++n > chars)
        break;
    }
    const auto first = clean.find_first_not_of(" '");
    const auto last = clean.find_last_not_of(" '", end - 1);
    if (first == std::string::npos || end == 0 || last == std::string::npos ||
        last < first)
      return std::string("Sheet");
    return clean.substr(first, last - first + 1);
  };
  const auto folded = [](std::string t) {
    for (auto& c : t)
      c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return t;
  };
  std::string name = cut(31);
  for (int k = 2;
       std::find(taken.begin(), taken.end(), folded(name)) != taken.end();
       ++k) {
    const std::string suffix = " (" + std::to_string(k) + ")";
    name = cut(31 - suffix.size()) + suffix;
  }
  taken.push_back(folded(name));
  return name;
}

// A text's width in columns: a character each, two for a CJK one.
double Columns(const std::string& text) {
  double n = 0;
  for (unsigned char c : text) {
    if ((c & 0xC0) != 0x80) n += c >= 0xE0 ? 2 : 1;
  }
  return n;
}

// The lines a text wraps to in a column `width` characters wide (a little
// slack for breaks at words). Spreadsheet programs do not all size a row to
// its wrapped text when they open a file, so the writer sets the height.
int Lines(const std::string& text, double width) {
  const double room = std::max(width - 2, 1.0);
  return std::max(1, static_cast<int>(std::ceil(Columns(text) * 1.1 / room)));
}

}  // namespace

std::vector<std::string> TabNames(std::span<const Sheet> sheets) {
  std::vector<std::string> names, taken;
  names.reserve(sheets.size());
  for (const auto& sheet : sheets) names.push_back(TabName(sheet.title, taken));
  return names;
}

domain::StatusOr<std::string> WriteXlsx(std::span<const Sheet> sheets) {
  const auto failed = domain::Status::Unavailable("error.workbook_not_written");
  TempFile file;
  if (file.path.empty()) return failed;
  lxw_workbook* book = workbook_new(file.path.c_str());
  if (!book) return failed;
  lxw_format* bold = workbook_add_format(book);
  format_set_bold(bold);
  // Headers and texts wrap within their column (rows grow taller instead of
  // columns wider); every cell reads from the top of a taller row.
  lxw_format* header = workbook_add_format(book);
  format_set_bold(header);
  format_set_text_wrap(header);
  format_set_align(header, LXW_ALIGN_VERTICAL_TOP);
  lxw_format* wrapped = workbook_add_format(book);
  format_set_text_wrap(wrapped);
  format_set_align(wrapped, LXW_ALIGN_VERTICAL_TOP);
  lxw_format* number = workbook_add_format(book);
  format_set_align(number, LXW_ALIGN_VERTICAL_TOP);
  lxw_format* date = workbook_add_format(book);
  format_set_num_format(date, "yyyy-mm-dd");
  format_set_align(date, LXW_ALIGN_VERTICAL_TOP);
  lxw_format* percent = workbook_add_format(book);
  format_set_num_format(percent, "0.0%");
  format_set_align(percent, LXW_ALIGN_VERTICAL_TOP);
  const auto names = TabNames(sheets);
  for (std::size_t s = 0; s < sheets.size(); ++s) {
    const Sheet& sheet = sheets[s];
    lxw_worksheet* tab = workbook_add_worksheet(book, names[s].c_str());
    if (!tab) tab = workbook_add_worksheet(book, nullptr);  // never expected
    for (std::size_t p = 0; p < sheet.preamble.size(); ++p) {
      worksheet_write_string(tab, static_cast<lxw_row_t>(p), 0,
                             sheet.preamble[p].c_str(),
                             p == 0 ? bold : nullptr);
    }
    const auto width = [&](std::size_t c) {
      return c < sheet.widths.size() ? sheet.widths[c] : 12.0;
    };
    // A row as tall as its most wrapped text (15 points a line).
    const auto fit = [&](lxw_row_t row, int lines) {
      if (lines > 1) worksheet_set_row(tab, row, 15.0 * lines, nullptr);
    };
    // One empty row between the preamble and the header.
    const auto top = static_cast<lxw_row_t>(
        sheet.preamble.empty() ? 0 : sheet.preamble.size() + 1);
    int header_lines = 1;
    for (std::size_t c = 0; c < sheet.header.size(); ++c) {
      worksheet_write_string(tab, top, static_cast<lxw_col_t>(c),
                             sheet.header[c].c_str(), header);
      header_lines = std::max(header_lines, Lines(sheet.header[c], width(c)));
    }
    fit(top, header_lines);
    for (std::size_t r = 0; r < sheet.rows.size(); ++r) {
      const auto row = static_cast<lxw_row_t>(top + r + 1);
      int lines = 1;
      for (std::size_t c = 0; c < sheet.rows[r].size(); ++c) {
        const auto col = static_cast<lxw_col_t>(c);
        const SheetCell& cell = sheet.rows[r][c];
        if (const auto* text = std::get_if<std::string>(&cell)) {
          if (!text->empty()) {
            worksheet_write_string(tab, row, col, text->c_str(), wrapped);
            lines = std::max(lines, Lines(*text, width(c)));
          }
        } else if (const auto* value = std::get_if<double>(&cell)) {
          worksheet_write_number(tab, row, col, *value, number);
        } else if (const auto* day = std::get_if<domain::Date>(&cell)) {
          worksheet_write_number(tab, row, col, SerialFromDate(*day), date);
        } else if (const auto* share = std::get_if<Percent>(&cell)) {
          worksheet_write_number(tab, row, col, share->ratio, percent);
        }
      }
      fit(row, lines);
    }
    const std::size_t columns = sheet.header.size();
    for (std::size_t c = 0; c < columns; ++c) {
      worksheet_set_column(tab, static_cast<lxw_col_t>(c),
                           static_cast<lxw_col_t>(c), width(c), nullptr);
    }
    worksheet_freeze_panes(tab, top + 1, 0);
    // On paper: A4 landscape, as many pages tall as it takes but one page
    // wide (the columns shrink rather than spill onto pages of their own),
    // the header row again on each page, the tab's name and the page number
    // in the footer ("&P / &N" reads the same in every language).
    worksheet_set_landscape(tab);
    worksheet_set_paper(tab, 9);
    worksheet_fit_to_pages(tab, 1, 0);
    // (These fail only on a row beyond Excel's last or a footer over 255
    // characters.)
    worksheet_repeat_rows(tab, top, top);
    worksheet_set_footer(tab, "&L&A&R&P / &N");
  }
  if (workbook_close(book) != LXW_NO_ERROR) return failed;
  std::ifstream in(file.path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  if (!in) return failed;
  return bytes.str();
}

}  // namespace capdev::formats
