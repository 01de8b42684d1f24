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

// What a look-up of a typed code found.
struct VerifyOutcome {
  std::optional<Verified> found;
  bool too_many = false;  // the address has used its tries
};

// `typed` empty: the form alone.
std::string RenderVerifyPage(domain::Language language,
                             const VerifyOutcome& outcome,
                             const std::string& typed);

}  // namespace capdev::reports
