#pragma once
// The public verification page (/verify/CODE): valid or revoked, for whom,
// which training, when; nothing more about the person. In the reader's
// language, served by capdev itself (no script).

#include <optional>
#include <string>

#include "domain/certificate.hpp"
#include "domain/message.hpp"
#include "domain/workshop.hpp"

namespace capdev::reports {

struct Verified {
  domain::Certificate certificate;
  std::string full_name;
  std::optional<std::string> native_name;
  domain::Workshop workshop;
};

// `found` none: no certificate has `typed` (empty: the form alone).
std::string RenderVerifyPage(domain::Language language,
                             const std::optional<Verified>& found,
                             const std::string& typed);

}  // namespace capdev::reports
