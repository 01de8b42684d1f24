#pragma once
// Certificates drawn with cairo and pango (A4 landscape, one a page): the
// fonts (Noto CJK) are embedded and subset in the PDF, the QR code drawn as
// vector squares, JPEG images embedded as they came.

#include <optional>
#include <span>
#include <string>
#include <vector>

#include "domain/certificate.hpp"

namespace capdev::reports {

// What one page says; every text is ready to print (both languages where
// there are two).
struct CertificatePage {
  std::string line;         // the template's title, English
  std::string native_line;  // and Chinese
  std::string heading;      // "Certificate of Attendance"
  std::string native_heading;
  std::string holder;  // the Latin name
  std::optional<std::string> native_holder;
  std::string wording;  // "has attended"
  std::string native_wording;
  std::string workshop;
  std::optional<std::string> native_workshop;
  std::string when_where;         // "10–12 Mar 2025 · Xiamen"
  std::string native_when_where;  // "2025年3月10日至12日 · Xiamen"
  std::vector<std::string> institutions;  // "Organized by: ...", both scripts
  std::string code;                       // as printed, grouped
  std::string verify_url;
  std::string verify_label;  // "Verify at" / "验证"
  bool revoked = false;      // drawn across the page
  std::string revoked_label;
};

// The images and signatories shared by every page of a project.
struct CertificateArt {
  std::vector<domain::Signatory> signatories;
  std::optional<std::string> logo_image;  // base64, as the template keeps it
};

std::string CertificatesPdf(const CertificateArt& art,
                            std::span<const CertificatePage> pages);
// Whether an image decodes (a template refuses one that does not).
bool ImageReadable(const domain::Image& image);
// One page as a PNG at `dpi` (the template editor's preview).
std::string CertificatePng(const CertificateArt& art,
                           const CertificatePage& page, double dpi);

}  // namespace capdev::reports
