#include "app/services/import_sheet.hpp"

#include <string_view>

#include "storage/people.hpp"
#include "storage/text_key.hpp"

namespace capdev::services {

std::string ImportCellText(const std::vector<formats::SheetCell>& row,
                           std::size_t column) {
  if (column >= row.size()) return "";
  std::string text = formats::CellText(row[column]);
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string::npos) return "";
  text = text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1);
  if (text.size() > 1 && text[0] == '\'' &&
      std::string_view("=+-@").find(text[1]) != std::string_view::npos)
    text.erase(0, 1);
  return text;
}

bool IsBlankRow(const std::vector<formats::SheetCell>& row) {
  for (std::size_t c = 0; c < row.size(); ++c) {
    if (!ImportCellText(row, c).empty()) return false;
  }
  return true;
}

std::string ImportHeader::Get(const std::vector<formats::SheetCell>& row,
                              domain::ImportColumn column) const {
  auto it = known.find(column);
  return it == known.end() ? "" : ImportCellText(row, it->second);
}

ImportHeader ReadImportHeader(const std::vector<formats::SheetCell>& row) {
  ImportHeader header;
  for (std::size_t c = 0; c < row.size(); ++c) {
    const std::string text = ImportCellText(row, c);
    if (text.empty()) continue;
    const auto column = domain::ColumnOf(text);
    if (column && !header.known.contains(*column)) {
      header.known[*column] = c;
    } else {
      header.others.emplace_back(c, text);
    }
  }
  return header;
}

std::optional<std::size_t> FindHeaderRow(
    const formats::Rows& sheet,
    std::initializer_list<domain::ImportColumn> needed) {
  constexpr std::size_t kHeaderSearch = 10;
  for (std::size_t i = 0; i < sheet.size() && i < kHeaderSearch; ++i) {
    const auto header = ReadImportHeader(sheet[i]);
    for (auto column : needed) {
      if (header.known.contains(column)) return i;
    }
  }
  return std::nullopt;
}

domain::Status MissingColumn(std::string_view which) {
  return domain::Status::Invalid(
      {{"file", domain::kRequired,
        domain::Message("error.no_column", {{"which", which}})}},
      domain::Message("error.no_header_row", {{"which", which}}));
}

domain::StatusOr<std::optional<std::int64_t>> RowPerson(
    storage::Database& db, const ImportHeader& header,
    const std::vector<formats::SheetCell>& cells,
    const std::vector<RowCandidate>& people,
    std::vector<domain::FieldError>& errors) {
  std::optional<std::int64_t> person;
  const auto id_text = header.Get(cells, domain::ImportColumn::kPersonId);
  const auto email = header.Get(cells, domain::ImportColumn::kEmail);
  const auto name = header.Get(cells, domain::ImportColumn::kFullName);
  if (!id_text.empty()) {
    try {
      std::size_t used = 0;
      person = std::stoll(id_text, &used);
      if (used != id_text.size()) person.reset();
    } catch (const std::exception&) {
      person.reset();  // not a number, or out of range: reported below
    }
    if (!person) {
      errors.emplace_back("person_id", domain::kInvalid,
                          domain::Message("error.not_a_number"));
    }
  } else if (!email.empty()) {
    ASSIGN_OR_RETURN(const auto p, storage::PersonWithEmail(db, email));
    if (p) {
      person = p->id;
    } else {
      errors.emplace_back("email", domain::kNotFound,
                          domain::Message("error.no_person_with_email"));
    }
  } else if (!name.empty()) {
    const auto key = storage::FoldKey(name);
    for (const auto& c : people) {
      if (storage::FoldKey(c.full_name) != key &&
          (!c.native_name || storage::FoldKey(*c.native_name) != key))
        continue;
      if (person) {
        errors.emplace_back("full_name", domain::kInvalid,
                            domain::Message("error.name_ambiguous"));
        break;
      }
      person = c.person_id;
    }
    if (!person && errors.empty())
      errors.emplace_back("full_name", domain::kNotFound,
                          domain::Message("error.name_not_registered"));
  } else {
    errors.emplace_back("person_id", domain::kRequired,
                        domain::Message("error.row_names_nobody"));
  }
  return person;
}

}  // namespace capdev::services
