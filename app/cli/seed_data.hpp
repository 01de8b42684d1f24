#pragma once
// seed/*.json, compiled into the binary (see cmake/embed.cmake).

#include <string_view>

namespace capdev::cli {

std::string_view SeedOrganizations();
std::string_view SeedProjects();
std::string_view SeedPeople();
std::string_view SeedWorkshops();

}  // namespace capdev::cli
