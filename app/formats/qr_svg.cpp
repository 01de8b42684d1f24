#include "app/formats/qr_svg.hpp"

#include <qrencode.h>

#include <memory>

namespace capdev::formats {

std::optional<std::string> QrSvg(std::string_view text) {
  const std::string data(text);
  // Level M: a projected or printed code stays readable with some glare.
  const std::unique_ptr<QRcode, decltype(&QRcode_free)> code(
      QRcode_encodeString8bit(data.c_str(), 0, QR_ECLEVEL_M), &QRcode_free);
  if (!code) return std::nullopt;
  constexpr int kQuiet = 4;
  const int width = code->width;
  const int size = width + 2 * kQuiet;
  std::string path;
  for (int y = 0; y < width; ++y) {
    // Runs of dark modules on a row, one "h" segment each.
    for (int x = 0; x < width;) {
      if ((code->data[y * width + x] & 1) == 0) {
        ++x;
        continue;
      }
      int run = 1;
      while (x + run < width && (code->data[y * width + x + run] & 1) != 0)
        ++run;
      path += "M" + std::to_string(x + kQuiet) + " " +
              std::to_string(y + kQuiet) + "h" + std::to_string(run) + "v1h-" +
              std::to_string(run) + "z";
      x += run;
    }
  }
  const std::string s = std::to_string(size);
  return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + s + " " +
         s + "\" shape-rendering=\"crispEdges\" aria-hidden=\"true\">" +
         "<rect width=\"" + s + "\" height=\"" + s +
         "\" fill=\"#fff\"/><path fill=\"#000\" d=\"" + path + "\"/></svg>";
}

}  // namespace capdev::formats
