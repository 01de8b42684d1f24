#include "domain/import_columns.hpp"

#include <array>
#include <utility>

namespace capdev::domain {

namespace {

// Headers compared without case, spaces, underscores or hyphens.
std::string HeaderKey(std::string_view header) {
  std::string key;
  for (char c : LowerTrimmed(header)) {
    if (c != ' ' && c != '_' && c != '-' && c != '*') key += c;
  }
  return key;
}

}  // namespace

std::string LowerTrimmed(std::string_view text) {
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return "";
  text = text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1);
  std::string out(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

std::optional<ImportColumn> ColumnOf(std::string_view header) {
  using C = ImportColumn;
  static constexpr std::array<std::pair<std::string_view, C>, 35> kNames = {{
      {"personid", C::kPersonId},
      {"id", C::kPersonId},
      {"fullname", C::kFullName},
      {"name", C::kFullName},
      {"姓名", C::kFullName},
      {"nativename", C::kNativeName},
      {"中文名", C::kNativeName},
      {"中文姓名", C::kNativeName},
      {"gender", C::kGender},
      {"sex", C::kGender},
      {"性别", C::kGender},
      {"organization", C::kOrganization},
      {"organisation", C::kOrganization},
      {"agency", C::kOrganization},
      {"单位", C::kOrganization},
      {"position", C::kPosition},
      {"职务", C::kPosition},
      {"province", C::kProvince},
      {"省份", C::kProvince},
      {"email", C::kEmail},
      {"e-mail", C::kEmail},
      {"邮箱", C::kEmail},
      {"电子邮箱", C::kEmail},
      {"phone", C::kPhone},
      {"电话", C::kPhone},
      {"手机", C::kPhone},
      {"role", C::kRole},
      {"角色", C::kRole},
      {"status", C::kStatus},
      {"状态", C::kStatus},
      {"序号", C::kListOrder},
      {"编号", C::kListOrder},
      {"no.", C::kListOrder},
      {"no", C::kListOrder},
      {"#", C::kListOrder},
  }};
  const std::string key = HeaderKey(header);
  for (const auto& [name, column] : kNames) {
    if (key == name) return column;
  }
  return std::nullopt;
}

std::optional<Gender> GenderOf(std::string_view cell) {
  const std::string v = LowerTrimmed(cell);
  if (v == "f" || v == "女" || v == "female") return Gender::kFemale;
  if (v == "m" || v == "男" || v == "male") return Gender::kMale;
  return FromText<Gender>(v);
}

std::optional<Mark> MarkOf(std::string_view cell) {
  const std::string v = LowerTrimmed(cell);
  if (v == "p" || v == "✓" || v == "✔" || v == "√") return Mark::kPresent;
  if (v == "l") return Mark::kLate;
  if (v == "e") return Mark::kExcused;
  if (v == "a") return Mark::kAbsent;
  return FromText<Mark>(v);
}

std::string_view MarkLetter(Mark mark) {
  switch (mark) {
    case Mark::kPresent:
      return "P";
    case Mark::kLate:
      return "L";
    case Mark::kExcused:
      return "E";
    case Mark::kAbsent:
      return "A";
  }
  return "";
}

}  // namespace capdev::domain
