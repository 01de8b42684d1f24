#pragma once
// Certificates (API.md "Certificates"): of attendance or of completion, one
// per person, workshop and kind while valid; a random code anyone can
// verify; a template per project.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/enums.hpp"
#include "domain/field.hpp"
#include "domain/status.hpp"

namespace capdev::domain {

struct Certificate {
  std::int64_t id = 0;
  std::string code;  // kCodeLength characters of kCodeAlphabet
  std::int64_t person_id = 0;
  std::int64_t workshop_id = 0;
  CertificateKind kind = CertificateKind::kAttendance;
  std::int64_t issued_at = 0;  // unix seconds
  std::optional<std::int64_t> revoked_at;
  std::optional<std::string> revoke_reason;
};

// Codes are read off paper and typed: none of 0 O 1 I L 2 Z 5 S 8 B, which
// look alike in print and handwriting. 25^12 (about 2^55) codes.
inline constexpr std::string_view kCodeAlphabet = "34679ACDEFGHJKMNPQRTUVWXY";
inline constexpr std::size_t kCodeLength = 12;

// A code as typed (any case, with spaces or hyphens) as it is stored; none
// when it cannot be one.
std::optional<std::string> NormalizeCode(std::string_view typed);
// XXXX-XXXX-XXXX: as printed.
std::string GroupedCode(std::string_view code);

// Whether a registration earns a certificate of `kind`: its role and status,
// and the sessions it was present or late at of the workshop's `sessions`.
struct Attendance {
  RegistrationRole role = RegistrationRole::kParticipant;
  RegistrationStatus status = RegistrationStatus::kRegistered;
  std::int64_t days = 0;
};
std::optional<NotEligible> Eligibility(CertificateKind kind,
                                       const Attendance& attendance,
                                       std::int64_t sessions, int threshold);

struct Signatory {
  std::string name;
  std::optional<std::string> title;
  std::optional<std::string> signature_image;  // PNG or JPEG, base64
  bool operator==(const Signatory&) const = default;
};

// What a project's certificates say beyond the record: the line above the
// holder's name, the words between it and the workshop, who signs, a logo.
struct CertificateTemplate {
  std::int64_t project_id = 0;
  std::optional<std::string> title;
  std::optional<std::string> native_title;
  std::optional<std::string> wording;
  std::optional<std::string> native_wording;
  std::vector<Signatory> signatories;
  std::optional<std::string> logo_image;
};

inline constexpr std::size_t kMaxSignatories = 4;
inline constexpr std::size_t kMaxImageBytes = std::size_t{512} * 1024;

enum class ImageType { kPng, kJpeg };
// An image as sent: base64 of a PNG or JPEG of at most kMaxImageBytes.
struct Image {
  ImageType type = ImageType::kPng;
  std::string bytes;
};
StatusOr<Image> DecodeImage(std::string_view base64);

Status Validate(const CertificateTemplate& t);

template <>
struct Fields<Signatory> {
  using E = Signatory;
  static constexpr auto kAll =
      std::tuple{Field{"name", &E::name}, Field{"title", &E::title},
                 Field{"signature_image", &E::signature_image}};
};

template <>
struct Fields<CertificateTemplate> {
  using E = CertificateTemplate;
  static constexpr std::string_view kNoun = "certificate_template";
  static constexpr auto kAll =
      std::tuple{Field{"title", &E::title},
                 Field{"native_title", &E::native_title},
                 Field{"wording", &E::wording},
                 Field{"native_wording", &E::native_wording},
                 Field{"signatories", &E::signatories},
                 Field{"logo_image", &E::logo_image}};
};

}  // namespace capdev::domain
