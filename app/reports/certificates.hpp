#pragma once
// A workshop's certificates as pages to print (certificate_pdf.hpp draws
// them): the record, the project's template, the catalog's words in both
// languages.

#include <cstdint>
#include <span>
#include <string>

#include "domain/certificate.hpp"
#include "storage/certificates.hpp"
#include "storage/database.hpp"

namespace capdev::reports {

// `lines` are certificates of `workshop_id`; `base_url` is where the
// verification page is reached (serve --public-url).
domain::StatusOr<std::string> WorkshopCertificatesPdf(
    storage::Database& db, std::int64_t workshop_id,
    std::span<const storage::CertificateLine> lines,
    const std::string& base_url);

// A sample certificate of the project's latest workshop (or of a sample
// one) under a template not yet saved, as a PNG.
domain::StatusOr<std::string> TemplatePreviewPng(
    storage::Database& db, const domain::CertificateTemplate& t,
    const std::string& base_url);

// The verification address of a code.
std::string VerifyUrl(const std::string& base_url, const std::string& code);

}  // namespace capdev::reports
