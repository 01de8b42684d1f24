#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "domain/enums.hpp"
#include "domain/field.hpp"
#include "domain/status.hpp"

namespace capdev::domain {

// A participant, trainer or official, named in Latin script, in Chinese, or
// both. Name, native name, email and phone are
// personal data: they never reach logs or funder reports.
struct Person {
  std::int64_t id = 0;
  std::string full_name;                   // in Latin script
  std::optional<std::string> native_name;  // in Chinese
  // full_name was generated from native_name (pinyin) and nobody has
  // corrected it since.
  bool full_name_generated = false;
  Gender gender = Gender::kUndisclosed;
  std::optional<std::int64_t> organization_id;
  std::optional<std::string> position;
  std::optional<std::string> province;
  std::optional<std::string> email;
  std::optional<std::string> phone;
};

template <>
struct Fields<Person> {
  using E = Person;
  static constexpr std::string_view kTable = "people";
  static constexpr std::string_view kNoun = "person";
  static constexpr std::string_view kUnique = "email";
  static constexpr std::array<std::string_view, 3> kSearch = {
      "full_name", "native_name", "email"};
  static constexpr auto kAll = std::tuple{
      Field{"full_name", &E::full_name},
      Field{"native_name", &E::native_name},
      Field{"full_name_generated", &E::full_name_generated, Access::kEcho},
      Field{"gender", &E::gender},
      Field{"organization_id", &E::organization_id},
      Field{"position", &E::position},
      Field{"province", &E::province},
      Field{"email", &E::email},
      Field{"phone", &E::phone}};
};

Status Validate(const Person& person);

// A person's name as lists for a donor show it: the Latin name with the
// Chinese one beside it ("WANG Fang 王芳"), or whichever there is.
std::string NameInBothScripts(const std::string& full_name,
                              const std::optional<std::string>& native_name);

}  // namespace capdev::domain
