#pragma once
// How spreadsheets name things: the columns of a participant list or a
// sign-in grid by their header (English or Chinese, any case), and the
// genders and marks people type into cells.

#include <optional>
#include <string>
#include <string_view>

#include "domain/enums.hpp"

namespace capdev::domain {

enum class ImportColumn {
  kPersonId,
  kFullName,
  kNativeName,
  kGender,
  kOrganization,
  kPosition,
  kProvince,
  kEmail,
  kPhone,
  kRole,
  kStatus,
  kListOrder  // the list's own numbering (序号, No.)
};

// The column a header names ("Full name", "full_name", "NAME", "姓名" are one),
// nullopt for a header capdev does not know.
std::optional<ImportColumn> ColumnOf(std::string_view header);

// F/M/女/男 or the enumeration's words, any case; nullopt otherwise.
std::optional<Gender> GenderOf(std::string_view cell);

// P/L/E/A, present/late/excused/absent or a tick (✓ ✔ √) for present, any
// case; nullopt otherwise.
std::optional<Mark> MarkOf(std::string_view cell);

// The letter a sign-in grid shows for a mark (P, L, E, A).
std::string_view MarkLetter(Mark mark);

// ASCII letters lowered, surrounding spaces trimmed.
std::string LowerTrimmed(std::string_view text);

}  // namespace capdev::domain
