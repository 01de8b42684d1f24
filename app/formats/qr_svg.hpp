#pragma once
// QR codes (libqrencode), drawn as SVG: one path of the dark modules, with
// the quiet zone of four modules around them that readers need.

#include <optional>
#include <string>
#include <string_view>

namespace capdev::formats {

// nullopt when the text cannot be encoded (too long for any version). No
// accessible name: the page that shows it gives one (role="img").
std::optional<std::string> QrSvg(std::string_view text);

}  // namespace capdev::formats
