#pragma once
// Badges (table cards): an A4 sheet of eight cards, each with the name in
// both scripts, the organization, the QR code of the personal link and the
// personal code. Bilingual on paper, as the sign-in sheets.

#include <string>
#include <vector>

#include "domain/workshop.hpp"
#include "storage/attendance_repository.hpp"
#include "storage/checkin.hpp"

namespace capdev::reports {

// A card per person who holds a link, in the sign-in sheets' order;
// `base_url` makes the links absolute ("https://capdev.example.org").
std::string RenderBadges(const domain::Workshop& workshop,
                         const std::vector<storage::SignInPerson>& people,
                         const std::vector<storage::ParticipantLink>& links,
                         const std::string& base_url);

}  // namespace capdev::reports
