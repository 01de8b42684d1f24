#include "domain/certificate.hpp"

#include <array>
#include <cctype>

#include "domain/reports.hpp"
#include "domain/validation.hpp"

namespace capdev::domain {

std::optional<std::string> NormalizeCode(std::string_view typed) {
  std::string code;
  for (const char c : typed) {
    if (c == '-' || c == ' ') continue;
    const char upper =
        static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    if (kCodeAlphabet.find(upper) == std::string_view::npos) {
      return std::nullopt;
    }
    code += upper;
    if (code.size() > kCodeLength) return std::nullopt;
  }
  if (code.size() != kCodeLength) return std::nullopt;
  return code;
}

std::string GroupedCode(std::string_view code) {
  std::string out;
  for (std::size_t i = 0; i < code.size(); ++i) {
    if (i > 0 && i % 4 == 0) out += '-';
    out += code[i];
  }
  return out;
}

std::optional<NotEligible> Eligibility(CertificateKind kind,
                                       const Attendance& attendance,
                                       std::int64_t sessions, int threshold) {
  if (attendance.status == RegistrationStatus::kCancelled) {
    return NotEligible::kCancelled;
  }
  if (!CountsAsTrained(attendance.role)) return NotEligible::kNotAParticipant;
  if (kind == CertificateKind::kAttendance) {
    if (attendance.days == 0) return NotEligible::kNotAttended;
    return std::nullopt;
  }
  if (!Completed(attendance.days, sessions, threshold)) {
    return NotEligible::kNotCompleted;
  }
  return std::nullopt;
}

namespace {

// The value of a base64 digit (RFC 4648, standard alphabet), -1 otherwise.
int Base64Digit(char c) {
  if (c >= 'A' && c <= 'Z') return c - 'A';
  if (c >= 'a' && c <= 'z') return c - 'a' + 26;
  if (c >= '0' && c <= '9') return c - '0' + 52;
  if (c == '+') return 62;
  if (c == '/') return 63;
  return -1;
}

// Padding optional; no white space (a JSON string carries none).
std::optional<std::string> DecodeBase64(std::string_view text) {
  while (!text.empty() && text.back() == '=') text.remove_suffix(1);
  if (text.size() % 4 == 1) return std::nullopt;
  std::string out;
  out.reserve(text.size() / 4 * 3 + 2);
  std::uint32_t bits = 0;
  int count = 0;
  for (const char c : text) {
    const int digit = Base64Digit(c);
    if (digit < 0) return std::nullopt;
    bits = (bits << 6) | static_cast<std::uint32_t>(digit);
    count += 6;
    if (count >= 8) {
      count -= 8;
      out += static_cast<char>((bits >> count) & 0xFF);
    }
  }
  return out;
}

}  // namespace

StatusOr<Image> DecodeImage(std::string_view base64) {
  // Larger than kMaxImageBytes once decoded: refused before decoding.
  if (base64.size() > (kMaxImageBytes + 2) / 3 * 4) {
    return Status::Invalid(
        {{"", kTooLong,
          Message("error.image_too_large", {{"max", kMaxImageBytes / 1024}})}});
  }
  auto bytes = DecodeBase64(base64);
  if (!bytes) return Status::Invalid({{"", kInvalid, "error.not_base64"}});
  if (bytes->size() > kMaxImageBytes) {
    return Status::Invalid(
        {{"", kTooLong,
          Message("error.image_too_large", {{"max", kMaxImageBytes / 1024}})}});
  }
  static constexpr std::string_view kPng = "\x89PNG\r\n\x1a\n";
  static constexpr std::string_view kJpeg = "\xFF\xD8\xFF";
  if (bytes->starts_with(kPng))
    return Image{ImageType::kPng, std::move(*bytes)};
  if (bytes->starts_with(kJpeg)) {
    return Image{ImageType::kJpeg, std::move(*bytes)};
  }
  return Status::Invalid({{"", kInvalid, "error.not_png_or_jpeg"}});
}

namespace {

void CheckImage(Errors& e, const std::string& field,
                const std::optional<std::string>& image) {
  if (!image) return;
  const auto decoded = DecodeImage(*image);
  if (decoded.ok()) return;
  for (auto error : decoded.status().errors()) {
    error.field = field;
    e.Add(std::move(error));
  }
}

}  // namespace

Status Validate(const CertificateTemplate& t) {
  Errors e;
  e.MaxLength("title", t.title, kMaxName);
  e.MaxLength("native_title", t.native_title, kMaxName);
  e.MaxLength("wording", t.wording, kMaxName);
  e.MaxLength("native_wording", t.native_wording, kMaxName);
  if (e.AtMost("signatories", t.signatories.size(), kMaxSignatories,
               Term{"error.noun.signatories"})) {
    for (std::size_t i = 0; i < t.signatories.size(); ++i) {
      const auto& s = t.signatories[i];
      const std::string at = "signatories[" + std::to_string(i) + "].";
      e.Required(at + "name", s.name);
      e.MaxLength(at + "name", s.name, kMaxShort);
      e.MaxLength(at + "title", s.title, kMaxName);
      CheckImage(e, at + "signature_image", s.signature_image);
    }
  }
  CheckImage(e, "logo_image", t.logo_image);
  return e.ToStatus();
}

}  // namespace capdev::domain
