#pragma once
// QR codes (libqrencode), drawn as SVG: one path of the dark modules, with
// the quiet zone of four modules around them that readers need.

#include <optional>
#include <string>
#include <string_view>

namespace capdev::formats {

// nullopt when the text cannot be encoded (too long for any version).
// `title` is the image's accessible name.
std::optional<std::string> QrSvg(std::string_view text, std::string_view title);

}  // namespace capdev::formats
