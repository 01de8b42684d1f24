#pragma once
// Texts on paper, printed for readers of both languages whatever the
// coordinator's: sign-in sheets, badges.

#include <string>
#include <string_view>

namespace capdev::reports {

// "签名 / Signature" as HTML, the English marked as such (screen readers,
// hyphenation).
std::string Both(std::string_view key);
// "签名 / Signature" as plain text (a page's title).
std::string BothPlain(std::string_view key);

}  // namespace capdev::reports
