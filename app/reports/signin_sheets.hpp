#pragma once
// A workshop's sign-in grid as a spreadsheet (registered people × session
// dates, the marks so far as P/L/E/A), which the attendance import reads back
// unchanged, and its printable sign-in sheets (a page per session, more for a
// long list).

#include <string>
#include <vector>

#include "app/formats/sheet.hpp"
#include "domain/attendance.hpp"
#include "domain/message.hpp"
#include "domain/workshop.hpp"
#include "storage/attendance_repository.hpp"

namespace capdev::reports {

// Columns Person ID, Full name, Native name, Organization, Email (headed in
// `language` with names the attendance import knows: ID, 姓名, 中文名, 单位,
// 邮箱), then one per session headed by its date (YYYY-MM-DD).
formats::Sheet AttendanceGrid(const domain::SignInMatrix& matrix,
                              const std::vector<storage::SignInPerson>& people,
                              domain::Language language);

// RFC 4180 with a UTF-8 BOM (so Excel shows Chinese names), CRLF lines.
std::string RenderSheetCsv(const formats::Sheet& sheet);

// A4 pages, a session starting each: the workshop's title, the date and city,
// and a row per registered person with an empty signature column; up to 25
// people fit one page, a longer list continues with the heading and the
// column names repeated. Bilingual on
// paper whatever the reader's language: each heading and column in Chinese
// and English ("签名 / Signature"), the date in both.
std::string RenderSignInSheets(
    const domain::Workshop& workshop, const domain::SignInMatrix& matrix,
    const std::vector<storage::SignInPerson>& people);

}  // namespace capdev::reports
